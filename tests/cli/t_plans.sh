#!/bin/bash
# tests/cli/t_plans.sh: "safer plans list|show|add" on the demo.
. "$(dirname "$0")/lib.sh"

json() { python3 -c "import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if ($1) else 1)" <<<"$out"; }

run demo
expect_rc 0 "the demo loads"

run plans list
expect_rc 0 "plans list"
expect_out "Safer Stockport Partnership Plan 2018/21" "the table lists plan 2018/21"
expect_out "One Stockport Safety Partnership Plan 2022-2025" "the table lists the OSSP plan"
check "the table has a header and four plans" test "$(wc -l <<<"$out")" -eq 5
check "plan 2018/21 has 5 themes and 20 actions" grep -qE '^1 +2018-04\.\.2021-03 +closed +5 +20 ' <<<"$out"

run plans list --format json
expect_rc 0 "plans list --format json"
check "four plans in JSON" json 'len(d["plans"]) == 4'
check "OSSP approved 2022-03" json '[p for p in d["plans"] if p["title"] == "One Stockport Safety Partnership Plan 2022-2025"][0]["approved_on"] == "2022-03"'
check "the JSON list has counts, not themes" json 'all("counts" in p and "themes" not in p for p in d["plans"])'

# The current plan: the one in force on the day (SAFER_TODAY), else the
# one that ended most recently; never a draft while another will do.
current() { SAFER_TODAY=$1 "$SAFER" --db "$DB" plans list --format json |
	python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["current_plan_id"])'; }
check "on 2019-06-01 the current plan is 2018/21, in force" test "$(current 2019-06-01)" = 1
check "on 2023-06-01 it is OSSP 2022-2025, in force" test "$(current 2023-06-01)" = 2
check "on 2024-06-01 OSSP, not the draft Serious Violence Plan 2024/25" test "$(current 2024-06-01)" = 2
check "on 2026-12-01, no plan in force: OSSP, which ended most recently" test "$(current 2026-12-01)" = 2
check "on 2021-09-01, between plans: 2018/21, which ended most recently" test "$(current 2021-09-01)" = 1
check "on 2016-06-01: the Domestic Abuse strategy, which ended most recently" test "$(current 2016-06-01)" = 3

run plans list --format csv
expect_rc 0 "plans list --format csv"
check "the CSV header" test "$(head -n1 <<<"$out" | tr -d '\r')" == "id,title,kind,period_start,period_end,status,themes,actions,overdue"
check "the CSV has four rows" test "$(wc -l <<<"$out")" -eq 5
check "CSV rows end with CRLF" grep -q $'\r$' <<<"$out"

run plans list --format yaml
expect_rc 2 "an unknown --format is a usage error"
expect_err "table, csv or json" "the usage error names the formats"
run plans list extra
expect_rc 2 "plans list with an argument is a usage error"
run plans
expect_rc 2 "plans with no subcommand is a usage error"
run plans frobnicate 1
expect_rc 2 "an unknown subcommand is a usage error"

run plans show 1
expect_rc 0 "plans show 1"
expect_out "Public Safety and Protection (theme 1)" "the first theme"
expect_out "lead: Caroline Simpson, Corporate Director - Services to Place Management & Regeneration" "its lead and role"
expect_out "lead: Nuala O'Rourke, Head of Safeguarding and Learning (interim Prevent Lead)" "the fifth lead"
expect_out "  - Victims (priority 14)" "a priority area with its id"
check "14 priority areas" test "$(grep -c '^  - ' <<<"$out")" -eq 14

run plans show 1 --format json
expect_rc 0 "plans show --format json"
check "five themes in order" json '[t["name"] for t in d["themes"]] == ["Public Safety and Protection", "Protecting Vulnerable People", "Serious and Organised Crime", "Transforming Justice", "Radicalisation and Extremism"]'
check "priority areas 3,6,2,3,0" json '[len(t["priority_areas"]) for t in d["themes"]] == [3, 6, 2, 3, 0]'
check "leads" json '[t["lead"]["name"] for t in d["themes"]] == ["Caroline Simpson", "Chris McLoughlin", "Marcus Noden", "Val Mullock", "Nuala O'"'"'Rourke"]'

run plans show 99
expect_rc 1 "plans show of an unknown plan fails"
expect_err "no such plan: 99" "it says there is no such plan"
run plans show abc
expect_rc 2 "plans show of a non-id is a usage error"
run plans show
expect_rc 2 "plans show without an id is a usage error"
run plans show 1 2
expect_rc 2 "plans show with two ids is a usage error"

run plans add --title "Serious Violence Duty Strategy 2025-2028" --start 2025-04-01 --end 2028-03-31 \
	--kind strategy --status draft --note "Under the Police, Crime, Sentencing and Courts Act 2022"
expect_rc 0 "plans add"
check "plans add prints the new id" grep -qxE '[0-9]+' <<<"$out"
id=$out
run plans show "$id" --format json
check "the new plan reads back" json 'd["title"] == "Serious Violence Duty Strategy 2025-2028" and d["kind"] == "strategy" and d["status"] == "draft" and d["period"] == {"start": "2025-04-01", "end": "2028-03-31"} and d["themes"] == []'
run plans add --title "Approved plan" --start 2025-04-01 --end 2026-03-31 --status approved --approved-by "Executive" --approved-on 2025-03
expect_rc 0 "plans add with approval"
run plans list --format json
check "six plans now" json 'len(d["plans"]) == 6'

# Bad values: exit 1 naming the field; missing arguments: exit 2.
run plans add --title X --start 2021-02-30 --end 2022-03-31
expect_rc 1 "an impossible start date fails"
expect_err "period.start" "the message names the start field"
run plans add --title X --start 2021-04-01 --end 31/03/2022
expect_rc 1 "an end date in another format fails"
expect_err "period.end" "the message names the end field"
run plans add --title X --start 2022-04-01 --end 2021-03-31
expect_rc 1 "an end before the start fails"
expect_err "period.end" "the message names the end field"
run plans add --title X --start 2021-04-01 --end 2022-03-31 --approved-on 2021-13
expect_rc 1 "a bad approval month fails"
expect_err "approved_on" "the message names approved_on"
run plans add --title X --start 2021-04-01 --end 2022-03-31 --status finished
expect_rc 1 "an unknown status fails"
expect_err "status" "the message names the status"
run plans add --title X --start 2021-04-01 --end 2022-03-31 --kind wishlist
expect_rc 1 "an unknown kind fails"
expect_err "kind" "the message names the kind"
run plans add --title "" --start 2021-04-01 --end 2022-03-31
expect_rc 1 "an empty title fails"
expect_err "title" "the message names the title"
run plans add --title X --start 2021-04-01
expect_rc 2 "plans add without --end is a usage error"
expect_err "--end" "the usage error names --end"
run plans add --start 2021-04-01 --end 2022-03-31
expect_rc 2 "plans add without --title is a usage error"
run plans add --title X --start 2021-04-01 --end 2022-03-31 --colour red
expect_rc 2 "an unknown option is a usage error"
run plans list --format json
check "no bad plan was added" json 'len(d["plans"]) == 6'
