// SPDX-License-Identifier: GPL-2.0
/*
 * What /proc/<pid> says about an address space: maps, smaps and
 * smaps_rollup from a walk over the VMAs and their page tables; the Vm*
 * lines of status and statm from the mm's counters (pagemap is in
 * pagemap.c). Linux: fs/proc/task_mmu.c
 *
 * maps and smaps print one record per VMA. Their seq_file index is the
 * start address of the next VMA to print, so a read that resumes after
 * the process mapped or unmapped finds its place with find_vma() and
 * goes on from there: it never repeats a VMA, never prints half of one,
 * and costs one tree lookup per read(2), not a walk from the start.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/page-flags.h>
#include <linux/pagewalk.h>
#include <linux/swapops.h>
#include <linux/shmem_fs.h>
#include <asm/pgtable.h>
#include <asm/uaccess.h>
#include <linux/ptrace.h>
#include "internal.h"

/* --- status and statm: the counters --- */

/* Pages, printed in kB right-aligned in 8. */
#define SEQ_PUT_PAGES(m, str, val) \
	seq_put_decimal_ull_width(m, str, (val) << (PAGE_SHIFT - 10), 8)

/* The Vm* lines of /proc/<pid>/status. Linux: task_mem() */
void task_mem(struct seq_file *m, struct mm_struct *mm)
{
	unsigned long anon = get_mm_counter(mm, MM_ANONPAGES);
	unsigned long file = get_mm_counter(mm, MM_FILEPAGES);
	unsigned long shmem = get_mm_counter(mm, MM_SHMEMPAGES);
	unsigned long total_vm = mm->total_vm, hiwater_vm = max(total_vm, mm->hiwater_vm);
	unsigned long total_rss = anon + file + shmem;
	unsigned long hiwater_rss = max(total_rss, mm->hiwater_rss);
	unsigned long text, lib;

	/* Executable areas: the program's text, and the rest ("libraries"). */
	text = PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK);
	text = min(text, mm->exec_vm << PAGE_SHIFT);
	lib = (mm->exec_vm << PAGE_SHIFT) - text;

	SEQ_PUT_PAGES(m, "VmPeak:\t", hiwater_vm);
	SEQ_PUT_PAGES(m, " kB\nVmSize:\t", total_vm);
	SEQ_PUT_PAGES(m, " kB\nVmLck:\t", mm->locked_vm);
	SEQ_PUT_PAGES(m, " kB\nVmPin:\t", (unsigned long)atomic64_read(&mm->pinned_vm));
	SEQ_PUT_PAGES(m, " kB\nVmHWM:\t", hiwater_rss);
	SEQ_PUT_PAGES(m, " kB\nVmRSS:\t", total_rss);
	SEQ_PUT_PAGES(m, " kB\nRssAnon:\t", anon);
	SEQ_PUT_PAGES(m, " kB\nRssFile:\t", file);
	SEQ_PUT_PAGES(m, " kB\nRssShmem:\t", shmem);
	SEQ_PUT_PAGES(m, " kB\nVmData:\t", mm->data_vm);
	SEQ_PUT_PAGES(m, " kB\nVmStk:\t", mm->stack_vm);
	seq_put_decimal_ull_width(m, " kB\nVmExe:\t", text >> 10, 8);
	seq_put_decimal_ull_width(m, " kB\nVmLib:\t", lib >> 10, 8);
	seq_put_decimal_ull_width(m, " kB\nVmPTE:\t", mm_pgtables_bytes(mm) >> 10, 8);
	SEQ_PUT_PAGES(m, " kB\nVmSwap:\t", get_mm_counter(mm, MM_SWAPENTS));
	seq_puts(m, " kB\n");
	seq_puts(m, "HugetlbPages:\t       0 kB\n");
}

/* statm's numbers, in pages. Linux: task_statm() */
unsigned long task_statm(struct mm_struct *mm, unsigned long *shared, unsigned long *text,
			 unsigned long *data, unsigned long *resident)
{
	/* LAB procfs: statm BEGIN */
	*shared = get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_SHMEMPAGES);
	*text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT;
	*data = mm->data_vm + mm->stack_vm;
	*resident = *shared + get_mm_counter(mm, MM_ANONPAGES);
	return mm->total_vm;
	/* LAB procfs: statm END */
}

/* --- maps --- */

struct proc_maps_private {
	struct inode *inode;
	struct mm_struct *mm;		/* mmgrab'd at open: the struct stays */
	bool have_mm;			/* start took a user reference */
};

