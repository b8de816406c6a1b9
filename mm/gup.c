// SPDX-License-Identifier: GPL-2.0
/*
 * Getting at the pages behind user addresses, faulting them in as the
 * owner's own access would: exec writes the new program's arguments into
 * its stack this way, /proc/<pid>/cmdline reads another process's memory,
 * and mlock, MAP_POPULATE and MADV_POPULATE_* fault whole ranges in.
 * Linux: mm/gup.c
 *
 * __get_user_pages() is the one loop: for each page, look at the PTE
 * (follow_page_pte); if it does not give what the caller asked for (no
 * page, or a read-only one for a write), fault (faultin_page) and look
 * again. The FOLL_* flags say what is asked:
 *
 *   FOLL_WRITE  the page must be writable (a private page gets its COW)
 *   FOLL_FORCE  ...even where the VMA forbids it: ptrace and
 *               /proc/<pid>/mem write into read-only private mappings
 *               through a private copy; mlock populates PROT_READ areas
 *   FOLL_TOUCH  mark the page accessed (and dirty for a write)
 *   FOLL_GET    return the pages with a reference each
 *
 * Left out from Linux: pinning (FOLL_PIN, FOLL_LONGTERM), huge pages,
 * FOLL_NOWAIT and the mmap_lock dropping (*locked), the fast lockless
 * walk (get_user_pages_fast), hardware poison.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/pagemap.h>

/*
 * May a FOLL_FORCE write use a PTE that is not writable? Only in a
 * private (COW) mapping, and only once the COW has given us our own
 * anonymous page: exclusive and dirtied by the fault that made it.
 * Linux: can_follow_write_pte()
 */
static bool can_follow_write_pte(pte_t pte, struct page *page, struct vm_area_struct *vma,
				 unsigned int flags)
{
	if (pte_write(pte))
		return true;
	if (!(flags & FOLL_FORCE))
		return false;
	if (vma->vm_flags & (VM_WRITE | VM_SHARED))
		return false;
	return page && PageAnon(page) && PageAnonExclusive(page) && pte_dirty(pte);
}

/*
 * The page at addr if its PTE gives what flags ask for; NULL if a fault
 * is needed; an ERR_PTR for the zero page under FOLL_DUMP (a core dump
 * writes a hole there). Linux: follow_page_mask() -> follow_page_pte()
 */
static struct page *follow_page_pte(struct vm_area_struct *vma, unsigned long addr,
				    unsigned int flags)
{
	pmd_t *pmd = mm_find_pmd(vma->vm_mm, addr);
	struct page *page;
	pte_t *ptep, pte;

	if (!pmd)
		return NULL;
	/* Linux: pte_offset_map_lock(): the PTE table's lock. */
	ptep = pte_offset_kernel(pmd, addr);
	pte = *ptep;
	if (!pte_present(pte))
		return NULL;
	page = vm_normal_page(vma, addr, pte);
	if ((flags & FOLL_WRITE) && !can_follow_write_pte(pte, page, vma, flags))
		return NULL;
	if (!page)
		return (flags & FOLL_DUMP) ? ERR_PTR(-EFAULT) : pte_page(pte);
	if (flags & FOLL_TOUCH) {
		if ((flags & FOLL_WRITE) && !pte_dirty(pte) && !PageDirty(page))
			set_page_dirty(page);
		mark_page_accessed(page);
	}
	if (flags & FOLL_GET)
		get_page(page);
	return page;
}

/*
 * Fault the page at addr in as its owner's access would. Returns 0 to
 * look again, or -errno. Linux: faultin_page()
 */
static int faultin_page(struct vm_area_struct *vma, unsigned long addr, unsigned int flags)
{
	unsigned int fault_flags = 0;
	vm_fault_t ret;

	if (flags & FOLL_WRITE)
		fault_flags |= FAULT_FLAG_WRITE;
	ret = handle_mm_fault(vma, addr, fault_flags, NULL);
	if (ret & VM_FAULT_OOM)
		return -ENOMEM;
	if (ret & (VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV | VM_FAULT_HWPOISON))
		return -EFAULT;
	return 0;
}

