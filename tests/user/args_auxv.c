// SPDX-License-Identifier: GPL-2.0
/*
 * What exec hands a new program: argc, argv, envp and the auxiliary
 * vector, laid out on the stack as Linux lays them out (create_elf_tables).
 */
#include <elf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>
#include "tap.h"

extern char **environ;
extern void _start(void);

static unsigned int cpuid1_edx(void)
{
	unsigned int a = 1, b, c = 0, d;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	return d;
}

/* The auxv entries as an array, found after envp's NULL. */
static Elf64_auxv_t *auxv_start(char **envp)
{
	while (*envp)
		envp++;
	return (Elf64_auxv_t *)(envp + 1);
}

static int has_key(const Elf64_auxv_t *av, unsigned long key)
{
	for (; av->a_type != AT_NULL; av++)
		if (av->a_type == key)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	Elf64_auxv_t *av = auxv_start(environ);
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)0x400000;
	const char *platform = (const char *)getauxval(AT_PLATFORM);
	const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	const unsigned long keys[] = { AT_PHDR, AT_PHENT, AT_PHNUM, AT_PAGESZ, AT_BASE, AT_FLAGS,
		AT_ENTRY, AT_UID, AT_EUID, AT_GID, AT_EGID, AT_SECURE, AT_RANDOM, AT_HWCAP2,
		AT_EXECFN, AT_PLATFORM, AT_HWCAP, AT_CLKTCK, AT_MINSIGSTKSZ };
	int zero = 1, nkeys = 0;

	ok_eq(1, argc, "argc is 1");
	ok(argv[1] == NULL, "argv ends with NULL");
	ok(environ[0] == NULL, "env -i: the environment is empty");
	ok((void *)av == (void *)(environ + 1), "the auxiliary vector follows envp's NULL");
	ok(((uintptr_t)&argv[-1] & 15) == 0, "argc sits at a 16-byte aligned stack address");
	for (unsigned i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		nkeys += has_key(av, keys[i]);
	ok_eq(sizeof(keys) / sizeof(keys[0]), nkeys, "every AT_ key Linux 6.1 passes is there");
	ok_eq(4096, getauxval(AT_PAGESZ), "AT_PAGESZ is 4096");
	ok_eq(100, getauxval(AT_CLKTCK), "AT_CLKTCK is USER_HZ, 100");
	ok_eq(sizeof(Elf64_Phdr), getauxval(AT_PHENT), "AT_PHENT is the size of a program header");
	ok_eq(eh->e_phnum, getauxval(AT_PHNUM), "AT_PHNUM matches the ELF header at 0x400000");
	ok_eq(0x400000 + eh->e_phoff, getauxval(AT_PHDR), "AT_PHDR points at the mapped program headers");
	ok_eq((uintptr_t)_start, getauxval(AT_ENTRY), "AT_ENTRY is _start");
	ok_eq(0, getauxval(AT_BASE), "AT_BASE is 0: no interpreter");
	ok_eq(0, getauxval(AT_FLAGS), "AT_FLAGS is 0");
	ok_eq(getuid(), getauxval(AT_UID), "AT_UID is the real uid");
	ok_eq(geteuid(), getauxval(AT_EUID), "AT_EUID is the effective uid");
	ok_eq(0, getauxval(AT_SECURE), "AT_SECURE is 0");
	ok_eq(cpuid1_edx(), getauxval(AT_HWCAP), "AT_HWCAP is CPUID leaf 1's EDX");
	ok(getauxval(AT_MINSIGSTKSZ) >= 1024, "AT_MINSIGSTKSZ holds a signal frame");
	ok(platform && !strcmp(platform, "x86_64"), "AT_PLATFORM is \"x86_64\"");
	ok(execfn && !strcmp(execfn, argv[0]), "AT_EXECFN is the name exec was given");
	ok(rnd + 16 == (const unsigned char *)platform, "the 16 AT_RANDOM bytes lie just below the platform string");
	for (int i = 0; i < 16; i++)
		zero &= rnd[i] == 0;
	ok(!zero, "the AT_RANDOM bytes are not all zero");
	ok(argv[0] >= platform + 7 && argv[0] < platform + 7 + 16,
	   "the strings start just above the platform string (16-byte aligned)");
	ok(execfn > argv[0] + strlen(argv[0]), "the file name string is the highest");
	ok_eq(0, (uintptr_t)(execfn + strlen(execfn) + 1 + 8) & 4095,
	      "8 zero bytes then the end of the stack follow the file name");
	return tap_done();
}
