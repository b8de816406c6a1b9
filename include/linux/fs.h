/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/stat.h>
#include <linux/fcntl.h>
#include <linux/uio.h>
#include <linux/dcache.h>
#include <linux/radix-tree.h>
#include <linux/rbtree.h>
#include <linux/time64.h>

/*
 * The VFS: inodes with their address_space (page cache and the list of
 * VMAs mapping the file), dentries, open files and what can be done to
 * them. Linux: include/linux/fs.h
 */
struct page;
struct vm_area_struct;
struct vm_fault;
struct super_block;
struct poll_table_struct;
struct pipe_inode_info;
struct task_struct;
struct seq_file;
struct cred;
typedef unsigned int __poll_t;

#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
#define FMODE_LSEEK	0x4
#define FMODE_PREAD	0x8
#define FMODE_PWRITE	0x10
#define FMODE_EXEC	0x20
/* In open flags, from exec only: open to execute (MAY_EXEC), not to read. */
#define __FMODE_EXEC	((int)FMODE_EXEC)
#define FMODE_UNSIGNED_OFFSET	0x2000	/* offsets past LLONG_MAX (/proc/<pid>/mem) */
#define FMODE_PATH	0x4000	/* O_PATH: a handle, not for I/O */

/* Device numbers: 12-bit major, 20-bit minor (Linux: include/linux/kdev_t.h). */
#define MINORBITS	20
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & ((1U << MINORBITS) - 1)))
#define MKDEV(ma, mi)	(((ma) << MINORBITS) | (mi))

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
	struct rb_root_cached i_mmap;	/* VMAs mapping us, via vma->shared:
					   an interval tree by file page */
	long i_mmap_writable;		/* of them, VM_SHARED|VM_MAYWRITE ones;
					   -1: F_SEAL_WRITE allows no more
					   (Linux: an atomic_t) */
	unsigned long flags;		/* AS_* (pagemap.h) */
};

/*
 * Writable shared mappings against F_SEAL_WRITE: a seal needs none to
 * exist (-EBUSY), and once sealed none may be made (-EPERM). Linux:
 * include/linux/fs.h mapping_map_writable() and friends
 */
static inline int mapping_map_writable(struct address_space *mapping)
{
	if (mapping->i_mmap_writable < 0)
		return -EPERM;
	mapping->i_mmap_writable++;
	return 0;
}

static inline void mapping_unmap_writable(struct address_space *mapping)
{
	mapping->i_mmap_writable--;
}

static inline int mapping_deny_writable(struct address_space *mapping)
{
	if (mapping->i_mmap_writable > 0)
		return -EBUSY;
	mapping->i_mmap_writable--;
	return 0;
}

#define S_DEAD		16	/* a removed directory (it may still be someone's cwd) */
#define IS_DEADDIR(inode)	((inode)->i_flags & S_DEAD)

struct inode_operations;
struct file_operations;
struct kstatfs;

struct inode {
	umode_t i_mode;
	unsigned int i_nlink;		/* names (dentries) linking to us */
	unsigned int i_uid, i_gid;
	unsigned int i_flags;		/* S_DEAD */
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
	struct timespec64 i_atime, i_mtime, i_ctime;
	struct pipe_inode_info *i_pipe;	/* a FIFO's pipe, while open */
	int i_writecount;		/* open for writing (<0: being executed) */
	void *i_private;		/* the file system's (procfs: the task) */
	unsigned long i_shmem_flags;	/* tmpfs: VM_NORESERVE, VM_LOCKED (Linux: shmem_inode_info.flags) */
	unsigned int i_shmem_seals;	/* tmpfs: F_SEAL_* (Linux: shmem_inode_info.seals) */
	unsigned long i_shmem_alloced;	/* tmpfs: pages charged, in i_pages or swap, or
					   dropped by reclaim and not yet uncharged
					   (shmem_recalc_inode; Linux: .alloced) */
	unsigned long i_shmem_swapped;	/* tmpfs: swap entries in i_pages (Linux: .swapped) */
	struct list_head i_shmem_swaplist;	/* tmpfs: on shmem_swaplist while it may have
						   some (Linux: .swaplist) */
	u64 i_sequence;			/* a futex key's name for us: 0 until one needs it */
};

struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags;		/* O_* as given to open (fcntl changes some) */
	fmode_t f_mode;			/* FMODE_* */
	loff_t f_pos;
	long f_count;
	struct address_space *f_mapping;
	const struct cred *f_cred;	/* the opener's credentials, referenced */
	void *private_data;		/* the driver's (a pipe, a tty) */
};

struct iattr {
	unsigned int ia_valid;		/* ATTR_* */
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime, ia_mtime;
};
#define ATTR_MODE	0x1
#define ATTR_UID	0x2
#define ATTR_GID	0x4
#define ATTR_SIZE	0x8
#define ATTR_ATIME	0x10
#define ATTR_MTIME	0x20
#define ATTR_CTIME	0x40
#define ATTR_FORCE	0x200	/* not a change the caller asked for: no permission check */
#define ATTR_KILL_SUID	0x800	/* clear S_ISUID (chown, write, truncate) */
#define ATTR_KILL_SGID	0x1000	/* clear S_ISGID */

/* What getdents fills, one entry at a time (Linux: struct dir_context). */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen,
			  loff_t pos, u64 ino, unsigned int d_type);
struct dir_context {
	filldir_t actor;
	loff_t pos;			/* the directory's f_pos: entries done */
};

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

static inline unsigned int fs_umode_to_dtype(umode_t mode)
{
	return (mode & S_IFMT) >> 12;
}

#define RENAME_NOREPLACE	(1 << 0)
#define RENAME_EXCHANGE		(1 << 1)

struct inode_operations {
	/*
	 * A directory whose names are not all in the dcache (procfs): give
	 * the negative dentry an inode if the name exists. Returns 0 and
	 * leaves it negative for a name that does not. Linux: ->lookup
	 */
	int (*lookup)(struct inode *dir, struct dentry *dentry);
	/*
	 * A symlink whose target is computed at each use (/proc/self):
	 * write the target into buf; or, for a "magic link" that names an
	 * object rather than a path (/proc/<pid>/exe, cwd), set *jump to
	 * the path it stands for (a reference) and return 0. Linux: ->get_link
	 */
	int (*get_link)(struct dentry *dentry, char *buf, int buflen, struct path *jump);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *target);
	int (*link)(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*rename)(struct inode *old_dir, struct dentry *old_dentry,
		      struct inode *new_dir, struct dentry *new_dentry, unsigned int flags);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
	/* Whether the current task may do MAY_* to the inode, if not by its mode bits. */
	int (*permission)(struct inode *inode, int mask);
};

struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	__poll_t (*poll)(struct file *file, struct poll_table_struct *wait);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	/* fallocate(2), checked by vfs_fallocate() (FALLOC_FL_*). */
	long (*fallocate)(struct file *file, int mode, loff_t offset, loff_t len);
	/* What /proc/<pid>/fdinfo/<fd> adds for this kind of file (a pidfd's Pid:). */
	void (*show_fdinfo)(struct seq_file *m, struct file *file);
};

struct super_operations {
	/* The inode's last reference is gone and no name links to it. */
	void (*evict_inode)(struct inode *inode);
	/* The super block goes (a mount that failed): free s_fs_info. */
	void (*put_super)(struct super_block *sb);
	/* statfs(2): the magic number and counts. Linux: ->statfs */
	int (*statfs)(struct dentry *dentry, struct kstatfs *buf);
};

#define SB_NLINK_STAT	0x1	/* i_nlink is only what stat shows (procfs), not names */
#define SB_KERNMOUNT	0x2	/* the kernel's own, mounted nowhere (Linux: kern_mount) */

struct super_block {
	const struct super_operations *s_op;
	unsigned long s_flags;		/* SB_* */
	dev_t s_dev;
	unsigned long s_magic;
	struct dentry *s_root;
	const char *s_type;		/* "tmpfs" */
	void *s_fs_info;
};

/*
 * A file system mounted on a directory of another (procfs on /proc).
 * Linux keeps a tree of struct mount and puts a vfsmount in every
 * struct path; Faultline has one namespace and mounts each super block
 * once, so a path stays a dentry and the walk crosses at dentries marked
 * DCACHE_MOUNTED. Linux: fs/mount.h struct mount
 */
