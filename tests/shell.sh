# The console shell as a student types at it: scripts/qrun runs
# build/user/sh on a terminal, and this script types one line at a time,
# waiting for what each prints, as a person would (an expect-style
# driver over a FIFO). What it checks: pipes, redirections, cd, $?, ^C
# killing the foreground job and not the shell, a stopped job, ^C
# abandoning a half-typed line, exit with a status. Sourced by tests/run-all.

section "shell (typed at a terminal through scripts/qrun)"
sdir=$LOGDIR/shell
rm -rf "$sdir"
mkdir -p "$sdir"
out=$sdir/out
: >"$out"
mkfifo "$sdir/in"
scripts/qrun --timeout 300 build/user/sh <"$sdir/in" >"$out" 2>&1 &
shell_pid=$!
exec 9>"$sdir/in"

# wait_for GREP-FLAGS TEXT: until grep finds TEXT in the output (60 s at most).
wait_for() {
	i=0
	while ! grep -q"$1"F -- "$2" "$out"; do
		i=$((i + 1))
		[ $i -le 600 ] || return 1
		sleep 0.1
	done
}
wait_line() { wait_for x "$1"; }	# LINE as a whole line
wait_text() { wait_for '' "$1"; }	# TEXT anywhere

# expect NAME LINE COMMAND: type COMMAND, and LINE must come out.
expect() {
	printf '%s\n' "$3" >&9
	if wait_line "$2"; then pass "shell: $1"; else fail "shell: $1 (no line '$2')" "$out"; fi
}

if wait_text "faultline:/# "; then pass "shell: starts on the terminal with a prompt naming the directory"
else fail "shell: starts on the terminal with a prompt naming the directory" "$out"; fi
expect "a pipeline" "one two" "echo one two | cat"
expect "> and >> write a file, < reads it" "second" \
	"echo first > /tmp/f; echo second >> /tmp/f; cat < /tmp/f"
expect "cd changes the directory" "/tmp" "cd /tmp; pwd"
if wait_text "faultline:/tmp# "; then pass "shell: and the prompt says so"
else fail "shell: and the prompt says so" "$out"; fi
expect "\$? is the last command's status" "status 3" "sh -c 'exit 3'; echo status \$?"

# ^C while a job runs: SIGINT goes to the job's process group. The shell
# puts the job in the terminal's foreground just after it starts, so a ^C
# typed before that reaches the shell instead (which ignores it while it
# waits); and ^C flushes what was typed ahead. So: ^C, then the next
# command, until that command runs.
printf 'echo go; sleep 100\n' >&9
wait_line "go"
i=0
while ! grep -qx "interrupted 130" "$out" && [ $i -lt 20 ]; do
	sleep 1
	printf '\003' >&9
	sleep 0.5
	printf 'echo interrupted $?\n' >&9
	j=0
	while ! grep -qx "interrupted 130" "$out" && [ $j -lt 30 ]; do
		sleep 0.1
		j=$((j + 1))
	done
	i=$((i + 1))
done
if grep -qx "interrupted 130" "$out"; then
	pass "shell: ^C kills the foreground job (status 130), not the shell"
else
	fail "shell: ^C kills the foreground job (status 130), not the shell" "$out"
fi

expect "a job that stops (as ^Z would stop it) is continued, not waited for forever" "resumed" \
	"sh -c 'kill -TSTP \$\$; echo resumed'"

printf 'echo abandoned' >&9
sleep 1
printf '\003' >&9
expect "^C at the prompt abandons the half-typed line" "kept" "echo kept"
if grep -qx "abandoned" "$out"; then fail "shell: the abandoned line did not run" "$out"
else pass "shell: the abandoned line did not run"; fi

printf 'exit 7\n' >&9
exec 9>&-
wait "$shell_pid"
status=$?
if [ "$status" = 7 ]; then pass "shell: exit 7 ends the shell with status 7"
else fail "shell: exit 7 ends the shell with status 7 (got $status)" "$out"; fi

# A line editor's round trip: raw mode, then canonical again (the second
# read must wait for the new line, with nothing stale left over).
tout=$sdir/raw_canon.out
: >"$tout"
rm -f "$sdir/tin"
mkfifo "$sdir/tin"
scripts/qrun --timeout 120 build/tests/tty/raw_canon <"$sdir/tin" >"$tout" 2>&1 &
tty_pid=$!
exec 9>"$sdir/tin"
out=$tout
wait_line "ready" && printf 'abc' >&9
wait_line "ready2" && printf 'xyz\n' >&9
wait_text "canonical read"
exec 9>&-
wait "$tty_pid"
if grep -qx "raw read 3: abc" "$tout" && grep -qx "queued after going canonical: 0" "$tout" &&
   grep -qx "canonical read 4: xyz" "$tout"; then
	pass "shell: raw mode then canonical again: the next line is read whole, nothing stale"
else
	fail "shell: raw mode then canonical again: the next line is read whole, nothing stale" "$tout"
fi
