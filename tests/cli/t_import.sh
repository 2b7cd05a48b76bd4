# Imports that lose nothing and do not block other writers: a file cut
# short is refused, --replace-shorter takes it, the history records every
# import and undo puts back exactly the rows replaced; the later of two
# files giving one force-month wins; writes go through while an import
# runs, and an import killed midway leaves nothing.
. tests/cli/lib.sh
REAL=${SAFER_REAL_DATA:-../shared/data/real}
MERSEY=$REAL/policeuk-merseyside-cityoflondon-linazk
PY=/usr/bin/python3

sorted_csv() { tr -d '\r' | tail -n +2 | sort; }
by_type_lsoa() { "$SAFER" --db "$DB" crime counts --by type,lsoa --format csv | sorted_csv; }
python_type_lsoa() { $PY tests/reference/count_policeuk.py --by type,lsoa "$@" | sorted_csv; }
street_rows() { # street-level rows that 'safer crime summary' counts
	"$SAFER" --db "$DB" crime summary | sed -n 's/^street-level crime: \([0-9]*\) rows.*/\1/p'
}
dump() { sqlite3 "$DB" .dump | md5sum; }
sql() { sqlite3 "$DB" "$1"; }
history_json() { # PYTHON-EXPRESSION over h, the history as JSON
	"$SAFER" --db "$DB" import history --format json |
		$PY -c "import json, sys; h = json.load(sys.stdin)['imports']; print($1)"
}

# ---------------------------------------------------------------------
# Writes while an import runs, and an import killed midway.  No real data
# needed: the import's last file is a named pipe, so the import stays
# running, with its first files written, until the test feeds the pipe.

street_csv() { # MONTH FORCE ROWS: a police.uk street-level file
	printf 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\r\n'
	for i in $(seq 1 "$3"); do
		printf '%064x,%s,%s,%s,-2.1%02d,53.4%02d,On or near High Street,E0100%04d,Stockport %03dA,Burglary,Under investigation,\r\n' \
			"$i" "$1" "$2" "$2" $((i % 100)) $((i % 100)) $((i % 20)) $((i % 20))
	done
}

live=$TMP/live
mkdir -p "$live"
for m in 01 02 03; do
	street_csv 2024-$m "Test Police" 200 > "$live/2024-$m-test-street.csv"
done
street_csv 2024-04 "Test Police" 150 | gzip > "$TMP/last.csv.gz"
mkfifo "$live/2024-04-test-street.csv.gz"

run demo
expect_rc 0 "the demo loads"
rows_before=$(street_rows)
dump_before=$(dump)

# wait_pending N: until the running import has written N pending batches.
wait_pending() {
	local i
	for i in $(seq 1 600); do
		[ "$(sql "SELECT count(*) FROM crime_batch WHERE state = 'pending'")" -ge "$1" ] && return 0
		kill -0 "$import_pid" 2>/dev/null || return 1
		sleep 0.05
	done
	return 1
}

"$SAFER" --db "$DB" import police --threads 2 "$live" > "$TMP/bg.out" 2> "$TMP/bg.err" &
import_pid=$!
check "a running import writes its first files as pending batches" wait_pending 3
check "readers do not see pending batches" test "$(street_rows)" = "$rows_before"

run actions update 1 --status on_hold --note "Updated while an import runs"
expect_rc 0 "a command-line write succeeds while the import runs"
check "and the import was still running when it completed" kill -0 "$import_pid"

run import police "$TMP/last.csv.gz"
expect_rc 1 "a second import is refused while one runs"
expect_err "(police, started" "the refusal names the running import"

port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$SAFER" --db "$DB" serve --listen "127.0.0.1:$port" > /dev/null 2> "$TMP/serve.err" &
serve_pid=$!
for i in $(seq 1 200); do
	curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break
	sleep 0.05
done
code=$(curl -s -o "$TMP/patch.json" -w '%{http_code}' -X PATCH \
	-H "Host: 127.0.0.1:$port" -H "Origin: http://127.0.0.1:$port" \
	-H 'Content-Type: application/json' \
	--data '{"status": "in_progress", "rag": "amber"}' \
	"http://127.0.0.1:$port/api/v1/actions/1")
