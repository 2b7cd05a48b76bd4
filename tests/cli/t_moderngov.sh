# safer import moderngov: saved responses of modern.gov's web service
# (tests/data/moderngov, whose README says where their shape comes from)
# become bodies, meetings, agenda items and documents; importing again
# changes nothing; an updated meeting updates; a file that is not a
# response is refused, naming it, with the database as it was.
. tests/cli/lib.sh
D=tests/data/moderngov
sql() { sqlite3 "$DB" "$1"; }
dump() { sqlite3 "$DB" .dump | md5sum; }
ALL="$D/committees.xml $D/meetings-140.xml $D/meeting-3501.xml $D/meeting-3502-soap.xml"

run init
# shellcheck disable=SC2086
run import moderngov $ALL
expect_rc 0 "the four responses import"
expect_out "read 4 files: 5 bodies, 4 meetings, 3 agenda items, 3 documents" "the summary counts what it read"

check "three bodies, each once, with modern.gov's ids and a kind from the title" \
	test "$(sql "SELECT source_id || '|' || kind || '|' || name FROM body WHERE source = 'moderngov' ORDER BY source_id")" = \
"120|executive|Executive
140|scrutiny|Corporate, Resource Management & Governance Scrutiny Committee
175|health_wellbeing|Health & Wellbeing Board"
check "meetings with dates as YYYY-MM-DD, times as HH:MM, venue and status" \
	test "$(sql "SELECT m.source_id || '|' || b.source_id || '|' || m.date || '|' || coalesce(m.time, '') || '|' || coalesce(m.venue, '') || '|' || m.status FROM meeting m JOIN body b ON b.id = m.body_id ORDER BY m.source_id")" = \
"3501|140|2014-09-16|18:00|Committee Room 2, Town Hall, Stockport|held
3502|175|2014-09-16|14:00|Council Chamber, Town Hall|held
3540|140|2014-10-28|18:00||cancelled"
check "agenda items in their meeting, numbered and placed as the agenda has them" \
	test "$(sql "SELECT i.source_id || '|' || m.source_id || '|' || i.number || '|' || i.position || '|' || i.title FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id ORDER BY i.source_id")" = \
"21001|3501|1.|1|Minutes
21005|3501|5.|2|Domestic Abuse Strategy 2015-16
21102|3502|7.|1|Domestic Abuse Strategy 2015-16"
check "linked documents as attachments without data: name, type, URL (a restricted one with no URL left out)" \
	test "$(sql "SELECT a.name || '|' || a.content_type || '|' || a.bytes || '|' || length(a.data) || '|' || a.source_url FROM attachment a ORDER BY a.id")" = \
"Domestic Abuse Strategy 2015-16 report|application/pdf|0|0|http://democracy.example.gov.uk/documents/s88101/Domestic%20Abuse%20Strategy.pdf
Appendix - Strategy|application/pdf|0|0|http://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=88102
Report|application/vnd.openxmlformats-officedocument.wordprocessingml.document|0|0|http://democracy.example.gov.uk/documents/s88201/Report.docx"
# Meeting 3501 twice: added from GetMeetings, then given its venue by
# GetMeeting.
check "each write is on the record of changes" \
	test "$(sql "SELECT object_type || ' ' || count(*) FROM audit WHERE object_type IN ('body', 'meeting', 'item', 'attachment') GROUP BY object_type ORDER BY object_type")" = \
"attachment 3
body 3
item 3
meeting 4"

# Again: the same rows, none added, nothing recorded but the import.
before=$(sql "SELECT count(*) FROM body; SELECT count(*) FROM meeting; SELECT count(*) FROM agenda_item; SELECT count(*) FROM attachment; SELECT count(*) FROM audit WHERE object_type <> 'import'")
# Files in another order give the same.
# shellcheck disable=SC2086
run import moderngov $D/meeting-3502-soap.xml $D/meeting-3501.xml $D/meetings-140.xml $D/committees.xml
expect_rc 0 "importing again works"
expect_out "added 0, updated 0, unchanged 15" "importing again adds and changes nothing"
check "importing again duplicates nothing and records no change" \
	test "$(sql "SELECT count(*) FROM body; SELECT count(*) FROM meeting; SELECT count(*) FROM agenda_item; SELECT count(*) FROM attachment; SELECT count(*) FROM audit WHERE object_type <> 'import'")" = "$before"
