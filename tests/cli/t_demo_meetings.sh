# The Stockport demo's meetings (src/demo/demo_meetings.c), from the four
# records of council meetings among the seeds: the Domestic Abuse
# Strategy's three meetings as one issue, in date order, with the bodies,
# item numbers and resolutions the record gives (through the API too);
# the other items with their comments, resolutions, the undertaking and
# the request; what the records do not give marked as example data;
# loading the demo again changes nothing.
. tests/cli/lib.sh
PY=/usr/bin/python3
sql() { sqlite3 "$DB" "$1"; }
dump() { sqlite3 "$DB" .dump | md5sum; }

run demo
expect_rc 0 "the demo loads"

check "the four bodies the records name, with their kinds" \
	test "$(sql "SELECT kind || '|' || name FROM body ORDER BY name")" = \
"scrutiny|Communities & Housing Scrutiny Committee
scrutiny|Corporate, Resource Management & Governance Scrutiny Committee
executive|Executive
health_wellbeing|Health & Wellbeing Board"

# The issue: its meetings in date order (on 16/09/2014 the Board's before
# the committee's, as the issue history lists them newest first).
issue_rows() {
	sql "SELECT m.date || '|' || b.name || '|' || i.number || '|' || i.title
	     FROM issue s JOIN issue_item x ON x.issue_id = s.id
	     JOIN agenda_item i ON i.id = x.item_id JOIN meeting m ON m.id = i.meeting_id
	     JOIN body b ON b.id = m.body_id
	     WHERE s.title = 'Domestic Abuse Strategy and Action Plan'
	     ORDER BY m.date, m.time, i.position"
}
check "the Domestic Abuse Strategy issue: three meetings, bodies and item numbers as the record gives" \
	test "$(issue_rows)" = \
"2014-09-16|Health & Wellbeing Board|6|Domestic Abuse Strategy and Action Plan
2014-09-16|Corporate, Resource Management & Governance Scrutiny Committee|5|Domestic Abuse Strategy and Action Plan
2014-09-30|Executive|10|Domestic Abuse Strategy and Action Plan (CCCS22)"
check "the issue follows the 2015-16 strategy" \
	test "$(sql "SELECT p.title FROM issue s JOIN plan p ON p.id = s.plan_id")" = \
	"Domestic Abuse Prevention Strategy and Action Plan 2015-16"
check "the resolutions word for word: noted, recommended to the Executive, approved" \
	test "$(sql "SELECT r.kind || '|' || coalesce(b.name, '') || '|' || r.text FROM resolution r
	             JOIN issue_item x ON x.item_id = r.item_id
	             JOIN agenda_item i ON i.id = r.item_id JOIN meeting m ON m.id = i.meeting_id
	             LEFT JOIN body b ON b.id = r.to_body_id ORDER BY m.date, m.time, r.position")" = \
"recommended|Executive|That the Domestic Abuse Strategy and Action Plan be welcomed and the Council Executive be recommended to approve the Strategy and Plan, subject to the comments of this Board.
noted||That the draft Domestic Abuse Prevention Strategy for 2015-16 be noted.
approved||That the Domestic Abuse Strategy and Action Plan for 2015-16 be approved.
other||That officers involved in the preparation of the Strategy be thanked for their contribution."
check "each report's recommendation, as the record words it" \
	test "$(sql "SELECT i.number || '|' || r.text FROM item_recommendation r JOIN issue_item x ON x.item_id = r.item_id
	             JOIN agenda_item i ON i.id = r.item_id ORDER BY CAST(i.number AS INTEGER)")" = \
"5|The Scrutiny Committee is invited to comment on the draft strategy and implementation plan for 2015-16.
6|The Board is invited to comment on the draft Strategy.
10|The Executive is asked to approve the draft Domestic Abuse Strategy and Implementation Plan for 2015-16."
check "the comments made at the committee and the Board: four each" \
	test "$(sql "SELECT i.number || ':' || count(*) FROM item_comment c JOIN issue_item x ON x.item_id = c.item_id
	             JOIN agenda_item i ON i.id = c.item_id GROUP BY i.id ORDER BY i.number")" = "5:4
6:4"
check "comments word for word, the record's curly quotes kept" \
	test "$(sql "SELECT count(*) FROM item_comment WHERE text IN ('The Strategy recognised that domestic abuse can affect anyone irrespective of gender, sexuality, age, class, religion or ethnicity.', 'Greater emphasis was needed on wider services that could contribute to the Strategy, such as district nursing, as the current Strategy had an understandable, but too narrow a focus on children’s services.')")" = 2

