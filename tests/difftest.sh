# make difftest: every user-level test program on Linux 6.1 (Debian 12's
# kernel, scripts/linux-run) and on Faultline (scripts/qrun), the same
# binaries driven the same way by user/runtests, and every line compared.
# A test prints only what must agree (it masks what cannot, saying why).
# Sourced by tests/run-all.

section "difftest (the same programs on Linux 6.1 and on Faultline)"
ddir=$LOGDIR/difftest
rm -rf "$ddir"
mkdir -p "$ddir/linux" "$ddir/faultline"

# split OUT DIR: one NAME.out of output lines and one NAME.end per program.
split_runtests() {
	awk -v dir="$2" '
		/^runtests: begin / { name = $3; out = dir "/" name ".out"; printf "" > out; next }
		/^runtests: end / { end = $4; if (NF > 4) end = end " " $5; print end > (dir "/" $3 ".end"); name = ""; next }
		{ if (name != "") print >> out }
	' "$1"
}

for k in faultline linux; do
	if [ $k = linux ]; then run=scripts/linux-run; else run=scripts/qrun; fi
	# --disk: the swap tests' disk (tests/user/swaplib.h), attached, not swapped on
	$run --timeout 900 --disk 16 build/user/runtests >"$ddir/$k.log" 2>"$ddir/$k.err"
	status=$?
	if [ $status = 0 ]; then
		pass "difftest: user/runtests ran every program on $k"
	else
		fail "difftest: user/runtests ran every program on $k (status $status)" "$ddir/$k.err"
	fi
	split_runtests "$ddir/$k.log" "$ddir/$k"
done

# Programs Linux 6.1 cannot run as Debian builds it. fail_nth, fail_nth_exec: Debian's
# kernel has no CONFIG_FAULT_INJECTION, so no /proc/<pid>/fail-nth (the
# user suite runs it on Faultline).
FAULTLINE_ONLY="fail_nth fail_nth_exec"

for bin in build/tests/user/*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin")
	case " $FAULTLINE_ONLY " in *" $name "*) continue ;; esac
	l=$ddir/linux/$name f=$ddir/faultline/$name
	if [ -f "$l.end" ] && [ -f "$f.end" ] && cmp -s "$l.out" "$f.out" && cmp -s "$l.end" "$f.end"; then
		pass "difftest/$name: Linux 6.1 and Faultline print the same ($(cat "$f.end"))"
	else
		{
			diff -u --label "Linux 6.1" --label Faultline "$l.out" "$f.out"
			echo "Linux 6.1: $(cat "$l.end" 2>/dev/null || echo 'did not run'); Faultline: $(cat "$f.end" 2>/dev/null || echo 'did not run')"
		} >"$ddir/$name.diff" 2>&1
		fail "difftest/$name: Linux 6.1 and Faultline print the same" "$ddir/$name.diff"
		cat "$ddir/$name.diff" | sed 's/^/#   /' | head -n 60 >"$ddir/$name.shown"
	fi
done
