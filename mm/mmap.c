// SPDX-License-Identifier: GPL-2.0
/*
 * Mapping: mmap, the search for free address space, stack growth, and
 * the counters of an address space (unmapping is in mm/munmap.c).
 * Linux: mm/mmap.c
 *
 * Behaviour and errno values follow Linux 6.1; the structure follows the
 * list-and-rbtree mmap.c of Linux up to 6.0. Faultline takes no locks:
 * one CPU and no kernel preemption, so nothing else can touch an mm while
 * these run (Linux holds mmap_lock for writing here).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/security.h>
#include <linux/mman.h>
#include <linux/fs.h>
#include <linux/rmap.h>
#include <linux/shmem_fs.h>
#include <linux/memfd.h>
#include <linux/userfaultfd_k.h>

/* 256 pages between a stack and the area below it (Linux's default). */
unsigned long stack_guard_gap = 256UL << PAGE_SHIFT;
/*
 * Debian's CONFIG_DEFAULT_MMAP_MIN_ADDR: nothing maps below 64 KiB.
 * dac_mmap_min_addr is vm.mmap_min_addr as written, the bound MAP_FIXED
 * may cross with CAP_SYS_RAWIO (cap_mmap_addr); mmap_min_addr is the one
 * in force for hints and stacks (Linux: security/min_addr.c).
 */
unsigned long mmap_min_addr = 65536;
unsigned long dac_mmap_min_addr = 65536;
/* vm.max_map_count: at most this many VMAs per address space. */
int sysctl_max_map_count = 65530;

int vma_insert_at(struct mm_struct *mm, struct vm_area_struct *vma);

/* --- counters --- */

static bool is_exec_mapping(unsigned long flags)
{
	return (flags & (VM_EXEC | VM_WRITE | VM_STACK)) == VM_EXEC;
}

static bool is_stack_mapping(unsigned long flags)
{
	return (flags & VM_STACK) == VM_STACK;
}

static bool is_data_mapping(unsigned long flags)
{
	return (flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE;
}

/*
 * Every change of mapped size goes through here, so that total_vm and
 * its breakdown (VmSize, VmExe, VmStk, VmData in /proc/<pid>/status) stay
 * exact. Linux: vm_stat_account()
 */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if (is_exec_mapping(flags))
		mm->exec_vm += npages;
	else if (is_stack_mapping(flags))
		mm->stack_vm += npages;
	else if (is_data_mapping(flags))
		mm->data_vm += npages;
}

/* May the mm grow by npages of this kind (RLIMIT_AS, RLIMIT_DATA)? */
bool may_expand_vm(struct mm_struct *mm, unsigned long flags, unsigned long npages)
{
	if (mm->total_vm + npages > rlimit(RLIMIT_AS) >> PAGE_SHIFT)
		return false;
	if (is_data_mapping(flags) &&
	    mm->data_vm + npages > rlimit(RLIMIT_DATA) >> PAGE_SHIFT) {
		/* Linux's workaround for Valgrind, which sets the limit to 0 */
		if (rlimit(RLIMIT_DATA) == 0 &&
		    mm->data_vm + npages <= rlimit_max(RLIMIT_DATA) >> PAGE_SHIFT)
			return true;
		pr_warn("%s (%d): VmData %lu exceed data ulimit %lu. Update limits or use "
			"boot option ignore_rlimit_data.\n", current->comm, current->pid,
			(mm->data_vm + npages) << PAGE_SHIFT, rlimit(RLIMIT_DATA));
		return false;
	}
	return true;
}

/* --- finding free address space --- */

/*
 * The lowest gap of at least info->length in [low_limit, high_limit).
 * Walk the tree in address order, but skip a subtree whose largest gap
 * (rb_subtree_gap) is too small, and stop at the first fit: O(log n).
 * The gap before a node lies between its predecessor's end and its start.
 */
