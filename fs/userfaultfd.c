// SPDX-License-Identifier: GPL-2.0
/*
 * userfaultfd: page faults handed to a program to resolve.
 * Linux: fs/userfaultfd.c
 *
 * A uffd belongs to the address space that made it (ctx->mm). Ranges of
 * that mm are registered with it (fs/userfaultfd_ioctl.c); a fault there
 * that would find a missing page, a write-protected page or (MINOR) a
 * page not mapped yet is not served by the kernel but handed over:
 *
 *   faulting task                         monitor (another task)
 *   handle_userfault():                   read(uffd):
 *     uwq (with its uffd_msg) on            the oldest uwq's message;
 *     fault_pending_wqh, sleep   ------->   the uwq moves to fault_wqh
 *                                         UFFDIO_COPY, ZEROPAGE, WAKE,
 *                                         WRITEPROTECT, CONTINUE:
 *     woken, the uwq off its     <-------   fix the page tables, wake
 *     queue: VM_FAULT_RETRY, and            the uwqs whose address is in
 *     the fault starts over                 the range
 *
 * The sleeping task holds no VMA pointer across the sleep: the monitor
 * may register, unregister or unmap meanwhile, so the fault is retried
 * from the VMA lookup (Linux drops mmap_lock and returns VM_FAULT_RETRY
 * for the same reason). Events (fork, mremap, madvise, munmap: below)
 * queue on event_wqh and make the task that caused them wait until the
 * monitor has read them. Closing the uffd unregisters every range and
 * wakes every waiter; a signal wakes a faulting task too (then its fault
 * is retried after the handler, or never, if the signal kills).
 *
 * Faultline has one CPU and no kernel preemption: the queues need no
 * spin locks, and Linux's refile_seq (a waker racing read's move of a
 * uwq between queues on another CPU) has nothing to guard against.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/poll.h>
#include <linux/capability.h>
#include <linux/anon_inodes.h>
#include <linux/miscdevice.h>
#include <linux/syscalls.h>
#include "userfaultfd_internal.h"

int sysctl_unprivileged_userfaultfd;

static struct kmem_cache *userfaultfd_ctx_cachep;
static const struct file_operations userfaultfd_fops;

void userfaultfd_ctx_get(struct userfaultfd_ctx *ctx)
{
	ctx->refcount++;
}

/* The last reference frees the ctx and lets the mm struct go. */
void userfaultfd_ctx_put(struct userfaultfd_ctx *ctx)
{
	if (--ctx->refcount)
		return;
	VM_BUG_ON(waitqueue_active(&ctx->fault_pending_wqh));
	VM_BUG_ON(waitqueue_active(&ctx->fault_wqh));
	VM_BUG_ON(waitqueue_active(&ctx->event_wqh));
	VM_BUG_ON(waitqueue_active(&ctx->fd_wqh));
	mmdrop(ctx->mm);
	kmem_cache_free(userfaultfd_ctx_cachep, ctx);
}

/*
 * A shared VMA in WP mode maps its pages read-only (write-notify), so a
 * change of VM_UFFD_WP changes vm_page_prot. Linux: userfaultfd_set_vm_flags()
 */
void userfaultfd_set_vm_flags(struct vm_area_struct *vma, unsigned long flags)
{
	bool uffd_wp_changed = (vma->vm_flags ^ flags) & VM_UFFD_WP;

	vma->vm_flags = flags;
	if ((vma->vm_flags & VM_SHARED) && uffd_wp_changed)
		vma_set_page_prot(vma);
}

/* --- faults --- */

/* Wake the uwq if its address is in the range (key). Linux: userfaultfd_wake_function() */
static int userfaultfd_wake_function(struct wait_queue_entry *wq, unsigned int mode, int flags,
				     void *key)
{
	struct userfaultfd_wake_range *range = key;
	struct userfaultfd_wait_queue *uwq =
		container_of(wq, struct userfaultfd_wait_queue, wq);
	unsigned long address = uwq->msg.arg.pagefault.address;
	int ret;

	if (range->len && (address < range->start || address >= range->start + range->len))
		return 0;
	uwq->waken = true;
	ret = wake_up_state(wq->private, mode);
	if (ret)
		list_del_init(&wq->entry);	/* woken once: off the queue */
	return ret;
}

