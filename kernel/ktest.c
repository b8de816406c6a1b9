// SPDX-License-Identifier: GPL-2.0
/*
 * The ktest runner: select tests from the command line, run each, check
 * for leaks, print TAP (Test Anything Protocol, version 13):
 *
 *   TAP version 13
 *   1..12
 *   ok 1 - buddy: splitting an order-3 block leaves one free block of each lower order
 *   #   mm/page_alloc_test.c:40: zone->free_area[2].nr_free
 *   #     want: 1 (0x1)
 *   #     got:  0 (0x0)
 *   not ok 2 - buddy: ...
 *   # ktest: 11 passed, 1 failed
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/slab.h>

extern const struct ktest __start_ktests[], __stop_ktests[];

static char ktest_filter[256];

static int __init ktest_setup(char *str)
{
	strlcpy(ktest_filter, str, sizeof(ktest_filter));
	return 1;
}
__setup("ktest=", ktest_setup);

static bool name_matches(const struct ktest *k, const char *want, size_t len)
{
	size_t slen = strlen(k->suite);

	if (len == slen && !strncmp(want, k->suite, len))
		return !(k->flags & KTEST_CRASH);
	return len == slen + 1 + strlen(k->fn) && !strncmp(want, k->suite, slen) &&
	       want[slen] == '.' && !strncmp(want + slen + 1, k->fn, len - slen - 1);
}

/* Is k chosen by the comma-separated filter? */
static bool selected(const struct ktest *k)
{
	const char *p = ktest_filter;

	/*
	 * A test that asserts how much guest time passed holds only when
	 * guest time is exact (QEMU -icount): it runs when named, in a boot
	 * of its own (tests/ktest.sh), never in ktest=all.
	 */
	if (!strcmp(ktest_filter, "all"))
		return !(k->flags & (KTEST_CRASH | KTEST_ICOUNT));
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (name_matches(k, p, len))
			return true;
		p += len + (comma ? 1 : 0);
	}
	return false;
}

bool ktest_check(struct ktest_ctx *t, bool ok, const char *file, int line,
		 const char *what, const char *fmt, ...)
{
	char msg[256];
	va_list args;

	if (ok)
		return true;
	t->failed = true;
	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	pr_info("#   %s:%d: %s\n", file, line, what);
	pr_info("#     %s\n", msg);
	return false;
}

void ktest_expect_in_log(const char *text)
{
	pr_info("# expect: %s\n", text);
}

void ktest_expect_outcome(const char *outcome)
{
	pr_info("# expect-outcome: %s\n", outcome);
}


static bool run_one(const struct ktest *k, int n)
{
	struct ktest_ctx t = { .test = k };
	unsigned long free_before = mm_settled_free_pages(), free_after;
	unsigned long bad_before = bad_page_reports();
	unsigned long audit_before = mm_audit_errors();

	k->run(&t);
	mm_audit_lru();
	free_after = mm_settled_free_pages();
	if (free_after != free_before)
		ktest_check(&t, false, __FILE__, __LINE__, "free pages after the test",
			    "want: %lu\n#     got:  %lu (%ld pages leaked)", free_before,
			    free_after, (long)(free_before - free_after));
	if (!(k->flags & KTEST_BAD_PAGE_OK) && bad_page_reports() != bad_before)
		ktest_check(&t, false, __FILE__, __LINE__, "bad_page reports",
			    "want: %lu\n#     got:  %lu", bad_before, bad_page_reports());
	if (!(k->flags & KTEST_MM_AUDIT_OK) && mm_audit_errors() != audit_before)
		ktest_check(&t, false, __FILE__, __LINE__, "mm audit errors",
			    "want: %lu\n#     got:  %lu", audit_before, mm_audit_errors());
	pr_info("%s %d - %s: %s\n", t.failed ? "not ok" : "ok", n, k->suite, k->desc);
	return !t.failed;
}

static void list_tests(void)
{
	const struct ktest *k;

	for (k = __start_ktests; k < __stop_ktests; k++)
		pr_info("ktest %s.%s%s - %s\n", k->suite, k->fn,
			k->flags & KTEST_CRASH ? " (crash)" : "", k->desc);
}

/* Run the selected ktests; returns whether the command line asked for any. */
bool ktest_run(void)
{
	const struct ktest *k;
	int total = 0, n = 0, passed = 0;

	if (!ktest_filter[0])
		return false;
	if (!strcmp(ktest_filter, "list")) {
		list_tests();
		return true;
	}
	for (k = __start_ktests; k < __stop_ktests; k++)
		total += selected(k);
	pr_info("TAP version 13\n");
	pr_info("1..%d\n", total);
	for (k = __start_ktests; k < __stop_ktests; k++) {
		if (!selected(k))
			continue;
		if (k->flags & KTEST_CRASH)
			pr_info("# %s.%s: %s (the kernel is expected to die now)\n",
				k->suite, k->fn, k->desc);
		passed += run_one(k, ++n);
	}
	pr_info("# ktest: %d passed, %d failed\n", passed, total - passed);
	if (!strcmp(ktest_filter, "all")) {
		pr_info("# ktest: crash tests (one boot each):");
		for (k = __start_ktests; k < __stop_ktests; k++)
			if (k->flags & KTEST_CRASH)
				pr_cont(" %s.%s", k->suite, k->fn);
		pr_cont("\n");
	}
	return true;
}
