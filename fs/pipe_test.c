// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for pipe2 (fs/pipe.c): running out of memory at any allocation
 * of it returns -ENOMEM with nothing leaked and nothing half-released.
 * Failures are injected with fail_nth (include/linux/fault-inject.h).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>
#include <asm/ptrace.h>

long __x64_sys_pipe2(const struct pt_regs *regs);

/*
 * Fail the 1st, 2nd, 3rd, ... allocation of pipe2 in turn, until one
 * that fails nothing makes a pipe. The inode, the pipe, the dentry and
 * the two files are each allocated in turn; the failure of the second
 * file used to release the first before it pointed at its pipe (an oops).
 */
KTEST(pipe, pipe2_enomem, "pipe2 out of memory at each allocation in turn: -ENOMEM, no oops, no page leaked")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long fds = vm_mmap(NULL, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
				    MAP_PRIVATE | MAP_ANONYMOUS, 0);
	struct pt_regs regs = { .di = fds, .si = O_CLOEXEC };
	unsigned long free_before;
	int fd[2] = { -1, -1 };
	long err = -ENOMEM;
	unsigned int n;

	KT_ASSERT_TRUE(t, mm && !IS_ERR_VALUE(fds));
	KT_ASSERT_EQ(t, 0, copy_to_user((void __user *)fds, fd, sizeof(fd)));	/* fault it in */
	for (n = 1; n < 100; n++) {
		kmem_cache_shrink_all();
		free_before = nr_free_pages();
		current->fail_nth = n;
		err = __x64_sys_pipe2(&regs);
		current->fail_nth = 0;
		if (!err)
			break;
		kmem_cache_shrink_all();
		KT_EXPECT_EQ(t, free_before, nr_free_pages());
		if (!KT_EXPECT_EQ(t, -ENOMEM, err))
			break;
	}
	KT_EXPECT_EQ(t, 0, err);
	KT_EXPECT_TRUE(t, n > 5);	/* inode, pipe, dentry and two files failed first */
	if (!err && !copy_from_user(fd, (void __user *)fds, sizeof(fd))) {
		KT_EXPECT_EQ(t, 0, close_fd((unsigned int)fd[0]));
		KT_EXPECT_EQ(t, 0, close_fd((unsigned int)fd[1]));
	}
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
