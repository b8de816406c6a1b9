// SPDX-License-Identifier: GPL-2.0
/*
 * Core dumps: a process killed by SIGSEGV, SIGABRT, SIGQUIT and the other
 * "core" signals leaves an ELF core file, named by kernel.core_pattern
 * ("core" by default) relative to its working directory - if RLIMIT_CORE
 * allows one (it is 0 by default, as on Linux: `ulimit -c unlimited`
 * first). gdb reads it: `gdb prog core`.
 * Linux: fs/coredump.c, fs/binfmt_elf.c (elf_core_dump)
 *
 *   ELF header (ET_CORE)
 *   program headers: one PT_NOTE, one PT_LOAD per VMA
 *   notes: NT_PRSTATUS (signal, pids, registers), NT_PRPSINFO (name,
 *          arguments), NT_SIGINFO, NT_AUXV, NT_FILE (which file is
 *          mapped where), NT_PRFPREG (the FPU registers)
 *   page-aligned: the memory of each VMA chosen by the default
 *          coredump_filter (0x33): all of every anonymous or written
 *          (COW-ed) area, the first page of a mapped ELF file, nothing of
 *          other file mappings (PT_LOAD with p_filesz 0)
 *
 * Pages never touched are left as holes in the file. The wait status
 * gets its 0x80 bit only when a core was written.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/signal.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/elf.h>
#include <linux/coredump.h>
#include <linux/utsname.h>
#include <linux/time64.h>
#include <linux/pagewalk.h>
#include <asm/fpu.h>
#include <asm/uaccess.h>

#define NT_PRSTATUS	1
#define NT_PRFPREG	2
#define NT_PRPSINFO	3
#define NT_AUXV		6
#define NT_SIGINFO	0x53494749
#define NT_FILE		0x46494c45

struct core_state {
	struct file *file;
	loff_t pos;
	unsigned long limit;	/* RLIMIT_CORE */
	bool failed;
};

/* Write to the core file, within the limit; a failure sticks. */
static void dump_emit(struct core_state *cs, const void *buf, size_t len)
{
	if (cs->failed)
		return;
	if ((unsigned long)cs->pos + len > cs->limit ||
	    kernel_write(cs->file, buf, len, &cs->pos) != (ssize_t)len)
		cs->failed = true;
}

static void dump_align(struct core_state *cs, unsigned long align)
{
	loff_t to = ALIGN(cs->pos, (loff_t)align);

	if ((unsigned long)to > cs->limit)
		cs->failed = true;
	cs->pos = to;		/* a hole: tmpfs reads it as zeros */
}

static size_t note_size(size_t descsz)
{
	return sizeof(Elf64_Nhdr) + 8 + ALIGN(descsz, 4);	/* "CORE\0" padded to 8 */
}

static void write_note(struct core_state *cs, u32 type, const void *desc, size_t descsz)
{
	Elf64_Nhdr nhdr = { .n_namesz = 5, .n_descsz = (u32)descsz, .n_type = type };
	static const char name[8] = "CORE";
	static const char pad[4];

	dump_emit(cs, &nhdr, sizeof(nhdr));
	dump_emit(cs, name, sizeof(name));
	dump_emit(cs, desc, descsz);
	dump_emit(cs, pad, ALIGN(descsz, 4) - descsz);
}

/* struct elf_prstatus, x86_64 (Linux: include/linux/elfcore.h). */
struct elf_prstatus {
	int si_signo, si_code, si_errno;
	short pr_cursig;
	unsigned long pr_sigpend, pr_sighold;
	pid_t pr_pid, pr_ppid, pr_pgrp, pr_sid;
	struct __kernel_old_timeval pr_utime, pr_stime, pr_cutime, pr_cstime;
	unsigned long pr_reg[27];	/* struct user_regs_struct */
	int pr_fpvalid;
};

struct elf_prpsinfo {
	char pr_state, pr_sname, pr_zomb, pr_nice;
	unsigned long pr_flag;
	unsigned int pr_uid, pr_gid;
	pid_t pr_pid, pr_ppid, pr_pgrp, pr_sid;
	char pr_fname[16];
	char pr_psargs[80];
};

static struct __kernel_old_timeval tv(u64 ns)
{
	struct __kernel_old_timeval t = { (long)(ns / NSEC_PER_SEC),
					  (long)(ns % NSEC_PER_SEC / NSEC_PER_USEC) };

	return t;
}

/* The registers in user_regs_struct order. */
static void fill_regs(unsigned long *r, const struct pt_regs *regs)
{
	const unsigned long v[27] = {
		regs->r15, regs->r14, regs->r13, regs->r12, regs->bp, regs->bx, regs->r11,
		regs->r10, regs->r9, regs->r8, regs->ax, regs->cx, regs->dx, regs->si,
		regs->di, regs->orig_ax, regs->ip, regs->cs, regs->flags, regs->sp, regs->ss,
		current->thread.fsbase, current->thread.gsbase, 0, 0, 0, 0,
	};

	memcpy(r, v, sizeof(v));
}

