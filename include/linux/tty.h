/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/types.h>
#include <linux/wait_types.h>

/*
 * Terminals: a serial port with a line discipline on top.
 * Linux: include/linux/tty.h, include/uapi/asm-generic/termbits.h, ioctls.h
 *
 *   UART interrupt -> n_tty_receive_char: input editing (canonical mode),
 *                     echo, ^C/^\/^Z as signals to the foreground group
 *   read(2)        <- whole lines (canonical) or bytes as they come (raw)
 *   write(2)       -> output processing (\n -> \r\n) -> the UART
 */
typedef unsigned int tcflag_t;
typedef unsigned char cc_t;

#define NCCS	19
struct ktermios {			/* struct termios, as TCGETS passes it */
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
};

struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/* c_cc indices */
#define VINTR	0
#define VQUIT	1
#define VERASE	2
#define VKILL	3
#define VEOF	4
#define VTIME	5
#define VMIN	6
#define VSWTC	7
#define VSTART	8
#define VSTOP	9
#define VSUSP	10
#define VEOL	11
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE	14
#define VLNEXT	15
#define VEOL2	16

/* c_iflag */
#define IGNBRK	0000001
#define BRKINT	0000002
#define ISTRIP	0000040
#define INLCR	0000100
#define IGNCR	0000200
#define ICRNL	0000400
#define IXON	0002000
#define IMAXBEL	0020000
#define IUTF8	0040000
/* c_oflag */
#define OPOST	0000001
#define ONLCR	0000004
#define OCRNL	0000010
/* c_cflag */
#define B38400	0000017
#define CS8	0000060
#define CREAD	0000200
#define HUPCL	0002000
#define CLOCAL	0004000
/* c_lflag */
#define ISIG	0000001
#define ICANON	0000002
#define ECHO	0000010
#define ECHOE	0000020
#define ECHOK	0000040
#define ECHONL	0000100
#define NOFLSH	0000200
#define TOSTOP	0000400
#define ECHOCTL	0001000
#define ECHOKE	0004000
#define IEXTEN	0100000

#define N_TTY_BUF_SIZE	4096

struct tty_struct;

struct tty_operations {
	/* Write to the hardware; returns the bytes taken (all of them here). */
	int (*write)(struct tty_struct *tty, const unsigned char *buf, int count);
};

struct tty_struct {
	int index;
	char name[16];
	const struct tty_operations *ops;
	void *driver_data;
	int count;			/* opens */
	struct ktermios termios;
	struct winsize winsize;
	pid_t pgrp;			/* foreground process group */
	pid_t session;			/* the session it controls, 0: none */

	/* n_tty: the input ring; [read_tail, canon_head) is readable in
	   canonical mode, [canon_head, read_head) the line being edited. */
	unsigned char read_buf[N_TTY_BUF_SIZE];
	unsigned long read_flags[N_TTY_BUF_SIZE / 64];	/* line ends */
	unsigned int read_head, read_tail, canon_head;
	unsigned int column;		/* output column, for erasing */
	struct wait_queue_head read_wait, write_wait;
};

/* drivers/tty/n_tty.c */
void n_tty_init_termios(struct ktermios *termios);
void n_tty_receive_char(struct tty_struct *tty, unsigned char c);
struct iov_iter;
struct file;
ssize_t n_tty_read(struct tty_struct *tty, struct file *file, struct iov_iter *to);
ssize_t n_tty_write(struct tty_struct *tty, struct file *file, struct iov_iter *from);
unsigned int n_tty_input_available(struct tty_struct *tty);
void n_tty_flush_input(struct tty_struct *tty);

/* drivers/tty/tty_io.c */
void tty_register(struct tty_struct *tty);
struct tty_struct *tty_console(void);
void tty_init(void);

/* drivers/tty/tty_jobctrl.c */
struct task_struct;
int tty_check_change(struct tty_struct *tty, int sig);
void proc_set_tty(struct tty_struct *tty);
void disassociate_ctty(struct task_struct *tsk);
long tty_jobctrl_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg);

/* drivers/tty/serial/8250.c */
void serial8250_init(void);

void n_tty_icanon_changed(struct tty_struct *tty, bool icanon);

#endif
