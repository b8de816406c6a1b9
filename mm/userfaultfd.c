// SPDX-License-Identifier: GPL-2.0
/*
 * What a userfaultfd monitor does to the faulting address space: fill
 * missing pages (UFFDIO_COPY, UFFDIO_ZEROPAGE), map pages the file
 * already has (UFFDIO_CONTINUE), and set or lift write protection
 * (UFFDIO_WRITEPROTECT). Linux: mm/userfaultfd.c
 *
 * A fill goes page by page and stops at the first failure, reporting how
 * many bytes it did (or the failure, if none):
 *
 *   ENOENT  the range is not inside one registered VMA
 *   EINVAL  the VMA is not anonymous or shmem (CONTINUE: not shmem), or
 *           COPY_MODE_WP into a range not registered for WP
 *   EAGAIN  an event (fork, mremap, ...) is waiting to be read
 *   EEXIST  the page is mapped already (the fault was resolved)
 *   EFAULT  the source cannot be read (COPY); past the end of the file
 *           (shmem); no page in the file (CONTINUE)
 *   ENOMEM  no memory for the page or its page tables
 *   EINTR   a fatal signal came, after at least one page
 *
 * Faultline takes no mmap_lock; instead it reads the source page before
 * it looks at the destination, and looks again afterwards: the copy may
 * fault in the monitor's own memory and sleep (Linux copies with page
 * faults off under the lock, and on a fault drops the lock, copies, and
 * starts over: the same order).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/rmap.h>
#include <linux/pagemap.h>
#include <linux/swap.h>
#include <linux/pagewalk.h>
#include <linux/shmem_fs.h>
#include <linux/userfaultfd_k.h>
#include <asm/uaccess.h>
#include <asm/tlbflush.h>

/*
 * The VMA that holds all of [dst_start, dst_start + len) and is
 * registered with a uffd, or NULL. Linux: find_dst_vma()
 */
static struct vm_area_struct *find_dst_vma(struct mm_struct *dst_mm, unsigned long dst_start,
					   unsigned long len)
{
	struct vm_area_struct *dst_vma = find_vma(dst_mm, dst_start);

	if (!dst_vma)
		return NULL;
	if (dst_start < dst_vma->vm_start || dst_start + len > dst_vma->vm_end)
		return NULL;
	/* Registration checked VM_MAYWRITE: only registered VMAs may be filled. */
	if (!dst_vma->vm_userfaultfd_ctx.ctx)
		return NULL;
	return dst_vma;
}

/* Is this file offset at or past the end of dst_vma's file? */
static bool mfill_beyond_eof(struct vm_area_struct *dst_vma, unsigned long dst_addr)
{
	struct inode *inode = file_inode(dst_vma->vm_file);

	return linear_page_index(dst_vma, dst_addr) >=
	       DIV_ROUND_UP(i_size_read(inode), PAGE_SIZE);
}

/*
 * Map page at dst_addr, where the PTE must still be empty. The page is a
 * new anonymous one (COPY into private memory) or a shmem cache page
 * (COPY or ZEROPAGE into shared memory, CONTINUE); the caller's
 * reference becomes the PTE's. A cache page in a private mapping is
 * mapped read-only (a write copies it); wp_copy maps it write-protected.
 * Linux: mfill_atomic_install_pte()
 */
int mfill_atomic_install_pte(struct vm_area_struct *dst_vma, pmd_t *dst_pmd,
			     unsigned long dst_addr, struct page *page, bool wp_copy)
{
	bool writable = dst_vma->vm_flags & VM_WRITE;
	bool page_in_cache = page->mapping && !PageAnon(page);
	pte_t entry = pte_mkdirty(mk_pte(page, dst_vma->vm_page_prot));
	pte_t *dst_pte;

	if (page_in_cache && !(dst_vma->vm_flags & VM_SHARED))
		writable = false;
	if (wp_copy) {
		entry = pte_mkuffd_wp(entry);
		writable = false;
	}
	entry = writable ? pte_mkwrite(entry) : pte_wrprotect(entry);
	/* Linux: pte_offset_map_lock(): the PTE table's lock, then the checks. */
	dst_pte = pte_offset_kernel(dst_pmd, dst_addr);
	if (vma_is_shmem(dst_vma) && mfill_beyond_eof(dst_vma, dst_addr))
		return -EFAULT;
	if (!pte_none(*dst_pte))
		return -EEXIST;
	/* A new page-cache page is on the LRU already (shmem_mfill_atomic_pte). */
	if (page_in_cache) {
		page_add_file_rmap(page, dst_vma);
	} else {
		page_add_new_anon_rmap(page, dst_vma, dst_addr);
		lru_cache_add_inactive_or_unevictable(page, dst_vma);
	}
	inc_mm_counter(dst_vma->vm_mm, mm_counter(page));
	set_pte(dst_pte, entry);
	return 0;
}