/*
 * May this VMA be accessed as flags ask? A write needs VM_WRITE, or
 * FOLL_FORCE on a private mapping (the write goes to a private copy); a
 * read needs VM_READ, or FOLL_FORCE and VM_MAYREAD. Linux: check_vma_flags()
 */
int check_vma_flags(struct vm_area_struct *vma, unsigned int gup_flags)
{
	unsigned long vm_flags = vma->vm_flags;

	if (vm_flags & (VM_IO | VM_PFNMAP))
		return -EFAULT;
	if ((gup_flags & FOLL_ANON) && !vma_is_anonymous(vma))
		return -EFAULT;
	if (gup_flags & FOLL_WRITE) {
		if (!(vm_flags & VM_WRITE)) {
			if (!(gup_flags & FOLL_FORCE))
				return -EFAULT;
			if (!is_cow_mapping(vm_flags))
				return -EFAULT;
		}
	} else if (!(vm_flags & VM_READ)) {
		if (!(gup_flags & FOLL_FORCE))
			return -EFAULT;
		if (!(vm_flags & VM_MAYREAD))
			return -EFAULT;
	}
	return 0;
}

/* The VMA for addr, growing a stack down to it if need be. Linux: find_extend_vma() */
static struct vm_area_struct *find_extend_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (!vma)
		return NULL;
	if (vma->vm_start <= addr)
		return vma;
	if (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, addr))
		return NULL;
	return vma;
}

/*
 * Look up (faulting in as needed) nr_pages pages from start in mm. With
 * pages, store each page (with a reference under FOLL_GET). Returns the
 * number of pages done, or -errno if not even the first could be.
 * Linux: __get_user_pages() (the caller holds mmap_lock there)
 */
long __get_user_pages(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
		      unsigned int gup_flags, struct page **pages)
{
	struct vm_area_struct *vma = NULL;
	long done = 0;
	int err = 0;

	start &= PAGE_MASK;
	while (done < (long)nr_pages) {
		struct page *page;

		if (!vma || start >= vma->vm_end) {
			vma = find_extend_vma(mm, start);
			err = vma ? check_vma_flags(vma, gup_flags) : -EFAULT;
			if (err)
				break;
		}
		page = follow_page_pte(vma, start, gup_flags);
		if (!page) {
			err = faultin_page(vma, start, gup_flags);
			if (err)
				break;
			continue;	/* look again */
		}
		if (IS_ERR(page)) {
			err = (int)PTR_ERR(page);
			break;
		}
		if (pages)
			pages[done] = page;
		done++;
		start += PAGE_SIZE;
	}
	return done ? done : err;
}

/*
 * One page of another address space, with a reference, faulted in for a
 * write if write (exec's argument copy, FOLL_FORCE as Linux's).
 * Linux: get_user_pages_remote() for one page
 */
struct page *get_user_page_remote(struct mm_struct *mm, unsigned long addr, bool write)
{
	unsigned int flags = FOLL_GET | FOLL_FORCE | (write ? FOLL_WRITE : 0);
	struct page *page;
	long ret = __get_user_pages(mm, addr, 1, flags, &page);

	if (ret < 0)
		return ERR_PTR(ret);
	if (is_zero_pfn(page_to_pfn(page)))
		return ERR_PTR(-EFAULT);	/* the zero page: no reference taken */
	return page;
}

