#!/bin/bash
# tests/cli/t_people_edit.sh: building a partnership from an empty database
# with "safer partnership|organisations|people|boards", deleting what
# nothing refers to and archiving what something does; funds, awards and
# actions deleted or archived; every change on the record.
. "$(dirname "$0")/lib.sh"

json() { python3 -c "import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if ($1) else 1)" <<<"$out"; }
record() { run audit list --type "$1" --id "$2" --format json; }

run init
expect_rc 0 "an empty database"
run partnership show
expect_rc 1 "no partnership yet"
run partnership edit --name "Testshire CSP"
expect_rc 1 "making the partnership needs an area too"
expect_err "area" "the message names the area"
run partnership edit --name "Testshire CSP" --area "Testshire" --add-former-name "Testshire Safer Together"
expect_rc 0 "partnership edit makes it"
run partnership edit --description "Working together." --add-former-name "Testshire CDRP"
expect_rc 0 "partnership edit changes it"
run partnership show --format json
check "the partnership as edited" json 'd["name"] == "Testshire CSP" and d["area"] == "Testshire" and d["description"] == "Working together." and d["former_names"] == ["Testshire Safer Together", "Testshire CDRP"]'
run partnership edit --remove-former-name "Testshire CDRP"
expect_rc 0 "a former name removed"
run partnership edit --remove-former-name "Nonesuch"
expect_rc 1 "removing a former name it never had fails"
expect_err "Nonesuch" "the message names it"
run partnership show
expect_out "formerly: Testshire Safer Together" "show lists the former name"
check "the other is gone" test "$(grep -c 'Testshire CDRP' <<<"$out")" -eq 0
record partnership 1
check "one entry per change: made with its former name, then two edits" json '[e["op"] for e in d["entries"]] == ["update", "update", "create"]'

run organisations add --name "Testshire Council" --short-name TC --sector council
expect_rc 0 "organisations add"
org=$out
check "add prints the new id alone" test "$org" -eq 1
run organisations add --name "Testshire Police" --sector police --member no
police=$out
run organisations add --name "Nobody Trust" --sector bogus
expect_rc 1 "an unknown sector fails"
expect_err "sector" "the message names the field"
run organisations add --name "Testshire Council" --sector council
expect_rc 1 "the same name twice fails"
run organisations edit "$police" --member yes --note "Testshire division"
expect_rc 0 "organisations edit"
run organisations edit "$police"
expect_rc 2 "edit with nothing to change is a usage error"
run organisations list
expect_out "Testshire Police" "list shows the organisations"
run organisations list --format json
check "the edit shows in the list" json 'any(o["name"] == "Testshire Police" and o["member"] and o["note"] == "Testshire division" for o in d["organisations"])'

run people add --name "Alex Chair" --role "Leader" --organisation "$org"
expect_rc 0 "people add"
alex=$out
run people add --name "Bo Member" --organisation "$police"
bo=$out
run people add --name "Cy Spare"
cy=$out
run people add --name "Nobody" --organisation 999
expect_rc 1 "an unknown organisation fails"
expect_err "organisation_id" "the message names the field"
run people edit "$bo" --role "Inspector" --organisation none
expect_rc 0 "people edit"
run people list --format json
check "the edit shows" json 'any(p["name"] == "Bo Member" and p["role"] == "Inspector" and p["organisation_id"] is None for p in d["people"])'

run boards add --name "Testshire CSP Board" --kind board --chair "$alex" --member "$alex" --member "$bo" --terms "Meets quarterly."
expect_rc 0 "boards add with members"
board=$out
run boards add --name "ASB Group" --kind subgroup --reports-to "$board" --member "$cy"
expect_rc 0 "a subgroup"
sub=$out
run boards edit "$board" --reports-to "$sub"
expect_rc 1 "a board cannot report to its own subgroup"
expect_err "reports_to_id" "the message names the field"
run boards edit "$sub" --member "$alex" --member "$cy"
expect_rc 0 "boards edit: the whole list of members"
run boards list --format json
check "the members as edited" json 'any(b["name"] == "ASB Group" and sorted(b["member_ids"]) == sorted([int(x) for x in "'"$alex $cy"'".split()]) and b["reports_to_id"] == '"$board"' for b in d["boards"])'
run boards list
expect_out "  ASB Group" "the subgroup is indented under its board"

# Delete or archive.
run people delete "$bo"
expect_rc 0 "deleting a board member"
expect_out "archived person $bo" "a person on a board is archived, not deleted"
run people list
check "the archived person leaves the list" test "$(grep -c 'Bo Member' <<<"$out")" -eq 0
run people add --name "Dee Temp"
run people delete "$out"
expect_out "deleted person" "a person nothing names is deleted"
run organisations delete "$org"
expect_out "archived organisation $org" "an organisation with people is archived"
run organisations add --name "Gone Soon" --sector other
run organisations delete "$out"
expect_out "deleted organisation" "an organisation nobody belongs to is deleted"
run organisations archive "$police"
expect_out "archived organisation $police" "archive archives"
run organisations list --format json
check "both archived organisations leave the list" json 'd["organisations"] == []'
run boards delete "$board"
expect_out "archived board $board" "a board with a subgroup is archived"
run boards list --format json
check "its subgroup is still listed" json '[b["name"] for b in d["boards"]] == ["ASB Group"]'
run boards delete "$sub"
expect_out "deleted board $sub" "the subgroup with nothing under it is deleted"
run boards delete 999
expect_rc 1 "deleting what is not there fails"
expect_err "no such board" "the message says so"
record person "$bo"
check "the person's record: create, update, archive" json '[e["op"] for e in d["entries"]] == ["archive", "update", "create"]'
record board "$sub"
check "the subgroup's record ends with its deletion" json 'd["entries"][0]["op"] == "delete"'

# Funds, awards, actions.
run funds add --name "Test Grant" --year 2023/24 --allocation 1000
fund=$out
run funds add-award "$fund" --recipient "Youth club" --amount 800
expect_rc 0 "an award within the allocation"
check "no warning" test -z "$err"
award=$out
run funds add-award "$fund" --recipient "Street pastors" --amount 300
expect_rc 0 "an award over the allocation is saved"
expect_err "warning: the awards from 'Test Grant' (2023/24) add up to £1,100" "with a warning"
run funds delete-award "$award"
expect_out "deleted award $award" "an award is deleted"
run funds delete "$fund"
expect_out "archived fund $fund" "a fund with awards is archived"
run funds list --format json
check "the archived fund leaves the list" json 'd["funds"] == []'
run funds show "$fund" --format json
check "and stays readable by id" json 'd["archived_at"] is not None'

run plans add --title "Testshire Plan" --start 2023-04-01 --end 2026-03-31
expect_rc 0 "a plan for the actions"
plan=$out
run actions add --title "Delete me" --plan "$plan"
act=$out
run actions delete "$act"
expect_out "deleted action $act" "an action with no updates is deleted"
run actions add --title "Keep me" --plan "$plan"
act=$out
run actions update "$act" --note "Started."
expect_rc 0 "a progress update"
run actions update "$act" --note "By someone else" --author 1
expect_rc 2 "--author is no longer an option: the author is whoever acts"
run actions show "$act" --format json
check "the update has no person as author" json 'd["updates"][0]["author_id"] is None and d["update_count"] == 1'
run actions delete "$act"
expect_out "archived action $act" "an action with updates is archived"
run actions list --format json
check "the archived action leaves the list" json 'all(a["id"] != '"$act"' for a in d["actions"])'
run audit verify
expect_rc 0 "the record's chain is unbroken"
