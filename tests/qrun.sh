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
