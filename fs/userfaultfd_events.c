// SPDX-License-Identifier: GPL-2.0
/*
 * userfaultfd's non-cooperative events: what a monitor hears of changes
 * the faulting process makes to its own address space, each asked for
 * with a feature of UFFDIO_API. Linux: fs/userfaultfd.c
 *
 *   UFFD_EVENT_FORK    fork (dup_mmap): the child's registered VMAs go
 *                      to a new uffd, which the monitor gets as a new
 *                      descriptor when it reads the event
 *   UFFD_EVENT_REMAP   mremap moved a registered range: from, to, len
 *   UFFD_EVENT_REMOVE  MADV_DONTNEED/FREE/REMOVE of a registered range
 *   UFFD_EVENT_UNMAP   munmap (or mremap's unmaps) of one
 *
 * The task that causes an event sleeps (killably) until the monitor has
 * read it, so the monitor never acts on a layout that has moved on; while
 * an event is pending, fills answer EAGAIN (mmap_changing).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/mm.h>
#include <linux/poll.h>
#include "userfaultfd_internal.h"

/* Forget ctx on every VMA of mm that has it (a fork's ctx nobody read). */
static void userfaultfd_forget_vmas(struct mm_struct *mm, struct userfaultfd_ctx *ctx)
{
	/* Linux: mmap_lock for writing. */
	for (struct vm_area_struct *vma = mm->mmap; vma; vma = vma->vm_next) {
		if (vma->vm_userfaultfd_ctx.ctx != ctx)
			continue;
		vma->vm_userfaultfd_ctx = NULL_VM_UFFD_CTX;
		userfaultfd_set_vm_flags(vma, vma->vm_flags & ~__VM_UFFD_FLAGS);
	}
}

/*
 * Queue an event and wait, killably, until the monitor has read it (its
 * event becomes 0) or the uffd is closed. A fork's ctx nobody will read
 * is taken off the child's VMAs and dropped. Drops the ctx reference and
 * the mmap_changing count the caller took.
 * Linux: userfaultfd_event_wait_completion()
 */
static void userfaultfd_event_wait_completion(struct userfaultfd_ctx *ctx,
					      struct userfaultfd_wait_queue *ewq)
{
	struct userfaultfd_ctx *release_new_ctx = NULL;

