/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <asm/pgtable_types.h>
#include <linux/elf.h>

struct address_space;
struct kmem_cache;

/*
 * One struct page per physical page frame, in the vmemmap array at
 * 0xffffea0000000000: frame pfn is vmemmap[pfn]. Linux: include/linux/mm_types.h
 *
 * The first union says what the frame is used for; which member is live
 * follows from the flags and page type:
 *
 *   free in the buddy allocator  PageBuddy: lru links it into
 *                                zone->free_area[order], private = order
 *   page cache / anonymous       lru (LRU list), mapping, index
 *   slab                         PageSlab: slab_list, slab_cache, freelist
 *                                (Linux 6.1 overlays these as struct slab)
 *   tail of a compound page      compound_head = head page | 1
 *
 * _mapcount counts the page-table entries that map the page, minus one
 * (-1 = unmapped). While the page is not mappable it holds a page type
 * instead: a value near 0xffffffff with one bit cleared (PG_buddy, PG_table).
 * _refcount counts references; it is 0 exactly while the page is free.
 *
 * 64 bytes, as in Linux, so that a 128 MiB memory section's array is
 * exactly one 2 MiB page.
 */
struct page {
	unsigned long flags;		/* PG_* bits; zone number in the top bits */
	union {
		struct {
			union {
				struct list_head lru;
				struct {	/* on LRU_UNEVICTABLE (linked nowhere) */
					void *__filler;
					unsigned int mlock_count;	/* locked VMAs mapping it */
				};
			};
			struct address_space *mapping;
			pgoff_t index;		/* offset in mapping, in pages */
			unsigned long private;	/* buddy order while PageBuddy */
		};
		struct {
			struct list_head slab_list;	/* partial or full list */
			struct kmem_cache *slab_cache;
			void *freelist;			/* first free object */
			unsigned int inuse;		/* objects handed out */
			unsigned int objects;		/* objects in the slab */
		};
		struct {
			unsigned long compound_head;	/* bit 0 set: a tail */
			unsigned char compound_dtor;
			unsigned char compound_order;	/* in page[1] */
			unsigned int compound_nr;	/* in page[1]: pages */
		};
	};
	union {
		atomic_t _mapcount;
		unsigned int page_type;
	};
	atomic_t _refcount;
	unsigned long memcg_data;	/* no memory cgroups: always 0 */
};

struct file;
struct vm_operations_struct;
struct anon_vma;
struct userfaultfd_ctx;

/*
 * The userfaultfd a VMA is registered with (NULL: none), in a struct of
 * its own as Linux keeps it, so that "no uffd" is a value
 * (NULL_VM_UFFD_CTX) that merges compare. Linux: include/linux/mm_types.h
 */
struct vm_userfaultfd_ctx {
	struct userfaultfd_ctx *ctx;
};
#define NULL_VM_UFFD_CTX ((struct vm_userfaultfd_ctx) { NULL })

/*
 * A virtual memory area: [vm_start, vm_end) of one address space with the
 * same protection and the same backing (a file at vm_pgoff, or anonymous
 * memory). Linux: include/linux/mm_types.h (the list-and-rbtree layout
 * Linux had up to 6.0, before the maple tree)
 *
 *   mm->mmap -> [vma] <-> [vma] <-> [vma]     sorted list (vm_next/vm_prev)
 *   mm->mm_rb:        [vma]                   rbtree by address, each node
 *                    /     \                  caching rb_subtree_gap: the
 *                [vma]     [vma]              largest free gap below it
 *
 * Rules: vm_start < vm_end, both page-aligned; areas never overlap; the
 * list and the tree hold the same areas (validate_mm checks it).
 */