/* The VMA at or after address *ppos; its start goes into *ppos. Linux: m_start() */
static void *m_start(struct seq_file *m, loff_t *ppos)
{
	struct proc_maps_private *priv = m->private;
	unsigned long last_addr = (unsigned long)*ppos;
	struct vm_area_struct *vma;

	priv->have_mm = false;
	if (last_addr == -1UL || !priv->mm)
		return NULL;
	if (!mmget_not_zero(priv->mm))	/* the process has exited: the end */
		return NULL;
	/* Linux: mmap_read_lock_killable() here, dropped in m_stop(). */
	priv->have_mm = true;
	vma = find_vma(priv->mm, last_addr);
	*ppos = vma ? (loff_t)vma->vm_start : -1;
	return vma;
}

static void *m_next(struct seq_file *m, void *v, loff_t *ppos)
{
	struct vm_area_struct *next = ((struct vm_area_struct *)v)->vm_next;

	*ppos = next ? (loff_t)next->vm_start : -1;
	return next;
}

static void m_stop(struct seq_file *m, void *v)
{
	struct proc_maps_private *priv = m->private;

	if (priv->have_mm)
		mmput(priv->mm);
	priv->have_mm = false;
}

/* The start of a maps line, up to where the name goes. Linux: show_vma_header_prefix() */
static void show_vma_header_prefix(struct seq_file *m, unsigned long start, unsigned long end,
				   unsigned long flags, unsigned long long pgoff, dev_t dev,
				   unsigned long ino)
{
	seq_setwidth(m, 25 + sizeof(void *) * 6 - 1);
	seq_put_hex_ll(m, NULL, start, 8);
	seq_put_hex_ll(m, "-", end, 8);
	seq_putc(m, ' ');
	seq_putc(m, flags & VM_READ ? 'r' : '-');
	seq_putc(m, flags & VM_WRITE ? 'w' : '-');
	seq_putc(m, flags & VM_EXEC ? 'x' : '-');
	seq_putc(m, flags & VM_MAYSHARE ? 's' : 'p');
	seq_put_hex_ll(m, " ", pgoff, 8);
	seq_put_hex_ll(m, " ", MAJOR(dev), 2);
	seq_put_hex_ll(m, ":", MINOR(dev), 2);
	seq_put_decimal_ull(m, " ", ino);
	seq_putc(m, ' ');
}

/* The initial stack: the VMA holding mm->start_stack. Linux: is_stack() */
static bool is_stack(const struct vm_area_struct *vma)
{
	return vma->vm_start <= vma->vm_mm->start_stack &&
	       vma->vm_end >= vma->vm_mm->start_stack;
}

/* One line of maps. Linux: show_map_vma() */
static void show_map_vma(struct seq_file *m, struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	struct file *file = vma->vm_file;
	unsigned long long pgoff = 0;
	unsigned long ino = 0;
	const char *name = NULL;
	dev_t dev = 0;

	if (file) {
		struct inode *inode = file_inode(file);

		dev = inode->i_sb->s_dev;
		ino = inode->i_ino;
		pgoff = (unsigned long long)vma->vm_pgoff << PAGE_SHIFT;
	}
	show_vma_header_prefix(m, vma->vm_start, vma->vm_end, vma->vm_flags, pgoff, dev, ino);
	if (file) {
		seq_pad(m, ' ');
		seq_path(m, &file->f_path, "\n");
	} else if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk) {
		name = "[heap]";
	} else if (is_stack(vma)) {
		name = "[stack]";
	}
	if (name) {
		seq_pad(m, ' ');
		seq_puts(m, name);
	}
	seq_putc(m, '\n');
}

static int show_map(struct seq_file *m, void *v)
{
	show_map_vma(m, v);
	return 0;
}

static const struct seq_operations proc_pid_maps_op = {
	.start = m_start,
	.next = m_next,
	.stop = m_stop,
	.show = show_map,
};

/*
 * Open maps, smaps: the task's mm is pinned (mmgrab) so that the struct
 * outlives the process; each read takes a user reference for as long
 * as it walks. Linux: proc_maps_open() -> proc_mem_open()
 */
static int proc_maps_open(struct inode *inode, struct file *file,
			  const struct seq_operations *ops)
{
	struct proc_maps_private *priv = __seq_open_private(file, ops, sizeof(*priv));

	if (!priv)
		return -ENOMEM;
	priv->inode = inode;
	priv->mm = proc_mem_open(inode, PTRACE_MODE_READ);
	if (IS_ERR(priv->mm)) {
		int err = (int)PTR_ERR(priv->mm);

		seq_release_private(inode, file);
		return err;
	}
	return 0;
}

