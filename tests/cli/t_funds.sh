#!/bin/bash
# tests/cli/t_funds.sh: "safer funds list|show|add|update|add-award" on the
# demo's 2020/21 funding streams.
. "$(dirname "$0")/lib.sh"

json() { python3 -c "import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if ($1) else 1)" <<<"$out"; }

run demo
expect_rc 0 "the demo loads"

run funds list --year 2020/21
expect_rc 0 "funds list --year 2020/21"
for f in "Community Safety Grant" "Voluntary and Community Sector Grant" "Serious Violence Fund" "Hate Crime Fund"; do
	expect_out "$f" "the table lists the $f"
done
check "four funds and a header" test "$(grep -c '2020/21' <<<"$out")" -eq 4
expect_out "£218,973" "the Community Safety Grant allocation"
expect_out "total allocation: £478,973" "the total allocation"
run funds list --year 2020/21 --format json
expect_rc 0 "funds list --format json"
check "the JSON has the four allocations in pence" json 'sorted(f["allocation_pence"] for f in d["funds"]) == [1000000, 10000000, 15000000, 21897300] and d["year"] == "2020/21"'
check "each fund has its awards" json 'all(len(f["awards"]) == f["award_count"] > 0 for f in d["funds"])'
run funds list --year 2020/21 --format csv
check "the CSV header" test "$(head -n1 <<<"$out" | tr -d '\r')" == "id,year,name,grantor,allocation_gbp,awarded_gbp,remaining_gbp,example"
expect_out "Community Safety Grant,,218973.00," "the CSV allocation in pounds"
run funds list --year 2031/32
expect_rc 0 "a year with no funds"
expect_out "total allocation: £0" "a year with no funds totals £0"
run funds list --year 2020
expect_rc 2 "a malformed --year is a usage error"
expect_err "2020/21" "the usage error shows the form of a year"
run funds list --year 2020/22
expect_rc 2 "a year that spans two years is a usage error"

run funds show 1
expect_rc 0 "funds show 1"
expect_out "Community Safety Grant (2020/21)" "the fund and year"
expect_out "allocation: £218,973" "the allocation"
expect_out "Independent Domestic Violence Advocates (IDVAs): £60,000 (paid)" "an award with amount and status"
run funds show 1 --format json
check "funds show --format json" json 'd["name"] == "Community Safety Grant" and d["allocation_pence"] == 21897300 and len(d["awards"]) == 8 and d["remaining_pence"] == d["allocation_pence"] - d["awarded_pence"]'
run funds show 99
expect_rc 1 "show of an unknown fund fails"
expect_err "no such fund" "it says no such fund"
run funds show x
expect_rc 2 "show of a non-id is a usage error"

# Add, update, add-award.
run funds add --name "Safer Streets Fund" --year 2021/22 --allocation 218,973.50 --grantor "Home Office" --note "Round 3"
expect_rc 0 "funds add"
check "add prints the new id" grep -qxE '[0-9]+' <<<"$out"
fid=$out
run funds show "$fid" --format json
check "the new fund reads back" json 'd["name"] == "Safer Streets Fund" and d["year"] == "2021/22" and d["allocation_pence"] == 21897350 and d["grantor"] == "Home Office" and d["note"] == "Round 3" and d["awards"] == []'
run funds add --name "Pounds sign" --year 2021/22 --allocation £1250.5
expect_rc 0 "an allocation with a pound sign and one decimal"
run funds show "$out" --format json
check "£1250.5 is 125050 pence" json 'd["allocation_pence"] == 125050'
run funds update "$fid" --allocation 250000 --note "Round 4"
expect_rc 0 "funds update"
run funds show "$fid" --format json
check "update changed only what was given" json 'd["allocation_pence"] == 25000000 and d["note"] == "Round 4" and d["grantor"] == "Home Office" and d["name"] == "Safer Streets Fund"'
run funds add-award "$fid" --recipient "Alley gating" --amount 12,500 --purpose "Target hardening" --status paid --priority 2
expect_rc 0 "funds add-award"
check "add-award prints the new id" grep -qxE '[0-9]+' <<<"$out"
run funds add-award "$fid" --recipient "Unpriced project"
expect_rc 0 "an award without an amount"
run funds show "$fid" --format json
check "the awards read back" json 'len(d["awards"]) == 2 and d["awarded_pence"] == 1250000 and {a["recipient"]: (a["amount_pence"], a["status"], a["priority_id"]) for a in d["awards"]} == {"Alley gating": (1250000, "paid", 2), "Unpriced project": (None, "awarded", None)}'
run funds show "$fid"
expect_out "Unpriced project: amount not recorded (awarded)" "show says an amount is not recorded"
run funds list --year 2021/22
expect_out "total allocation: £251,250.50" "the 2021/22 total"

# Proposed and withdrawn awards are not money awarded.
run funds add-award "$fid" --recipient "Withdrawn project" --amount 1,000 --status withdrawn
expect_rc 0 "a withdrawn award"
run funds add-award "$fid" --recipient "Proposed project" --amount 2,000 --status proposed
expect_rc 0 "a proposed award"
run funds show "$fid" --format json
check "neither counts as awarded" json 'd["awarded_pence"] == 1250000 and d["remaining_pence"] == d["allocation_pence"] - 1250000'
check "both are listed" json 'sorted(a["recipient"] for a in d["awards"]) == ["Alley gating", "Proposed project", "Unpriced project", "Withdrawn project"]'

# Errors.
run funds add --name "Safer Streets Fund" --year 2021/22 --allocation 1
expect_rc 1 "the same fund twice in a year fails"
expect_err "already a fund" "it says there is already such a fund"
run funds add --name "Bad year" --year 2021 --allocation 1
expect_rc 1 "a bad year fails"
expect_err "year" "the message names the year"
run funds add --name "" --year 2021/22 --allocation 1
expect_rc 1 "an empty name fails"
expect_err "name" "the message names the name"
run funds add --name "Negative" --year 2021/22 --allocation -5
expect_rc 2 "a negative allocation is a usage error"
run funds add --name "Bad money" --year 2021/22 --allocation 12,34
expect_rc 2 "a malformed amount is a usage error"
run funds add --name "Missing" --year 2021/22
expect_rc 2 "add without --allocation is a usage error"
run funds update 99 --name x
expect_rc 1 "update of an unknown fund fails"
expect_err "no such fund" "it says no such fund"
run funds update "$fid"
expect_rc 2 "update with nothing to change is a usage error"
run funds add-award 99 --recipient x
expect_rc 1 "an award to an unknown fund fails"
expect_err "fund" "the message names the fund"
run funds add-award "$fid"
expect_rc 2 "add-award without --recipient is a usage error"
run funds add-award "$fid" --recipient x --status spent
expect_rc 1 "an unknown award status fails"
expect_err "status" "the message names the status"
run funds add-award "$fid" --recipient x --priority 999
expect_rc 1 "an unknown priority area fails"
expect_err "priority_id" "the message names the priority area"
run funds add-award "$fid" --recipient x --amount lots
expect_rc 2 "a malformed amount is a usage error"
run funds show "$fid" --format json
check "failed awards added nothing" json 'len(d["awards"]) == 4'
run funds
expect_rc 2 "funds without a subcommand is a usage error"
run funds spend 1
expect_rc 2 "an unknown subcommand is a usage error"
