// SPDX-License-Identifier: GPL-2.0
/*
 * mincore(2): which pages of a range are resident. Linux: mm/mincore.c
 *
 * One byte per page, bit 0 set if the page is in memory:
 *   mapped by a present PTE                   1
 *   no PTE, anonymous VMA                     0 (never touched, or dropped)
 *   no PTE, file VMA (shared anonymous too)   is the file's page in its
 *                                             page cache?
 *   swap PTE, or a tmpfs page in swap         is its page in the swap cache?
 * The walk is the one page-table walker; empty levels are holes.
 * Left out: huge pages.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/swapops.h>
#include <linux/pagewalk.h>
#include <linux/gfp.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/* A swapped-out page is "in core" while the swap cache still has it, read. Linux: mincore_page() */
static unsigned char mincore_swap(swp_entry_t entry)
{
	struct page *page = lookup_swap_cache(entry);
	unsigned char present;

	if (!page)
		return 0;
	present = PageUptodate(page);
	put_page(page);
	return present;
}

/*
 * Is the file page at index cached? A tmpfs page in swap is while the
 * swap cache has it. Linux: mincore_page(), filemap_get_incore_folio()
 */
static unsigned char mincore_page(struct address_space *mapping, pgoff_t index)
{
	void *entry = radix_tree_lookup(&mapping->i_pages, index);
	struct page *page;
	unsigned char present = 0;

	if (entry && xa_is_value(entry))
		return mincore_swap(radix_to_swp_entry(entry));
	page = find_get_page(mapping, index);
	if (page) {
		present = PageUptodate(page);
		put_page(page);
	}
	return present;
}

/* Pages with no PTE: the page cache answers for a file. Linux: __mincore_unmapped_range() */
static void mincore_unmapped_range(unsigned long addr, unsigned long end,
				   struct vm_area_struct *vma, unsigned char *vec)
{
	unsigned long nr = (end - addr) >> PAGE_SHIFT;

	if (!vma->vm_file) {
		memset(vec, 0, nr);
		return;
	}
	for (unsigned long i = 0; i < nr; i++)
		vec[i] = mincore_page(vma->vm_file->f_mapping,
				      linear_page_index(vma, addr + i * PAGE_SIZE));
}

struct mincore_walk {
	unsigned long start;	/* the address of vec[0] */
	unsigned char *vec;
};

static int mincore_hole(unsigned long addr, unsigned long end, int depth, struct mm_walk *walk)
{
	struct mincore_walk *mw = walk->private;

	(void)depth;
	mincore_unmapped_range(addr, end, walk->vma, mw->vec + ((addr - mw->start) >> PAGE_SHIFT));
	return 0;
}

static int mincore_pte(pte_t *pte, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	struct mincore_walk *mw = walk->private;
	unsigned char *v = mw->vec + ((addr - mw->start) >> PAGE_SHIFT);

	if (pte_none(*pte))
		mincore_unmapped_range(addr, next, walk->vma, v);
	else if (pte_present(*pte))
		*v = 1;
	else
		*v = mincore_swap(pte_to_swp_entry(*pte));
	return 0;
}

static const struct mm_walk_ops mincore_walk_ops = {
	.pte_entry = mincore_pte,
	.pte_hole = mincore_hole,
};

/*
 * May the caller learn what of vma's file is cached? Anonymous memory
 * yes; a file only if the caller owns it or could open it for writing
 * (else it is a side channel on what others read). Linux: can_do_mincore()
 */
static bool can_do_mincore(struct vm_area_struct *vma)
{
	if (vma_is_anonymous(vma))
		return true;
	if (!vma->vm_file)
		return false;
	return inode_owner_or_capable(file_inode(vma->vm_file)) ||
	       file_permission(vma->vm_file, MAY_WRITE) == 0;
}

/*
 * The residency of up to pages pages from addr, all in one VMA, into
 * vec; how many were done, or ENOMEM if no VMA is at addr.
 * Linux: do_mincore()
 */
static long do_mincore(unsigned long addr, unsigned long pages, unsigned char *vec)
{
	struct vm_area_struct *vma = vma_lookup(current->mm, addr);
	struct mincore_walk mw = { .start = addr, .vec = vec };
	unsigned long end;

	if (!vma)
		return -ENOMEM;
	end = min(vma->vm_end, addr + (pages << PAGE_SHIFT));
	if (!can_do_mincore(vma)) {
		memset(vec, 1, (end - addr) >> PAGE_SHIFT);	/* all "resident": tell nothing */
		return (long)((end - addr) >> PAGE_SHIFT);
	}
	walk_page_range_vma(vma, addr, end, &mincore_walk_ops, &mw);
	return (long)((end - addr) >> PAGE_SHIFT);
}

/*
 * EINVAL for an unaligned start, ENOMEM for a range beyond user space or
 * with a hole, EFAULT for a bad vector; a page of results at a time.
 * Linux: SYSCALL_DEFINE3(mincore)
 */
SYSCALL_DEFINE3(mincore, unsigned long, start, size_t, len, unsigned char __user *, vec)
{
	unsigned long pages;
	unsigned char *tmp;
	long retval = 0;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!access_ok((void __user *)start, len))
		return -ENOMEM;
	pages = (len >> PAGE_SHIFT) + ((len & ~PAGE_MASK) != 0);
	if (!access_ok(vec, pages))
		return -EFAULT;
	tmp = (unsigned char *)__get_free_page(GFP_USER);
	if (!tmp)
		return -EAGAIN;
	/* Linux: mmap_lock for reading around each do_mincore(). */
	while (pages) {
		retval = do_mincore(start, min(pages, PAGE_SIZE), tmp);
		if (retval <= 0)
			break;
		if (copy_to_user(vec, tmp, (unsigned long)retval)) {
			retval = -EFAULT;
			break;
		}
		pages -= (unsigned long)retval;
		vec += retval;
		start += (unsigned long)retval << PAGE_SHIFT;
		retval = 0;
	}
	free_page((unsigned long)tmp);
	return retval;
}
