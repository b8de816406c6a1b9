/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/types.h>
#include <linux/list.h>

/*
 * A program being exec'ed: its file, its arguments and environment, and
 * the new address space being built for it. Linux: include/linux/binfmts.h
 */
struct file;
struct cred;
struct mm_struct;
struct vm_area_struct;

#define BINPRM_BUF_SIZE		256
#define MAX_ARG_STRLEN		(PAGE_SIZE * 32)	/* one argument */
#define MAX_ARG_STRINGS		0x7fffffff
#define ARG_MAX			131072		/* the least room for arguments */

struct linux_binprm {
	struct mm_struct *mm;		/* the new address space */
	struct vm_area_struct *vma;	/* its stack, while being filled */
	unsigned long p;		/* lowest byte of the stack used so far */
	unsigned long argmin;		/* p may not go below (E2BIG) */
	struct file *file;
	const char *filename;		/* as given to execve: AT_EXECFN, comm */
	const char *interp;		/* the file actually run (a script's interpreter) */
	int argc, envc;
	char **argv, **envp;		/* in kernel memory (kmalloc'd strings) */
	size_t strings_size;		/* bytes of all the strings */
	unsigned long exec;		/* user address of filename: AT_EXECFN */
	bool point_of_no_return;	/* the old mm is gone: failure now kills */
	int interp_depth;		/* #! scripts nested so far */
	struct cred *cred;		/* the new credentials, committed at begin_new_exec */
	bool secureexec;		/* AT_SECURE: a set-ID exec, or capabilities gained by a non-root task */
	unsigned int unsafe;		/* LSM_UNSAFE_*: why a set-ID exec may not gain */
	unsigned int interp_flags;	/* BINPRM_FLAGS_* */
	char buf[BINPRM_BUF_SIZE];	/* the file's first bytes */
};

/* Another process shares our fs_struct (cwd, root). Linux: include/linux/security.h */
#define LSM_UNSAFE_SHARE	1

/* A file of the exec could not be read: the process will not be dumpable. */
#define BINPRM_FLAGS_ENFORCE_NONDUMP	0x1

struct linux_binfmt {
	const char *name;
	int (*load_binary)(struct linux_binprm *bprm);
};

/* fs/exec.c, for the binary formats */
int begin_new_exec(struct linux_binprm *bprm);
void setup_new_exec(struct linux_binprm *bprm);
int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_top, int executable_stack);
int prepare_binprm(struct linux_binprm *bprm);
int bprm_change_interp(const char *interp, struct linux_binprm *bprm);
struct file *open_exec(const char *name);
int bprm_prepend_arg(struct linux_binprm *bprm, const char *arg, bool replace_argv0);
int bprm_setup_stack(struct linux_binprm *bprm);

#define EXSTACK_DEFAULT		0
#define EXSTACK_DISABLE_X	1
#define EXSTACK_ENABLE_X	2

/* fs/binfmt_elf.c, fs/binfmt_script.c */
int load_elf_binary(struct linux_binprm *bprm);
int load_script(struct linux_binprm *bprm);

int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);

#endif
