// SPDX-License-Identifier: GPL-2.0
/*
 * Stopping the machine. Linux: arch/x86/kernel/reboot.c, kernel/reboot.c
 *
 * Power-off goes through ACPI: writing SLP_EN (bit 13) to the PM1a control
 * register puts the machine in the sleep state its SLP_TYP field names.
 * On QEMU's i440FX machine the firmware puts that register at port 0x604
 * and type 0 is S5, "soft off", and QEMU exits with status 0. A real
 * driver would read the port and type from the ACPI FADT and \_S5; this
 * kernel only ever runs on QEMU's "pc" machine, which the scripts choose.
 */
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/irqflags.h>
#include <asm/reboot.h>

#define QEMU_PIIX4_PM1A_CNT	0x604
#define ACPI_SLP_EN		(1 << 13)
#define QEMU_DEBUG_EXIT_PORT	0xf4

void machine_halt_qemu(enum qemu_exit_code code)
{
	local_irq_disable();
	outl(code, QEMU_DEBUG_EXIT_PORT);
	halt_forever();
}

void machine_power_off(void)
{
	local_irq_disable();
	pr_emerg("reboot: Power down\n");
	outw(ACPI_SLP_EN, QEMU_PIIX4_PM1A_CNT);
	/* QEMU acts on the write between instructions: give it a moment. */
	udelay(100000);
	/* Not QEMU's pc machine: halt where we are. */
	pr_emerg("reboot: ACPI power-off did not work; System halted\n");
	halt_forever();
}

/*
 * Restart: the keyboard controller's reset line (command 0xfe), which
 * QEMU honours; run with -no-reboot, QEMU then exits instead.
 * Linux: native_machine_restart() with reboot=k
 */
void machine_restart(void)
{
	local_irq_disable();
	pr_emerg("reboot: Restarting system\n");
	outb(0xfe, 0x64);
	udelay(100000);
	pr_emerg("reboot: the keyboard controller did not reset the machine; System halted\n");
	halt_forever();
}
