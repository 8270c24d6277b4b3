#!/usr/bin/env python3
"""compare_runs.py OLD.trec NEW.trec NAME: the same ids at the same ranks for every query, and scores equal
within 1e-6 relative. Prints one summary line (and the first differences); exits 1 on any difference."""
import sys


def load(path):
    rows = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 6:
                rows.setdefault(parts[0], []).append((parts[2], int(parts[3]), float(parts[4])))
    return rows


old, new, name = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3]
differing, worst = 0, 0.0
for query in sorted(set(old) | set(new)):
    a, b = old.get(query, []), new.get(query, [])
    if [row[:2] for row in a] != [row[:2] for row in b]:
        differing += 1
        if differing <= 3:
            print(f"  {name} {query}: ids differ: {a[:3]} vs {b[:3]}")
        continue
    for (_, _, x), (_, _, y) in zip(a, b):
        relative = abs(x - y) / max(abs(x), 1e-12)
        worst = max(worst, relative)
        if relative > 1e-6:
            differing += 1
            print(f"  {name} {query}: score {x} vs {y}")
            break
hits = sum(len(rows) for rows in old.values())
print(f"{name}: {len(old)} queries, {hits} hits, {differing} differing, worst relative score difference {worst:.2e}")
sys.exit(1 if differing else 0)
