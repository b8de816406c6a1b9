# scripts/qrun as graders use it: output, exit status, signals, timeouts,
# refusals, a kernel that panics, added files and environment variables,
# the image's accounts, bad options, and a real Debian program (busybox,
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
probe=build/tests/qrun/probe
printf 'line one\nline two\n' >"$qlog/data.txt"
rm -rf "$qlog/tree"
mkdir -p "$qlog/tree/sub"
echo nested >"$qlog/tree/sub/n.txt"
expect_qrun "--add FILE puts it at /BASENAME, where the program (cwd /) reads it" 0 "line one
line two
line one
line two" -- --add "$qlog/data.txt" $probe cat /data.txt cat data.txt
expect_qrun "--add FILE:DST, FILE:DIR/ and DIR:DST (repeatable) put each where asked" 0 "line one
line two
line one
line two
nested" -- --add "$qlog/data.txt:/srv/in.txt" --add "$qlog/data.txt:/etc/" \
	--add "$qlog/tree:/srv/tree" $probe cat /srv/in.txt cat /etc/data.txt cat /srv/tree/sub/n.txt
expect_qrun "--env NAME=VALUE (repeatable) reaches getenv; nothing else is set" 0 "hello world
a=b

(unset)
3 variables" -- --env "GREETING=hello world" --env X=a=b --env EMPTY= \
	$probe env GREETING env X env EMPTY env HOME environ
