#!/bin/bash
# tests/cli/t_actions.sh: "safer actions list|show|add|update" on the demo:
# filters, formats, progress updates with --note, and the errors.
. "$(dirname "$0")/lib.sh"

json() { python3 -c "import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if ($1) else 1)" <<<"$out"; }

run demo
expect_rc 0 "the demo loads"

# Listing, in each format.
run actions list
expect_rc 0 "actions list"
check "the table has a header row" grep -qE '^ID +DUE +STATUS +RAG +OWNER +DATA +TITLE' <<<"$out"
check "the table has 20 actions" test "$(grep -cE '^[0-9]+ +[0-9-]{10} ' <<<"$out")" -eq 20
check "each marked as example data" test "$(grep -cE '^[0-9]+ +[0-9-]{10} .* example ' <<<"$out")" -eq 20
expect_out "20 of these 20 actions are example data, invented for the demo." "and the table says so under it"
expect_out "Operation Challenger: disrupt organised crime groups and dismantle supply lines" "an action title"
expect_out "OVERDUE" "overdue actions are marked"
run actions list --format json
expect_rc 0 "actions list --format json"
check "20 actions in JSON, count agrees" json 'd["count"] == 20 == len(d["actions"])'
all=$out
run actions list --format csv
expect_rc 0 "actions list --format csv"
check "the CSV header" test "$(head -n1 <<<"$out" | tr -d '\r')" == "id,plan,theme,priority_area,title,owner,owner_organisation,due_on,status,rag,overdue,last_update_on,update_count,example"
check "the CSV has 20 rows" test "$(wc -l <<<"$out")" -eq 21
run actions list --format table
expect_rc 0 "--format table is the default"
run actions list --format xml
expect_rc 2 "an unknown format is a usage error"

# Filters.
run actions list --plan 1 --format json
check "--plan 1 has all 20" json 'd["count"] == 20'
run actions list --plan 2 --format json
check "--plan 2 has none" json 'd["count"] == 0'
run actions list --theme 2 --format json
check "--theme 2: the 7 actions of Protecting Vulnerable People" json 'd["count"] == 7 and all(a["theme"] == "Protecting Vulnerable People" for a in d["actions"])'
run actions list --priority 5 --format json
check "--priority 5: the 2 Domestic Abuse actions" json 'd["count"] == 2 and all(a["priority_area"] == "Domestic Abuse" for a in d["actions"])'
run actions list --owner 3 --format json
check "--owner 3: Marcus Noden's actions" json 'd["count"] == 2 and all(a["owner"] == "Marcus Noden" for a in d["actions"])'
run actions list --status completed --format json
check "--status completed: 13 actions, all completed" json 'd["count"] == 13 and all(a["status"] == "completed" for a in d["actions"])'
run actions list --status on_hold --format csv
check "--status on_hold in CSV: one row" test "$(wc -l <<<"$out")" -eq 2
run actions list --overdue --format json
check "--overdue: only overdue actions, not completed" json 'd["count"] > 0 and all(a["overdue"] and a["status"] not in ("completed", "cancelled") for a in d["actions"])'
n_overdue=$(python3 -c 'import json,sys; print(sum(a["overdue"] for a in json.load(sys.stdin)["actions"]))' <<<"$all")
check "--overdue agrees with the overdue flags" json "d['count'] == $n_overdue"
# On a fixed day (SAFER_TODAY), the overdue actions are known.
out=$(SAFER_TODAY=2021-04-01 "$SAFER" --db "$DB" actions list --overdue --format json)
check "on 2021-04-01 exactly actions 7 and 11 are overdue" json 'sorted(a["id"] for a in d["actions"]) == [7, 11]'
out=$(SAFER_TODAY=2018-01-01 "$SAFER" --db "$DB" actions list --overdue --format json)
check "on 2018-01-01 nothing is overdue" json 'd["count"] == 0'
out=$(SAFER_TODAY=2021-04-01 "$SAFER" --db "$DB" plans list --format json)
check "plans list counts the same two overdue on that day" json '[p for p in d["plans"] if p["id"] == 1][0]["counts"]["overdue_actions"] == 2'
out=$(SAFER_TODAY=2021-04-01 "$SAFER" --db "$DB" actions list)
check "the table marks exactly those two OVERDUE" test "$(grep -c OVERDUE <<<"$out")" -eq 2
run actions list --theme 2 --status completed --format json
check "filters combine" json 'd["count"] > 0 and all(a["theme_id"] == 2 and a["status"] == "completed" for a in d["actions"])'
run actions list --status finished
expect_rc 2 "an unknown status filter is a usage error"
expect_err "finished" "the usage error names the status"
run actions list --plan abc
expect_rc 2 "a non-id --plan is a usage error"
run actions list --plan 0
expect_rc 2 "--plan 0 is a usage error"
run actions list --colour red
expect_rc 2 "an unknown option is a usage error"

