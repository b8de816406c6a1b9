/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KTEST_H
#define _LINUX_KTEST_H

#include <linux/kernel.h>

/*
 * ktest: tests that run inside the kernel at boot, chosen on the command
 * line, reporting in TAP. No Linux counterpart of this size; it borrows
 * KUnit's shape (suites, expectations that print want and got).
 *
 *   ktest=all            every ordinary test
 *   ktest=buddy,slab     the tests of these suites
 *   ktest=buddy.split    one test, by suite and function name
 *   ktest=list           the names, one per line
 *
 * A test is a function registered with KTEST(suite, fn, "what it shows").
 * The runner checks after each test that no page leaked (the free page
 * count is back where it was, slab caches shrunk first) and that the page
 * allocator reported no bad page.
 *
 * KTEST_CRASH tests end the kernel on purpose (an oops, a stack overflow).
 * They run only when named one per boot (ktest=crash.stack_overflow);
 * each first prints "# expect: <text>" lines that the harness must then
 * find in the log.
 */
struct ktest_ctx;

struct ktest {
	const char *suite;
	const char *fn;
	const char *desc;
	void (*run)(struct ktest_ctx *t);
	unsigned int flags;
};

#define KTEST_CRASH		0x1	/* ends the kernel: one per boot */
#define KTEST_BAD_PAGE_OK	0x2	/* provokes bad_page reports on purpose */
#define KTEST_MM_AUDIT_OK	0x4	/* provokes mm audit errors on purpose */
#define KTEST_ICOUNT		0x8	/* asserts guest time: its own boot, under -icount */

struct ktest_ctx {
	const struct ktest *test;
	bool failed;
};

/* The test's function is suite_fn, so a test name never hides a kernel function. */
#define __KTEST(suite_, fn_, desc_, flags_)				\
	static void suite_##_##fn_(struct ktest_ctx *t);		\
	static const struct ktest __ktest_##suite_##_##fn_		\
		__used __section(".ktests") __aligned(8) = {		\
		.suite = #suite_, .fn = #fn_, .desc = desc_,		\
		.run = suite_##_##fn_, .flags = flags_,			\
	};								\
	static void suite_##_##fn_(struct ktest_ctx *t)

#define KTEST(suite, fn, desc)			__KTEST(suite, fn, desc, 0)
#define KTEST_FLAGS(suite, fn, desc, flags)	__KTEST(suite, fn, desc, flags)

bool ktest_check(struct ktest_ctx *t, bool ok, const char *file, int line,
		 const char *what, const char *fmt, ...) __printf(6, 7);

/* Record a failure showing want and got; evaluates to whether it held. */
#define KT_EXPECT_EQ(t, want, got) ({					\
	long long __w = (long long)(want), __g = (long long)(got);	\
	ktest_check(t, __w == __g, __FILE__, __LINE__, #got,		\
		    "want: %lld (%#llx)\n#     got:  %lld (%#llx)",	\
		    __w, (unsigned long long)__w, __g, (unsigned long long)__g); \
})

#define KT_EXPECT_TRUE(t, cond)						\
	ktest_check(t, !!(cond), __FILE__, __LINE__, #cond,		\
		    "want: true\n#     got:  false")

#define KT_EXPECT_PTR_EQ(t, want, got) ({				\
	const void *__w = (want), *__g = (got);				\
	ktest_check(t, __w == __g, __FILE__, __LINE__, #got,		\
		    "want: %px\n#     got:  %px", __w, __g);		\
})

/* The same, but the test stops at the first failure. */
#define KT_ASSERT_EQ(t, want, got)	do { if (!KT_EXPECT_EQ(t, want, got)) return; } while (0)
#define KT_ASSERT_TRUE(t, cond)		do { if (!KT_EXPECT_TRUE(t, cond)) return; } while (0)

/* Print "# expect: <text>" for the harness (crash tests). */
void ktest_expect_in_log(const char *text);
/*
 * How a crash test's boot must end, for the harness: "panic" (the
 * default), "reset" (a triple fault) or "timeout" (a hang).
 */
void ktest_expect_outcome(const char *outcome);

bool ktest_run(void);
bool bench_run(void);

/* Benchmarks: in-kernel timing loops run by `make bench` (bench=all). */
struct kbench {
	const char *name;
	void (*run)(void);
};

#define KBENCH(name_, fn_)						\
	static void fn_(void);						\
	static const struct kbench __kbench_##fn_			\
		__used __section(".benches") __aligned(8) = { #name_, fn_ }; \
	static void fn_(void)

#endif