struct vm_area_struct {
	unsigned long vm_start;		/* first byte */
	unsigned long vm_end;		/* first byte after */
	struct vm_area_struct *vm_next, *vm_prev;
	struct rb_node vm_rb;
	/*
	 * The largest free gap below this node in the tree, counting the gap
	 * before each area (from the previous area's end, the stack guard
	 * gap taken off). get_unmapped_area skips subtrees too tight.
	 */
	unsigned long rb_subtree_gap;
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;		/* what PTEs of this area get */
	unsigned long vm_flags;		/* VM_* */
	/*
	 * In the file's address_space->i_mmap interval tree (file rmap),
	 * keyed by the file pages it maps, [vm_pgoff, vm_pgoff +
	 * vma_pages - 1]; rb_subtree_last is the highest last page in its
	 * subtree (mm/interval_tree.c). A node out of every tree is
	 * RB_CLEAR_NODE'd. Its key moves with vm_start, vm_end and vm_pgoff:
	 * those change only while the VMA is out of the tree.
	 */
	struct {
		struct rb_node rb;
		unsigned long rb_subtree_last;
	} shared;
	/*
	 * Anonymous pages: anon_vma_chain links this VMA to the anon_vmas of
	 * its pages (rmap.c has the picture); anon_vma is the one new pages
	 * join. NULL until the first anonymous page.
	 */
	struct list_head anon_vma_chain;
	struct anon_vma *anon_vma;
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;		/* offset in vm_file, in pages; for
					   private anonymous memory, vm_start
					   in pages */
	struct file *vm_file;
	/*
	 * Set exactly when a VM_UFFD_* flag is: the uffd that hears of this
	 * range's faults. Part of the merge identity (vma_merge).
	 */
	struct vm_userfaultfd_ctx vm_userfaultfd_ctx;
};

/* Per-mm counters of resident pages (Linux: enum, in rss_stat). */
enum {
	MM_FILEPAGES,	/* file pages mapped (not shmem) */
	MM_ANONPAGES,	/* anonymous pages */
	MM_SWAPENTS,	/* anonymous pages out on swap */
	MM_SHMEMPAGES,	/* shmem pages mapped (tmpfs files, shared anonymous) */
	NR_MM_COUNTERS
};

struct mm_rss_stat {
	atomic_long_t count[NR_MM_COUNTERS];
};

/*
 * An address space. Linux: struct mm_struct
 *
 * mm_users counts the tasks (and short-term users) of the address space;
 * when it reaches zero the mappings go (exit_mmap). mm_count counts
 * references to the struct itself, with all users together holding one;
 * at zero the struct and its page-table root are freed (mmdrop).
 *
 * The *_vm counters are in pages, kept by vm_stat_account():
 *   total_vm  everything mapped        data_vm  private writable, not stack
 *   exec_vm   executable, not writable stack_vm growing-down areas
 */
/* mm->flags. Linux: bit numbers for test_bit(), here masks */
#define MMF_OOM_SKIP	(1UL << 21)	/* the OOM killer passes over this mm: it is being freed */

struct mm_struct {
	struct vm_area_struct *mmap;	/* list of VMAs, by address */
	struct rb_root mm_rb;		/* the same VMAs in a tree */
	int map_count;			/* number of VMAs */
	unsigned long (*get_unmapped_area)(struct file *filp, unsigned long addr,
					   unsigned long len, unsigned long pgoff,
					   unsigned long flags);
	unsigned long mmap_base;	/* top-down search starts here */
	unsigned long mmap_legacy_base;	/* bottom-up search starts here */
	unsigned long task_size;	/* size of the user address space */
	unsigned long highest_vm_end;	/* end of the highest VMA */
	pgd_t *pgd;

	atomic_t mm_users;
	atomic_t mm_count;

	atomic_long_t pgtables_bytes;	/* user page tables, for VmPTE */
	unsigned long hiwater_rss;	/* peak RSS (updated lazily, as Linux) */
	unsigned long hiwater_vm;	/* peak total_vm */
	unsigned long total_vm;
	unsigned long locked_vm;	/* VM_LOCKED pages */
	atomic64_t pinned_vm;		/* pinned by drivers: always 0 here */
	unsigned long data_vm;
	unsigned long exec_vm;
	unsigned long stack_vm;
	unsigned long def_flags;	/* VM_* added to every new VMA */
	int dumpable;			/* PR_SET_DUMPABLE: 1 may dump core (Linux: MMF_DUMPABLE bits) */
	unsigned long flags;		/* MMF_* */

	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;

	struct mm_rss_stat rss_stat;
	struct list_head mmlist;	/* all mms, for the mm audit */
	struct file *exe_file;		/* the program (/proc/<pid>/exe) */
	unsigned long saved_auxv[AT_VECTOR_SIZE];	/* for /proc/<pid>/auxv */
};

extern struct mm_struct init_mm;

#endif
