# The user-level tests: ordinary static programs (tests/user/*.c, built
# with musl) that print TAP. One boot runs them all (utest=all, see
# kernel/utest.c); the same binaries also run on this machine's Linux,
# as `setarch -R env -i PROG 2>&1` from /, and every line must be the
# same. For each program:
#
#   user/NAME: ...     its own TAP lines, as Faultline ran it
#   diff/NAME          Linux printed the same lines and exit status
#   audit/NAME         the mm audit (debug build) found every page it
#                      mapped through the rmap as often as its map count
#   leak/NAME          no page leaked once it and its children were gone
#
# NO_DIFF lists the programs whose output depends on this machine's
# configuration or its newer kernel rather than on Linux's behaviour as
# of 6.1; make difftest (tests/difftest.sh) compares those, like every
# program, with Linux 6.1 itself. Sourced by tests/run-all.

# coredump: where a core goes is the host's kernel.core_pattern.
# cow_reuse: /proc/vmstat's pgreuse is machine-wide, and this machine's
# other processes fault too.
# fail_nth, fail_nth_exec: need CONFIG_FAULT_INJECTION, which Debian's kernels lack.
# elf_limits: 6.1 refuses program headers that this machine's Linux takes.
# brk_heap: the bss and the first heap VMA stay apart in 6.1; later Linux
# merges them.
# proc_*: this machine's newer Linux prints /proc with other lines and
# maps a vDSO; it has no /test files either. Linux 6.1 is their oracle.
# (proc_zoneinfo also writes vm.min_free_kbytes and vm.lowmem_reserve_ratio.)
# madvise: newer Linux takes more advice (102, MADV_GUARD_INSTALL) and
# answers MADV_POPULATE_* past a mapping with EINVAL, not 6.1's ENOMEM.
# mremap: newer Linux merges a grown VMA with an untouched neighbour,
# which 6.1's anon_vma rule refuses.
# soft_dirty: this machine's kernel is built without CONFIG_MEM_SOFT_DIRTY.
# max_map_count, overcommit, proc_sys: they write /proc/sys (overcommit mode, hostname,
# pid_max ...), which must never change this machine's own settings.
# statfs: this machine's / and /tmp are not tmpfs.
# sysfs: this machine's /sys shows its own CPUs and THP setting.
# mmap_flags: later Linux refuses more flags with plain MAP_SHARED.
# memfd: newer Linux reads F_ADD_SEALS's argument as 32 bits, so a seal
# past them is no EINVAL there.
# fallocate: newer Linux refuses an exclusive mode combined with another
# (COLLAPSE|KEEP_SIZE ...) with EOPNOTSUPP, where 6.1 says EINVAL.
# pidfd: newer Linux's pidfs gives a pidfd mode 0700 and POLLHUP once
# reaped, and pidfd_send_signal takes flags (PIDFD_SIGNAL_*).
# process_madvise: newer Linux takes any advice for the caller itself.
# thread_exit: when a leader exits before its threads, 6.1's SIGCHLD
# carries the leader's own status; later Linux carries the process's.
# uffd_api, uffd_register, uffd_copy, uffd_events, uffd_fault: newer
# Linux offers more userfaultfd features and ioctls (UFFDIO_POISON ...),
# merges registered ranges that 6.1 keeps apart, reports a fill refused
# during an event in its copy field, and this machine's /tmp is not tmpfs
# (MINOR faults need shmem).
# oom_kill: it fills memory until the OOM killer acts: never on this machine.
# oom_score: it lowers oom_score_adj as root, which needs CAP_SYS_RESOURCE
# (this machine may run it in a container without it).
# swapon, swap_header, swap_pageout, swap_readahead, swap_writeback,
# shmem_swap*, oom_swap: they need the swap disk of a test VM (a host's /dev/vda may
# be its own disk: they skip there, touching nothing, so the outputs
# differ). make difftest compares them with Linux 6.1.
# cred_*: they start as root with every capability; this machine may run
# them in a container whose bounding set lacks some (or as another user);
# cred_core and cred_overcommit write /proc/sys too.
NO_DIFF="brk_heap coredump cow_reuse elf_limits fail_nth fail_nth_exec fallocate madvise max_map_count memfd mmap_flags mremap overcommit pidfd proc_bad proc_files proc_maps proc_meminfo proc_pagemap proc_sys proc_zoneinfo process_madvise soft_dirty statfs sysfs thread_exit uffd_api uffd_copy uffd_events uffd_fault uffd_register"
NO_DIFF="$NO_DIFF cred_admin cred_caps cred_core cred_files cred_gid cred_ipc cred_kill cred_overcommit"
NO_DIFF="$NO_DIFF cred_pagemap cred_proc"
NO_DIFF="$NO_DIFF cred_rlimit cred_uid oom_kill oom_score"
# lru_*: the LRU lists are machine-wide, and this machine has several
# CPUs (a drain empties only the current one's batches) and other
# processes moving pages meanwhile; make difftest compares them on 6.1.
NO_DIFF="$NO_DIFF lru_anon lru_file lru_mlock"
NO_DIFF="$NO_DIFF swapon swap_header swap_pageout shmem_swap shmem_swap_shared oom_swap swap_readahead swap_writeback"
# reclaim_ws, reclaim_hot, reclaim_active: they need a swap disk several
# times the RAM, which only tests/reclaim.sh attaches; elsewhere they
# skip, saying why.
NO_DIFF="$NO_DIFF reclaim_ws reclaim_hot reclaim_active"