/* ZEROPAGE into private memory: the shared zero page. Linux: mfill_zeropage_pte() */
static int mfill_zeropage_pte(struct vm_area_struct *dst_vma, pmd_t *dst_pmd,
			      unsigned long dst_addr)
{
	pte_t entry = pte_mkspecial(pfn_pte(page_to_pfn(ZERO_PAGE(0)), dst_vma->vm_page_prot));
	pte_t *dst_pte = pte_offset_kernel(dst_pmd, dst_addr);

	if (dst_vma->vm_file && mfill_beyond_eof(dst_vma, dst_addr))
		return -EFAULT;
	if (!pte_none(*dst_pte))
		return -EEXIST;
	set_pte(dst_pte, entry);
	return 0;
}

/*
 * CONTINUE: map the page the shmem file already has at this offset, read
 * back if it is in swap (EFAULT if it has none). Linux: mcontinue_atomic_pte()
 */
static int mcontinue_atomic_pte(struct vm_area_struct *dst_vma, pmd_t *dst_pmd,
				unsigned long dst_addr, bool wp_copy)
{
	struct page *page;
	int ret = shmem_get_page(file_inode(dst_vma->vm_file),
				 linear_page_index(dst_vma, dst_addr), &page, SGP_NOALLOC);

	if (ret)
		return ret == -ENOENT ? -EFAULT : ret;
	ret = mfill_atomic_install_pte(dst_vma, dst_pmd, dst_addr, page, wp_copy);
	unlock_page(page);
	if (ret)
		put_page(page);
	return ret;
}

/*
 * One page of a fill, its PTE table present; page is the filled page
 * (COPY, or ZEROPAGE into shared memory), or NULL. Linux: mfill_atomic_pte()
 */
static int mfill_atomic_pte(struct vm_area_struct *dst_vma, pmd_t *dst_pmd,
			    unsigned long dst_addr, struct page *page,
			    enum mcopy_atomic_mode mode, bool wp_copy)
{
	if (mode == MCOPY_ATOMIC_CONTINUE)
		return mcontinue_atomic_pte(dst_vma, dst_pmd, dst_addr, wp_copy);
	/* A private shmem mapping gets anonymous pages, as its own faults would. */
	if (!(dst_vma->vm_flags & VM_SHARED)) {
		if (mode == MCOPY_ATOMIC_ZEROPAGE)
			return mfill_zeropage_pte(dst_vma, dst_pmd, dst_addr);
		SetPageUptodate(page);
		return mfill_atomic_install_pte(dst_vma, dst_pmd, dst_addr, page, wp_copy);
	}
	return shmem_mfill_atomic_pte(dst_vma, dst_pmd, dst_addr, page, wp_copy);
}

/*
 * May [dst_start, dst_start + len) be filled in this mode now? Sets
 * *vmap. Linux: the checks at the top of __mcopy_atomic()
 */
static int mfill_check(struct mm_struct *dst_mm, unsigned long dst_start, unsigned long len,
		       enum mcopy_atomic_mode mode, atomic_t *mmap_changing, bool wp_copy,
		       struct vm_area_struct **vmap)
{
	struct vm_area_struct *dst_vma;

	if (mmap_changing && atomic_read(mmap_changing))
		return -EAGAIN;
	dst_vma = find_dst_vma(dst_mm, dst_start, len);
	if (!dst_vma)
		return -ENOENT;
	if (wp_copy && !(dst_vma->vm_flags & VM_UFFD_WP))
		return -EINVAL;
	if (!vma_is_anonymous(dst_vma) && !vma_is_shmem(dst_vma))
		return -EINVAL;
	if (!vma_is_shmem(dst_vma) && mode == MCOPY_ATOMIC_CONTINUE)
		return -EINVAL;
	/* The new anonymous page needs the VMA's anon_vma to be found by the rmap. */
	if (!(dst_vma->vm_flags & VM_SHARED) && anon_vma_prepare(dst_vma))
		return -ENOMEM;
	*vmap = dst_vma;
	return 0;
}

/* A new page holding the PAGE_SIZE bytes at src_addr (of the caller's memory). */
static int mcopy_read_page(unsigned long src_addr, struct page **pagep)
{
	struct page *page = alloc_page(GFP_HIGHUSER_MOVABLE);

	if (!page)
		return -ENOMEM;
	if (copy_from_user(page_address(page), (const void __user *)src_addr, PAGE_SIZE)) {
		put_page(page);
		return -EFAULT;
	}
	*pagep = page;
	return 0;
}

/* The PMD entry for addr, with the tables down to it (and the PTE table) made. */
static pmd_t *mm_alloc_pte_table(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud = pud_alloc(mm, p4d_offset(pgd, addr), addr);
	pmd_t *pmd = pud ? pmd_alloc(mm, pud, addr) : NULL;

	if (!pmd || (pmd_none(*pmd) && __pte_alloc(mm, pmd)))
		return NULL;
	return pmd;
}

/* One page of __mcopy_atomic(): 0 or -errno. */
static int mfill_atomic_one(struct mm_struct *dst_mm, unsigned long dst_start, unsigned long len,
			    unsigned long dst_addr, unsigned long src_addr,
			    enum mcopy_atomic_mode mode, atomic_t *mmap_changing, bool wp_copy)
{
	struct vm_area_struct *dst_vma;
	struct page *page = NULL;
	pmd_t *dst_pmd;
	int err;

