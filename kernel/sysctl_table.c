// SPDX-License-Identifier: GPL-2.0
/*
 * The tree of sysctls under /proc/sys: fs/, kernel/ and vm/ with the
 * entries test programs read and write, each as Linux 6.1 defines it
 * (type, mode, range). Linux: kernel/sysctl.c (kern_table, vm_table),
 * fs/file_table.c, fs/coredump.c, kernel/utsname_sysctl.c,
 * ipc/ipc_sysctl.c, mm/util.c, security/min_addr.c
 *
 * Linux spreads the tables over the subsystems that own them and
 * registers each at boot (register_sysctl_init); Faultline keeps one
 * static tree here, each table sorted by name as /proc/sys lists it.
 * Linux's other directories (abi, debug, dev, net, user ...) and other
 * entries are left out: Faultline has nothing behind them.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/sched.h>
#include <linux/fdtable.h>
#include <linux/coredump.h>
#include <linux/utsname.h>
#include <linux/vmstat.h>
#include <linux/mman.h>
#include <linux/pid.h>
#include <linux/sysctl.h>
#include <linux/swap.h>
#include <linux/ipc_namespace.h>
#include <linux/userfaultfd_k.h>
#include <linux/oom.h>
#include <linux/swap.h>

#define NR_FILE			8192		/* the least file-max */
#define IPCMNI			32768
#define BITS_PER_LONG		64
#define LSM_MMAP_MIN_ADDR	65536	/* Debian's CONFIG_LSM_MMAP_MIN_ADDR */

/* fs.file-max: not enforced, as Linux lets CAP_SYS_ADMIN (everyone here) past it. */
static unsigned long files_max_files;
static unsigned long zero_ul;
static unsigned long long_max = LONG_MAX;
static unsigned int sysctl_nr_open_min = BITS_PER_LONG;
/* The most fds an array of pointers can hold, rounded down to whole longs. */
static unsigned int sysctl_nr_open_max = (unsigned int)INT_MAX & ~(BITS_PER_LONG - 1);

/* kernel.shm*: the limits of System V shared memory (ipc/shm.c). */
static int ipc_mni = IPCMNI;

/* Setting kernel.shm_rmid_forced to 1 destroys the orphaned segments. Linux: proc_ipc_dointvec_minmax_orphans() */
static int proc_ipc_dointvec_minmax_orphans(struct ctl_table *table, int write, void *buffer,
					    size_t *lenp, loff_t *ppos)
{
	int err = proc_dointvec_minmax(table, write, buffer, lenp, ppos);

	if (!err && write && init_ipc_ns.shm_rmid_forced)
		shm_destroy_orphaned();
	return err;
}

/* kernel.randomize_va_space: Faultline never randomizes; linux-run boots with norandmaps. */
static int randomize_va_space;
static int pid_max_min = RESERVED_PIDS + 1;
static int pid_max_max = PID_MAX_LIMIT;

static int watermark_scale_factor_max = 3000;
static int sysctl_drop_caches;

/* vm.stat_refresh: Faultline's counters are always exact; nothing to fold. Linux: vmstat_refresh() */
static int vmstat_refresh(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			  loff_t *ppos)
{
	if (write)
		*ppos += (loff_t)*lenp;
	else
		*lenp = 0;
	return 0;
}

/*
 * vm.mmap_min_addr: the lowest address mmap hands out. Debian's kernel
 * has CONFIG_LSM_MMAP_MIN_ADDR=65536, so writing less keeps 65536 in
 * force; MAP_FIXED below what was written is allowed to CAP_SYS_RAWIO
 * (cap_mmap_addr).
 * Linux: security/min_addr.c mmap_min_addr_handler(), update_mmap_min_addr()
 */
static int mmap_min_addr_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
				 loff_t *ppos)
{
	int ret = proc_doulongvec_minmax(table, write, buffer, lenp, ppos);

	if (!ret && write)
		mmap_min_addr = max(dac_mmap_min_addr, (unsigned long)LSM_MMAP_MIN_ADDR);
	return ret;
}

