# Whole-boot checks: what a student sees with `make run`, and what the
# kernel does with bad input (it must say what is wrong and halt, never
# triple-fault or hang). The default boot goes through GRUB (multiboot2),
# as make run does; the rest take scripts/boot's direct PVH path, and the
# boot checks that depend on the loader run on both. Sourced by tests/run-all.

section "boot checks"

# expect_boot NAME OUTCOME "text|text|..." [--not "text"] -- BOOT-OPTIONS...
expect_boot() {
	name=$1 want_outcome=$2 wants=$3
	shift 3
	unwanted=
	if [ "$1" = --not ]; then unwanted=$2; shift 2; fi
	[ "$1" = -- ] && shift
	blog=$LOGDIR/boot-$(echo "$name" | tr -c 'a-zA-Z0-9\n' '_' | cut -c1-40).log
	boot "$blog" --timeout 120 "$@"
	outcome=$(boot_outcome $? "$blog")
	clean_log "$blog" >"$blog.clean"
	why=
	[ "$outcome" = "$want_outcome" ] || why="ended by $outcome, want $want_outcome"
	old_ifs=$IFS
	IFS='|'
	for w in $wants; do
		grep -qF -- "$w" "$blog.clean" || why="$why; missing: $w"
	done
	IFS=$old_ifs
	if [ -n "$unwanted" ] && grep -qF -- "$unwanted" "$blog.clean"; then
		why="$why; unexpected: $unwanted"
	fi
	if [ -z "$why" ]; then pass "boot: $name"; else fail "boot: $name (${why#; })" "$blog"; fi
}

# What the console would get typed: a blank line or two first, since a
# byte that arrives while GRUB sets the port up can be lost.
typed() {
	f=$LOGDIR/typed-$1.txt
	shift
	printf '\n\n' >"$f"
	printf '%s\n' "$@" >>"$f"
	echo "$f"
}

expect_boot "the default boot (GRUB, multiboot2) shows the memory map, zones and buddy state, then starts init and the shell; exit powers off" \
	poweroff "Boot loader: GRUB|BIOS-e820: [mem 0x0000000000100000-0x0000000007fdffff] usable|Zone ranges:|Node 0, zone    DMA32|Memory: |Faultline ready|Run /sbin/init as init process|Type 'exit' (or ^D) to power off.|faultline:/# |hello from the shell|init: the shell has exited; powering off|reboot: Power down" \
	--not "Unknown kernel command line" -- --grub --input "$(typed default 'echo hello from the shell' exit)"

expect_boot "the direct boot (QEMU -kernel, PVH) takes the memory map, command line and initramfs from hvm_start_info" \
	poweroff "Boot loader: PVH direct boot (start info version 1), boot information at |BIOS-e820: [mem 0x0000000000100000-0x0000000007fdffff] usable|Kernel command line: loglevel=7 rdinit=/sbin/init|initramfs: |faultline:/# |reboot: Power down" \
	-- --cmdline "loglevel=7 rdinit=/sbin/init" --input "$(typed direct exit)"

expect_boot "an unknown command-line option is reported and passed to init: name=value into its environment" \
	poweroff 'Unknown kernel command line parameters "frobnicate=1 quux", will be passed to user space.|frobnicate is 1|reboot: Power down' \
	-- --cmdline "frobnicate=1 quux" --input "$(typed unknown 'echo frobnicate is $frobnicate' exit)"

expect_boot "a malformed option value is reported and the boot goes on" \
	poweroff "Malformed early option 'loglevel'|reboot: Power down" \
	-- --cmdline "loglevel=loud" --input "$(typed malformed exit)"

expect_boot "quiet keeps informational messages off the console" \
	poweroff "reboot: Power down" --not "Zone ranges:" -- --cmdline "quiet" \
	--input "$(typed quiet exit)"

