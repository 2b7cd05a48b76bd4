#!/bin/bash
# tests/cli/t_indicators.sh: indicators from the command line.
#
#  1. Importing definitions and values (small files written here): what
#     is kept, marks of values not available, errors naming FILE:LINE and
#     the field, and all or nothing (the database as it was after a bad
#     file).
#  2. The real public dashboard files (Trafford Data Lab) as they come.
#  3. "indicators list" and "indicators show", with every interval
#     checked against an independent computation (scipy, statsmodels).
#  4. The 2020/21 annual review's performance headlines, from the demo,
#     with the right verdicts; their numbers (intervals, p-values, ranks,
#     changes, SPC limits) checked against Python to 6 significant
#     figures.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3 # Debian's, with scipy and statsmodels
REAL=${SAFER_REAL_DATA:-../shared/data/real}/indicators-trafforddatalab-dashboard

# pytap NAME: run the Python on standard input with the helpers below; it
# prints a TAP line for each check(...) it makes (and fails NAME if it
# cannot run at all).  JSON files are read from $TMP.
pytap() {
	local name=$1 code
	code=$(cat)
	if ! FILE="$FILE" TMP="$TMP" $PY - <<PYEOF; then
import json, math, os, sys
from scipy import stats
from statsmodels.stats.proportion import proportion_confint, proportions_ztest
FILE = os.environ["FILE"]; TMP = os.environ["TMP"]
def load(name):
    with open(os.path.join(TMP, name)) as f:
        return json.load(f)
def check(what, cond, detail=""):
    print(("ok - " if cond else "not ok - ") + FILE + ": " + what)
    if not cond and detail:
        print("#  " + str(detail))
def close(a, b):
    """Equal to 6 significant figures."""
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=5e-7, abs_tol=1e-12)
def wilson(k, n, level=0.95):
    return proportion_confint(k, n, alpha=1 - level, method="wilson")
def poisson(k, level=0.95):
    """Exact Poisson below 10 events, Byar's method from 10 (PHE)."""
    a = 1 - level
    z = stats.norm.ppf(1 - a / 2)
    if k < 10:
        lo = stats.chi2.ppf(a / 2, 2 * k) / 2 if k > 0 else 0.0
        hi = stats.chi2.ppf(1 - a / 2, 2 * k + 2) / 2
    else:
        lo = k * (1 - 1 / (9 * k) - z / (3 * math.sqrt(k))) ** 3
        hi = (k + 1) * (1 - 1 / (9 * (k + 1)) + z / (3 * math.sqrt(k + 1))) ** 3
    return lo, hi
def rate_p(k1, k2, t1=1, t2=1):
    return stats.binomtest(k2, k1 + k2, t2 / (t1 + t2)).pvalue
def headline(report, code):
    for t in report["themes"]:
        for h in t["indicators"]:
            if h["indicator"]["code"] == code:
                return t["name"], h
    return None, None
def statements(h, kind, change=None):
    return [s for s in h["statements"] if s["kind"] == kind and
            (change is None or s.get("change") == change)]
$code
PYEOF
		fail "$name: the Python check did not run"
	fi
}

# ---------------------------------------------------------------------
# 1. Definitions and values written here
run init
cat > "$TMP/defs.csv" <<'EOF'
code,name,description,unit,per,polarity,frequency,source,sensitivity,ci_method,comparison,benchmark,peer_group,target,target_note
calls,Calls for help,"Calls, counted each quarter.",count,,lower_better,quarterly,Test source,official,auto,benchmark_outside,,,,
safe,People who feel safe,,proportion,100,higher_better,annual,Test survey,open,wilson,benchmark_outside,Region,,80,At least 80%
EOF
run import indicators "$TMP/defs.csv"
expect_rc 0 "definitions import"
expect_out "defs.csv: 2 indicator definitions" "says how many definitions it read"

cat > "$TMP/values.csv" <<'EOF'
indicator,area,period,numerator,denominator,value,note
calls,Northtown,2023 Q1,40,,,
calls,Northtown,2023 Q2,4,,,Few calls
calls,Northtown,2023 Q3,:,,,
calls,Northtown,2023 Q4,NA,,,
safe,Northtown,2023,180,200,,
safe,Region,2023,1500,2000,,
EOF
run import indicators "$TMP/values.csv"
expect_rc 0 "values import"
check "says how many values and how many were marked not available" \
	test "${out##*/}" = "values.csv: 6 values, 2 of them marked not available"

run indicators list --format csv
expect_rc 0 "indicators list --format csv"
expect_out "calls,Calls for help,count,quarterly,,4,2023 Q1,2023 Q4" "list: calls with its 4 values"
expect_out "safe,People who feel safe,proportion,annual,,2,2023,2023" "list: safe with its 2 values"
run indicators list
expect_rc 0 "indicators list as a table"
expect_out "People who feel safe" "the table names the indicators"

