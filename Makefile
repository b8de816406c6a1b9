# Faultline: build the kernel and its GRUB ISO, run it, test it.
#
#   make            build build/faultline.elf and build/faultline.iso
#   make run        boot in QEMU with the console on this terminal (Ctrl-A X quits)
#   make test       every suite, headless; ends with "N passed, N failed"
#   make difftest   the user tests on Linux 6.1 and on Faultline, compared
#                   (and the reclaim suite's 4x-RAM working set on both)
#   make kselftest  Linux 6.1's own vm selftests on Linux 6.1 and on Faultline,
#                   a table of both (about an hour; not part of make test);
#                   KSFT="name..." runs only those (tests/kselftest/tests)
#   make bench      benchmarks under QEMU -icount (deterministic figures)
#   make labs       list the course labs; make lab LAB=name DEST=dir writes a
#                   student's starter tree; make grade [GRADE_JSON=f] grades
#   make mutants    break each mechanism on purpose (tests/mutants.txt) and
#                   check that a test fails; MUTANTS="a b" runs only those
#   make gdb        QEMU halted at reset, gdb attached to the kernel's symbols
#   make run-busybox  make run with Debian's busybox-static in the image
#                   (/bin/busybox, its applets in /usr/bin: ps, free, top, vi, ...)
#
# Variables: ACCEL=tcg|kvm forces QEMU's accelerator; DEBUG=0 builds without
# CONFIG_DEBUG_VM checks; MEM=MB sets the guest's memory for run/gdb.

BUILD   ?= build
DEBUG   ?= 1
MEM     ?= 128
CC      := gcc
LD      := ld
NM      := nm

ARCH_DIR := arch/x86_64
SRC_DIRS := $(ARCH_DIR)/boot $(ARCH_DIR)/kernel $(ARCH_DIR)/mm $(ARCH_DIR)/lib \
	    kernel kernel/futex mm ipc fs fs/proc fs/sysfs net net/unix lib security drivers/base drivers/pci drivers/virtio drivers/block block drivers/char drivers/tty drivers/tty/serial
C_SRCS   := $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.c))
S_SRCS   := $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.S))
OBJS     := $(patsubst %.c,$(BUILD)/%.o,$(C_SRCS)) $(patsubst %.S,$(BUILD)/%.o,$(S_SRCS))

INCLUDES := -I$(ARCH_DIR)/include -Iinclude -I$(BUILD)/gen
# Freestanding, no red zone (interrupts push onto the stack below %rsp),
# no SSE/x87 (user programs own those registers), kernel code model (the
# image lives in the top 2 GiB), frame pointers for backtraces (and, as
# Linux with CONFIG_FRAME_POINTER, no sibling calls, which would drop frames).
KCFLAGS  := -std=gnu11 -O2 -g -ffreestanding -nostdinc \
	    -isystem $(shell $(CC) -print-file-name=include) \
	    -fno-pic -fno-pie -mcmodel=kernel -mno-red-zone -mgeneral-regs-only \
	    -mno-sse -mno-mmx -mno-avx -mno-80387 -fno-stack-protector \
	    -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
	    -fno-optimize-sibling-calls \
	    -fno-asynchronous-unwind-tables -fno-strict-aliasing -fno-common \
	    -fno-tree-loop-distribute-patterns -fno-delete-null-pointer-checks \
	    -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	    -Wno-missing-field-initializers -Werror=implicit-function-declaration \
	    -MMD -MP $(INCLUDES)
ifeq ($(DEBUG),1)
KCFLAGS  += -DCONFIG_DEBUG_VM
endif
KASFLAGS := -D__ASSEMBLY__ $(INCLUDES) -MMD -MP
KLDFLAGS := -nostdlib -static -z max-page-size=0x1000 -z noexecstack \
	    --no-warn-rwx-segments -T linker.ld

# Kbuild-style quiet output; V=1 shows the full commands.
ifeq ($(V),1)
Q :=
else
Q := @
endif

KERNEL := $(BUILD)/faultline.elf
ISO    := $(BUILD)/faultline.iso
INITRAMFS := $(BUILD)/initramfs.cpio
ROOTFS_FILES := $(shell find tests/rootfs -type f -o -type d 2>/dev/null)

