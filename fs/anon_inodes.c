// SPDX-License-Identifier: GPL-2.0
/*
 * Files with no name and no file system of their own: a userfaultfd is
 * one. Each gets a fresh inode of the internal anon_inodefs (mode 0600,
 * no file type, one link, as Linux's alloc_anon_inode() makes it; device
 * 0:14 as on the oracle) and a nameless
 * dentry "[name]"; the driver's state hangs off file->private_data.
 * Linux: fs/anon_inodes.c (anon_inode_getfile_secure, which makes an
 * inode per file; the plain anon_inode_getfile shares one inode among
 * all, which Faultline does not need)
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/statfs.h>
#include <linux/anon_inodes.h>

static const struct super_operations anon_inodefs_ops = {
	.statfs = simple_statfs,
};

static struct super_block anon_inode_sb = {
	.s_op = &anon_inodefs_ops,
	.s_flags = SB_KERNMOUNT | SB_NLINK_STAT,	/* i_nlink 1, as Linux shows it */
	.s_dev = MKDEV(0, 14),
	.s_magic = ANON_INODE_FS_MAGIC,
	.s_type = "anon_inodefs",
};

/* Linux: alloc_anon_inode() */
static struct inode *alloc_anon_inode(void)
{
	struct inode *inode = new_inode(&anon_inode_sb);

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	inode->i_mode = 0600;	/* rw for the owner, and no file type */
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	return inode;
}

/*
 * A new file "anon_inode:[name]" with fops and priv, opened with flags
 * (the access mode and O_NONBLOCK count). Linux: __anon_inode_getfile()
 */
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags)
{
	struct qstr qname = { name, (unsigned int)strlen(name) };
	struct inode *inode = alloc_anon_inode();
	struct file *file;
	struct path path;

	if (!inode)
		return ERR_PTR(-ENOMEM);
	path.dentry = d_alloc_pseudo(&anon_inode_sb, &qname);
	if (!path.dentry) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	d_instantiate(path.dentry, inode);
	inode->i_fop = fops;
	file = alloc_file(&path, flags & (O_ACCMODE | O_NONBLOCK), fops);
	path_put(&path);	/* the file holds the dentry now, or it goes with it */
	if (IS_ERR(file))
		return file;
	file->f_mode &= ~(FMODE_PREAD | FMODE_PWRITE);	/* pread: ESPIPE */
	file->private_data = priv;
	return file;
}

/* The same, installed at a new descriptor (O_CLOEXEC in flags counts). Linux: anon_inode_getfd() */
int anon_inode_getfd(const char *name, const struct file_operations *fops, void *priv,
		     int flags)
{
	int fd = get_unused_fd_flags((unsigned int)flags);
	struct file *file;

	if (fd < 0)
		return fd;
	file = anon_inode_getfile(name, fops, priv, flags);
	if (IS_ERR(file)) {
		put_unused_fd((unsigned int)fd);
		return (int)PTR_ERR(file);
	}
	fd_install((unsigned int)fd, file);
	return fd;
}