run indicators show calls --area Northtown --format json
expect_rc 0 "indicators show calls"
echo "$out" > "$TMP/calls.json"
run indicators show safe --area Northtown --format json
expect_rc 0 "indicators show safe"
echo "$out" > "$TMP/safe.json"
pytap "fixture intervals" <<'EOF'
d = load("calls.json")
v = {x["period"]: x for x in d["values"]}
check("show: the four quarters in order", [x["period"] for x in d["values"]] == ["2023 Q1", "2023 Q2", "2023 Q3", "2023 Q4"])
lo, hi = poisson(40)
check("40 calls: Byar's interval as Python's", close(v["2023 Q1"]["lower"], lo) and close(v["2023 Q1"]["upper"], hi), v["2023 Q1"])
check("40 calls: the method is Byar's", v["2023 Q1"]["ci_method"] == "Byar's method" and not v["2023 Q1"]["small"])
lo, hi = poisson(4)
check("4 calls: exact Poisson interval as Python's", close(v["2023 Q2"]["lower"], lo) and close(v["2023 Q2"]["upper"], hi), v["2023 Q2"])
check("4 calls: small numbers", v["2023 Q2"]["small"] is True and "Poisson" in v["2023 Q2"]["ci_method"])
check("4 calls: the note is kept", v["2023 Q2"]["note"] == "Few calls")
for q in ("2023 Q3", "2023 Q4"):
    check(f"{q} (marked ':' or 'NA') is kept as not available",
          v[q]["value"] is None and v[q]["numerator"] is None and v[q]["lower"] is None
          and v[q]["note"] == "Not available in the source", v[q])
check("the source is FILE:LINE", v["2023 Q2"]["source"] == "values.csv:3", v["2023 Q2"]["source"])
check("the definition is in the answer", d["indicator"]["code"] == "calls" and d["indicator"]["polarity"] == "lower_better" and d["indicator"]["sensitivity"] == "official")
c = statements(d["headline"], "change")
check("the last quarter with a value against the one before: 4 against 40, tested exactly",
      len(c) >= 1 and c[0]["after"]["period"] == "2023 Q2" and c[0]["before"]["period"] == "2023 Q1"
      and close(c[0]["p_value"], rate_p(40, 4)), c[:1])
check("a change on 4 events is small numbers", c[0]["verdict"] == "small numbers" and "caution" in c[0]["sentence"], c[0]["sentence"])
s = load("safe.json")
p = s["values"][0]
lo, hi = wilson(180, 200)
check("180 of 200: 90% with the Wilson interval as Python's (in per cent)",
      p["value"] == 90 and close(p["lower"], 100 * lo) and close(p["upper"], 100 * hi), p)
b = statements(s["headline"], "benchmark")
check("90% against Region's 75%: significantly higher, better, by the benchmark-outside rule",
      len(b) == 1 and b[0]["verdict"] == "significant" and b[0]["direction"] == "higher"
      and b[0]["judgement"] == "better" and b[0]["benchmark"]["value"] == 75 and b[0]["rule"] == "benchmark_outside", b)
t = statements(s["headline"], "target")
check("90% against the target of 80: met", len(t) == 1 and t[0]["met"] is True and t[0]["verdict"] == "not tested", t)
spc = statements(s["headline"], "spc")
check("one figure is too few for SPC, and says so", spc[0]["verdict"] == "not tested" and spc[0]["spc"]["enough"] is False and spc[0]["spc"]["n"] == 1, spc)
EOF

run indicators show calls --area Northtown
expect_rc 0 "indicators show as a table"
expect_out "2023 Q2" "the table lists the periods"
run indicators show calls --area Northtown --format csv
expect_rc 0 "indicators show --format csv"
expect_out "area,period,period_start,period_end,numerator,denominator,value,lower,upper" "the CSV header"
expect_out "Northtown,2023 Q3,2023-07-01,2023-09-30,,,,,," "a value not available is empty in the CSV"
run indicators show nothing-like-it
expect_rc 1 "show of an unknown indicator fails"
expect_err "no such indicator: nothing-like-it" "and names it"
run indicators show calls --area Southtown
expect_rc 1 "show for an area with no figures fails"
expect_err "no indicator has figures for 'Southtown'" "and says so"
run indicators show calls --level 42
expect_rc 2 "a level that is not a confidence level is wrong usage"
run indicators frobnicate
expect_rc 2 "an unknown subcommand is wrong usage"

