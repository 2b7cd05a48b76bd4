#!/bin/bash
# tests/cli/t_plan_edit.sh: building a plan from "safer init" with the
# command line: plans, themes, priority areas (with their wording as on a
# date), frameworks and outcomes; roll forward; delete against archive;
# every change recorded once.
. "$(dirname "$0")/lib.sh"

json() { python3 -c "import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if ($1) else 1)" <<<"$out"; }
audit() { sqlite3 "$DB" "SELECT count(*) FROM audit WHERE $1"; }
on() { SAFER_TODAY=$1; export SAFER_TODAY; }

run init
expect_rc 0 "init makes an empty database"
run plans list --format json
check "no plans to begin with" json 'd["plans"] == []'

on 2019-04-01
run plans add --title "Community Safety Plan 2019-22" --kind partnership_plan --start 2019-04-01 --end 2022-03-31
expect_rc 0 "plans add"
check "plans add prints the new id alone" test "$out" = 1
run plans add --title "Bad" --start 2019-04-01 --end 2018-03-31
expect_rc 1 "a period that ends before it starts is refused"
expect_err "period.end" "the error names period.end"
run plans add --title "Bad" --start 2019-04-01 --end 2020-03-31 --status lost
expect_rc 1 "an unknown status is refused"
expect_err "status: must be one of" "the error names the status"
run plans add --title "Community Safety Plan 2019-22" --start 2019-04-01 --end 2022-03-31
expect_rc 1 "a second plan of the same title is refused"

run plans edit 1 --status approved --approved-by "Safer Partnership Board" --approved-on 2019-03
expect_rc 0 "plans edit"
run plans show 1 --format json
check "the approval is recorded" json 'd["status"] == "approved" and d["approved_by"] == "Safer Partnership Board" and d["approved_on"] == "2019-03"'
run plans edit 1
expect_rc 2 "plans edit with nothing to change is a usage error"
run plans edit 99 --title X
expect_rc 1 "plans edit of a plan that is not there fails"
expect_err "no such plan: 99" "saying so"

run themes add 1 --name "Protecting vulnerable people" --description "Safeguarding"
expect_rc 0 "themes add"
check "themes add prints the new id" test "$out" = 1
run themes add 1 --name "Reducing reoffending"
T2=$out
run themes add 1 --name "Bad" --lead 42
expect_rc 1 "a lead who is not a person is refused"
expect_err "lead_id" "naming lead_id"
run themes edit "$T2" --position 0
expect_rc 0 "themes edit --position"
run plans show 1 --format json
check "the moved theme comes first" json '[t["name"] for t in d["themes"]] == ["Reducing reoffending", "Protecting vulnerable people"]'

run frameworks add --name "Police and Crime Plan outcomes" --owner "PCC"
expect_rc 0 "frameworks add"
FW=$out
run outcomes add "$FW" --number 1 --text "People feel safe" --group "Safer places"
expect_rc 0 "outcomes add"
O1=$out
run outcomes add "$FW" --number 2 --text "Fewer victims" --group "Safer places"
O2=$out
run outcomes add "$FW" --number 2 --text "Again" --group "Other"
expect_rc 1 "a second outcome 2 is refused"
expect_err "number" "naming the number"
run frameworks list --format json
check "one framework with one group of two outcomes" json 'len(d["frameworks"]) == 1 and [len(g["outcomes"]) for g in d["frameworks"][0]["groups"]] == [2]'
check "one outcome group recorded" test "$(audit "object_type = 'outcome_group'")" = 1

run priorities add 1 --name "Domestic abuse" --outcome "$O1" --outcome "$O2"
expect_rc 0 "priorities add"
P1=$out
run priorities add 1 --name "Hate crime"
P2=$out
run priorities add 1 --name "Bad" --outcome 999
expect_rc 1 "an outcome that is not there is refused"
expect_err "outcome_ids" "naming outcome_ids"