/* The message a fault sends. Linux: userfault_msg() */
static struct uffd_msg userfault_msg(const struct vm_fault *vmf, unsigned long reason,
				     unsigned int features)
{
	struct uffd_msg msg;

	memset(&msg, 0, sizeof(msg));	/* the padding reaches user space */
	msg.event = UFFD_EVENT_PAGEFAULT;
	msg.arg.pagefault.address = (features & UFFD_FEATURE_EXACT_ADDRESS) ?
				    vmf->real_address : vmf->address;
	if (vmf->flags & FAULT_FLAG_WRITE)
		msg.arg.pagefault.flags |= UFFD_PAGEFAULT_FLAG_WRITE;
	if (reason & VM_UFFD_WP)
		msg.arg.pagefault.flags |= UFFD_PAGEFAULT_FLAG_WP;
	if (reason & VM_UFFD_MINOR)
		msg.arg.pagefault.flags |= UFFD_PAGEFAULT_FLAG_MINOR;
	if (features & UFFD_FEATURE_THREAD_ID)
		msg.arg.pagefault.feat.ptid = task_pid_nr(current);
	return msg;
}

/*
 * Is the fault still unresolved now that the task is queued? A fill may
 * have come between the fault and here (a monitor that reads ahead).
 * Linux: userfaultfd_must_wait()
 */
static bool userfaultfd_must_wait(struct userfaultfd_ctx *ctx, unsigned long address,
				  unsigned long reason)
{
	pmd_t *pmd = mm_find_pmd(ctx->mm, address);
	pte_t pte;

	if (!pmd)
		return true;
	pte = *pte_offset_kernel(pmd, address);
	if (pte_none(pte))
		return true;
	return pte_present(pte) && !pte_write(pte) && (reason & VM_UFFD_WP);
}

/*
 * How the faulting task sleeps: a user-mode fault until any signal (the
 * handler runs, then the access faults again), a kernel-mode one (a
 * copy_to_user in a system call) until a fatal signal. Faultline differs:
 * Linux lets any signal end a kernel-mode fault's sleep and then retries
 * it at once, spinning until the fault is resolved on another CPU; with
 * one CPU and no preemption that spin would never end.
 * Linux: userfaultfd_get_blocking_state()
 */
static unsigned int userfaultfd_get_blocking_state(unsigned int flags)
{
	if ((flags & FAULT_FLAG_INTERRUPTIBLE) && (flags & FAULT_FLAG_USER))
		return TASK_INTERRUPTIBLE;
	if (flags & FAULT_FLAG_KILLABLE)
		return TASK_KILLABLE;
	return TASK_UNINTERRUPTIBLE;
}

/*
 * Hand the fault at vmf to the uffd of its VMA and sleep until it is
 * resolved. reason is one VM_UFFD_* flag. Returns VM_FAULT_RETRY after
 * the sleep (the caller looks the VMA up again and retries),
 * VM_FAULT_SIGBUS when the fault cannot be handed over (UFFD_FEATURE_SIGBUS,
 * a kernel fault on a UFFD_USER_MODE_ONLY uffd, a caller that cannot
 * retry, an exiting task) and VM_FAULT_NOPAGE once the uffd is closed
 * (the fault is retried and served normally). Linux: handle_userfault()
 */
