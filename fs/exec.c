// SPDX-License-Identifier: GPL-2.0
/*
 * execve: replace the calling process's program. Linux: fs/exec.c
 *
 *   1. copy argv and envp into the kernel, open the file (it must be
 *      executable and not open for writing: ETXTBSY)
 *   2. a "#!" script names its interpreter, which is run instead with the
 *      script as an argument (fs/binfmt_script.c)
 *   3. the ELF loader (fs/binfmt_elf.c) checks the headers, builds a new
 *      address space holding only a stack with the strings at its top
 *      (fs/exec_stack.c), then passes the point of no return:
 *   4. begin_new_exec: the new credentials' capability sets are worked
 *      out (security/commoncap.c), the process's other threads are killed
 *      (the caller takes the leader's pid if it was not the leader), the
 *      new mm replaces the old one (which is freed; a vfork parent
 *      resumes), close-on-exec files close, handled signals go back to
 *      their defaults, the credentials are committed
 *   5. the loader maps the program, sets up brk, the auxiliary vector
 *      and the registers; the system call "returns" into the new program.
 *
 * Before the point of no return a failure returns an error to the
 * caller, whose program is untouched; after it, the process is killed
 * with SIGSEGV (Linux 6.1; before 5.x it was SIGKILL).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/namei.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/security.h>
#include <linux/sched/coredump.h>
#include <linux/syscalls.h>
#include <asm/mmu_context.h>
#include <asm/uaccess.h>

#define MAX_INTERP_DEPTH	4	/* #! scripts nesting, as Linux's BINPRM_MAX_RECURSION */

/* Where argv/envp come from: user space (execve) or the kernel (kernel_execve). */
struct user_arg_ptr {
	bool is_kernel;
	const void *ptr;
};

static int get_arg_string(struct user_arg_ptr argv, int nr, char **out)
{
	const char *str;
	long len;

	if (argv.is_kernel) {
		str = ((const char *const *)argv.ptr)[nr];
		if (!str) {
			*out = NULL;
			return 0;
		}
		*out = kstrdup(str, GFP_KERNEL);
		return *out ? 0 : -ENOMEM;
	}
	if (get_user(str, (const char __user *const __user *)argv.ptr + nr))
		return -EFAULT;
	if (!str) {
		*out = NULL;
		return 0;
	}
	len = strnlen_user(str, MAX_ARG_STRLEN);
	if (!len)
		return -EFAULT;
	if (len > MAX_ARG_STRLEN)
		return -E2BIG;
	*out = kmalloc((size_t)len, GFP_KERNEL);
	if (!*out)
		return -ENOMEM;
	if (strncpy_from_user(*out, str, len) != len - 1) {
		kfree(*out);
		return -EFAULT;
	}
	return 0;
}

static void free_strings(char **v, int n)
{
	for (int i = 0; i < n; i++)
		kfree(v[i]);
	kfree(v);
}

#define MAX_ARG_STRINGS	0x7fffffff

/* How many strings a NULL-terminated array holds, or -errno. Linux: count() */
static int count_strings(struct user_arg_ptr src)
{
	int n = 0;

	if (!src.ptr)
		return 0;
	for (;;) {
		const char *str;

		if (src.is_kernel)
			str = ((const char *const *)src.ptr)[n];
		else if (get_user(str, (const char __user *const __user *)src.ptr + n))
			return -EFAULT;
		if (!str)
			return n;
		if (n == MAX_ARG_STRINGS)
			return -E2BIG;
		if (fatal_signal_pending(current))
			return -ERESTARTNOHAND;
		n++;
	}
}