check "both imports are in the history of imports, with their files" \
	test "$(sql "SELECT count(*) FROM import WHERE source = 'moderngov' AND state = 'done'; SELECT count(*) FROM import_file f JOIN import i ON i.id = f.import_id WHERE i.source = 'moderngov' AND length(f.sha256) = 64")" = "2
8"

# The meeting moved, with an item added.
run import moderngov $D/meeting-3501-updated.xml
expect_rc 0 "an updated meeting imports"
expect_out "added 1, updated 1, unchanged 4" "the update says what it changed"
check "the meeting has its new date and time, kept once" \
	test "$(sql "SELECT count(*) || '|' || date || '|' || time FROM meeting WHERE source_id = '3501'")" = "1|2014-09-23|06:30"
check "the new item is added after the others, the old ones kept once" \
	test "$(sql "SELECT number || '|' || title FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE m.source_id = '3501' ORDER BY i.position")" = \
"1.|Minutes
5.|Domestic Abuse Strategy 2015-16
6.|Scrutiny Review Topics"
check "the change of date is on the record" \
	test "$(sql "SELECT count(*) FROM audit WHERE object_type = 'meeting' AND op = 'update' AND changes LIKE '%2014-09-23%'")" = 1

# A body typed in before is taken as the committee, not doubled.
DB=$TMP/adopt.db
run init
sqlite3 "$DB" "INSERT INTO body (name, kind) VALUES ('Executive', 'executive')"
run import moderngov $D/committees.xml
check "a body of the committee's name is given the committee's id" \
	test "$(sql "SELECT count(*) || '|' || source_id FROM body WHERE name = 'Executive'")" = "1|120"
DB=$TMP/test.db

# Files that are not responses, or have a bad value: refused, naming the
# file (and the element and line), the database as it was.
refused() { # FILE TEXT NAME
	local was
	was=$(dump)
	run import moderngov "$D/committees.xml" "$1"
	if [ "$rc" -eq 1 ] && [ "$(dump)" = "$was" ]; then
		case "$err" in
		*"$2"*"nothing was imported; the database is as it was"*) pass "$3" ;;
		*) fail "$3 (stderr lacks '$2')" ;;
		esac
	else
		fail "$3 (wanted exit 1 and the database unchanged)"
	fi
}
refused "$D/bad-html.xml" "$D/bad-html.xml:2: not a modern.gov response: the top element is 'html'" \
	"an HTML page is refused, naming the file and its top element"
refused "$D/bad-cut.xml" "$D/bad-cut.xml:16: not a modern.gov response: not well-formed XML" \
	"a response cut short is refused, naming the line"
refused "$D/bad-date.xml" "$D/bad-date.xml:4: element 'meetingdate': '31/02/2014' is not a real date" \
	"a date that does not exist is refused, naming the element and line"
refused "$D/bad-unknown-meeting.xml" "meeting 3599 does not say its committee, and is not known" \
	"a meeting whose committee is not known is refused"
printf '<?xml version="1.0"?>\n<!DOCTYPE meeting [<!ENTITY a "aaaaaaaaaa">]>\n<meeting><meetingid>1</meetingid><meetingdate>&a;</meetingdate></meeting>\n' > "$TMP/dtd.xml"
refused "$TMP/dtd.xml" "has a document type declaration" "a file with a DTD (entities) is refused"
printf '<committees><committee><committeeid>12a</committeeid><committeetitle>X</committeetitle></committee></committees>\n' > "$TMP/badid.xml"
refused "$TMP/badid.xml" "badid.xml:1: element 'committeeid': '12a' is not a modern.gov id" "an id that is not a number is refused"
printf '<meeting><meetingid>3501</meetingid><meetingdate>16/09/2014</meetingdate><meetingtime>25:00</meetingtime></meeting>\n' > "$TMP/badtime.xml"
refused "$TMP/badtime.xml" "element 'meetingtime': '25:00' is not a time as HH:MM" "a time that is not one is refused"
refused "$TMP/missing.xml" "missing.xml" "a file that is not there is refused, naming it"
run import moderngov
expect_rc 2 "no files is a usage error"