vm_fault_t handle_userfault(struct vm_fault *vmf, unsigned long reason)
{
	struct userfaultfd_ctx *ctx = vmf->vma->vm_userfaultfd_ctx.ctx;
	struct userfaultfd_wait_queue uwq;

	vmf->fault_case = FAULT_USERFAULT;
	if (current->flags & PF_EXITING)
		return VM_FAULT_SIGBUS;
	if (!ctx)
		return VM_FAULT_SIGBUS;
	VM_BUG_ON(ctx->mm != vmf->vma->vm_mm);
	VM_BUG_ON(!reason || (reason & (reason - 1)) || (reason & ~__VM_UFFD_FLAGS));
	if (ctx->features & UFFD_FEATURE_SIGBUS)
		return VM_FAULT_SIGBUS;
	if (!(vmf->flags & FAULT_FLAG_USER) && (ctx->flags & UFFD_USER_MODE_ONLY))
		return VM_FAULT_SIGBUS;
	if (ctx->released)
		return VM_FAULT_NOPAGE;
	if (!(vmf->flags & FAULT_FLAG_ALLOW_RETRY))
		return VM_FAULT_SIGBUS;

	userfaultfd_ctx_get(ctx);
	init_waitqueue_func_entry(&uwq.wq, userfaultfd_wake_function);
	uwq.wq.private = current;
	uwq.msg = userfault_msg(vmf, reason, ctx->features);
	uwq.ctx = ctx;
	uwq.waken = false;

	/* Queued first, then the state, so a wake-up in between is not lost. */
	add_wait_queue(&ctx->fault_pending_wqh, &uwq.wq);
	set_current_state(userfaultfd_get_blocking_state(vmf->flags));
	if (userfaultfd_must_wait(ctx, vmf->address, reason) && !ctx->released) {
		wake_up_poll(&ctx->fd_wqh, EPOLLIN);
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	/* Not woken by a resolution (a signal, or no wait): leave the queue. */
	if (!list_empty(&uwq.wq.entry))
		remove_wait_queue(&ctx->fault_pending_wqh, &uwq.wq);
	userfaultfd_ctx_put(ctx);
	return VM_FAULT_RETRY;
}

/* Wake the faults in range, read or not. Linux: __wake_userfault(), wake_userfault() */
void wake_userfault(struct userfaultfd_ctx *ctx, struct userfaultfd_wake_range *range)
{
	if (waitqueue_active(&ctx->fault_pending_wqh))
		__wake_up(&ctx->fault_pending_wqh, TASK_NORMAL, 0, range);
	if (waitqueue_active(&ctx->fault_wqh))
		__wake_up(&ctx->fault_wqh, TASK_NORMAL, 1, range);
}

/* --- the file --- */

/*
 * The last close: take the uffd off every VMA of its mm (lifting the
 * write protections it set), then wake every fault and event, which
 * from now on are served as if the range had never been registered.
 * Linux: userfaultfd_release()
 */
static int userfaultfd_release(struct inode *inode, struct file *file)
{
	struct userfaultfd_ctx *ctx = file->private_data;
	struct mm_struct *mm = ctx->mm;
	struct userfaultfd_wake_range range = { .len = 0 };
	struct vm_area_struct *vma, *prev = NULL;

	ctx->released = true;
	if (!mmget_not_zero(mm))
		goto wakeup;
	/* Linux: mmap_lock for writing. */
	for (vma = mm->mmap; vma; prev = vma, vma = vma->vm_next) {
		struct vm_area_struct *next;

		if (vma->vm_userfaultfd_ctx.ctx != ctx)
			continue;
		if (userfaultfd_wp(vma))
			uffd_wp_range(mm, vma, vma->vm_start, vma->vm_end - vma->vm_start, false);
		next = vma_modify_uffd(&prev, vma, vma->vm_start, vma->vm_end,
				       vma->vm_flags & ~__VM_UFFD_FLAGS, vma->vm_pgoff,
				       NULL_VM_UFFD_CTX);
		/* A merge only ever takes the whole VMA, never splits: no error here. */
		if (!IS_ERR(next))
			vma = next;
		userfaultfd_set_vm_flags(vma, vma->vm_flags & ~__VM_UFFD_FLAGS);
		vma->vm_userfaultfd_ctx = NULL_VM_UFFD_CTX;
	}
	mmput(mm);
wakeup:
	wake_userfault(ctx, &range);
	wake_up_all(&ctx->event_wqh);
	wake_up_poll(&ctx->fd_wqh, EPOLLHUP);
	userfaultfd_ctx_put(ctx);
	return 0;
}

/* The oldest entry of a queue (entries go in at the head). Linux: find_userfault_in() */
static struct userfaultfd_wait_queue *find_userfault_in(struct wait_queue_head *wqh)
{
	if (!waitqueue_active(wqh))
		return NULL;
	return container_of(list_last_entry(&wqh->head, struct wait_queue_entry, entry),
			    struct userfaultfd_wait_queue, wq);
}

/*
 * Readable when a fault or an event waits. A blocking uffd is always
 * EPOLLERR (poll cannot promise a read will not block: a fault may be
 * resolved in between), as is one before UFFDIO_API.
 * Linux: userfaultfd_poll()
 */
static __poll_t userfaultfd_poll(struct file *file, struct poll_table_struct *wait)
{
	struct userfaultfd_ctx *ctx = file->private_data;

	poll_wait(file, &ctx->fd_wqh, wait);
	if (!userfaultfd_is_initialized(ctx))
		return EPOLLERR;
	if (!(file->f_flags & O_NONBLOCK))
		return EPOLLERR;
	if (waitqueue_active(&ctx->fault_pending_wqh) || waitqueue_active(&ctx->event_wqh))
		return EPOLLIN;
	return 0;
}

/*
 * A FORK event read: the child's ctx becomes a uffd in the reader's file
 * table, its number in the message. Linux: resolve_userfault_fork()
 */
static int resolve_userfault_fork(struct userfaultfd_ctx *new, struct uffd_msg *msg)
{
	int fd = anon_inode_getfd_secure("[userfaultfd]", &userfaultfd_fops, new,
				  O_RDONLY | (new->flags & UFFD_SHARED_FCNTL_FLAGS));

	if (fd < 0)
		return fd;
	msg->arg.reserved.reserved1 = 0;
	msg->arg.fork.ufd = (u32)fd;
	return 0;
}

/* Take the oldest event into msg and complete it. */
static int userfaultfd_read_event(struct userfaultfd_ctx *ctx, struct uffd_msg *msg)
{
	struct userfaultfd_wait_queue *ewq = find_userfault_in(&ctx->event_wqh);
	int ret;

	*msg = ewq->msg;
	if (msg->event == UFFD_EVENT_FORK) {
		/* Nothing sleeps between here and the completion: the forker is still there. */
		ret = resolve_userfault_fork((struct userfaultfd_ctx *)(unsigned long)
					     msg->arg.reserved.reserved1, msg);
		if (ret)
			return ret;	/* the event stays queued */
	}
	userfaultfd_event_complete(ctx, ewq);
	return 0;
}

/*
 * One message: the oldest unread fault (whose uwq moves to fault_wqh,
 * to wait there for its resolution), else the oldest event; with none,
 * sleep unless no_wait. Linux: userfaultfd_ctx_read()
 */
static ssize_t userfaultfd_ctx_read(struct userfaultfd_ctx *ctx, bool no_wait,
				    struct uffd_msg *msg)
{
	struct wait_queue_entry wait;
	ssize_t ret;

	init_waitqueue_entry(&wait, current);
	add_wait_queue(&ctx->fd_wqh, &wait);
	for (;;) {
		struct userfaultfd_wait_queue *uwq;

		set_current_state(TASK_INTERRUPTIBLE);
		uwq = find_userfault_in(&ctx->fault_pending_wqh);
		if (uwq) {
			list_del(&uwq->wq.entry);
			add_wait_queue(&ctx->fault_wqh, &uwq->wq);
			*msg = uwq->msg;
			ret = 0;
			break;
		}
		if (waitqueue_active(&ctx->event_wqh)) {
			ret = userfaultfd_read_event(ctx, msg);
			break;
		}
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		if (no_wait) {
			ret = -EAGAIN;
			break;
		}
		schedule();
	}
	remove_wait_queue(&ctx->fd_wqh, &wait);
	__set_current_state(TASK_RUNNING);
	return ret;
}

/*
 * read(2): whole messages only (EINVAL for less than one), as many as
 * fit and are there, sleeping only for the first. Linux: userfaultfd_read()
 */
static ssize_t userfaultfd_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct userfaultfd_ctx *ctx = file->private_data;
	bool no_wait = file->f_flags & O_NONBLOCK;
	ssize_t ret = 0, err;
	struct uffd_msg msg;

	if (!userfaultfd_is_initialized(ctx))
		return -EINVAL;
	for (;;) {
		if (iov_iter_count(to) < sizeof(msg))
			return ret ? ret : -EINVAL;
		err = userfaultfd_ctx_read(ctx, no_wait, &msg);
		if (err < 0)
			return ret ? ret : err;
		if (copy_to_iter(&msg, sizeof(msg), to) != sizeof(msg))
			return ret ? ret : -EFAULT;
		ret += sizeof(msg);
		no_wait = true;
	}
}