static struct ctl_table fs_table[] = {
	{ .procname = "file-max", .data = &files_max_files, .maxlen = sizeof(unsigned long),
	  .mode = 0644, .proc_handler = proc_doulongvec_minmax, .extra1 = &zero_ul,
	  .extra2 = &long_max },
	{ .procname = "nr_open", .data = &sysctl_nr_open, .maxlen = sizeof(unsigned int),
	  .mode = 0644, .proc_handler = proc_dointvec_minmax, .extra1 = &sysctl_nr_open_min,
	  .extra2 = &sysctl_nr_open_max },
	{ }
};

static struct ctl_table kern_table[] = {
	{ .procname = "core_pattern", .data = core_pattern, .maxlen = CORENAME_MAX_SIZE,
	  .mode = 0644, .proc_handler = proc_dostring },
	{ .procname = "core_uses_pid", .data = &core_uses_pid, .maxlen = sizeof(int),
	  .mode = 0644, .proc_handler = proc_dointvec },
	{ .procname = "domainname", .data = init_utsname.domainname,
	  .maxlen = sizeof(init_utsname.domainname), .mode = 0644,
	  .proc_handler = proc_do_uts_string },
	{ .procname = "hostname", .data = init_utsname.nodename,
	  .maxlen = sizeof(init_utsname.nodename), .mode = 0644,
	  .proc_handler = proc_do_uts_string },
	{ .procname = "osrelease", .data = init_utsname.release,
	  .maxlen = sizeof(init_utsname.release), .mode = 0444,
	  .proc_handler = proc_do_uts_string },
	{ .procname = "ostype", .data = init_utsname.sysname,
	  .maxlen = sizeof(init_utsname.sysname), .mode = 0444,
	  .proc_handler = proc_do_uts_string },
	{ .procname = "pid_max", .data = &pid_max, .maxlen = sizeof(int), .mode = 0644,
	  .proc_handler = proc_dointvec_minmax, .extra1 = &pid_max_min, .extra2 = &pid_max_max },
	{ .procname = "randomize_va_space", .data = &randomize_va_space, .maxlen = sizeof(int),
	  .mode = 0644, .proc_handler = proc_dointvec },
	{ .procname = "shm_rmid_forced", .data = &init_ipc_ns.shm_rmid_forced,
	  .maxlen = sizeof(int), .mode = 0644, .proc_handler = proc_ipc_dointvec_minmax_orphans,
	  .extra1 = SYSCTL_ZERO, .extra2 = SYSCTL_ONE },
	{ .procname = "shmall", .data = &init_ipc_ns.shm_ctlall, .maxlen = sizeof(unsigned long),
	  .mode = 0644, .proc_handler = proc_doulongvec_minmax },
	{ .procname = "shmmax", .data = &init_ipc_ns.shm_ctlmax, .maxlen = sizeof(unsigned long),
	  .mode = 0644, .proc_handler = proc_doulongvec_minmax },
	{ .procname = "shmmni", .data = &init_ipc_ns.shm_ctlmni, .maxlen = sizeof(int), .mode = 0644,
	  .proc_handler = proc_dointvec_minmax, .extra1 = SYSCTL_ZERO, .extra2 = &ipc_mni },
	{ .procname = "threads-max", .maxlen = sizeof(int), .mode = 0644,
	  .proc_handler = sysctl_max_threads },
	{ }
};