struct mount {
	struct list_head mnt_list;	/* in the mount table, oldest first */
	struct dentry *mnt_mountpoint;	/* where, in the parent file system */
	struct dentry *mnt_root;	/* what: the mounted super block's root */
	const char *mnt_devname;	/* as mount(2) was given it ("proc") */
	unsigned long mnt_flags;	/* MS_RDONLY, MS_NOSUID, ... as given */
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

/* fs/inode.c, fs/attr.c */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
int notify_change(struct dentry *dentry, struct iattr *attr);
void inode_set_ctime_current(struct inode *inode);

/* fs/char_dev.c */
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
extern const struct file_operations def_chr_fops;

/* exec holds off writers to the program it runs (ETXTBSY). Linux: deny_write_access() */
static inline int deny_write_access(struct file *file)
{
	struct inode *inode = file_inode(file);

	if (inode->i_writecount > 0)
		return -ETXTBSY;
	inode->i_writecount--;
	return 0;
}

static inline void allow_write_access(struct file *file)
{
	if (file)
		file_inode(file)->i_writecount++;
}

/* fs/file_table.c */
struct file *alloc_file(const struct path *path, int flags, const struct file_operations *fop);
struct file *get_file(struct file *file);
void fput(struct file *file);

/* fs/open.c, fs/read_write.c */
struct file *filp_open(const char *filename, int flags, umode_t mode);
struct file *file_open_root(const struct path *dir, const char *name, int flags, umode_t mode);
struct file *do_filp_open(int dfd, const char *filename, int flags, umode_t mode);
int vfs_open(struct file *file);
ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos);
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos);
ssize_t vfs_iter_read(struct file *file, struct iov_iter *iter, loff_t *pos);
ssize_t vfs_iter_write(struct file *file, struct iov_iter *iter, loff_t *pos);
loff_t no_llseek(struct file *file, loff_t offset, int whence);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
int filp_close(struct file *file);
int vfs_truncate(const struct path *path, loff_t length);
int do_truncate(struct dentry *dentry, loff_t length);
int vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len);
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
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
int vfs_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
	       struct dentry *new_dentry, unsigned int flags);
int inode_permission(struct inode *inode, int mask);

/* fs/libfs.c: directories of a RAM file system */
int dcache_readdir(struct file *file, struct dir_context *ctx);
extern const struct file_operations simple_dir_operations;

/* fs/stat.c */
struct kstat {
	u64 ino;
	dev_t dev, rdev;
	umode_t mode;
	unsigned int nlink;
	uid_t uid;
	gid_t gid;
	loff_t size;
	struct timespec64 atime, mtime, ctime;
	u64 blocks;			/* 512-byte units */
	u32 blksize;
};
void generic_fillattr(struct inode *inode, struct kstat *stat);
int vfs_getattr(const struct path *path, struct kstat *stat);

/* What a permission check asks for (inode_permission's mask). Linux's values. */
#define MAY_EXEC	0x1
#define MAY_WRITE	0x2
#define MAY_READ	0x4
#define MAY_APPEND	0x8
#define MAY_ACCESS	0x10	/* access(2) */
#define MAY_OPEN	0x20
#define MAY_CHDIR	0x40

/* fs/namei.c: permission by the mode bits, owner and group (fs/attr.c, fs/inode.c: changes) */
int generic_permission(struct inode *inode, int mask);
int path_permission(const struct path *path, int mask);
int file_permission(struct file *file, int mask);
bool inode_owner_or_capable(const struct inode *inode);
bool in_group_or_capable(const struct inode *inode, gid_t gid);
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
umode_t mode_strip_sgid(const struct inode *dir, umode_t mode);
int setattr_prepare(struct dentry *dentry, struct iattr *attr);
int setattr_should_drop_sgid(const struct inode *inode);
int setattr_should_drop_suidgid(const struct inode *inode);
int file_remove_privs(struct file *file);

/* fs/namespace.c: the root file system, the mount table, the first task's fs_struct */
void vfs_caches_init(void);
void populate_rootfs(void);
extern struct super_block *root_sb;
extern struct list_head mount_list;
struct dentry *lookup_mnt(const struct dentry *mountpoint);
struct mount *mount_of_root(const struct dentry *root);
void kill_super(struct super_block *sb);
int init_mount(const char *dev_name, const char *dir_name, const char *type);
int do_mount_sb(struct super_block *sb, const char *devname, const struct path *where,
		unsigned long flags);

#endif