/* Copy a NULL-terminated array of strings into the kernel. */
static int copy_arg_strings(struct linux_binprm *bprm, struct user_arg_ptr src, char ***vp,
			    int *countp)
{
	int n = 0, cap = 16, err;
	char **v = kcalloc((size_t)cap, sizeof(char *), GFP_KERNEL);

	if (!v)
		return -ENOMEM;
	for (;;) {
		char *s;

		if (!src.ptr)
			break;
		err = get_arg_string(src, n, &s);
		if (err)
			goto fail;
		if (!s)
			break;
		if (n + 1 == cap) {
			char **bigger = kcalloc((size_t)cap * 2, sizeof(char *), GFP_KERNEL);

			err = -ENOMEM;
			if (!bigger) {
				kfree(s);
				goto fail;
			}
			memcpy(bigger, v, (size_t)n * sizeof(char *));
			kfree(v);
			v = bigger;
			cap *= 2;
		}
		v[n++] = s;
		bprm->strings_size += strlen(s) + 1;
		err = -E2BIG;
		if (bprm->strings_size > (32UL << 20))	/* bounded long before the limit below */
			goto fail;
	}
	*vp = v;
	*countp = n;
	return 0;
fail:
	free_strings(v, n);
	return err;
}

/*
 * How much stack the strings may take: a quarter of RLIMIT_STACK, at
 * most 3/4 of the default 8 MiB, at least ARG_MAX; less the pointers.
 * Checked once the strings are counted, before any is copied (the
 * pointers alone can be too many), and again after.
 * Linux: bprm_stack_limits()
 */
static int bprm_stack_limits(struct linux_binprm *bprm)
{
	unsigned long limit = _STK_LIM / 4 * 3;
	unsigned long ptr_size = (unsigned long)(max(bprm->argc, 1) + bprm->envc) * sizeof(void *);

	limit = min(limit, rlimit(RLIMIT_STACK) / 4);
	limit = max(limit, (unsigned long)ARG_MAX);
	if (limit <= ptr_size || bprm->strings_size > limit - ptr_size)
		return -E2BIG;
	return 0;
}

/* Open a program: a regular file we may execute (not read). Linux: do_open_execat() */
struct file *open_exec(const char *name)
{
	struct file *file = do_filp_open(AT_FDCWD, name, O_RDONLY | O_LARGEFILE | __FMODE_EXEC, 0);
	int err;

	if (IS_ERR(file))
		return file;
	err = -EACCES;
	if (!S_ISREG(file_inode(file)->i_mode))
		goto fail;
	err = deny_write_access(file);
	if (err)
		goto fail;
	return file;
fail:
	fput(file);
	return ERR_PTR(err);
}

static void release_file(struct linux_binprm *bprm)
{
	if (bprm->file) {
		allow_write_access(bprm->file);
		fput(bprm->file);
		bprm->file = NULL;
	}
}

/* The file's first bytes, for the formats to recognise. Linux: prepare_binprm() */
int prepare_binprm(struct linux_binprm *bprm)
{
	loff_t pos = 0;
	ssize_t n;

	memset(bprm->buf, 0, BINPRM_BUF_SIZE);
	n = kernel_read(bprm->file, bprm->buf, BINPRM_BUF_SIZE, &pos);
	return n < 0 ? (int)n : 0;
}

/*
 * A script: argv[0] gives way to (interpreter, [arg,] script path). The
 * interpreter's file replaces the script's. Linux: remove_arg_zero(),
 * copy_string_kernel() and open_exec() in load_script()
 */
int bprm_prepend_arg(struct linux_binprm *bprm, const char *arg, bool replace_argv0)
{
	char *copy = kstrdup(arg, GFP_KERNEL);
	char **v;

	if (!copy)
		return -ENOMEM;
	if (replace_argv0 && bprm->argc) {
		bprm->strings_size -= strlen(bprm->argv[0]) + 1;
		kfree(bprm->argv[0]);
		bprm->argv[0] = copy;
		bprm->strings_size += strlen(copy) + 1;
		return bprm_stack_limits(bprm);
	}
	v = kcalloc((size_t)bprm->argc + 2, sizeof(char *), GFP_KERNEL);
	if (!v) {
		kfree(copy);
		return -ENOMEM;
	}
	v[0] = copy;
	memcpy(v + 1, bprm->argv, (size_t)bprm->argc * sizeof(char *));
	kfree(bprm->argv);
	bprm->argv = v;
	bprm->argc++;
	bprm->strings_size += strlen(copy) + 1;
	return bprm_stack_limits(bprm);
}

