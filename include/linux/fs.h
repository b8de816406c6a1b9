/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/err.h>
#include <linux/stat.h>
#include <linux/fcntl.h>
#include <linux/uio.h>
#include <linux/dcache.h>
#include <linux/radix-tree.h>

/*
 * The VFS, as much as the page cache and mmap need: inodes with their
 * address_space (page cache and the list of VMAs mapping the file),
 * dentries, and open files. Linux: include/linux/fs.h
 */
struct page;
struct vm_area_struct;
struct vm_fault;
struct super_block;

#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
#define FMODE_LSEEK	0x4

#define MAX_LFS_FILESIZE	((loff_t)LLONG_MAX)
#ifndef LLONG_MAX
#define LLONG_MAX	9223372036854775807LL
#endif

/*
 * A file's pages: the page cache index (page offset -> struct page) and
 * the VMAs that map the file. Linux: struct address_space
 */
struct address_space {
	struct inode *host;
	struct radix_tree_root i_pages;	/* the page cache */
	unsigned long nrpages;
	struct list_head i_mmap;	/* VMAs mapping us, via vma->shared
					   (Linux: an interval tree) */
	unsigned long i_mmap_writable;	/* of them, VM_SHARED ones */
};

struct inode_operations;
struct file_operations;

struct inode {
	umode_t i_mode;
	unsigned int i_nlink;		/* names (dentries) linking to us */
	unsigned int i_uid, i_gid;
	dev_t i_rdev;
	loff_t i_size;			/* bytes */
	unsigned long i_ino;
	int i_count;			/* references: dentries, files */
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct super_block *i_sb;
	struct address_space *i_mapping;	/* &i_data here */
	struct address_space i_data;
	char *i_link;			/* symlink target */
};

struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags;		/* O_* as given to open */
	fmode_t f_mode;			/* FMODE_* */
	loff_t f_pos;
	long f_count;
	struct address_space *f_mapping;
};

struct iattr {
	unsigned int ia_valid;		/* ATTR_* */
	loff_t ia_size;
};
#define ATTR_SIZE	0x8

struct inode_operations {
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *target);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
};

struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*release)(struct inode *inode, struct file *file);
};

struct super_operations {
	/* The inode's last reference is gone and no name links to it. */
	void (*evict_inode)(struct inode *inode);
};

struct super_block {
	const struct super_operations *s_op;
	dev_t s_dev;
	unsigned long s_magic;
	struct dentry *s_root;
	const char *s_type;		/* "tmpfs" */
	void *s_fs_info;
};

/* The task's root and working directory (Linux: struct fs_struct). */
struct fs_struct {
	struct path root, pwd;
};

static inline struct inode *file_inode(const struct file *file)
{
	return file->f_inode;
}

static inline loff_t i_size_read(const struct inode *inode)
{
	return inode->i_size;
}

static inline void i_size_write(struct inode *inode, loff_t size)
{
	inode->i_size = size;
}

/* fs/inode.c */
struct inode *new_inode(struct super_block *sb);
void ihold(struct inode *inode);
void iput(struct inode *inode);
unsigned long get_next_ino(void);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void address_space_init_once(struct address_space *mapping);

/* fs/file_table.c */
struct file *alloc_file(const struct path *path, int flags, const struct file_operations *fop);
struct file *get_file(struct file *file);
void fput(struct file *file);

/* fs/open.c, fs/read_write.c */
struct file *filp_open(const char *filename, int flags, umode_t mode);
int filp_close(struct file *file);
int vfs_truncate(const struct path *path, loff_t length);
int do_truncate(struct dentry *dentry, loff_t length);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);

/* fs/namei.c */
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *target);
int vfs_unlink(struct inode *dir, struct dentry *dentry);
int vfs_rmdir(struct inode *dir, struct dentry *dentry);

/* fs/namespace.c: the root file system and the first task's fs_struct */
void vfs_caches_init(void);
void populate_rootfs(void);
extern struct super_block *root_sb;

#endif
