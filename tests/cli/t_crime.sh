# Crime data: importing real police.uk files, and asking about them.
. tests/cli/lib.sh
REAL=${SAFER_REAL_DATA:-../shared/data/real}
MERSEY=$REAL/policeuk-merseyside-cityoflondon-linazk
COL2020=$REAL/policeuk-cityoflondon-2020-christinabotros
SNS=$REAL/gmp-stop-and-search-2018-langtonhugh/gmp_data
PY=/usr/bin/python3
need_real "$MERSEY" "$COL2020" "$SNS" || exit 0

sorted_counts() { # counts CSV without its header, sorted
	tail -n +2 "$1" | tr -d '\r' | sort
}

run init
run import police "$MERSEY"
expect_rc 0 "imports the Merseyside and City of London street files"
expect_out "read 655883 rows from 89 files" "says how many rows it read"
expect_out "2191 rows have no location" "counts the rows with no location"

# 1. Counts by month and type equal an independent count of the rows.
run crime counts --by month,type --format csv
echo "$out" > "$TMP/ours.csv"
$PY tests/reference/count_policeuk.py "$MERSEY" > "$TMP/python.csv"
check "counts by month and type equal Python's csv count of the same files" \
	cmp -s <(sorted_counts "$TMP/ours.csv") <(sorted_counts "$TMP/python.csv")
check "the CSV header is the dimension names then count" \
	test "$(head -1 "$TMP/ours.csv" | tr -d '\r')" = "month,type,count"

# 2. The same files again change nothing.
cp "$DB" "$TMP/before.db"
run import police "$MERSEY"
expect_out "added 0 rows, replaced 0, unchanged 655883" "a second import changes nothing"
run crime counts --by month,type --format csv
check "counts are the same after importing again" \
	cmp -s <(sorted_counts "$TMP/ours.csv") <(echo "$out" > "$TMP/again.csv"; sorted_counts "$TMP/again.csv")

# A damaged file is refused with its file, line and field; nothing changes.
mkdir -p "$TMP/bad"
awk 'NR == 57 { sub(/,2020-03,/, ",2020-3X,") } { print }' \
	"$MERSEY/2020-03-city-of-london-street.csv" > "$TMP/bad/2020-03-city-of-london-street.csv"
run import police "$TMP/bad"
expect_rc 1 "a damaged file fails the import"
expect_err "2020-03-city-of-london-street.csv:57: field 'Month': '2020-3X' is not a month" \
	"the error names the file, line and field"
expect_err "nothing was imported" "the error says nothing was imported"
run crime counts --by month,type --format csv
echo "$out" > "$TMP/after-bad.csv"
check "counts are as before after the refused import" \
	cmp -s <(sorted_counts "$TMP/ours.csv") <(sorted_counts "$TMP/after-bad.csv")

# A bad header is refused naming the missing columns.
printf 'Crime ID,Month,Reported by,Falls within\r\nx,2020-01,A,B\r\n' > "$TMP/bad/header.csv"
run import police "$TMP/bad/header.csv"
expect_rc 1 "a file with a bad header is refused"
expect_err "header.csv:1: not a police.uk file: the header lacks 'Longitude'" \
	"the error names the missing columns"

# --skip-bad-rows imports the rest and lists what it skipped.
rm "$TMP/bad/header.csv"
run import police --skip-bad-rows "$TMP/bad"
expect_rc 0 "--skip-bad-rows imports the rest"
expect_out "skipped 1" "--skip-bad-rows counts the skipped row"
expect_out "skipped: $TMP/bad/2020-03-city-of-london-street.csv:57" "--skip-bad-rows lists the skipped row"

