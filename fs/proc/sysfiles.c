// SPDX-License-Identifier: GPL-2.0
/*
 * The small system files of /proc: version, uptime, loadavg, stat,
 * cpuinfo, cmdline, filesystems, slabinfo. Linux: fs/proc/version.c,
 * uptime.c, loadavg.c, stat.c, cmdline.c, arch/x86/kernel/cpu/proc.c,
 * fs/filesystems.c, mm/slab_common.c (slabinfo)
 *
 * Each in Linux 6.1's format. The values are Faultline's: one CPU, the
 * file systems it has, its slab caches, its interrupt counts.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/init.h>
#include <linux/utsname.h>
#include <linux/timekeeping.h>
#include <linux/time64.h>
#include <asm/cpufeature.h>
#include <asm/irq.h>
#include <asm/processor.h>
#include "internal.h"

#define USER_HZ		100	/* the unit of /proc/stat's times */
#define NR_LEGACY_IRQS	16

/* Linux: version_proc_show(): the banner, as "Linux version ..." */
int version_proc_show(struct seq_file *m, struct task_struct *task)
{
	seq_printf(m, "Linux version %s (faultline@faultline) (gcc %s) #1 Faultline %s\n",
		   UTS_RELEASE, __VERSION__, FAULTLINE_VERSION);
	return 0;
}

/* Seconds since boot and seconds idle, to 1/100. Linux: uptime_proc_show() */
int uptime_proc_show(struct seq_file *m, struct task_struct *task)
{
	u64 up = ktime_get_boottime_ns(), idle = kcpustat[CPUTIME_IDLE];

	seq_printf(m, "%lu.%02lu %lu.%02lu\n",
		   (unsigned long)(up / NSEC_PER_SEC),
		   (unsigned long)(up % NSEC_PER_SEC / (NSEC_PER_SEC / 100)),
		   (unsigned long)(idle / NSEC_PER_SEC),
		   (unsigned long)(idle % NSEC_PER_SEC / (NSEC_PER_SEC / 100)));
	return 0;
}

/* Linux: loadavg_proc_show() */
int loadavg_proc_show(struct seq_file *m, struct task_struct *task)
{
	unsigned long avnrun[3];

	for (int i = 0; i < 3; i++)
		avnrun[i] = avenrun[i] + FIXED_1 / 200;	/* rounded to 1/100 */
	seq_printf(m, "%lu.%02lu %lu.%02lu %lu.%02lu %lu/%lu %d\n",
		   LOAD_INT(avnrun[0]), LOAD_FRAC(avnrun[0]),
		   LOAD_INT(avnrun[1]), LOAD_FRAC(avnrun[1]),
		   LOAD_INT(avnrun[2]), LOAD_FRAC(avnrun[2]),
		   nr_running(), nr_processes(), last_pid_nr());
	return 0;
}

static unsigned long long nsec_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

static void show_cpu_line(struct seq_file *m, const char *label)
{
	static const int order[] = {
		CPUTIME_USER, CPUTIME_NICE, CPUTIME_SYSTEM, CPUTIME_IDLE, CPUTIME_IOWAIT,
		CPUTIME_IRQ, CPUTIME_SOFTIRQ, CPUTIME_STEAL, CPUTIME_GUEST, CPUTIME_GUEST_NICE,
	};

	seq_puts(m, label);
	for (size_t i = 0; i < ARRAY_SIZE(order); i++)
		seq_put_decimal_ull(m, " ", nsec_to_clock_t(kcpustat[order[i]]));
	seq_putc(m, '\n');
}

/*
 * Linux: show_stat(). "intr" is the total and then one count per IRQ
 * line; Faultline has the 16 lines of the two 8259s (Linux lists every
 * vector its interrupt controller could use). No softirqs: all zero.
 */
int show_stat(struct seq_file *m, struct task_struct *task)
{
	unsigned long sum = 0;
	u64 boot_ns = ktime_get_boottime_ns();

	show_cpu_line(m, "cpu ");
	show_cpu_line(m, "cpu0");
	for (unsigned int irq = 0; irq < NR_LEGACY_IRQS; irq++)
		sum += irq_count(irq);
	seq_put_decimal_ull(m, "intr ", sum);
	for (unsigned int irq = 0; irq < NR_LEGACY_IRQS; irq++)
		seq_put_decimal_ull(m, " ", irq_count(irq));
	seq_printf(m, "\nctxt %lu\nbtime %llu\nprocesses %lu\nprocs_running %lu\n"
		   "procs_blocked %lu\n", nr_context_switches(),
		   (unsigned long long)((ktime_get_real_ns() - boot_ns) / NSEC_PER_SEC),
		   nr_forks(), nr_running(), 0UL);
	seq_puts(m, "softirq 0 0 0 0 0 0 0 0 0 0 0\n");
	return 0;
}

