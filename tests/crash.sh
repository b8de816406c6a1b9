# Crash tests: one boot each. The kernel prints "# expect: <text>" lines and
# then dies; every expected text must appear after them, and the machine
# must stop by panic (not hang, not reset). Sourced by tests/run-all.

section "crash tests (one boot each)"
if [ -z "${CRASH_TESTS:-}" ]; then
	CRASH_TESTS=$(scripts/boot --timeout 60 --cmdline "ktest=list" 2>&1 |
		tr -d '\r' | sed -n 's/.*ktest \(crash\.[a-z_0-9]*\) (crash).*/\1/p')
fi
for ct in $CRASH_TESTS; do
	clog=$LOGDIR/$ct.log
	boot "$clog" --timeout 60 --cmdline "ktest=$ct"
	outcome=$(boot_outcome $? "$clog")
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
	if [ "$outcome" = panic ] && [ -s "$clog.expect" ] && [ -z "$missing" ]; then
		pass "$ct: ${desc:-?}"
	else
		fail "$ct: ${desc:-?} (ended by $outcome)$missing" "$clog"
	fi
done