check "a web edit (PATCH /api/v1/actions/1) succeeds while the import runs" test "$code" = 200
check "and the import was still running when it completed" kill -0 "$import_pid"

cat "$TMP/last.csv.gz" > "$live/2024-04-test-street.csv.gz"
wait "$import_pid"
check "the import then completes" test $? -eq 0
check "and publishes all its rows at once" test "$(street_rows)" = "$((rows_before + 750))"
check "no pending batch is left" test "$(sql "SELECT count(*) FROM crime_batch WHERE state <> 'live'")" = 0
check "the write-ahead log is emptied after the import, beside a running server" \
	test -e "$DB-wal" -a ! -s "$DB-wal"
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null
run actions show 1 --format json
expect_out '"status": "in_progress"' "the web edit made during the import is kept"

# Killed midway: nothing visible, and the next opening cleans up.
run import undo "$(history_json 'h[0]["id"]')"
expect_rc 0 "the import is undone"
dump_before=$(dump)
rows_before=$(street_rows)
"$SAFER" --db "$DB" import police --threads 2 "$live" > /dev/null 2>&1 &
import_pid=$!
check "an import to be killed has written pending batches" wait_pending 3
kill -9 "$import_pid"; wait "$import_pid" 2>/dev/null
check "an import killed midway leaves its pending batches" \
	test "$(sql "SELECT count(*) FROM crime_batch WHERE state = 'pending'")" -ge 3
check "which nobody sees" test "$(street_rows)" = "$rows_before"
run import history
check "opening the store deletes what the killed import left" \
	test "$(sql "SELECT count(*) FROM crime_batch WHERE state <> 'live'") $(sql "SELECT count(*) FROM import WHERE state = 'running'")" = "0 0"
check "and the database is as it was before the killed import" test "$(dump)" = "$dump_before"
rm -f "$live/2024-04-test-street.csv.gz"

# ---------------------------------------------------------------------
# Real police.uk files: cut short, replaced, undone.
need_real "$MERSEY" || exit 0
rm -f "$DB" "$DB-import"
run init
files=$(ls "$MERSEY"/2020-0[1-3]-*)
run import police $files
expect_rc 0 "three months of Merseyside and City of London import"
expect_out "added 42629 rows" "the summary counts the rows added"
check "the rows added are the rows 'crime summary' counts" test "$(street_rows)" = 42629
by_type_lsoa > "$TMP/before.csv"
python_type_lsoa $files > "$TMP/python-before.csv"
check "counts by type and LSOA equal Python's count of the files" cmp -s "$TMP/before.csv" "$TMP/python-before.csv"

# A download of 2020-03 cut short after 7,999 of its 13,735 rows.
mkdir -p "$TMP/cut"
gzip -dc "$MERSEY/2020-03-merseyside-street.csv.gz" | head -n 8000 > "$TMP/cut/2020-03-merseyside-street.csv"
dump_before=$(dump)
run import police "$TMP/cut"
expect_rc 1 "a file cut short is refused"
expect_err "2020-03-merseyside-street.csv: fewer rows than stored: 7999 rows of street-level crime for 'Merseyside Police' in 2020-03 would replace the 13735 stored" \
	"the refusal names the file, force, month and both counts"
expect_err "--replace-shorter" "and says how to replace them anyway"
check "the refused import left the database as it was" test "$(dump)" = "$dump_before"

run import police --replace-shorter "$TMP/cut"
expect_rc 0 "--replace-shorter takes the shorter file"
expect_out "added 7999 rows, replaced 13735" "the summary counts the rows added and replaced"
check "'crime summary' counts the rows as the import said" test "$(street_rows)" = "$((42629 - 13735 + 7999))"
python_type_lsoa $(ls "$MERSEY"/2020-0[12]-* "$MERSEY"/2020-03-city*) "$TMP/cut" > "$TMP/python-cut.csv"
check "counts by type and LSOA equal Python's count of what is now imported" \
	cmp -s <(by_type_lsoa) "$TMP/python-cut.csv"

