// SPDX-License-Identifier: GPL-2.0
/*
 * Loading a static ELF program. Linux: fs/binfmt_elf.c (load_elf_binary,
 * elf_map, set_brk, padzero, create_elf_tables)
 *
 * Each PT_LOAD segment becomes a private file mapping at its address with
 * its protection (r--, r-x, rw-): the pages come from the page cache on
 * demand, and written ones are copied (COW). The part of the last
 * segment past its file size is the bss: zeros, the rest of its page
 * cleared in place and whole pages after it anonymous memory. The heap
 * (brk) starts at the page-aligned end of the bss.
 *
 * ET_EXEC programs (musl-gcc -static -no-pie) load at their link address
 * (0x400000). A static PIE (ET_DYN, no interpreter) is placed where mmap
 * would put something that large, as Linux 6.1 does without randomization.
 * Programs needing a dynamic loader (PT_INTERP) are refused with ENOEXEC
 * once the interpreter's path has been read (EIO if it cannot be, as in
 * 6.1). 32-bit images are refused with ENOEXEC too: Faultline has no
 * 32-bit ABI (Linux runs them through compat_binfmt_elf).
 *
 * The initial stack, from the top down (create_elf_tables):
 *
 *   0x7ffffffff000  end of the stack VMA
 *                   8 bytes of 0, the file name, envp strings, argv strings
 *                   "x86_64" (AT_PLATFORM), 16 random bytes (AT_RANDOM)
 *                   auxv (key, value pairs, AT_NULL last)
 *                   NULL, envp[envc-1] ... envp[0]
 *                   NULL, argv[argc-1] ... argv[0]
 *   rsp ->          argc                      (16-byte aligned)
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/elf.h>
#include <linux/binfmts.h>
#include <linux/random.h>
#include <asm/cpufeature.h>
#include <asm/fpu.h>
#include <asm/sigframe.h>
#include <asm/uaccess.h>
#include <linux/cred.h>

#define ELF_MIN_ALIGN		PAGE_SIZE
#define ELF_PAGESTART(v)	((v) & ~(unsigned long)(ELF_MIN_ALIGN - 1))
#define ELF_PAGEOFFSET(v)	((v) & (ELF_MIN_ALIGN - 1))
#define ELF_PAGEALIGN(v)	(((v) + ELF_MIN_ALIGN - 1) & ~(ELF_MIN_ALIGN - 1))
#define BAD_ADDR(x)		((unsigned long)(x) >= TASK_SIZE)
#define ELF_PLATFORM		"x86_64"
#define CLOCKS_PER_SEC		100	/* USER_HZ */
#define STACK_TOP		TASK_SIZE

/* Read and check the program headers. Linux: load_elf_phdrs() */
static Elf64_Phdr *load_elf_phdrs(const Elf64_Ehdr *ex, struct file *file)
{
	size_t size;
	Elf64_Phdr *phdrs;
	loff_t pos = (loff_t)ex->e_phoff;
	ssize_t n;

	/* At most a page of them (73), as Linux allows (ELF_MIN_ALIGN). */
	size = sizeof(Elf64_Phdr) * ex->e_phnum;
	if (ex->e_phentsize != sizeof(Elf64_Phdr) || size == 0 || size > PAGE_SIZE)
		return ERR_PTR(-ENOEXEC);
	phdrs = kmalloc(size, GFP_KERNEL);
	if (!phdrs)
		return ERR_PTR(-ENOMEM);
	n = kernel_read(file, phdrs, size, &pos);
	if (n != (ssize_t)size) {
		kfree(phdrs);
		return ERR_PTR(-ENOEXEC);	/* as 6.1's load_elf_binary reports any failure here */
	}
	return phdrs;
}

static bool elf_check_header(const Elf64_Ehdr *ex)
{
	return !memcmp(ex->e_ident, ELFMAG, SELFMAG) && ex->e_ident[EI_CLASS] == ELFCLASS64 &&
	       ex->e_ident[EI_DATA] == ELFDATA2LSB && (ex->e_type == ET_EXEC ||
	       ex->e_type == ET_DYN) && ex->e_machine == EM_X86_64;
}

