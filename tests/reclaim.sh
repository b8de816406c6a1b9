# Reclaim under memory pressure, on a machine of its own: 48 MiB of RAM
# and a 256 MiB swap disk, so that tests/user/reclaim_ws.c can push a
# working set of four times the RAM through swap, reclaim_hot.c can
# stream three times the RAM past a hot set, and reclaim_active.c can
# show active pages going back out (they skip in the user suite's boot,
# whose disk is too small). Faultline runs it as the user
# suite runs its programs: the TAP lines, the mm audit and the page-leak
# check. With RECLAIM_ORACLE=1 (make difftest sets it) Linux 6.1 runs
# the same program with 128 MiB (the least its Debian kernel boots in)
# and a 480 MiB disk, and must print the same; that takes 2-3 minutes
# under TCG, so make test leaves it out. Sourced by tests/run-all.

section "reclaim (a working set of 4x the RAM through swap)"
rdir=$LOGDIR/reclaim
rlog=$rdir/boot.log
rm -rf "$rdir"
mkdir -p "$rdir"
mkswap_img() {
	truncate -s "$2" "$1"
	"$(command -v mkswap || echo /sbin/mkswap)" -q "$1" >/dev/null
}
mkswap_img "$rdir/swap.img" 256M
RECLAIM_TESTS="reclaim_active reclaim_hot reclaim_ws"
# utest_timeout: each program streams hundreds of MiB through a disk under TCG.
boot "$rlog" --mem 48 --timeout 1200 --drive "$rdir/swap.img" \
	--cmdline "utest=$(echo $RECLAIM_TESTS | tr ' ' ,) utest_timeout=600"
routcome=$(boot_outcome $? "$rlog")
clean_log "$rlog" >"$rlog.clean"
utest_split "$rlog.clean" "$rdir"
[ "$routcome" = poweroff ] || fail "reclaim: the run completes (ended by $routcome)" "$rlog"
for name in $RECLAIM_TESTS; do
	if [ ! -f "$rdir/$name.end" ]; then
		fail "reclaim/$name: it ran to the end" "$rlog"
		continue
	fi
	collect_tap "$rdir/$name.out" "reclaim/$name"
	if grep -q '^1\.\.0 # SKIP' "$rdir/$name.out"; then
		fail "reclaim/$name: it ran, not skipped" "$rdir/$name.out"
	fi
	utest_audit_leak "$name" "$rdir" "$rlog"
	[ "${RECLAIM_ORACLE:-0}" = 1 ] || continue
	scripts/linux-run --mem 128 --timeout 900 --disk 480 "build/tests/user/$name" \
		>"$rdir/$name.linux" 2>"$rdir/$name.linux-err"
	if cmp -s "$rdir/$name.linux" "$rdir/$name.out"; then
		pass "difftest/$name: Linux 6.1 and Faultline print the same"
	else
		diff -u --label "Linux 6.1" --label Faultline "$rdir/$name.linux" \
			"$rdir/$name.out" >"$rdir/$name.diff" 2>&1
		fail "difftest/$name: Linux 6.1 and Faultline print the same" "$rdir/$name.diff"
	fi
done
