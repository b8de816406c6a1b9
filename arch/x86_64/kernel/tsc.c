// SPDX-License-Identifier: GPL-2.0
/*
 * The time-stamp counter as the kernel's clock. Linux: arch/x86/kernel/tsc.c
 *
 * The TSC counts at a fixed rate from reset; its rate is measured once
 * against the PIT, whose input clock is fixed at 1.193182 MHz: count TSC
 * cycles while PIT channel 2 counts down 10 ms (Linux: pit_calibrate_tsc).
 *
 * Under QEMU with -icount shift=0 both the TSC and the PIT run on virtual
 * time, one nanosecond per guest instruction; the calibration then finds
 * 1000 MHz and every time the kernel measures is an exact, repeatable
 * count of guest work.
 *
 * Nanoseconds = cycles * mult >> 32, with mult = 10^6 << 32 / tsc_khz.
 */
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <asm/io.h>
#include <asm/processor.h>

#define PIT_TICK_RATE	1193182UL
#define CAL_MS		10

unsigned long tsc_khz;
static u64 tsc_mult;		/* ns per cycle, as a 32.32 fixed-point number */
u64 boot_tsc;			/* TSC at the kernel's first instruction */

u64 tsc_cycles_to_ns(u64 cycles)
{
	return (u64)(((unsigned __int128)cycles * tsc_mult) >> 32);
}

/* Count TSC cycles over CAL_MS of PIT channel 2 (gated by port 0x61). */
static unsigned long pit_calibrate_tsc(void)
{
	unsigned long latch = PIT_TICK_RATE / (1000 / CAL_MS);
	u64 t1, t2;

	outb((inb(0x61) & ~0x02) | 0x01, 0x61);	/* gate on, speaker off */
	outb(0xb0, 0x43);			/* channel 2, lo/hi byte, mode 0 */
	outb(latch & 0xff, 0x42);
	outb(latch >> 8, 0x42);
	t1 = rdtsc_ordered();
	while (!(inb(0x61) & 0x20))		/* OUT2 goes high at terminal count */
		cpu_relax();
	t2 = rdtsc_ordered();
	return (unsigned long)((t2 - t1) / CAL_MS);
}

void tsc_init(void)
{
	tsc_khz = pit_calibrate_tsc();
	if (!tsc_khz)
		tsc_khz = 1000000;	/* cannot happen on QEMU; keep time moving */
	tsc_mult = (NSEC_PER_MSEC << 32) / tsc_khz;
	pr_info("tsc: Detected %lu.%03lu MHz processor\n", tsc_khz / 1000, tsc_khz % 1000);
}

u64 ktime_get_ns(void)
{
	return tsc_mult ? tsc_cycles_to_ns(rdtsc() - boot_tsc) : 0;
}

u64 local_clock(void)
{
	return ktime_get_ns();
}

u64 ns_since_reset(void)
{
	return tsc_mult ? tsc_cycles_to_ns(rdtsc()) : 0;
}

void udelay(unsigned long usecs)
{
	u64 end = rdtsc() + (u64)usecs * tsc_khz / 1000;

	while (rdtsc() < end)
		cpu_relax();
}