static int proc_map_release(struct inode *inode, struct file *file)
{
	struct proc_maps_private *priv = ((struct seq_file *)file->private_data)->private;

	if (priv->mm)
		mmdrop(priv->mm);
	return seq_release_private(inode, file);
}

static int pid_maps_open(struct inode *inode, struct file *file)
{
	return proc_maps_open(inode, file, &proc_pid_maps_op);
}

const struct file_operations proc_pid_maps_operations = {
	.open = pid_maps_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = proc_map_release,
};

/* --- smaps: a walk of the page tables --- */

/* Pss is kept in bytes << PSS_SHIFT, so that a share of 1/3 page adds up. */
#define PSS_SHIFT	12

struct mem_size_stats {
	unsigned long resident;
	unsigned long shared_clean, shared_dirty, private_clean, private_dirty;
	unsigned long referenced, anonymous, lazyfree;
	unsigned long swap;
	u64 pss, pss_anon, pss_file, pss_shmem, pss_dirty, pss_locked, swap_pss;
};

/* LAB procfs: smaps-walk BEGIN */
/* Linux: smaps_page_accumulate() */
static void smaps_page_accumulate(struct mem_size_stats *mss, struct page *page,
				  unsigned long size, u64 pss, bool dirty, bool locked,
				  bool private)
{
	mss->pss += pss;
	if (PageAnon(page))
		mss->pss_anon += pss;
	else if (PageSwapBacked(page))
		mss->pss_shmem += pss;
	else
		mss->pss_file += pss;
	if (locked)
		mss->pss_locked += pss;
	if (dirty || PageDirty(page)) {
		mss->pss_dirty += pss;
		if (private)
			mss->private_dirty += size;
		else
			mss->shared_dirty += size;
	} else {
		if (private)
			mss->private_clean += size;
		else
			mss->shared_clean += size;
	}
}

/*
 * One page mapped in the VMA: it is resident; Pss gives each of the
 * page's mappings an equal share (in 1/4096ths of a byte, PSS_SHIFT), a
 * page we hold the only reference to being ours whole; shared or private
 * follows the map count, clean or dirty the PTE and the page.
 * Linux: smaps_account() (which also handles huge pages and swap)
 */
static void smaps_account(struct mem_size_stats *mss, struct page *page, bool young,
			  bool dirty, bool locked)
{
	int mapcount;
	u64 pss = (u64)PAGE_SIZE << PSS_SHIFT;

	if (PageAnon(page)) {
		mss->anonymous += PAGE_SIZE;
		if (!PageSwapBacked(page) && !dirty && !PageDirty(page))
			mss->lazyfree += PAGE_SIZE;
	}
	mss->resident += PAGE_SIZE;
	if (young || PageReferenced(page))
		mss->referenced += PAGE_SIZE;
	if (page_ref_count(page) == 1) {
		smaps_page_accumulate(mss, page, PAGE_SIZE, pss, dirty, locked, true);
		return;
	}
	mapcount = page_mapcount(page);
	if (mapcount >= 2)
		pss /= (u64)mapcount;
	smaps_page_accumulate(mss, page, PAGE_SIZE, pss, dirty, locked, mapcount < 2);
}

/*
 * A swapped-out page: Swap counts it whole, SwapPss a share for each
 * swap PTE its slot has. Linux: smaps_pte_entry()'s swap case
 */
static void smaps_swap(struct mem_size_stats *mss, swp_entry_t entry)
{
	int mapcount = __swap_count(entry);
	u64 pss = (u64)PAGE_SIZE << PSS_SHIFT;

	mss->swap += PAGE_SIZE;
	if (mapcount >= 2)
		pss /= (u64)mapcount;
	mss->swap_pss += pss;
}

/* One PTE of smaps' walk. Linux: smaps_pte_entry() */
static int smaps_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			   struct mm_walk *walk)
{
	struct vm_area_struct *vma = walk->vma;
	struct page *page;

	if (!pte_present(*pte)) {
		if (is_swap_pte(*pte))
			smaps_swap(walk->private, pte_to_swp_entry(*pte));
		return 0;
	}
	page = vm_normal_page(vma, addr, *pte);
	if (page)
		smaps_account(walk->private, page, pte_young(*pte), pte_dirty(*pte),
			      vma->vm_flags & VM_LOCKED);
	return 0;
}

/* LAB procfs: smaps-walk END */

/*
 * No page here, in a private writable mapping of a tmpfs file with
 * pages in swap: the file's swap entries here count in Swap (a COW copy
 * would have a PTE). Linux: smaps_pte_hole(), smaps_pte_hole_lookup()
 */
