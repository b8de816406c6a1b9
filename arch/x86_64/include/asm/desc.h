/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <linux/types.h>
#include <linux/compiler.h>

/*
 * An IDT gate (SDM vol. 3, 6.14.1): 16 bytes in long mode.
 *
 *  127      96 95          64 63     48 47 46-45 44 43-40 39-35 34-32 31   16 15    0
 * +----------+--------------+---------+--+-----+--+-----+-----+-----+-------+-------+
 * | reserved | offset 63:32 | off 31:16|P | DPL |0 | type|  0  | IST |selector|off 15:0|
 * +----------+--------------+---------+--+-----+--+-----+-----+-----+-------+-------+
 *
 * type 0xE is an interrupt gate (interrupts off on entry). IST, when not
 * 0, names one of the TSS's seven known-good stacks.
 */
struct gate_struct {
	u16 offset_low;
	u16 segment;
	u8 ist;
	u8 type_attr;
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __packed;

#define GATE_INTERRUPT	0xe
#define GATE_PRESENT	0x80

struct desc_ptr {
	u16 size;
	unsigned long address;
} __packed;

/*
 * The 64-bit TSS (SDM vol. 3, 8.7): no task switching in long mode; it only
 * holds the stack pointers the CPU loads: sp0 on a change to ring 0, and
 * ist[0..6] (IST1..IST7) for gates that name an IST.
 */
struct x86_hw_tss {
	u32 reserved1;
	u64 sp0;
	u64 sp1;
	u64 sp2;
	u64 reserved2;
	u64 ist[7];
	u32 reserved3;
	u32 reserved4;
	u16 reserved5;
	u16 io_bitmap_base;
} __packed;

extern struct x86_hw_tss cpu_tss_rw;

void cpu_init(void);
void idt_setup(void);

#endif
