# The kselftest table: what Linux 6.1 and Faultline made of each vm
# selftest case (tests/kselftest/table runs it; README.md shows a table).
#
#   awk -f table.awk -v dir=RESULTS -v only=" NAME... " LACKS VACUOUS TESTS
#
# LACKS is tests/kselftest/lacks, VACUOUS tests/kselftest/vacuous, TESTS
# tests/kselftest/tests. For each line of TESTS (each of only's, when only
# is not blank), it reads RESULTS/linux/NAME.{out,status} and
# RESULTS/faultline/NAME.{out,status,log}.
#
# A case is a TAP result line of the program's output, kselftest's:
#   ok N DESC               pass
#   ok N # XFAIL DESC       pass (a failure the test expects)
#   ok N # SKIP DESC        skip
#   not ok N DESC           fail
# matched across kernels by N (DESC may carry numbers that differ);
# kselftest_harness.h names a skipped case by its reason, so a preceding
# "#  RUN  NAME ..." line names it instead. A program that printed no
# case on either kernel is one case, judged by its exit status: 0 pass,
# 4 (KSFT_SKIP) skip, anything else fail; but a kselftest program that
# exits 0 having printed its TAP header and no case ran nothing (as
# compaction_test, whose missing prerequisite is ksft_exit_pass()), a
# skip that says "no case ran", and so is an exit 0 after one of the
# lines VACUOUS lists for the program. A case one kernel did not
# reach is a skip when its program exited 4 there, else a fail that says
# how the program ended (exit N, SIGNAME, "timeout" when the boot ran
# out of time, "kernel died" when it panicked); an exit status that no
# failed case accounts for is a case of its own, "NAME: exit status".
#
# Faultline's column follows tests/kselftest/lacks for the tests of a
# feature it lacks on purpose: skip whatever the program says, except
# "PASS!" when it passed and "crash" for a panic or a hang.
#
# Prints the table, the totals, the system calls Faultline's log says it
# lacks and the ksft-run setup steps that failed, and writes
# RESULTS/results.tsv (name, case, description, Linux, Faultline, note).
# Exit status 0 when every case that passes on Linux passes on Faultline,
# bar the lacks, and no lack passed or crashed; 1 otherwise.

BEGIN {
	FS = "[ \t]+"
	tsv = dir "/results.tsv"
	printf "" >tsv
	nsig = split("HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM", signame, " ")
	lacks_file = ARGV[1]
	vacuous_file = ARGV[2]
}

