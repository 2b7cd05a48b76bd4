#!/bin/bash
# tests/cli/t_export.sh: "safer export actions|awards" as CSV and JSON, to
# standard output and to a file.
. "$(dirname "$0")/lib.sh"

json() { python3 -c "import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if ($1) else 1)" <<<"$out"; }

run demo
expect_rc 0 "the demo loads"

run export actions
expect_rc 0 "export actions (CSV by default)"
check "the actions CSV header" test "$(head -n1 <<<"$out" | tr -d '\r')" == "id,plan,theme,priority_area,title,owner,owner_organisation,due_on,status,rag,overdue,last_update_on,update_count,example"
check "20 rows" test "$(wc -l <<<"$out")" -eq 21
check "CRLF line ends" test "$(grep -c $'\r$' <<<"$out")" -eq 21
csv=$out
run actions list --format csv
check "export actions is the same CSV as actions list --format csv" test "$out" == "$csv"

run export actions --format json
expect_rc 0 "export actions --format json"
check "20 actions in JSON" json 'len(d["actions"]) == 20 and all("title" in a and "updates" not in a for a in d["actions"])'

run export awards --format csv
expect_rc 0 "export awards --format csv"
check "the awards CSV header" test "$(head -n1 <<<"$out" | tr -d '\r')" == "id,fund,year,recipient,purpose,amount_gbp,status,priority_area,note,example"
check "19 awards" test "$(wc -l <<<"$out")" -eq 20
expect_out "Community Safety Grant,2020/21,Independent Domestic Violence Advocates (IDVAs),Domestic abuse,60000.00,paid,Domestic Abuse," "an award row with the amount in pounds"
run export awards --format json
expect_rc 0 "export awards --format json"
check "19 awards in JSON, amounts in pence" json 'len(d["awards"]) == 19 and sum(a["amount_pence"] for a in d["awards"]) == 41350000'

# To a file.
run export actions --format csv --output "$TMP/actions.csv"
expect_rc 0 "export actions --output FILE"
check "nothing on standard output with --output" test -z "$out"
check "the file holds the CSV" test "$(cat "$TMP/actions.csv")" == "$csv"
run export awards --format json --output "$TMP/awards.json"
expect_rc 0 "export awards --format json --output FILE"
out=$(cat "$TMP/awards.json")
check "the file holds the JSON" json 'len(d["awards"]) == 19'
echo "old contents that are longer than nothing" > "$TMP/over.csv"
run export awards --output "$TMP/over.csv"
check "--output replaces an existing file" test "$(head -n1 "$TMP/over.csv" | tr -d '\r')" == "id,fund,year,recipient,purpose,amount_gbp,status,priority_area,note,example"

# Text with commas, quotes and newlines round-trips through the CSV.
run actions add --title 'Say "hello", then leave' --description $'two\nlines'
expect_rc 0 "an action with quotes and a comma"
run actions add --title '=1+1'
expect_rc 0 "an action that looks like a formula"
run export actions --format csv
expect_out '"Say ""hello"", then leave"' "quotes and commas are quoted in the CSV"
expect_out "\"'=1+1\"" "a formula is defused with an apostrophe"

# Errors.
run export
expect_rc 2 "export without what is a usage error"
run export plans
expect_rc 2 "export of something else is a usage error"
expect_err "actions or awards" "the usage error says what can be exported"
run export actions --format table
expect_rc 2 "export --format table is a usage error"
run export actions awards
expect_rc 2 "export of two things is a usage error"
run export actions --output "$TMP/no/such/folder/x.csv"
expect_rc 1 "export to a folder that does not exist fails"
expect_err "cannot write" "it says it cannot write"
