# Shared by the test scripts: TAP output, counters, booting with a log.
# Sourced, not run.

PASSED=0
FAILED=0
FAILED_HERE=0
N=0
LOGDIR=${LOGDIR:-$top/build/test-logs}
mkdir -p "$LOGDIR"

section() {
	echo "== $*"
	FAILED_HERE=0
}

pass() {
	N=$((N + 1))
	PASSED=$((PASSED + 1))
	echo "ok $N - $1"
}

# fail "name" [log]: report, and show the log's tail if there is one.
fail() {
	N=$((N + 1))
	FAILED=$((FAILED + 1))
	FAILED_HERE=$((FAILED_HERE + 1))
	echo "not ok $N - $1"
	if [ -n "${2:-}" ] && [ -f "$2" ]; then
		echo "#   log: $2 (last 25 lines)"
		tail -n 25 "$2" | sed 's/^/#   | /'
	fi
}

check() {	# check "name" command...
	name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}

# Strip the console's "\r" and printk's "[    0.123456] " stamps.
clean_log() {
	tr -d '\r' <"$1" | sed 's/^\[ *[0-9]*\.[0-9]*\] //'
}

# Re-number the TAP lines of a file into ours; diagnostics pass through.
collect_tap() {
	file=$1
	prefix=$2
	clean_log "$file" >"$file.clean"
	while IFS= read -r line; do
		case "$line" in
		"ok "*) pass "$prefix/${line#ok * - }" ;;
		"not ok "*) fail "$prefix/${line#not ok * - }" ;;
		"#"*) echo "$line" ;;
		esac
	done <"$file.clean"
}

# boot LOG [scripts/boot options]: boot, log the console, return QEMU's status.
boot() {
	log=$1
	shift
	scripts/boot "$@" >"$log" 2>&1
}

# What ended a boot, from its status and log: "poweroff", "panic",
# "refused", "timeout", "reset" (a triple fault, with -no-reboot), or
# "exit N".
boot_outcome() {
	case "$1" in
	0) if grep -q "reboot: Power down" "$2"; then echo poweroff; else echo reset; fi ;;
	3) echo panic ;;
	5) echo refused ;;
	124) echo timeout ;;
	*) echo "exit $1" ;;
	esac
}

# utest_split LOG DIR: a utest= boot's cleaned log, split into one file
# of output lines per program (DIR/NAME.out), its ending (.end), its mm
# audit's error count (.audit) and its leaked pages (.leak).
utest_split() {
	awk -v dir="$2" '
		/^utest: begin / { name = $3; out = dir "/" name ".out"; printf "" > out; next }
		/^utest\| / { if (name != "") { sub(/^utest\| /, ""); print >> out } next }
		/^utest: end / { print $4, $5 > (dir "/" $3 ".end"); next }
		/^utest: .* mm audit errors / { print $6 > (dir "/" $2 ".audit"); next }
		/^utest: .* leaked / { print $4 > (dir "/" $2 ".leak"); name = ""; next }
	' "$1"
}

# utest_audit_leak NAME DIR LOG: program NAME of a utest= boot left the
# mm audit clean and leaked no page (files from utest_split).
utest_audit_leak() {
	audit=$(cat "$2/$1.audit" 2>/dev/null || echo '?')
	if [ "$audit" = 0 ]; then
		pass "audit/$1: the rmap walk finds each page it mapped as often as its map count says"
	else
		fail "audit/$1: the rmap walk finds each page it mapped as often as its map count says ($audit pages wrong)" "$3"
	fi
	leaked=$(cat "$2/$1.leak" 2>/dev/null || echo '?')
	if [ "$leaked" = 0 ]; then
		pass "leak/$1: every page it used is free again after it exits"
	else
		fail "leak/$1: every page it used is free again after it exits ($leaked pages leaked)" "$3"
	fi
}

summary() {
	echo "$PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
}
