// SPDX-License-Identifier: GPL-2.0
/*
 * The terminal line discipline: what happens to the bytes between the
 * serial port and read(2)/write(2). Linux: drivers/tty/n_tty.c
 *
 * Input (from the UART interrupt), as the termios flags say:
 *   ICRNL       CR becomes NL;  IGNCR drops CR;  INLCR NL becomes CR
 *   ISIG        ^C, ^\, ^Z send SIGINT, SIGQUIT, SIGTSTP to the
 *               foreground process group (and flush the input)
 *   ICANON      lines are edited before anyone sees them: ERASE (DEL or
 *               ^H) removes a character, KILL (^U) the line, WERASE (^W)
 *               a word; NL, EOL or EOF (^D) end the line
 *   ECHO        typed characters are echoed, control ones as ^X (ECHOCTL)
 * Output: with OPOST and ONLCR, NL goes out as CR NL.
 *
 * In canonical mode read(2) returns at most one line; ^D at the start of
 * a line makes it return 0 (end of file). In raw mode (ICANON off) it
 * returns as soon as VMIN bytes are there (VMIN 0: after VTIME tenths of
 * a second, or at once); Linux's VTIME inter-byte timer with VMIN > 0 is
 * left out.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/wait.h>
#include <linux/timer.h>
#include <linux/uio.h>
#include <linux/fs.h>
#include <linux/tty.h>
#include <asm/irqflags.h>

#define DISABLED_CHAR	'\0'	/* a c_cc slot set to 0 is off; EOF is stored as it */

#define I_FLAG(tty, f)	((tty)->termios.c_iflag & (f))
#define O_FLAG(tty, f)	((tty)->termios.c_oflag & (f))
#define L_FLAG(tty, f)	((tty)->termios.c_lflag & (f))
#define CC(tty, v)	((tty)->termios.c_cc[v])

/* Linux's default termios (tty_std_termios) with its control characters. */
void n_tty_init_termios(struct ktermios *t)
{
	static const cc_t init_cc[NCCS] = {
		[VINTR] = 003, [VQUIT] = 034, [VERASE] = 0177, [VKILL] = 025,
		[VEOF] = 004, [VTIME] = 0, [VMIN] = 1, [VSTART] = 021, [VSTOP] = 023,
		[VSUSP] = 032, [VREPRINT] = 022, [VDISCARD] = 017, [VWERASE] = 027,
		[VLNEXT] = 026,
	};

	t->c_iflag = ICRNL | IXON;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = B38400 | CS8 | CREAD | HUPCL | CLOCAL;
	t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
	t->c_line = 0;
	for (int i = 0; i < NCCS; i++)
		t->c_cc[i] = init_cc[i];
}

static unsigned int idx(unsigned int i)
{
	return i & (N_TTY_BUF_SIZE - 1);
}

static bool test_eol(const struct tty_struct *tty, unsigned int i)
{
	return tty->read_flags[idx(i) / 64] & (1UL << (idx(i) % 64));
}

static void set_eol(struct tty_struct *tty, unsigned int i, bool eol)
{
	if (eol)
		tty->read_flags[idx(i) / 64] |= 1UL << (idx(i) % 64);
	else
		tty->read_flags[idx(i) / 64] &= ~(1UL << (idx(i) % 64));
}

/* One character to the port, with OPOST's NL -> CR NL; keeps the column. */
static void do_output_char(struct tty_struct *tty, unsigned char c)
{
	static const unsigned char crnl[2] = { '\r', '\n' };

	if (O_FLAG(tty, OPOST) && c == '\n' && O_FLAG(tty, ONLCR)) {
		tty->ops->write(tty, crnl, 2);
		tty->column = 0;
		return;
	}
	if (O_FLAG(tty, OPOST) && c == '\r' && O_FLAG(tty, OCRNL))
		c = '\n';
	tty->ops->write(tty, &c, 1);
	if (c == '\r' || c == '\n')
		tty->column = 0;
	else if (c == '\b')
		tty->column = tty->column ? tty->column - 1 : 0;
	else if (c >= ' ')
		tty->column++;
}

static void output_string(struct tty_struct *tty, const char *s)
{
	while (*s)
		do_output_char(tty, (unsigned char)*s++);
}

static bool is_echoed_as_ctl(const struct tty_struct *tty, unsigned char c)
{
	return L_FLAG(tty, ECHOCTL) && (c < ' ' || c == 0177) && c != '\t' && c != '\n';
}

/* Echo a typed character: ^X for control characters with ECHOCTL. */
static void echo_char(struct tty_struct *tty, unsigned char c)
{
	if (is_echoed_as_ctl(tty, c)) {
		do_output_char(tty, '^');
		do_output_char(tty, c ^ 0100);
		return;
	}
	do_output_char(tty, c);
}