# Show.
run actions show 1
expect_rc 0 "actions show"
expect_out "Multi-agency response to anti-social behaviour over the festive season" "the title"
expect_out "  theme:    Public Safety and Protection" "the theme"
expect_out "  status:   completed" "the status"
expect_out "Joint patrol plan agreed" "its progress updates"
run actions show 1 --format json
expect_rc 0 "actions show --format json"
check "the JSON has its two updates, newest first" json 'd["id"] == 1 and len(d["updates"]) == 2 and d["updates"][0]["created_at"] > d["updates"][1]["created_at"]'
run actions show 999
expect_rc 1 "show of an unknown action fails"
expect_err "no such action" "it says no such action"
run actions show x
expect_rc 2 "show of a non-id is a usage error"
run actions show
expect_rc 2 "show without an id is a usage error"
run actions show 1 --format csv
expect_rc 2 "show --format csv (not table|json) is a usage error, not a table"

# Add.
run actions add --title "Refresh the ASB case review process" --theme 1 --priority 1 --owner 1 \
	--due 2030-09-30 --status in_progress --rag amber --description "Two sentences. Of text."
expect_rc 0 "actions add"
check "add prints the new id" grep -qxE '[0-9]+' <<<"$out"
id=$out
run actions show "$id" --format json
check "the new action reads back as given" json 'd["title"] == "Refresh the ASB case review process" and d["theme_id"] == 1 and d["priority_id"] == 1 and d["plan_id"] == 1 and d["owner_id"] == 1 and d["due_on"] == "2030-09-30" and d["status"] == "in_progress" and d["rag"] == "amber" and d["description"] == "Two sentences. Of text." and d["example"] is False'
out=$(SAFER_TODAY=2020-06-01 "$SAFER" --db "$DB" actions add --title "Only a title" 2>"$TMP/err"); rc=$?; err=$(cat "$TMP/err")
expect_rc 0 "add with only a title goes into the current plan"
expect_err "safer: warning: the plan 'Safer Stockport Partnership Plan 2018/21' is closed" "in its period then, but closed since: a warning"
run actions show "$out" --format json
check "the current plan on 2020-06-01 is 2018/21, status not started" json 'd["plan_id"] == 1 and d["status"] == "not_started" and d["theme_id"] is None'
run actions add --title "From a priority" --priority 9
expect_rc 0 "add with only a priority area"
run actions show "$out" --format json
check "the theme and plan follow from the priority area" json 'd["theme_id"] == 2 and d["plan_id"] == 1'
run actions add --title "OSSP action" --plan 2
expect_rc 0 "add to another plan"
out=$(SAFER_TODAY=2023-01-01 "$SAFER" --db "$DB" actions add --title "Due late" --plan 2 --due 2026-01-31 2>"$TMP/err"); rc=$?; err=$(cat "$TMP/err")
expect_rc 0 "an action due after its plan's period is still added"
expect_err "safer: warning: the due date, 31 January 2026, is after the end of the plan's period (31 March 2025)" "with a warning on stderr"
late=$out
run actions add --title "Into an old plan" --plan 1
expect_rc 0 "an action added to a plan that has ended is still added"
expect_err "safer: warning: the plan 'Safer Stockport Partnership Plan 2018/21' ended on 31 March 2021" "with a warning"
run actions show "$late"
expect_rc 0 "show a new action"
check "show does not mark an action that is not example data" eval '! grep -q "example data" <<<"$out"'
run actions show 1
expect_out "(example data: invented for the demo, not in the partnership's records)" "show marks an example action"
expect_out "(example data)" "and its example updates"

run actions add
expect_rc 1 "add without a title fails"
expect_err "title" "the message names the title"
run actions add --title "Bad date" --due 2021-02-30
expect_rc 1 "add with an impossible date fails"
expect_err "due_on" "the message names due_on"
run actions add --title "Bad status" --status done
expect_rc 1 "add with an unknown status fails"
expect_err "status" "the message names the status"
run actions add --title "Mismatch" --theme 1 --priority 4
expect_rc 1 "add with a priority area of another theme fails"
expect_err "priority_id" "the message names the priority area"
run actions add --title "Wrong plan" --plan 2 --theme 1
expect_rc 1 "add with a theme of another plan fails"
expect_err "theme_id" "the message names the theme"
run actions add --title "No owner" --owner 999
expect_rc 1 "add with an unknown owner fails"
expect_err "owner_id" "the message names the owner"
run actions add --title "Note" --note "not here"
expect_rc 2 "add with --note is a usage error"
run actions add --title "Extra" extra
expect_rc 2 "add with an unexpected argument is a usage error"
run actions list --format json
check "only the six good adds were stored" json 'd["count"] == 26'