static int make_prot(u32 p_flags)
{
	int prot = 0;

	if (p_flags & PF_R)
		prot |= PROT_READ;
	if (p_flags & PF_W)
		prot |= PROT_WRITE;
	if (p_flags & PF_X)
		prot |= PROT_EXEC;
	return prot;
}

/* The span of all PT_LOADs, for placing a PIE in one piece. Linux: total_mapping_size() */
static unsigned long total_mapping_size(const Elf64_Phdr *phdr, int nr)
{
	int first = -1, last = -1;

	for (int i = 0; i < nr; i++) {
		if (phdr[i].p_type != PT_LOAD)
			continue;
		if (first < 0)
			first = i;
		last = i;
	}
	if (first < 0)
		return 0;
	return phdr[last].p_vaddr + phdr[last].p_memsz - ELF_PAGESTART(phdr[first].p_vaddr);
}

/* Map one segment's file part. Linux: elf_map() */
static unsigned long elf_map(struct file *file, unsigned long addr, const Elf64_Phdr *p,
			     int prot, int type, unsigned long total_size)
{
	unsigned long size = p->p_filesz + ELF_PAGEOFFSET(p->p_vaddr);
	unsigned long off = p->p_offset - ELF_PAGEOFFSET(p->p_vaddr);
	unsigned long map_addr;

	addr = ELF_PAGESTART(addr);
	size = ELF_PAGEALIGN(size);
	if (!size)
		return addr;	/* a segment with no file part is valid */
	if (total_size) {
		total_size = ELF_PAGEALIGN(total_size);
		map_addr = vm_mmap(file, addr, total_size, prot, type, off);
		if (!BAD_ADDR(map_addr))
			vm_munmap(map_addr + size, total_size - size);
	} else {
		map_addr = vm_mmap(file, addr, size, prot, type, off);
	}
	if ((type & MAP_FIXED_NOREPLACE) && map_addr == (unsigned long)-EEXIST)
		pr_info("%d (%s): Uhuuh, elf segment at %px requested but the memory is mapped already\n",
			current->pid, current->comm, (void *)addr);
	return map_addr;
}

/* The bss's whole pages, and the heap's start. Linux: set_brk() */
static int set_brk(unsigned long start, unsigned long end, int prot)
{
	start = ELF_PAGEALIGN(start);
	end = ELF_PAGEALIGN(end);
	if (end > start) {
		int err = vm_brk_flags(start, end - start, prot & PROT_EXEC ? VM_EXEC : 0);

		if (err)
			return err;
	}
	current->mm->start_brk = current->mm->brk = end;
	return 0;
}

/* Zero the rest of the page the file part of the bss ends in. Linux: padzero() */
static int padzero(unsigned long elf_bss)
{
	unsigned long nbyte = ELF_PAGEOFFSET(elf_bss);

	if (nbyte && clear_user((void __user *)elf_bss, ELF_MIN_ALIGN - nbyte))
		return -EFAULT;
	return 0;
}

/* What the loop over PT_LOADs learns. */
struct elf_layout {
	unsigned long load_bias;
	unsigned long elf_bss, elf_brk;		/* end of file part / memory of the last */
	int bss_prot;
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long phdr_addr;
};

/* The size of a signal frame, for AT_MINSIGSTKSZ. Linux: get_sigframe_size() */
static unsigned long sigframe_size(void)
{
	return ALIGN(sizeof(struct rt_sigframe) + 15 + sizeof(struct fxregs_state) + 63, 16);
}