static int smaps_pte_hole(unsigned long addr, unsigned long end, int depth,
			  struct mm_walk *walk)
{
	struct mem_size_stats *mss = walk->private;
	struct vm_area_struct *vma = walk->vma;

	(void)depth;
	mss->swap += shmem_partial_swap_usage(vma->vm_file->f_mapping,
					      linear_page_index(vma, addr),
					      linear_page_index(vma, end));
	return 0;
}

static int smaps_shmem_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
				 struct mm_walk *walk)
{
	if (pte_none(*pte))
		return smaps_pte_hole(addr, next, 0, walk);
	return smaps_pte_entry(pte, addr, next, walk);
}

static const struct mm_walk_ops smaps_walk_ops = {
	.pte_entry = smaps_pte_entry,
};

static const struct mm_walk_ops smaps_shmem_walk_ops = {
	.pte_entry = smaps_shmem_pte_entry,
	.pte_hole = smaps_pte_hole,
};

/*
 * Every present PTE of the VMA (the zero page and other special pages
 * are not counted, as vm_normal_page() leaves them out). A tmpfs file's
 * pages in swap count in Swap: at once from the file when the VMA shows
 * only the file's pages (shared or read-only), else where no PTE is.
 * Linux: smap_gather_stats() -> walk_page_vma() -> smaps_pte_range()
 */
static void smap_gather_stats(struct vm_area_struct *vma, struct mem_size_stats *mss)
{
	const struct mm_walk_ops *ops = &smaps_walk_ops;

	if (vma->vm_file && shmem_mapping(vma->vm_file->f_mapping)) {
		unsigned long shmem_swapped = shmem_swap_usage(vma);

		if (!shmem_swapped || (vma->vm_flags & VM_SHARED) || !(vma->vm_flags & VM_WRITE))
			mss->swap += shmem_swapped;
		else
			ops = &smaps_shmem_walk_ops;
	}
	walk_page_vma(vma, ops, mss);
}

/* Bytes, printed in kB right-aligned in 8. */
#define SEQ_PUT_DEC(str, val) seq_put_decimal_ull_width(m, str, (val) >> 10, 8)

/* The counters of an smaps record, in 6.1's order. Linux: __show_smap() */
static void __show_smap(struct seq_file *m, const struct mem_size_stats *mss, bool rollup)
{
	SEQ_PUT_DEC("Rss:            ", mss->resident);
	SEQ_PUT_DEC(" kB\nPss:            ", mss->pss >> PSS_SHIFT);
	SEQ_PUT_DEC(" kB\nPss_Dirty:      ", mss->pss_dirty >> PSS_SHIFT);
	if (rollup) {
		/* Only the rollup: in one VMA, Pss is all one kind. */
		SEQ_PUT_DEC(" kB\nPss_Anon:       ", mss->pss_anon >> PSS_SHIFT);
		SEQ_PUT_DEC(" kB\nPss_File:       ", mss->pss_file >> PSS_SHIFT);
		SEQ_PUT_DEC(" kB\nPss_Shmem:      ", mss->pss_shmem >> PSS_SHIFT);
	}
	SEQ_PUT_DEC(" kB\nShared_Clean:   ", mss->shared_clean);
	SEQ_PUT_DEC(" kB\nShared_Dirty:   ", mss->shared_dirty);
	SEQ_PUT_DEC(" kB\nPrivate_Clean:  ", mss->private_clean);
	SEQ_PUT_DEC(" kB\nPrivate_Dirty:  ", mss->private_dirty);
	SEQ_PUT_DEC(" kB\nReferenced:     ", mss->referenced);
	SEQ_PUT_DEC(" kB\nAnonymous:      ", mss->anonymous);
	SEQ_PUT_DEC(" kB\nLazyFree:       ", mss->lazyfree);
	SEQ_PUT_DEC(" kB\nAnonHugePages:  ", 0UL);
	SEQ_PUT_DEC(" kB\nShmemPmdMapped: ", 0UL);
	SEQ_PUT_DEC(" kB\nFilePmdMapped:  ", 0UL);
	SEQ_PUT_DEC(" kB\nShared_Hugetlb: ", 0UL);
	seq_put_decimal_ull_width(m, " kB\nPrivate_Hugetlb: ", 0, 7);
	SEQ_PUT_DEC(" kB\nSwap:           ", mss->swap);
	SEQ_PUT_DEC(" kB\nSwapPss:        ", mss->swap_pss >> PSS_SHIFT);
	SEQ_PUT_DEC(" kB\nLocked:         ", mss->pss_locked >> PSS_SHIFT);
	seq_puts(m, " kB\n");
}