# Errors name FILE:LINE and the field, and leave the database as it was.
run indicators list --format csv
before_list=$out
run indicators show calls --area Northtown --format csv
before_calls=$out
cp "$DB" "$TMP/before.db"
bad_value() { # FILE LINE-3-TEXT: a good row, then a bad one at line 3
	printf 'indicator,area,period,numerator,denominator,value\ncalls,Northtown,2024 Q1,55,,\n%s\n' "$2" > "$TMP/$1"
}
bad_value bad1.csv "calls,Northtown,2024 Q2,abc,,"
run import indicators "$TMP/bad1.csv"
expect_rc 1 "a value that is not a number fails the import"
expect_err "bad1.csv:3: field 'numerator': 'abc' is not a number" "the error names the file, line and field"
expect_err "nothing was imported from" "the error says nothing was imported"
bad_value bad2.csv "calls,Northtown,Spring,5,,"
run import indicators "$TMP/bad2.csv"
expect_rc 1 "a period safer does not know fails"
expect_err "bad2.csv:3: field 'period': 'Spring' is not a period safer knows" \
	"the period error names line and field"
bad_value bad3.csv "calls,Northtown,2024 Q2,-5,,"
run import indicators "$TMP/bad3.csv"
expect_rc 1 "a negative count fails"
expect_err "bad3.csv:3: field 'numerator': '-5' must not be negative" "the negative count error"
printf 'indicator,area,period,numerator,denominator\nsafe,Northtown,2024,10,20\nsafe,Northtown,2025,30,20\n' > "$TMP/bad4.csv"
run import indicators "$TMP/bad4.csv"
expect_rc 1 "a proportion's numerator above its denominator fails"
expect_err "bad4.csv:3: field 'numerator': '30' is more than the denominator" "the proportion error"
bad_value bad5.csv "calls,,2024 Q2,5,,"
run import indicators "$TMP/bad5.csv"
expect_rc 1 "a blank area fails"
expect_err "bad5.csv:3: field 'area': must not be blank" "the blank area error"
printf 'code,name,unit\nbad-unit,Bad unit,percentage\n' > "$TMP/bad6.csv"
run import indicators "$TMP/bad6.csv"
expect_rc 1 "a definition with an unknown unit fails"
expect_err "bad6.csv:2: field 'unit': must be one of: count, rate, proportion, mean" \
	"the definition error names the line and field, and says what the unit may be"
printf 'code,name,polarity\ncalls,Calls changed,upwards\n' > "$TMP/bad7.csv"
run import indicators "$TMP/bad7.csv"
expect_rc 1 "a definition with an unknown polarity fails"
expect_err "bad7.csv:2: field '" "the polarity error names the line"
expect_err "must be one of: higher_better, lower_better, neither" "the polarity error says what it may be"
printf 'code,name,per\nbig,Big,1e12\n' > "$TMP/bad9.csv"
run import indicators "$TMP/bad9.csv"
expect_rc 1 "a definition with a per beyond reason fails"
expect_err "bad9.csv:2: field 'per': '1e12' must be a whole number from 1 to 1,000,000,000" \
	"and says what per may be"
printf 'code,name,target\nlong,Long,%s\n' "$(printf '1%.0s' {1..80})" > "$TMP/bad10.csv"
run import indicators "$TMP/bad10.csv"
expect_rc 1 "a number too long to read is refused, not cut short"
expect_err "bad10.csv:2: field 'target':" "and names the field"
printf 'indicator,area,period,value,measure\nodd,Northtown,2024,5,"Rate\001 per 1000"\n' > "$TMP/bad12.csv"
run import indicators "$TMP/bad12.csv"
expect_rc 1 "a control character in a new indicator's name fails"
expect_err "bad12.csv:2: " "and the error names the file and line"
printf 'name,colour\nx,y\n' > "$TMP/bad8.csv"
run import indicators "$TMP/bad8.csv"
expect_rc 1 "a file that is no indicator file fails"
expect_err "bad8.csv:1: not an indicator file" "and says what the columns should be"
run indicators list --format csv
check "after the bad files the indicators are as they were" test "$out" = "$before_list"
run indicators show calls --area Northtown --format csv
check "after the bad files the values are as they were" test "$out" = "$before_calls"
check "after the bad files the database file has the same content" \
	test "$(sqlite3 "$DB" .dump | md5sum)" = "$(sqlite3 "$TMP/before.db" .dump | md5sum)"

# Names alike for their first 80 characters are still two indicators,
# each with its own values; a measure in "Per cent" is a percentage.
long="Proportion of residents who feel safe walking alone in their local area after dark in winter"
printf 'area,period,value,indicator,measure,group\nNorthtown,2024,80,%s,Per cent,Female\nNorthtown,2024,90,%s,Per cent,Male\n' "$long" "$long" > "$TMP/long.csv"
run import indicators "$TMP/long.csv"
expect_rc 0 "two long-named indicators import"
expect_out "(2 new indicators)" "as two new indicators"
run indicators list --format csv
check "each keeps its name and one value, as a proportion" test "$(printf '%s\n' "$out" | grep -c ',proportion,,,1,2024,2024')" -eq 2
expect_out "Female (Per cent)" "the first keeps its name"
expect_out "Male (Per cent)" "the second keeps its own"