/* Put the auxiliary vector together in mm->saved_auxv; returns its words. */
static int fill_auxv(struct linux_binprm *bprm, const Elf64_Ehdr *ex,
		     const struct elf_layout *l, unsigned long e_entry,
		     unsigned long u_platform, unsigned long u_rand_bytes)
{
	unsigned long *elf_info = current->mm->saved_auxv;
	const struct cred *cred = current_cred();	/* the new program's, committed */
	int n = 0;

#define NEW_AUX_ENT(id, val) do { elf_info[n++] = (id); elf_info[n++] = (val); } while (0)
	NEW_AUX_ENT(AT_MINSIGSTKSZ, sigframe_size());
	NEW_AUX_ENT(AT_HWCAP, boot_cpu_data.hwcap);
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, CLOCKS_PER_SEC);
	NEW_AUX_ENT(AT_PHDR, l->phdr_addr);
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf64_Phdr));
	NEW_AUX_ENT(AT_PHNUM, ex->e_phnum);
	NEW_AUX_ENT(AT_BASE, 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, e_entry);
	NEW_AUX_ENT(AT_UID, cred->uid);
	NEW_AUX_ENT(AT_EUID, cred->euid);
	NEW_AUX_ENT(AT_GID, cred->gid);
	NEW_AUX_ENT(AT_EGID, cred->egid);
	NEW_AUX_ENT(AT_SECURE, bprm->secureexec);
	NEW_AUX_ENT(AT_RANDOM, u_rand_bytes);
	NEW_AUX_ENT(AT_HWCAP2, 0);	/* no FSGSBASE, no ring-3 MWAIT */
	NEW_AUX_ENT(AT_EXECFN, bprm->exec);
	NEW_AUX_ENT(AT_PLATFORM, u_platform);
#undef NEW_AUX_ENT
	memset(elf_info + n, 0, (AT_VECTOR_SIZE - n) * sizeof(unsigned long));
	return n + 2;		/* and the AT_NULL pair */
}

/* Store one value on the new stack (current->mm by now). */
static int push(unsigned long __user **sp, unsigned long v)
{
	return put_user(v, (*sp)++);
}

/* The initial stack (pictured at the top of this file). Linux: create_elf_tables() */
static int create_elf_tables(struct linux_binprm *bprm, const Elf64_Ehdr *ex,
			     const struct elf_layout *l, unsigned long e_entry)
{
	struct mm_struct *mm = current->mm;
	unsigned long p = bprm->p & ~0xfUL, u_platform, u_rand_bytes, str;
	unsigned char k_rand_bytes[16];
	unsigned long __user *sp;
	int ei_index, items;

	p -= sizeof(ELF_PLATFORM);
	u_platform = p;
	if (copy_to_user((void __user *)p, ELF_PLATFORM, sizeof(ELF_PLATFORM)))
		return -EFAULT;
	get_random_bytes(k_rand_bytes, sizeof(k_rand_bytes));
	p -= sizeof(k_rand_bytes);
	u_rand_bytes = p;
	if (copy_to_user((void __user *)p, k_rand_bytes, sizeof(k_rand_bytes)))
		return -EFAULT;
	ei_index = fill_auxv(bprm, ex, l, e_entry, u_platform, u_rand_bytes);
	sp = (unsigned long __user *)p - ei_index;
	items = (bprm->argc + 1) + (bprm->envc + 1) + 1;
	bprm->p = ((unsigned long)(sp - items)) & ~15UL;
	sp = (unsigned long __user *)bprm->p;

	if (push(&sp, (unsigned long)bprm->argc))
		return -EFAULT;
	str = mm->arg_start;
	for (int i = 0; i < bprm->argc; i++) {
		if (push(&sp, str))
			return -EFAULT;
		str += strlen(bprm->argv[i]) + 1;
	}
	mm->arg_end = mm->env_start = str;
	if (push(&sp, 0))
		return -EFAULT;
	for (int i = 0; i < bprm->envc; i++) {
		if (push(&sp, str))
			return -EFAULT;
		str += strlen(bprm->envp[i]) + 1;
	}
	mm->env_end = str;
	if (push(&sp, 0))
		return -EFAULT;
	return copy_to_user(sp, mm->saved_auxv, (unsigned long)ei_index * sizeof(unsigned long)) ?
	       -EFAULT : 0;
}

