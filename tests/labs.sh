# The course labs (labs/, scripts/labs): every lab is proven each time.
# The full tree (every lab solved) scores full marks; each lab's starter
# tree (make lab) builds, boots, scores 0 on the lab's core tests and less
# than full marks overall; grading writes Gradescope's results.json.
# Sourced by tests/run-all. A starter tree has no other lab to prove.

section "labs (each starter fails its core tests; the solutions pass all)"
ldir=$LOGDIR/labs
rm -rf "$ldir"
mkdir -p "$ldir"

if [ -f .lab ]; then
	echo "# a starter tree: make grade grades it"
elif scripts/labs check >"$ldir/check.log" 2>&1; then
	pass "labs: every lab marker has its skeleton, and every skeleton its marker"
else
	fail "labs: every lab marker has its skeleton, and every skeleton its marker" "$ldir/check.log"
fi

# results.json as Gradescope reads it: a score and tests of name, score,
# max_score, output. Prints "SCORE MAX CORE_SCORE" from it.
json_score() {
	python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert isinstance(r["score"], (int, float)) and isinstance(r["tests"], list)
for t in r["tests"]:
    assert set(t) >= {"name", "score", "max_score", "output", "status", "tags"}, t
    assert 0 <= t["score"] <= t["max_score"] and t["status"] in ("passed", "failed")
print(r["score"], sum(t["max_score"] for t in r["tests"]),
      sum(t["score"] for t in r["tests"] if "core" in t["tags"]))
PY
}

head_before=$(git rev-parse -q --verify HEAD 2>/dev/null)
[ -f .lab ] || for lab in $(scripts/labs names); do
	# The solution: full marks.
	if scripts/labs grade --json "$ldir/$lab-solution.json" "$lab" >"$ldir/$lab-solution.log" 2>&1 &&
	   set -- $(json_score "$ldir/$lab-solution.json") && [ "$1" = "$2" ]; then
		pass "labs/$lab: the solution tree scores full marks ($1/$2)"
	else
		fail "labs/$lab: the solution tree scores full marks" "$ldir/$lab-solution.log"
	fi
	# The starter: built with a copy of build/ (so only what the lab
	# changed is compiled again), booted by every test, 0 on the core.
	starter=$ldir/$lab-starter
	if ! scripts/labs make "$lab" "$starter" >"$ldir/$lab-starter.log" 2>&1; then
		fail "labs/$lab: make lab writes the starter tree" "$ldir/$lab-starter.log"
		continue
	fi
	mkdir -p "$starter/build"
	(cd build && tar cf - --exclude=./test-logs --exclude=./mutants --exclude=./bench \
		--exclude=./grade .) | (cd "$starter/build" && tar xf -)
	if ! (cd "$starter" && make -s all) >>"$ldir/$lab-starter.log" 2>&1; then
		fail "labs/$lab: the starter tree builds" "$ldir/$lab-starter.log"
		continue
	fi
	(cd "$starter" && scripts/labs grade --json results.json) >>"$ldir/$lab-starter.log" 2>&1
	if set -- $(json_score "$starter/results.json" 2>/dev/null) && [ "$3" = 0 ] &&
	   [ "$1" -lt "$2" ] && grep -q "PASS" "$ldir/$lab-starter.log"; then
		pass "labs/$lab: the starter tree builds, boots and scores 0 on its core tests ($1/$2 overall)"
	else
		fail "labs/$lab: the starter tree builds, boots and scores 0 on its core tests" \
		     "$ldir/$lab-starter.log"
	fi
	rm -rf "$starter/build"
done

# A starter tree is a repository of its own: making one in a linked
# worktree once committed it onto that worktree's branch.
if [ -n "$head_before" ] && [ ! -f .lab ]; then
	head_after=$(git rev-parse -q --verify HEAD 2>/dev/null)
	if [ "$head_after" = "$head_before" ]; then
		pass "labs: making the starter trees leaves this checkout's branch as it was"
	else
		fail "labs: making the starter trees leaves this checkout's branch as it was (HEAD moved to $head_after)" "$ldir/check.log"
	fi
fi
