// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes: allocation, reference counting and the end of a file's life.
 * Linux: fs/inode.c
 *
 * An inode lives while anything refers to it (a dentry, an open file, a
 * mapping through its file). When the last reference goes and no name
 * links to it any more, it is evicted: its pages leave the page cache
 * and are freed.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/pipe_fs_i.h>

static struct kmem_cache *inode_cachep;
static unsigned long last_ino;

unsigned long get_next_ino(void)
{
	return ++last_ino;
}

void address_space_init_once(struct address_space *mapping)
{
	INIT_RADIX_TREE(&mapping->i_pages);
	INIT_LIST_HEAD(&mapping->i_mmap);
	mapping->nrpages = 0;
	mapping->i_mmap_writable = 0;
}

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode;

	if (!inode_cachep)
		inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode), 0,
						 SLAB_PANIC | SLAB_RECLAIM_ACCOUNT, NULL);
	inode = kmem_cache_zalloc(inode_cachep, GFP_KERNEL);
	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_count = 1;
	inode->i_nlink = 1;
	inode->i_mapping = &inode->i_data;
	address_space_init_once(&inode->i_data);
	inode->i_data.host = inode;
	return inode;
}

void ihold(struct inode *inode)
{
	inode->i_count++;
}

static void evict(struct inode *inode)
{
	const struct super_operations *op = inode->i_sb->s_op;

	if (op && op->evict_inode)
		op->evict_inode(inode);
	truncate_inode_pages(inode->i_mapping, 0);
	kfree(inode->i_link);
	kmem_cache_free(inode_cachep, inode);
}

void iput(struct inode *inode)
{
	if (!inode || --inode->i_count > 0)
		return;
	/* a linked name holds a reference */
	WARN_ON(inode->i_nlink && !(inode->i_sb->s_flags & SB_NLINK_STAT));
	evict(inode);
}

void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	WARN_ON(inode->i_nlink == 0);
	inode->i_nlink--;
}

/*
 * A device node, FIFO or socket: its open is the driver's, or the pipe
 * code's. Linux: init_special_inode()
 */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = &pipefifo_fops;
	} else if (S_ISBLK(mode)) {
		inode->i_rdev = rdev;	/* no block devices: opening gives ENXIO */
	}
}

void inode_set_ctime_current(struct inode *inode)
{
	inode->i_ctime = current_time();
}

/*
 * Change attributes: mode, owner, size, times. The file system's setattr
 * does the work (size changes need it); Linux: notify_change() ->
 * simple_setattr() / setattr_copy()
 */
int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);
	struct timespec64 now = current_time();
	int err = 0;

	if ((attr->ia_valid & ATTR_SIZE) && inode->i_op && inode->i_op->setattr)
		err = inode->i_op->setattr(dentry, attr);
	else if (attr->ia_valid & ATTR_SIZE)
		err = -EPERM;
	if (err)
		return err;
	if (attr->ia_valid & ATTR_MODE)
		inode->i_mode = attr->ia_mode;
	if (attr->ia_valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (attr->ia_valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (attr->ia_valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (attr->ia_valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (attr->ia_valid & ATTR_CTIME)
		inode->i_ctime = now;
	return 0;
}