/*
 * Read (or, FOLL_WRITE in gup_flags, write) len bytes at addr of an
 * address space that need not be ours, faulting pages in as its owner's
 * access would; FOLL_FORCE goes past the protection as ptrace does (a
 * write into a read-only private mapping lands in a private copy). The
 * shared zero page reads as zeros. Returns the bytes done, which stop
 * short at the first address that cannot be reached.
 * Linux: mm/memory.c __access_remote_vm()
 */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len,
		     unsigned int gup_flags)
{
	bool write = gup_flags & FOLL_WRITE;
	int done = 0;

	/* Linux: __access_remote_vm() holds mmap_lock for reading. */
	while (done < len) {
		unsigned int offset = addr & (PAGE_SIZE - 1);
		int bytes = (int)min((unsigned long)(len - done), PAGE_SIZE - offset);
		struct page *page;
		char *kaddr;

		if (__get_user_pages(mm, addr, 1, gup_flags | FOLL_GET, &page) <= 0)
			break;
		kaddr = (char *)page_address(page) + offset;
		if (write) {
			memcpy(kaddr, (char *)buf + done, bytes);
			set_page_dirty(page);
		} else {
			memcpy((char *)buf + done, kaddr, bytes);
		}
		if (!is_zero_pfn(page_to_pfn(page)))
			put_page(page);	/* the zero page comes without a reference */
		done += bytes;
		addr += bytes;
	}
	return done;
}

/* --- populating ranges: mlock, MAP_POPULATE, MADV_POPULATE_* --- */

/*
 * Fault in [start, end) of vma as mlock wants it: written if the mapping
 * is private and writable (so the COW happens now), forced if it is
 * accessible at all. VM_LOCKONFAULT areas are left to fault on use.
 * Returns pages done or -errno. Linux: populate_vma_page_range()
 */
long populate_vma_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	unsigned long nr_pages = (end - start) >> PAGE_SHIFT;
	unsigned int gup_flags = FOLL_TOUCH;

	VM_BUG_ON(start < vma->vm_start || end > vma->vm_end);
	if (vma->vm_flags & VM_LOCKONFAULT)
		return (long)nr_pages;
	if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		gup_flags |= FOLL_WRITE;
	if (vma_is_accessible(vma))
		gup_flags |= FOLL_FORCE;
	return __get_user_pages(vma->vm_mm, start, nr_pages, gup_flags, NULL);
}

/*
 * Fault in [start, end) of vma for MADV_POPULATE_READ/WRITE: as a real
 * access would, never forced; a VMA that does not allow the access is
 * EINVAL. Linux: faultin_vma_page_range()
 */
long faultin_vma_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end,
			    bool write)
{
	unsigned int gup_flags = FOLL_TOUCH | (write ? FOLL_WRITE : 0);

	VM_BUG_ON(start < vma->vm_start || end > vma->vm_end);
	if (check_vma_flags(vma, gup_flags))
		return -EINVAL;
	return __get_user_pages(vma->vm_mm, start, (end - start) >> PAGE_SHIFT, gup_flags, NULL);
}

/*
 * Populate every VMA in [start, start + len) of the current mm (mlock,
 * MAP_POPULATE, mremap of a locked area). With ignore_errors a VMA that
 * fails is skipped; else the first failure is returned (mlock turns
 * it into its own errno). Linux: __mm_populate()
 */
int __mm_populate(unsigned long start, unsigned long len, int ignore_errors)
{
	struct mm_struct *mm = current->mm;
	unsigned long end = start + len, nstart, nend;
	struct vm_area_struct *vma;
	long ret = 0;

	/* Linux: mmap_lock for reading, which the fault may drop and retake. */
	for (nstart = start; nstart < end; nstart = nend) {
		vma = find_vma_intersection(mm, nstart, end);
		if (!vma)
			break;
		nend = min(end, vma->vm_end);
		if (vma->vm_flags & (VM_IO | VM_PFNMAP))
			continue;
		if (nstart < vma->vm_start)
			nstart = vma->vm_start;
		ret = populate_vma_page_range(vma, nstart, nend);
		if (ret < 0) {
			if (ignore_errors) {
				ret = 0;
				continue;
			}
			break;
		}
		nend = nstart + ret * PAGE_SIZE;
		ret = 0;
	}
	return (int)ret;
}
