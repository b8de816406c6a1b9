// SPDX-License-Identifier: GPL-2.0
/*
 * setup_arch(): from the boot loader's information to a kernel that owns
 * its memory. Linux: arch/x86/kernel/setup.c, e820.c
 *
 *   1. read the loader's information (multiboot2 or PVH: command line,
 *      memory map, modules) into struct boot_info
 *   2. print the firmware memory map and give its usable RAM to memblock
 *   3. reserve what is in use: the first 1 MiB, the kernel image, the
 *      boot information and the modules
 *   4. build the final page tables (init_mem_mapping) and drop head.S's
 *   5. struct pages and zones (paging_init)
 *
 * A boot that cannot work (no memory map, too little RAM) stops here with
 * a message saying why; the kernel never guesses.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <asm/boot.h>
#include <asm/bootinfo.h>
#include <asm/pgalloc.h>
#include <asm/reboot.h>
#include <asm/setup.h>

/* Less usable RAM than this and Faultline refuses to boot. */
#define MIN_RAM_MB	32

struct boot_info boot_info;

extern char _text[], _end[];

static __noreturn void refuse_boot(const char *fmt, ...)
{
	char msg[256];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	pr_emerg("Faultline cannot boot: %s\n", msg);
	pr_emerg("Halting.\n");
	machine_halt_qemu(QEMU_EXIT_BAD_BOOT);
}

/*
 * The PVH parser's window on the loader's data: head.S's early tables map
 * the first 4 GiB at PAGE_OFFSET, where PVH loaders put everything.
 * Address 0 means "not given" in the PVH ABI. Linux: early_memremap().
 */
static const void *early_boot_map(u64 paddr, u64 len)
{
	if (!paddr || paddr >= SZ_4G || len > SZ_4G - paddr)
		return NULL;
	return __va(paddr);
}

/*
 * Both loaders' information ends up in boot_info, checked the same way
 * afterwards (the memory map, the RAM minimum); only the parsing differs.
 */
static void read_boot_info(unsigned long boot_protocol, unsigned long info_phys)
{
	char err[160];
	int ret;

	if (boot_protocol == BOOT_PROTOCOL_PVH) {
		ret = pvh_parse(info_phys, early_boot_map, &boot_info, err, sizeof(err));
	} else {
		const u32 *mbi = __va(info_phys);

		ret = multiboot2_parse(mbi, mbi[0], &boot_info, err, sizeof(err));
		boot_info.info_phys = info_phys;
	}
	if (ret)
		refuse_boot("%s", err);
	strlcpy(boot_command_line, boot_info.cmdline, sizeof(boot_command_line));
	pr_info("Boot loader: %s, boot information at %#lx (%u bytes), %u module(s)\n",
		boot_info.loader_name[0] ? boot_info.loader_name : "(unnamed)",
		info_phys, boot_info.info_size, boot_info.nr_modules);
}

/* "BIOS-e820: [mem 0x...-0x...] usable", as Linux prints the map. */
static void e820_print_and_add(void)
{
	pr_info("BIOS-provided physical RAM map:\n");
	for (u32 i = 0; i < boot_info.e820.nr_entries; i++) {
		const struct e820_entry *e = &boot_info.e820.entries[i];

		if (!e->size)
			continue;
		pr_info("BIOS-e820: [mem %#018llx-%#018llx] %s\n",
			(unsigned long long)e->addr,
			(unsigned long long)(e->addr + e->size - 1), e820_type_name(e->type));
		if (e->type == E820_TYPE_RAM) {
			u64 start = PAGE_ALIGN(e->addr), end = PAGE_ALIGN_DOWN(e->addr + e->size);

			if (start < end)
				memblock_add(start, end - start);
		}
	}
	/*
	 * Linux's trim_bios_range(): page 0 holds the BIOS data area, and
	 * 640 KiB..1 MiB is video memory and ROMs whatever the map says.
	 */
	memblock_remove(0, PAGE_SIZE);
	memblock_remove(0xa0000, SZ_1M - 0xa0000);
}

static void limit_physical_memory(void)
{
	phys_addr_t limit = 1ULL << MAX_PHYSMEM_BITS;

	if (memblock_end_of_DRAM() > limit) {
		pr_warn("Faultline handles %llu GiB of physical addresses; RAM above "
			"%#llx is not used\n", (unsigned long long)(limit >> 30),
			(unsigned long long)limit);
		memblock_remove(limit, ~(phys_addr_t)0 - limit);
	}
	if (memblock_phys_mem_size() < ((phys_addr_t)MIN_RAM_MB << 20))
		refuse_boot("Faultline needs at least %u MiB of RAM; this machine has %llu MiB "
			    "usable (QEMU: -m %u or more)", MIN_RAM_MB,
			    (unsigned long long)(memblock_phys_mem_size() >> 20), MIN_RAM_MB + 8);
}

/* Linux: early_reserve_memory() and reserve_real_mode() */
static void reserve_in_use(void)
{
	memblock_reserve(0, SZ_1M);
	memblock_reserve(__pa(_text), (phys_addr_t)(_end - _text));
	memblock_reserve(boot_info.info_phys, boot_info.info_size);
	for (unsigned int i = 0; i < boot_info.nr_modules; i++) {
		const struct boot_module *m = &boot_info.modules[i];

		if (m->end > m->start)
			memblock_reserve(m->start, m->end - m->start);
	}
}

void setup_arch(unsigned long boot_protocol, unsigned long boot_info_phys)
{
	read_boot_info(boot_protocol, boot_info_phys);
	parse_early_param();
	e820_print_and_add();
	limit_physical_memory();
	reserve_in_use();

	/* head.S maps the first 4 GiB: early allocations must stay below. */
	memblock_set_current_limit(SZ_4G);
	init_mem_mapping();
	memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE);
	memblock_dump_all();
	paging_init();
}
