/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WAIT_TYPES_H
#define _LINUX_WAIT_TYPES_H

#include <linux/types.h>

/* The wait queue structures alone, for structs that embed a queue (linux/wait.h). */
struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode,
				 int flags, void *key);

#define WQ_FLAG_EXCLUSIVE	0x01	/* wake only one such waiter */

struct wait_queue_entry {
	unsigned int flags;
	void *private;			/* the sleeping task */
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#endif