expect_qrun "without --env the environment stays empty" 0 "0 variables" -- $probe environ
expect_qrun "/etc/passwd and /etc/group name root (0) and nobody (65534), as Debian's do" 0 "root
nobody
root
nogroup" -- $probe pw 0 pw 65534 gr 0 gr 65534
out=$(scripts/linux-run --add "$qlog/data.txt" --env GREETING=linux $probe env GREETING cat data.txt pw 65534 2>"$qlog/err")
got=$?
if [ "$got" = 0 ] && [ "$out" = "linux
line one
line two
nobody" ]; then
	pass "qrun: linux-run takes --add and --env too, and its image has the same accounts"
else
	printf 'status %s, output:\n%s\n' "$got" "$out" | cat - "$qlog/err" >"$qlog/why"
	fail "qrun: linux-run takes --add and --env too, and its image has the same accounts" "$qlog/why"
fi

# --swap MB: the same swap area, swapped on before the program, on both kernels.
swaps="Filename				Type		Size		Used		Priority
/dev/vda                                partition	8188		0		-2"
expect_qrun "--swap 8: an 8 MiB mkswap'd disk, swapped on before the program runs" 0 "$swaps" -- \
	--swap 8 $probe cat /proc/swaps
out=$(scripts/linux-run --swap 8 $probe cat /proc/swaps 2>"$qlog/err")
got=$?
if [ "$got" = 0 ] && [ "$out" = "$swaps" ]; then
	pass "qrun: linux-run --swap 8 loads Debian's virtio modules and shows the same area"
else
	printf 'status %s, output:\n%s\n' "$got" "$out" | cat - "$qlog/err" >"$qlog/why"
	fail "qrun: linux-run --swap 8 loads Debian's virtio modules and shows the same area" "$qlog/why"
fi

# expect_bad_option NAME "message" -- QRUN-ARGS...: status 2, one line
# on stderr containing the message, no boot.
expect_bad_option() {
	name=$1 want_msg=$2
	shift 3
	"$@" >"$qlog/out" 2>"$qlog/err"
	got=$?
	if [ "$got" = 2 ] && [ "$(wc -l <"$qlog/err")" = 1 ] && grep -qF -- "$want_msg" "$qlog/err" &&
	   [ ! -s "$qlog/out" ]; then
		pass "qrun: $name"
	else
		{ echo "want status 2 and one line with: $want_msg"; echo "got status $got, stderr:"
		  cat "$qlog/err"; echo "stdout:"; cat "$qlog/out"; } >"$qlog/why"
		fail "qrun: $name" "$qlog/why"
	fi
}
expect_bad_option "an unknown option: status 2, named" "qrun: unknown option '--frobnicate'" -- \
	scripts/qrun --frobnicate $probe
expect_bad_option "an option without its argument: status 2, named" "qrun: option --env needs an argument" -- \
	scripts/qrun --env
expect_bad_option "--add of a missing file: status 2, named" "qrun: --add $qlog/nothing:/x: no such file or directory: $qlog/nothing" -- \
	scripts/qrun --add "$qlog/nothing:/x" $probe
expect_bad_option "--env without '=': status 2, named" "qrun: --env wants NAME=VALUE, not 'GREETING'" -- \
	scripts/qrun --env GREETING $probe
expect_bad_option "a non-numeric --mem: status 2, named" "qrun: option --mem wants a whole number, not '1G'" -- \
	scripts/qrun --mem 1G $probe
expect_bad_option "a non-numeric --timeout: status 2, named" "qrun: option --timeout wants a whole number, not '5s'" -- \
	scripts/qrun --timeout 5s $probe
expect_bad_option "--swap 0: status 2, named" "qrun: --swap wants at least 1 MiB, not '0'" -- \
	scripts/qrun --swap 0 $probe
expect_bad_option "no PROGRAM: status 2, with the usage" "qrun: no PROGRAM; usage: " -- \
	scripts/qrun --env A=b
expect_bad_option "linux-run checks its options the same way (qrun's code)" "linux-run: --env wants NAME=VALUE, not 'X'" -- \
	scripts/linux-run --env X $probe

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

# The fault trace, switched at run time (fs/proc/faulttrace.c): for one
# process (and the children it starts after), for the whole system, and
# off by default. The lines go to the kernel log (--log).
ftrace_lines() { grep -c "faulttrace: pid" "$1"; }
scripts/qrun --log "$qlog/ft-off.log" build/user/sh -c 'cat /proc/faulttrace; true' >"$qlog/ft-off.out" 2>&1
scripts/qrun --log "$qlog/ft-pid.log" build/user/sh -c \
	'echo 1 > /proc/$$/faulttrace; cat /proc/$$/faulttrace; true' >"$qlog/ft-pid.out" 2>&1
scripts/qrun --log "$qlog/ft-all.log" build/user/sh -c \
	'echo 1 > /proc/faulttrace; cat /proc/faulttrace; echo 0 > /proc/faulttrace; cat /proc/faulttrace' \
	>"$qlog/ft-all.out" 2>&1
if [ "$(cat "$qlog/ft-off.out")" = 0 ] && [ "$(ftrace_lines "$qlog/ft-off.log")" = 0 ]; then
	pass "qrun: the fault trace is off unless switched on (/proc/faulttrace reads 0)"
else
	fail "qrun: the fault trace is off unless switched on (/proc/faulttrace reads 0)" "$qlog/ft-off.log"
fi
if [ "$(cat "$qlog/ft-pid.out")" = 1 ] && [ "$(ftrace_lines "$qlog/ft-pid.log")" -gt 0 ] &&
   ! grep -q "faulttrace: pid 1 " "$qlog/ft-pid.log"; then
	pass "qrun: echo 1 > /proc/PID/faulttrace traces that process and its children, not init"
else
	fail "qrun: echo 1 > /proc/PID/faulttrace traces that process and its children, not init" \
	     "$qlog/ft-pid.log"
fi
if [ "$(cat "$qlog/ft-all.out")" = "1
0" ] && [ "$(ftrace_lines "$qlog/ft-all.log")" -gt 0 ]; then
	pass "qrun: echo 1 > /proc/faulttrace traces every process until echo 0"
else
	fail "qrun: echo 1 > /proc/faulttrace traces every process until echo 0" "$qlog/ft-all.log"
fi