	err = mfill_check(dst_mm, dst_start, len, mode, mmap_changing, wp_copy, &dst_vma);
	if (err)
		return err;
	if (mode == MCOPY_ATOMIC_NORMAL) {
		err = mcopy_read_page(src_addr, &page);
		if (err)
			return err;
		/* The read may have slept in a fault: the VMAs may have changed. */
		err = mfill_check(dst_mm, dst_start, len, mode, mmap_changing, wp_copy, &dst_vma);
		if (err)
			goto out_put;
	} else if (mode == MCOPY_ATOMIC_ZEROPAGE && (dst_vma->vm_flags & VM_SHARED)) {
		/* Shared memory has no zero page to map: a zeroed page of the file. */
		page = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
		if (!page)
			return -ENOMEM;
	}
	err = -ENOMEM;
	dst_pmd = mm_alloc_pte_table(dst_mm, dst_addr);
	if (!dst_pmd)
		goto out_put;
	err = mfill_atomic_pte(dst_vma, dst_pmd, dst_addr, page, mode, wp_copy);
	if (!err)
		return 0;
out_put:
	if (page)
		put_page(page);
	return err;
}

/*
 * Fill [dst_start, dst_start + len) page by page (from src_start for a
 * COPY). Returns the bytes filled, or -errno if none were.
 * Linux: __mcopy_atomic()
 */
static ssize_t __mcopy_atomic(struct mm_struct *dst_mm, unsigned long dst_start,
			      unsigned long src_start, unsigned long len,
			      enum mcopy_atomic_mode mode, atomic_t *mmap_changing, u64 uffd_mode)
{
	bool wp_copy = uffd_mode & UFFDIO_COPY_MODE_WP;
	unsigned long done;
	int err = 0;

	VM_BUG_ON((dst_start | len) & ~PAGE_MASK);
	for (done = 0; done < len; done += PAGE_SIZE) {
		err = mfill_atomic_one(dst_mm, dst_start, len, dst_start + done, src_start + done,
				       mode, mmap_changing, wp_copy);
		if (err)
			break;
		if (fatal_signal_pending(current)) {
			done += PAGE_SIZE;
			err = -EINTR;
			break;
		}
	}
	return done ? (ssize_t)done : err;
}

ssize_t mcopy_atomic(struct mm_struct *dst_mm, unsigned long dst_start, unsigned long src_start,
		     unsigned long len, atomic_t *mmap_changing, u64 mode)
{
	return __mcopy_atomic(dst_mm, dst_start, src_start, len, MCOPY_ATOMIC_NORMAL,
			      mmap_changing, mode);
}

ssize_t mfill_zeropage(struct mm_struct *dst_mm, unsigned long start, unsigned long len,
		       atomic_t *mmap_changing)
{
	return __mcopy_atomic(dst_mm, start, 0, len, MCOPY_ATOMIC_ZEROPAGE, mmap_changing, 0);
}

ssize_t mcopy_continue(struct mm_struct *dst_mm, unsigned long start, unsigned long len,
		       atomic_t *mmap_changing)
{
	return __mcopy_atomic(dst_mm, start, 0, len, MCOPY_ATOMIC_CONTINUE, mmap_changing, 0);
}

/*
 * Set (enable_wp) or lift userfaultfd's write protection on the present
 * PTEs of [start, start + len) in vma. Protected PTEs lose their write
 * bit; lifting restores the VMA's protection (a private page then stays
 * read-only until its next write, which reuses it). Linux: uffd_wp_range()
 */
void uffd_wp_range(struct mm_struct *dst_mm, struct vm_area_struct *vma, unsigned long start,
		   unsigned long len, bool enable_wp)
{
	unsigned long vm_flags = vma->vm_flags;
	pgprot_t newprot;

	(void)dst_mm;
	if (enable_wp)
		vm_flags &= ~VM_WRITE;
	newprot = vm_get_page_prot(vm_flags);
	change_protection(vma, start, start + len, newprot,
			  enable_wp ? MM_CP_UFFD_WP : MM_CP_UFFD_WP_RESOLVE);
}

/*
 * UFFDIO_WRITEPROTECT: ENOENT unless the range lies in one VMA
 * registered for WP. Linux: mwriteprotect_range()
 */
int mwriteprotect_range(struct mm_struct *dst_mm, unsigned long start, unsigned long len,
			bool enable_wp, atomic_t *mmap_changing)
{
	struct vm_area_struct *dst_vma;

	if (mmap_changing && atomic_read(mmap_changing))
		return -EAGAIN;
	dst_vma = find_dst_vma(dst_mm, start, len);
	if (!dst_vma || !userfaultfd_wp(dst_vma) || !vma_can_userfault(dst_vma, dst_vma->vm_flags))
		return -ENOENT;
	uffd_wp_range(dst_mm, dst_vma, start, len, enable_wp);
	return 0;
}
