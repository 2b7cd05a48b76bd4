#!/bin/bash
# tests/cli/t_audit.sh: "safer audit list|verify": every change on the
# record with who made it and the old and new values; refused changes
# leave nothing; the chain verifies, and fails after the table is edited
# by hand with sqlite3.
. "$(dirname "$0")/lib.sh"

json() { python3 -c "import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if ($1) else 1)" <<<"$out"; }
entries() { sqlite3 "$DB" "SELECT count(*) FROM audit"; }

run init
expect_rc 0 "init"
run audit verify
expect_rc 0 "an empty record verifies"
expect_out "0 entries checked" "and says so"
run audit list
expect_out "no changes recorded" "an empty record lists nothing"

run demo
expect_rc 0 "the demo loads"
run audit verify
expect_rc 0 "the demo's record verifies"
run audit list --type import --format json
check "each import of the demo is on the record" json 'len(d["entries"]) >= 3 and all(e["op"] == "create" for e in d["entries"])'

before=$(entries)
run peers set "Test group" Stockport Bolton
expect_rc 0 "a peer group is made"
check "one entry more" test "$(entries)" = $((before + 1))
run audit list --limit 1 --format json
check "a creation by this user through the command line" json \
	'len(d["entries"]) == 1 and d["entries"][0]["op"] == "create" and d["entries"][0]["user"] == "'"$(id -un)"'" and d["entries"][0]["via"] == "cli" and d["entries"][0]["object"] == {"type": "peer_group", "id": 2}'
check "with each field's new value" json \
	'{c["field"]: c["new"] for c in d["entries"][0]["changes"]} == {"name": "Test group", "areas": ["Stockport", "Bolton"]}'

run peers set "Test group" Stockport Bury
run audit list --type peer_group --id 2 --format json
check "a change records only what differs, old and new" json \
	'len(d["entries"]) == 2 and d["entries"][0]["op"] == "update" and d["entries"][0]["changes"] == [{"field": "areas", "old": ["Stockport", "Bolton"], "new": ["Stockport", "Bury"]}]'
before=$(entries)
run peers set "Test group" Stockport Bury
check "the same again records nothing" test "$(entries)" = "$before"
run peers set "Test group" Stockport Atlantis
expect_rc 1 "a refused change fails"
check "and records nothing" test "$(entries)" = "$before"
run peers delete "Test group"
run audit list --type peer_group --id 2 --limit 1 --format json
check "a deletion keeps the old values" json \
	'd["entries"][0]["op"] == "delete" and {c["field"]: c["old"] for c in d["entries"][0]["changes"]}["name"] == "Test group"'

run audit list --type peer_group --id 2 --format csv
check "the CSV has a row a field" test "$(head -n1 <<<"$out" | tr -d '\r')" = "id,at,user,via,object_type,object_id,op,field,old,new"
expect_out ",update,areas,\"Stockport, Bolton\",\"Stockport, Bury\"" "the CSV gives old and new values"
run audit list --type spaceship
expect_rc 1 "an unknown kind of record is refused"
expect_err "object_type" "naming the field"
run audit list --from 2026-02-30x
expect_rc 1 "a bad date is refused"

# Edited by hand: with the triggers in place sqlite3 is refused...
check "sqlite3 cannot change an entry" bash -c "! sqlite3 '$DB' \"UPDATE audit SET by_user = 'x' WHERE id = 2\" 2>/dev/null"
check "nor delete one" bash -c "! sqlite3 '$DB' 'DELETE FROM audit WHERE id = 2' 2>/dev/null"
sqlite3 "$DB" ".backup '$TMP/pristine.db'"
# ...and whoever drops them is found out.
sqlite3 "$DB" "DROP TRIGGER audit_no_update; UPDATE audit SET by_user = 'someone else' WHERE id = 2"
run audit verify
expect_rc 1 "verify fails after an entry is edited"
expect_err "entry 2" "naming the entry"
cp "$TMP/pristine.db" "$DB"
sqlite3 "$DB" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)"
run audit verify
expect_rc 1 "verify fails after the newest entry is removed"
expect_err "newest entries are missing" "saying so"
cp "$TMP/pristine.db" "$DB"
run audit verify
expect_rc 0 "the untouched copy still verifies"
