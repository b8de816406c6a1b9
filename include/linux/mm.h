/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/page-flags.h>
#include <linux/page_ref.h>
#include <linux/mmzone.h>
#include <linux/gfp.h>
#include <linux/vmstat.h>
#include <linux/atomic.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <asm/page.h>
#include <asm/pgtable.h>

/* Linux: include/linux/mm.h */

extern unsigned long max_pfn;		/* one past the highest RAM frame */
extern unsigned long totalram_pages;	/* frames the buddy allocator manages */
/* mm/watermark.c: the zones' watermarks (vm.min_free_kbytes) */
struct ctl_table;
extern int min_free_kbytes;
extern int watermark_scale_factor;
extern int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES + 2];	/* + ZONE_MOVABLE, ZONE_DEVICE */
void init_per_zone_wmark_min(void);
void setup_per_zone_wmarks(void);
int min_free_kbytes_sysctl_handler(struct ctl_table *table, int write, void *buffer,
				   size_t *lenp, long long *ppos);
int lowmem_reserve_ratio_sysctl_handler(struct ctl_table *table, int write, void *buffer,
					size_t *lenp, long long *ppos);

static inline unsigned long page_private(const struct page *page)
{
	return page->private;
}

static inline void set_page_private(struct page *page, unsigned long v)
{
	page->private = v;
}

static inline struct page *virt_to_head_page(const void *x)
{
	return compound_head(virt_to_page(x));
}

static inline void get_page(struct page *page)
{
	page = compound_head(page);
	VM_BUG_ON(page_ref_count(page) <= 0);
	page_ref_inc(page);
}

/* mm/page_alloc.c */
bool put_page_testzero(struct page *page);
void free_unref_page(struct page *page, unsigned int order);
/* mm/swap.c */
void __put_page(struct page *page);

/*
 * Drop a reference; the last one takes the page off its LRU list and
 * frees it (or the compound page). Linux: put_page() -> folio_put()
 */
static inline void put_page(struct page *page)
{
	page = compound_head(page);
	if (put_page_testzero(page))
		__put_page(page);
}

/* Free pages in the buddy allocator, all zones (MemFree in pages). */
static inline unsigned long nr_free_pages(void)
{
	return global_zone_page_state(NR_FREE_PAGES);
}

/* mm/debug.c */
void dump_page(struct page *page, const char *reason);
/* mm/page_alloc.c: is page in a free buddy block (/proc/kpageflags)? */
bool is_free_buddy_page(struct page *page);

/* mm/page_alloc.c: report a page in an impossible state and taint. */
void bad_page(struct page *page, const char *reason);
unsigned long bad_page_reports(void);
void show_buddyinfo(void);
void show_mem(void);		/* mm/show_mem.c */

/* mm/mm_init.c */
void free_area_init(unsigned long *max_zone_pfn);
void mem_init_print_info(void);
void mm_core_init(void);
/* arch: release boot memory to the buddy allocator (Linux: mem_init). */
void mem_init(void);

/* mm/sparse.c */
void sparse_init(void);
int vmemmap_populate(unsigned long start, unsigned long end);

/* mm/memory.c: page-table allocation (Linux: __pud_alloc and friends) */
pud_t *pud_alloc(struct mm_struct *mm, p4d_t *p4d, unsigned long addr);
pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long addr);
pte_t *pte_alloc_kernel(pmd_t *pmd, unsigned long addr);
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd);
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma);

/*
 * VMA flags (Linux 6.1 values, so that /proc/<pid>/smaps VmFlags and
 * debugging output read the same). The MAY* bits say what mprotect may
 * later allow; VM_SOFTDIRTY is set on every new VMA, as Debian's kernel
 * (CONFIG_MEM_SOFT_DIRTY) does.
 */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_MAYSHARE	0x00000080UL