/* Where an ET_DYN without interpreter goes: wherever mmap puts it (no MAP_FIXED). */
static int first_load_flags(const Elf64_Ehdr *ex, const Elf64_Phdr *phdrs, const Elf64_Phdr *p,
			    struct elf_layout *l, unsigned long *total_size)
{
	if (ex->e_type == ET_EXEC)
		return MAP_FIXED_NOREPLACE;
	l->load_bias = ELF_PAGESTART(0 - p->p_vaddr);
	*total_size = total_mapping_size(phdrs, ex->e_phnum);
	return *total_size ? 0 : -EINVAL;
}

/* Note where this segment puts code, data, bss; refuse one past TASK_SIZE. */
static int account_segment(const Elf64_Ehdr *ex, const Elf64_Phdr *p, struct elf_layout *l,
			   int prot)
{
	unsigned long k = p->p_vaddr;

	if (p->p_offset <= ex->e_phoff && ex->e_phoff < p->p_offset + p->p_filesz)
		l->phdr_addr = ex->e_phoff - p->p_offset + p->p_vaddr;
	if ((p->p_flags & PF_X) && k < l->start_code)
		l->start_code = k;
	if (l->start_data < k)
		l->start_data = k;
	if (BAD_ADDR(k) || p->p_filesz > p->p_memsz || p->p_memsz > TASK_SIZE ||
	    TASK_SIZE - p->p_memsz < k)
		return -EINVAL;
	k = p->p_vaddr + p->p_filesz;
	if (k > l->elf_bss)
		l->elf_bss = k;
	if ((p->p_flags & PF_X) && l->end_code < k)
		l->end_code = k;
	if (l->end_data < k)
		l->end_data = k;
	k = p->p_vaddr + p->p_memsz;
	if (k > l->elf_brk) {
		l->bss_prot = prot;
		l->elf_brk = k;
	}
	return 0;
}

/* Map every PT_LOAD. Linux: the loop in load_elf_binary() */
static int map_segments(struct linux_binprm *bprm, const Elf64_Ehdr *ex,
			const Elf64_Phdr *phdrs, struct elf_layout *l)
{
	bool first = true;

	for (const Elf64_Phdr *p = phdrs; p < phdrs + ex->e_phnum; p++) {
		unsigned long total_size = 0, error;
		int prot, flags = MAP_PRIVATE, err;

		if (p->p_type != PT_LOAD)
			continue;
		if (l->elf_brk > l->elf_bss) {
			/* A bss before this segment: map it and clear its partial page. */
			err = set_brk(l->elf_bss + l->load_bias, l->elf_brk + l->load_bias,
				      l->bss_prot);
			if (err)
				return err;
			padzero(l->elf_bss + l->load_bias);
		}
		prot = make_prot(p->p_flags);
		if (!first) {
			flags |= MAP_FIXED;
		} else {
			err = first_load_flags(ex, phdrs, p, l, &total_size);
			if (err < 0)
				return err;
			flags |= err;
		}
		error = elf_map(bprm->file, l->load_bias + p->p_vaddr, p, prot, flags, total_size);
		if (BAD_ADDR(error))
			return IS_ERR_VALUE(error) ? (int)error : -EINVAL;
		if (first && ex->e_type == ET_DYN)
			l->load_bias += error - ELF_PAGESTART(l->load_bias + p->p_vaddr);
		first = false;
		err = account_segment(ex, p, l, prot);
		if (err)
			return err;
	}
	return 0;
}

/*
 * A PT_INTERP: its path is read and checked as Linux 6.1 does (a path
 * that cannot be read is EIO, one not NUL-terminated ENOEXEC), then the
 * program is refused with ENOEXEC: Faultline has no dynamic loading.
 * Linux: the PT_INTERP case of load_elf_binary(), elf_read()
 */
