# A damaged or hand-edited store: real police.uk files imported, then the
# store damaged with sqlite3 as a person or a broken disk could (dictionary
# rows deleted, a column deleted, a batch's row count changed, geography
# rows deleted or without a code, a peer group with a member nobody knows).
# Every command that reads crime data, and the server's crime page and
# API, must fail with a message naming what is inconsistent, exit 1 or
# answer 500, and never crash; tests/run-all runs this file again on the
# sanitizer build, where undefined behaviour would abort.  An import into
# a damaged store must fail and leave it as it was.
. tests/cli/lib.sh
REAL=${SAFER_REAL_DATA:-../shared/data/real}
COL2020=$REAL/policeuk-cityoflondon-2020-christinabotros
MERSEY=$REAL/policeuk-merseyside-cityoflondon-linazk
need_real "$COL2020" "$MERSEY" || exit 0

run init
run import police "$COL2020"/2020-??-city-of-london-street.csv
expect_rc 0 "twelve months of City of London Police import"
run import geography "$COL2020/mid-19 population estimates.csv"
expect_rc 0 "the ONS population file imports as the geography"
printf 'code,name,unit,per,polarity,crime_type\n%s\n%s\n' \
	'burglary-rate,Burglary per 1000 residents,rate,1000,lower_better,Burglary' \
	'theft,Theft from the person,count,,lower_better,Theft from the person' \
	> "$TMP/defs.csv"
run import indicators "$TMP/defs.csv"
expect_rc 0 "two crime indicators import"
sqlite3 "$DB" ".backup '$TMP/pristine.db'"

# The commands that read crime data, one a line, arguments split at '|'.
COMMANDS='crime|counts|--by|month
crime|top|--by|lsoa|--n|5
crime|counts|--area|City of London|--by|type|--format|json
headlines|--area|City of London
indicators|show|burglary-rate|--area|City of London'

# damage SQL: a fresh copy of the imported store, damaged by SQL.
damage() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	cp "$TMP/pristine.db" "$DB"
	sqlite3 "$DB" "$1" > /dev/null
}

# crashed: did the last run die or print a sanitizer's report?
crashed() {
	[ "$rc" -gt 2 ] || case "$err" in
		*Sanitizer* | *"runtime error"* | *"BUG at"*) true ;;
		*) false ;;
	esac
}

# every_command_fails NAME TEXT: each command exits 1 with TEXT in its
# message, and nothing crashes.
every_command_fails() {
	local name=$1 text=$2 line
	local -a args
	while IFS= read -r line; do
		IFS='|' read -ra args <<< "$line"
		run "${args[@]}"
		check "$name: '${args[*]:0:2}' does not crash" eval '! crashed'
		expect_rc 1 "$name: '${args[*]:0:3}' fails"
		expect_err "$text" "$name: '${args[*]:0:3}' names the inconsistency"
	done <<< "$COMMANDS"
}

# every_command_works NAME: each command exits 0.
every_command_works() {
	local name=$1 line
	local -a args
	while IFS= read -r line; do
		IFS='|' read -ra args <<< "$line"
		run "${args[@]}"
		expect_rc 0 "$name: '${args[*]:0:3}' answers"
	done <<< "$COMMANDS"
}