static unsigned long unmapped_area(struct vm_unmapped_area_info *info)
{
	struct mm_struct *mm = current->mm;
	unsigned long length = info->length + info->align_mask, low_limit, high_limit;
	unsigned long gap_start, gap_end;
	struct vm_area_struct *vma;

	if (length < info->length || info->high_limit < length)
		return -ENOMEM;
	high_limit = info->high_limit - length;
	if (info->low_limit > high_limit)
		return -ENOMEM;
	low_limit = info->low_limit + length;

	if (RB_EMPTY_ROOT(&mm->mm_rb))
		goto check_highest;
	vma = rb_entry(mm->mm_rb.rb_node, struct vm_area_struct, vm_rb);
	if (vma->rb_subtree_gap < length)
		goto check_highest;
	while (true) {
		/* Leftmost first: the left subtree, if it has room. */
		gap_end = vm_start_gap(vma);
		if (gap_end >= low_limit && vma->vm_rb.rb_left) {
			struct vm_area_struct *left = rb_entry(vma->vm_rb.rb_left,
							       struct vm_area_struct, vm_rb);
			if (left->rb_subtree_gap >= length) {
				vma = left;
				continue;
			}
		}
		gap_start = vma->vm_prev ? vm_end_gap(vma->vm_prev) : 0;
check_current:
		if (gap_start > high_limit)
			return -ENOMEM;
		if (gap_end >= low_limit && gap_end > gap_start && gap_end - gap_start >= length)
			goto found;
		/* Then the right subtree. */
		if (vma->vm_rb.rb_right) {
			struct vm_area_struct *right = rb_entry(vma->vm_rb.rb_right,
								struct vm_area_struct, vm_rb);
			if (right->rb_subtree_gap >= length) {
				vma = right;
				continue;
			}
		}
		/* Then up, to the next node whose left subtree we came from. */
		while (true) {
			struct rb_node *prev = &vma->vm_rb;

			if (!rb_parent(prev))
				goto check_highest;
			vma = rb_entry(rb_parent(prev), struct vm_area_struct, vm_rb);
			if (prev == vma->vm_rb.rb_left) {
				gap_start = vm_end_gap(vma->vm_prev);
				gap_end = vm_start_gap(vma);
				goto check_current;
			}
		}
	}
check_highest:
	/* Above the last VMA. */
	gap_start = mm->highest_vm_end;
	gap_end = ~0UL;
	if (gap_start > high_limit)
		return -ENOMEM;
found:
	if (gap_start < info->low_limit)
		gap_start = info->low_limit;
	gap_start += (info->align_offset - gap_start) & info->align_mask;
	return gap_start;
}

/* The same, searching from the top: the highest gap that fits. */
static unsigned long unmapped_area_topdown(struct vm_unmapped_area_info *info)
{
	/* LAB vma: gap-search BEGIN */
	struct mm_struct *mm = current->mm;
	unsigned long length = info->length + info->align_mask, low_limit, high_limit;
	unsigned long gap_start, gap_end;
	struct vm_area_struct *vma;

	if (length < info->length)
		return -ENOMEM;
	gap_end = info->high_limit;
	if (gap_end < length)
		return -ENOMEM;
	high_limit = gap_end - length;
	if (info->low_limit > high_limit)
		return -ENOMEM;
	low_limit = info->low_limit + length;

	/* Above the last VMA, which no tree node's gap covers. */
	gap_start = mm->highest_vm_end;
	if (gap_start <= high_limit)
		goto found_highest;
	if (RB_EMPTY_ROOT(&mm->mm_rb))
		return -ENOMEM;
	vma = rb_entry(mm->mm_rb.rb_node, struct vm_area_struct, vm_rb);
	if (vma->rb_subtree_gap < length)
		return -ENOMEM;
	while (true) {
		/* Rightmost first. */
		gap_start = vma->vm_prev ? vm_end_gap(vma->vm_prev) : 0;
		if (gap_start <= high_limit && vma->vm_rb.rb_right) {
			struct vm_area_struct *right = rb_entry(vma->vm_rb.rb_right,
								struct vm_area_struct, vm_rb);
			if (right->rb_subtree_gap >= length) {
				vma = right;
				continue;
			}
		}
check_current:
		gap_end = vm_start_gap(vma);
		if (gap_end < low_limit)
			return -ENOMEM;
		if (gap_start <= high_limit && gap_end > gap_start && gap_end - gap_start >= length)
			goto found;
		if (vma->vm_rb.rb_left) {
			struct vm_area_struct *left = rb_entry(vma->vm_rb.rb_left,
							       struct vm_area_struct, vm_rb);
			if (left->rb_subtree_gap >= length) {
				vma = left;
				continue;
			}
		}
		while (true) {
			struct rb_node *prev = &vma->vm_rb;

			if (!rb_parent(prev))
				return -ENOMEM;
			vma = rb_entry(rb_parent(prev), struct vm_area_struct, vm_rb);
			if (prev == vma->vm_rb.rb_right) {
				gap_start = vma->vm_prev ? vm_end_gap(vma->vm_prev) : 0;
				goto check_current;
			}
		}
	}
found:
	if (gap_end > info->high_limit)
		gap_end = info->high_limit;
found_highest:
	gap_end -= info->length;
	gap_end -= (gap_end - info->align_offset) & info->align_mask;
	VM_BUG_ON(gap_end < info->low_limit || gap_end < gap_start);
	return gap_end;
	/* LAB vma: gap-search END */
}

