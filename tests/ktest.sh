# The in-kernel tests: one boot with ktest=all; its TAP lines become ours.
# The plan line must match the results (a kernel that dies mid-way fails),
# and the boot must end in a clean power-off. Sourced by tests/run-all.

section "ktests (boot with ktest=all)"
klog=$LOGDIR/ktest.log
boot "$klog" --timeout 300 --cmdline "ktest=all"
kstatus=$?
collect_tap "$klog" ktest
plan=$(clean_log "$klog" | sed -n 's/^1\.\.\([0-9]*\)$/\1/p' | head -1)
results=$(clean_log "$klog" | grep -cE '^(not )?ok [0-9]+ - ')
outcome=$(boot_outcome "$kstatus" "$klog")
if [ -z "$plan" ] || [ "$plan" != "$results" ] || [ "$outcome" != poweroff ]; then
	fail "ktest: the run completes (plan ${plan:-missing}, $results results, ended by $outcome)" "$klog"
fi
CRASH_TESTS=$(clean_log "$klog" | sed -n 's/^# ktest: crash tests (one boot each)://p')