# the_server_says NAME TEXT: /crime and /api/v1/crime/counts answer 500
# with TEXT (free of characters HTML escapes), and the server lives on.
the_server_says() {
	local name=$1 text=$2 port pid i status body
	port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	"$SAFER" --db "$DB" serve --listen "127.0.0.1:$port" > /dev/null 2> "$TMP/serve.err" &
	pid=$!
	for i in $(seq 200); do
		curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break
		sleep 0.05
	done
	for path in "/api/v1/crime/counts?by=month" "/crime" "/headlines?area=City+of+London"; do
		body=$(curl -s -w '\n%{http_code}' "http://127.0.0.1:$port$path")
		status=${body##*$'\n'}
		out=${body%$'\n'*} err=$(cat "$TMP/serve.err") rc=0
		check "$name: GET $path answers 500" test "$status" = 500
		expect_out "$text" "$name: GET $path names the inconsistency"
	done
	check "$name: the server is still running" kill -0 "$pid"
	kill -TERM "$pid"
	wait "$pid"
	rc=$? out= err=$(cat "$TMP/serve.err")
	expect_rc 0 "$name: the server stops cleanly"
	check "$name: the server did not crash" eval '! crashed'
}

# the_import_fails NAME TEXT: a police import into the damaged store fails
# with TEXT and changes nothing.
the_import_fails() {
	local name=$1 text=$2 before
	before=$(sqlite3 "$DB" .dump | md5sum)
	run import police "$MERSEY/2019-05-city-of-london-street.csv"
	check "$name: the import does not crash" eval '! crashed'
	expect_rc 1 "$name: a police import fails"
	expect_err "$text" "$name: the import names the inconsistency"
	expect_err "nothing was imported" "$name: the import says nothing was imported"
	check "$name: the refused import left the store as it was" \
		test "$(sqlite3 "$DB" .dump | md5sum)" = "$before"
}

# 0. The store as imported answers.
damage "SELECT 1"
every_command_works "intact store"

# 1. LSOA dictionary rows deleted from the middle: a hole.
damage "DELETE FROM crime_dict WHERE domain = 'lsoa' AND id BETWEEN 20 AND 22"
every_command_fails "LSOA dictionary with a hole" \
	"the store is damaged: the LSOA dictionary has no value for id 20"
the_server_says "LSOA dictionary with a hole" \
	"the store is damaged: the LSOA dictionary has no value for id 20"
the_import_fails "LSOA dictionary with a hole" \
	"the store is damaged: the 'lsoa' dictionary has"

# 2. The last LSOA dictionary rows deleted: rows hold ids beyond it, and
# an import would give those ids to other LSOAs unless the store knew how
# many values it had written.
damage "DELETE FROM crime_dict WHERE domain = 'lsoa' AND id >= 50"
every_command_fails "LSOA dictionary cut short" \
	"the store is damaged: the 'lsoa' dictionary holds 50 values, but"
the_server_says "LSOA dictionary cut short" "dictionary holds 50 values, but"
the_import_fails "LSOA dictionary cut short" \
	"the store is damaged: the 'lsoa' dictionary holds 50 values, but"
# Without the size (a store from before it was kept), the batches' ids
# beyond the dictionary still tell, naming the batch by force and month.
damage "DELETE FROM crime_dict WHERE domain = 'lsoa' AND id >= 50;
	DELETE FROM meta WHERE key LIKE 'crime_dict_size:%'"
every_command_fails "LSOA dictionary cut short, no size kept" \
	"but the LSOA dictionary has 50 values (batch "

# 3. Crime type dictionary rows deleted, in the middle and at the end.
damage "DELETE FROM crime_dict WHERE domain = 'crime_type' AND id = 3"
every_command_fails "crime type dictionary with a hole" \
	"the store is damaged: the crime type dictionary has no value for id 3"
the_import_fails "crime type dictionary with a hole" \
	"the store is damaged: the 'crime_type' dictionary has"
damage "DELETE FROM crime_dict WHERE domain = 'crime_type' AND id >= 10"
every_command_fails "crime type dictionary cut short" \
	"the 'crime_type' dictionary holds 10 values, but"
damage "DELETE FROM crime_dict WHERE domain = 'crime_type' AND id >= 10;
	DELETE FROM meta WHERE key LIKE 'crime_dict_size:%'"
every_command_fails "crime type dictionary cut short, no size kept" \
	"has crime type id 1"
expect_err "but the crime type dictionary has 10 values (batch 1: City of London Police, 2020-01)" \
	"the message names the batch by force and month"

# 4. A column of a batch deleted.
damage "DELETE FROM crime_column WHERE batch_id = 2 AND name = 'lsoa_code'"
every_command_fails "a column deleted" \
	"batch 2 has no column 'lsoa_code' (batch 2: City of London Police, 2020-02)"
the_server_says "a column deleted" "City of London Police, 2020-02"

# 5. A batch's row count changed: its columns no longer hold its rows.
damage "UPDATE crime_batch SET rows = rows + 1 WHERE id = 3"
every_command_fails "a batch with the wrong number of rows" \
	"the store is damaged: column 'crime_type' does not hold the batch's 606 rows (batch 3: City of London Police, 2020-03)"
damage "UPDATE crime_batch SET rows = -5 WHERE id = 3"
every_command_fails "a batch with a negative number of rows" \
	"the store is damaged: a batch has -5 rows (batch 3: City of London Police, 2020-03)"
damage "UPDATE crime_column SET data = x'02ff' WHERE batch_id = 4 AND name = 'outcome'"
every_command_fails "a column that does not decode" \
	"column 'outcome' does not hold the batch's"

# 6. Months and forces out of range.
damage "UPDATE crime_batch SET month = 999999 WHERE id = 3"
every_command_fails "a batch's month out of range" \
	"a batch has month 999999, outside the years 1900 to 2199"
damage "DELETE FROM crime_dict WHERE domain = 'force'"
every_command_fails "the force dictionary deleted" \
	"the store is damaged: the 'force' dictionary holds 0 values, but 1 was written"

damage "UPDATE crime_dict SET id = -1 WHERE domain = 'lsoa' AND id = 5"
every_command_fails "a dictionary id out of range" \
	"the store is damaged: the 'lsoa' dictionary holds id -1, out of range"
the_import_fails "a dictionary id out of range" \
	"the store is damaged: the 'lsoa' dictionary holds id -1, out of range"
damage "UPDATE crime_dict SET id = 'x' WHERE domain = 'crime_type' AND id = 0"
every_command_fails "a dictionary id that is not a number" \
	"the store is damaged: the 'crime_type' dictionary holds id 'x', not a whole number"
the_import_fails "a dictionary id that is not a number" \
	"the store is damaged: the 'crime_type' dictionary holds id 'x', not a whole number"

# 7. The geography: rows deleted are a smaller geography, not damage;
# an LSOA without a code is damage.
damage "DELETE FROM geo_lsoa WHERE la_name = 'City of London'"
every_command_works "geography rows deleted"
run crime counts --area "City of London" --by month --rate --format csv
expect_rc 0 "without the geography the district is found from LSOA names"
check "and has no population for a rate" \
	test "$(echo "$out" | tr -d '\r' | sed -n 2p | cut -d, -f3)" = ""
damage "UPDATE geo_lsoa SET code = NULL WHERE code = 'E01000001'"
every_command_fails "a geography LSOA without a code" \
	"an LSOA of the geography has no code (its name is 'City of London 001A')"

# 8. A peer group whose member nobody knows, written by hand.
damage "INSERT INTO peer_group (name) VALUES ('Odd');
	INSERT INTO peer_group_member (group_id, area, position)
	SELECT id, 'Atlantis', 0 FROM peer_group WHERE name = 'Odd'"
run crime counts --area Odd --by month
expect_rc 1 "a peer group with an unknown member fails"
expect_err "peer group 'Odd': member 'Atlantis': no area called 'Atlantis'" \
	"naming the group and the member"
every_command_works "other questions, with the odd group stored"
