# police.uk downloads as they come: a zip of monthly folders is read in one
# pass and imports exactly as its files unpacked; other files in it are
# listed as skipped; a zip cut short, with a bad CRC or damaged data is
# refused naming the zip and the file, and the database is as it was.
. tests/cli/lib.sh
PY=/usr/bin/python3

summary() { "$SAFER" --db "$1" crime summary; }
counts() { "$SAFER" --db "$1" crime counts --by month,type --format csv; }
dump() { sqlite3 "$DB" .dump | md5sum; }
fresh() { rm -f "$1" "$1"-wal "$1"-shm; "$SAFER" --db "$1" init > /dev/null; }

# make_download DIR: a small national download, unpacked, as police.uk
# ships it: DIR/YYYY-MM/YYYY-MM-<force>-<kind>.csv for three months, three
# forces and the three kinds, plus a README; rows made up, deterministic.
make_download() {
	$PY - "$1" <<'PYEOF'
import os, random, sys
out = sys.argv[1]
rng = random.Random(7)
forces = [("kent", "Kent Police"), ("merseyside", "Merseyside Police"),
          ("greater-manchester", "Greater Manchester Police")]
types = ["Burglary", "Shoplifting", "Anti-social behaviour", "Drugs"]
for month in ("2021-01", "2021-02", "2021-03"):
    os.makedirs(os.path.join(out, month), exist_ok=True)
    for slug, name in forces:
        street = ["Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
                  "Location,LSOA code,LSOA name,Crime type,"
                  "Last outcome category,Context"]
        outcomes = ["Crime ID,Month,Reported by,Falls within,Longitude,"
                    "Latitude,Location,LSOA code,LSOA name,Outcome type"]
        for i in range(rng.randrange(80, 120)):
            t = rng.choice(types)
            cid = "" if t == "Anti-social behaviour" else "%064x" % rng.getrandbits(256)
            lsoa = rng.randrange(1, 30)
            loc = "%.6f,%.6f,On or near High Street,E0100%04d,Town %03dA" % (
                -2 + rng.random(), 53 + rng.random(), lsoa, lsoa)
            street.append("%s,%s,%s,%s,%s,%s,%s," % (
                cid, month, name, name, loc, t, "" if not cid else "Under investigation"))
            if cid:
                outcomes.append("%s,%s,%s,%s,%s,Suspect charged" % (cid, month, name, name, loc))
        search = ["Type,Date,Part of a policing operation,Policing operation,"
                  "Latitude,Longitude,Gender,Age range,Self-defined ethnicity,"
                  "Officer-defined ethnicity,Legislation,Object of search,"
                  "Outcome,Outcome linked to object of search,"
                  "Removal of more than just outer clothing"]
        for i in range(rng.randrange(20, 40)):
            search.append("Person search,%s-%02dT12:00:00+00:00,False,,53.4,-2.1,"
                          "Male,18-24,,,Misuse of Drugs Act 1971 (section 23),"
                          "Controlled drugs,A no further action disposal,,False" % (
                              month, rng.randrange(1, 29)))
        for kind, lines in (("street", street), ("outcomes", outcomes),
                            ("stop-and-search", search)):
            with open(os.path.join(out, month, "%s-%s-%s.csv" % (month, slug, kind)), "w") as f:
                f.write("\r\n".join(lines) + "\r\n")
with open(os.path.join(out, "README.txt"), "w") as f:
    f.write("Data from police.uk, under the Open Government Licence.\n")
PYEOF
}

# zip_of DIR ZIP [PREFIX]: ZIP holds DIR's files in name order, each under
# PREFIX, with the folders' own entries, as a zip tool writes them
zip_of() {
	$PY - "$@" <<'PYEOF'
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
prefix = sys.argv[3] if len(sys.argv) > 3 else ""
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for d, dirs, files in sorted(os.walk(src)):
        dirs.sort()
        rel = os.path.relpath(d, src)
        if rel != ".":
            z.writestr(prefix + rel + "/", "")
        for n in sorted(files):
            z.write(os.path.join(d, n), prefix + os.path.normpath(os.path.join(rel, n)))
PYEOF
}

