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
