/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/fs.h>
#include <linux/mm.h>

/* tmpfs (mm/shmem.c). Linux: include/linux/shmem_fs.h */
enum sgp_type {
	SGP_READ,	/* find a page; a hole stays a hole */
	SGP_CACHE,	/* find or allocate, within the file's size (faults) */
	SGP_WRITE,	/* find or allocate, anywhere (write(2) extends) */
};

struct super_block *shmem_fill_super(dev_t dev, unsigned long sb_flags);
void shmem_init(void);
struct inode *shmem_get_inode(struct super_block *sb, umode_t mode, dev_t dev);
int shmem_get_page(struct inode *inode, pgoff_t index, struct page **pagep,
		   enum sgp_type sgp);
struct file *shmem_file_setup(const char *name, loff_t size, unsigned long vm_flags);
int shmem_zero_setup(struct vm_area_struct *vma);
void shmem_evict_inode(struct inode *inode);
bool vma_is_shmem(const struct vm_area_struct *vma);
int shmem_mfill_atomic_pte(struct vm_area_struct *dst_vma, pmd_t *dst_pmd,
			   unsigned long dst_addr, struct page *page, bool wp_copy);

#endif
