/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_NET_H
#define _LINUX_NET_H

#include <linux/types.h>
#include <linux/wait.h>
#include <linux/list.h>

/*
 * Sockets: a file of sockfs whose operations go to its family's
 * proto_ops. Faultline has one family, AF_UNIX, and only connected
 * pairs (socketpair). Linux: include/linux/net.h, include/net/sock.h
 */
#define AF_UNIX		1
#define PF_UNIX		AF_UNIX
#define AF_MAX		46

#define SOCK_STREAM	1
#define SOCK_DGRAM	2
#define SOCK_RAW	3
#define SOCK_SEQPACKET	5
#define SOCK_MAX	11
#define SOCK_TYPE_MASK	0xf
#define SOCK_CLOEXEC	02000000	/* O_CLOEXEC */
#define SOCK_NONBLOCK	04000		/* O_NONBLOCK */

#define MSG_PEEK	0x2
#define MSG_TRUNC	0x20
#define MSG_DONTWAIT	0x40
#define MSG_WAITALL	0x100
#define MSG_NOSIGNAL	0x4000

#define SHUT_RD		0
#define SHUT_WR		1
#define SHUT_RDWR	2
#define RCV_SHUTDOWN	1
#define SEND_SHUTDOWN	2
#define SHUTDOWN_MASK	3

struct socket;
struct iov_iter;
struct poll_table_struct;

/* What a family does with a socket. Linux: struct proto_ops */
struct proto_ops {
	int (*release)(struct socket *sock);
	int (*sendmsg)(struct socket *sock, struct iov_iter *from, int flags);
	int (*recvmsg)(struct socket *sock, struct iov_iter *to, int flags);
	__poll_t (*poll)(struct file *file, struct socket *sock, struct poll_table_struct *wait);
	int (*shutdown)(struct socket *sock, int how);
};

/* Linux: struct socket (its struct sock folded in: sk_* fields) */
struct socket {
	short type;			/* SOCK_STREAM ... */
	struct file *file;
	const struct proto_ops *ops;
	void *sk;			/* the family's state */
	wait_queue_head_t wait;		/* readers and writers sleep here */
};

struct socket *sock_from_file(struct file *file);

#endif
