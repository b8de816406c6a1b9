// SPDX-License-Identifier: GPL-2.0
/*
 * Job control on a terminal: the controlling terminal of a session, its
 * foreground process group, and what happens to a background group that
 * reads (SIGTTIN) or changes the terminal (SIGTTOU). Linux: drivers/tty/tty_jobctrl.c
 *
 * A shell puts each job in its own process group and makes it the
 * foreground group (tcsetpgrp): ^C then reaches the job, not the shell.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/tty.h>
#include <asm/uaccess.h>

#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429

static bool is_ignored(int sig)
{
	return sigismember(&current->blocked, sig) ||
	       current->sighand->action[sig - 1].sa.sa_handler == SIG_IGN;
}

/*
 * May current use tty in a way only the foreground may? A background
 * process gets sig (SIGTTIN for reads, SIGTTOU for changes) and the call
 * is restarted after it is continued; with the signal ignored, a read
 * fails with EIO and a change goes ahead. Linux: __tty_check_change()
 */
int tty_check_change(struct tty_struct *tty, int sig)
{
	pid_t pgrp = current->signal->pgrp;

	if (current->signal->tty != tty || !tty->pgrp || pgrp == tty->pgrp)
		return 0;
	if (is_ignored(sig))
		return sig == SIGTTIN ? -EIO : 0;
	kill_pgrp(pgrp, sig, 1);
	return -ERESTARTSYS;
}

/* tty becomes the controlling terminal of current's session. Linux: __proc_set_tty() */
void proc_set_tty(struct tty_struct *tty)
{
	tty->session = current->signal->session;
	tty->pgrp = current->signal->pgrp;
	current->signal->tty = tty;
}

/*
 * The session leader is gone (or gave up the terminal): the foreground
 * group gets SIGHUP and SIGCONT, and no one in the session has a
 * controlling terminal any more. Linux: disassociate_ctty()
 */
void disassociate_ctty(struct task_struct *tsk)
{
	struct tty_struct *tty = tsk->signal->tty;
	pid_t session = tsk->signal->session;
	struct task_struct *p;

	if (!tty)
		return;
	if (tty->pgrp > 0) {
		kill_pgrp(tty->pgrp, SIGHUP, 1);
		kill_pgrp(tty->pgrp, SIGCONT, 1);
	}
	tty->session = 0;
	tty->pgrp = 0;
	for_each_process(p)
		if (p->signal && p->signal->session == session)
			p->signal->tty = NULL;
	tsk->signal->tty = NULL;
}

/* TIOCSPGRP (tcsetpgrp): the group must exist in the terminal's session. */
static long tiocspgrp(struct tty_struct *tty, pid_t __user *p)
{
	struct task_struct *t;
	pid_t pgrp;
	int err = tty_check_change(tty, SIGTTOU);

	if (err)
		return err;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	if (current->signal->tty != tty || tty->session != current->signal->session)
		return -ENOTTY;
	for_each_process(t)
		if (t->signal && t->signal->pgrp == pgrp && !t->exit_state) {
			if (t->signal->session != tty->session)
				return -EPERM;
			tty->pgrp = pgrp;
			return 0;
		}
	return -ESRCH;
}

long tty_jobctrl_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg)
{
	pid_t __user *p = (pid_t __user *)arg;

	switch (cmd) {
	case TIOCGPGRP:
		if (current->signal->tty != tty)
			return -ENOTTY;
		return put_user(tty->pgrp, p);
	case TIOCSPGRP:
		return tiocspgrp(tty, p);
	case TIOCGSID:
		if (current->signal->tty != tty || !tty->session)
			return -ENOTTY;
		return put_user(tty->session, p);
	case TIOCSCTTY:
		if (current->signal->tty == tty)
			return 0;
		if (!current->signal->leader || current->signal->tty)
			return -EPERM;
		if (tty->session && !arg)
			return -EPERM;	/* stealing needs arg 1 (and CAP_SYS_ADMIN) */
		proc_set_tty(tty);
		return 0;
	case TIOCNOTTY:
		if (current->signal->tty != tty)
			return -ENOTTY;
		if (current->signal->leader)
			disassociate_ctty(current);
		else
			current->signal->tty = NULL;
		return 0;
	default:
		return -ENOIOCTLCMD;
	}
}
