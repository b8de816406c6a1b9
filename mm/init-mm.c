// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's own address space. Its page tables (swapper_pg_dir) map
 * the kernel half that every later address space shares.
 * Linux: mm/init-mm.c
 */
#include <linux/mm_types.h>
#include <asm/pgtable.h>

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(4096) __section(".bss..page_aligned");

/* Never freed: the counts start above what anyone will drop. Linux: init_mm */
struct mm_struct init_mm = {
	.pgd = swapper_pg_dir,
	.mm_users = { 2 },
	.mm_count = { 1 },
	.mmlist = LIST_HEAD_INIT(init_mm.mmlist),
};
