/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FS_USERFAULTFD_INTERNAL_H
#define _FS_USERFAULTFD_INTERNAL_H

/*
 * What fs/userfaultfd.c (the file and the waiting for faults),
 * fs/userfaultfd_events.c (fork, mremap, madvise and munmap events) and
 * fs/userfaultfd_ioctl.c (the UFFDIO_* requests) share. Linux keeps all
 * of it in fs/userfaultfd.c.
 */
#include <linux/wait.h>
#include <linux/userfaultfd_k.h>

/*
 * One uffd. Four wait queues, each with its rule:
 *
 *   fault_pending_wqh  faulting tasks whose message is not read yet
 *                      (a uwq each, newest first: read takes the tail)
 *   fault_wqh          faulting tasks whose message was read, waiting
 *                      for COPY/ZEROPAGE/WAKE/WRITEPROTECT/CONTINUE
 *   event_wqh          tasks whose event (fork, mremap, ...) is not read
 *   fd_wqh             read() and poll() of the uffd itself
 *
 * refcount: one for the file (or, for a fork's ctx, for the event until
 * it becomes a file), one per sleeping fault or pending event. The ctx
 * holds mm_count on mm (mmgrab), never mm_users: the address space may
 * exit while the uffd lives on, and then every request gets ESRCH.
 * No locks: one CPU, and nothing here runs in interrupts (Linux takes
 * fd_wqh.lock, then fault_pending_wqh.lock, then fault_wqh.lock).
 */
struct userfaultfd_ctx {
	struct wait_queue_head fault_pending_wqh;
	struct wait_queue_head fault_wqh;
	struct wait_queue_head fd_wqh;
	struct wait_queue_head event_wqh;
	int refcount;
	unsigned int flags;		/* userfaultfd(2)'s: UFFD_USER_MODE_ONLY ... */
	unsigned int features;		/* the API's, plus UFFD_FEATURE_INITIALIZED */
	bool released;			/* the file is closed: no new waits */
	atomic_t mmap_changing;		/* events in flight: fills get EAGAIN */
	struct mm_struct *mm;		/* the address space whose faults we hear */
};

/* Set once UFFDIO_API has succeeded (a bit no feature uses). */
#define UFFD_FEATURE_INITIALIZED	(1U << 31)

/* A range of addresses to wake; len 0 wakes every waiter. */
struct userfaultfd_wake_range {
	unsigned long start;
	unsigned long len;
};

/* A task asleep in handle_userfault() or in an event, with its message. */
struct userfaultfd_wait_queue {
	struct uffd_msg msg;
	struct wait_queue_entry wq;
	struct userfaultfd_ctx *ctx;
	bool waken;
};

struct userfaultfd_ctx *userfaultfd_ctx_alloc(struct mm_struct *mm, unsigned int flags,
					      unsigned int features);
void userfaultfd_ctx_get(struct userfaultfd_ctx *ctx);
void userfaultfd_ctx_put(struct userfaultfd_ctx *ctx);
void userfaultfd_set_vm_flags(struct vm_area_struct *vma, unsigned long flags);
void wake_userfault(struct userfaultfd_ctx *ctx, struct userfaultfd_wake_range *range);
long userfaultfd_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
int new_userfaultfd(int flags);
void userfaultfd_event_complete(struct userfaultfd_ctx *ctx, struct userfaultfd_wait_queue *ewq);

static inline bool userfaultfd_is_initialized(const struct userfaultfd_ctx *ctx)
{
	return ctx->features & UFFD_FEATURE_INITIALIZED;
}

#endif
