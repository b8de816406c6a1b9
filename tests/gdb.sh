# make gdb's machinery: QEMU halted with a gdb server, gdb with the
# kernel's symbols; a hardware breakpoint on start_kernel must be hit and
# the backtrace must name it. Sourced by tests/run-all.

section "gdb"
glog=$LOGDIR/gdb.log
cat >"$LOGDIR/gdb.cmd" <<'GDB'
hbreak start_kernel
continue
bt
break mm_core_init
continue
info symbol $pc
kill
GDB
timeout 120 scripts/gdb --batch "$LOGDIR/gdb.cmd" --port $((20000 + $$ % 20000)) >"$glog" 2>&1
if grep -q "^Breakpoint 1, start_kernel" "$glog" && grep -q "^#0  start_kernel" "$glog" &&
   grep -q "mm_core_init in section .text" "$glog"; then
	pass "gdb: hbreak start_kernel and break mm_core_init are hit, with symbols and source lines"
else
	fail "gdb: hbreak start_kernel and break mm_core_init are hit, with symbols and source lines" "$glog"
fi

# The helpers (scripts/gdb-faultline.py), at a breakpoint in init's
# wait4: its tasks, VMAs, a page through the page tables and the rmap,
# and the kernel log.
hlog=$LOGDIR/gdb-helpers.log
cat >"$LOGDIR/gdb-helpers.cmd" <<'GDB'
hbreak start_kernel
continue
delete
hbreak __x64_sys_wait4
continue
lx-ps
lx-vmas
lx-vtop 0x401000
lx-rmap 0x401000
lx-rmap 0x7fffffffe000
lx-dmesg
kill
GDB
timeout 120 scripts/gdb --batch "$LOGDIR/gdb-helpers.cmd" --port $((20000 + ($$ + 7) % 20000)) \
	>"$hlog" 2>&1
gdb_helper() {	# NAME PATTERN...: every pattern is in the log
	name=$1
	shift
	for p in "$@"; do
		if ! grep -q -- "$p" "$hlog"; then
			fail "gdb: $name (missing: $p)" "$hlog"
			return
		fi
	done
	pass "gdb: $name"
}
gdb_helper "lx-ps lists the tasks with their pids and commands" "     1      1 " " init$"
gdb_helper "lx-vmas lists a task's VMAs with flags, offset, anon_vma and file" \
	"000000401000-00000040a000 r-xp pgoff 0x1 .* init$" "rw-p pgoff 0x7ffffffde .*anon_vma 0xffff"
gdb_helper "lx-vtop walks an address through pgd, pud, pmd and pte to its struct page" \
	"^pgd\[  0\]" "^pud\[  0\]" "^pmd\[  2\]" "^pte\[  1\] .*\[P U A\]" "^0x401000 -> physical" \
	"struct page 0xffffea.*_mapcount"
gdb_helper "lx-rmap finds a file page's mappings through i_mmap" \
	"file: address_space" "0x401000 in VMA 0x401000-0x40a000 of pid 1 (init): mapped"
gdb_helper "lx-rmap finds an anonymous page's mappings through its anon_vma" \
	"anonymous: anon_vma 0xffff" "0x7fffffffe000 in VMA .* of pid 1 (init): mapped"
gdb_helper "lx-dmesg prints the kernel log" "Faultline ready"
if grep -q "Python Exception\|Error occurred" "$hlog"; then
	fail "gdb: the helpers raise no Python error" "$hlog"
else
	pass "gdb: the helpers raise no Python error"
fi