# The changes within a year are those of the year to the latest period,
# a leap year or not: three to 2020 Q3 as to 2019 Q3.
printf 'indicator,area,period,numerator\n' > "$TMP/quarters.csv"
for q in "2018 Q3:100" "2018 Q4:101" "2019 Q1:99" "2019 Q2:100" "2019 Q3:102" \
	"2019 Q4:98" "2020 Q1:101" "2020 Q2:100" "2020 Q3:99"; do
	echo "Quarterly calls,Westtown,${q%%:*},${q##*:}" >> "$TMP/quarters.csv"
done
run import indicators "$TMP/quarters.csv"
run headlines --area Westtown
expect_out "in the year to 2020 Q3 (July to September 2020); 3 changes tested" \
	"three changes in the year to 2020 Q3 (a leap year)"
run headlines --area Westtown --period "2019 Q3"
expect_out "in the year to 2019 Q3 (July to September 2019); 3 changes tested" \
	"three in the year to 2019 Q3"

# Counts beyond the exact test are not tested, and the method says why.
printf 'indicator,area,period,numerator\nAll crime,Nation,2019,600000\nAll crime,Nation,2020,500000\n' > "$TMP/big.csv"
run import indicators "$TMP/big.csv"
run headlines --area Nation
expect_out "down 16.7% on 600,000 in 2019: not tested" "a change of 1.1 million events is not called significant"
expect_out "Not tested: counts too large for the exact test (more than 1,000,000 events in all)." \
	"and the method says why"

# Spaces around values are not part of them (a file once crashed here).
printf 'indicator,area,period,numerator\n calls , Northtown , 2024 Q2 , 58 \ncalls,Northtown,2024 Q3,61\n' > "$TMP/spaces.csv"
run import indicators "$TMP/spaces.csv"
expect_rc 0 "values with spaces around them import"
check "both rows, into the existing indicator" \
	test "${out##*/}" = "spaces.csv: 2 values, 0 of them marked not available"
run indicators show calls --area Northtown --format csv
expect_out "Northtown,2024 Q2,2024-04-01,2024-06-30,58," "the spaces are gone from what is kept"

