# Figures beyond every integer type: indicator values of 1e20, 1e63 and
# near a double's limit, written in full with thousands separators
# wherever they are shown (the command line, the headlines, the API and
# the pages with their charts), never cast to an integer.  On the
# sanitizer build (tests/run-all runs this file again there) a cast out of
# range or a negated LLONG_MIN aborts.
. tests/cli/lib.sh
PY=/usr/bin/python3

run init
printf 'code,name,unit,polarity\nbig,Big numbers,count,lower_better\n' > "$TMP/defs.csv"
run import indicators "$TMP/defs.csv"
expect_rc 0 "a count indicator imports"
$PY - "$TMP/values.csv" <<'EOF'
import sys
values = [1e20, 1e63, -1e300, 1e300, 5, 1.7976931348623157e308,
          -1.7976931348623157e308, 7, 1e19, 9.3e18, 2.0**63, 1e15]
with open(sys.argv[1], 'w') as f:
    f.write('indicator,area,period,value\n')
    for i, v in enumerate(values):
        f.write(f'big,Northtown,{2010 + i},{v!r}\n')
EOF
run import indicators "$TMP/values.csv"
expect_rc 0 "values up to a double's limit import"

# Expected digits from Python's own formatting of the same doubles.
grouped() { $PY -c "import sys; print('{:,.0f}'.format(float(sys.argv[1])))" "$1"; }

run indicators show big --area Northtown
expect_rc 0 "show answers"
expect_out "$(grouped 1e20)" "1e20 is written in full"
expect_out "100,000,000,000,000,000,000" "as 100,000,000,000,000,000,000"
expect_out "$(grouped 1e63)" "1e63 is written in full"
expect_out "$(grouped -1e300)" "-1e300 is written in full"
expect_out "$(grouped 1.7976931348623157e308)" "the largest double is written in full"
expect_out "$(grouped 9223372036854775808)" "2^63 is written in full"
check "no figure wraps round to a negative 64-bit number" \
	eval '! grep -q "9,223,372,036,854,775,808" <<< "$(grep "^2010\|^2011\|^2018" <<< "$out")"'
run headlines --area Northtown
expect_rc 0 "the headlines answer"
expect_out "1,000,000,000,000,000 in Northtown in 2021" "the latest figure in words"
run indicators show big --area Northtown --format json
expect_rc 0 "show as JSON answers"
check "the JSON parses" $PY -c 'import json, sys; json.loads(sys.stdin.read())' <<< "$out"

# The pages draw the figures and their SPC chart.
port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$SAFER" --db "$DB" serve --listen "127.0.0.1:$port" > /dev/null 2> "$TMP/serve.err" &
pid=$!
for i in $(seq 200); do
	curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break
	sleep 0.05
done
for path in "/indicators/1?area=Northtown" "/api/v1/indicators/1?area=Northtown" \
	"/headlines?area=Northtown" "/api/v1/headlines?area=Northtown"; do
	out=$(curl -s -w '\n%{http_code}' "http://127.0.0.1:$port$path")
	rc=0 err=$(cat "$TMP/serve.err")
	check "GET $path answers 200" test "${out##*$'\n'}" = 200
done
expect_out "down 100.0% on 9,223,372,036,854,775,808 in 2020" \
	"the headline API writes 2^63 in full"
check "the server is still running" kill -0 "$pid"
kill -TERM "$pid"
wait "$pid"
rc=$? out= err=$(cat "$TMP/serve.err")
expect_rc 0 "the server stops cleanly"
check "nothing overflowed" eval '! grep -q "runtime error\|Sanitizer" <<< "$err"'
