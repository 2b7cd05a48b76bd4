#!/usr/bin/python3
"""Check `safer stats` end to end against scipy and statsmodels.

Runs the real binary for every case of tests/reference/stats_reference.py
(proportions, rates, two-proportion tests, change between periods, XmR
charts) at both levels, 95% and 99.8%, and compares its JSON with the
reference computed here, independently, by scipy/statsmodels and by the
Python transcription of NHSRplotthedots.  Numbers must agree to at least
6 significant figures (relative 1e-6; absolute 1e-9 near zero).

Prints one TAP line per case.  Usage (Debian's python, which has scipy):

    /usr/bin/python3 tests/reference/check_cli.py ./safer
"""

import json
import math
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stats_reference as ref  # noqa: E402

SAFER = sys.argv[1] if len(sys.argv) > 1 else "./safer"
failures = 0


def close(a, b):
    """a from safer's JSON, b the reference.  JSON has no NaN or infinity:
    safer writes null for them (docs/api.md)."""
    if b is not None and (math.isnan(b) or math.isinf(b)):
        return a is None
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * abs(float(b)) + 1e-9


def run(args, stdin=None):
    p = subprocess.run([SAFER, "stats"] + args + ["--format", "json"],
                       input=stdin, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"exit {p.returncode}: {p.stderr.strip()}")
    return json.loads(p.stdout)


def report(name, problems):
    global failures
    if problems:
        failures += 1
        print(f"not ok - {name}")
        for p in problems[:5]:
            print(f"#   {p}")
    else:
        print(f"ok - {name}")


def level_arg(level):
    return "99.8" if level > 0.99 else "95"


def compare(name, got, want):
    problems = []
    for key, value in want.items():
        if isinstance(value, bool):
            if got.get(key) is not value:
                problems.append(f"{key}: got {got.get(key)!r}, want {value!r}")
        elif isinstance(value, str):
            if got.get(key) != value:
                problems.append(f"{key}: got {got.get(key)!r}, want {value!r}")
        elif not close(got.get(key), value):
            problems.append(f"{key}: got {got.get(key)!r}, want {value!r}")
    report(name, problems)


def check(name, fn):
    try:
        fn()
    except Exception as e:  # a crash or bad output is a failure
        report(name, [str(e)])


def main():
    for k, n, level, value, lo, hi in ref.proportion_rows():
        name = f"proportion {k}/{n} at {level_arg(level)}%"
        check(name, lambda: compare(name, run(
            ["proportion", str(k), str(n), "--level", level_arg(level)]),
            {"value": value, "lower": lo, "upper": hi,
             "level": level * 100, "method": "Wilson score interval"}))

    for k, den, per, level, value, lo, hi, method in ref.rate_rows():
        if den != int(den):
            den_s = repr(den)
        else:
            den_s = str(int(den))
        name = f"rate {k}/{den_s} per {per} at {level_arg(level)}%"
        check(name, lambda: compare(name, run(
            ["rate", str(k), den_s, "--per", str(per), "--level",
             level_arg(level)]),
            {"value": value, "lower": lo, "upper": hi, "level": level * 100}))

    for k1, n1, k2, n2, level, p1, p2, diff, z, pv, sig in ref.ztest_rows():
        name = (f"compare-proportions {k1}/{n1} vs {k2}/{n2} at "
                f"{level_arg(level)}%")
        check(name, lambda: compare(name, run(
            ["compare-proportions", str(k1), str(n1), str(k2), str(n2),
             "--level", level_arg(level)]),
            {"difference": diff, "z": z, "p": pv, "significant": bool(sig)}))

    for row in ref.change_rows():
        (k1, t1, k2, t2, level, r1, r2, ratio, lo, hi, pct, pl, pu, pv,
         sig) = row
        args = ["change", str(k1), str(k2), "--level", level_arg(level)]
        if t1 != 1 or t2 != 1:
            args += ["--exposure", repr(t1), repr(t2)]
        name = f"change {k1}/{t1} to {k2}/{t2} at {level_arg(level)}%"
        want = {"lower": lo, "upper": hi, "p": pv, "significant": bool(sig)}
        if not math.isnan(ratio):
            want.update({"ratio": ratio, "percent_change": pct})
        check(name, lambda: compare(name, run(args), want))

    rule_names = {1: "outside", 2: "trend", 4: "two", 8: "shift"}
    for name, values, rebase, baseline, pol, screen, sh, tr, seg, pts in \
            ref.spc_rows():
        if not screen or sh or tr:
            continue  # options the command line does not offer
        args = ["spc"]
        if baseline:
            args += ["--baseline", str(baseline)]
        if pol == 1:
            args += ["--improvement", "up"]
        elif pol == 2:
            args += ["--improvement", "down"]
        if rebase:
            args += ["--rebase", ",".join(str(i + 1) for i in rebase)]
        stdin = "".join(f"{v!r}\n" for v in values)

        def spc_check(name=name, args=args, stdin=stdin, seg=seg, pts=pts):
            got = run(args, stdin)
            problems = []
            for i, (mean, amr, lpl, upl) in enumerate(seg):
                g = got["segments"][i]
                for key, want in (("mean", mean), ("lower", lpl),
                                  ("upper", upl)):
                    if not close(g[key], want):
                        problems.append(f"segment {i} {key}: got {g[key]}, "
                                        f"want {want}")
            classes = {0: "common cause", 1: "improvement", 2: "concern"}
            for i, (rules, code, direction, cls) in enumerate(pts):
                g = got["points"][i]
                if g["special"] != (rules != 0):
                    problems.append(f"point {i + 1} special: got "
                                    f"{g['special']}, want {rules != 0}")
                want_rules = sorted(w for bit, w in rule_names.items()
                                    if rules & bit)
                have = sorted(next(w for w in rule_names.values()
                                   if w in r) for r in g["rules"])
                if have != want_rules:
                    problems.append(f"point {i + 1} rules: got {g['rules']},"
                                    f" want {want_rules}")
                if cls in classes and classes[cls] not in g["class"]:
                    problems.append(f"point {i + 1} class: got {g['class']},"
                                    f" want {classes[cls]}")
            report(f"spc {name}", problems)

        check(f"spc {name}", spc_check)

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
