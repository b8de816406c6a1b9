// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): bring the pieces up in dependency order, then start
 * init. Linux: init/main.c
 *
 *   cpu_init        GDT, TSS, IDT, CR4 protections, SYSCALL: faults report from here on
 *   setup_arch      memory map, memblock, final page tables, struct pages
 *   parse_args      the command line, now that every handler is known
 *   mm_core_init    buddy allocator, slab, vmalloc
 *   ...             VFS and the root file system, devices
 *   init_IRQ/time   PIC, PIT tick, TSC clock; interrupts on
 *   rest_init       pid 1 (kernel_init) is created; this task becomes the
 *                   idle task
 *
 * kernel_init, as pid 1, runs the ktests, benchmarks or user tests the
 * command line asks for (and then powers off), or opens the console and
 * executes init: rdinit= (default /init), init=, then /sbin/init,
 * /etc/init, /bin/init, /bin/sh.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/panic.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/swap.h>
#include <linux/utsname.h>
#include <linux/timekeeping.h>
#include <linux/ktest.h>
#include <linux/radix-tree.h>
#include <linux/rmap.h>
#include <linux/vmalloc.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sysctl.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/fdtable.h>
#include <linux/futex.h>
#include <linux/binfmts.h>
#include <linux/random.h>
#include <linux/tty.h>
#include <linux/utest.h>
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <asm/reboot.h>
#include <asm/setup.h>

void chr_dev_init(void);
void userfaultfd_init(void);
void devtmpfs_init(void);
void pci_subsys_init(void);
void virtio_blk_init(void);
void virtio_pci_driver_init(void);
void timekeeping_init(void);

static char *ramdisk_execute_command = "/init";
static char *execute_command;

static int __init rdinit_setup(char *str)
{
	ramdisk_execute_command = str;
	return 1;
}
__setup("rdinit=", rdinit_setup);

static int __init init_setup(char *str)
{
	execute_command = str;
	return 1;
}
__setup("init=", init_setup);

static void show_zones(void)
{
	struct zone *zone;

	for_each_zone(zone) {
		if (!zone->spanned_pages)
			continue;
		pr_info("zone %-6s pfn %#07lx-%#07lx: %lu present, %lu managed, %lu free pages\n",
			zone->name, zone->zone_start_pfn, zone_end_pfn(zone) - 1,
			zone->present_pages, zone->managed_pages,
			zone_page_state(zone, NR_FREE_PAGES));
	}
	pr_info("buddy: free blocks of order 0..%d per zone (as /proc/buddyinfo):\n",
		MAX_ORDER - 1);
	show_buddyinfo();
}

/* The moment the kernel is ready for work: `make bench` measures up to here. */
static void kernel_ready(void)
{
	u64 since_reset = ns_since_reset(), since_entry = ktime_get_ns();

	pr_info("Faultline ready: %llu.%06llu s after reset, %llu.%06llu s after kernel entry\n",
		since_reset / NSEC_PER_SEC, since_reset % NSEC_PER_SEC / NSEC_PER_USEC,
		since_entry / NSEC_PER_SEC, since_entry % NSEC_PER_SEC / NSEC_PER_USEC);
}

/* fds 0, 1, 2 on /dev/console for init. Linux: console_on_rootfs() */
static void console_on_rootfs(void)
{
	struct file *file = filp_open("/dev/console", O_RDWR, 0);

	if (IS_ERR(file)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	for (int i = 0; i < 3; i++) {
		int fd = get_unused_fd_flags(0);

		if (fd >= 0)
			fd_install((unsigned int)fd, get_file(file));
	}
	fput(file);
}

static int run_init_process(const char *init_filename)
{
	pr_info("Run %s as init process\n", init_filename);
	argv_init[0] = init_filename;
	return kernel_execve(init_filename, argv_init, envp_init);
}

/* A missing file is no reason to stop trying the next candidate. */
static bool try_to_run_init_process(const char *init_filename)
{
	int ret = run_init_process(init_filename);

	if (ret && ret != -ENOENT)
		pr_err("Starting init: %s exists but couldn't execute it (error %d)\n",
		       init_filename, ret);
	return ret == 0;
}

/* pid 1. Linux: kernel_init() */
static int kernel_init(void *unused)
{
	child_reaper = current;
	current->signal->flags |= SIGNAL_UNKILLABLE;
	strlcpy(current->comm, "init", sizeof(current->comm));
	console_on_rootfs();
	if (ktest_run() | bench_run() | utest_run())
		machine_power_off();
	if (ramdisk_execute_command && try_to_run_init_process(ramdisk_execute_command))
		return 0;
	if (execute_command) {
		if (run_init_process(execute_command) == 0)
			return 0;
		panic("Requested init %s failed.", execute_command);
	}
	if (try_to_run_init_process("/sbin/init") || try_to_run_init_process("/etc/init") ||
	    try_to_run_init_process("/bin/init") || try_to_run_init_process("/bin/sh"))
		return 0;
	panic("No working init found.  Try passing init= option to kernel. "
	      "See Linux Documentation/admin-guide/init.rst for guidance.");
}

/* Linux: rest_init() */
static void __noreturn rest_init(void)
{
	pid_t pid = user_mode_thread(kernel_init, NULL, CLONE_FS);

	if (pid != 1)
		panic("rest_init: init got pid %d, not 1", pid);
	kswapd_run(0);		/* Linux: kswapd_init(), an initcall */
	cpu_startup_entry();
}

void start_kernel(unsigned long boot_protocol, unsigned long boot_info_phys)
{
	pr_notice("Faultline version %s (%s) (gcc %s) #1\n", FAULTLINE_VERSION,
		  UTS_RELEASE, __VERSION__);
	cpu_init();
	setup_arch(boot_protocol, boot_info_phys);
	pr_notice("Kernel command line: %s\n", boot_command_line);
	parse_args();
	mm_core_init();
	vmalloc_init();
	sched_init();
	fork_init();
	sysctl_init_defaults();
	signals_init();
	futex_init();
	radix_tree_init();
	anon_vma_init();
	vfs_caches_init();
	pagecache_init();
	init_IRQ();
	chr_dev_init();
	userfaultfd_init();
	tty_init();
	serial8250_init();
	populate_rootfs();
	devtmpfs_init();
	pci_subsys_init();
	virtio_blk_init();
	virtio_pci_driver_init();
	show_zones();
	time_init();
	timekeeping_init();
	random_init();
	local_irq_enable();
	kernel_ready();
	rest_init();
}