#define VM_GROWSDOWN	0x00000100UL	/* a stack: grows down on a fault below */
#define VM_UFFD_MISSING	0x00000200UL
#define VM_PFNMAP	0x00000400UL
#define VM_UFFD_WP	0x00001000UL
#define VM_LOCKED	0x00002000UL	/* mlock()ed */
#define VM_IO		0x00004000UL
#define VM_SEQ_READ	0x00008000UL
#define VM_RAND_READ	0x00010000UL
#define VM_DONTCOPY	0x00020000UL	/* not inherited by fork */
#define VM_DONTEXPAND	0x00040000UL
#define VM_LOCKONFAULT	0x00080000UL
#define VM_ACCOUNT	0x00100000UL	/* charged to overcommit accounting */
#define VM_NORESERVE	0x00200000UL
#define VM_HUGETLB	0x00400000UL
#define VM_SYNC		0x00800000UL
#define VM_ARCH_1	0x01000000UL
#define VM_WIPEONFORK	0x02000000UL
#define VM_DONTDUMP	0x04000000UL
#define VM_SOFTDIRTY	0x08000000UL
#define VM_MIXEDMAP	0x10000000UL
#define VM_HUGEPAGE	0x20000000UL
#define VM_NOHUGEPAGE	0x40000000UL
#define VM_MERGEABLE	0x80000000UL
#define VM_UFFD_MINOR	(1UL << 37)	/* userfaultfd minor faults (shmem) */

#define VM_STACK		VM_GROWSDOWN
#define VM_ACCESS_FLAGS		(VM_READ | VM_WRITE | VM_EXEC)
#define VM_SPECIAL		(VM_IO | VM_DONTEXPAND | VM_PFNMAP | VM_MIXEDMAP)
#define VM_DATA_DEFAULT_FLAGS	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_STACK_DEFAULT_FLAGS	VM_DATA_DEFAULT_FLAGS
#define VM_STACK_FLAGS		(VM_STACK | VM_STACK_DEFAULT_FLAGS | VM_ACCOUNT)

extern pgprot_t protection_map[16];
pgprot_t vm_get_page_prot(unsigned long vm_flags);
void vma_set_page_prot(struct vm_area_struct *vma);

/* --- the fault path (mm/memory.c) --- */

typedef unsigned int vm_fault_t;
struct pt_regs;

/* What a fault handler reports (Linux 6.1 values). */
#define VM_FAULT_OOM		0x000001
#define VM_FAULT_SIGBUS		0x000002	/* e.g. a file page past EOF */
#define VM_FAULT_MAJOR		0x000004	/* the page needed I/O */
#define VM_FAULT_HWPOISON	0x000010
#define VM_FAULT_SIGSEGV	0x000040
#define VM_FAULT_NOPAGE		0x000100	/* the handler installed the PTE */
#define VM_FAULT_LOCKED		0x000200	/* vmf->page is returned locked */
#define VM_FAULT_RETRY		0x000400
#define VM_FAULT_DONE_COW	0x001000
#define VM_FAULT_ERROR		(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV | \
				 VM_FAULT_HWPOISON)

/* What kind of access faulted, and how it may wait (Linux: enum fault_flag). */
#define FAULT_FLAG_WRITE	0x0001
#define FAULT_FLAG_ALLOW_RETRY	0x0004	/* may sleep and return VM_FAULT_RETRY */
#define FAULT_FLAG_KILLABLE	0x0010	/* a fatal signal ends the sleep */
#define FAULT_FLAG_TRIED	0x0020	/* this is a retry */
#define FAULT_FLAG_USER		0x0040	/* from user mode */
#define FAULT_FLAG_INSTRUCTION	0x0100	/* an instruction fetch */
#define FAULT_FLAG_INTERRUPTIBLE 0x0200	/* any signal ends the sleep */
/* What the fault handler of the CPU allows (Linux: FAULT_FLAG_DEFAULT). */
#define FAULT_FLAG_DEFAULT	(FAULT_FLAG_ALLOW_RETRY | FAULT_FLAG_KILLABLE | \
				 FAULT_FLAG_INTERRUPTIBLE)