# The same month downloaded twice: rows reordered, outcomes updated.
run init
rm -f "$DB" && run init
run import police "$MERSEY"/2020-0[1-3]-city-of-london-street.csv
run crime counts --by outcome --from 2020-01 --to 2020-03 --format csv
first=$out
run import police "$COL2020"/2020-0[1-3]-city-of-london-street.csv
expect_out "replaced" "a newer download of a force-month replaces the older"
run crime counts --by month --from 2020-01 --to 2020-03 --format csv
check "a re-downloaded month keeps the same row count" \
	test "$(echo "$out" | tr -d '\r' | tail -n +2 | cut -d, -f2 | paste -sd+ | bc)" = \
	     "$(( 797 + 763 + 605 ))"

# A police.uk download as it comes: a zip of monthly folders.
$PY - "$MERSEY" "$TMP/download.zip" <<'PYEOF'
import gzip, os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for n in sorted(os.listdir(src)):
        if n.startswith('2019-0') and n.endswith('.csv.gz'):
            data = gzip.open(os.path.join(src, n)).read()
            z.writestr(n[:7] + '/' + n[:-3], data)
        elif n.startswith('2019-0') and n.endswith('.csv'):
            z.write(os.path.join(src, n), n[:7] + '/' + n)
PYEOF
rm -f "$DB"; run init
run import police "$TMP/download.zip"
expect_rc 0 "a zip of monthly folders imports"
run crime counts --by month,type --format csv
echo "$out" > "$TMP/zip.csv"
$PY tests/reference/count_policeuk.py $(ls "$MERSEY"/2019-0*) > "$TMP/zip-python.csv"
check "counts from the zip equal Python's count of its files" \
	cmp -s <(sorted_counts "$TMP/zip.csv") <(sorted_counts "$TMP/zip-python.csv")

# Stop and search, told apart by its header; months by UK local time.
run import police "$SNS"/2018-??/2018-??-greater-manchester-stop-and-search.csv
expect_rc 0 "stop-and-search files import"
expect_out "3857 stop and search" "all the 2018 GMP searches are read"
run import police "$SNS"/2018-12/2018-12-greater-manchester-stop-and-search_edit.csv
expect_rc 1 "an edited, not-quite-police.uk file is refused"
expect_err "its header has none of the columns" "the refusal says why"

# Geography: district from the LSOA name without it; rates with it.
rm -f "$DB"; run init
run import police "$MERSEY"/2021-0[1-6]-merseyside-street.csv.gz
run crime counts --area Liverpool --by month --format csv
expect_out "2021-01," "a district is found from LSOA names without a geography"
cp "$DB" "$TMP/before-geo.db"
printf 'lsoa_code,lsoa_name,population\nE01006512,Liverpool 001A,1500\nE01006513,Liverpool \377,1600\n' > "$TMP/geo-utf8.csv"
run import geography "$TMP/geo-utf8.csv"
expect_rc 1 "a geography with a name that is not UTF-8 is refused"
expect_err "geo-utf8.csv:3: field 'lsoa_name': not valid UTF-8 text" "naming file, line and field"
printf 'lsoa_code,population,vintage\nE01006512,1500,2015\n' > "$TMP/geo-vintage.csv"
run import geography "$TMP/geo-vintage.csv"
expect_rc 1 "a vintage other than 2011 or 2021 is refused"
expect_err "geo-vintage.csv:2: field 'vintage': must be 2011 or 2021" "and the error says so"
check "the refused geographies left the database as it was" \
	test "$(sqlite3 "$DB" .dump | md5sum)" = "$(sqlite3 "$TMP/before-geo.db" .dump | md5sum)"
