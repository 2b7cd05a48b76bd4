#!/usr/bin/python3
# pandas side of bench/crime, with Debian's python3-pandas. Run by bench/crime
# under /usr/bin/time; usable alone:
#
#   bench/pandas_side.py load  DB 'DIR/data/*/*.csv'    read_csv every file, concat, to_pickle(DB)
#   bench/pandas_side.py first DB q1|q2 [options]       read_pickle(DB), answer once (CSV on stdout)
#   bench/pandas_side.py query DB q1|q2 RUNS [options]  read_pickle(DB), one warm-up, then RUNS timed
#                                                       runs; CSV on stdout, "median_ms=..." on stderr
#   bench/pandas_side.py version
#
# Query options (defaults are the benchmark's): --area Stockport --type Burglary
#   --n 20 --from 2023-01 --to 2023-12
#
# What an analyst would write: pandas' C CSV parser with the column types given
# (text as text, coordinates as numbers), one DataFrame, pickled because pandas
# has no database of its own (Parquet needs pyarrow, which Debian 12 lacks).
#
# Q1: month x crime type for one district (LSOA names start with the district's name)
# Q2: top N LSOAs nationally for one crime type (rows without an LSOA excluded)
import glob
import os
import statistics
import sys
import time

import pandas as pd

COLUMNS = [
    "crime_id", "month", "reported_by", "falls_within", "longitude", "latitude",
    "location", "lsoa_code", "lsoa_name", "crime_type", "last_outcome_category",
    "context",
]
DTYPES = {c: str for c in COLUMNS}
DTYPES["longitude"] = DTYPES["latitude"] = "float64"


def parse_options(args):
    o = {"area": "Stockport", "type": "Burglary", "n": 20, "from": "2023-01", "to": "2023-12"}
    if len(args) % 2:
        raise SystemExit(f"pandas_side.py: bad options {args}")
    for k, v in zip(args[::2], args[1::2]):
        name = k[2:]
        if not k.startswith("--") or name not in o:
            raise SystemExit(f"pandas_side.py: unknown option {k}")
        o[name] = int(v) if name == "n" else v
    return o


def answer(df, q, o):
    in_period = (df["month"] >= o["from"]) & (df["month"] <= o["to"])
    if q == "q1":
        rows = df[in_period & df["lsoa_name"].str.startswith(o["area"] + " ", na=False)]
        return (rows.groupby(["month", "crime_type"]).size().rename("n").reset_index()
                .sort_values(["month", "crime_type"]))
    if q == "q2":
        rows = df[in_period & (df["crime_type"] == o["type"]) & df["lsoa_code"].notna()
                  & (df["lsoa_code"] != "")]
        counts = rows.groupby("lsoa_code").size().rename("n").reset_index()
        return counts.sort_values(["n", "lsoa_code"], ascending=[False, True]).head(o["n"])
    raise SystemExit(f"pandas_side.py: unknown query {q} (want q1 or q2)")


def load(db, pattern):
    t0 = time.perf_counter()
    files = sorted(glob.glob(pattern))
    if not files:
        raise SystemExit(f"pandas_side.py: no files match {pattern}")
    frames = [pd.read_csv(f, header=0, names=COLUMNS, dtype=DTYPES, engine="c")
              for f in files]
    df = pd.concat(frames, ignore_index=True)
    del frames
    read_ms = (time.perf_counter() - t0) * 1000
    if os.path.exists(db):
        os.remove(db)
    df.to_pickle(db)
    ms = (time.perf_counter() - t0) * 1000
    print(f"rows={len(df)} load_ms={ms:.1f} read_ms={read_ms:.1f}")


def open_db(db):
    if not os.path.exists(db):
        raise SystemExit(f"pandas_side.py: no {db} (run 'load' first)")
    return pd.read_pickle(db)


def main(argv):
    if len(argv) < 1:
        raise SystemExit("usage: pandas_side.py load|first|query|version ...")
    cmd = argv[0]
    if cmd == "version":
        print(pd.__version__)
    elif cmd == "load" and len(argv) == 3:
        load(argv[1], argv[2])
    elif cmd == "first" and len(argv) >= 3:
        answer(open_db(argv[1]), argv[2], parse_options(argv[3:])).to_csv(sys.stdout, index=False)
    elif cmd == "query" and len(argv) >= 4:
        df = open_db(argv[1])
        q, runs, o = argv[2], int(argv[3]), parse_options(argv[4:])
        result = answer(df, q, o)  # warm-up
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            result = answer(df, q, o)
            times.append((time.perf_counter() - t0) * 1000)
        result.to_csv(sys.stdout, index=False)
        print(f"median_ms={statistics.median(times):.3f} runs={runs}", file=sys.stderr)
    else:
        raise SystemExit("usage: pandas_side.py load|first|query|version ...")


if __name__ == "__main__":
    main(sys.argv[1:])