# Update: fields, then a progress update with --note.
run actions update "$id" --title "Refresh the ASB case review" --rag green
expect_rc 0 "update the title and RAG"
run actions show "$id" --format json
check "only the fields given changed" json 'd["title"] == "Refresh the ASB case review" and d["rag"] == "green" and d["status"] == "in_progress" and d["due_on"] == "2030-09-30" and d["owner_id"] == 1 and d["update_count"] == 0'
run actions update "$id" --due none --owner none --priority none
expect_rc 0 "clear fields with none"
run actions show "$id" --format json
check "none cleared the due date, owner and priority area" json 'd["due_on"] is None and d["owner_id"] is None and d["priority_id"] is None and d["theme_id"] == 1'
run actions update "$id" --status on_hold
expect_rc 0 "a status change alone"
run actions show "$id" --format json
check "the status changed without a progress update" json 'd["status"] == "on_hold" and d["update_count"] == 0'
run actions update "$id" --note "Paused until the new lead starts." --status in_progress --rag amber
expect_rc 0 "update with --note, --status and --rag"
run actions show "$id" --format json
check "--note added a progress update carrying the status and RAG, by no person named" json 'd["update_count"] == 1 and d["updates"][0]["body"] == "Paused until the new lead starts." and d["updates"][0]["author_id"] is None and d["updates"][0]["status"] == "in_progress" and d["updates"][0]["rag"] == "amber"'
check "and changed the action" json 'd["status"] == "in_progress" and d["rag"] == "amber"'
run actions update "$id" --note "A plain note."
expect_rc 0 "a note alone"
run actions show "$id" --format json
check "a note alone leaves the status" json 'd["update_count"] == 2 and d["status"] == "in_progress" and d["updates"][0]["status"] is None'
run actions show "$id"
expect_out "A plain note." "show prints the progress update"
run actions update "$id" --title "Renamed" --note "Renamed it." --status completed
expect_rc 0 "fields and a note together"
run actions show "$id" --format json
check "both the change and the note are stored" json 'd["title"] == "Renamed" and d["status"] == "completed" and d["update_count"] == 3'
# A progress update dated in the past, with --date.
run actions update "$id" --note "Back in March." --date 2026-03-02 --status on_hold
expect_rc 0 "a progress update dated in the past"
run actions show "$id" --format json
check "it is in the history at its date" json 'd["update_count"] == 4 and any(u["created_at"] == "2026-03-02" and u["body"] == "Back in March." for u in d["updates"])'
check "a later update stands: its status is not set on the action" json 'd["status"] == "completed"'
run actions update "$id" --note "Tomorrow." --date 2099-01-01
expect_rc 1 "a progress update dated in the future fails"
expect_err "--date: must be today or in the past" "and says why"
run actions update "$id" --note "Not a day." --date 2021-02-30
expect_rc 1 "an impossible --date fails"
run actions update "$id" --title x --date 2021-01-01
expect_rc 2 "--date without --note is a usage error"

# Update errors.
run actions update 999 --title x
expect_rc 1 "update of an unknown action fails"
expect_err "no such action" "it says no such action"
run actions update 999 --note "x"
expect_rc 1 "a note on an unknown action fails"
expect_err "no such action" "it says no such action"
run actions update "$id" --status finished
expect_rc 1 "update to an unknown status fails"
expect_err "status" "the message names the status"
run actions update "$id" --note "with a bad status" --status finished
expect_rc 1 "a note with an unknown status fails"
run actions update "$id" --note "another's words" --author 1
expect_rc 2 "--author is not an option: the author of a note is whoever writes it"
run actions update "$id" --title ""
expect_rc 1 "an empty title fails"
run actions update "$id" --due 2021-13-01
expect_rc 1 "an impossible due date fails"
expect_err "due_on" "the message names due_on"
run actions show "$id" --format json
check "failed updates changed nothing" json 'd["title"] == "Renamed" and d["status"] == "completed" and d["update_count"] == 4'
run actions update "$id"
expect_rc 2 "update with nothing to change is a usage error"
run actions update "$id" --title x --date 2021-01-01
expect_err "--date goes with --note" "the usage error says why"
run actions update --title x
expect_rc 2 "update without an id is a usage error"
run actions update abc --title x
expect_rc 2 "update of a non-id is a usage error"
run actions update "$id" --theme x
expect_rc 2 "a non-id --theme is a usage error"
run actions
expect_rc 2 "actions without a subcommand is a usage error"
run actions destroy 1
expect_rc 2 "an unknown subcommand is a usage error"
