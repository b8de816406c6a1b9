/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/swap.h>

/* tmpfs (mm/shmem.c). Linux: include/linux/shmem_fs.h */

/*
 * A tmpfs's limits: Linux's defaults for a mounted tmpfs (size= half of
 * RAM, nr_inodes= half of RAM's pages), none (0) for the internal one
 * of nameless files (a kernel mount in Linux). A hard link takes an
 * inode slot too, as in Linux.
 */
struct shmem_sb_info {
	unsigned long max_blocks;	/* pages the file system may hold; 0: no limit */
	unsigned long used_blocks;
	unsigned long max_inodes;	/* inodes; 0: no limit */
	unsigned long free_inodes;
	/*
	 * statfs's f_fsid. Linux makes it from s_uuid, random at mount;
	 * here at the first statfs, as the rootfs is made before the
	 * random generator is seeded.
	 */
	int fsid[2];
};

static inline struct shmem_sb_info *SHMEM_SB(struct super_block *sb)
{
	return sb->s_fs_info;
}

enum sgp_type {
	SGP_READ,	/* find a page; a hole stays a hole */
	SGP_NOALLOC,	/* find a page (in swap too); a hole is -ENOENT */
	SGP_CACHE,	/* find or allocate, within the file's size (faults) */
	SGP_WRITE,	/* find or allocate, anywhere (write(2) extends) */
	SGP_FALLOC,	/* as SGP_WRITE, but a new page stays !Uptodate until used */
};

struct super_block *shmem_fill_super(dev_t dev, unsigned long sb_flags);
void shmem_init(void);
struct inode *shmem_get_inode(struct super_block *sb, const struct inode *dir, umode_t mode,
			      dev_t dev);
bool shmem_file(struct file *file);
int shmem_get_page(struct inode *inode, pgoff_t index, struct page **pagep,
		   enum sgp_type sgp);
void shmem_uncharge(struct inode *inode, unsigned long pages);
void shmem_recalc_inode(struct inode *inode);
void shmem_truncate_range(struct inode *inode, loff_t lstart, loff_t lend);
struct file *shmem_file_setup(const char *name, loff_t size, unsigned long vm_flags);
int shmem_zero_setup(struct vm_area_struct *vma);
int shmem_lock(struct file *file, int lock);
void shmem_evict_inode(struct inode *inode);
bool vma_is_shmem(const struct vm_area_struct *vma);
bool shmem_mapping(const struct address_space *mapping);
int shmem_mfill_atomic_pte(struct vm_area_struct *dst_vma, pmd_t *dst_pmd,
			   unsigned long dst_addr, struct page *page, bool wp_copy);

/*
 * mm/shmem_swap.c: tmpfs pages in swap. shmem_writepage's "keep the
 * page, dirty, locked, and activate it". Linux: AOP_WRITEPAGE_ACTIVATE
 * (include/linux/fs.h)
 */
#define AOP_WRITEPAGE_ACTIVATE	0x80000
int shmem_writepage(struct page *page);
int shmem_swapin_page(struct inode *inode, pgoff_t index, swp_entry_t swap,
		      struct page **pagep, enum sgp_type sgp, vm_fault_t *fault_type);
void shmem_swapin_partial(struct inode *inode, loff_t lstart, loff_t lend);
void shmem_free_swap_range(struct inode *inode, pgoff_t start, pgoff_t end);
unsigned long shmem_partial_swap_usage(struct address_space *mapping, pgoff_t start,
				       pgoff_t end);
unsigned long shmem_swap_usage(struct vm_area_struct *vma);
void shmem_swaplist_del(struct inode *inode);

/* mm/shmem_fallocate.c */
long shmem_fallocate(struct file *file, int mode, loff_t offset, loff_t len);

/* Shared by mm/shmem.c and its directories, mm/shmem_dir.c */
struct iattr;
extern const struct inode_operations shmem_dir_inode_operations;
int shmem_reserve_inode(struct super_block *sb);
void shmem_free_inode(struct super_block *sb);
int shmem_setattr(struct dentry *dentry, struct iattr *attr);

#endif