/* Linux: vm_unmapped_area() */
unsigned long vm_unmapped_area(struct vm_unmapped_area_info *info)
{
	if (info->flags & VM_UNMAPPED_AREA_TOPDOWN)
		return unmapped_area_topdown(info);
	return unmapped_area(info);
}

/*
 * Where a mapping of len bytes goes: the hint if it fits, else the mm's
 * search (top-down or legacy); MAP_FIXED takes addr as it is. Linux:
 * get_unmapped_area()
 */
unsigned long get_unmapped_area(struct file *file, unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags)
{
	struct mm_struct *mm = current->mm;

	if (len > TASK_SIZE)
		return -ENOMEM;
	if (!file && (flags & MAP_SHARED))
		pgoff = 0;
	addr = mm->get_unmapped_area(file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if (addr > TASK_SIZE - len)
		return -ENOMEM;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	return cap_mmap_addr(addr) ?: addr;	/* Linux: security_mmap_addr() */
}

/* --- mmap --- */

static unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

static unsigned long calc_vm_flag_bits(unsigned long flags)
{
	return (flags & MAP_GROWSDOWN ? VM_GROWSDOWN : 0) |
	       (flags & MAP_LOCKED ? VM_LOCKED : 0) |
	       (flags & MAP_SYNC ? VM_SYNC : 0);
}

/* Private writable memory is charged to the overcommit count. */
static bool accountable_mapping(unsigned long vm_flags)
{
	return (vm_flags & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE;
}

/*
 * The VM_SHARED/VM_MAY* flags a file's open mode and seals allow (or
 * -EACCES): a read-only shared mapping of a write-sealed file may never
 * become writable.
 * MAP_SHARED_VALIDATE refuses flags the kernel does not know, and
 * MAP_SYNC, which needs a DAX file (none here), with -EOPNOTSUPP; plain
 * MAP_SHARED ignores them.
 */
static long file_mmap_flags(struct file *file, unsigned long flags, unsigned long prot,
			    unsigned long vm_flags)
{
	switch (flags & MAP_TYPE) {
	case MAP_SHARED_VALIDATE:
		if (flags & ~LEGACY_MAP_MASK)
			return -EOPNOTSUPP;
		fallthrough;
	case MAP_SHARED:
		if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		vm_flags |= VM_SHARED | VM_MAYSHARE;
		if (!(file->f_mode & FMODE_WRITE))
			vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		else if (is_readonly_sealed(memfd_file_seals(file), vm_flags))
			vm_flags &= ~VM_MAYWRITE;
		/* fall through */
	case MAP_PRIVATE:
		if (!(file->f_mode & FMODE_READ))
			return -EACCES;
		if (!file->f_op || !file->f_op->mmap)
			return -ENODEV;
		return (long)vm_flags;
	default:
		return -EINVAL;
	}
}

/*
 * The heart of mmap(2): check the request, place it, work out its VMA
 * flags. Returns the address or -errno; *populate is how many bytes
 * the caller should fault in (a locked mapping, or MAP_POPULATE).
 * Linux: do_mmap()
 */
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff,
		      unsigned long *populate)
{
	struct mm_struct *mm = current->mm;
	unsigned long vm_flags;
	long ret;

	if (!len)
		return -EINVAL;
	/* NOREPLACE places exactly as MAP_FIXED does, but refuses to replace. */
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	/* A hint below mmap_min_addr is raised to it (Linux: round_hint_to_min). */
	if (!(flags & MAP_FIXED) && (addr & PAGE_MASK) && (addr & PAGE_MASK) < mmap_min_addr)
		addr = PAGE_ALIGN(mmap_min_addr);
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM;

	addr = get_unmapped_area(file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if ((flags & MAP_FIXED_NOREPLACE) && find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;

	vm_flags = calc_vm_prot_bits(prot) | calc_vm_flag_bits(flags) | mm->def_flags |
		   VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	if ((flags & MAP_LOCKED) && !can_do_mlock())
		return -EPERM;
	if (mlock_future_check(mm, vm_flags, len))
		return -EAGAIN;
	if (file) {
		ret = file_mmap_flags(file, flags, prot, vm_flags);
		if (ret < 0)
			return ret;
		vm_flags = ret;
	} else if ((flags & MAP_TYPE) == MAP_PRIVATE) {
		pgoff = addr >> PAGE_SHIFT;
	} else if ((flags & MAP_TYPE) == MAP_SHARED) {
		pgoff = 0;
		vm_flags |= VM_SHARED | VM_MAYSHARE;
	} else {
		return -EINVAL;		/* MAP_SHARED_VALIDATE too: it is for files */
	}
	/* MAP_NORESERVE is honoured only while overcommit is allowed. */
	if ((flags & MAP_NORESERVE) && sysctl_overcommit_memory != OVERCOMMIT_NEVER)
		vm_flags |= VM_NORESERVE;
	addr = mmap_region(file, addr, len, vm_flags, pgoff);
	if (!IS_ERR_VALUE(addr) &&
	    ((vm_flags & VM_LOCKED) || (flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE))
		*populate = len;
	return addr;
}

/* A new VMA for a range known to be free. */
static unsigned long new_vma_region(struct file *file, unsigned long addr, unsigned long len,
				    unsigned long vm_flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = vm_area_alloc(mm);
	int err;

	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_pgoff = pgoff;
	if (file) {
		vma->vm_file = get_file(file);
		err = file->f_op->mmap(file, vma);
	} else if (vm_flags & VM_SHARED) {
		err = shmem_zero_setup(vma);
	} else {
		err = 0;
	}
	if (!err) {
		err = vma_insert_at(mm, vma);
		/* Linux: close_and_free_vma: undo what ->mmap did (a System V attach's count). */
		if (err && vma->vm_ops && vma->vm_ops->close)
			vma->vm_ops->close(vma);
	}
	if (err) {
		if (vma->vm_file)
			fput(vma->vm_file);
		vm_area_free(vma);
		return err;
	}
	return addr;
}

/* Pages of [addr, end) that are mapped now (MAP_FIXED will replace them). */
static unsigned long count_vma_pages_range(struct mm_struct *mm, unsigned long addr,
					   unsigned long end)
{
	unsigned long nr_pages = 0;
	struct vm_area_struct *vma;

	for (vma = find_vma_intersection(mm, addr, end); vma && vma->vm_start < end;
	     vma = vma->vm_next)
		nr_pages += (min(end, vma->vm_end) - max(addr, vma->vm_start)) >> PAGE_SHIFT;
	return nr_pages;
}

/*
 * Make [addr, addr + len) a mapping: unmap what was there (MAP_FIXED),
 * charge it, merge it with a neighbour if possible or make a new VMA,
 * count it. Linux: __mmap_region()
 */
static unsigned long __mmap_region(struct file *file, unsigned long addr, unsigned long len,
				   unsigned long vm_flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long charged = 0, ret;
	struct vm_area_struct *prev, *vma;

	if (!may_expand_vm(mm, vm_flags, len >> PAGE_SHIFT) &&
	    !may_expand_vm(mm, vm_flags, (len >> PAGE_SHIFT) -
			   count_vma_pages_range(mm, addr, addr + len)))
		return -ENOMEM;
	if (find_vma_intersection(mm, addr, addr + len) && do_munmap(mm, addr, len))
		return -ENOMEM;
	if (accountable_mapping(vm_flags)) {
		charged = len >> PAGE_SHIFT;
		if (__vm_enough_memory(mm, charged))
			return -ENOMEM;
		vm_flags |= VM_ACCOUNT;
	}
	vm_flags |= VM_SOFTDIRTY;

	/* Can an old mapping simply grow to cover the new one? */
	find_vma_prev(mm, addr, &prev);
	vma = vma_merge(mm, prev, addr, addr + len, vm_flags, NULL, file, pgoff, NULL_VM_UFFD_CTX);
	if (vma) {
		vma->vm_flags |= VM_SOFTDIRTY;
	} else {
		ret = new_vma_region(file, addr, len, vm_flags, pgoff);
		if (IS_ERR_VALUE(ret)) {
			vm_unacct_memory(charged);
			return ret;
		}
	}
	vm_stat_account(mm, vm_flags, len >> PAGE_SHIFT);
	if (vm_flags & VM_LOCKED)
		mm->locked_vm += len >> PAGE_SHIFT;
	/* LAB demand: eager-mmap */
	return addr;
}

/*
 * A writable shared mapping of a file counts in its i_mmap_writable
 * while it is made, so that F_SEAL_WRITE cannot slip in between, and is
 * refused (-EPERM) once the file is sealed. Linux: mmap_region()
 */
unsigned long mmap_region(struct file *file, unsigned long addr, unsigned long len,
			  unsigned long vm_flags, unsigned long pgoff)
{
	bool writable_file_mapping = false;
	unsigned long ret;

	if (file && is_shared_maywrite(vm_flags)) {
		int error = mapping_map_writable(file->f_mapping);

		if (error)
			return error;
		writable_file_mapping = true;
	}
	ret = __mmap_region(file, addr, len, vm_flags, pgoff);
	if (writable_file_mapping)
		mapping_unmap_writable(file->f_mapping);
	return ret;
}

/* --- the stack --- */

/* May a stack grow by grow pages to size bytes? Linux: acct_stack_growth() */
static int acct_stack_growth(struct vm_area_struct *vma, unsigned long size,
			     unsigned long grow)
{
	struct mm_struct *mm = vma->vm_mm;

	if (!may_expand_vm(mm, vma->vm_flags, grow))
		return -ENOMEM;
	if (size > rlimit(RLIMIT_STACK))
		return -ENOMEM;
	if ((vma->vm_flags & VM_LOCKED) &&
	    ((mm->locked_vm + grow) << PAGE_SHIFT) > rlimit(RLIMIT_MEMLOCK))
		return -ENOMEM;
	if (__vm_enough_memory(mm, grow))
		return -ENOMEM;
	return 0;
}

/*
 * A fault just below a VM_GROWSDOWN VMA: move its start down to cover
 * address, if the stack limit allows and the stack stays stack_guard_gap
 * away from the area below. Linux: expand_downwards()
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *prev = vma->vm_prev;
	unsigned long size, grow;
	int err;

	address &= PAGE_MASK;
	if (address < mmap_min_addr)
		return -EPERM;
	if (prev && !(prev->vm_flags & VM_GROWSDOWN) && vma_is_accessible(prev) &&
	    address - prev->vm_end < stack_guard_gap)
		return -ENOMEM;
	if (anon_vma_prepare(vma))
		return -ENOMEM;
	if (address >= vma->vm_start)
		return 0;
	size = vma->vm_end - address;
	grow = (vma->vm_start - address) >> PAGE_SHIFT;
	if (grow > vma->vm_pgoff)
		return -ENOMEM;
	err = acct_stack_growth(vma, size, grow);
	if (err)
		return err;
	if (vma->vm_flags & VM_LOCKED)
		mm->locked_vm += grow;
	vm_stat_account(mm, vma->vm_flags, grow);
	vma_set_range(vma, address, vma->vm_end, vma->vm_pgoff - grow);
	/* LAB demand: eager-stack */
	validate_mm(mm);
	return 0;
}