static const struct file_operations userfaultfd_fops = {
	.llseek = noop_llseek,
	.read_iter = userfaultfd_read_iter,
	.poll = userfaultfd_poll,
	.unlocked_ioctl = userfaultfd_ioctl,
	.release = userfaultfd_release,
};

/* A new ctx for mm (holding mm_count), with one reference. */
struct userfaultfd_ctx *userfaultfd_ctx_alloc(struct mm_struct *mm, unsigned int flags,
						     unsigned int features)
{
	struct userfaultfd_ctx *ctx = kmem_cache_alloc(userfaultfd_ctx_cachep, GFP_KERNEL);

	if (!ctx)
		return NULL;
	init_waitqueue_head(&ctx->fault_pending_wqh);
	init_waitqueue_head(&ctx->fault_wqh);
	init_waitqueue_head(&ctx->event_wqh);
	init_waitqueue_head(&ctx->fd_wqh);
	ctx->refcount = 1;
	ctx->flags = flags;
	ctx->features = features;
	ctx->released = false;
	atomic_set(&ctx->mmap_changing, 0);
	ctx->mm = mm;
	mmgrab(mm);
	return ctx;
}

/*
 * A uffd for the current address space. flags: O_CLOEXEC, O_NONBLOCK
 * (the file's) and UFFD_USER_MODE_ONLY. Linux: new_userfaultfd()
 */
