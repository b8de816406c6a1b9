// SPDX-License-Identifier: GPL-2.0
/*
 * Files with no file system of their own (a pidfd, later an eventfd):
 * every one shares a single inode of an internal super block and has a
 * nameless dentry of its own, "[pidfd]". Linux: fs/anon_inodes.c
 *
 * Like Linux's anon inode, the shared inode has mode 0600 and no file
 * type, so fstat of such a file shows st_mode 0600. Left out: the
 * "anon_inode:[pidfd]" name d_path would give (Linux's d_dname), which
 * only a /proc/<pid>/fd link would show.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/panic.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/anon_inodes.h>

#define ANON_INODE_FS_MAGIC	0x09041934

static struct super_block *anon_inode_sb;
static struct inode *anon_inode_inode;

/* Made at boot, so that the first pidfd does not look like a leak. Linux: anon_inode_init() */
void anon_inode_init(void)
{
	anon_inode_sb = kzalloc(sizeof(*anon_inode_sb), GFP_KERNEL);
	if (anon_inode_sb) {
		anon_inode_sb->s_magic = ANON_INODE_FS_MAGIC;
		anon_inode_sb->s_type = "anon_inodefs";
		anon_inode_inode = new_inode(anon_inode_sb);
	}
	if (!anon_inode_inode)
		panic("anon_inode_init: no memory for the anonymous inode");
	anon_inode_inode->i_ino = get_next_ino();
	anon_inode_inode->i_mode = S_IRUSR | S_IWUSR;
	anon_inode_inode->i_atime = anon_inode_inode->i_mtime = current_time();
	anon_inode_inode->i_ctime = anon_inode_inode->i_mtime;
}

/*
 * A new file named name on the shared inode, with fops and priv as its
 * private data; flags keep only the access mode and O_NONBLOCK.
 * Linux: anon_inode_getfile()
 */
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags)
{
	struct qstr qname = { name, (unsigned int)strlen(name) };
	struct path path;
	struct file *file;

	path.dentry = d_alloc_pseudo(anon_inode_sb, &qname);
	if (!path.dentry)
		return ERR_PTR(-ENOMEM);
	ihold(anon_inode_inode);
	d_instantiate(path.dentry, anon_inode_inode);
	file = alloc_file(&path, flags & (O_ACCMODE | O_NONBLOCK), fops);
	path_put(&path);
	if (!IS_ERR(file))
		file->private_data = priv;
	return file;
}