static struct ctl_table vm_table[] = {
	{ .procname = "admin_reserve_kbytes", .data = &sysctl_admin_reserve_kbytes,
	  .maxlen = sizeof(unsigned long), .mode = 0644, .proc_handler = proc_doulongvec_minmax },
	{ .procname = "drop_caches", .data = &sysctl_drop_caches, .maxlen = sizeof(int),
	  .mode = 0200, .proc_handler = drop_caches_sysctl_handler, .extra1 = SYSCTL_ONE,
	  .extra2 = SYSCTL_FOUR },
	{ .procname = "lowmem_reserve_ratio", .data = &sysctl_lowmem_reserve_ratio,
	  .maxlen = sizeof(sysctl_lowmem_reserve_ratio), .mode = 0644,
	  .proc_handler = lowmem_reserve_ratio_sysctl_handler },
	{ .procname = "max_map_count", .data = &sysctl_max_map_count, .maxlen = sizeof(int),
	  .mode = 0644, .proc_handler = proc_dointvec_minmax, .extra1 = SYSCTL_ZERO },
	{ .procname = "min_free_kbytes", .data = &min_free_kbytes, .maxlen = sizeof(int),
	  .mode = 0644, .proc_handler = min_free_kbytes_sysctl_handler, .extra1 = SYSCTL_ZERO },
	{ .procname = "mmap_min_addr", .data = &dac_mmap_min_addr,
	  .maxlen = sizeof(unsigned long), .mode = 0644, .proc_handler = mmap_min_addr_handler },
	{ .procname = "overcommit_kbytes", .data = &sysctl_overcommit_kbytes,
	  .maxlen = sizeof(unsigned long), .mode = 0644, .proc_handler = overcommit_kbytes_handler },
	{ .procname = "oom_dump_tasks", .data = &sysctl_oom_dump_tasks, .maxlen = sizeof(int),
	  .mode = 0644, .proc_handler = proc_dointvec },
	{ .procname = "oom_kill_allocating_task", .data = &sysctl_oom_kill_allocating_task,
	  .maxlen = sizeof(int), .mode = 0644, .proc_handler = proc_dointvec },
	{ .procname = "overcommit_memory", .data = &sysctl_overcommit_memory,
	  .maxlen = sizeof(int), .mode = 0644, .proc_handler = overcommit_policy_handler,
	  .extra1 = SYSCTL_ZERO, .extra2 = SYSCTL_TWO },
	{ .procname = "overcommit_ratio", .data = &sysctl_overcommit_ratio, .maxlen = sizeof(int),
	  .mode = 0644, .proc_handler = overcommit_ratio_handler },
	{ .procname = "page-cluster", .data = &page_cluster, .maxlen = sizeof(int), .mode = 0644,
	  .proc_handler = proc_dointvec_minmax, .extra1 = SYSCTL_ZERO },
	{ .procname = "stat_refresh", .mode = 0600, .proc_handler = vmstat_refresh },
	{ .procname = "swappiness", .data = &vm_swappiness, .maxlen = sizeof(int), .mode = 0644,
	  .proc_handler = proc_dointvec_minmax, .extra1 = SYSCTL_ZERO,
	  .extra2 = SYSCTL_TWO_HUNDRED },
	{ .procname = "unprivileged_userfaultfd", .data = &sysctl_unprivileged_userfaultfd,
	  .maxlen = sizeof(int), .mode = 0644, .proc_handler = proc_dointvec_minmax,
	  .extra1 = SYSCTL_ZERO, .extra2 = SYSCTL_ONE },
	{ .procname = "user_reserve_kbytes", .data = &sysctl_user_reserve_kbytes,
	  .maxlen = sizeof(unsigned long), .mode = 0644, .proc_handler = proc_doulongvec_minmax },
	{ .procname = "watermark_scale_factor", .data = &watermark_scale_factor,
	  .maxlen = sizeof(int), .mode = 0644, .proc_handler = min_free_kbytes_sysctl_handler,
	  .extra1 = SYSCTL_ONE, .extra2 = &watermark_scale_factor_max },
	{ }
};

struct ctl_table sysctl_root_table[] = {
	{ .procname = "fs", .mode = 0555, .child = fs_table },
	{ .procname = "kernel", .mode = 0555, .child = kern_table },
	{ .procname = "vm", .mode = 0555, .child = vm_table },
	{ }
};

/*
 * The values Linux computes from memory at boot: file-max a tenth of
 * RAM's KiB less the memory in use (at least NR_FILE), the user and admin reserves
 * a 32nd of free memory (at most 128 MiB and 8 MiB); min_free_kbytes is
 * mm/watermark.c's. Linux: files_maxfiles_init(), init_user_reserve(),
 * init_admin_reserve()
 */
void sysctl_init_defaults(void)
{
	unsigned long free_pages = global_zone_page_state(NR_FREE_PAGES);
	unsigned long memreserve = (totalram_pages - free_pages) * 3 / 2;
	unsigned long free_kbytes = free_pages << (PAGE_SHIFT - 10);
	unsigned long n = 0;

	if (totalram_pages > memreserve)
		n = (totalram_pages - memreserve) * (PAGE_SIZE / 1024) / 10;
	files_max_files = max(n, (unsigned long)NR_FILE);
	sysctl_user_reserve_kbytes = min(free_kbytes / 32, 1UL << 17);
	sysctl_admin_reserve_kbytes = min(free_kbytes / 32, 1UL << 13);
}