# entry_offsets ZIP NAME: "data_start compressed_size crc_offset" of NAME
entry_offsets() {
	$PY - "$1" "$2" <<'PYEOF'
import struct, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
i = z.getinfo(sys.argv[2])
with open(sys.argv[1], "rb") as f:
    f.seek(i.header_offset)
    h = f.read(30)
n, m = struct.unpack("<HH", h[26:30])
print(i.header_offset + 30 + n + m, i.compress_size, i.header_offset + 14)
PYEOF
}

dl=$TMP/download
make_download "$dl"
zip_of "$dl" "$TMP/archive.zip"

# ---------------------------------------------------------------------
# The zip imports exactly as the folder.
fresh "$TMP/folder.db"
folder_out=$("$SAFER" --db "$TMP/folder.db" import police "$dl")
check "the unpacked folder imports" test $? -eq 0
fresh "$DB"
run import police "$TMP/archive.zip"
expect_rc 0 "the zip imports"
check "it reads the same rows from the same files as the folder" \
	test "$(echo "$out" | head -n 1 | sed 's/ in [0-9.]* s//')" = \
	     "$(echo "$folder_out" | head -n 1 | sed 's/ in [0-9.]* s//')"
expect_out "from 27 files" "it reads the 27 police.uk files of the zip (3 months, 3 forces, 3 kinds)"
expect_out "street-level, " "the summary gives the rows by kind"
check "'crime summary' is the same as after importing the folder" \
	test "$(summary "$DB")" = "$(summary "$TMP/folder.db")"
check "and so are the counts by month and type" \
	test "$(counts "$DB")" = "$(counts "$TMP/folder.db")"
expect_out "skipped 1 file that is not police.uk data:" "the README is listed as skipped, not an error"
expect_out "  $TMP/archive.zip:README.txt" "named inside the zip"
check "the folder's README is listed the same way" \
	grep -qxF "  $dl/README.txt" <<< "$folder_out"
run import history --format json
expect_out "archive.zip:2021-03/2021-03-merseyside-street.csv" \
	"the history names each file of the zip by its entry"

run import police "$TMP/archive.zip"
expect_rc 0 "the same zip again imports"
expect_out "added 0 rows, replaced 0, unchanged" "and changes nothing: every force-month is stored as it is"

# A republished month replaces the stored one, as from a folder.
cp -r "$dl" "$TMP/v2"
sed -i '$d' "$TMP/v2/2021-02/2021-02-kent-street.csv"
zip_of "$TMP/v2" "$TMP/v2.zip"
run import police "$TMP/v2.zip"
expect_rc 0 "a zip with one month republished imports"
rows=$(($(wc -l < "$TMP/v2/2021-02/2021-02-kent-street.csv") - 1))
expect_out "added $rows rows, replaced $((rows + 1)), unchanged" \
	"its republished force-month replaces the stored one, and only that"
cp "$TMP/folder.db" "$TMP/folder2.db"
"$SAFER" --db "$TMP/folder2.db" import police "$TMP/v2" > /dev/null
check "the database is then as after the same two imports from folders" \
	test "$(summary "$DB")" = "$(summary "$TMP/folder2.db")"

