#!/usr/bin/python3
"""Count police.uk street-level rows by month and crime type, independently
of safer: Python's csv module over the same files (.csv or .csv.gz).

    /usr/bin/python3 tests/reference/count_policeuk.py FILE_OR_DIR... > counts.csv

Writes "month,type,count" sorted by month then type.
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


counts = collections.Counter()
for f in files(sys.argv[1:]):
    opener = gzip.open if f.endswith('.gz') else open
    with opener(f, 'rt', encoding='utf-8-sig', newline='') as fh:
        reader = csv.DictReader(fh)
        if 'Crime type' not in (reader.fieldnames or []):
            continue
        for row in reader:
            counts[(row['Month'], row['Crime type'])] += 1

out = csv.writer(sys.stdout, lineterminator='\n')
out.writerow(['month', 'type', 'count'])
for (month, kind), n in sorted(counts.items()):
    out.writerow([month, kind, n])
