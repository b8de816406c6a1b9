// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for userfaultfd's hand-off (fs/userfaultfd.c) and fills
 * (mm/userfaultfd.c), where the internal state matters: which queue a
 * faulting task's uwq is on at each step, what a registration does to
 * the VMAs, what a fill leaves in the page tables. The faulting task is
 * a kernel thread using the test's address space (a kernel-mode fault,
 * as a system call's copy_to_user would take).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/mman.h>
#include <linux/completion.h>
#include <linux/sched/task.h>
#include <linux/fdtable.h>
#include <linux/fcntl.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>
#include "userfaultfd_internal.h"

#define P	PAGE_SIZE
#define RW	(PROT_READ | PROT_WRITE)

/* A uffd on the test's mm with the API done, and a user page for ioctl arguments. */
struct uffd_fixture {
	struct mm_struct *mm;
	struct file *file;
	struct userfaultfd_ctx *ctx;
	int fd;
	unsigned long args;	/* a user page: the ioctls' structures go there */
};

static long uffd_ioctl(struct uffd_fixture *f, unsigned int cmd, void *arg, size_t size)
{
	long ret;

	if (copy_to_user((void __user *)f->args, arg, size))
		return -EFAULT;
	ret = userfaultfd_ioctl(f->file, cmd, f->args);
	if (copy_from_user(arg, (void __user *)f->args, size))
		return -EFAULT;
	return ret;
}

