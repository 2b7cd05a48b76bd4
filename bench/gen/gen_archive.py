#!/usr/bin/python3
"""gen_archive -- a national police.uk download, as police.uk ships it.

    gen_archive.py OUTDIR [--forces 40] [--months 48] [--first 2020-01]
                          [--kinds street] [--real DIR] [--seed 1]

Writes the same files twice: unpacked under OUTDIR/data/, and zipped as
OUTDIR/archive.zip (deflate, entries in name order, as police.uk's custom
downloads are):

    YYYY-MM/YYYY-MM-<force-slug>-street.csv
    YYYY-MM/YYYY-MM-<force-slug>-outcomes.csv
    YYYY-MM/YYYY-MM-<force-slug>-stop-and-search.csv

for --months months from --first, the first --forces forces of England and
Wales (police.uk's slugs and names), and the --kinds asked for (comma
separated: street, outcomes, stop-and-search; "all" for the three).

Rows come from a real month when one is found under --real (default
../shared/data/real beside the repository): the largest City of London
street-level month for street and outcomes files, a Greater Manchester
stop-and-search month for stop and search.  Each force-month gets that
month's rows with its own force, month and dates, and crime IDs of its own
(a SHA-256 of the real ID, the force and the month).  Without real data the
rows are generated, deterministic from --seed.  The outcomes file of a
force-month has a row for each of its street-level crimes that has an
outcome.

Prints one line on stdout: files=N rows=N bytes=N zip_bytes=N seconds=S.
"""
import argparse
import hashlib
import os
import random
import sys
import time
import zipfile

FORCES = [
    ("avon-and-somerset", "Avon and Somerset Constabulary"),
    ("bedfordshire", "Bedfordshire Police"),
    ("cambridgeshire", "Cambridgeshire Constabulary"),
    ("cheshire", "Cheshire Constabulary"),
    ("city-of-london", "City of London Police"),
    ("cleveland", "Cleveland Police"),
    ("cumbria", "Cumbria Constabulary"),
    ("derbyshire", "Derbyshire Constabulary"),
    ("devon-and-cornwall", "Devon & Cornwall Police"),
    ("dorset", "Dorset Police"),
    ("durham", "Durham Constabulary"),
    ("dyfed-powys", "Dyfed-Powys Police"),
    ("essex", "Essex Police"),
    ("gloucestershire", "Gloucestershire Constabulary"),
    ("greater-manchester", "Greater Manchester Police"),
    ("gwent", "Gwent Police"),
    ("hampshire", "Hampshire Constabulary"),
    ("hertfordshire", "Hertfordshire Constabulary"),
    ("humberside", "Humberside Police"),
    ("kent", "Kent Police"),
    ("lancashire", "Lancashire Constabulary"),
    ("leicestershire", "Leicestershire Police"),
    ("lincolnshire", "Lincolnshire Police"),
    ("merseyside", "Merseyside Police"),
    ("metropolitan", "Metropolitan Police Service"),
    ("norfolk", "Norfolk Constabulary"),
    ("north-wales", "North Wales Police"),
    ("north-yorkshire", "North Yorkshire Police"),
    ("northamptonshire", "Northamptonshire Police"),
    ("northumbria", "Northumbria Police"),
    ("nottinghamshire", "Nottinghamshire Police"),
    ("south-wales", "South Wales Police"),
    ("south-yorkshire", "South Yorkshire Police"),
    ("staffordshire", "Staffordshire Police"),
    ("suffolk", "Suffolk Constabulary"),
    ("surrey", "Surrey Police"),
    ("sussex", "Sussex Police"),
    ("thames-valley", "Thames Valley Police"),
    ("warwickshire", "Warwickshire Police"),
    ("west-mercia", "West Mercia Police"),
    ("west-midlands", "West Midlands Police"),
    ("west-yorkshire", "West Yorkshire Police"),
    ("wiltshire", "Wiltshire Police"),
]

STREET_HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
                 "Location,LSOA code,LSOA name,Crime type,"
                 "Last outcome category,Context")
OUTCOMES_HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,"
                   "Latitude,Location,LSOA code,LSOA name,Outcome type")
SEARCH_HEADER = ("Type,Date,Part of a policing operation,Policing operation,"
                 "Latitude,Longitude,Gender,Age range,Self-defined ethnicity,"
                 "Officer-defined ethnicity,Legislation,Object of search,"
                 "Outcome,Outcome linked to object of search,"
                 "Removal of more than just outer clothing")


def split_csv(line):
    """Fields of one police.uk line (quoted fields may hold commas)."""
    out, field, quoted, i = [], [], False, 0
    while i < len(line):
        c = line[i]
        if quoted:
            if c == '"' and i + 1 < len(line) and line[i + 1] == '"':
                field.append('"')
                i += 1
            elif c == '"':
                quoted = False
            else:
                field.append(c)
        elif c == '"':
            quoted = True
        elif c == ',':
            out.append("".join(field))
            field = []
        else:
            field.append(c)
        i += 1
    out.append("".join(field))
    return out


