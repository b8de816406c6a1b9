// SPDX-License-Identifier: GPL-2.0
/*
 * In-kernel benchmarks, run when the command line says bench=all (or a
 * name). They print "bench: <name>: <figure> <unit>" lines that `make
 * bench` collects. Under QEMU -icount the figures are guest-instruction
 * counts in nanoseconds and repeat exactly; they are never asserted on.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/ktest.h>

extern const struct kbench __start_benches[], __stop_benches[];

static char bench_filter[128];

static int __init bench_setup(char *str)
{
	strlcpy(bench_filter, str, sizeof(bench_filter));
	return 1;
}
__setup("bench=", bench_setup);

bool bench_run(void)
{
	const struct kbench *b;

	if (!bench_filter[0])
		return false;
	for (b = __start_benches; b < __stop_benches; b++) {
		if (strcmp(bench_filter, "all") && strcmp(bench_filter, b->name))
			continue;
		b->run();
	}
	pr_info("bench: done\n");
	return true;
}