/*
 * The cases of the fault path, for the fault trace (Faultline's own:
 * Linux tells them apart only in its tracepoints and counters).
 */
enum fault_case {
	FAULT_CASE_NONE,
	FAULT_ZERO_PAGE,	/* read of untouched anonymous memory */
	FAULT_ANON_NEW,		/* a new zeroed anonymous page */
	FAULT_FILE_CACHE,	/* a page-cache page mapped (read) */
	FAULT_FILE_COPY,	/* private write to a file: a private copy */
	FAULT_SHARED_WRITE,	/* shared write: the cache page, dirtied */
	FAULT_COW_COPY,		/* write to a shared or zero page: copied */
	FAULT_COW_REUSE,	/* write to our only reference: made writable */
	FAULT_SPURIOUS,		/* the PTE was fine: accessed/dirty set */
	FAULT_SWAP,		/* a swap entry (not until swap exists) */
	FAULT_SIGSEGV_MAPERR,	/* no VMA there, or below the stack guard gap */
	FAULT_SIGSEGV_ACCERR,	/* the VMA forbids this access */
	FAULT_SIGBUS,		/* a file page beyond the end of the file */
	FAULT_OOM,
	FAULT_USERFAULT,	/* handed to a userfaultfd monitor */
	NR_FAULT_CASES
};

struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address;		/* page-aligned */
	unsigned long real_address;	/* as faulted */
	pgoff_t pgoff;			/* the page's offset in the VMA's file */
	unsigned int flags;		/* FAULT_FLAG_* */
	pmd_t *pmd;
	pte_t *pte;			/* NULL while the PTE is none */
	pte_t orig_pte;			/* the PTE when the fault began */
	struct page *cow_page;		/* private copy being made */
	struct page *page;		/* the page the handler found */
	enum fault_case fault_case;	/* what happened, for the trace */
};

struct vm_operations_struct {
	void (*open)(struct vm_area_struct *vma);
	void (*close)(struct vm_area_struct *vma);
	vm_fault_t (*fault)(struct vm_fault *vmf);
	/* Map pages already in the cache around a fault (fault-around). */
	vm_fault_t (*map_pages)(struct vm_fault *vmf, pgoff_t start_pgoff, pgoff_t end_pgoff);
};

vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs);
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte);
pmd_t *mm_find_pmd(struct mm_struct *mm, unsigned long address);
/* mm/gup.c: what a __get_user_pages() caller asks for (Linux's values) */
#define FOLL_WRITE	0x01	/* the page must be writable */
#define FOLL_TOUCH	0x02	/* mark it accessed (and dirty for a write) */
#define FOLL_GET	0x04	/* return it with a reference */
#define FOLL_DUMP	0x08	/* the zero page is an error (core dumps) */
#define FOLL_FORCE	0x10	/* past the VMA's protection (ptrace, /proc/<pid>/mem) */
#define FOLL_ANON	0x8000	/* anonymous VMAs only (/proc/<pid>/cmdline) */

long __get_user_pages(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
		      unsigned int gup_flags, struct page **pages);
int check_vma_flags(struct vm_area_struct *vma, unsigned int gup_flags);
struct page *get_user_page_remote(struct mm_struct *mm, unsigned long addr, bool write);
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len,
		      unsigned int gup_flags);
long populate_vma_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
long faultin_vma_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end,
			    bool write);
int __mm_populate(unsigned long start, unsigned long len, int ignore_errors);

/* mm/mremap.c */
unsigned long move_page_tables(struct vm_area_struct *vma, unsigned long old_addr,
			       struct vm_area_struct *new_vma, unsigned long new_addr,
			       unsigned long len);
unsigned long do_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
			unsigned long flags, unsigned long new_addr);

/* mm/madvise.c */
int do_madvise(struct mm_struct *mm, unsigned long start, size_t len_in, int behavior);