static void fill_prstatus(struct elf_prstatus *p, const struct kernel_siginfo *si)
{
	struct task_struct *t = current;

	memset(p, 0, sizeof(*p));
	p->si_signo = p->pr_cursig = (short)si->si_signo;
	p->si_code = si->si_code;
	p->pr_sigpend = t->pending.signal.sig[0];
	p->pr_sighold = t->blocked.sig[0];
	p->pr_pid = t->pid;
	p->pr_ppid = t->real_parent->tgid;
	p->pr_pgrp = t->signal->pgrp;
	p->pr_sid = t->signal->session;
	p->pr_utime = tv(t->utime);
	p->pr_stime = tv(t->stime);
	p->pr_cutime = tv(t->signal->cutime);
	p->pr_cstime = tv(t->signal->cstime);
	fill_regs(p->pr_reg, task_pt_regs(t));
	p->pr_fpvalid = 1;
}

/* Name and the first 80 bytes of the arguments, NULs as spaces. */
static void fill_psinfo(struct elf_prpsinfo *p)
{
	struct task_struct *t = current;
	struct mm_struct *mm = t->mm;
	unsigned long len = min(mm->arg_end - mm->arg_start, sizeof(p->pr_psargs) - 1);

	memset(p, 0, sizeof(*p));
	if (copy_from_user(p->pr_psargs, (const void __user *)mm->arg_start, len))
		len = 0;
	for (unsigned long i = 0; i < len; i++)
		if (!p->pr_psargs[i])
			p->pr_psargs[i] = ' ';
	p->pr_psargs[len] = '\0';
	p->pr_state = 0;
	p->pr_sname = 'R';
	p->pr_pid = t->pid;
	p->pr_ppid = t->real_parent->tgid;
	p->pr_pgrp = t->signal->pgrp;
	p->pr_sid = t->signal->session;
	p->pr_flag = t->flags;
	strlcpy(p->pr_fname, t->comm, sizeof(p->pr_fname));
}

/*
 * NT_FILE: count, page size, then (start, end, file offset in pages) per
 * file mapping, then their path names. Built in a kmalloc'd buffer.
 */
static void *fill_files_note(struct mm_struct *mm, size_t *size)
{
	size_t count = 0, names = 0, off;
	char *buf, path[256];
	unsigned long *words;

	for (struct vm_area_struct *v = mm->mmap; v; v = v->vm_next)
		if (v->vm_file) {
			count++;
			names += strlen(d_path(&v->vm_file->f_path, path, sizeof(path))) + 1;
		}
	*size = (2 + 3 * count) * sizeof(long) + names;
	buf = kzalloc(*size, GFP_KERNEL);
	if (!buf)
		return NULL;
	words = (unsigned long *)buf;
	words[0] = count;
	words[1] = PAGE_SIZE;
	off = (2 + 3 * count) * sizeof(long);
	count = 0;
	for (struct vm_area_struct *v = mm->mmap; v; v = v->vm_next) {
		const char *p;

		if (!v->vm_file)
			continue;
		words[2 + 3 * count] = v->vm_start;
		words[3 + 3 * count] = v->vm_end;
		words[4 + 3 * count] = v->vm_pgoff;
		count++;
		p = d_path(&v->vm_file->f_path, path, sizeof(path));
		memcpy(buf + off, p, strlen(p) + 1);
		off += strlen(p) + 1;
	}
	return buf;
}

/* How much of vma goes into the core. Linux: vma_dump_size() with filter 0x33 */
static unsigned long vma_dump_size(struct vm_area_struct *vma)
{
	char magic[SELFMAG];

	if (vma->vm_flags & (VM_DONTDUMP | VM_IO))
		return 0;
	/* Shared: all of a nameless (anonymous) one, nothing of a file's. */
	if (vma->vm_flags & VM_SHARED)
		return file_inode(vma->vm_file)->i_nlink == 0 ? vma->vm_end - vma->vm_start : 0;
	if (vma->anon_vma || !vma->vm_file)
		return vma->vm_end - vma->vm_start;
	/* A file mapping: only the first page of an ELF file, for its build id. */
	if (vma->vm_pgoff == 0 && (vma->vm_flags & VM_READ) &&
	    !copy_from_user(magic, (const void __user *)vma->vm_start, SELFMAG) &&
	    !memcmp(magic, ELFMAG, SELFMAG))
		return PAGE_SIZE;
	return 0;
}

