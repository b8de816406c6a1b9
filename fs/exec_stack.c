// SPDX-License-Identifier: GPL-2.0
/*
 * exec's new stack: the new address space with only a stack at the top
 * of user space, the file name, environment and argument strings copied
 * onto it, and, once the program is known, the stack's final flags and
 * room below the strings. Linux: fs/exec.c (bprm_mm_init,
 * copy_string_kernel, setup_arg_pages); the rest of execve is in
 * fs/exec.c.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/binfmts.h>
#include <asm/mmu_context.h>

#define STACK_TOP_MAX	TASK_SIZE

/*
 * The new address space, holding only a one-page stack at the top of
 * user space; the strings go there next. Linux: bprm_mm_init()
 */
static int bprm_mm_init(struct linux_binprm *bprm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	int err = -ENOMEM;

	if (!mm)
		return err;
	bprm->mm = mm;
	vma = vm_area_alloc(mm);
	if (!vma)
		return err;
	vma->vm_end = STACK_TOP_MAX;
	vma->vm_start = vma->vm_end - PAGE_SIZE;
	vma->vm_flags = VM_SOFTDIRTY | VM_STACK_FLAGS;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	err = insert_vm_struct(mm, vma);
	if (err) {
		vm_area_free(vma);
		return err;
	}
	mm->stack_vm = mm->total_vm = 1;
	/* LAB demand: eager-exec */
	bprm->vma = vma;
	bprm->p = vma->vm_end - sizeof(void *);
	bprm->argmin = bprm->p - (max((unsigned long)ARG_MAX,
				      min(_STK_LIM / 4 * 3, rlimit(RLIMIT_STACK) / 4)));
	return 0;
}

/* Write len bytes at user address dst of the new mm (not the current one). */
static int copy_to_new_mm(struct linux_binprm *bprm, unsigned long dst, const void *src,
			  size_t len)
{
	const char *s = src;

	while (len) {
		size_t offset = dst & ~PAGE_MASK, n = min(len, (size_t)(PAGE_SIZE - offset));
		struct page *page = get_user_page_remote(bprm->mm, dst, true);

		if (IS_ERR(page))
			return (int)PTR_ERR(page);
		memcpy((char *)page_address(page) + offset, s, n);
		put_page(page);
		dst += n;
		s += n;
		len -= n;
	}
	return 0;
}

/* Push one string onto the new stack. Linux: copy_string_kernel() */
static int copy_string(struct linux_binprm *bprm, const char *str)
{
	size_t len = strlen(str) + 1;

	if (len > MAX_ARG_STRLEN || bprm->p - bprm->argmin < len)
		return -E2BIG;
	bprm->p -= len;
	return copy_to_new_mm(bprm, bprm->p, str, len);
}

/*
 * The strings at the top of the new stack: the file name (AT_EXECFN),
 * then the environment, then the arguments, each array last string
 * first, so argv[0] ends up lowest. Linux: do_execveat_common()
 */
int bprm_setup_stack(struct linux_binprm *bprm)
{
	int err = bprm_mm_init(bprm);

	if (err)
		return err;
	err = copy_string(bprm, bprm->filename);
	if (err)
		return err;
	bprm->exec = bprm->p;
	for (int i = bprm->envc - 1; i >= 0 && !err; i--)
		err = copy_string(bprm, bprm->envp[i]);
	for (int i = bprm->argc - 1; i >= 0 && !err; i--)
		err = copy_string(bprm, bprm->argv[i]);
	return err;
}

/*
 * The stack is final: its flags (PT_GNU_STACK decides VM_EXEC), and
 * 128 KiB more below the strings, so the program starts with room.
 * The stack already sits at STACK_TOP (no randomization), so nothing
 * moves. Linux: setup_arg_pages()
 */
int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_top, int executable_stack)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = find_vma(mm, bprm->p), *prev;
	unsigned long stack_expand = 131072UL, stack_size, stack_base, vm_flags, rlim_stack;
	int err;

	if (!vma || vma->vm_end != PAGE_ALIGN(stack_top))
		return -EFAULT;
	mm->arg_start = bprm->p;
	vm_flags = VM_STACK_FLAGS | mm->def_flags;
	if (executable_stack == EXSTACK_ENABLE_X)
		vm_flags |= VM_EXEC;
	else if (executable_stack == EXSTACK_DISABLE_X)
		vm_flags &= ~VM_EXEC;
	if ((vma->vm_flags & ~VM_SOFTDIRTY) != vm_flags) {
		prev = vma->vm_prev;
		err = mprotect_fixup(vma, &prev, vma->vm_start, vma->vm_end,
				     vm_flags | (vma->vm_flags & VM_SOFTDIRTY));
		if (err)
			return err;
		vma = prev;
	}
	stack_size = vma->vm_end - vma->vm_start;
	rlim_stack = rlimit(RLIMIT_STACK) & PAGE_MASK;
	if (stack_size + stack_expand > rlim_stack)
		stack_base = vma->vm_end - rlim_stack;
	else
		stack_base = vma->vm_start - stack_expand;
	mm->start_stack = bprm->p;
	return expand_stack(vma, stack_base);
}
