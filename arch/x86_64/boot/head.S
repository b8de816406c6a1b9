/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The first instructions Faultline runs: from a loader's 32-bit protected
 * mode to 64-bit long mode, running at the kernel's high virtual address.
 *
 * Linux: arch/x86/boot/compressed/head_64.S (32-bit part),
 *        arch/x86/platform/pvh/head.S (the PVH entry) and
 *        arch/x86/kernel/head_64.S (64-bit part).
 *
 * Two ways in, both in protected mode with paging and interrupts off:
 *
 *   startup_32     GRUB's multiboot2 loader (Multiboot2 spec 3.3):
 *                  eax = 0x36d76289 (the multiboot2 magic), ebx = physical
 *                  address of the boot information.
 *   pvh_start_xen  the x86/HVM direct boot ABI ("PVH"), named by the ELF
 *                  note XEN_ELFNOTE_PHYS32_ENTRY below: QEMU's -kernel
 *                  (and Xen) load the ELF and enter here with ebx =
 *                  physical address of struct hvm_start_info.
 *
 * Each entry notes which protocol it was (BOOT_PROTOCOL_*, in edi) and the
 * information's address (esi), which become x86_64_start_kernel()'s two
 * arguments; setup_arch() reads either into the same struct boot_info.
 *
 * The steps:
 *   1. check the magic (multiboot2) and that the CPU has long mode; on
 *      failure print a message on COM1 and stop (there is no printk yet);
 *   2. load the early page tables below (prebuilt at link time);
 *   3. CR4.PAE, EFER.LME (+NXE when the CPU has NX), CR0.PG|WP;
 *   4. far jump to 64-bit code, still at its physical address;
 *   5. jump to the kernel's linked address and call x86_64_start_kernel().
 *
 * The early page tables map three windows onto the same first 4 GiB:
 *
 *   virtual                          physical        why
 *   0x0000000000000000 + 4 GiB   ->  0 + 4 GiB       identity: this code
 *   0xffff888000000000 + 4 GiB   ->  0 + 4 GiB       direct map: boot info
 *   0xffffffff80000000 + 1 GiB   ->  0 + 1 GiB       kernel image
 *
 * all with 2 MiB pages. setup_arch() replaces them with init_mm's final
 * tables, which have no identity window.
 */
#include <asm/boot.h>
#include <asm/page_types.h>
#include <asm/segment.h>
#include <asm/processor-flags.h>
#include <asm/msr-index.h>

#define PHYS(sym)	((sym) - __START_KERNEL_map)

/* Multiboot2 header (spec 3.1): must sit in the first 32 KiB, 8-aligned. */
	.section ".head.multiboot", "a"
	.balign 8
mb2_header:
	.long	MULTIBOOT2_HEADER_MAGIC
	.long	0				/* architecture: i386 */
	.long	mb2_header_end - mb2_header
	.long	-(MULTIBOOT2_HEADER_MAGIC + (mb2_header_end - mb2_header))
	/* end tag */
	.balign 8
	.word	0, 0
	.long	8
mb2_header_end:

/*
 * The PVH entry point, as an ELF note in a PT_NOTE segment (linker.ld):
 * name "Xen", type XEN_ELFNOTE_PHYS32_ENTRY, the physical address of
 * pvh_start_xen. QEMU reads an 8-byte address from a 64-bit ELF, and
 * pads the name to the segment's alignment, so the note stays 4-aligned.
 * There is deliberately no multiboot (version 1) header: QEMU's -kernel
 * would take the image for a multiboot1 kernel and refuse it as 64-bit.
 */
	.section ".note.Xen", "a"
	.balign 4
	.long	4				/* namesz: "Xen" and its NUL */
	.long	8				/* descsz */
	.long	XEN_ELFNOTE_PHYS32_ENTRY
	.asciz	"Xen"
	.quad	PHYS(pvh_start_xen)

	.section ".head.text", "ax"
	.code32
	.globl	startup_32
startup_32:
	cli
	cld
	movl	$PHYS(boot_stack_end), %esp
	movl	%ebx, %esi			/* keep the boot information */
	cmpl	$MULTIBOOT2_BOOTLOADER_MAGIC, %eax
	jne	.Lnot_multiboot2
	movl	$BOOT_PROTOCOL_MULTIBOOT2, %edi

.Lcheck_long_mode:
	/* Long mode? CPUID 0x80000001 EDX bit 29. */
	movl	$0x80000000, %eax
	cpuid
	cmpl	$0x80000001, %eax
	jb	.Lno_long_mode
	movl	$0x80000001, %eax
	cpuid
	btl	$29, %edx
	jnc	.Lno_long_mode
	movl	%edx, %ebp			/* EDX bit 20 = NX */

	movl	$PHYS(early_top_pgt), %eax
	movl	%eax, %cr3

	movl	%cr4, %eax
	orl	$X86_CR4_PAE, %eax
	movl	%eax, %cr4

	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	btl	$20, %ebp
	jnc	1f
	orl	$EFER_NX, %eax
1:	wrmsr

	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_WP | X86_CR0_PE), %eax
	movl	%eax, %cr0

	lgdt	PHYS(early_gdt_desc)
	ljmpl	$__KERNEL_CS, $PHYS(startup_64)

/*
 * The ABI promises flat cs, ds and es, but no stack, ss or GDT: load our
 * GDT and segments before touching the stack, then join startup_32.
 */
	.globl	pvh_start_xen