# User programs: ordinary static Linux binaries, built with musl. The
# same binaries run on this machine's Linux (the differential tests).
UCC      := musl-gcc
UCFLAGS  := -static -no-pie -O2 -Wall -Wextra -Wno-unused-parameter -fno-strict-aliasing
USER_PROGS := init sh echo cat mkdir rm ls sleep kill true ps free qrun-init procbench procfsbench sparsebench swapbench runtests streambench
USER_BINS  := $(patsubst %,$(BUILD)/user/%,$(USER_PROGS))
UTEST_SRCS := $(wildcard tests/user/*.c)
UTEST_BINS := $(patsubst tests/user/%.c,$(BUILD)/tests/user/%,$(UTEST_SRCS))
# User tests built with glibc instead (plain gcc -static -pthread), to run
# glibc's start-up and pthreads too; they go beside the others, so every
# suite runs them. Name them glibc_*.
UTEST_GLIBC_SRCS := $(wildcard tests/user-glibc/*.c)
UTEST_BINS += $(patsubst tests/user-glibc/%.c,$(BUILD)/tests/user/%,$(UTEST_GLIBC_SRCS))
# The labs' grading programs (labs/NAME/tests/*.c), in the image at /test/labs/NAME.
LAB_TEST_SRCS := $(wildcard labs/*/tests/*.c)
LAB_TEST_BINS := $(patsubst labs/%.c,$(BUILD)/labs/%,$(LAB_TEST_SRCS))

.PHONY: all run run-busybox test difftest kselftest bench mutants labs lab grade gdb deps clean host-test
all: $(ISO)

deps:
	@scripts/deps

# ktests register in definition order (GCC would emit them reversed).
$(patsubst %.c,$(BUILD)/%.o,$(filter %_test.c,$(C_SRCS))): KCFLAGS += -fno-toplevel-reorder

# A change of flags here rebuilds everything (Linux tracks each command line).
$(OBJS): Makefile

# Generated headers: the names of Linux's system calls.
GEN_HDRS := $(BUILD)/gen/syscall_names.h
$(BUILD)/gen/syscall_names.h: scripts/syscallnames.sh
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  GEN     $@")
	$(Q)scripts/syscallnames.sh > $@
$(BUILD)/$(ARCH_DIR)/kernel/syscall_64.o: $(GEN_HDRS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(BUILD)/%.o: %.S
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(CC) $(KASFLAGS) -c $< -o $@

# The symbol table needs the final addresses, which need the symbol table:
# link once with an empty table, make the table from that image, link
# again. .kallsyms is the last section, so the table's size moves nothing;
# the check below proves it by comparing the two links' symbols.
$(BUILD)/kallsyms_empty.S: scripts/kallsyms.sh
	@mkdir -p $(BUILD)
	$(Q)scripts/kallsyms.sh $(NM) /dev/null > $@

$(BUILD)/.tmp_faultline1: $(OBJS) $(BUILD)/kallsyms_empty.o linker.ld
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(OBJS) $(BUILD)/kallsyms_empty.o

$(BUILD)/kallsyms.S: $(BUILD)/.tmp_faultline1 scripts/kallsyms.sh
	@$(if $(Q),echo "  KSYMS   $@")
	$(Q)scripts/kallsyms.sh $(NM) $< > $@

$(BUILD)/kallsyms.o $(BUILD)/kallsyms_empty.o: %.o: %.S
	$(Q)$(CC) $(KASFLAGS) -c $< -o $@

$(KERNEL): $(BUILD)/kallsyms.o
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(OBJS) $(BUILD)/kallsyms.o
	@$(NM) -n $(BUILD)/.tmp_faultline1 | grep -v -e kallsyms -e " _end$$" > $(BUILD)/.syms1
	@$(NM) -n $@ | grep -v -e kallsyms -e " _end$$" > $(BUILD)/.syms2
	@cmp -s $(BUILD)/.syms1 $(BUILD)/.syms2 || \
		{ echo "kallsyms: symbols moved between links"; rm -f $@; exit 1; }

$(BUILD)/user/%: user/%.c user/benchlib.h Makefile
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  UCC     $<")
	$(Q)$(UCC) $(UCFLAGS) -o $@ $<

$(BUILD)/tests/user/%: tests/user/%.c tests/user/tap.h tests/user/testlib.h tests/user/proclib.h tests/user/uffdlib.h \
		      tests/user/threadlib.h Makefile
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  UCC     $<")
	$(Q)$(UCC) $(UCFLAGS) -o $@ $<

$(BUILD)/tests/user/%: tests/user-glibc/%.c tests/user/tap.h Makefile
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  GLIBC   $<")
	$(Q)$(CC) -static -pthread -O2 -Wall -Wextra -Wno-unused-parameter -Itests/user -o $@ $<

$(BUILD)/labs/%: labs/%.c labs/lablib.h $(wildcard labs/*/tests/*.h) tests/user/tap.h tests/user/testlib.h tests/user/proclib.h Makefile
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  UCC     $<")
	$(Q)$(UCC) $(UCFLAGS) -Itests/user -Ilabs -o $@ $<

# Terminal and qrun tests: run by tests/shell.sh and tests/qrun.sh through
# scripts/qrun, not in the initramfs.
TTY_TESTS := $(patsubst tests/tty/%.c,$(BUILD)/tests/tty/%,$(wildcard tests/tty/*.c))
QRUN_TESTS := $(patsubst tests/qrun/%.c,$(BUILD)/tests/qrun/%,$(wildcard tests/qrun/*.c))
all: $(TTY_TESTS) $(QRUN_TESTS)
$(BUILD)/tests/tty/%: tests/tty/%.c Makefile
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  UCC     $<")
	$(Q)$(UCC) $(UCFLAGS) -o $@ $<
$(BUILD)/tests/qrun/%: tests/qrun/%.c Makefile
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  UCC     $<")
	$(Q)$(UCC) $(UCFLAGS) -o $@ $<

$(INITRAMFS): scripts/mkinitramfs $(ROOTFS_FILES) $(USER_BINS) $(UTEST_BINS) $(LAB_TEST_BINS)
	@$(if $(Q),echo "  CPIO    $@")
	$(Q)scripts/mkinitramfs $@ $(BUILD)

$(ISO): $(KERNEL) $(INITRAMFS) scripts/mkiso
	@$(if $(Q),echo "  ISO     $@")
	$(Q)scripts/mkiso $@ $(KERNEL) -m $(INITRAMFS)

# make run boots the real chain: SeaBIOS, GRUB, multiboot2.
run: deps
	@$(MAKE) --no-print-directory all
	scripts/boot --interactive --grub --mem $(MEM)

# The image with Debian's busybox-static added (scripts/deps installs it).
BB_INITRAMFS := $(BUILD)/initramfs-busybox.cpio
BB_ISO := $(BUILD)/faultline-busybox.iso
$(BB_INITRAMFS): $(INITRAMFS) /bin/busybox
	@$(if $(Q),echo "  CPIO    $@")
	$(Q)BUSYBOX=/bin/busybox scripts/mkinitramfs $@ $(BUILD)
$(BB_ISO): $(KERNEL) $(BB_INITRAMFS) scripts/mkiso
	@$(if $(Q),echo "  ISO     $@")
	$(Q)scripts/mkiso $@ $(KERNEL) -m $(BB_INITRAMFS)

run-busybox: deps
	@$(MAKE) --no-print-directory all $(BB_ISO)
	scripts/boot --interactive --mem $(MEM) --iso $(BB_ISO)

gdb: deps
	@$(MAKE) --no-print-directory all
	scripts/gdb --mem $(MEM)

test: deps
	@$(MAKE) --no-print-directory all
	@tests/run-all

difftest: deps
	@$(MAKE) --no-print-directory all
	@RECLAIM_ORACLE=1 tests/run-all difftest reclaim

kselftest: deps
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) tests/kselftest/run $(KSFT)

bench: deps
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/bench DEBUG=0 all
	@tests/run-bench $(BUILD)/bench

# Course labs (labs/README.md): list them, write a student's starter
# tree, grade (a starter tree its lab, the full tree every lab).
labs:
	@scripts/labs list

lab:
	@if [ -z "$(LAB)" ] || [ -z "$(DEST)" ]; then \
		echo "usage: make lab LAB=name DEST=dir  (make labs lists the names)" >&2; exit 2; fi
	@scripts/labs make $(LAB) $(DEST)

grade: deps
	@$(MAKE) --no-print-directory all
	@scripts/labs grade $(if $(GRADE_JSON),--json $(GRADE_JSON))

mutants: deps
	@$(MAKE) --no-print-directory all
	@scripts/mutants $(MUTANTS)

host-test:
	@tests/host/run

clean:
	rm -rf $(BUILD)

-include $(OBJS:.o=.d)
