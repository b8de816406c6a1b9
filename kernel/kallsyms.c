// SPDX-License-Identifier: GPL-2.0
/*
 * Address to name, for backtraces and %pS. Linux: kernel/kallsyms.c
 *
 * The table is three arrays made at build time from `nm -n` of the first
 * link (scripts/kallsyms.sh), sorted by address:
 *
 *   kallsyms_addresses[i]   the symbol's address
 *   kallsyms_offsets[i]     where its name starts in kallsyms_names
 *   kallsyms_names          the names, NUL-separated
 *
 * Linux compresses the names; Faultline keeps them plain.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/kallsyms.h>

extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_offsets[];
extern const char kallsyms_names[];
extern const unsigned long kallsyms_num_syms;
extern char _text[], _etext[], _end[];

/* Index of the last symbol at or below addr, or -1. */
static long symbol_index(unsigned long addr)
{
	long lo = 0, hi = (long)kallsyms_num_syms - 1, found = -1;

	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	/* Aliases share an address: report the first name. */
	while (found > 0 && kallsyms_addresses[found - 1] == kallsyms_addresses[found])
		found--;
	return found;
}

/*
 * The symbol containing addr: its name, its size (up to the next symbol)
 * and addr's offset into it; NULL outside the kernel image.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset)
{
	unsigned long next = (unsigned long)_end;
	long i;

	if (addr < (unsigned long)_text || addr >= (unsigned long)_end)
		return NULL;
	i = symbol_index(addr);
	if (i < 0)
		return NULL;
	for (long j = i + 1; j < (long)kallsyms_num_syms; j++) {
		if (kallsyms_addresses[j] > kallsyms_addresses[i]) {
			next = kallsyms_addresses[j];
			break;
		}
	}
	if (symbolsize)
		*symbolsize = next - kallsyms_addresses[i];
	if (offset)
		*offset = addr - kallsyms_addresses[i];
	return &kallsyms_names[kallsyms_offsets[i]];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned long i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(&kallsyms_names[kallsyms_offsets[i]], name))
			return kallsyms_addresses[i];
	return 0;
}

/* "name+0xoff/0xsize", or the bare hex address when it is no symbol. */
int sprint_symbol(char *buf, size_t size, unsigned long addr, enum ksym_style style)
{
	unsigned long symsize, offset, lookup = addr;
	const char *name;

	if (style == KSYM_BACKTRACE)
		lookup--;
	name = kallsyms_lookup(lookup, &symsize, &offset);
	if (!name)
		return snprintf(buf, size, "0x%lx", addr);
	if (style == KSYM_NAME_ONLY)
		return snprintf(buf, size, "%s", name);
	if (style == KSYM_BACKTRACE)
		offset++;
	return snprintf(buf, size, "%s+0x%lx/0x%lx", name, offset, symsize);
}
