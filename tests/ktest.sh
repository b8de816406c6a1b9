# The in-kernel tests: one boot with ktest=all; its TAP lines become ours.
# The plan line must match the results (a kernel that dies mid-way fails),
# and the boot must end in a clean power-off. Sourced by tests/run-all.

section "ktests (boot with ktest=all)"
klog=$LOGDIR/ktest.log
# A blank 4 MiB disk for the swap ktests (mm/swapfile_test.c), /dev/vda.
truncate -s 0 "$LOGDIR/ktest-disk.img"
truncate -s 4M "$LOGDIR/ktest-disk.img"
boot "$klog" --timeout 300 --drive "$LOGDIR/ktest-disk.img" --cmdline "ktest=all"
kstatus=$?
collect_tap "$klog" ktest
plan=$(clean_log "$klog" | sed -n 's/^1\.\.\([0-9]*\)$/\1/p' | head -1)
results=$(clean_log "$klog" | grep -cE '^(not )?ok [0-9]+ - ')
outcome=$(boot_outcome "$kstatus" "$klog")
if [ -z "$plan" ] || [ "$plan" != "$results" ] || [ "$outcome" != poweroff ]; then
	fail "ktest: the run completes (plan ${plan:-missing}, $results results, ended by $outcome)" "$klog"
fi
CRASH_TESTS=$(clean_log "$klog" | sed -n 's/^# ktest: crash tests (one boot each)://p')

# The ktests that assert how much guest time passed (KTEST_ICOUNT: the
# tick's rate, udelay) get a boot of their own under -icount
# shift=0,sleep=off, where guest time is one nanosecond per instruction:
# their bounds then hold exactly, however loaded the host is.
tlog=$LOGDIR/ktest-icount.log
boot "$tlog" --timeout 300 --icount --cmdline "ktest=time"
tstatus=$?
collect_tap "$tlog" ktest-icount
plan=$(clean_log "$tlog" | sed -n 's/^1\.\.\([0-9]*\)$/\1/p' | head -1)
results=$(clean_log "$tlog" | grep -cE '^(not )?ok [0-9]+ - ')
outcome=$(boot_outcome "$tstatus" "$tlog")
if [ -z "$plan" ] || [ "$plan" = 0 ] || [ "$plan" != "$results" ] || [ "$outcome" != poweroff ]; then
	fail "ktest-icount: the run completes (plan ${plan:-missing}, $results results, ended by $outcome)" "$tlog"
fi
