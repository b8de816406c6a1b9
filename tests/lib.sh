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

summary() {
	echo "$PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
}