/* A page in the page tables: its bytes. */
static int dump_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			  struct mm_walk *walk)
{
	struct core_state *cs = walk->private;
	struct page *page = pte_present(*pte) ? vm_normal_page(walk->vma, addr, *pte) : NULL;

	if (page)
		dump_emit(cs, page_address(page), PAGE_SIZE);
	else
		cs->pos += PAGE_SIZE;
	return cs->failed;
}

/* No page table here: a hole in the file, skipped in one step. */
static int dump_pte_hole(unsigned long addr, unsigned long next, int depth,
			 struct mm_walk *walk)
{
	struct core_state *cs = walk->private;

	cs->pos += next - addr;
	return 0;
}

static const struct mm_walk_ops dump_walk_ops = {
	.pte_entry = dump_pte_entry,
	.pte_hole = dump_pte_hole,
};

/*
 * The memory of one VMA: pages in the page tables, holes for the rest.
 * Linux: dump_user_range() (page by page through get_dump_page)
 */
static void dump_vma(struct core_state *cs, struct vm_area_struct *vma, unsigned long size)
{
	if (size)
		walk_page_range_vma(vma, vma->vm_start, vma->vm_start + size, &dump_walk_ops, cs);
}

static void write_headers(struct core_state *cs, struct mm_struct *mm, size_t notes_size,
			  loff_t data_off)
{
	Elf64_Ehdr eh = {
		.e_ident = { 0x7f, 'E', 'L', 'F', ELFCLASS64, ELFDATA2LSB, EV_CURRENT },
		.e_type = ET_CORE,
		.e_machine = EM_X86_64,
		.e_version = EV_CURRENT,
		.e_phoff = sizeof(Elf64_Ehdr),
		.e_ehsize = sizeof(Elf64_Ehdr),
		.e_phentsize = sizeof(Elf64_Phdr),
		.e_phnum = (u16)(mm->map_count + 1),
	};
	Elf64_Phdr note = {
		.p_type = PT_NOTE,
		.p_offset = sizeof(Elf64_Ehdr) + (mm->map_count + 1) * sizeof(Elf64_Phdr),
		.p_filesz = notes_size,
	};

	dump_emit(cs, &eh, sizeof(eh));
	dump_emit(cs, &note, sizeof(note));
	for (struct vm_area_struct *v = mm->mmap; v; v = v->vm_next) {
		Elf64_Phdr ph = {
			.p_type = PT_LOAD,
			.p_offset = (u64)data_off,
			.p_vaddr = v->vm_start,
			.p_memsz = v->vm_end - v->vm_start,
			.p_filesz = vma_dump_size(v),
			.p_align = PAGE_SIZE,
			.p_flags = (v->vm_flags & VM_READ ? PF_R : 0) |
				   (v->vm_flags & VM_WRITE ? PF_W : 0) |
				   (v->vm_flags & VM_EXEC ? PF_X : 0),
		};

		dump_emit(cs, &ph, sizeof(ph));
		data_off += (loff_t)ph.p_filesz;
	}
}

static void write_core(struct core_state *cs, const struct kernel_siginfo *siginfo)
{
	struct mm_struct *mm = current->mm;
	struct elf_prstatus prstatus;
	struct elf_prpsinfo psinfo;
	union { struct kernel_siginfo info; char pad[SI_MAX_SIZE]; } si = { .info = *siginfo };
	size_t auxv_size = 0, files_size, notes_size;
	void *files = fill_files_note(mm, &files_size);
	loff_t data_off;

	while (mm->saved_auxv[auxv_size] && auxv_size < AT_VECTOR_SIZE - 2)
		auxv_size += 2;
	auxv_size = (auxv_size + 2) * sizeof(unsigned long);
	fill_prstatus(&prstatus, siginfo);
	fill_psinfo(&psinfo);
	fxsave(&current->thread.fpu);
	notes_size = note_size(sizeof(prstatus)) + note_size(sizeof(psinfo)) +
		     note_size(sizeof(si)) + note_size(auxv_size) +
		     (files ? note_size(files_size) : 0) + note_size(sizeof(struct fxregs_state));
	data_off = ALIGN(sizeof(Elf64_Ehdr) + (mm->map_count + 1) * sizeof(Elf64_Phdr) +
			 notes_size, PAGE_SIZE);
	write_headers(cs, mm, notes_size, data_off);
	write_note(cs, NT_PRSTATUS, &prstatus, sizeof(prstatus));
	write_note(cs, NT_PRPSINFO, &psinfo, sizeof(psinfo));
	write_note(cs, NT_SIGINFO, &si, sizeof(si));
	write_note(cs, NT_AUXV, mm->saved_auxv, auxv_size);
	if (files)
		write_note(cs, NT_FILE, files, files_size);
	kfree(files);
	write_note(cs, NT_PRFPREG, &current->thread.fpu, sizeof(struct fxregs_state));
	dump_align(cs, PAGE_SIZE);
	for (struct vm_area_struct *v = mm->mmap; v && !cs->failed; v = v->vm_next)
		dump_vma(cs, v, vma_dump_size(v));
}