section "user tests (boot with utest=all, and the same programs on Linux)"
ulog=$LOGDIR/utest.log
udir=$LOGDIR/utest
rm -rf "$udir"
mkdir -p "$udir"
# The swap tests' disk (tests/user/swaplib.h): 16 MiB, mkswap'd, not swapped on.
truncate -s 0 "$LOGDIR/utest-swap.img"
truncate -s 16M "$LOGDIR/utest-swap.img"
"$(command -v mkswap || echo /sbin/mkswap)" -q "$LOGDIR/utest-swap.img" >/dev/null
boot "$ulog" --timeout 900 --drive "$LOGDIR/utest-swap.img" --cmdline "utest=all"
ustatus=$?
uoutcome=$(boot_outcome "$ustatus" "$ulog")
clean_log "$ulog" >"$ulog.clean"

utest_split "$ulog.clean" "$udir"

[ "$uoutcome" = poweroff ] || fail "utest: the run completes (ended by $uoutcome)" "$ulog"

# syscall_abi called number 999 twice: the log names it, once.
n999=$(grep -c "syscall_abi\[[0-9]*\]: system call 999 (not a Linux x86_64 system call) is not implemented: -ENOSYS" "$ulog.clean")
if [ "$n999" = 1 ]; then
	pass "utest: an unknown system call is named in the kernel log, once"
else
	fail "utest: an unknown system call is named in the kernel log, once (found $n999 times)" "$ulog"
fi

for bin in build/tests/user/*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin")
	out=$udir/$name.out
	if [ ! -f "$udir/$name.end" ]; then
		fail "user/$name: it ran to the end" "$ulog"
		continue
	fi
	collect_tap "$out" "user/$name"
	end=$(cat "$udir/$name.end")
	case " $NO_DIFF " in
	*" $name "*) ;;
	*)
		# The same program on this machine's Linux. As on Faultline, a
		# program that hangs is killed after 120 s.
		abs=$(cd "$(dirname "$bin")" && pwd)/$name
		(cd / && timeout -s KILL 120 setarch -R env -i "$abs" >"$udir/$name.linux" 2>&1)
		lstatus=$?
		if [ $lstatus -gt 128 ]; then lend="signal $((lstatus - 128))"; else lend="status $lstatus"; fi
		if [ "$end" = "$lend" ] && cmp -s "$out" "$udir/$name.linux"; then
			pass "diff/$name: the same output and ending ($end) as on Linux"
		else
			diff -u "$udir/$name.linux" "$out" >"$udir/$name.diff"
			echo "Linux: $lend; Faultline: $end" >>"$udir/$name.diff"
			fail "diff/$name: the same output and ending as on Linux (--- Linux, +++ Faultline)" \
			     "$udir/$name.diff"
		fi ;;
	esac
	utest_audit_leak "$name" "$udir" "$ulog"
done
