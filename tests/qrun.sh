# scripts/qrun as graders use it: output, exit status, signals, timeouts,
# refusals, a kernel that panics, and a real Debian program (busybox,
# glibc's static start-up). Sourced by tests/run-all.

section "qrun"
qlog=$LOGDIR/qrun
mkdir -p "$qlog"

# expect_qrun NAME WANT_STATUS WANT_OUTPUT -- QRUN-ARGS...
expect_qrun() {
	name=$1 want_status=$2 want_out=$3
	shift 4
	scripts/qrun "$@" >"$qlog/out" 2>"$qlog/err"
	got=$?
	out=$(cat "$qlog/out")
	if [ "$got" = "$want_status" ] && [ "$out" = "$want_out" ]; then
		pass "qrun: $name"
	else
		{
			echo "want status $want_status, output:"; echo "$want_out"
			echo "got status $got, output:"; cat "$qlog/out"
			echo "stderr:"; cat "$qlog/err"
		} >"$qlog/why"
		fail "qrun: $name" "$qlog/why"
	fi
}

expect_qrun "runs PROGRAM as /bin/NAME with its arguments and an empty environment" 0 \
	"/bin/sh a b
env: ${ENV_EMPTY:-}" -- build/user/sh -c 'echo $0 a b; echo env: $HOME$PATH'
expect_qrun "a program's exit status is qrun's" 42 "" -- build/user/sh -c 'exit 42'
expect_qrun "a program killed by signal N gives 128+N" 139 "" -- build/user/sh -c 'kill -SEGV $$'
expect_qrun "the output is the program's, newlines as written" 0 "one
two" -- build/user/echo "one
two"
expect_qrun "out of time: 124" 124 "" -- --timeout 3 build/user/sleep 100
expect_qrun "a panicking kernel: 125" 125 "" -- --cmdline ktest=crash.panic build/user/true
expect_qrun "not an ELF file: 126, saying so" 126 "" -- tests/qrun.sh
expect_qrun "a dynamically linked program: 126, saying so" 126 "" -- "$(command -v setarch)"
if grep -q 'dynamically linked' "$qlog/err"; then
	pass "qrun: the refusal names the reason (dynamically linked)"
else
	fail "qrun: the refusal names the reason (dynamically linked)" "$qlog/err"
fi
expect_qrun "Debian's busybox-static (glibc's static start-up) runs its shell" 0 "42
Linux
hello" -- /bin/busybox sh -c 'echo $((6*7)); uname -s; echo hello | cat'

# busybox's ps, free and top read Faultline's /proc and agree with it.
expect_qrun "busybox free, ps, top and a read of smaps agree with Faultline's /proc" 0 \
"free: total agrees with meminfo
ps: pid 1 is /init
top: used + free is the total
smaps: Rss totals statm resident" -- /bin/busybox sh -c '
t=$(busybox awk "/^MemTotal:/ {print \$2}" /proc/meminfo)
f=$(busybox free | busybox awk "/^Mem:/ {print \$2}")
[ "$t" = "$f" ] && echo "free: total agrees with meminfo" || echo "free: $f, meminfo: $t"
busybox ps | busybox awk "\$1 == 1 {print \"ps: pid 1 is\", \$NF}"
busybox top -bn1 | busybox awk -v t="$t" "/^Mem:/ {u = \$2; f = \$4; sub(\"K\", \"\", u); sub(\"K\", \"\", f); print (u + f == t) ? \"top: used + free is the total\" : \"top: \" u \"+\" f \" vs \" t}"
busybox awk "/^Rss:/ {s += \$2} /^VmFlags:/ {n++} END {getline l < \"/proc/self/statm\"; split(l, a, \" \"); print (s == a[2] * 4 && n > 5) ? \"smaps: Rss totals statm resident\" : \"smaps \" s \" statm \" a[2] * 4}" /proc/self/smaps'