static int check_interp(struct file *file, const Elf64_Phdr *p)
{
	loff_t pos = (loff_t)p->p_offset;
	char *path;
	ssize_t n;
	int err;

	if (p->p_filesz > PATH_MAX || p->p_filesz < 2)
		return -ENOEXEC;
	path = kmalloc(p->p_filesz, GFP_KERNEL);
	if (!path)
		return -ENOMEM;
	n = kernel_read(file, path, p->p_filesz, &pos);
	if (n != (ssize_t)p->p_filesz)
		err = n < 0 ? (int)n : -EIO;
	else
		err = -ENOEXEC;
	kfree(path);
	if (err == -ENOEXEC)
		pr_notice_once("exec: dynamically linked programs are not supported (PT_INTERP): build with -static\n");
	return err;
}

/* Scan the headers for what the loader refuses or needs. */
static int check_phdrs(struct file *file, const Elf64_Phdr *phdrs, int nr,
		       int *executable_stack)
{
	*executable_stack = EXSTACK_DEFAULT;
	for (int i = 0; i < nr; i++) {
		if (phdrs[i].p_type == PT_INTERP)
			return check_interp(file, &phdrs[i]);
		if (phdrs[i].p_type == PT_GNU_STACK)
			*executable_stack = (phdrs[i].p_flags & PF_X) ? EXSTACK_ENABLE_X :
									EXSTACK_DISABLE_X;
	}
	return 0;
}

/* Everything after the point of no return: a failure here kills the process. */
static int load_new_program(struct linux_binprm *bprm, const Elf64_Ehdr *ex,
			    const Elf64_Phdr *phdrs, int executable_stack)
{
	struct elf_layout l = { .start_code = ~0UL };
	struct mm_struct *mm;
	unsigned long e_entry;
	int err;

	setup_new_exec(bprm);
	err = setup_arg_pages(bprm, STACK_TOP, executable_stack);
	if (err)
		return err;
	err = map_segments(bprm, ex, phdrs, &l);
	if (err)
		return err;
	e_entry = ex->e_entry + l.load_bias;
	if (e_entry >= TASK_SIZE)	/* Linux: BAD_ADDR(); past the point of no return */
		return -EINVAL;
	l.phdr_addr += l.load_bias;
	l.elf_bss += l.load_bias;
	l.elf_brk += l.load_bias;
	l.start_code += l.load_bias;
	l.end_code += l.load_bias;
	l.start_data += l.load_bias;
	l.end_data += l.load_bias;
	err = set_brk(l.elf_bss, l.elf_brk, l.bss_prot);
	if (err)
		return err;
	/*
	 * A failure to clear is not an error, as in Debian's 6.1 (its elf_load,
	 * backported from 6.7): a segment whose file offset lies past the end
	 * of the file is mapped all the same, and the program's first touch
	 * of that page is a SIGBUS.
	 */
	if (l.elf_bss != l.elf_brk)
		padzero(l.elf_bss);
	err = create_elf_tables(bprm, ex, &l, e_entry);
	if (err)
		return err;
	mm = current->mm;
	mm->end_code = l.end_code;
	mm->start_code = l.start_code;
	mm->start_data = l.start_data;
	mm->end_data = l.end_data;
	mm->start_stack = bprm->p;
	start_thread(task_pt_regs(current), e_entry, bprm->p);
	return 0;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	const Elf64_Ehdr *ex = (const Elf64_Ehdr *)bprm->buf;
	int executable_stack, err;
	Elf64_Phdr *phdrs;

	if (!elf_check_header(ex))
		return -ENOEXEC;
	phdrs = load_elf_phdrs(ex, bprm->file);
	if (IS_ERR(phdrs))
		return (int)PTR_ERR(phdrs);
	err = check_phdrs(bprm->file, phdrs, ex->e_phnum, &executable_stack);
	if (!err)
		err = bprm_setup_stack(bprm);
	if (!err)
		err = begin_new_exec(bprm);
	if (!err)
		err = load_new_program(bprm, ex, phdrs, executable_stack);
	kfree(phdrs);
	return err;
}
