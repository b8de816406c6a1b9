/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_REBOOT_H
#define _ASM_X86_REBOOT_H

#include <linux/compiler.h>

/*
 * How the kernel stops QEMU, so that a test harness sees the end at once.
 * Through QEMU's isa-debug-exit device (port 0xf4) QEMU exits with status
 * (code << 1) | 1; a clean power-off through ACPI exits with status 0.
 */
enum qemu_exit_code {
	QEMU_EXIT_PANIC = 1,		/* status 3: panic() or a fatal oops */
	QEMU_EXIT_BAD_BOOT = 2,		/* status 5: refused to boot (bad input) */
};

__noreturn void machine_power_off(void);
__noreturn void machine_restart(void);
__noreturn void machine_halt_qemu(enum qemu_exit_code code);

#endif
