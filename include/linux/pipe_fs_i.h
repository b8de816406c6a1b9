/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PIPE_FS_I_H
#define _LINUX_PIPE_FS_I_H

#include <linux/types.h>
#include <linux/wait_types.h>

/*
 * A pipe: a ring of page buffers between writers and readers.
 * Linux: include/linux/pipe_fs_i.h, fs/pipe.c
 *
 *        tail                 head
 *   bufs: [used][used][used][    ][    ] ...   ring of 16 slots
 *          ^ readers take from the tail, writers add at the head
 *
 * 16 pages hold 64 KiB, Linux's default pipe size. A write of at most
 * PIPE_BUF bytes is never interleaved with another writer's.
 */
#define PIPE_DEF_BUFFERS	16
#define PIPE_BUF		4096

struct page;
struct file;

struct pipe_buffer {
	struct page *page;
	unsigned int offset, len;
};

struct pipe_inode_info {
	struct wait_queue_head rd_wait, wr_wait;
	unsigned int head, tail;	/* free-running; slot = index % ring_size */
	unsigned int ring_size;
	unsigned int readers, writers;	/* open ends */
	unsigned int files;		/* struct files open on the pipe */
	unsigned int r_counter, w_counter;	/* opens so far (FIFO rendezvous) */
	struct pipe_buffer bufs[PIPE_DEF_BUFFERS];
};

long pipe_fcntl(struct file *file, unsigned int cmd, unsigned int arg);
int create_pipe_files(struct file **res, int flags);
extern const struct file_operations pipefifo_fops;

#endif