/^[ \t]*(#|$)/ { next }

FILENAME == lacks_file {
	lack[$1] = $2
	next
}

FILENAME == vacuous_file {
	line = $0
	sub(/^[^ \t]+[ \t]+/, "", line)
	vacuous[$1, ++nvacuous[$1]] = line
	next
}

{
	if (only !~ /^ *$/ && index(only, " " $1 " ") == 0)
		next
	note = ""
	if (index($0, "#")) {
		note = substr($0, index($0, "#") + 1)
		sub(/^ +/, "", note)
	}
	ntests++
	test_name[ntests] = $1
	test_setup[ntests] = $2
	test_note[ntests] = note
}

END {
	print_header()
	for (t = 1; t <= ntests; t++)
		one_test(test_name[t], test_setup[t], test_note[t])
	print_totals()
	print_enosys()
	print_setup_failures()
	close(tsv)
	exit (gaps + accidents + crashes) ? 1 : 0
}

# How a boot ended, from scripts/qrun's exit status.
function outcome(status)
{
	if (status == "")
		return "not run"
	if (status == 0)
		return "exit 0"
	if (status == 124)
		return "timeout"
	if (status == 125)
		return "kernel died"
	if (status == 126)
		return "not run"
	if (status > 128 && status - 128 <= nsig)
		return "SIG" signame[status - 128]
	if (status > 128 && status - 128 <= 64)	# _NSIG: beyond it, an exit
		return "signal " (status - 128)
	return "exit " status
}

# Whether kernel k's run exited 0 having tested nothing.
function vacuous_run(k)
{
	return status[k] == 0 && (vac_line[k] != "" || tap[k] && !ncases[k])
}

function status_why(k)
{
	if (vacuous_run(k))
		return vac_line[k] != "" ? "said \"" vac_line[k] "\"" : "no case ran"
	return outcome(status[k])
}

# A program's result from its exit status alone.
function status_result(k)
{
	if (status[k] == 0)
		return vacuous_run(k) ? "skip" : "pass"
	return status[k] == 4 ? "skip" : "fail"
}

# Read RESULTS/K/NAME.out into cases[K, N], cdesc[K, N]; nums[N] collects
# the case numbers of both kernels.
function parse(k, name,    file, line, num, res, desc, pending, dirv, i)
{
	status[k] = ""
	tap[k] = 0
	vac_line[k] = ""
	file = dir "/" k "/" name ".status"
	if ((getline line <file) > 0)
		status[k] = line + 0
	close(file)
	failed[k] = ncases[k] = 0
	file = dir "/" k "/" name ".out"
	pending = ""
	while ((getline line <file) > 0) {
		sub(/\r$/, "", line)
		if (line ~ /^TAP version /)
			tap[k] = 1
		for (i = 1; i <= nvacuous[name]; i++)
			if (index(line, vacuous[name, i]) == 1 && vac_line[k] == "")
				vac_line[k] = line
		if (line ~ /^#[ \t]+RUN[ \t]/) {
			pending = line
			sub(/^#[ \t]+RUN[ \t]+/, "", pending)
			sub(/[ \t]+\.\.\.$/, "", pending)
			continue
		}
		if (line !~ /^(not )?ok [0-9]+/)
			continue
		res = line ~ /^ok/ ? "pass" : "fail"
		desc = line
		sub(/^(not )?ok /, "", desc)
		num = desc + 0
		sub(/^[0-9]+ */, "", desc)
		if (match(desc, /^# *(SKIP|XFAIL|error|TODO)/)) {
			dirv = toupper(substr(desc, 1, RLENGTH))
			desc = substr(desc, RLENGTH + 1)
			if (dirv ~ /SKIP/)
				res = "skip"
			else if (dirv ~ /ERROR/)
				res = "fail"
		}
		sub(/^[ -]+/, "", desc)
		if (pending != "") {
			desc = pending
			pending = ""
		}
		cases[k, num] = res
		cdesc[k, num] = desc
		nums[num] = 1
		ncases[k]++
		if (res == "fail")
			failed[k]++
	}
	close(file)
}

function one_test(name, setup, note,    k, n, i, j, count, order, tmp, desc, extra)
{
	split("", nums)
	split("", cases)
	split("", cdesc)
	if (setup == "notrun") {
		row(name, "", "", "skip", "skip",
		    join(name in lack ? "lacks " lack[name] : "", "not run: " note), "")
		return
	}
	parse("linux", name)
	parse("faultline", name)
	if (status["linux"] == "" && status["faultline"] == "")
		return
	count = 0
	for (n in nums)
		order[++count] = n + 0
	for (i = 2; i <= count; i++)	# insertion sort: a few dozen cases
		for (j = i; j > 1 && order[j - 1] > order[j]; j--) {
			tmp = order[j]; order[j] = order[j - 1]; order[j - 1] = tmp
		}
	if (count == 0) {
		emit(name, "", "", status_result("linux"), status_why("linux"),
		     status_result("faultline"), status_why("faultline"))
		return
	}
	for (i = 1; i <= count; i++) {
		n = order[i]
		desc = ("linux", n) in cdesc ? cdesc["linux", n] : cdesc["faultline", n]
		emit(name, n, desc, case_result("linux", n), case_why("linux", n),
		     case_result("faultline", n), case_why("faultline", n))
	}
	# An exit status that no failed or missing case explains.
	extra = 0
	for (k in status)
		if (status[k] != "" && status[k] != 0 && status[k] != 4 &&
		    !failed[k] && !missing(k, count, order))
			extra = 1
	if (extra)
		emit(name, "exit", "exit status", status_result("linux"),
		     outcome(status["linux"]), status_result("faultline"),
		     outcome(status["faultline"]))
}

function missing(k, count, order,    i)
{
	for (i = 1; i <= count; i++)
		if (!((k, order[i]) in cases))
			return 1
	return 0
}

function case_result(k, n)
{
	if ((k, n) in cases)
		return cases[k, n]
	return status[k] == 4 ? "skip" : "fail"
}

function case_why(k, n)
{
	if ((k, n) in cases)
		return ""
	return "not reached: " outcome(status[k])
}

# One case of both kernels: apply the lacks, count, print, record.
function emit(name, n, desc, lres, lwhy, fres, fwhy,    note, mark)
{
	note = ""
	if (name in lack) {
		note = "lacks " lack[name]
		if (status["faultline"] == 0 && fres == "pass") {
			fres = "PASS!"
			accidents++
			mark = "!"
		} else if (status["faultline"] == 124 || status["faultline"] == 125) {
			fres = "crash"
			crashes++
			mark = "!"
		} else
			fres = "skip"
		if (fwhy == "")
			fwhy = outcome(status["faultline"])
	} else if (lres == "pass" && fres != "pass") {
		gaps++
		mark = "*"
	}
	if (fres != "pass" && fwhy != "" && fwhy != "exit 4")
		note = join(note, "Faultline: " fwhy)
	if (lres != "pass" && lwhy != "" && lwhy != "exit 4")
		note = join(note, "Linux: " lwhy)
	row(name, n, desc, lres, fres, note, mark)
}

function join(a, b)
{
	return a == "" ? b : b == "" ? a : a "; " b
}

function row(name, n, desc, lres, fres, note, mark,    label)
{
	label = name
	if (n != "")
		label = label (n == "exit" ? ": " : " " n " ") desc
	if (length(label) > 58)
		label = substr(label, 1, 55) "..."
	printf "%-58s %-5s %-6s %-1s %s\n", label, lres, fres, mark, note
	printf "%s\t%s\t%s\t%s\t%s\t%s\n", name, n, desc, lres, fres, note >>tsv
	total["linux", count_as(lres)]++
	total["faultline", count_as(fres)]++
	rows++
}

function count_as(res)
{
	return res == "PASS!" || res == "crash" ? "fail" : res
}

function print_header()
{
	printf "%-58s %-5s %-6s %-1s %s\n", "TEST", "LINUX", "FAULTL", "", "NOTE"
}

function print_totals()
{
	print ""
	printf "totals (%d cases): Linux %d pass, %d fail, %d skip; Faultline %d pass, %d fail, %d skip\n",
	       rows, total["linux", "pass"], total["linux", "fail"], total["linux", "skip"],
	       total["faultline", "pass"], total["faultline", "fail"], total["faultline", "skip"]
	printf "* pass on Linux, not on Faultline: %d\n", gaps
	printf "! a feature Faultline lacks on purpose (tests/kselftest/lacks) that passed there: %d, that crashed: %d\n",
	       accidents + 0, crashes + 0
}

# The kernel log's "system call N (NAME) is not implemented" lines.
function print_enosys(    t, file, line, name, calls, any)
{
	for (t = 1; t <= ntests; t++) {
		file = dir "/faultline/" test_name[t] ".log"
		calls = ""
		while ((getline line <file) > 0) {
			if (line !~ /is not implemented/)
				continue
			name = line
			sub(/.*system call [0-9]+ \(/, "", name)
			sub(/\).*/, "", name)
			if (index(" " calls " ", " " name " ") == 0)
				calls = calls (calls == "" ? "" : " ") name
		}
		close(file)
		if (calls == "")
			continue
		if (!any++)
			print "\nFaultline: system calls not implemented (its log), by test"
		printf "  %-32s %s\n", test_name[t], calls
	}
}

# ksft-run's "# ksft-run: ..." lines on Faultline, with how many tests said each.
function print_setup_failures(    t, file, line, seen, said, n, i, key)
{
	n = 0
	for (t = 1; t <= ntests; t++) {
		file = dir "/faultline/" test_name[t] ".out"
		split("", seen)
		while ((getline line <file) > 0) {
			sub(/\r$/, "", line)
			if (line !~ /^# ksft-run: / || line in seen)
				continue
			seen[line] = 1
			if (!(line in said))
				key[++n] = line
			said[line]++
		}
		close(file)
	}
	if (n)
		print "\nFaultline: setup steps that failed (ksft-run), in how many tests"
	for (i = 1; i <= n; i++)
		printf "  %3d  %s\n", said[key[i]], substr(key[i], 13)
}
