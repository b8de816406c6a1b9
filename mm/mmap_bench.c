// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of the address space and the fault path (bench=all or
 * bench=mm), run by `make bench` under QEMU -icount, where a nanosecond
 * is one guest instruction. Each fault here is a kernel-mode fault on a
 * user address (put_user/get_user into an address space the benchmark
 * built): the same path a user fault takes, minus the entry from and
 * return to user mode.
 *
 * Lines: "bench: <what>: <n> ns ..." (tests/run-bench puts Linux's figure
 * beside each).
 */
#include <linux/kernel.h>
#include <linux/mman.h>
#include <linux/namei.h>
#include <linux/ktest.h>
#include <linux/ktest_mm.h>
#include <linux/timekeeping.h>
#include <linux/prandom.h>
#include <asm/processor.h>
#include <asm/uaccess.h>

#define P	PAGE_SIZE
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)

static u64 now_ns(void)
{
	return tsc_cycles_to_ns(rdtsc_ordered());
}

/* Touch n pages from a, writing or reading; returns ns per page. */
static u64 touch_pages(unsigned long a, unsigned long n, bool write)
{
	u64 t0 = now_ns();
	volatile char c = 0;

	for (unsigned long i = 0; i < n; i++) {
		char v;

		if (write)
			put_user((char)1, (char *)(a + i * P));
		else if (!get_user(v, (char *)(a + i * P)))
			c += v;
	}
	return (now_ns() - t0) / n;
}

static void bench_anon_faults(void)
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long n = 4000, a = vm_mmap(NULL, 0, n * P, RW, ANON, 0);

	pr_info("bench: anonymous write fault: %llu ns per page\n", touch_pages(a, n, true));
	vm_munmap(a, n * P);
	a = vm_mmap(NULL, 0, n * P, RW, ANON, 0);
	pr_info("bench: zero-page read fault: %llu ns per page\n", touch_pages(a, n, false));
	ktest_mm_destroy(mm);
}

/* A tmpfs file of n pages, all in the page cache. */
static struct file *make_cached_file(unsigned long n)
{
	struct file *file = filp_open("/tmp/bench", O_RDWR | O_CREAT | O_TRUNC, 0600);
	static char page[4096];
	loff_t pos = 0;

	if (IS_ERR(file))
		return file;
	for (unsigned long i = 0; i < n; i++)
		kernel_write(file, page, P, &pos);
	return file;
}

static void bench_file_faults(void)
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long n = 4096, faults, a;
	struct file *file = make_cached_file(n);
	u64 per_page;

	a = vm_mmap(file, 0, n * P, PROT_READ, MAP_PRIVATE, 0);
	faults = fault_log_total();
	per_page = touch_pages(a, n, false);
	faults = fault_log_total() - faults;
	pr_info("bench: file read fault: %llu ns per fault, %llu ns per page with fault-around "
		"(%lu faults for %lu pages)\n", per_page * n / faults, per_page, faults, n);
	fput(file);
	init_unlink("/tmp/bench");
	ktest_mm_destroy(mm);
}

static void bench_mmap_munmap(void)
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long n = 4000;
	u64 t0 = now_ns();

	for (unsigned long i = 0; i < n; i++) {
		unsigned long a = vm_mmap(NULL, 0, P, RW, ANON, 0);

		put_user((char)1, (char *)a);
		vm_munmap(a, P);
	}
	pr_info("bench: mmap+touch+munmap of one page: %llu ns\n", (now_ns() - t0) / n);
	ktest_mm_destroy(mm);
}

static struct rnd_state rng = { 0x9e3779b97f4a7c15ULL };

static unsigned long rnd(unsigned long n)
{
	return prandom_below(&rng, n);
}

/* nr one-page VMAs from 0x10000000, every other page, none mergeable. */
static unsigned long populate_vmas(unsigned long nr)
{
	unsigned long base = 0x10000000;

	for (unsigned long i = 0; i < nr; i++)
		vm_mmap(NULL, base + 2 * i * P, P, i & 1 ? PROT_READ : RW, ANON | MAP_FIXED, 0);
	return base;
}

/* find_vma at random addresses, and one fault, among nr VMAs. */
static void bench_find_vma(unsigned long nr, u64 *fault_ns)
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long base = populate_vmas(nr), lookups = 20000, span = 2 * nr * P;
	unsigned long fa, found = 0;
	u64 t0 = now_ns(), ns;

	for (unsigned long i = 0; i < lookups; i++)
		found += find_vma(mm, base + rnd(span)) != NULL;
	ns = (now_ns() - t0) / lookups;
	fa = vm_mmap(NULL, 0, 2000 * P, RW, ANON, 0);
	*fault_ns = touch_pages(fa, 2000, true);
	pr_info("bench: find_vma among %lu VMAs: %llu ns; anonymous write fault among them: "
		"%llu ns\n", nr, ns, *fault_ns);
	ktest_mm_destroy(mm);
}

KBENCH(mm, bench_mm)
{
	u64 fault_100, fault_1000, fault_10000, fault_60000;

	bench_anon_faults();
	bench_file_faults();
	bench_mmap_munmap();
	bench_find_vma(100, &fault_100);
	bench_find_vma(1000, &fault_1000);
	bench_find_vma(10000, &fault_10000);
	bench_find_vma(60000, &fault_60000);
	pr_info("bench: fault among 60000 VMAs vs among 1000: %llu.%02llux\n",
		fault_60000 / fault_1000, fault_60000 * 100 / fault_1000 % 100);
}