/*
 * A file the exec uses that the caller may not read (an execute-only
 * program or script) makes the new process non-dumpable: no core dump
 * or /proc/<pid>/mem shows what it could not read. Linux: would_dump()
 */
static void would_dump(struct linux_binprm *bprm, struct file *file)
{
	if (inode_permission(file_inode(file), MAY_READ) < 0)
		bprm->interp_flags |= BINPRM_FLAGS_ENFORCE_NONDUMP;
}

/* Run interp (kmalloc'd; bprm owns it from now) instead of the current file. */
int bprm_change_interp(const char *interp, struct linux_binprm *bprm)
{
	struct file *file = open_exec(interp);

	if (IS_ERR(file))
		return (int)PTR_ERR(file);
	would_dump(bprm, bprm->file);
	release_file(bprm);
	bprm->file = file;
	if (bprm->interp != bprm->filename)
		kfree(bprm->interp);
	bprm->interp = interp;
	return 0;
}

/* The process takes its own files and handlers (CLONE_FILES, CLONE_SIGHAND without threads). */
static int unshare_for_exec(struct task_struct *tsk)
{
	if (tsk->files && tsk->files->count > 1) {
		int err;
		struct files_struct *copy = dup_fd(tsk->files, &err);

		if (!copy)
			return err;
		put_files_struct(tsk->files);
		tsk->files = copy;
	}
	if (tsk->sighand->count > 1) {
		struct sighand_struct *newsighand = dup_sighand(tsk->sighand);

		if (!newsighand)
			return -ENOMEM;
		__cleanup_sighand(tsk->sighand);
		tsk->sighand = newsighand;
	}
	return 0;
}

/*
 * Switch to the new address space and drop the old one (a kernel thread
 * becoming init had none: it drops the mm it borrowed). Linux: exec_mmap()
 */
static void exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm, *active_mm = tsk->active_mm;

	exec_mm_release(tsk, old_mm);
	tsk->mm = mm;
	tsk->active_mm = mm;
	switch_mm(active_mm, mm, tsk);
	if (old_mm)
		mmput(old_mm);
	else if (active_mm)
		mmdrop(active_mm);
}

static void set_mm_exe_file(struct mm_struct *mm, struct file *file)
{
	if (deny_write_access(file))
		return;		/* cannot happen: open_exec holds it denied */
	mm->exe_file = get_file(file);
}

/*
 * A thread that is not the leader execs: with the others gone, it takes
 * the zombie leader's place, as the leader's pid, its parent's child
 * and its start time, and the leader (now holding the caller's old tid)
 * is released. Linux: de_thread(), exchange_tids()
 */
static void take_leader_place(struct task_struct *tsk, struct task_struct *leader)
{
	pid_t tid = tsk->pid;

	tsk->start_time = leader->start_time;
	tsk->pid = leader->pid;
	leader->pid = tid;
	tsk->group_leader = tsk;
	leader->group_leader = tsk;
	tsk->exit_signal = SIGCHLD;
	leader->exit_signal = -1;
	list_replace_init(&leader->sibling, &tsk->sibling);
	leader->exit_state = EXIT_DEAD;
	release_task(leader);
}

/*
 * Make the caller its process's only thread: kill the others and wait
 * until they are released (notify_count counts them down); a caller that
 * is not the leader then waits for the leader to be a zombie (-1) and
 * takes its place. Fails (-EAGAIN) if the process is already exiting or
 * exec'ing, or the caller is killed meanwhile. Linux: de_thread()
 */
