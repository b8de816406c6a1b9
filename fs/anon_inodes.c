// SPDX-License-Identifier: GPL-2.0
/*
 * Files with no name and no file system of their own: pidfds and
 * userfaultfds. Each has a nameless dentry "[name]" on the internal
 * anon_inodefs (device 0:14, as on the oracle), with the driver's state
 * in file->private_data. The inode is, as in Linux 6.1:
 *
 *   anon_inode_getfile()         one inode shared by every such file (pidfd)
 *   anon_inode_getfile_secure()  a fresh inode per file (userfaultfd)
 *
 * Either inode has mode 0600 and no file type, one link, as Linux's
 * alloc_anon_inode() makes it. Linux: fs/anon_inodes.c (where _secure
 * is also what lets a security module label the inode)
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/panic.h>
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

static struct inode *anon_inode_inode;	/* the shared one */

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

/* The shared inode, made at boot so that the first pidfd does not look like a leak. */
void anon_inode_init(void)
{
	anon_inode_inode = alloc_anon_inode();
	if (!anon_inode_inode)
		panic("anon_inode_init: no memory for the anonymous inode");
}

/*
 * A file "[name]" on inode (whose reference it takes over), with fops
 * and priv, opened with flags (the access mode and O_NONBLOCK count).
 * Linux: __anon_inode_getfile()
 */
static struct file *__anon_inode_getfile(const char *name, const struct file_operations *fops,
					 void *priv, int flags, struct inode *inode)
{
	struct qstr qname = { name, (unsigned int)strlen(name) };
	struct file *file;
	struct path path;

	path.dentry = d_alloc_pseudo(&anon_inode_sb, &qname);
	if (!path.dentry) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	d_instantiate(path.dentry, inode);
	file = alloc_file(&path, flags & (O_ACCMODE | O_NONBLOCK), fops);
	path_put(&path);	/* the file holds the dentry now, or it goes with it */
	if (IS_ERR(file))
		return file;
	file->f_mode &= ~(FMODE_PREAD | FMODE_PWRITE);	/* pread: ESPIPE */
	file->private_data = priv;
	return file;
}

/* On the shared inode. Linux: anon_inode_getfile() */
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags)
{
	ihold(anon_inode_inode);
	return __anon_inode_getfile(name, fops, priv, flags, anon_inode_inode);
}

/* On an inode of its own. Linux: anon_inode_getfile_secure() */
struct file *anon_inode_getfile_secure(const char *name, const struct file_operations *fops,
				       void *priv, int flags)
{
	struct inode *inode = alloc_anon_inode();

	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_fop = fops;
	return __anon_inode_getfile(name, fops, priv, flags, inode);
}

/* The same, installed at a new descriptor (O_CLOEXEC in flags counts). Linux: anon_inode_getfd_secure() */
int anon_inode_getfd_secure(const char *name, const struct file_operations *fops, void *priv,
			    int flags)
{
	int fd = get_unused_fd_flags((unsigned int)flags);
	struct file *file;

	if (fd < 0)
		return fd;
	file = anon_inode_getfile_secure(name, fops, priv, flags);
	if (IS_ERR(file)) {
		put_unused_fd((unsigned int)fd);
		return (int)PTR_ERR(file);
	}
	fd_install((unsigned int)fd, file);
	return fd;
}