pvh_start_xen:
	cli
	cld
	lgdt	PHYS(early_gdt_desc)
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	$PHYS(boot_stack_end), %esp
	movl	%ebx, %esi			/* struct hvm_start_info */
	movl	$BOOT_PROTOCOL_PVH, %edi
	ljmpl	$__KERNEL32_CS, $PHYS(.Lcheck_long_mode)

.Lnot_multiboot2:
	movl	$PHYS(msg_not_multiboot2), %ebx
	jmp	.Lfail
.Lno_long_mode:
	movl	$PHYS(msg_no_long_mode), %ebx
.Lfail:
	call	early_serial_puts32
	/* isa-debug-exit (QEMU, when present): exit status (2 << 1) | 1 = 5 */
	movw	$0xf4, %dx
	movl	$2, %eax			/* QEMU_EXIT_BAD_BOOT */
	outl	%eax, %dx
1:	hlt
	jmp	1b

/*
 * Write the NUL-terminated string at %ebx to COM1 (8250 UART at 0x3f8),
 * 115200 8N1, polling. Used only before long mode, so it is small and
 * self-contained; serial.c is the real driver.
 */
early_serial_puts32:
	movw	$0x3f9, %dx			/* IER: no interrupts */
	xorb	%al, %al
	outb	%al, %dx
	movw	$0x3fb, %dx			/* LCR: DLAB on */
	movb	$0x80, %al
	outb	%al, %dx
	movw	$0x3f8, %dx			/* divisor 1 = 115200 baud */
	movb	$1, %al
	outb	%al, %dx
	movw	$0x3f9, %dx
	xorb	%al, %al
	outb	%al, %dx
	movw	$0x3fb, %dx			/* LCR: 8N1, DLAB off */
	movb	$0x03, %al
	outb	%al, %dx
2:	movb	(%ebx), %al
	testb	%al, %al
	jz	4f
	movb	%al, %cl
	movw	$0x3fd, %dx			/* LSR: wait for THRE */
3:	inb	%dx, %al
	testb	$0x20, %al
	jz	3b
	movw	$0x3f8, %dx
	movb	%cl, %al
	outb	%al, %dx
	incl	%ebx
	jmp	2b
4:	ret

	.code64
startup_64:
	/* Still at the physical address: go to the linked one. */
	movabsq	$1f, %rax
	jmp	*%rax
1:	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	movabsq	$init_stack_end, %rsp
	xorl	%ebp, %ebp			/* ends the backtrace */
	pushq	$0				/* and aligns the stack */
	movl	%edi, %edi			/* arg0: BOOT_PROTOCOL_* */
	movl	%esi, %esi			/* arg1: its information (phys) */
	call	x86_64_start_kernel
2:	hlt
	jmp	2b

	.section ".head.rodata", "a"
msg_not_multiboot2:
	.ascii	"Faultline: not started by a multiboot2 boot loader (eax is not "
	.ascii	"0x36d76289).\r\nBoot it through GRUB's 'multiboot2' command, "
	.ascii	"as the ISO's grub.cfg does, or through its PVH entry (QEMU's "
	.asciz	"-kernel). Halting.\r\n"
msg_no_long_mode:
	.ascii	"Faultline: this CPU has no 64-bit long mode (CPUID 0x80000001 "
	.asciz	"EDX bit 29). Faultline is an x86_64 kernel. Halting.\r\n"

	.balign 8
early_gdt:
	.quad	0				/* null */
	.quad	0x00cf9b000000ffff		/* 0x08: 32-bit kernel code */
	.quad	0x00af9b000000ffff		/* 0x10: __KERNEL_CS, 64-bit */
	.quad	0x00cf93000000ffff		/* 0x18: __KERNEL_DS */
early_gdt_end:
early_gdt_desc:
	.word	early_gdt_end - early_gdt - 1
	.long	PHYS(early_gdt)

/*
 * The early page tables, built by the assembler. Entry flags: 0x3 =
 * present|writable for a table, 0x83 = present|writable|PSE for a 2 MiB page.
 */
	.section ".head.pgtables", "aw"
	.balign PAGE_SIZE
early_top_pgt:
	.quad	PHYS(early_direct_pud) + 0x3	/* [0]: identity */
	.fill	272, 8, 0
	.quad	PHYS(early_direct_pud) + 0x3	/* [273]: 0xffff888000000000 */
	.fill	237, 8, 0
	.quad	PHYS(early_kernel_pud) + 0x3	/* [511]: 0xffffff8000000000 */

	.balign PAGE_SIZE
early_direct_pud:
	.quad	PHYS(early_pmds) + 0x0000 + 0x3
	.quad	PHYS(early_pmds) + 0x1000 + 0x3
	.quad	PHYS(early_pmds) + 0x2000 + 0x3
	.quad	PHYS(early_pmds) + 0x3000 + 0x3
	.fill	508, 8, 0

	.balign PAGE_SIZE
early_kernel_pud:
	.fill	510, 8, 0
	.quad	PHYS(early_pmds) + 0x3		/* [510]: 0xffffffff80000000 */
	.quad	0

	.balign PAGE_SIZE
early_pmds:
	.set	i, 0
	.rept	2048
	.quad	(i << 21) + 0x83
	.set	i, i + 1
	.endr

/* A tiny 32-bit stack for early_serial_puts32, and the boot CPU's stack. */
	.section ".bss..boot_stack", "aw", @nobits
	.balign 16
boot_stack:
	.skip	256
boot_stack_end:
