# Build the programs of Linux 6.1's tools/testing/selftests/vm as static
# musl programs, for tests/kselftest/run (which extracts the source first):
#
#   make -f tests/kselftest/build.mk BUILD=build
#
# The flags are the selftests' Makefile's (CFLAGS = -Wall -I top_srcdir
# and the kernel's headers, no -O; LDLIBS = -lrt -lpthread; -no-pie on
# x86_64; protection_keys_64 with -m64 -mxsave), with -static and musl-gcc.
# The kernel's uapi headers are Debian's linux-libc-dev, the same 6.1 as
# the source. The shims in tests/kselftest/shim make musl do what the
# tests expect of glibc: a malloc on the brk heap (malloc.c says why), the
# kernel's system-call numbers in <sys/syscall.h>, and stand-ins for
# libcap and libnuma (glibc-built in Debian, so not linkable here); every
# program gets the same ones, on both kernels. Besides, hugetlb-madvise
# asks glibc for fallocate() with "#define __USE_GNU", which musl reads
# as _GNU_SOURCE; mlock-random-test hands getline() an uninitialized
# pointer (get_proc_page_size's line), which happens to be 0 on glibc's
# stack and is not on musl's, so it is built with its automatic variables
# zeroed. protection_keys_32 is left out: there is no 32-bit musl.

BUILD	?= build
KS	:= $(BUILD)/kselftest
SRC	:= $(KS)/linux-source-6.1
VM	:= $(SRC)/tools/testing/selftests/vm
BIN	:= $(KS)/bin
HDRS	:= $(KS)/usr/include
SHIM	:= tests/kselftest/shim

CC	:= musl-gcc
CFLAGS	:= -Wall -I $(SRC) -isystem $(HDRS) -I $(SHIM) -static -no-pie
LDLIBS	:= -lrt -lpthread

# The selftests' TEST_GEN_FILES and TEST_GEN_PROGS for x86_64.
PROGS := compaction_test gup_test hmm-tests hugetlb-madvise hugepage-mmap \
	hugepage-mremap hugepage-shm hugepage-vmemmap khugepaged madv_populate \
	map_fixed_noreplace map_hugetlb map_populate memfd_secret migration \
	mlock-random-test mlock2-tests mrelease_test mremap_dontunmap \
	mremap_test on-fault-limit thuge-gen transhuge-stress userfaultfd \
	soft-dirty split_huge_page_test ksm_tests protection_keys_64 \
	va_128TBswitch virtual_address_range write_to_hugetlbfs

.PHONY: all
all: $(KS)/ksft-run $(addprefix $(BIN)/,$(PROGS))

# What each program needs besides its own .c (the selftests' Makefile's
# extra sources and libraries, here as sources).
$(BIN)/khugepaged $(BIN)/madv_populate $(BIN)/soft-dirty \
$(BIN)/split_huge_page_test $(BIN)/userfaultfd: EXTRA := $(VM)/vm_util.c
$(BIN)/mlock-random-test $(BIN)/memfd_secret: EXTRA := $(SHIM)/cap.c
$(BIN)/ksm_tests $(BIN)/migration: EXTRA := $(SHIM)/numa.c
$(BIN)/hugetlb-madvise: CFLAGS += -D_GNU_SOURCE
$(BIN)/mlock-random-test: CFLAGS += -ftrivial-auto-var-init=zero
$(BIN)/protection_keys_64: CFLAGS += -m64 -mxsave

$(BIN)/%: $(VM)/%.c $(wildcard $(SHIM)/*.[ch] $(SHIM)/*/*.h) tests/kselftest/build.mk | $(HDRS)
	@mkdir -p $(BIN) $(KS)/log
	@echo "  UCC     $@"
	@$(CC) $(CFLAGS) $< $(EXTRA) $(SHIM)/malloc.c $(LDLIBS) -o $@ 2>$(KS)/log/$*.log || { cat $(KS)/log/$*.log; exit 1; }

$(BIN)/protection_keys_64: $(VM)/protection_keys.c tests/kselftest/build.mk | $(HDRS)
	@mkdir -p $(BIN) $(KS)/log
	@echo "  UCC     $@"
	@$(CC) $(CFLAGS) $< $(SHIM)/malloc.c $(LDLIBS) -ldl -o $@ 2>$(KS)/log/protection_keys_64.log || \
		{ cat $(KS)/log/protection_keys_64.log; exit 1; }

# Debian's uapi headers where musl-gcc looks for <linux/...> and <asm/...>.
$(HDRS):
	@mkdir -p $@
	ln -sfn /usr/include/linux $@/linux
	ln -sfn /usr/include/asm-generic $@/asm-generic
	ln -sfn /usr/include/x86_64-linux-gnu/asm $@/asm

$(KS)/ksft-run: tests/kselftest/ksft-run.c tests/kselftest/build.mk
	@mkdir -p $(KS)
	@echo "  UCC     $@"
	@$(CC) -static -no-pie -O2 -Wall -Wextra -o $@ $<
