// SPDX-License-Identifier: GPL-2.0
/*
 * fallocate(2) on tmpfs: allocating a file's pages ahead of use, and
 * punching holes in it. Linux: mm/shmem.c shmem_fallocate()
 *
 *   mode 0                  allocate the pages of the range; the file
 *                           grows to its end
 *   FALLOC_FL_KEEP_SIZE     allocate, the size stays (pages past the end
 *                           wait there for the file to grow)
 *   PUNCH_HOLE|KEEP_SIZE    free the whole pages of the range, after
 *                           unmapping them from every mapping of the
 *                           file; the parts of pages at its two ends are
 *                           zeroed; private COW copies stay
 *
 * An allocation either gets every page or gives back the ones it made:
 * its new pages stay !Uptodate until first used (shmem_get_page() with
 * SGP_FALLOC), so that an error half-way (ENOSPC, ENOMEM) can tell them
 * from the pages that were there before (one an earlier fallocate made
 * becomes up to date when this one reaches it). Until then they read as
 * holes and are not resident to mincore(), as in Linux.
 *
 * Left out from Linux: shmem_falloc's hand-shake with page faults that
 * race with a punch (one CPU, no kernel preemption: none can), its
 * swap-storm limits, EINTR for a pending signal, and RLIMIT_FSIZE,
 * which Faultline's writes do not enforce either.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/falloc.h>
#include <linux/pagemap.h>
#include <linux/shmem_fs.h>

#define UNFALLOC_BATCH	16

/*
 * Give back the pages of [start, end) that this fallocate made (those
 * still !Uptodate). Linux: shmem_undo_range(..., unfalloc = true)
 */
static void shmem_unfalloc_range(struct inode *inode, pgoff_t start, pgoff_t end)
{
	struct address_space *mapping = inode->i_mapping;
	struct page *pages[UNFALLOC_BATCH];
	unsigned int n;

	while (start < end && (n = find_get_pages(mapping, start, UNFALLOC_BATCH, pages))) {
		for (unsigned int i = 0; i < n; i++) {
			struct page *page = pages[i];

			start = page->index + 1;
			if (page->index < end && !PageUptodate(page)) {
				lock_page(page);
				delete_from_page_cache(page);
				unlock_page(page);
			}
			put_page(page);
		}
	}
	shmem_recalc_inode(inode);
}

/*
 * Allocate the pages of [start, end). On an error, the pages made here
 * go again and the error is returned.
 */
static int shmem_falloc_range(struct inode *inode, pgoff_t start, pgoff_t end)
{
	for (pgoff_t index = start; index < end; index++) {
		struct page *page;
		int error = shmem_get_page(inode, index, &page, SGP_FALLOC);

		if (error) {
			shmem_unfalloc_range(inode, start, index);
			return error;
		}
		set_page_dirty(page);	/* Linux: so that reclaim swaps it rather than drop it */
		unlock_page(page);
		put_page(page);
	}
	return 0;
}

/*
 * FALLOC_FL_PUNCH_HOLE: unmap the whole pages of the range from every
 * mapping (private COW copies stay), then free them and zero the parts
 * of the pages at its ends. -EPERM on a write-sealed file. Faultline
 * differs: Linux compares the page bounds unsigned, so that a hole
 * inside one page also unmaps (harmlessly: they fault back) every page
 * after it; here only the pages of the hole are unmapped.
 */
static int shmem_punch_hole(struct file *file, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);
	u64 unmap_start = ALIGN((u64)offset, PAGE_SIZE);
	u64 unmap_end = ALIGN_DOWN((u64)(offset + len), PAGE_SIZE);

	if (is_write_sealed(inode->i_shmem_seals))
		return -EPERM;
	if (unmap_end > unmap_start)
		unmap_mapping_range(file->f_mapping, (loff_t)unmap_start,
				    (loff_t)(unmap_end - unmap_start), false);
	shmem_truncate_range(inode, offset, offset + len - 1);
	return 0;
}

/*
 * Allocate the pages of [offset, offset + len), growing the file to its
 * end unless keep_size: -EPERM past the end of an F_SEAL_GROW file,
 * -ENOSPC past the file system's size. The page bounds are computed
 * unsigned, as in Linux, so that a range ending at MAX_LFS_FILESIZE
 * has its last page.
 */
static int shmem_falloc_alloc(struct inode *inode, int mode, loff_t offset, loff_t len)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);
	pgoff_t start = (u64)offset >> PAGE_SHIFT;
	pgoff_t end = ((u64)offset + (u64)len + PAGE_SIZE - 1) >> PAGE_SHIFT;
	int error;

	if ((inode->i_shmem_seals & F_SEAL_GROW) && offset + len > i_size_read(inode))
		return -EPERM;
	/* More than the file system can ever hold: fail before allocating. */
	if (sbinfo->max_blocks && end - start > sbinfo->max_blocks)
		return -ENOSPC;
	error = shmem_falloc_range(inode, start, end);
	if (error)
		return error;
	if (!(mode & FALLOC_FL_KEEP_SIZE) && offset + len > i_size_read(inode))
		i_size_write(inode, offset + len);
	return 0;
}

/* ->fallocate of tmpfs files, after vfs_fallocate()'s checks. Linux: shmem_fallocate() */
long shmem_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);
	int error;

	if (mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE))
		return -EOPNOTSUPP;
	/* Linux: inode_lock(inode) around the rest. */
	if (mode & FALLOC_FL_PUNCH_HOLE)
		error = shmem_punch_hole(file, offset, len);
	else
		error = shmem_falloc_alloc(inode, mode, offset, len);
	if (!error)
		inode->i_mtime = inode->i_ctime = current_time();	/* Linux: file_modified() */
	return error;
}
