#!/bin/bash
# tests/cli/t_stats.sh: "safer stats": the JSON each statistic prints (its
# fields and types; the numbers are checked against scipy elsewhere), the
# text form, and the exit status of wrong input.  No database is needed.
. "$(dirname "$0")/lib.sh"

json() { python3 -c "import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if ($1) else 1)" <<<"$out"; }
num='(lambda x: isinstance(x, (int, float)) and not isinstance(x, bool))'

run stats proportion 46 100 --format json
expect_rc 0 "proportion"
check "proportion: value, lower, upper, level, method" json "set(d) == {'value', 'lower', 'upper', 'level', 'method'} and all($num(d[k]) for k in ('value', 'lower', 'upper', 'level')) and d['lower'] <= d['value'] <= d['upper'] and d['level'] == 95"
check "proportion: Wilson" json "'Wilson' in d['method']"
run stats proportion 46 100 --level 99.8 --format json
check "proportion --level 99.8" json "d['level'] == 99.8"
run stats proportion 46 100
expect_rc 0 "proportion as text"
expect_out "method: Wilson score interval" "the text names the method"

run stats rate 70 1000 --per 1000 --format json
expect_rc 0 "rate"
check "rate: value, lower, upper, level, method" json "set(d) == {'value', 'lower', 'upper', 'level', 'method'} and d['value'] == 70 and d['lower'] < 70 < d['upper']"
check "rate: Byar's method from 10 events" json "'Byar' in d['method']"
run stats rate 7 1000 --format json
check "rate: exact Poisson below 10 events" json "'Poisson' in d['method']"
run stats rate 70 1000 --per 1000 --format json
check "rate: 70 is written 70 in the JSON, not 7e+01" grep -q '"value": 70,' <<<"$out"

run stats compare-proportions 92 100 88 100 --format json
expect_rc 0 "compare-proportions"
check "compare-proportions: p1, p2, difference, z, p, significant, level, method" json "set(d) == {'p1', 'p2', 'difference', 'z', 'p', 'significant', 'level', 'method'} and isinstance(d['significant'], bool) and 0 <= d['p'] <= 1 and d['p1'] == 0.92 and d['p2'] == 0.88"

run stats change 100 65 --format json
expect_rc 0 "change"
check "change: ratio, percent_change, lower, upper, p, significant, level, method, interval_method" json "set(d) == {'ratio', 'percent_change', 'lower', 'upper', 'p', 'significant', 'level', 'method', 'interval_method'} and d['ratio'] == 0.65 and d['percent_change'] == -35 and isinstance(d['significant'], bool)"
run stats change 10 20 --exposure 1 2 --format json
check "change --exposure: the same rate is no change" json "d['ratio'] == 1 and d['significant'] is False"
run stats change 0 0 --format json
expect_rc 0 "change from 0 to 0"
check "change 0 0: an undefined ratio is null, not NaN" json "d['ratio'] is None and d['percent_change'] is None"

run stats spc --format json < <(printf '%s\n' 70 72 68 71 69 70 73 67 70 71 69 72 95 70 71)
expect_rc 0 "spc"
check "spc: mean, upper, lower, method, segments, points" json "set(d) >= {'mean', 'upper', 'lower', 'method', 'segments', 'points'} and len(d['points']) == 15 and len(d['segments']) == 1"
check "spc: each point has value, special, rules, class" json "all(set(p) >= {'value', 'special', 'rules', 'class'} and isinstance(p['special'], bool) and isinstance(p['rules'], list) for p in d['points'])"
check "spc: the outlier is special cause" json "d['points'][12]['special'] is True and d['points'][12]['value'] == 95"
check "spc: a segment has start, points, baseline, mean, average_moving_range, limits" json "set(d['segments'][0]) >= {'start', 'points', 'baseline', 'mean', 'average_moving_range', 'lower', 'upper'}"
run stats spc --rebase 8 --format json < <(printf '%s\n' 1 2 1 2 1 2 1 9 8 9 8 9 8 9)
expect_rc 0 "spc --rebase"
check "spc --rebase: two segments" json "len(d['segments']) == 2 and d['segments'][1]['start'] == 8"
run stats spc < <(printf '%s\n' 1 2 3 2 1 2 3)
expect_rc 0 "spc as text"
expect_out "method: XmR chart" "the text names the method"

# Wrong usage exits 2; impossible numbers exit 1.
run stats
expect_rc 2 "stats without a statistic"
run stats median 1 2
expect_rc 2 "an unknown statistic"
run stats proportion 5
expect_rc 2 "proportion with one number"
run stats proportion a 10
expect_rc 2 "proportion of a word"
run stats proportion 46 100 --format xml
expect_rc 2 "an unknown --format"
run stats proportion 46 100 --level 100
expect_rc 2 "--level 100"
run stats proportion 46 100 --level 0
expect_rc 2 "--level 0"
run stats proportion 46 100 --level 1
expect_rc 2 "--level 1 (a 1% interval) is refused, as by the API and the pages"
expect_err "from 50 to below 100" "and the message says which levels"
run stats proportion 46 100 --level 0.95 --format json
check "--level 0.95 is 95%" json "d['level'] == 95"
run stats proportion 11 10
expect_rc 1 "a count above the sample size"
expect_err "k" "the message names k"
run stats proportion 0 0
expect_rc 1 "an empty sample"
run stats compare-proportions 1 2 3
expect_rc 2 "compare-proportions with three numbers"
run stats change 5
expect_rc 2 "change with one count"
run stats rate 5 0
check "rate over a zero denominator fails (exit 1 or 2)" test "$rc" -eq 1 -o "$rc" -eq 2
run stats spc < <(printf '%s\n' 1 x 3)
expect_rc 1 "spc with a word among the values"
expect_err "not a number" "it says which is not a number"
run stats spc < /dev/null
expect_rc 1 "spc with no values"
run stats spc 1 2 3
expect_rc 2 "spc with values as arguments"
