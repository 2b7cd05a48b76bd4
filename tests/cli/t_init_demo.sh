#!/bin/bash
# tests/cli/t_init_demo.sh: a missing database, "safer init", and the
# Stockport demo: loaded once, idempotent, refused over another partnership.
. "$(dirname "$0")/lib.sh"

# json EXPR: evaluate a Python expression over the JSON in $out as d.
json() { python3 -c "import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if ($1) else 1)" <<<"$out"; }

# A command that reads the data, before there is any database.
for cmd in "plans list" "actions list" "funds list" "export actions" "actions show 1" "plans show 1"; do
	run $cmd
	expect_rc 1 "$cmd without a database fails"
	expect_err "safer init" "$cmd without a database says to run safer init"
	expect_err "safer demo" "$cmd without a database mentions safer demo"
done
check "reading does not create the database" test ! -e "$DB"
run serve --listen 127.0.0.1:1
expect_rc 1 "serve without a database fails before listening"
expect_err "safer init" "serve without a database says to run safer init"

run init
expect_rc 0 "init creates a database"
expect_out "is ready" "init says the database is ready"
check "init made the file" test -f "$DB"
run init
expect_rc 0 "init on an existing database is harmless"
run plans list --format json
expect_rc 0 "an empty database lists plans"
check "an empty database has no plans" json 'd["plans"] == []'
run actions list --format json
check "an empty database has no actions" json 'd["count"] == 0 and d["actions"] == []'
run init extra
expect_rc 2 "init with an unexpected argument is a usage error"
run init --partnership "Only a name"
expect_rc 2 "init --partnership without --area is a usage error"

# The demo into the empty database.
run demo
expect_rc 0 "demo loads"
expect_out "loaded the Stockport demo" "demo says it loaded"
run plans list --format json
p1=$out
check "the demo has four plans" json 'len(d["plans"]) == 4'
run plans show 1 --format json
s1=$out
run export actions --format json
a1=$out
check "the demo has 20 actions" json 'len(d["actions"]) == 20'
run export awards --format csv
w1=$out
run funds list --format json
f1=$out

run demo
expect_rc 0 "demo a second time succeeds"
expect_out "already" "demo a second time says the demo is already there"
run plans list --format json
check "demo twice: plans identical" test "$out" == "$p1"
run plans show 1 --format json
check "demo twice: plan 2018/21 identical" test "$out" == "$s1"
run export actions --format json
check "demo twice: actions identical" test "$out" == "$a1"
run export awards --format csv
check "demo twice: awards identical" test "$out" == "$w1"
run funds list --format json
check "demo twice: funds identical" test "$out" == "$f1"
run demo extra
expect_rc 2 "demo with an argument is a usage error"

# Another partnership's database refuses the demo and stays as it was.
DB=$TMP/trafford.db
run init --partnership "Safer Trafford Partnership" --area Trafford
expect_rc 0 "init with a partnership"
run demo
expect_rc 1 "demo into a database of another partnership is refused"
expect_err "already holds a partnership" "the refusal says why"
run plans list --format json
check "the refused demo loaded nothing" json 'd["plans"] == []'
run init --partnership "Another" --area Elsewhere
expect_rc 1 "a second partnership is refused"
expect_err "Safer Trafford Partnership" "the refusal names the partnership there"

# demo creates the database if needed.
DB=$TMP/fresh/demo.db
mkdir -p "$TMP/fresh"
run demo
expect_rc 0 "demo into a new path creates the database"
check "demo created the file" test -f "$DB"

# The database from --db=PATH and from $SAFER_DB.
out=$("$SAFER" --db="$DB" plans list --format json 2>/dev/null)
check "--db=PATH works" json 'len(d["plans"]) == 4'
out=$(cd "$TMP" && SAFER_DB="$DB" "$SAFER" plans list --format json 2>/dev/null)
check "\$SAFER_DB works" json 'len(d["plans"]) == 4'
out=$(cd "$TMP" && "$SAFER" plans list 2>&1)
rc=$?
check "the default database is safer.db in the current folder" test "$rc" -eq 1 -a ! -e "$TMP/safer.db"