static void put_tty_queue(struct tty_struct *tty, unsigned char c, bool eol)
{
	if (tty->read_head - tty->read_tail >= N_TTY_BUF_SIZE - 1)
		return;			/* full: the character is lost, as in Linux */
	tty->read_buf[idx(tty->read_head)] = c;
	set_eol(tty, tty->read_head, eol);
	tty->read_head++;
}

/* Take back the last character of the line being edited, on screen too. */
static void erase_one(struct tty_struct *tty)
{
	unsigned char c = tty->read_buf[idx(--tty->read_head)];
	int cols = is_echoed_as_ctl(tty, c) ? 2 : 1;

	if (!L_FLAG(tty, ECHO))
		return;
	while (cols--)
		output_string(tty, "\b \b");
}

static bool is_word_char(unsigned char c)
{
	return c != ' ' && c != '\t';
}

/* ERASE, WERASE, KILL in canonical mode. Linux: eraser() */
static void eraser(struct tty_struct *tty, unsigned char c)
{
	if (tty->read_head == tty->canon_head)
		return;			/* nothing typed on this line */
	if (c == CC(tty, VERASE)) {
		erase_one(tty);
		return;
	}
	if (c == CC(tty, VWERASE)) {
		while (tty->read_head != tty->canon_head &&
		       !is_word_char(tty->read_buf[idx(tty->read_head - 1)]))
			erase_one(tty);
		while (tty->read_head != tty->canon_head &&
		       is_word_char(tty->read_buf[idx(tty->read_head - 1)]))
			erase_one(tty);
		return;
	}
	/* KILL: the whole line, erased on screen (ECHOKE) or ended with a newline. */
	if (!L_FLAG(tty, ECHOKE) && L_FLAG(tty, ECHO)) {
		echo_char(tty, c);
		if (L_FLAG(tty, ECHOK))
			do_output_char(tty, '\n');
		tty->read_head = tty->canon_head;
		return;
	}
	while (tty->read_head != tty->canon_head)
		erase_one(tty);
}

void n_tty_flush_input(struct tty_struct *tty)
{
	tty->read_head = tty->read_tail = tty->canon_head = 0;
}

/* ^C and friends: the foreground group gets the signal. Linux: isig() */
static void isig(struct tty_struct *tty, int sig, unsigned char c)
{
	if (!L_FLAG(tty, NOFLSH))
		n_tty_flush_input(tty);
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
	if (tty->pgrp > 0)
		kill_pgrp(tty->pgrp, sig, 1);
}

static bool handle_isig(struct tty_struct *tty, unsigned char c)
{
	if (!L_FLAG(tty, ISIG))
		return false;
	if (c == CC(tty, VINTR) && c != DISABLED_CHAR)
		isig(tty, SIGINT, c);
	else if (c == CC(tty, VQUIT) && c != DISABLED_CHAR)
		isig(tty, SIGQUIT, c);
	else if (c == CC(tty, VSUSP) && c != DISABLED_CHAR)
		isig(tty, SIGTSTP, c);
	else
		return false;
	return true;
}

/*
 * ICANON switched on or off. Off: the line being edited is just bytes
 * now (canon_head meets read_tail, raw reads go to read_head). On: what
 * raw mode left unread becomes one finished line; with nothing left the
 * next line starts afresh. Linux: n_tty_set_termios()
 */
void n_tty_icanon_changed(struct tty_struct *tty, bool icanon)
{
	unsigned long flags;

	local_irq_save(flags);
	if (!icanon || tty->read_head == tty->read_tail) {
		tty->canon_head = tty->read_tail;
	} else {
		set_eol(tty, tty->read_head - 1, true);
		tty->canon_head = tty->read_head;
	}
	local_irq_restore(flags);
}

/* A line is complete: readers may take it. */
static void end_line(struct tty_struct *tty, unsigned char c)
{
	put_tty_queue(tty, c, true);
	tty->canon_head = tty->read_head;
	__wake_up(&tty->read_wait, TASK_INTERRUPTIBLE, 1, NULL);
}