char core_pattern[CORENAME_MAX_SIZE] = "core";
int core_uses_pid;

/* Append to the name being built; false once it would not fit. */
static bool cn_puts(char *cn, const char *str)
{
	size_t used = strlen(cn);

	return strlcpy(cn + used, str, CORENAME_MAX_SIZE - used) < CORENAME_MAX_SIZE - used;
}

static bool cn_putnum(char *cn, long long v)
{
	char num[24];

	snprintf(num, sizeof(num), "%lld", v);
	return cn_puts(cn, num);
}

/* A name inside the file name: '/' becomes '!', and so does a leading '.'. */
static bool cn_esc_puts(char *cn, const char *str)
{
	size_t start = strlen(cn);

	if (!cn_puts(cn, str))
		return false;
	for (char *p = cn + start; *p; p++)
		if (*p == '/')
			*p = '!';
	if (start == 0 && cn[0] == '.')
		cn[0] = '!';
	return true;
}

/*
 * The core file's name from core_pattern: %% %p %P %i %I (ids) %u %g
 * (the real uid and gid) %s (the signal) %t (seconds since
 * 1970) %h (hostname) %e (comm) %c (RLIMIT_CORE); other specifiers print
 * nothing, as in Linux.
 * Without %p, core_uses_pid appends ".PID". A pipe ("|prog") would need
 * a user-mode helper, which Faultline cannot start: no core then.
 * -EINVAL for a pipe, -ENAMETOOLONG for a name longer than 127 bytes.
 * Left out: %f, %E, %d. Linux: format_corename()
 */
static int format_corename(char *cn, const struct kernel_siginfo *siginfo)
{
	bool pid_in_pattern = false, fits = true;
	const char *pat = core_pattern;

	cn[0] = 0;
	if (*pat == '|')
		return -EINVAL;
	for (; *pat && fits; pat++) {
		char c[2] = { *pat, 0 };

		if (*pat != '%') {
			fits = cn_puts(cn, c);
			continue;
		}
		switch (*++pat) {
		case 0:
			return 0;
		case '%':
			fits = cn_puts(cn, "%");
			break;
		case 'p':
			pid_in_pattern = true;
			fallthrough;
		case 'P':
			fits = cn_putnum(cn, task_tgid_nr(current));
			break;
		case 'i':
		case 'I':
			fits = cn_putnum(cn, task_pid_nr(current));
			break;
		case 'u':
			fits = cn_putnum(cn, current_uid());
			break;
		case 'g':
			fits = cn_putnum(cn, current_gid());
			break;
		case 's':
			fits = cn_putnum(cn, siginfo->si_signo);
			break;
		case 't':
			fits = cn_putnum(cn, (long long)(ktime_get_real_ns() / NSEC_PER_SEC));
			break;
		case 'h':
			fits = cn_esc_puts(cn, init_utsname.nodename);
			break;
		case 'e':
			fits = cn_esc_puts(cn, current->comm);
			break;
		case 'c':
			fits = cn_putnum(cn, (long long)rlimit(RLIMIT_CORE));
			break;
		}
	}
	if (fits && !pid_in_pattern && core_uses_pid)
		fits = cn_puts(cn, ".") && cn_putnum(cn, task_tgid_nr(current));
	return fits ? 0 : -ENAMETOOLONG;
}

/* Linux: do_coredump() for a file (not a pipe) */
bool do_coredump(const struct kernel_siginfo *siginfo)
{
	struct core_state cs = { .limit = rlimit(RLIMIT_CORE) };
	char corename[CORENAME_MAX_SIZE];
	struct iattr size;

	if (!current->mm || !current->mm->dumpable)
		return false;
	current->flags |= PF_DUMPCORE;	/* Linux: zap_threads(), before RLIMIT_CORE is asked */
	if (cs.limit < PAGE_SIZE)
		return false;
	if (format_corename(corename, siginfo) || !corename[0])
		return false;
	init_unlink(corename);	/* a stale core goes first, as in Linux */
	cs.file = filp_open(corename, O_CREAT | O_RDWR | O_NOFOLLOW | O_LARGEFILE | O_EXCL, 0600);
	if (IS_ERR(cs.file))
		return false;
	write_core(&cs, siginfo);
	/* The file ends where the last dumped page ends, holes included. */
	size = (struct iattr){ .ia_valid = ATTR_SIZE, .ia_size = cs.pos };
	if (!cs.failed)
		notify_change(cs.file->f_path.dentry, &size);
	fput(cs.file);
	return !cs.failed;
}