# The wording is revised in October 2019; Hate crime leaves in 2020.
on 2019-10-15
run priorities edit "$P1" --name "Domestic abuse and violence against women and girls" --outcome "$O2"
expect_rc 0 "priorities edit renames and relinks"
on 2020-06-01
run priorities archive "$P2"
expect_rc 0 "priorities archive"
expect_out "archived priority area $P2" "saying it was archived"
unset SAFER_TODAY

run priorities list 1 --on 2019-06-01 --format json
expect_rc 0 "priorities list --on"
check "on 2019-06-01: both, with the first wording" json '[p["name"] for p in d["priority_areas"]] == ["Domestic abuse", "Hate crime"]'
run priorities list 1 --on 2019-11-01 --format json
check "on 2019-11-01: the new wording" json '[p["name"] for p in d["priority_areas"]] == ["Domestic abuse and violence against women and girls", "Hate crime"]'
run priorities list 1 --on 2020-07-01 --format json
check "on 2020-07-01: Hate crime has gone" json '[p["name"] for p in d["priority_areas"]] == ["Domestic abuse and violence against women and girls"]'
run priorities list 1 --on 2019-03-01
check "before they were added: none" test "$(wc -l <<<"$out")" -eq 1
run priorities list 1 --on 2019-13-01
expect_rc 1 "a date that is not one is refused"
expect_err "on" "naming on"
run priorities list 1 --format json
check "today the list has the one left, linked to outcome 2 only" json 'len(d["priority_areas"]) == 1 and d["priority_areas"][0]["outcome_ids"] == ['"$O2"']'

run plans roll-forward 1 --title "Community Safety Plan 2022-25" --start 2022-04-01 --end 2025-03-31
expect_rc 0 "plans roll-forward"
NEW=$out
run plans show "$NEW" --format json
check "the new plan is a draft after plan 1" json 'd["status"] == "draft" and d["previous_id"] == 1 and d["period"] == {"start": "2022-04-01", "end": "2025-03-31"}'
check "with the themes in order and the priority areas not archived" json '[t["name"] for t in d["themes"]] == ["Reducing reoffending", "Protecting vulnerable people"] and [p["name"] for p in d["themes"][1]["priority_areas"]] == ["Domestic abuse and violence against women and girls"]'
check "and the outcome links" json 'd["themes"][1]["priority_areas"][0]["outcome_ids"] == ['"$O2"']'
check "one entry for the roll forward, for the new plan" test "$(audit "object_type = 'plan' AND object_id = $NEW")" = 1
check "and none for the copied themes" test "$(audit "object_type = 'theme' AND object_id > 2")" = 0

run plans delete 1
expect_rc 0 "plans delete of a plan with themes"
expect_out "archived plan 1: other records refer to it" "archives it"
run plans list --format json
check "the archived plan leaves the list" json '[p["id"] for p in d["plans"]] == ['"$NEW"']'
run plans show 1 --format json
check "and stays readable by id" json 'd["archived_at"] is not None'
run plans add --title "Mistake" --start 2022-04-01 --end 2023-03-31
M=$out
run plans delete "$M"
expect_out "deleted plan $M" "a plan nothing refers to is deleted"
run plans show "$M"
expect_rc 1 "and is gone"
check "recorded as created then deleted" test "$(audit "object_type = 'plan' AND object_id = $M AND op IN ('create', 'delete')")" = 2

run outcomes delete "$O1"
expect_out "deleted outcome $O1" "an outcome nothing links to is deleted"
run outcomes delete "$O2"
expect_out "archived outcome $O2" "one a priority area links to is archived"
run frameworks delete "$FW"
expect_out "archived framework $FW" "so is its framework"
run frameworks list --format json
check "an archived framework leaves the list" json 'd["frameworks"] == []'

run themes delete 1
expect_out "archived theme 1" "a theme with priority areas is archived"
run themes add "$NEW" --name "Empty"
E=$out
run themes delete "$E"
expect_out "deleted theme $E" "an empty theme is deleted"
run themes bogus 1
expect_rc 2 "an unknown subcommand is a usage error"