run import geography "$COL2020/mid-19 population estimates.csv"
expect_out "34753 LSOAs" "the ONS population file is read as a geography"
printf 'lsoa_code,lsoa_name,la_name,population\nE01006512, , NA ,1500\n' > "$TMP/geo-blank.csv"
run import geography "$TMP/geo-blank.csv"
expect_rc 0 "a geography with blank cells imports"
run crime counts --area "Liverpool 001A" --by month --format csv
expect_rc 0 "blank cells leave the LSOA's stored name as it was"
run crime top --by district --type Burglary --n 3 --rate --format csv --from 2021-01 --to 2021-06
expect_out "district,count,rate_per_1000" "top with rates has a rate column"
expect_out "Liverpool," "Liverpool tops burglary in Merseyside"
run peers set Merseyside Liverpool Knowsley Sefton "St Helens" Wirral
expect_rc 0 "'St Helens' (ONS) is a member where police.uk and the geography write 'St. Helens'"
run crime counts --area Merseyside --by district --format csv
expect_out "Wirral," "a peer group is usable as an area"
expect_out "St. Helens," "and counts St Helens"
run crime counts --area "st helens" --by month --format csv
expect_rc 0 "an area is found however 'St.' is written"
run crime counts --area Atlantis --by month
expect_rc 1 "an unknown area fails"
expect_err "no area called 'Atlantis'" "the error names the area"
run crime counts --by month --type Burgalry
expect_rc 1 "an unknown crime type fails"
expect_err "no crime type 'Burgalry'" "the error names the type and lists the known ones"
run crime counts --by month,colour
expect_rc 1 "an unknown dimension fails"
run crime top --by lsoa --type Burglary --n 100000000000
expect_rc 2 "a top list longer than 10,000 is wrong usage"
expect_err "--n must be at most 10000" "and says the longest"
run crime top --by month --type Burglary --n 3
expect_rc 1 "top by month fails"
expect_err "top needs one of lsoa, ward, district or force" "and says what top needs"
run peers set Odd Liverpool Atlantis
expect_rc 1 "a peer group with an unknown member is refused at once"
expect_err "no area called 'Atlantis'" "naming the member"
run peers list
check "the refused group was not stored" eval '! grep -q "^Odd:" <<< "$out"'
run crime counts --area Odd --by month
expect_err "no area called 'Odd'" "so it is no area"

# Rolling 12-month totals and the change on a year before, against the
# independent count.
rm -f "$DB"; run init
run import police "$MERSEY"
$PY tests/reference/count_policeuk.py "$MERSEY" > "$TMP/ref.csv"
ref_total() { # FROM TO: rows in the reference count between two months
	awk -F, -v a="$1" -v b="$2" 'NR > 1 && $1 >= a && $1 <= b { s += $3 } END { print s + 0 }' "$TMP/ref.csv"
}
run crime counts --by month --from 2020-12 --to 2020-12 --rolling --change --format csv
line=$(echo "$out" | tr -d '\r' | tail -1)
check "the rolling 12-month total is the sum of the 12 months to it" \
	test "$(echo "$line" | cut -d, -f5)" = "$(ref_total 2020-01 2020-12)"
check "the count a year before is that month's count" \
	test "$(echo "$line" | cut -d, -f3)" = "$(ref_total 2019-12 2019-12)"
run crime counts --by month --from 2018-03 --to 2018-03 --rolling --format csv
check "a rolling total the data cannot fill is left blank" \
	test "$(echo "$out" | tr -d '\r' | tail -1 | cut -d, -f3)" = ""
run crime counts --by type --rolling
expect_rc 1 "rolling totals need months"

# A partnership whose area is spelt as ONS spells it ("St Helens") opens
# the dashboard on its district as police.uk spells it ("St. Helens").
rm -f "$DB"
run init --partnership "Safer St Helens" --area "St Helens"
run import police "$MERSEY"/2021-0[1-3]-merseyside-street.csv.gz
port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$SAFER" --db "$DB" serve --listen "127.0.0.1:$port" > /dev/null 2>&1 &
pid=$!
for i in $(seq 200); do
	curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break
	sleep 0.05
done
page=$(curl -s "http://127.0.0.1:$port/crime")
kill -TERM "$pid"
wait "$pid"
check "the dashboard opens on the partnership's own district, however it is spelt" \
	grep -q '<h1>St. Helens</h1>' <<<"$page"