# The other items.
check "the 2016 SSP item: three recommendations, six comments, its resolution, the two who presented" \
	test "$(sql "SELECT (SELECT count(*) FROM item_recommendation WHERE item_id = i.id) || '|' ||
	                    (SELECT count(*) FROM item_comment WHERE item_id = i.id) || '|' ||
	                    (SELECT group_concat(text) FROM resolution WHERE item_id = i.id) || '|' ||
	                    (SELECT group_concat(name, ', ') FROM meeting_attendee WHERE meeting_id = i.meeting_id AND role = 'presenting')
	             FROM agenda_item i WHERE i.title = 'Safer Stockport Partnership - Performance, Priorities and Governance'")" = \
"3|6|That the report be noted and that Supt. Rogerson and Steve Skelton be thanked for their attendance and presentation.|Superintendent Jo Rogerson, Steve Skelton"
check "the OSSP item on its activity since the 2022-2025 plan's approval, linked to that plan" \
	test "$(sql "SELECT i.summary || '|' || p.title FROM agenda_item i JOIN item_link l ON l.item_id = i.id AND l.kind = 'plan'
	             JOIN plan p ON p.id = l.target_id WHERE i.title = 'One Stockport Community Safety Partnership'")" = \
"The presentation focuses on the activity of the One Stockport Safety Partnership (OSSP) since this committee approved the partnership’s 2022-2025 Plan in March 2022.|One Stockport Safety Partnership Plan 2022-2025"
check "the Serious Violence item: its three resolutions, all noted" \
	test "$(sql "SELECT group_concat(r.kind) FROM resolution r JOIN agenda_item i ON i.id = r.item_id WHERE i.title LIKE '%Serious Violence Strategic Needs Assessment%'")" = "noted,noted,noted"
check "the undertaking on the Domestic Abuse Partnership Board summary, open, given at that item" \
	test "$(sql "SELECT u.kind || '|' || u.status || '|' || u.owner FROM undertaking u JOIN agenda_item i ON i.id = u.item_id
	             WHERE u.text LIKE '%summary of the work of the Domestic Abuse Partnership Board%' AND i.title LIKE '%Serious Violence%'")" = \
"undertaking|open|a representative of the Director of Strategy"
check "the request for an updated report, open, due at a future meeting of the committee" \
	test "$(sql "SELECT u.status || '|' || m.status || '|' || b.name || '|' || (m.date > date('now')) FROM undertaking u
	             JOIN meeting m ON m.id = u.due_meeting_id JOIN body b ON b.id = m.body_id
	             WHERE u.kind = 'request' AND u.text = 'Members requested an updated report for a future meeting of this committee.'")" = \
"open|scheduled|Communities & Housing Scrutiny Committee|1"
check "the 2020/21 annual review to the Communities & Housing Scrutiny Committee on 14 June 2021" \
	test "$(sql "SELECT m.date || '|' || b.name FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN body b ON b.id = m.body_id
	             WHERE i.title = 'Annual Review and Partnership Update 2020/21'")" = \
"2021-06-14|Communities & Housing Scrutiny Committee"

# Example data: every meeting (times and venues are not in the records),
# and the items whose numbers are made up; each meeting says which parts.
check "every meeting is marked as example data, and says what of it is" \
	test "$(sql "SELECT count(*) FROM meeting WHERE is_example = 1 AND note LIKE '%example data%'")" = \
	"$(sql "SELECT count(*) FROM meeting")"
check "the items with made-up numbers are example data, the others not" \
	test "$(sql "SELECT group_concat(is_example, '') FROM (SELECT is_example FROM agenda_item ORDER BY id)")" = "0000101"

# Through the API: the issue's timeline in date order.
port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$SAFER" --db "$DB" serve --listen "127.0.0.1:$port" > /dev/null 2> "$TMP/serve.err" &
pid=$!
for i in $(seq 200); do
	curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break
	sleep 0.05
done
id=$(sql "SELECT id FROM issue WHERE title = 'Domestic Abuse Strategy and Action Plan'")
out=$(curl -s "http://127.0.0.1:$port/api/v1/issues/$id" | $PY -c '
import json, sys
d = json.load(sys.stdin)
for t in d["timeline"]:
    print(t["date"], t["body"], t["number"], "; ".join(r["kind"] for r in t["resolutions"]), sep="|")')
check "GET /api/v1/issues/ID: the three meetings in date order with bodies, numbers and resolutions" \
	test "$out" = \
"2014-09-16|Health & Wellbeing Board|6|recommended
2014-09-16|Corporate, Resource Management & Governance Scrutiny Committee|5|noted
2014-09-30|Executive|10|approved; other"
out=$(curl -s "http://127.0.0.1:$port/api/v1/undertakings?status=open" | $PY -c '
import json, sys
print(len(json.load(sys.stdin)["undertakings"]))')
check "GET /api/v1/undertakings?status=open: the undertaking and the request" test "$out" = 2
kill -TERM "$pid"
wait "$pid"

# Again: nothing changes.
before=$(dump)
run demo
expect_rc 0 "loading the demo again works"
check "loading the demo again changes nothing" test "$(dump)" = "$before"