# A copy of the kernel whose PVH note points at startup_32: QEMU then
# enters the multiboot2 entry without the multiboot2 magic in eax.
wrong_entry=$LOGDIR/wrong-entry.elf
cp build/faultline.elf "$wrong_entry"
note_off=$(readelf -lW "$wrong_entry" | awk '$1 == "NOTE" { print $2; exit }')
start32=$(nm "$wrong_entry" | sed -n 's/^ffffffff\([0-9a-f]*\) T startup_32$/\1/p')
perl -e 'print pack("Q<", hex(shift) - 0x80000000)' "$start32" |
	dd of="$wrong_entry" bs=1 seek=$((note_off + 16)) conv=notrunc status=none
expect_boot "entered at startup_32 without the multiboot2 magic, it says what is wrong and halts" \
	refused "not started by a multiboot2 boot loader" \
	-- --kernel "$wrong_entry" --module build/initramfs.cpio

# QEMU's PVH loader puts the initramfs at the top of RAM: in 24 MiB the
# whole test image would overlap the kernel at 16 MiB and the firmware
# would reset before Faultline ran. The kernel refuses before it unpacks
# anything, so the image's first 4 KiB stand in for it.
head -c 4096 build/initramfs.cpio >"$LOGDIR/small.cpio"
expect_boot "with less RAM than it needs, it names the minimum and halts (PVH)" \
	refused "Faultline needs at least 32 MiB of RAM" \
	-- --mem 24 --module "$LOGDIR/small.cpio"

expect_boot "with less RAM than it needs, it names the minimum and halts (GRUB)" \
	refused "Faultline needs at least 32 MiB of RAM" \
	-- --mem 24 --grub

expect_boot "with 4.5 GiB of RAM, ZONE_NORMAL holds the memory above 4 GiB and the buddy tests pass there" \
	poweroff "  Normal   [mem 0x0000000100000000-|# ktest: 14 passed, 0 failed|reboot: Power down" \
	--not "not ok" -- --mem 4608 --cmdline "ktest=buddy"

expect_boot "ktest=list names every test, crash tests marked" \
	poweroff "ktest buddy.split - |ktest crash.stack_overflow (crash) - " \
	-- --cmdline "ktest=list"

# The image itself, checked on the host.
img=build/faultline.elf
check "image: entry point, 16 MiB load address, multiboot2 header and PVH note as linker.ld and head.S say" \
	tests/check-image "$img"

check "accel: ACCEL=tcg forces TCG, and the probe answers without hanging" \
	sh -c 'test "$(ACCEL=tcg scripts/accel)" = tcg && a=$(timeout 60 scripts/accel) &&
	       { test "$a" = tcg || test "$a" = kvm; }'

# A damaged initramfs: cut inside /test/pages.bin's data (just after its
# header). The error names the entry, what came before is unpacked (init
# and the shell too), and the boot goes on.
# (The name right after a newc header: the same words in a program's data are not.)
cut_at=$(perl -0777 -ne '/070701[0-9A-Fa-f]{104}test\/pages\.bin\0/ and print $-[0] + 110' \
	build/initramfs.cpio)
head -c $((cut_at + 2000)) build/initramfs.cpio >"$LOGDIR/cut.cpio"
expect_boot "a truncated initramfs is reported with the entry it broke at, and the boot goes on" \
	poweroff "Initramfs unpacking failed: truncated data in entry 'test/pages.bin'|faultline:/# |reboot: Power down" \
	-- --module "$LOGDIR/cut.cpio" --input "$(typed cut exit)"

expect_boot "faulttrace prints one line per fault: who, where, what access, which VMA, which case" \
	poweroff "faulttrace: pid 1 ip ffffffff|(__put_user_1+|addr 7ffff7ffc008 write kernel not-present vma 7ffff7ffb000-7ffff7fff000 rw-p: new anonymous page|# ktest: 1 passed" \
	-- --cmdline "faulttrace ktest=memory.anon_write"