# Nested and flat layouts.
zip_of "$dl" "$TMP/nested.zip" "police-data/england-and-wales/"
fresh "$DB"
run import police "$TMP/nested.zip"
expect_rc 0 "a zip whose monthly folders sit deeper imports"
check "with the same counts as the folder" test "$(counts "$DB")" = "$(counts "$TMP/folder.db")"
mkdir "$TMP/flat"
cp "$dl"/*/*.csv "$TMP/flat/"
zip_of "$TMP/flat" "$TMP/flat.zip"
fresh "$DB"
run import police "$TMP/flat.zip"
expect_rc 0 "a zip of files with no folders imports (stop and search files find their force from their name)"
check "with the same counts as the folder" test "$(counts "$DB")" = "$(counts "$TMP/folder.db")"

# Stored (not compressed), ZIP64, and streamed (sizes after each file's
# data, as a zip written to a pipe has them) zips import the same.
$PY - "$dl" "$TMP" <<'PYEOF'
import io, os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
files = sorted(os.path.relpath(os.path.join(d, n), src)
               for d, _, ns in os.walk(src) for n in ns)
with zipfile.ZipFile(os.path.join(out, "stored.zip"), "w", zipfile.ZIP_STORED) as z:
    for f in files:
        z.write(os.path.join(src, f), f)
class Pipe(io.RawIOBase):  # not seekable: zipfile writes data descriptors
    def __init__(self, f): self.f = f
    def writable(self): return True
    def write(self, b): return self.f.write(b)
with open(os.path.join(out, "streamed.zip"), "wb") as raw:
    with zipfile.ZipFile(Pipe(raw), "w", zipfile.ZIP_DEFLATED) as z:
        for f in files:
            with z.open(f, "w") as w:
                w.write(open(os.path.join(src, f), "rb").read())
zipfile.ZIP64_LIMIT = 1 << 10  # ZIP64 records for every file past 1 KiB
zipfile.ZIP_FILECOUNT_LIMIT = 4
with zipfile.ZipFile(os.path.join(out, "zip64.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    for f in files:
        z.write(os.path.join(src, f), f)
PYEOF
for kind in stored streamed zip64; do
	fresh "$DB"
	run import police "$TMP/$kind.zip"
	expect_rc 0 "a $kind zip imports"
	check "with the same counts as the folder" test "$(counts "$DB")" = "$(counts "$TMP/folder.db")"
done
check "(the ZIP64 zip has ZIP64 records)" $PY -c "
import sys, zipfile
sys.exit(not any(i.extra.startswith(b'\x01\x00') for i in zipfile.ZipFile(sys.argv[1]).infolist()))" "$TMP/zip64.zip"
head -c 30000 "$TMP/streamed.zip" > "$TMP/streamed-cut.zip"
run import police "$TMP/streamed-cut.zip"
expect_rc 1 "a streamed zip cut short is refused"
expect_err "cannot read the zip file '$TMP/streamed-cut.zip': it is cut short or damaged (it has no central directory at its end); the last file found in it is '2021-01/" \
	"naming the zip and the last file found in it"

# Order: a zip is read in the order it holds its files; the later wins.
$PY - "$TMP/order.zip" "$dl/2021-01/2021-01-kent-street.csv" <<'PYEOF'
import sys, zipfile
data = open(sys.argv[2], newline="").read().split("\r\n")
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("b/2021-01-kent-street.csv", "\r\n".join(data))
    z.writestr("a/2021-01-kent-street.csv", "\r\n".join(data[:-3] + [""]))
PYEOF
fresh "$DB"
run import police --replace-shorter "$TMP/order.zip"
expect_rc 0 "a zip giving one force-month twice imports"
expect_out "'$TMP/order.zip:a/2021-01-kent-street.csv' (" \
	"the file the zip holds later wins, and the summary says which"

# ---------------------------------------------------------------------
# Nothing to import, or not a zip.
$PY -c "import sys, zipfile; zipfile.ZipFile(sys.argv[1], 'w').writestr('README.txt', 'hello')" "$TMP/readme.zip"
fresh "$DB"
run import police "$TMP/readme.zip"
expect_rc 1 "a zip with no police.uk file is refused"
expect_err "no police.uk CSV files found" "saying there is nothing to import"
echo "not a zip at all" > "$TMP/text.zip"
run import police "$TMP/text.zip"
expect_rc 1 "a file named .zip that is not a zip is refused"
expect_err "cannot read the zip file '$TMP/text.zip': it is not a zip file" "naming it"

# A bad row names the file inside the zip and its line.
cp -r "$dl" "$TMP/bad"
sed -i '57s/,2021-03,/,2021-13,/' "$TMP/bad/2021-03/2021-03-kent-street.csv"
zip_of "$TMP/bad" "$TMP/bad.zip"
fresh "$DB"
"$SAFER" --db "$DB" import police "$dl/2021-01" > /dev/null
before=$(dump)
run import police "$TMP/bad.zip"
expect_rc 1 "a zip with a bad row is refused"
expect_err "$TMP/bad.zip:2021-03/2021-03-kent-street.csv:57: field 'Month'" \
	"the message names the zip, the file in it, the line and the field"
check "the database is as it was" test "$(dump)" = "$before"

# ---------------------------------------------------------------------
# Damaged zips: refused, naming the zip and the file, nothing stored.
entry=2021-02/2021-02-merseyside-street.csv
read -r start size crc_at <<< "$(entry_offsets "$TMP/archive.zip" "$entry")"

head -c $((start + size / 2)) "$TMP/archive.zip" > "$TMP/cut.zip"
run import police "$TMP/cut.zip"
expect_rc 1 "a zip cut short in the middle of a file is refused"
expect_err "$TMP/cut.zip:$entry: cannot read this file of the zip: the zip file is cut short (it ends " \
	"the message names the zip and the file cut, and says what is wrong"
expect_err "nothing was imported; the database is as it was" "and says nothing was imported"
check "the database is as it was" test "$(dump)" = "$before"
check "no import is left recorded" \
	test "$(sqlite3 "$DB" "SELECT count(*) FROM import")" = 1

hdr=$($PY -c "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).getinfo(sys.argv[2]).header_offset)" \
	"$TMP/archive.zip" 2021-02/2021-02-merseyside-stop-and-search.csv)
head -c "$hdr" "$TMP/archive.zip" > "$TMP/cut2.zip"
run import police "$TMP/cut2.zip"
expect_rc 1 "a zip cut short between two files is refused"
expect_err "cannot read the zip file '$TMP/cut2.zip': it is cut short or damaged after '2021-02/2021-02-merseyside-outcomes.csv'" \
	"the message names the zip and the last file read"
check "the database is as it was" test "$(dump)" = "$before"

cp "$TMP/archive.zip" "$TMP/crc.zip"
$PY - "$TMP/crc.zip" "$crc_at" <<'PYEOF'
import sys
path, at = sys.argv[1], int(sys.argv[2])
b = bytearray(open(path, "rb").read())
b[at] ^= 1   # the CRC in the file's local header
cd = b.rfind(b"PK\x01\x02", 0, len(b))
while cd > 0:  # and in its central directory entry
    if int.from_bytes(b[cd + 42:cd + 46], "little") == at - 14:
        b[cd + 16] ^= 1
        break
    cd = b.rfind(b"PK\x01\x02", 0, cd)
open(path, "wb").write(bytes(b))
PYEOF
run import police "$TMP/crc.zip"
expect_rc 1 "a zip with a bad CRC is refused"
expect_err "$TMP/crc.zip:$entry: cannot read this file of the zip" "naming the zip and the file"
expect_err "CRC" "and saying the CRC is wrong"
check "the database is as it was" test "$(dump)" = "$before"

cp "$TMP/archive.zip" "$TMP/flipped.zip"
printf '\377\377\377\377' | dd of="$TMP/flipped.zip" bs=1 seek=$((start + size / 2)) conv=notrunc status=none
run import police "$TMP/flipped.zip"
expect_rc 1 "a zip whose compressed data is damaged is refused"
expect_err "$TMP/flipped.zip:$entry: cannot read this file of the zip: the zip file is damaged" \
	"naming the zip and the file"
check "the database is as it was" test "$(dump)" = "$before"

# ---------------------------------------------------------------------
# Memory bounded by a file, not by the archive: 200 files of 500 KB.
$PY - "$TMP/big.zip" <<'PYEOF'
import sys, zipfile
head = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
        "LSOA code,LSOA name,Crime type,Last outcome category,Context\r\n")
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for m in range(200):
        month = "%04d-%02d" % (2005 + m // 12, m % 12 + 1)
        rows = "".join("%064x,%s,Kent Police,Kent Police,0.5%05d,51.2%05d,On or near High Street,"
                       "E0100%04d,Kent %03dA,Burglary,Under investigation,\r\n"
                       % (m * 10000 + i, month, i, i, i % 50, i % 50) for i in range(2200))
        z.writestr("%s/%s-kent-street.csv" % (month, month), head + rows)
PYEOF
fresh "$DB"
/usr/bin/time -f '%M' -o "$TMP/rss" "$SAFER" --db "$DB" import police "$TMP/big.zip" > "$TMP/big.out"
check "a zip of 200 files (about 100 MB unpacked) imports" grep -q "from 200 files" "$TMP/big.out"
kb=$(tail -n 1 "$TMP/rss")
unpacked=$($PY -c "import sys, zipfile; print(sum(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist()) // 1024)" "$TMP/big.zip")
if ldd "$SAFER" 2>/dev/null | grep -qE "lib(a|t)san"; then
	# the sanitizers keep memory of their own (AddressSanitizer a quarantine of 256 MiB)
	echo "ok - $FILE: peak memory under the unpacked size # SKIP built with a sanitizer"
else
	check "its peak memory ($((kb / 1024)) MiB) is well under the unpacked size ($((unpacked / 1024)) MiB)" \
		test "$kb" -lt $((unpacked / 3))
fi