/* mm/msync.c */
int do_msync(unsigned long start, size_t len, int flags);

/* mm/mlock.c */
bool can_do_mlock(void);
int do_mlock(unsigned long start, size_t len, unsigned long flags);
int do_munlock(unsigned long start, size_t len);
void mlock_vma_page(struct page *page, struct vm_area_struct *vma);
void munlock_vma_page(struct page *page, struct vm_area_struct *vma);
int mlock_future_check(struct mm_struct *mm, unsigned long flags, unsigned long len);
int mlock_fixup(struct vm_area_struct *vma, struct vm_area_struct **prev, unsigned long start,
		unsigned long end, unsigned long newflags);

/* Fault in a new mapping or a newly locked range; failures are left to later faults. */
static inline void mm_populate(unsigned long addr, unsigned long len)
{
	(void)__mm_populate(addr, len, 1);
}

/*
 * The next boundary of a page-table level after addr, or end if that
 * comes first (comparing boundary - 1 so a boundary that wraps to 0 at
 * the top of the address space still counts as "after").
 * Linux: include/linux/pgtable.h pgd_addr_end(), pud_addr_end(), pmd_addr_end()
 */
static inline unsigned long __addr_end(unsigned long addr, unsigned long end,
				       unsigned long size)
{
	unsigned long boundary = (addr + size) & ~(size - 1);

	return boundary - 1 < end - 1 ? boundary : end;
}
#define pgd_addr_end(addr, end)	__addr_end(addr, end, PGDIR_SIZE)
#define pud_addr_end(addr, end)	__addr_end(addr, end, PUD_SIZE)
#define pmd_addr_end(addr, end)	__addr_end(addr, end, PMD_SIZE)
void do_set_pte(struct vm_fault *vmf, struct page *page, unsigned long addr);
void zap_page_range_single(struct vm_area_struct *vma, unsigned long address,
			   unsigned long size, bool even_cows);
void unmap_mapping_range(struct address_space *mapping, loff_t holebegin,
			 loff_t holelen, bool even_cows);
void unmap_vmas(struct vm_area_struct *vma, unsigned long start, unsigned long end);
void free_pgtables(struct vm_area_struct *vma, unsigned long floor, unsigned long ceiling);
extern unsigned long fault_around_bytes;



/* --- VMAs (mm/vma.c, mm/mmap.c, mm/mprotect.c) --- */

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

