# Crash tests: one boot each. The kernel prints "# expect: <text>" lines and
# then dies; every expected text must appear after them, and the machine
# must stop the way the test says ("# expect-outcome:", panic by default):
# a panic is not a reset, a reset is not a power-off, a hang is cut off by
# the timeout. Sourced by tests/run-all.

section "crash tests (one boot each)"
if [ -z "${CRASH_TESTS:-}" ]; then
	CRASH_TESTS=$(scripts/boot --timeout 60 --cmdline "ktest=list" 2>&1 |
		tr -d '\r' | sed -n 's/.*ktest \(crash\.[a-z_0-9]*\) (crash).*/\1/p')
fi
for ct in $CRASH_TESTS; do
	clog=$LOGDIR/$ct.log
	# A crash test that expects a hang gets a short timeout.
	limit=60
	[ "$ct" = crash.hang ] && limit=5
	boot "$clog" --timeout $limit --cmdline "ktest=$ct"
	bstatus=$?
	# A host too loaded to boot as far as the hang in 5 s gets a second
	# boot with the usual minute: the verdict must not depend on the load.
	if [ "$ct" = crash.hang ] && ! clean_log "$clog" | grep -q 'expected to die now'; then
		boot "$clog" --timeout 60 --cmdline "ktest=$ct"
		bstatus=$?
	fi
	outcome=$(boot_outcome $bstatus "$clog")
	want_outcome=$(clean_log "$clog" | sed -n 's/^# expect-outcome: //p' | head -1)
	want_outcome=${want_outcome:-panic}
	desc=$(clean_log "$clog" | sed -n "s/^# $ct: \(.*\) (the kernel is expected to die now)\$/\1/p")
	clean_log "$clog" | sed -n 's/^# expect: //p' >"$clog.expect"
	missing=
	after=$(clean_log "$clog" | sed -n '/(the kernel is expected to die now)$/,$p' | grep -v '^# expect: ')
	while IFS= read -r want; do
		case "$after" in
		*"$want"*) ;;
		*) missing="$missing
#   missing: $want" ;;
		esac
	done <"$clog.expect"
	if [ "$outcome" = "$want_outcome" ] && [ -z "$missing" ] &&
	   { [ -s "$clog.expect" ] || [ "$want_outcome" != panic ]; }; then
		pass "$ct: ${desc:-?}"
	else
		fail "$ct: ${desc:-?} (ended by $outcome, want $want_outcome)$missing" "$clog"
	fi
done