/* A character typed at the terminal (interrupt context). Linux: n_tty_receive_char() */
void n_tty_receive_char(struct tty_struct *tty, unsigned char c)
{
	if (I_FLAG(tty, ISTRIP))
		c &= 0x7f;
	if (c == '\r') {
		if (I_FLAG(tty, IGNCR))
			return;
		if (I_FLAG(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I_FLAG(tty, INLCR)) {
		c = '\r';
	}
	if (handle_isig(tty, c))
		return;
	if (L_FLAG(tty, ICANON)) {
		if (c == CC(tty, VERASE) || c == CC(tty, VKILL) ||
		    (c == CC(tty, VWERASE) && L_FLAG(tty, IEXTEN))) {
			eraser(tty, c);
			return;
		}
		if (c == '\n') {
			if (L_FLAG(tty, ECHO) || L_FLAG(tty, ECHONL))
				do_output_char(tty, '\n');
			end_line(tty, c);
			return;
		}
		if (c == CC(tty, VEOF) && c != DISABLED_CHAR) {
			end_line(tty, DISABLED_CHAR);	/* the marker is not read */
			return;
		}
		if ((c == CC(tty, VEOL) || c == CC(tty, VEOL2)) && c != DISABLED_CHAR) {
			if (L_FLAG(tty, ECHO))
				echo_char(tty, c);
			end_line(tty, c);
			return;
		}
	}
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
	put_tty_queue(tty, c, false);
	if (!L_FLAG(tty, ICANON))
		__wake_up(&tty->read_wait, TASK_INTERRUPTIBLE, 1, NULL);
}

/* Bytes a read could take now. */
unsigned int n_tty_input_available(struct tty_struct *tty)
{
	if (L_FLAG(tty, ICANON))
		return tty->canon_head - tty->read_tail;
	return tty->read_head - tty->read_tail;
}

/* Canonical: up to the end of one line; an EOF marker is consumed, not copied. */
static ssize_t canon_copy(struct tty_struct *tty, struct iov_iter *to)
{
	ssize_t copied = 0;

	while (tty->read_tail != tty->canon_head && iov_iter_count(to)) {
		unsigned int i = tty->read_tail;
		unsigned char c = tty->read_buf[idx(i)];
		bool eol = test_eol(tty, i);

		if (eol && c == DISABLED_CHAR) {
			tty->read_tail++;
			break;
		}
		if (!copy_to_iter(&c, 1, to))
			return copied ? copied : -EFAULT;
		tty->read_tail++;
		copied++;
		if (eol)
			break;
	}
	return copied;
}

static ssize_t raw_copy(struct tty_struct *tty, struct iov_iter *to)
{
	ssize_t copied = 0;

	while (tty->read_tail != tty->read_head && iov_iter_count(to)) {
		unsigned char c = tty->read_buf[idx(tty->read_tail)];

		if (!copy_to_iter(&c, 1, to))
			return copied ? copied : -EFAULT;
		tty->read_tail++;
		copied++;
	}
	return copied;
}

/* Wait (interruptibly) until a read can take at least min bytes. */
static int wait_for_input(struct tty_struct *tty, struct file *file, unsigned int min)
{
	if (n_tty_input_available(tty) >= min)
		return 0;
	if (file->f_flags & O_NONBLOCK)
		return -EAGAIN;
	return wait_event_interruptible(tty->read_wait, n_tty_input_available(tty) >= min);
}

/* Raw mode with VMIN 0: whatever is there, after up to VTIME tenths of a second. */
static ssize_t raw_read_timed(struct tty_struct *tty, struct iov_iter *to)
{
	long timeout = (long)(CC(tty, VTIME) * HZ / 10);
	DEFINE_WAIT(wait);

	if (!n_tty_input_available(tty) && timeout) {
		prepare_to_wait(&tty->read_wait, &wait, TASK_INTERRUPTIBLE);
		if (!n_tty_input_available(tty))
			schedule_timeout(timeout);
		finish_wait(&tty->read_wait, &wait);
		if (!n_tty_input_available(tty) && signal_pending(current))
			return -ERESTARTSYS;
	}
	return raw_copy(tty, to);
}

ssize_t n_tty_read(struct tty_struct *tty, struct file *file, struct iov_iter *to)
{
	unsigned int min;
	unsigned long flags;
	ssize_t ret;
	int err;

	if (!L_FLAG(tty, ICANON) && !CC(tty, VMIN))
		return raw_read_timed(tty, to);
	min = L_FLAG(tty, ICANON) ? 1 : min_t(unsigned int, CC(tty, VMIN), iov_iter_count(to));
	err = wait_for_input(tty, file, max(min, 1U));
	if (err == -EAGAIN && !L_FLAG(tty, ICANON) && n_tty_input_available(tty))
		err = 0;	/* non-blocking raw read: take what there is */
	if (err)
		return err;
	local_irq_save(flags);
	ret = L_FLAG(tty, ICANON) ? canon_copy(tty, to) : raw_copy(tty, to);
	local_irq_restore(flags);
	return ret;
}

ssize_t n_tty_write(struct tty_struct *tty, struct file *file, struct iov_iter *from)
{
	unsigned char buf[256];
	ssize_t written = 0;

	while (iov_iter_count(from)) {
		size_t n = copy_from_iter(buf, sizeof(buf), from);

		if (!n)
			return written ? written : -EFAULT;
		for (size_t i = 0; i < n; i++)
			do_output_char(tty, buf[i]);
		written += (ssize_t)n;
	}
	return written;
}