/* The two-letter names of the VM_* bits, by bit. Linux: show_smap_vma_flags() */
static const char vm_flag_mnemonics[64][2] = {
	[0] = "rd", [1] = "wr", [2] = "ex", [3] = "sh",
	[4] = "mr", [5] = "mw", [6] = "me", [7] = "ms",
	[8] = "gd", [9] = "um", [10] = "pf", [12] = "uw",
	[13] = "lo", [14] = "io", [15] = "sr", [16] = "rr",
	[17] = "dc", [18] = "de", [20] = "ac", [21] = "nr",
	[22] = "ht", [23] = "sf", [24] = "ar", [25] = "wf",
	[26] = "dd", [27] = "sd", [28] = "mm", [29] = "hg",
	[30] = "nh", [31] = "mg", [37] = "ui",
};

static void show_smap_vma_flags(struct seq_file *m, const struct vm_area_struct *vma)
{
	seq_puts(m, "VmFlags: ");
	for (int i = 0; i < 64; i++) {
		if (vm_flag_mnemonics[i][0] && (vma->vm_flags & (1UL << i))) {
			seq_write(m, vm_flag_mnemonics[i], 2);
			seq_putc(m, ' ');
		}
	}
	seq_putc(m, '\n');
}

static int show_smap(struct seq_file *m, void *v)
{
	struct vm_area_struct *vma = v;
	struct mem_size_stats mss;

	memset(&mss, 0, sizeof(mss));
	smap_gather_stats(vma, &mss);
	show_map_vma(m, vma);
	SEQ_PUT_DEC("Size:           ", vma->vm_end - vma->vm_start);
	SEQ_PUT_DEC(" kB\nKernelPageSize: ", PAGE_SIZE);
	SEQ_PUT_DEC(" kB\nMMUPageSize:    ", PAGE_SIZE);
	seq_puts(m, " kB\n");
	__show_smap(m, &mss, false);
	/* No transparent huge pages: as Linux booted with transparent_hugepage=never. */
	seq_puts(m, "THPeligible:    0\n");
	show_smap_vma_flags(m, vma);
	return 0;
}

static const struct seq_operations proc_pid_smaps_op = {
	.start = m_start,
	.next = m_next,
	.stop = m_stop,
	.show = show_smap,
};

static int pid_smaps_open(struct inode *inode, struct file *file)
{
	return proc_maps_open(inode, file, &proc_pid_smaps_op);
}

const struct file_operations proc_pid_smaps_operations = {
	.open = pid_smaps_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = proc_map_release,
};

/* All VMAs summed, under one header. Linux: show_smaps_rollup() */
static int show_smaps_rollup(struct seq_file *m, void *v)
{
	struct proc_maps_private *priv = m->private;
	struct mem_size_stats mss;
	struct vm_area_struct *vma;
	unsigned long start = 0, end = 0;

	if (!priv->mm || !mmget_not_zero(priv->mm))
		return -ESRCH;
	/* Linux: mmap_read_lock_killable() for the whole walk. */
	memset(&mss, 0, sizeof(mss));
	for (vma = priv->mm->mmap; vma; vma = vma->vm_next) {
		smap_gather_stats(vma, &mss);
		end = vma->vm_end;
	}
	if (priv->mm->mmap)
		start = priv->mm->mmap->vm_start;
	show_vma_header_prefix(m, start, end, 0, 0, 0, 0);
	seq_pad(m, ' ');
	seq_puts(m, "[rollup]\n");
	__show_smap(m, &mss, true);
	mmput(priv->mm);
	return 0;
}

static int smaps_rollup_open(struct inode *inode, struct file *file)
{
	struct proc_maps_private *priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	int ret;

	if (!priv)
		return -ENOMEM;
	ret = single_open(file, show_smaps_rollup, priv);
	if (ret) {
		kfree(priv);
		return ret;
	}
	priv->inode = inode;
	priv->mm = proc_mem_open(inode, PTRACE_MODE_READ);
	if (IS_ERR(priv->mm)) {
		ret = (int)PTR_ERR(priv->mm);
		single_release(inode, file);
		kfree(priv);
		return ret;
	}
	return 0;
}

static int smaps_rollup_release(struct inode *inode, struct file *file)
{
	struct proc_maps_private *priv = ((struct seq_file *)file->private_data)->private;

	if (priv->mm)
		mmdrop(priv->mm);
	kfree(priv);
	return single_release(inode, file);
}

const struct file_operations proc_pid_smaps_rollup_operations = {
	.open = smaps_rollup_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = smaps_rollup_release,
};