static bool uffd_setup(struct ktest_ctx *t, struct uffd_fixture *f, u64 features)
{
	struct uffdio_api api = { .api = UFFD_API, .features = features };

	f->mm = ktest_mm_create();
	if (!KT_EXPECT_TRUE(t, f->mm))
		return false;
	f->args = vm_mmap(NULL, 0, P, RW, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	f->fd = new_userfaultfd(O_NONBLOCK);	/* a read with nothing queued fails, never hangs */
	if (!KT_EXPECT_TRUE(t, f->fd >= 0))
		return false;
	f->file = fget((unsigned int)f->fd);
	f->ctx = f->file->private_data;
	return KT_EXPECT_EQ(t, 0, uffd_ioctl(f, UFFDIO_API, &api, sizeof(api)));
}

static void uffd_teardown(struct ktest_ctx *t, struct uffd_fixture *f)
{
	if (f->file)
		fput(f->file);
	if (f->fd >= 0)
		close_fd((unsigned int)f->fd);
	if (f->mm)
		KT_EXPECT_EQ(t, 0, ktest_mm_destroy(f->mm));
}

static long uffd_register_range(struct uffd_fixture *f, unsigned long start, unsigned long len,
				u64 mode)
{
	struct uffdio_register reg = { .range = { start, len }, .mode = mode };

	return uffd_ioctl(f, UFFDIO_REGISTER, &reg, sizeof(reg));
}

static int uwqs_on(struct wait_queue_head *wqh)
{
	struct wait_queue_entry *e;
	int n = 0;

	list_for_each_entry(e, &wqh->head, entry)
		n++;
	return n;
}

/* The faulting kernel thread: read a byte of the registered page. */
struct faulter {
	struct mm_struct *mm;
	unsigned long addr;
	int got;
	int ret;
	struct completion done;
};

static int faulter_fn(void *arg)
{
	struct faulter *fa = arg;
	char c = 0;

	kthread_use_mm(fa->mm);
	fa->ret = get_user(c, (char __user *)fa->addr);
	fa->got = c;
	kthread_unuse_mm(fa->mm);
	complete(&fa->done);
	return 0;
}

/* Start the faulter and run it until it sleeps (or ends). */
static pid_t start_faulter(struct faulter *fa)
{
	pid_t pid;

	init_completion(&fa->done);
	/* Sharing the file table: a copy of it would hold the uffd open. */
	pid = kernel_thread(faulter_fn, fa, "uffd-faulter", CLONE_FILES | SIGCHLD);
	for (int i = 0; i < 10; i++)
		yield();
	return pid;
}

/* Make sure the faulter ends even if the test failed, and reap it. */
static void stop_faulter(struct uffd_fixture *f, struct faulter *fa, pid_t pid)
{
	struct userfaultfd_wake_range all = { .len = 0 };
	int status;

	wake_userfault(f->ctx, &all);
	wait_for_completion(&fa->done);
	kernel_wait(pid, &status);
}

KTEST(uffd, handoff, "a fault queues its message and sleeps; read() moves it from fault_pending_wqh to fault_wqh; UFFDIO_COPY wakes it and the retried fault finds the page")
{
	struct uffd_fixture f = { .fd = -1 };
	struct faulter fa = { 0 };
	struct uffdio_copy copy;
	struct uffd_msg msg;
	unsigned long a, src;
	pid_t pid;

	if (!uffd_setup(t, &f, UFFD_FEATURE_THREAD_ID))
		goto out;
	a = vm_mmap(NULL, 0, P, RW, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	src = vm_mmap(NULL, 0, P, RW, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	KT_EXPECT_EQ(t, 0, put_user((char)'u', (char __user *)src + 5));
	KT_EXPECT_EQ(t, 0, uffd_register_range(&f, a, P, UFFDIO_REGISTER_MODE_MISSING));
	fa.mm = f.mm;
	fa.addr = a + 5;
	pid = start_faulter(&fa);
	KT_EXPECT_EQ(t, 1, uwqs_on(&f.ctx->fault_pending_wqh));
	KT_EXPECT_EQ(t, 0, uwqs_on(&f.ctx->fault_wqh));
	KT_EXPECT_EQ(t, 2, f.ctx->refcount);		/* the file's and the fault's */

	KT_EXPECT_EQ(t, sizeof(msg), kernel_read(f.file, &msg, sizeof(msg), NULL));
	KT_EXPECT_EQ(t, UFFD_EVENT_PAGEFAULT, msg.event);
	KT_EXPECT_EQ(t, a, msg.arg.pagefault.address);		/* rounded to its page */
	KT_EXPECT_EQ(t, 0, msg.arg.pagefault.flags);		/* a read */
	KT_EXPECT_EQ(t, pid, msg.arg.pagefault.feat.ptid);
	KT_EXPECT_EQ(t, 0, uwqs_on(&f.ctx->fault_pending_wqh));
	KT_EXPECT_EQ(t, 1, uwqs_on(&f.ctx->fault_wqh));

	copy = (struct uffdio_copy){ .dst = a, .src = src, .len = P };
	KT_EXPECT_EQ(t, 0, uffd_ioctl(&f, UFFDIO_COPY, &copy, sizeof(copy)));
	KT_EXPECT_EQ(t, P, copy.copy);
	KT_EXPECT_EQ(t, 0, uwqs_on(&f.ctx->fault_wqh));	/* woken: off the queue */
	stop_faulter(&f, &fa, pid);
	KT_EXPECT_EQ(t, 0, fa.ret);
	KT_EXPECT_EQ(t, 'u', fa.got);
	KT_EXPECT_EQ(t, 1, f.ctx->refcount);
out:
	uffd_teardown(t, &f);
}

KTEST(uffd, release_wakes, "closing the uffd wakes a sleeping fault, which is then served as if never registered, and takes the uffd off the VMAs")
{
	struct uffd_fixture f = { .fd = -1 };
	struct faulter fa = { 0 };
	struct vm_area_struct *vma;
	unsigned long a;
	int status;
	pid_t pid;

	if (!uffd_setup(t, &f, 0))
		goto out;
	a = vm_mmap(NULL, 0, 3 * P, RW, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	KT_EXPECT_EQ(t, 0, uffd_register_range(&f, a + P, P, UFFDIO_REGISTER_MODE_MISSING));
	vma = find_vma(f.mm, a + P);
	KT_EXPECT_TRUE(t, vma->vm_start == a + P && vma->vm_end == a + 2 * P);
	KT_EXPECT_PTR_EQ(t, f.ctx, vma->vm_userfaultfd_ctx.ctx);
	fa.mm = f.mm;
	fa.addr = a + P;
	fa.got = -1;
	pid = start_faulter(&fa);
	KT_EXPECT_EQ(t, 1, uwqs_on(&f.ctx->fault_pending_wqh));
	close_fd((unsigned int)f.fd);
	f.fd = -1;
	fput(f.file);			/* the last reference: release */
	f.file = NULL;
	wait_for_completion(&fa.done);
	kernel_wait(pid, &status);
	KT_EXPECT_EQ(t, 0, fa.ret);
	KT_EXPECT_EQ(t, 0, fa.got);	/* the zero page, as without a uffd */
	vma = find_vma(f.mm, a);
	KT_EXPECT_TRUE(t, vma->vm_start <= a && vma->vm_end >= a + 3 * P);	/* merged back */
	KT_EXPECT_TRUE(t, !vma->vm_userfaultfd_ctx.ctx && !(vma->vm_flags & __VM_UFFD_FLAGS));
out:
	uffd_teardown(t, &f);
}

KTEST(uffd, merge_identity, "VMAs with the same flags but different uffds do not merge; registering the neighbour with the same uffd merges it; registering a middle part splits")
{
	struct uffd_fixture f = { .fd = -1 }, f2 = { .fd = -1 };
	struct uffdio_api api = { .api = UFFD_API };
	struct vm_area_struct *vma;
	struct uffdio_range range;
	unsigned long a, b;

	if (!uffd_setup(t, &f, 0))
		goto out;
	f2 = f;				/* the same mm and argument page, another uffd */
	f2.fd = new_userfaultfd(0);
	f2.file = fget((unsigned int)f2.fd);
	KT_EXPECT_EQ(t, 0, uffd_ioctl(&f2, UFFDIO_API, &api, sizeof(api)));
	a = vm_mmap(NULL, 0, 4 * P, RW, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	KT_EXPECT_EQ(t, 0, uffd_register_range(&f, a, 4 * P, UFFDIO_REGISTER_MODE_MISSING));
	b = vm_mmap(NULL, a - P, P, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
	KT_EXPECT_EQ(t, a - P, b);
	vma = find_vma(f.mm, b);
	KT_EXPECT_TRUE(t, vma->vm_end == a && !vma->vm_userfaultfd_ctx.ctx);	/* not merged */
	KT_EXPECT_EQ(t, 0, uffd_register_range(&f2, b, P, UFFDIO_REGISTER_MODE_MISSING));
	vma = find_vma(f.mm, b);
	/* The same flags, another uffd: still apart. */
	KT_EXPECT_TRUE(t, vma->vm_end == a && vma->vm_userfaultfd_ctx.ctx == f2.file->private_data);
	range = (struct uffdio_range){ b, P };
	KT_EXPECT_EQ(t, 0, uffd_ioctl(&f2, UFFDIO_UNREGISTER, &range, sizeof(range)));
	fput(f2.file);
	close_fd((unsigned int)f2.fd);
	KT_EXPECT_EQ(t, 0, uffd_register_range(&f, b, P, UFFDIO_REGISTER_MODE_MISSING));
	vma = find_vma(f.mm, b);
	KT_EXPECT_TRUE(t, vma->vm_start == b && vma->vm_end == a + 4 * P);	/* now it is */
	KT_EXPECT_EQ(t, 0, uffd_register_range(&f, a + P, P,
					       UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP));
	vma = find_vma(f.mm, a + P);
	KT_EXPECT_TRUE(t, vma->vm_start == a + P && vma->vm_end == a + 2 * P);	/* split */
	KT_EXPECT_EQ(t, VM_UFFD_MISSING | VM_UFFD_WP, vma->vm_flags & __VM_UFFD_FLAGS);
	KT_EXPECT_TRUE(t, vma->vm_prev->vm_userfaultfd_ctx.ctx == f.ctx &&
			  !(vma->vm_prev->vm_flags & VM_UFFD_WP));
out:
	uffd_teardown(t, &f);
}

KTEST(uffd, wp_bits, "UFFDIO_WRITEPROTECT sets the uffd-wp bit and clears the write bit, so a write goes to the uffd (here SIGBUS); lifting it clears the bit and leaves a private page read-only until its next write")
{
	struct uffd_fixture f = { .fd = -1 };
	struct uffdio_writeprotect wp;
	unsigned long a;
	pte_t *pte;

	/* SIGBUS: a write that would wait for a monitor fails at once instead. */
	if (!uffd_setup(t, &f, UFFD_FEATURE_PAGEFAULT_FLAG_WP | UFFD_FEATURE_SIGBUS))
		goto out;
	a = vm_mmap(NULL, 0, P, RW, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	KT_EXPECT_EQ(t, 0, uffd_register_range(&f, a, P, UFFDIO_REGISTER_MODE_WP));
	KT_EXPECT_EQ(t, 0, put_user((char)1, (char __user *)a));
	pte = ktest_pte(a);
	KT_ASSERT_TRUE(t, pte && pte_write(*pte) && !pte_uffd_wp(*pte));
	wp = (struct uffdio_writeprotect){ .range = { a, P }, .mode = UFFDIO_WRITEPROTECT_MODE_WP };
	KT_EXPECT_EQ(t, 0, uffd_ioctl(&f, UFFDIO_WRITEPROTECT, &wp, sizeof(wp)));
	KT_EXPECT_TRUE(t, pte_uffd_wp(*pte) && !pte_write(*pte) && pte_present(*pte));
	KT_EXPECT_EQ(t, -EFAULT, put_user((char)3, (char __user *)a));	/* the monitor's */
	wp.mode = 0;
	KT_EXPECT_EQ(t, 0, uffd_ioctl(&f, UFFDIO_WRITEPROTECT, &wp, sizeof(wp)));
	KT_EXPECT_TRUE(t, !pte_uffd_wp(*pte) && !pte_write(*pte));
	KT_EXPECT_EQ(t, 0, put_user((char)2, (char __user *)a));	/* reused, not copied */
	KT_EXPECT_TRUE(t, pte_write(*pte));
out:
	uffd_teardown(t, &f);
}

KTEST(uffd, copy_fail_nth, "UFFDIO_COPY failing at each of its allocations in turn: ENOMEM, the page still missing, nothing leaked")
{
	struct uffd_fixture f = { .fd = -1 };
	struct uffdio_copy copy;
	unsigned long a, src;
	int n;

	if (!uffd_setup(t, &f, 0))
		goto out;
	src = vm_mmap(NULL, 0, P, RW, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	KT_EXPECT_EQ(t, 0, put_user((char)'n', (char __user *)src));
	for (n = 1; n < 50; n++) {
		/*
		 * Made afresh each time, alone in its 512 GiB: a fill needs an
		 * anon_vma and every table level (what an earlier attempt got
		 * before it failed would stay otherwise).
		 */
		vm_munmap(0x320000000000UL, P);
		a = vm_mmap(NULL, 0x320000000000UL, P, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
		KT_EXPECT_EQ(t, 0, uffd_register_range(&f, a, P, UFFDIO_REGISTER_MODE_MISSING));
		copy = (struct uffdio_copy){ .dst = a, .src = src, .len = P };
		current->fail_nth = n;
		if (uffd_ioctl(&f, UFFDIO_COPY, &copy, sizeof(copy)) == 0)
			break;
		KT_EXPECT_EQ(t, -ENOMEM, copy.copy);
		KT_EXPECT_TRUE(t, !ktest_pte(a) || pte_none(*ktest_pte(a)));
	}
	current->fail_nth = 0;
	KT_EXPECT_EQ(t, 6, n);		/* anon_vma, its avc, the PUD, PMD and PTE tables */
	KT_EXPECT_TRUE(t, ktest_pte(a) && pte_present(*ktest_pte(a)));
out:
	uffd_teardown(t, &f);
}