/* Linux: show_cpuinfo(), the lines Faultline knows of its one CPU */
int cpuinfo_show(struct seq_file *m, struct task_struct *task)
{
	const struct cpuinfo_x86 *c = &boot_cpu_data;
	unsigned long lpj = tsc_khz * 1000 / HZ;
	u32 eax, ebx, ecx, edx, level;

	seq_printf(m, "processor\t: 0\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n"
		   "model name\t: %s\nstepping\t: %u\n",
		   c->vendor_id, c->family, c->model, c->model_id[0] ? c->model_id : "unknown",
		   c->stepping);
	seq_printf(m, "cpu MHz\t\t: %lu.%03lu\n", tsc_khz / 1000, tsc_khz % 1000);
	cpuid(0x80000000, &eax, &ebx, &ecx, &edx);
	if (eax >= 0x80000006) {
		cpuid(0x80000006, &eax, &ebx, &ecx, &edx);
		seq_printf(m, "cache size\t: %u KB\n", ecx >> 16);	/* L2 */
	}
	cpuid(0, &level, &ebx, &ecx, &edx);
	seq_printf(m, "physical id\t: 0\nsiblings\t: 1\ncore id\t\t: 0\ncpu cores\t: 1\n"
		   "apicid\t\t: 0\ninitial apicid\t: 0\nfpu\t\t: yes\nfpu_exception\t: yes\n"
		   "cpuid level\t: %u\nwp\t\t: yes\n", level);
	seq_puts(m, "flags\t\t: fpu");
	if (boot_cpu_has(X86_FEATURE_PGE))
		seq_puts(m, " pge");
	if (boot_cpu_has(X86_FEATURE_FXSR))
		seq_puts(m, " fxsr");
	if (boot_cpu_has(X86_FEATURE_XMM))
		seq_puts(m, " sse");
	if (boot_cpu_has(X86_FEATURE_NX))
		seq_puts(m, " nx");
	if (boot_cpu_has(X86_FEATURE_GBPAGES))
		seq_puts(m, " pdpe1gb");
	if (boot_cpu_has(X86_FEATURE_RDRAND))
		seq_puts(m, " rdrand");
	if (boot_cpu_has(X86_FEATURE_HYPERVISOR))
		seq_puts(m, " hypervisor");
	if (boot_cpu_has(X86_FEATURE_SMEP))
		seq_puts(m, " smep");
	if (boot_cpu_has(X86_FEATURE_SMAP))
		seq_puts(m, " smap");
	if (boot_cpu_has(X86_FEATURE_UMIP))
		seq_puts(m, " umip");
	if (boot_cpu_has(X86_FEATURE_PKU))
		seq_puts(m, " pku");
	if (boot_cpu_has(X86_FEATURE_LA57))
		seq_puts(m, " la57");
	/* Linux's BogoMIPS: loops_per_jiffy (the TSC's cycles per tick) / (500000 / HZ) */
	seq_printf(m, "\nbogomips\t: %lu.%02lu", lpj / (500000 / HZ), (lpj / (5000 / HZ)) % 100);
	seq_printf(m, "\nclflush size\t: 64\ncache_alignment\t: 64\n"
		   "address sizes\t: %u bits physical, %u bits virtual\npower management:\n\n",
		   c->phys_bits, c->virt_bits);
	return 0;
}

/* Linux: cmdline_proc_show() */
int cmdline_proc_show(struct seq_file *m, struct task_struct *task)
{
	seq_puts(m, boot_command_line);
	seq_putc(m, '\n');
	return 0;
}

/* Linux: filesystems_proc_show(), in the order they were registered */
int filesystems_proc_show(struct seq_file *m, struct task_struct *task)
{
	seq_puts(m, "nodev\tsysfs\nnodev\ttmpfs\nnodev\tproc\n");
	return 0;
}

/*
 * Linux: slab_show() and cache_show() (SLUB: no tunables, no shared
 * objects), newest cache first as Linux lists them.
 */
int slabinfo_show(struct seq_file *m, struct task_struct *task)
{
	struct kmem_cache *s;

	seq_puts(m, "slabinfo - version: 2.1\n");
	seq_puts(m, "# name            <active_objs> <num_objs> <objsize> <objperslab> "
		 "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata "
		 "<active_slabs> <num_slabs> <sharedavail>\n");
	list_for_each_entry_reverse(s, &slab_caches, list) {
		seq_printf(m, "%-17s %6lu %6lu %6u %4u %4d", s->name, s->active_objects,
			   s->total_objects, s->size, s->objects_per_slab, 1 << s->order);
		seq_printf(m, " : tunables %4u %4u %4u", 0, 0, 0);
		seq_printf(m, " : slabdata %6lu %6lu %6lu\n", s->nr_slabs, s->nr_slabs, 0UL);
	}
	return 0;
}