static inline bool vma_is_anonymous(const struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

static inline bool vma_is_accessible(const struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_ACCESS_FLAGS;
}

/* A private mapping that may be written: its writes copy. Linux: is_cow_mapping() */
static inline bool is_cow_mapping(unsigned long flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

/*
 * A shared mapping that may be made writable (a file's i_mmap_writable
 * counts these). Linux: is_shared_maywrite(), vma_is_shared_maywrite()
 */
static inline bool is_shared_maywrite(unsigned long flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == (VM_SHARED | VM_MAYWRITE);
}

/* F_SEAL_WRITE or F_SEAL_FUTURE_WRITE: no new writers. Linux: is_write_sealed() */
static inline bool is_write_sealed(unsigned int seals)
{
	return seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE);
}

/*
 * A read-only shared mapping of a write-sealed file: it must never
 * become writable, so mmap takes VM_MAYWRITE away and mprotect refuses
 * PROT_WRITE (a private one stays copy-on-write writable).
 * Linux: is_readonly_sealed()
 */
static inline bool is_readonly_sealed(unsigned int seals, unsigned long vm_flags)
{
	return is_write_sealed(seals) && (vm_flags & (VM_SHARED | VM_WRITE)) == VM_SHARED;
}

/* No writable shared mapping of a write-sealed file. Linux: seal_check_write() */
static inline int seal_check_write(unsigned int seals, struct vm_area_struct *vma)
{
	if (is_write_sealed(seals) && (vma->vm_flags & VM_SHARED) && (vma->vm_flags & VM_WRITE))
		return -EPERM;
	return 0;
}

/* The page offset in the VMA's file (or, anonymous, in pages from 0). */
static inline pgoff_t linear_page_index(const struct vm_area_struct *vma,
					unsigned long address)
{
	return ((address - vma->vm_start) >> PAGE_SHIFT) + vma->vm_pgoff;
}

/*
 * The rmap's interval trees (mm/interval_tree.c): a file's VMAs in its
 * i_mmap, and an anon_vma's chains in its rb_root, each keyed by the
 * VMA's page offsets. The foreach loops visit those overlapping
 * [start, last] (page offsets, both included).
 */
struct anon_vma_chain;
void vma_interval_tree_insert(struct vm_area_struct *node, struct rb_root_cached *root);
void vma_interval_tree_insert_after(struct vm_area_struct *node, struct vm_area_struct *prev,
				    struct rb_root_cached *root);
void vma_interval_tree_remove(struct vm_area_struct *node, struct rb_root_cached *root);
struct vm_area_struct *vma_interval_tree_iter_first(struct rb_root_cached *root,
						    unsigned long start, unsigned long last);
struct vm_area_struct *vma_interval_tree_iter_next(struct vm_area_struct *node,
						   unsigned long start, unsigned long last);
bool vma_interval_tree_node_ok(struct vm_area_struct *node);

#define vma_interval_tree_foreach(vma, root, start, last)		\
	for (vma = vma_interval_tree_iter_first(root, start, last);	\
	     vma; vma = vma_interval_tree_iter_next(vma, start, last))

void anon_vma_interval_tree_insert(struct anon_vma_chain *node, struct rb_root_cached *root);
void anon_vma_interval_tree_remove(struct anon_vma_chain *node, struct rb_root_cached *root);
struct anon_vma_chain *anon_vma_interval_tree_iter_first(struct rb_root_cached *root,
							 unsigned long start, unsigned long last);
struct anon_vma_chain *anon_vma_interval_tree_iter_next(struct anon_vma_chain *node,
							unsigned long start, unsigned long last);
bool anon_vma_interval_tree_verify(struct anon_vma_chain *node);

#define anon_vma_interval_tree_foreach(avc, root, start, last)		 \
	for (avc = anon_vma_interval_tree_iter_first(root, start, last); \
	     avc; avc = anon_vma_interval_tree_iter_next(avc, start, last))

void anon_vma_interval_tree_pre_update_vma(struct vm_area_struct *vma);
void anon_vma_interval_tree_post_update_vma(struct vm_area_struct *vma);

/*
 * A stack may not grow closer to the area below it than stack_guard_gap
 * (256 pages, as Linux since the "Stack Clash" fix), so that area's
 * "start" for placement purposes is that much lower.
 */
extern unsigned long stack_guard_gap;

static inline unsigned long vm_start_gap(const struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;

	if (vma->vm_flags & VM_GROWSDOWN) {
		start -= stack_guard_gap;
		if (start > vma->vm_start)
			start = 0;
	}
	return start;
}

static inline unsigned long vm_end_gap(const struct vm_area_struct *vma)
{
	return vma->vm_end;	/* no VM_GROWSUP on x86 */
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vm_area_free(struct vm_area_struct *vma);

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end);

/* The VMA that contains addr, or NULL. Linux: vma_lookup() */
static inline struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return vma && vma->vm_start <= addr ? vma : NULL;
}
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
int vma_insert_at(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_link_file(struct vm_area_struct *vma, struct vm_area_struct *prev);
void vma_set_range(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		   pgoff_t pgoff);
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end, unsigned long vm_flags,
				 struct anon_vma *anon_vma, struct file *file, pgoff_t pgoff,
				 struct vm_userfaultfd_ctx vm_userfaultfd_ctx);
int __split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		int new_below);
struct vm_area_struct *vma_modify_flags(struct vm_area_struct **pprev, struct vm_area_struct *vma,
					unsigned long start, unsigned long end,
					unsigned long newflags);
