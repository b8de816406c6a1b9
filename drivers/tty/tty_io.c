// SPDX-License-Identifier: GPL-2.0
/*
 * Terminal devices: the file operations behind /dev/ttyS0, /dev/ttyS1,
 * /dev/console and /dev/tty, and their ioctls. Linux: drivers/tty/tty_io.c,
 * tty_ioctl.c
 *
 *   /dev/ttyS<n>  (4, 64+n)  serial port n
 *   /dev/console  (5, 1)     the console's terminal (ttyS0, or console=)
 *   /dev/tty      (5, 0)     the opener's controlling terminal
 *
 * Opening a terminal makes it the controlling terminal of a session
 * leader that has none (unless O_NOCTTY) - but not through /dev/console,
 * as in Linux: init must open the real device to get job control.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/poll.h>
#include <linux/fs.h>
#include <linux/tty.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include <asm/serial.h>

#define TTY_MAJOR	4
#define TTYAUX_MAJOR	5
#define MAX_TTYS	4

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TCSBRK		0x5409
#define TCXONC		0x540A
#define TCFLSH		0x540B
#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCOUTQ	0x5411
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541B
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429
#define TIOCGDEV	0x80045432
#define TCIFLUSH	0
#define TCIOFLUSH	2

static struct tty_struct *ttys[MAX_TTYS];

void tty_register(struct tty_struct *tty)
{
	if (tty->index >= 0 && tty->index < MAX_TTYS)
		ttys[tty->index] = tty;
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	n_tty_init_termios(&tty->termios);
}

/* /dev/console: the terminal on the port the kernel log goes to (console=). */
struct tty_struct *tty_console(void)
{
	return ttys[serial_console_index()];
}

static struct tty_struct *tty_lookup(dev_t device, bool *noctty)
{
	*noctty = false;
	if (device == MKDEV(TTYAUX_MAJOR, 0))
		return current->signal->tty;
	if (device == MKDEV(TTYAUX_MAJOR, 1)) {
		*noctty = true;
		return tty_console();
	}
	if (MAJOR(device) == TTY_MAJOR && MINOR(device) >= 64 && MINOR(device) < 64 + MAX_TTYS)
		return ttys[MINOR(device) - 64];
	return NULL;
}

static int tty_open(struct inode *inode, struct file *filp)
{
	bool noctty;
	struct tty_struct *tty = tty_lookup(inode->i_rdev, &noctty);

	if (!tty)
		return MAJOR(inode->i_rdev) == TTY_MAJOR ? -EIO : -ENXIO;	/* no such port */
	tty->count++;
	filp->private_data = tty;
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	if (!noctty && !(filp->f_flags & O_NOCTTY) && current->signal->leader &&
	    !current->signal->tty && !tty->session)
		proc_set_tty(tty);
	return 0;
}

static int tty_release(struct inode *inode, struct file *filp)
{
	struct tty_struct *tty = filp->private_data;

	tty->count--;
	return 0;
}

static ssize_t tty_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct tty_struct *tty = file->private_data;
	int err = tty_check_change(tty, SIGTTIN);

	if (err)
		return err;
	if (!iov_iter_count(to))
		return 0;
	return n_tty_read(tty, file, to);
}

static ssize_t tty_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct tty_struct *tty = file->private_data;

	if (tty->termios.c_lflag & TOSTOP) {
		int err = tty_check_change(tty, SIGTTOU);

		if (err)
			return err;
	}
	return n_tty_write(tty, file, from);
}

static __poll_t tty_poll(struct file *filp, poll_table *wait)
{
	struct tty_struct *tty = filp->private_data;
	__poll_t mask = EPOLLOUT | EPOLLWRNORM;

	poll_wait(filp, &tty->read_wait, wait);
	if (n_tty_input_available(tty))
		mask |= EPOLLIN | EPOLLRDNORM;
	return mask;
}

/* TCSETS*: new termios; TCSETSF also drops unread input. */
static long set_termios(struct tty_struct *tty, unsigned int cmd, unsigned long arg)
{
	struct ktermios t;
	int err = tty_check_change(tty, SIGTTOU);

	if (err)
		return err;
	if (copy_from_user(&t, (void __user *)arg, sizeof(t)))
		return -EFAULT;
	if (cmd == TCSETSF)
		n_tty_flush_input(tty);
	if ((tty->termios.c_lflag ^ t.c_lflag) & ICANON)
		n_tty_icanon_changed(tty, t.c_lflag & ICANON);
	tty->termios = t;
	wake_up_interruptible_all(&tty->read_wait);
	return 0;
}

static long set_winsize(struct tty_struct *tty, unsigned long arg)
{
	struct winsize ws;

	if (copy_from_user(&ws, (void __user *)arg, sizeof(ws)))
		return -EFAULT;
	if (memcmp(&ws, &tty->winsize, sizeof(ws)) && tty->pgrp > 0)
		kill_pgrp(tty->pgrp, SIGWINCH, 1);
	tty->winsize = ws;
	return 0;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	void __user *p = (void __user *)arg;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(p, &tty->termios, sizeof(tty->termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, cmd, arg);
	case TIOCGWINSZ:
		return copy_to_user(p, &tty->winsize, sizeof(tty->winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return set_winsize(tty, arg);
	case FIONREAD:
		return put_user((int)n_tty_input_available(tty), (int __user *)p);
	case TIOCOUTQ:
		return put_user(0, (int __user *)p);	/* output is written synchronously */
	case TCFLSH:
		if (arg == TCIFLUSH || arg == TCIOFLUSH)
			n_tty_flush_input(tty);
		return 0;
	case TCSBRK:
	case TCXONC:
		return 0;
	case TIOCGDEV:		/* the real terminal behind /dev/console ("new" encoding) */
		return put_user((unsigned int)(64 + tty->index) | (TTY_MAJOR << 8),
				(unsigned int __user *)p);
	default:
		return tty_jobctrl_ioctl(tty, cmd, arg);
	}
}

static const struct file_operations tty_fops = {
	.open = tty_open,
	.release = tty_release,
	.llseek = no_llseek,
	.read_iter = tty_read,
	.write_iter = tty_write,
	.poll = tty_poll,
	.unlocked_ioctl = tty_ioctl,
};

void tty_init(void)
{
	register_chrdev(TTY_MAJOR, "ttyS", &tty_fops);
	register_chrdev(TTYAUX_MAJOR, "tty", &tty_fops);
}