int new_userfaultfd(int flags)
{
	struct userfaultfd_ctx *ctx;
	int fd;

	if (flags & ~(UFFD_SHARED_FCNTL_FLAGS | UFFD_USER_MODE_ONLY))
		return -EINVAL;
	ctx = userfaultfd_ctx_alloc(current->mm, (unsigned int)flags, 0);
	if (!ctx)
		return -ENOMEM;
	fd = anon_inode_getfd_secure("[userfaultfd]", &userfaultfd_fops, ctx,
			      O_RDONLY | (flags & UFFD_SHARED_FCNTL_FLAGS));
	if (fd < 0) {
		mmdrop(ctx->mm);
		kmem_cache_free(userfaultfd_ctx_cachep, ctx);
	}
	return fd;
}

/*
 * Kernel-mode faults (a system call copying to registered memory) are
 * for CAP_SYS_PTRACE, or everyone when vm.unprivileged_userfaultfd is 1;
 * user-mode ones for everyone. Faultline runs everything with every
 * capability for now. Linux: userfaultfd_syscall_allowed()
 */
static bool userfaultfd_syscall_allowed(int flags)
{
	if (flags & UFFD_USER_MODE_ONLY)
		return true;
	if (capable(CAP_SYS_PTRACE))
		return true;
	return sysctl_unprivileged_userfaultfd;
}

SYSCALL_DEFINE1(userfaultfd, int, flags)
{
	if (!userfaultfd_syscall_allowed(flags))
		return -EPERM;
	return new_userfaultfd(flags);
}

/*
 * /dev/userfaultfd (since 6.1): its one ioctl makes a uffd like the
 * system call, the permission being the device node's mode instead of
 * CAP_SYS_PTRACE. Linux: userfaultfd_dev_ioctl()
 */
static long userfaultfd_dev_ioctl(struct file *file, unsigned int cmd, unsigned long flags)
{
	if (cmd != USERFAULTFD_IOC_NEW)
		return -EINVAL;
	return new_userfaultfd((int)flags);
}

static const struct file_operations userfaultfd_dev_fops = {
	.llseek = noop_llseek,
	.unlocked_ioctl = userfaultfd_dev_ioctl,
};

static struct miscdevice userfaultfd_misc = {
	.minor = USERFAULTFD_MINOR,
	.name = "userfaultfd",
	.fops = &userfaultfd_dev_fops,
};

/* Linux: userfaultfd_init() */
void userfaultfd_init(void)
{
	userfaultfd_ctx_cachep = kmem_cache_create("userfaultfd_ctx_cache",
						   sizeof(struct userfaultfd_ctx), 0,
						   SLAB_PANIC | SLAB_HWCACHE_ALIGN, NULL);
	misc_register(&userfaultfd_misc);
}