struct vm_area_struct *vma_modify_uffd(struct vm_area_struct **pprev, struct vm_area_struct *vma,
				       unsigned long start, unsigned long end,
				       unsigned long newflags, pgoff_t pgoff,
				       struct vm_userfaultfd_ctx new_ctx);
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
	      int new_below);
void validate_mm(struct mm_struct *mm);
/* Whether validate_mm checks (debug builds); a test may pause it. */
extern bool validate_mm_enabled;
#ifdef CONFIG_DEBUG_VM
#define IS_ENABLED_DEBUG_VM	true
#else
#define IS_ENABLED_DEBUG_VM	false
#endif

/* Placement of new mappings (get_unmapped_area and vm_unmapped_area). */
struct vm_unmapped_area_info {
#define VM_UNMAPPED_AREA_TOPDOWN 1
	unsigned long flags;
	unsigned long length;
	unsigned long low_limit;
	unsigned long high_limit;
	unsigned long align_mask;
	unsigned long align_offset;
};

unsigned long vm_unmapped_area(struct vm_unmapped_area_info *info);
unsigned long get_unmapped_area(struct file *file, unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags);
unsigned long arch_get_unmapped_area(struct file *filp, unsigned long addr,
				     unsigned long len, unsigned long pgoff, unsigned long flags);
unsigned long arch_get_unmapped_area_topdown(struct file *filp, unsigned long addr,
					     unsigned long len, unsigned long pgoff,
					     unsigned long flags);
void arch_pick_mmap_layout(struct mm_struct *mm);

unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff,
		      unsigned long *populate);
unsigned long mmap_region(struct file *file, unsigned long addr, unsigned long len,
			  unsigned long vm_flags, unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int __do_munmap(struct mm_struct *mm, unsigned long start, size_t len, struct list_head *uf);
int vm_munmap(unsigned long start, size_t len);
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flag, unsigned long offset);
int vm_brk_flags(unsigned long addr, unsigned long len, unsigned long flags);
unsigned long do_brk(unsigned long brk);
int expand_stack(struct vm_area_struct *vma, unsigned long address);
int do_mprotect(unsigned long start, size_t len, unsigned long prot);
int mprotect_fixup(struct vm_area_struct *vma, struct vm_area_struct **pprev,
		   unsigned long start, unsigned long end, unsigned long newflags);
/* change_protection()'s cp_flags (Linux's values) */
#define MM_CP_TRY_CHANGE_WRITABLE	(1UL << 0)	/* dirty exclusive pages: writable now */
#define MM_CP_UFFD_WP			(1UL << 2)	/* set userfaultfd's write protection */
#define MM_CP_UFFD_WP_RESOLVE		(1UL << 3)	/* lift it */
unsigned long change_protection(struct vm_area_struct *vma, unsigned long start,
				unsigned long end, pgprot_t newprot, unsigned long cp_flags);
void exit_mmap(struct mm_struct *mm);

void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
bool may_expand_vm(struct mm_struct *mm, unsigned long flags, unsigned long npages);
extern unsigned long mmap_min_addr;
extern unsigned long dac_mmap_min_addr;
extern int sysctl_max_map_count;

/* Overcommit accounting (mm/util.c): Committed_AS in /proc/meminfo. */
int __vm_enough_memory(struct mm_struct *mm, long pages);
void vm_acct_memory(long pages);
void vm_unacct_memory(long pages);
unsigned long vm_memory_committed(void);
void print_vma_addr(const char *prefix, unsigned long ip);

/* kernel/fork_mm.c: the lifetime of an mm, and its copy at fork */
struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
void mmdrop(struct mm_struct *mm);
struct task_struct;
struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm);
struct mm_struct *get_task_mm(struct task_struct *task);
struct mm_struct *mm_access(struct task_struct *task, unsigned int mode);
static inline void mmgrab(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_count);
}
static inline void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}
/* A user reference, unless the last user is gone. Linux: mmget_not_zero() */
static inline bool mmget_not_zero(struct mm_struct *mm)
{
	if (!atomic_read(&mm->mm_users))
		return false;
	mmget(mm);
	return true;
}
extern struct list_head mm_list;

