#!/bin/bash
# tests/cli/t_meetings.sh: "safer bodies", "safer meetings" and "safer
# items": a committee, its meetings, an agenda item with its report,
# minutes and resolutions, and a document attached past the API's 1 MB.
. "$(dirname "$0")/lib.sh"

json() { python3 -c "import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if ($1) else 1)" <<<"$out"; }

run init
expect_rc 0 "init"

run bodies add --name "Communities & Housing Scrutiny Committee" --kind scrutiny
expect_rc 0 "bodies add"
check "add prints the new id" grep -qxE '[0-9]+' <<<"$out"
body=$out
run bodies add --name "Cabinet" --kind executive
cabinet=$out
run bodies add --name "No kind"
expect_rc 2 "bodies add without --kind is a usage error"
run bodies add --name "Bad kind" --kind parliament
expect_rc 1 "an unknown kind is refused"
expect_err "kind" "the error names the kind"
run bodies edit "$body" --note "Meets in the Town Hall"
expect_rc 0 "bodies edit"
run bodies list --format json
check "bodies list --format json" json 'len(d["bodies"]) == 2 and any(b["name"] == "Communities & Housing Scrutiny Committee" and b["note"] == "Meets in the Town Hall" for b in d["bodies"])'
run bodies list
expect_out "Communities & Housing Scrutiny Committee" "the table lists the committee"

run meetings add --body "$body" --date 2024-09-16 --time 18:00 --venue "Committee Room 2, Town Hall" --status held
expect_rc 0 "meetings add"
check "meetings add prints the new id" grep -qxE '[0-9]+' <<<"$out"
mtg=$out
run meetings add --body "$body" --date 2024-11-31
expect_rc 1 "a date that is not a real date is refused"
expect_err "date" "the error names the date"
run meetings add --body "$body" --date 2025-01-20 --time 25:00
expect_rc 1 "a time that is not a time is refused"
run meetings add --body "$body" --date 2025-01-20
expect_rc 0 "a second meeting, no time"
later=$out
run meetings add --date 2025-01-20
expect_rc 2 "meetings add without --body is a usage error"

run items add "$mtg" --number 5 --title "Safer Stockport Partnership Plan 2024-27" \
	--report-of "Director of Place" --author "Sam Lee" \
	--recommendation "comment on the draft plan" --recommendation "note the progress made" \
	--comment "Members asked about knife crime" \
	--resolution "noted:That the report be noted" \
	--resolution "recommended:$cabinet:That the plan be approved"
expect_rc 0 "items add"
check "items add prints the new id" grep -qxE '[0-9]+' <<<"$out"
item=$out
run items add "$mtg" --number 6 --title "Bad" --resolution "nokind"
expect_rc 2 "a resolution without KIND: is a usage error"
run items add "$mtg" --number 6 --title "Bad" --resolution "sideways:That it be so"
expect_rc 1 "an unknown resolution kind is refused"
expect_err "resolutions" "the error names the resolutions"
run items add 999 --number 1 --title "Nowhere"
expect_rc 1 "an item for no meeting fails"
run items add "$mtg" --title "No number"
expect_rc 2 "items add without --number is a usage error"

run meetings show "$mtg"
expect_rc 0 "meetings show"
expect_out "Communities & Housing Scrutiny Committee, 2024-09-16 18:00" "the body, date and time"
expect_out "5. Safer Stockport Partnership Plan 2024-27" "the agenda item"
expect_out "1. comment on the draft plan" "the recommendations in order"
expect_out "Members asked about knife crime" "the minutes"
expect_out "[noted] That the report be noted" "a resolution with its kind"
expect_out "(to Cabinet)" "a recommendation with the body it goes to"
run meetings show "$mtg" --format json
check "meetings show --format json" json 'd["items"][0]["recommendations"] == ["comment on the draft plan", "note the progress made"] and [r["kind"] for r in d["items"][0]["resolutions"]] == ["noted", "recommended"]'
run meetings show 999
expect_rc 1 "show of an unknown meeting fails"

run meetings list --from 2024-09-01 --to 2024-12-31
expect_rc 0 "meetings list --from --to"
expect_out "2024-09-16" "the meeting in range"
check "the later meeting is out of range" test "$(grep -c 2025-01-20 <<<"$out")" -eq 0
run meetings list --format csv
check "the CSV header" test "$(head -n1 <<<"$out" | tr -d '\r')" == "id,body_id,body,date,time,venue,status,items,example"
check "two meetings in the CSV" test "$(tail -n +2 <<<"$out" | grep -c .)" -eq 2
run meetings list --format json --body "$cabinet"
check "none for the cabinet" json 'd["meetings"] == []'
run meetings list --from 16/09/2024
expect_rc 1 "a malformed --from is refused"
expect_err "from" "the error names from"

# A document bigger than the API's 1 MB body gets in by the command line.
python3 -c "import sys; sys.stdout.buffer.write(b'%PDF-1.4\n' + b'x' * (3 << 20))" > "$TMP/report.pdf"
run items attach "$item" "$TMP/report.pdf"
expect_rc 0 "items attach a 3 MB PDF"
check "attach prints the new id" grep -qxE '[0-9]+' <<<"$out"
run items show "$item" --format json
check "the attachment is listed with its type and size" json 'd["attachments"][0]["name"] == "report.pdf" and d["attachments"][0]["content_type"] == "application/pdf" and d["attachments"][0]["bytes"] == 9 + (3 << 20)'
printf 'x' > "$TMP/notes.exe"
run items attach "$item" "$TMP/notes.exe"
expect_rc 2 "a file of no known type needs --type"
run items attach "$item" "$TMP/notes.exe" --type application/x-msdownload
expect_rc 1 "a type safer does not keep is refused"
expect_err "content_type" "the error names the content type"
: > "$TMP/empty.txt"
run items attach "$item" "$TMP/empty.txt"
expect_rc 1 "an empty file is refused"
run items attach "$item" "$TMP/missing.pdf"
expect_rc 1 "a missing file fails"
head -c $((21 << 20)) /dev/zero > "$TMP/big.csv"
run items attach "$item" "$TMP/big.csv"
expect_rc 1 "a file over 20 MB is refused"
expect_err "size" "the error names the size"

run items edit "$item" --minutes "The Committee discussed the plan."
expect_rc 0 "items edit"
run items show "$item"
expect_out "minutes: The Committee discussed the plan." "the edit reads back"

run audit list --type meeting
expect_rc 0 "audit list of meetings"
expect_out "create" "the meeting's creation is on record"

run meetings delete "$later"
expect_rc 0 "a meeting with no items is deleted"
expect_out "deleted" "it says deleted"