cut_id=$(history_json 'h[0]["id"]')
check "the history records the import's counts" \
	test "$(history_json '"%s %s %s %s" % (h[0]["source"], h[0]["rows_added"], h[0]["rows_replaced"], h[0]["state"])')" = "police 7999 13735 done"
check "and who made it" test "$(history_json 'h[0]["by"]')" = "$(id -un)"
check "and the SHA-256 of its file" \
	test "$(history_json 'h[0]["files"][0]["sha256"]')" = "$(sha256sum < "$TMP/cut/2020-03-merseyside-street.csv" | cut -d' ' -f1)"
run import history
expect_out "police  done" "the history is a table by default"
run import history --format csv
expect_out "id,source,state,started_at" "and CSV on request"

run import undo "$cut_id"
expect_rc 0 "the import is undone"
expect_out "removed 7999 rows in 1 force-month that it added, put back 13735 rows in 1 force-month" \
	"undo says what it removed and put back"
check "undo puts back exactly the earlier rows (counts by type and LSOA)" cmp -s <(by_type_lsoa) "$TMP/before.csv"
check "and they equal Python's count of the original files" cmp -s <(by_type_lsoa) "$TMP/python-before.csv"
check "'crime summary' counts the rows as before" test "$(street_rows)" = 42629
check "the history keeps the import, undone" test "$(history_json 'h[0]["state"]')" = undone
run import undo "$cut_id"
expect_rc 1 "an import cannot be undone twice"
expect_err "was undone already" "and the refusal says so"

# A later import replaced the same force-month: undo that one first.
run import police --replace-shorter "$TMP/cut"
first=$(history_json 'h[0]["id"]')
run import police "$MERSEY/2020-03-merseyside-street.csv.gz"
expect_out "added 13735 rows, replaced 7999" "the full file replaces the cut one"
second=$(history_json 'h[0]["id"]')
run import undo "$first"
expect_rc 1 "an import whose force-months a later import replaced is not undone"
expect_err "undo import $second first" "the refusal names the later import to undo first"
run import undo "$second"
expect_rc 0 "the later import is undone first"
run import undo "$first"
expect_rc 0 "then the earlier one"
check "and the earlier rows are back" cmp -s <(by_type_lsoa) "$TMP/before.csv"

# Two files of one import give the same force-month: the later one wins.
rm -f "$DB" "$DB-import"
run init
run import police "$MERSEY"/2020-0[12]-merseyside-street.csv.gz
mkdir -p "$TMP/a" "$TMP/b"
cp "$TMP/cut/2020-03-merseyside-street.csv" "$TMP/a/"
cp "$MERSEY/2020-03-merseyside-street.csv.gz" "$TMP/b/"
base=$(street_rows)
run import police "$TMP/a" "$TMP/b"
expect_rc 0 "two files for one force-month import"
expect_out "1 force-month was given by more than one file; the later file wins" "the summary says a force-month came twice"
expect_out "'$TMP/b/2020-03-merseyside-street.csv.gz' (13735 rows) is used, not '$TMP/a/2020-03-merseyside-street.csv' (7999 rows)" \
	"and which file won"
expect_out "added 13735 rows, replaced 0" "only the winner's rows are counted as added"
check "'crime summary' counts what the summary said" test "$(street_rows)" = "$((base + 13735))"
run import police "$TMP/b" "$TMP/a"
expect_rc 1 "a later file markedly shorter than an earlier one is refused"
expect_err "fewer rows than an earlier file: 7999 rows" "naming both counts"

# The geography and indicator imports are recorded too.
printf 'lsoa_code,lsoa_name,population\nE01006512,Liverpool 001A,1500\n' > "$TMP/geo.csv"
run import geography "$TMP/geo.csv"
check "a geography import is recorded with its file's SHA-256" \
	test "$(history_json '"%s %s" % (h[0]["source"], h[0]["files"][0]["sha256"])')" = "geography $(sha256sum < "$TMP/geo.csv" | cut -d' ' -f1)"
run import undo "$(history_json 'h[0]["id"]')"
expect_rc 1 "a geography import is not undone"
expect_err "only police.uk imports can be undone" "and the refusal says which can be"
