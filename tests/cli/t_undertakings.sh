# safer undertakings and safer issues: an undertaking given at one meeting
# and due at the next is open and listed; one whose due meeting was held
# without discharging it is overdue; discharging it with the item that
# answered it closes it and is recorded with who did it; bad input names
# the field and changes nothing; an issue's timeline is in date order.
. tests/cli/lib.sh

"$SAFER" --db "$DB" init > /dev/null
sqlite3 "$DB" <<'SQL'
INSERT INTO body (id, name, kind) VALUES
 (1, 'Communities & Housing Scrutiny Committee', 'scrutiny'),
 (2, 'Executive', 'executive');
INSERT INTO meeting (id, body_id, date, status) VALUES
 (1, 1, '2014-09-16', 'held'), (2, 1, '2099-03-01', 'scheduled'),
 (3, 2, '2014-09-30', 'held'), (4, 1, '2013-06-01', 'held');
INSERT INTO agenda_item (id, meeting_id, number, title) VALUES
 (11, 1, '4', 'Domestic Abuse Strategy'), (12, 2, '3', 'Updated report'),
 (13, 3, '7', 'Domestic Abuse Strategy 2015-16'), (14, 4, '2', 'Early draft');
INSERT INTO resolution (item_id, position, text, kind) VALUES
 (13, 1, 'That the strategy be approved', 'approved');
SQL

run undertakings add --text "A summary of the Partnership Board's work" \
	--owner "a representative of the Director of Strategy" --item 11 --due-meeting 2
expect_rc 0 "add an undertaking"
next=$out
check "add prints the new id" test "$next" -gt 0
run undertakings add --kind request --text "An updated report" --item 11 --due-meeting 1
held=$out
run undertakings add --text "Both at once" --due-meeting 2 --due-date 2099-01-01
expect_rc 1 "a due meeting and a due date at once refused"
expect_err "due_date" "the error names due_date"
run undertakings add --text "Bad kind" --kind promise
expect_rc 1 "an unknown kind refused"
expect_err "kind" "the error names kind"
run undertakings add --owner "nobody"
expect_rc 2 "add without --text is a usage error"

run undertakings list --status open --format csv
expect_rc 0 "list the open ones"
expect_out "A summary of the Partnership Board's work" "the undertaking is open"
expect_out "An updated report" "the request is open"
check "two open, the refused ones not added" test "$(printf '%s\n' "$out" | wc -l)" -eq 3
run undertakings list --status overdue --format csv
ids=$(printf '%s\n' "$out" | sed 1d | cut -d, -f1 | tr '\n' ' ')
check "only the one due at a meeting held is overdue" test "$ids" = "$held "
run undertakings list --status late
expect_rc 2 "an unknown status is a usage error"
run undertakings list --meeting 2
expect_out "Partnership Board" "listed by its due meeting"

run undertakings discharge "$next"
expect_rc 2 "discharge needs --by-item"
run undertakings discharge "$next" --by-item 999
expect_rc 1 "discharge by an item that does not exist refused"
expect_err "discharged_by_item_id" "the error names discharged_by_item_id"
run undertakings discharge "$next" --by-item 12 --on 2099-03-01
expect_rc 0 "discharge by the item that answered it"
run undertakings show --format json "$next"
expect_out '"status": "discharged"' "it is discharged"
expect_out '"discharged_by_item_id": 12' "by item 12"
expect_out '"discharged_on": "2099-03-01"' "on the date given"
run undertakings list --status open
case "$out" in *"Partnership Board"*) fail "no longer open" ;; *) pass "no longer open" ;; esac
run audit list --type undertaking --id "$next" --format json
expect_out '"user": "'"$(id -un)"'"' "the record says who discharged it"
expect_out '"discharged_by_item_id"' "the record names the field"

run issues add --title "Domestic Abuse Strategy"
expect_rc 0 "add an issue"
issue=$out
for item in 13 11 14; do
	run issues add-item "$issue" --item "$item"
	expect_rc 0 "add item $item to the issue"
done
run issues add-item "$issue" --item 999
expect_rc 1 "an item that does not exist refused"
run issues show --format json "$issue"
dates=$(printf '%s\n' "$out" | sed -n 's/^ *"date": "\([0-9-]*\)".*/\1/p' | tr '\n' ' ')
check "the timeline is in date order" test "$dates" = "2013-06-01 2014-09-16 2014-09-30 "
run issues show "$issue"
expect_out "approved: That the strategy be approved" "the resolution on the timeline"
run issues list --format csv
expect_out "Domestic Abuse Strategy,,3,2013-06-01,2014-09-30" "the list counts its items and dates"
run issues remove-item "$issue" --item 14
run issues show "$issue"
case "$out" in *"Early draft"*) fail "the item taken out" ;; *) pass "the item taken out" ;; esac
run undertakings delete "$held"
expect_out "deleted undertaking $held" "delete an undertaking"