static int de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	struct task_struct *leader = tsk->group_leader;

	/* Linux: the siglock around the counts, tasklist_lock around the pid exchange. */
	if (thread_group_empty(tsk))
		goto no_thread_group;
	if ((sig->flags & SIGNAL_GROUP_EXIT) || sig->group_exec_task)
		return -EAGAIN;
	sig->group_exec_task = tsk;
	sig->notify_count = zap_other_threads(tsk);
	if (!thread_group_leader(tsk))
		sig->notify_count--;	/* the leader stays a zombie: not released */
	while (sig->notify_count) {
		__set_current_state(TASK_KILLABLE);
		schedule();
		if (__fatal_signal_pending(tsk))
			goto killed;
	}
	if (!thread_group_leader(tsk)) {
		sig->notify_count = -1;	/* exit_notify wakes us when the leader is a zombie */
		while (!leader->exit_state) {
			__set_current_state(TASK_KILLABLE);
			schedule();
			if (__fatal_signal_pending(tsk))
				goto killed;
		}
		take_leader_place(tsk, leader);
	}
	sig->group_exec_task = NULL;
	sig->notify_count = 0;
no_thread_group:
	tsk->exit_signal = SIGCHLD;
	return 0;

killed:
	sig->group_exec_task = NULL;
	sig->notify_count = 0;
	return -EAGAIN;
}

/*
 * Dumpable unless a file could not be read or the program runs with
 * effective ids other than its real ones (then fs.suid_dumpable says).
 * Linux: begin_new_exec() "Figure out dumpability"
 */
static void exec_set_dumpable(struct linux_binprm *bprm)
{
	if ((bprm->interp_flags & BINPRM_FLAGS_ENFORCE_NONDUMP) ||
	    current_euid() != current_uid() || current_egid() != current_gid())
		set_dumpable(current->mm, suid_dumpable);
	else
		set_dumpable(current->mm, SUID_DUMP_USER);
}

/*
 * Does a process other than ours share our fs_struct (clone CLONE_FS
 * without CLONE_THREAD)? It could move our cwd or root under a set-ID
 * exec, which may then not gain privilege (LSM_UNSAFE_SHARE).
 * Linux: check_unsafe_exec() (less ptrace and no_new_privs: Faultline
 * has neither, and fs->in_exec: one CPU, no clone can race the exec)
 */
static void check_unsafe_exec(struct linux_binprm *bprm)
{
	struct task_struct *p = current, *t;
	int n_fs = 0;

	for_each_thread(p, t)
		if (t->fs == p->fs)
			n_fs++;
	if (p->fs->users > n_fs)
		bprm->unsafe |= LSM_UNSAFE_SHARE;
}

/*
 * A secure exec (AT_SECURE) does not inherit a soft stack limit over
 * _STK_LIM: the old one could steer the new program's layout.
 * Linux: begin_new_exec(), bprm->rlim_stack
 */
static void exec_secure_stack_limit(struct linux_binprm *bprm)
{
	struct rlimit *rlim = current->signal->rlim + RLIMIT_STACK;

	if (bprm->secureexec && rlim->rlim_cur > _STK_LIM)
		rlim->rlim_cur = _STK_LIM;
}

/*
 * The point of no return; the new credentials (computed first, while a
 * failure can still be returned) are committed at the end.
 * Linux: begin_new_exec()
 */
int begin_new_exec(struct linux_binprm *bprm)
{
	struct task_struct *me = current;
	int err = cap_bprm_creds_from_file(bprm);

	if (err)
		return err;
	bprm->point_of_no_return = true;
	err = de_thread(me);
	if (err)
		return err;
	err = unshare_for_exec(me);
	if (err)
		return err;
	exec_mmap(bprm->mm);
	bprm->mm = NULL;
	set_mm_exe_file(me->mm, bprm->file);
	would_dump(bprm, bprm->file);
	me->flags &= ~(PF_KTHREAD | PF_FORKNOEXEC);
	me->sas_ss_sp = me->sas_ss_size = 0;
	me->sas_ss_flags = SS_DISABLE;
	do_close_on_exec(me->files);
	if (bprm->secureexec)
		me->pdeath_signal = 0;
	exec_secure_stack_limit(bprm);
	exec_set_dumpable(bprm);
	flush_signal_handlers(me, 0);
	strlcpy(me->comm, kbasename(bprm->filename), sizeof(me->comm));
	commit_creds(bprm->cred);
	bprm->cred = NULL;
	return 0;
}