def quote(v):
    if any(c in v for c in ',"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


def read_rows(path, header):
    with open(path, encoding="utf-8-sig", newline="") as f:
        lines = f.read().splitlines()
    if lines[0].strip() != header:
        sys.exit(f"gen_archive: {path}: not the expected header")
    return [split_csv(l) for l in lines[1:] if l]


def find_real(real):
    """(street rows, stop-and-search rows) of the real months, or None."""
    street = search = None
    if real and os.path.isdir(real):
        best = 0
        for d, _, files in sorted(os.walk(real)):
            for n in sorted(files):
                p = os.path.join(d, n)
                monthly = (n[:4].isdigit() and n[4] == "-" and
                           n[5:7].isdigit() and n[7] == "-")
                if (monthly and n.endswith("-city-of-london-street.csv") and
                        os.path.getsize(p) > best):
                    best, street = os.path.getsize(p), p
                if (monthly and n.endswith("-stop-and-search.csv") and
                        search is None):
                    search = p
    return street, search


def made_up_street(rng, n):
    types = ["Anti-social behaviour", "Violence and sexual offences",
             "Shoplifting", "Burglary", "Criminal damage and arson",
             "Vehicle crime", "Other theft", "Public order", "Drugs"]
    outcomes = ["Investigation complete; no suspect identified",
                "Unable to prosecute suspect", "Under investigation",
                "Offender given a caution", "Local resolution"]
    rows = []
    for i in range(n):
        t = rng.choice(types)
        lsoa = rng.randrange(1, 400)
        asb = t == "Anti-social behaviour"
        rows.append(["" if asb else "%064x" % rng.getrandbits(256),
                     "2020-01", "", "",
                     "%.6f" % (-2.5 + rng.random()), "%.6f" % (53 + rng.random()),
                     "On or near Street %d" % rng.randrange(1, 800),
                     "E0100%04d" % lsoa, "Somewhere %03dA" % lsoa, t,
                     "" if asb else rng.choice(outcomes),
                     ""])
    return rows


def made_up_search(rng, n):
    rows = []
    for i in range(n):
        rows.append(["Person search", "2020-01-%02dT%02d:%02d:00+00:00" % (
            rng.randrange(1, 29), rng.randrange(24), rng.randrange(60)),
            "False", "", "%.6f" % (53 + rng.random()),
            "%.6f" % (-2.5 + rng.random()), rng.choice(["Male", "Female"]),
            rng.choice(["10-17", "18-24", "25-34", "over 34"]), "", "",
            "Misuse of Drugs Act 1971 (section 23)", "Controlled drugs",
            "A no further action disposal", "", "False"])
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--forces", type=int, default=40)
    ap.add_argument("--months", type=int, default=48)
    ap.add_argument("--first", default="2020-01")
    ap.add_argument("--kinds", default="street")
    ap.add_argument("--real", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
        "shared", "data", "real"))
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    kinds = (["street", "outcomes", "stop-and-search"] if a.kinds == "all"
             else a.kinds.split(","))
    for k in kinds:
        if k not in ("street", "outcomes", "stop-and-search"):
            sys.exit(f"gen_archive: unknown kind '{k}'")
    if not 1 <= a.forces <= len(FORCES):
        sys.exit(f"gen_archive: --forces must be 1 to {len(FORCES)}")
    start = time.time()
    rng = random.Random(a.seed)
    street_path, search_path = find_real(a.real)
    street = (read_rows(street_path, STREET_HEADER) if street_path
              else made_up_street(rng, 800))
    search = (read_rows(search_path, SEARCH_HEADER) if search_path
              else made_up_search(rng, 300))
    print("gen_archive: street rows from %s, stop and search from %s" % (
        street_path or "generated rows", search_path or "generated rows"),
        file=sys.stderr)

    y, m = map(int, a.first.split("-"))
    data = os.path.join(a.out, "data")
    os.makedirs(data, exist_ok=True)
    files = rows = size = 0
    zpath = os.path.join(a.out, "archive.zip")
    with zipfile.ZipFile(zpath + ".tmp", "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(a.months):
            mm = y * 12 + m - 1 + i
            month = "%04d-%02d" % (mm // 12, mm % 12 + 1)
            os.makedirs(os.path.join(data, month), exist_ok=True)
            entries = []
            for slug, name in FORCES[:a.forces]:
                for kind in kinds:
                    entries.append((f"{month}/{month}-{slug}-{kind}.csv",
                                    slug, name, kind))
            for entry, slug, name, kind in sorted(entries):
                salt = f"|{slug}|{month}".encode()
                out = []
                if kind == "stop-and-search":
                    out.append(SEARCH_HEADER)
                    for r in search:
                        day = min(int(r[1][8:10]), 28)
                        out.append(",".join(quote(v) for v in (
                            [r[0], "%s-%02d%s" % (month, day, r[1][10:])] +
                            r[2:])))
                else:
                    out.append(STREET_HEADER if kind == "street"
                               else OUTCOMES_HEADER)
                    for r in street:
                        cid = r[0] and hashlib.sha256(
                            r[0].encode() + salt).hexdigest()
                        if kind == "outcomes":
                            if not cid or not r[10]:
                                continue
                            v = [cid, month, name, name] + r[4:9] + [r[10]]
                        else:
                            v = [cid, month, name, name] + r[4:]
                        out.append(",".join(quote(x) for x in v))
                text = ("\r\n".join(out) + "\r\n").encode()
                with open(os.path.join(data, entry), "wb") as f:
                    f.write(text)
                z.writestr(entry, text)
                files += 1
                rows += len(out) - 1
                size += len(text)
    os.replace(zpath + ".tmp", zpath)
    print("files=%d rows=%d bytes=%d zip_bytes=%d seconds=%.1f" % (
        files, rows, size, os.path.getsize(zpath), time.time() - start))


if __name__ == "__main__":
    main()