# ---------------------------------------------------------------------
# 2. The real public dashboard files, as they come
if need_real "$REAL"; then
rm -f "$DB"
run init
n_files=0
for f in "$REAL"/*.csv; do
	n_files=$((n_files + 1))
	run import indicators "$f"
	expect_rc 0 "the real file $(basename "$f") imports"
	echo "$out" >> "$TMP/real-import.txt"
done
check "the seven real files are there" test "$n_files" -eq 7
REAL="$REAL" pytap "real files" <<'EOF'
import csv, glob, re
real = os.environ["REAL"]
said = open(os.path.join(TMP, "real-import.txt")).read()
marks = {"NA", "N/A", ":", "..", "x", "*", "-", "[x]", "[c]", "[z]", "c", ""}
for path in sorted(glob.glob(os.path.join(real, "*.csv"))):
    rows = list(csv.DictReader(open(path, newline="")))
    missing = sum(1 for r in rows if r["value"].strip() in marks)
    name = os.path.basename(path)
    check(f"{name}: all {len(rows)} values read, {missing} marked not available",
          f"{name}: {len(rows)} values, {missing} of them marked not available" in said, said)
EOF
# Values marked ':' (crime_rate.csv) and 'NA' (alcohol_related_admissions.csv)
# are kept as not available.
for spec in "crime_rate.csv|:" "alcohol_related_admissions.csv|NA"; do
	IFS='|' read -r na_file na_mark <<<"$spec"
	na_row=$($PY - "$REAL/$na_file" "$na_mark" <<'EOF2'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], newline="")):
    if r["value"].strip() == sys.argv[2]:
        group = f': {r["group"]}' if r.get("group") else ""
        print(f'{r["indicator"]}{group} ({r["measure"]})|{r["area_name"]}|{r["period"]}')
        break
EOF2
)
	IFS='|' read -r na_ind na_area na_period <<<"$na_row"
	run indicators show "$na_ind" --area "$na_area" --format json
	expect_rc 0 "show the real indicator '$na_ind' for $na_area"
	echo "$out" > "$TMP/na.json"
	NA_PERIOD="$na_period" NA_MARK="$na_mark" pytap "NA kept" <<'EOF2'
d = load("na.json")
v = [x for x in d["values"] if x["period"] == os.environ["NA_PERIOD"]]
mark = os.environ["NA_MARK"]
check(f"a real value marked '{mark}' is kept, as not available", len(v) == 1 and v[0]["value"] is None
      and v[0]["note"] == "Not available in the source", v)
check(f"real rates given without counts have no interval, and say why ({d['indicator']['code']})",
      all(x["lower"] is None and x["no_ci"] for x in d["values"]), d["values"][:2])
check("the real indicator's unit is read from its measure", d["indicator"]["unit"] == "rate"
      and d["indicator"]["per"] in (1000, 100000), d["indicator"])
EOF2
done
run headlines --area Trafford
expect_rc 0 "headlines for Trafford from the real files"
expect_out "Performance headlines for Trafford" "the real headlines name the area"
expect_out "No confidence interval for Trafford: only the value is given" "and say why a figure has no interval"
fi

# ---------------------------------------------------------------------
# 3-4. The demo: the annual review's claims
rm -f "$DB"
run demo
expect_rc 0 "the demo loads"
run indicators list
expect_out "feel-safe" "the demo has its indicators"
expect_out "crime data" "crime indicators are counted from the crime data"
run headlines
expect_rc 0 "headlines as text"
expect_out "Performance headlines for Stockport, latest figures (95% confidence)" "the default area is Stockport"
expect_out "== Protecting Vulnerable People ==" "headlines are by theme"
# The headline sentences, one an indicator, as the annual review (seed 004)
# writes them: "92% of Stockport residents ... feel safe ..., statistically
# significantly higher than the figure for the whole of GM (88%)"; "46.7%,
# the 3rd highest in GM and ... against the national figure of 35.9%";
# "a significant increase in hate crime July-September, ... reduced since".
check "each headline sentence is a line of its own" grep -qxF "Residents who feel safe in their local area: 92.0% in Stockport in Wave 6 (November to December 2020), the 2nd highest of 10 in the Greater Manchester peer group and significantly higher than Greater Manchester's 88.0%. [example data]" <<<"$out"
expect_out "Non-opiate users completing drug treatment: 46.7% in Stockport in 2020/21, the 3rd highest of 10 in the Greater Manchester peer group and significantly higher than England's 35.9%." \
	"the headline of non-opiate completion"
expect_out "Hate crimes recorded: 68 in Stockport in 2021/22 Q1 (April to June 2021); there was a significant increase in 2020/21 Q2 (July to September 2020), which has fallen significantly since." \
	"the headline of hate crime"
check "a burglary headline: down over two years, a significant fall" grep -qE '^Burglary per 1,000 residents: [0-9.]+ in Stockport in the 12 months to .*; down [0-9.]+% in the past two years, a significant fall\.' <<<"$out"
check "a figure is not called 'not tested'" eval '! grep -qF "[not tested]" <<<"$out"'
check "an SPC statement says what the latest months show" grep -qE '^  - (Anti-social behaviour incidents|Burglary per 1,000 residents) in Stockport: (special cause (improvement|concern) in the latest|back within the usual range in|no sign of change: )' <<<"$out"
# The statements behind each headline.
expect_out "Residents who feel safe in their local area: 92.0% in Stockport in Wave 6 (November to December 2020), significantly higher than Greater Manchester (88.0%)." \
	"feel-safe: 92%, significantly higher than Greater Manchester's 88%"
expect_out "Non-opiate users completing drug treatment: 46.7% in Stockport in 2020/21, the 3rd highest of the 10 areas in the Greater Manchester peer group." \
	"non-opiate completion: the 3rd highest in GM"
expect_out "Non-opiate users completing drug treatment: 46.7% in Stockport in 2020/21, significantly higher than England (35.9%)." \
	"non-opiate completion: significantly higher than England's 35.9%"
expect_out "a significant increase in 2020/21 Q2 (July to September 2020), 112 against 66" \
	"hate crime: the significant increase in July-September"
expect_out "a significant fall in 2020/21 Q3 (October to December 2020), 71 against 112" \
	"hate crime: and its significant fall since"
expect_out "method: Wilson score 95% confidence interval for Stockport: 88.9% to 94.3%. Stockport's interval does not include Greater Manchester's value (88.0%)" \
	"the method is beside the claim"
expect_out "data: /indicators/1?area=Stockport" "each indicator links to its data"

run headlines --format json
expect_rc 0 "headlines --format json"
echo "$out" > "$TMP/headlines.json"
run headlines --level 99.8 --format json
echo "$out" > "$TMP/headlines998.json"
run headlines --period "2020/21 Q2" --format json
expect_rc 0 "headlines --period '2020/21 Q2'"
echo "$out" > "$TMP/headlines-q2.json"
run headlines --period "2020/21" --format json
echo "$out" > "$TMP/headlines-fy.json"
run indicators show feel-safe --format json
echo "$out" > "$TMP/feel-safe.json"
run indicators show burglary-rate --format json
echo "$out" > "$TMP/burglary.json"
run indicators show hate-crime --format json
echo "$out" > "$TMP/hate.json"
run crime counts --by month --area Stockport --type Burglary --format csv
echo "$out" > "$TMP/burglary-counts.csv"
run crime counts --by month --area "Greater Manchester" --type Burglary --format csv
echo "$out" > "$TMP/burglary-gm.csv"

pytap "seed claims" <<'EOF'
h = load("headlines.json")
check("the headlines are for Stockport at 95%", h["area"] == "Stockport" and h["level"] == 0.95 and h["period"] is None)
themes = [t["name"] for t in h["themes"]]
check("the themes of the plan with indicators", themes[:2] == ["Public Safety and Protection", "Protecting Vulnerable People"], themes)

# Feeling safe: 92% significantly higher than GM's 88%.
theme, fs = headline(h, "feel-safe")
check("feel-safe is under Public Safety and Protection", theme == "Public Safety and Protection")
lo, hi = wilson(368, 400)
check("feel-safe: Wave 6, 92%, Wilson interval as Python's",
      fs["period"] == "Wave 6" and fs["value"]["value"] == 92 and close(fs["value"]["lower"], 100 * lo)
      and close(fs["value"]["upper"], 100 * hi), fs["value"])
b = statements(fs, "benchmark")[0]
check("feel-safe: significantly higher than Greater Manchester (88%), better",
      b["verdict"] == "significant" and b["significant"] is True and b["direction"] == "higher" and b["judgement"] == "better"
      and b["benchmark_area"] == "Greater Manchester" and b["benchmark"]["value"] == 88, b)
check("feel-safe: the Fingertips rule holds: 88 is below the lower limit", 100 * lo > 88)
check("feel-safe: the method names Wilson and the rule", "Wilson score 95% confidence interval" in b["method"] and "Fingertips" in b["method"], b["method"])
check("feel-safe: flagged as example data", fs["example"] is True and b["example"] is True)
c = statements(fs, "change", "previous")[0]
z, p = proportions_ztest([368, 363], [400, 400])
check("feel-safe: Wave 6 against Wave 5 by the pooled z-test, as statsmodels",
      c["test"] == "two_proportion_z" and close(c["z"], z) and close(c["p_value"], p), c)
check("feel-safe: no significant change on Wave 5, said so",
      c["verdict"] == "not significant" and c["significant"] is False and "no significant change" in c["sentence"], c["sentence"])
t = statements(fs, "target")[0]
check("feel-safe: the 90% target met", t["met"] is True and t["target"] == 90)

# Non-opiate completions: 46.7%, 3rd highest in GM, against 35.9% nationally.
theme, no = headline(h, "non-opiate-completion")
check("non-opiate: under Protecting Vulnerable People", theme == "Protecting Vulnerable People")
lo, hi = wilson(212, 454)
check("non-opiate: 2020/21, 46.7%, Wilson interval as Python's",
      no["period"] == "2020/21" and round(no["value"]["value"], 1) == 46.7 and close(no["value"]["value"], 100 * 212 / 454)
      and close(no["value"]["lower"], 100 * lo) and close(no["value"]["upper"], 100 * hi), no["value"])
pe = statements(no, "peers")[0]
gm = {"Bolton": (181, 439), "Bury": (147, 304), "Manchester": (402, 1280), "Oldham": (141, 389),
      "Rochdale": (126, 360), "Salford": (171, 430), "Stockport": (212, 454), "Tameside": (143, 371),
      "Trafford": (166, 319), "Wigan": (213, 484)}
order = sorted(gm, key=lambda a: -gm[a][0] / gm[a][1])
check("non-opiate: the 3rd highest of the 10 GM districts (Python's ranking too)",
      pe["rank"] == 3 and pe["ranked"] == 10 and pe["group"] == "Greater Manchester" and order.index("Stockport") == 2
      and pe["verdict"] == "not tested" and pe["highest_first"] is True, pe)
ok = True
for m in pe["peers"]:
    k, n = gm[m["area"]]
    lo2, hi2 = wilson(k, n)
    ok &= close(m["value"], 100 * k / n) and close(m["lower"], 100 * lo2) and close(m["upper"], 100 * hi2)
    ok &= m["rank"] == order.index(m["area"]) + 1
check("non-opiate: every peer's value, interval and rank as Python's", ok, pe["peers"])
b = statements(no, "benchmark")[0]
check("non-opiate: significantly higher than England (35.9%)",
      b["verdict"] == "significant" and b["direction"] == "higher" and b["benchmark_area"] == "England"
      and round(b["benchmark"]["value"], 1) == 35.9 and close(b["benchmark"]["value"], 100 * 37370 / 104100), b)

# Hate crime: a significant increase in July-September 2020, reduced since.
theme, hc = headline(h, "hate-crime")
check("hate crime: under Protecting Vulnerable People, latest 2021/22 Q1",
      theme == "Protecting Vulnerable People" and hc["period"] == "2021/22 Q1" and hc["value"]["value"] == 68)
lo, hi = poisson(68)
check("hate crime: 68 with Byar's interval as Python's", close(hc["value"]["lower"], lo) and close(hc["value"]["upper"], hi), hc["value"])
w = statements(hc, "change", "within_year")
up = [s for s in w if s["after"]["period"] == "2020/21 Q2"]
down = [s for s in w if s["after"]["period"] == "2020/21 Q3"]
check("hate crime: July-September 2020 against the quarter before: a significant increase, 112 against 66",
      len(up) == 1 and up[0]["before"]["period"] == "2020/21 Q1" and up[0]["direction"] == 1
      and up[0]["after"]["value"] == 112 and up[0]["before"]["value"] == 66
      and up[0]["verdict"] == "significant", up)
check("hate crime: its p-value is the exact binomial test's (scipy), below 0.05 / 3",
      close(up[0]["p_value"], rate_p(66, 112)) and close(up[0]["alpha"], 0.05 / 3) and up[0]["p_value"] < 0.05 / 3
      and up[0]["n_tests"] == 3, up[0])
check("hate crime: October-December against July-September: a significant fall, 71 against 112",
      len(down) == 1 and down[0]["direction"] == -1 and down[0]["verdict"] == "significant"
      and close(down[0]["p_value"], rate_p(112, 71)) and down[0]["p_value"] < 0.05 / 3, down)
check("hate crime: only those two changes in the year are significant", len(w) == 2, w)
c = statements(hc, "change", "previous")[0]
check("hate crime: the latest quarter against the one before: no significant change",
      c["verdict"] == "not significant" and close(c["p_value"], rate_p(63, 68)) and "no significant change" in c["sentence"], c)
check("hate crime: the Bonferroni correction is in the method", "Bonferroni" in up[0]["method"])

# Burglary: down over two years, significantly.
months = [l.split(",") for l in open(os.path.join(TMP, "burglary-counts.csv")).read().split("\n")[1:] if l.strip()]
counts = [int(c) for _, c in months]
k_then, k_now = sum(counts[-36:-24]), sum(counts[-12:])
pct = 100 * (k_now / k_then - 1)
theme, bu = headline(h, "burglary-rate")
two = statements(bu, "change", "two_years")
check("burglary: the last 12 months against the 12 two years before, from the crime data",
      len(two) == 1 and two[0]["after"]["numerator"] == k_now and two[0]["before"]["numerator"] == k_then, (two, k_then, k_now))
check("burglary: down %.1f%% in the past two years (crime counts %d -> %d)" % (-pct, k_then, k_now),
      close(two[0]["percent"], pct) and two[0]["direction"] == -1 and f"down {-pct:.1f}% in the past two years" in two[0]["sentence"], two[0])
check("burglary: the fall is significant by the exact test, p as scipy's",
      two[0]["verdict"] == "significant" and close(two[0]["p_value"], rate_p(k_then, k_now)) and two[0]["p_value"] < 0.05, two[0])
ci = stats.binomtest(k_now, k_then + k_now).proportion_ci(0.95, method="exact")
check("burglary: the rate ratio's interval as Clopper-Pearson's, transformed",
      close(two[0]["ratio_lower"], ci.low / (1 - ci.low)) and close(two[0]["ratio_upper"], ci.high / (1 - ci.high)), two[0])
print("# the demo's generated burglaries: %d -> %d, %+.1f%% over two years (the generator's expected -35%%)" % (k_then, k_now, pct))
prev = statements(bu, "change", "previous")[0]
check("burglary: the year against the year before, tested too", close(prev["p_value"], rate_p(sum(counts[-24:-12]), k_now)))
gmc = [int(l.split(",")[1]) for l in open(os.path.join(TMP, "burglary-gm.csv")).read().split("\n")[1:] if l.strip()]
b = statements(bu, "benchmark")[0]
pop = bu["value"]["denominator"]
lo, hi = poisson(k_now)
check("burglary: the 12-month rate per 1,000 with Byar's interval",
      close(bu["value"]["value"], k_now / pop * 1000) and close(bu["value"]["lower"], lo / pop * 1000)
      and close(bu["value"]["upper"], hi / pop * 1000), bu["value"])
check("burglary: Greater Manchester's rate from its own counts", close(b["benchmark"]["value"], sum(gmc[-12:]) / b["benchmark"]["denominator"] * 1000), b["benchmark"])
check("burglary: significantly lower than Greater Manchester, better (lower is better)",
      b["verdict"] == "significant" and b["direction"] == "lower" and b["judgement"] == "better", b)

# Nothing is significant that did not pass: at 99.8% feel-safe is not.
h998 = load("headlines998.json")
_, fs998 = headline(h998, "feel-safe")
lo, hi = wilson(368, 400, 0.998)
b = statements(fs998, "benchmark")[0]
check("at 99.8% the interval is Python's, and includes 88%", close(fs998["value"]["lower"], 100 * lo) and 100 * lo < 88)
check("at 99.8% feel-safe is not called significant", b["verdict"] == "not significant" and b["significant"] is False
      and b["direction"] == "similar" and "not significantly different from Greater Manchester" in b["sentence"], b)

# As at the end of July-September 2020, the increase is the latest change.
hq = load("headlines-q2.json")
_, hcq = headline(hq, "hate-crime")
c = statements(hcq, "change", "previous")[0]
check("--period 2020/21 Q2: hate crime's latest quarter is July-September, up significantly on April-June",
      hcq["period"] == "2020/21 Q2" and c["before"]["period"] == "2020/21 Q1" and c["verdict"] == "significant"
      and c["direction"] == 1 and close(c["p_value"], rate_p(66, 112)) and close(c["alpha"], 0.05), c)
_, noq = headline(hq, "non-opiate-completion")
check("--period 2020/21 Q2: other indicators give their latest figure by then", noq["period"] == "2019/20", noq["period"])
hf = load("headlines-fy.json")
_, hcf = headline(hf, "hate-crime")
check("--period 2020/21: hate crime to January-March 2021, with the year's significant changes",
      hcf["period"] == "2020/21 Q4" and len(statements(hcf, "change", "within_year")) == 2)

# indicators show: every figure with its interval, SPC.
f = load("feel-safe.json")
waves = {"Wave 1": (361, 402), "Wave 2": (355, 398), "Wave 3": (362, 401), "Wave 4": (367, 399), "Wave 5": (363, 400), "Wave 6": (368, 400)}
ok = len(f["values"]) == 6
for v in f["values"]:
    k, n = waves[v["period"]]
    lo, hi = wilson(k, n)
    ok &= close(v["value"], 100 * k / n) and close(v["lower"], 100 * lo) and close(v["upper"], 100 * hi) and v["example"] is True
check("show feel-safe: six waves, each with the Wilson interval as Python's", ok, f["values"])
check("show feel-safe: too few points for SPC (6 of 12)", f["spc"]["enough"] is False and f["spc"]["n"] == 6 and f["spc"]["min_points"] == 12)
check("show feel-safe: the peers for Wave 6", f["peers"]["group"] == "Greater Manchester" and f["peers"]["period"] == "Wave 6" and f["peers"]["rank"] == 2)
check("show feel-safe: the areas with figures", "Stockport" in f["areas"] and "Greater Manchester" in f["areas"])
g = load("burglary.json")
ok = len(g["values"]) == len(counts)
for v, k in zip(g["values"], counts):
    lo, hi = poisson(k)
    ok &= v["numerator"] == k and close(v["value"], k / v["denominator"] * 1000)
    ok &= close(v["lower"], lo / v["denominator"] * 1000) and close(v["upper"], hi / v["denominator"] * 1000)
check("show burglary-rate: every month's rate and interval from the crime counts", ok, g["values"][:2])
x = [k / g["values"][0]["denominator"] * 1000 for k in counts]
mean = sum(x) / len(x)
mr = [abs(b - a) for a, b in zip(x, x[1:])]
amr = sum(mr) / len(mr)
kept = [m for m in mr if m < 3.267 * amr]
amr2 = sum(kept) / len(kept)
s = g["spc"]
check("show burglary-rate: the XmR mean and limits as an independent computation",
      s["enough"] is True and s["n"] == 36 and close(s["mean"], mean) and close(s["upper_limit"], mean + 2.66 * amr2)
      and close(s["lower_limit"], mean - 2.66 * amr2), (s["mean"], mean, s["upper_limit"], mean + 2.66 * amr2))
check("show burglary-rate: points beyond the limits are special cause",
      all(p["special"] for p in s["points"] if p["value"] > s["upper_limit"] or p["value"] < s["lower_limit"]))
check("show burglary-rate: improvement is low (lower is better)",
      all(p["class"] != "special cause improvement" or p["value"] < s["mean"] for p in s["points"] if p["rule"] and "limit" in p["rule"]))
hh = load("hate.json")
check("show hate-crime: nine quarters, Byar's intervals",
      len(hh["values"]) == 9 and all(close(v["lower"], poisson(int(v["numerator"]))[0]) for v in hh["values"]))
EOF

run headlines --area Nowhere
expect_rc 1 "headlines for an area with no figures fail"
expect_err "no indicator has figures for 'Nowhere'" "and say so"
run headlines --period "Midsummer"
expect_rc 1 "headlines for an unknown period fail"
expect_err "period: there is no period 'Midsummer'" "and name the field"
run headlines --format csv
expect_rc 2 "headlines have no CSV"
run headlines --level 150
expect_rc 2 "a level above 100 is wrong usage"
