/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/wait.h>

/*
 * poll/select: a file's poll method reports which events are ready and
 * hands poll_wait() the wait queues where a change would be signalled;
 * the poller sleeps on all of them at once. Linux: include/linux/poll.h,
 * include/uapi/linux/eventpoll.h
 */
#define EPOLLIN		0x00000001
#define EPOLLPRI	0x00000002
#define EPOLLOUT	0x00000004
#define EPOLLERR	0x00000008
#define EPOLLHUP	0x00000010
#define EPOLLNVAL	0x00000020
#define EPOLLRDNORM	0x00000040
#define EPOLLRDBAND	0x00000080
#define EPOLLWRNORM	0x00000100
#define EPOLLWRBAND	0x00000200
#define EPOLLRDHUP	0x00002000

/* A file without a poll method is always ready. */
#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

struct poll_table_struct;
typedef void (*poll_queue_proc)(struct file *file, struct wait_queue_head *whead,
				struct poll_table_struct *pt);

typedef struct poll_table_struct {
	poll_queue_proc _qproc;		/* NULL once the waits are queued */
	__poll_t _key;			/* the events asked for */
} poll_table;

static inline void poll_wait(struct file *filp, struct wait_queue_head *wait_address,
			     poll_table *p)
{
	if (p && p->_qproc && wait_address)
		p->_qproc(filp, wait_address, p);
}

static inline __poll_t vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	if (!file->f_op || !file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

#endif
