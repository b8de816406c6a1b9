// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes: allocation, reference counting and the end of a file's life;
 * a new inode's owner, and the set-ID rules that go with ownership.
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
#include <linux/blkdev.h>
#include <linux/cred.h>
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
	mapping->i_mmap = RB_ROOT_CACHED;
	mapping->nrpages = 0;
	mapping->flags = 0;
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
		inode->i_fop = &def_blk_fops;	/* block/fops.c: ENXIO if no such disk */
		inode->i_rdev = rdev;
	}
}

void inode_set_ctime_current(struct inode *inode)
{
	inode->i_ctime = current_time();
}

/*
 * A new inode's owner: the creator's fsuid, and its fsgid unless the
 * directory is set-group-ID (BSD's rule, there on request): then the
 * directory's group, and a new directory inherits the S_ISGID bit.
 * Linux: inode_init_owner()
 */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = current_fsuid();
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	} else {
		inode->i_gid = current_fsgid();
	}
	inode->i_mode = mode;
}

/* Is the caller the owner (by fsuid), or has it CAP_FOWNER? Linux: inode_owner_or_capable() */
bool inode_owner_or_capable(const struct inode *inode)
{
	return current_fsuid() == inode->i_uid || capable(CAP_FOWNER);
}

/*
 * May the caller have a set-group-ID file of group gid: is it in the
 * group, or has it CAP_FSETID? Linux: in_group_or_capable()
 */
bool in_group_or_capable(const struct inode *inode, gid_t gid)
{
	return in_group_p(gid) || capable_wrt_inode_uidgid(inode, CAP_FSETID);
}

/*
 * A file created set-group-ID and group-executable in a set-group-ID
 * directory of a group the creator is not in (and may not act for)
 * loses S_ISGID: else anyone could make set-group-ID programs of that
 * group. Linux: mode_strip_sgid()
 */
umode_t mode_strip_sgid(const struct inode *dir, umode_t mode)
{
	if ((mode & (S_ISGID | S_IXGRP)) != (S_ISGID | S_IXGRP))
		return mode;
	if (S_ISDIR(mode) || !dir || !(dir->i_mode & S_ISGID))
		return mode;
	if (in_group_or_capable(dir, dir->i_gid))
		return mode;
	return mode & ~S_ISGID;
}

/*
 * A write to a set-ID file by a task without CAP_FSETID clears its
 * set-ID bits, so no one can plant code in another's set-ID program.
 * Linux: file_remove_privs()
 */
int file_remove_privs(struct file *file)
{
	struct dentry *dentry = file->f_path.dentry;
	int kill = setattr_should_drop_suidgid(d_inode(dentry));
	struct iattr attr = { .ia_valid = ATTR_FORCE | kill };

	return kill ? notify_change(dentry, &attr) : 0;
}