/* After the point of no return: the layout for the new program. Linux: setup_new_exec() */
void setup_new_exec(struct linux_binprm *bprm)
{
	arch_pick_mmap_layout(current->mm);
}

static void free_bprm(struct linux_binprm *bprm)
{
	if (bprm->cred)
		abort_creds(bprm->cred);
	if (bprm->mm)
		mmput(bprm->mm);
	release_file(bprm);
	free_strings(bprm->argv, bprm->argc);
	free_strings(bprm->envp, bprm->envc);
	if (bprm->interp != bprm->filename)
		kfree(bprm->interp);
	kfree(bprm->filename);
	kfree(bprm);
}

/* Try the formats: a script restarts with its interpreter. Linux: exec_binprm() */
static int exec_binprm(struct linux_binprm *bprm)
{
	for (;;) {
		int err = prepare_binprm(bprm);

		if (err)
			return err;
		err = load_script(bprm);
		if (err == -ENOEXEC)
			return load_elf_binary(bprm);
		if (err)
			return err;
		if (++bprm->interp_depth > MAX_INTERP_DEPTH)
			return -ELOOP;
	}
}

static int do_execveat_common(int fd, const char *filename, struct user_arg_ptr argv,
			      struct user_arg_ptr envp)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	int err;

	if (!bprm)
		return -ENOMEM;
	err = -ENOMEM;
	bprm->filename = kstrdup(filename, GFP_KERNEL);
	if (!bprm->filename)
		goto out;
	bprm->interp = bprm->filename;
	bprm->argc = count_strings(argv);
	bprm->envc = count_strings(envp);
	err = bprm->argc < 0 ? bprm->argc : bprm->envc < 0 ? bprm->envc : bprm_stack_limits(bprm);
	bprm->argc = bprm->envc = 0;
	if (err)
		goto out;
	err = copy_arg_strings(bprm, argv, &bprm->argv, &bprm->argc);
	if (!err)
		err = copy_arg_strings(bprm, envp, &bprm->envp, &bprm->envc);
	if (!err && !bprm->argc) {
		pr_warn_once("process '%s' launched '%s' with NULL argv: empty string added\n",
			     current->comm, filename);
		err = bprm_prepend_arg(bprm, "", false);
	}
	if (!err)
		err = bprm_stack_limits(bprm);
	if (err)
		goto out;
	bprm->file = open_exec(filename);
	if (IS_ERR(bprm->file)) {
		err = (int)PTR_ERR(bprm->file);
		bprm->file = NULL;
		goto out;
	}
	err = -ENOMEM;
	bprm->cred = prepare_exec_creds();	/* Linux: prepare_bprm_creds() */
	if (!bprm->cred)
		goto out;
	check_unsafe_exec(bprm);
	err = exec_binprm(bprm);
	if (err && bprm->point_of_no_return && !fatal_signal_pending(current))
		force_fatal_sig(SIGSEGV);
out:
	free_bprm(bprm);
	return err;
}

/* Run a program from the kernel (init, the user-test runner). Linux: kernel_execve() */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	struct user_arg_ptr a = { .is_kernel = true, .ptr = argv };
	struct user_arg_ptr e = { .is_kernel = true, .ptr = envp };

	return do_execveat_common(AT_FDCWD, filename, a, e);
}

SYSCALL_DEFINE3(execve, const char __user *, filename, const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	struct user_arg_ptr a = { .ptr = argv }, e = { .ptr = envp };
	char *name = getname(filename);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_execveat_common(AT_FDCWD, name, a, e);
	putname(name);
	return err;
}
