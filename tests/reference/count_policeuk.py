#!/usr/bin/python3
"""Count police.uk street-level rows by month and crime type, independently
of safer: Python's csv module over the same files (.csv or .csv.gz).

    /usr/bin/python3 tests/reference/count_policeuk.py FILE_OR_DIR... > counts.csv
    /usr/bin/python3 tests/reference/count_policeuk.py --by type,lsoa FILE_OR_DIR...

Writes "month,type,count" sorted by month then type; with --by type,lsoa,
"type,lsoa,lsoa_name,count" (a blank LSOA is "no location", as safer names
it, with no name; an LSOA's name is the first the files give it).
"""
import collections
import csv
import gzip
import os
import sys


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                for n in sorted(names):
                    if n.endswith('.csv') or n.endswith('.csv.gz'):
                        yield os.path.join(root, n)
        else:
            yield p


args = sys.argv[1:]
by_lsoa = args[:2] == ['--by', 'type,lsoa']
if by_lsoa:
    args = args[2:]
counts = collections.Counter()
names = {}
for f in files(args):
    opener = gzip.open if f.endswith('.gz') else open
    with opener(f, 'rt', encoding='utf-8-sig', newline='') as fh:
        reader = csv.DictReader(fh)
        if 'Crime type' not in (reader.fieldnames or []):
            continue
        for row in reader:
            if by_lsoa:
                counts[(row['Crime type'], row['LSOA code'] or 'no location')] += 1
                if row['LSOA code']:
                    names.setdefault(row['LSOA code'], row['LSOA name'])
            else:
                counts[(row['Month'], row['Crime type'])] += 1

out = csv.writer(sys.stdout, lineterminator='\n')
out.writerow(['type', 'lsoa', 'lsoa_name', 'count'] if by_lsoa
             else ['month', 'type', 'count'])
for (a, b), n in sorted(counts.items()):
    out.writerow([a, b, names.get(b, ''), n] if by_lsoa else [a, b, n])