	if (current->flags & PF_EXITING)
		goto out;
	ewq->ctx = ctx;
	init_waitqueue_entry(&ewq->wq, current);
	add_wait_queue(&ctx->event_wqh, &ewq->wq);
	for (;;) {
		set_current_state(TASK_KILLABLE);
		if (ewq->msg.event == 0)
			break;
		if (ctx->released || fatal_signal_pending(current)) {
			remove_wait_queue(&ctx->event_wqh, &ewq->wq);
			if (ewq->msg.event == UFFD_EVENT_FORK)
				release_new_ctx = (struct userfaultfd_ctx *)(unsigned long)
						  ewq->msg.arg.reserved.reserved1;
			break;
		}
		wake_up_poll(&ctx->fd_wqh, EPOLLIN);
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	if (release_new_ctx) {
		userfaultfd_forget_vmas(release_new_ctx->mm, release_new_ctx);
		userfaultfd_ctx_put(release_new_ctx);
	}
out:
	atomic_dec(&ctx->mmap_changing);
	VM_BUG_ON(atomic_read(&ctx->mmap_changing) < 0);
	userfaultfd_ctx_put(ctx);
}

/* The monitor has read the event: wake its task. Linux: userfaultfd_event_complete() */
void userfaultfd_event_complete(struct userfaultfd_ctx *ctx,
				       struct userfaultfd_wait_queue *ewq)
{
	ewq->msg.event = 0;
	remove_wait_queue(&ctx->event_wqh, &ewq->wq);
	wake_up_process(ewq->wq.private);
}

/* Start an event on ctx: a reference, and fills get EAGAIN until it is read. */
static void userfaultfd_event_prep(struct userfaultfd_ctx *ctx)
{
	userfaultfd_ctx_get(ctx);
	atomic_inc(&ctx->mmap_changing);
}

static void userfaultfd_event_send(struct userfaultfd_ctx *ctx, u8 event, u64 arg1, u64 arg2,
				   u64 arg3)
{
	struct userfaultfd_wait_queue ewq;

	memset(&ewq.msg, 0, sizeof(ewq.msg));
	ewq.msg.event = event;
	ewq.msg.arg.reserved.reserved1 = arg1;
	ewq.msg.arg.reserved.reserved2 = arg2;
	ewq.msg.arg.reserved.reserved3 = arg3;
	userfaultfd_event_wait_completion(ctx, &ewq);
}

/* A parent's ctx and the ctx made for its child at fork. Linux: struct userfaultfd_fork_ctx */
struct userfaultfd_fork_ctx {
	struct userfaultfd_ctx *orig;
	struct userfaultfd_ctx *new;
	struct list_head list;
};

/*
 * fork, for the child's copy of a VMA: without UFFD_FEATURE_EVENT_FORK the
 * child's VMA forgets the uffd; with it, the VMA goes to a new ctx for
 * the child's mm (one per parent ctx, listed in fcs), which the monitor
 * gets as a new uffd when it reads the FORK event. Linux: dup_userfaultfd()
 */
int dup_userfaultfd(struct vm_area_struct *vma, struct list_head *fcs)
{
	struct userfaultfd_ctx *octx = vma->vm_userfaultfd_ctx.ctx, *ctx = NULL;
	struct userfaultfd_fork_ctx *fctx;

	if (!octx || !(octx->features & UFFD_FEATURE_EVENT_FORK)) {
		vma->vm_userfaultfd_ctx = NULL_VM_UFFD_CTX;
		userfaultfd_set_vm_flags(vma, vma->vm_flags & ~__VM_UFFD_FLAGS);
		return 0;
	}
	list_for_each_entry(fctx, fcs, list) {
		if (fctx->orig == octx) {
			ctx = fctx->new;
			break;
		}
	}
	if (!ctx) {
		fctx = kmalloc(sizeof(*fctx), GFP_KERNEL);
		if (!fctx)
			return -ENOMEM;
		ctx = userfaultfd_ctx_alloc(vma->vm_mm, octx->flags, octx->features);
		if (!ctx) {
			kfree(fctx);
			return -ENOMEM;
		}
		userfaultfd_event_prep(octx);
		fctx->orig = octx;
		fctx->new = ctx;
		list_add_tail(&fctx->list, fcs);
	}
	vma->vm_userfaultfd_ctx.ctx = ctx;
	return 0;
}

/* After the fork: a FORK event per parent ctx. Linux: dup_userfaultfd_complete() */
void dup_userfaultfd_complete(struct list_head *fcs)
{
	struct userfaultfd_fork_ctx *fctx, *n;

	list_for_each_entry_safe(fctx, n, fcs, list) {
		userfaultfd_event_send(fctx->orig, UFFD_EVENT_FORK, (unsigned long)fctx->new, 0, 0);
		list_del(&fctx->list);
		kfree(fctx);
	}
}

/* Linux: vma_has_uffd_without_event_remap() */
bool vma_has_uffd_without_event_remap(struct vm_area_struct *vma)
{
	struct userfaultfd_ctx *ctx = vma->vm_userfaultfd_ctx.ctx;

	return ctx && !(ctx->features & UFFD_FEATURE_EVENT_REMAP);
}

/*
 * mremap, before the move: with UFFD_FEATURE_EVENT_REMAP the REMAP event
 * is prepared (vm_ctx keeps the ctx); without it the VMA forgets its
 * uffd, so the moved range is not registered. Linux: mremap_userfaultfd_prep()
 */
void mremap_userfaultfd_prep(struct vm_area_struct *vma, struct vm_userfaultfd_ctx *vm_ctx)
{
	struct userfaultfd_ctx *ctx = vma->vm_userfaultfd_ctx.ctx;

	if (!ctx)
		return;
	if (ctx->features & UFFD_FEATURE_EVENT_REMAP) {
		vm_ctx->ctx = ctx;
		userfaultfd_event_prep(ctx);
	} else {
		vma->vm_userfaultfd_ctx = NULL_VM_UFFD_CTX;
		userfaultfd_set_vm_flags(vma, vma->vm_flags & ~__VM_UFFD_FLAGS);
	}
}

/* mremap, after: send REMAP (a failed move, to an unaligned result, sends nothing). */
void mremap_userfaultfd_complete(struct vm_userfaultfd_ctx *vm_ctx, unsigned long from,
				 unsigned long to, unsigned long len)
{
	struct userfaultfd_ctx *ctx = vm_ctx->ctx;

	if (!ctx)
		return;
	if (to & ~PAGE_MASK) {
		atomic_dec(&ctx->mmap_changing);
		userfaultfd_ctx_put(ctx);
		return;
	}
	userfaultfd_event_send(ctx, UFFD_EVENT_REMAP, from, to, len);
}

/*
 * MADV_DONTNEED / MADV_REMOVE of [start, end): with
 * UFFD_FEATURE_EVENT_REMOVE, send REMOVE and wait for it to be read.
 * Returns false if it did: the VMAs may have changed meanwhile and the
 * caller must look again (Linux: mmap_lock was dropped).
 * Linux: userfaultfd_remove()
 */
bool userfaultfd_remove(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct userfaultfd_ctx *ctx = vma->vm_userfaultfd_ctx.ctx;

	if (!ctx || !(ctx->features & UFFD_FEATURE_EVENT_REMOVE))
		return true;
	userfaultfd_event_prep(ctx);
	userfaultfd_event_send(ctx, UFFD_EVENT_REMOVE, start, end, 0);
	return false;
}

/* One UNMAP event to send. Linux: struct userfaultfd_unmap_ctx */
struct userfaultfd_unmap_ctx {
	struct userfaultfd_ctx *ctx;
	unsigned long start;
	unsigned long end;
	struct list_head list;
};

static bool has_unmap_ctx(struct userfaultfd_ctx *ctx, struct list_head *unmaps,
			  unsigned long start, unsigned long end)
{
	struct userfaultfd_unmap_ctx *unmap_ctx;

	list_for_each_entry(unmap_ctx, unmaps, list)
		if (unmap_ctx->ctx == ctx && unmap_ctx->start == start && unmap_ctx->end == end)
			return true;
	return false;
}

/*
 * munmap of [start, end), before it: one UNMAP event per uffd with
 * UFFD_FEATURE_EVENT_UNMAP that has a VMA there. Linux: userfaultfd_unmap_prep()
 */
int userfaultfd_unmap_prep(struct mm_struct *mm, unsigned long start, unsigned long end,
			   struct list_head *unmaps)
{
	struct vm_area_struct *vma;

	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma->vm_next) {
		struct userfaultfd_ctx *ctx = vma->vm_userfaultfd_ctx.ctx;
		struct userfaultfd_unmap_ctx *unmap_ctx;

		if (!ctx || !(ctx->features & UFFD_FEATURE_EVENT_UNMAP) ||
		    has_unmap_ctx(ctx, unmaps, start, end))
			continue;
		unmap_ctx = kzalloc(sizeof(*unmap_ctx), GFP_KERNEL);
		if (!unmap_ctx)
			return -ENOMEM;
		userfaultfd_event_prep(ctx);
		unmap_ctx->ctx = ctx;
		unmap_ctx->start = start;
		unmap_ctx->end = end;
		list_add_tail(&unmap_ctx->list, unmaps);
	}
	return 0;
}

/* After the unmap: send the events. Linux: userfaultfd_unmap_complete() */
void userfaultfd_unmap_complete(struct mm_struct *mm, struct list_head *unmaps)
{
	struct userfaultfd_unmap_ctx *unmap_ctx, *n;

	(void)mm;
	list_for_each_entry_safe(unmap_ctx, n, unmaps, list) {
		userfaultfd_event_send(unmap_ctx->ctx, UFFD_EVENT_UNMAP, unmap_ctx->start,
				       unmap_ctx->end, 0);
		list_del(&unmap_ctx->list);
		kfree(unmap_ctx);
	}
}