/* mm/mmu_context.c: a kernel thread borrowing an address space */
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);
void leave_mm(void);

/* LAB demand: eager-decl */
/* mm/debug_vm.c: cross-checks of page tables against struct pages and the rmap */
int mm_audit_mm(struct mm_struct *mm);
int mm_audit(void);
int mm_audit_lru(void);
bool vma_rmap_trees_ok(struct vm_area_struct *vma);
unsigned long mm_audit_errors(void);
unsigned long mm_settled_free_pages(void);
/* mm/debug_lru.c: the LRU lists against their flags and counters */
int lru_audit(void);
bool mm_audit_page_lru(struct page *page, struct vm_area_struct *vma, unsigned long addr);

/* --- resident set counters (Linux: include/linux/mm.h) --- */

static inline unsigned long get_mm_counter(struct mm_struct *mm, int member)
{
	long val = atomic_long_read(&mm->rss_stat.count[member]);

	return val < 0 ? 0 : (unsigned long)val;
}

static inline void add_mm_counter(struct mm_struct *mm, int member, long value)
{
	atomic_long_add(value, &mm->rss_stat.count[member]);
}

static inline void inc_mm_counter(struct mm_struct *mm, int member)
{
	atomic_long_inc(&mm->rss_stat.count[member]);
}

static inline void dec_mm_counter(struct mm_struct *mm, int member)
{
	atomic_long_dec(&mm->rss_stat.count[member]);
}

/* A file page counts as shmem if it is swap-backed (tmpfs, shared anon). */
static inline int mm_counter_file(const struct page *page)
{
	return PageSwapBacked(page) ? MM_SHMEMPAGES : MM_FILEPAGES;
}

static inline int mm_counter(const struct page *page)
{
	return ((unsigned long)page->mapping & 0x1) ? MM_ANONPAGES : mm_counter_file(page);
}

static inline unsigned long get_mm_rss(struct mm_struct *mm)
{
	return get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_ANONPAGES) +
	       get_mm_counter(mm, MM_SHMEMPAGES);
}

static inline void update_hiwater_rss(struct mm_struct *mm)
{
	unsigned long rss = get_mm_rss(mm);

	if (mm->hiwater_rss < rss)
		mm->hiwater_rss = rss;
}

static inline void update_hiwater_vm(struct mm_struct *mm)
{
	if (mm->hiwater_vm < mm->total_vm)
		mm->hiwater_vm = mm->total_vm;
}

/* The peak RSS so far: the recorded one or now, whichever is higher. */
static inline unsigned long get_mm_hiwater_rss(struct mm_struct *mm)
{
	return max(mm->hiwater_rss, get_mm_rss(mm));
}

/* Raise *maxrss (pages) to mm's peak RSS. Linux: setmax_mm_hiwater_rss() */
static inline void setmax_mm_hiwater_rss(unsigned long *maxrss, struct mm_struct *mm)
{
	unsigned long hiwater_rss = get_mm_hiwater_rss(mm);

	if (*maxrss < hiwater_rss)
		*maxrss = hiwater_rss;
}

static inline unsigned long mm_pgtables_bytes(const struct mm_struct *mm)
{
	return (unsigned long)atomic_long_read(&mm->pgtables_bytes);
}

/* The shared zero page: what untouched anonymous memory reads as. */
extern char empty_zero_page[];
#define ZERO_PAGE(vaddr)	virt_to_page(empty_zero_page)
static inline bool is_zero_pfn(unsigned long pfn)
{
	return pfn == page_to_pfn(ZERO_PAGE(0));
}

/* Return pages that were reserved at boot to the buddy allocator. */
unsigned long free_reserved_area(void *start, void *end, const char *s);

#endif
