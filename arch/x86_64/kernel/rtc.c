// SPDX-License-Identifier: GPL-2.0
/*
 * The wall-clock time at boot, from the PC's CMOS real-time clock.
 * Linux: arch/x86/kernel/rtc.c (mach_get_cmos_time), kernel/time/time.c (mktime64)
 *
 * The CMOS keeps seconds, minutes, hours, day, month, year and century
 * in registers 0x00..0x32 behind ports 0x70/0x71, in BCD unless status
 * register B says binary. While an update is in progress (register A,
 * bit 7) the values may be inconsistent, so we wait for it to end.
 */
#include <linux/kernel.h>
#include <linux/time64.h>
#include <asm/io.h>

#define RTC_SECONDS	0x00
#define RTC_MINUTES	0x02
#define RTC_HOURS	0x04
#define RTC_DAY		0x07
#define RTC_MONTH	0x08
#define RTC_YEAR	0x09
#define RTC_REG_A	0x0a
#define RTC_REG_B	0x0b
#define RTC_CENTURY	0x32
#define RTC_UIP		0x80	/* update in progress */
#define RTC_DM_BINARY	0x04

static unsigned int cmos_read(unsigned int reg)
{
	outb((u8)reg, 0x70);
	return inb(0x71);
}

static unsigned int bcd2bin(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* Seconds since 1970 for a date (Gauss's algorithm). Linux: mktime64() */
static s64 mktime64(unsigned int year, unsigned int mon, unsigned int day,
		    unsigned int hour, unsigned int min, unsigned int sec)
{
	if (0 >= (int)(mon -= 2)) {	/* March is the first month: Feb last */
		mon += 12;
		year -= 1;
	}
	return ((((s64)(year / 4 - year / 100 + year / 400 + 367 * mon / 12 + day) +
		  year * 365 - 719499) * 24 + hour) * 60 + min) * 60 + sec;
}

s64 read_persistent_clock(void)
{
	unsigned int sec, min, hour, day, mon, year, century;

	while (cmos_read(RTC_REG_A) & RTC_UIP)
		;
	sec = cmos_read(RTC_SECONDS);
	min = cmos_read(RTC_MINUTES);
	hour = cmos_read(RTC_HOURS);
	day = cmos_read(RTC_DAY);
	mon = cmos_read(RTC_MONTH);
	year = cmos_read(RTC_YEAR);
	century = cmos_read(RTC_CENTURY);
	if (!(cmos_read(RTC_REG_B) & RTC_DM_BINARY)) {
		sec = bcd2bin(sec);
		min = bcd2bin(min);
		hour = bcd2bin(hour);
		day = bcd2bin(day);
		mon = bcd2bin(mon);
		year = bcd2bin(year);
		century = bcd2bin(century);
	}
	year += century ? century * 100 : 2000;
	return mktime64(year, mon, day, hour, min, sec);
}
