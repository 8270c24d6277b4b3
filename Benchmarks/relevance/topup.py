#!/usr/bin/env python3
"""Writes a pool of the statements that given runs put in their top 10 and nobody has graded yet.

    topup.py RUN.trec [RUN.trec ...] [--name NAME] [--depth 10]

For the runs of a new binary (podium_runs.py --prefix new ...): their top 10 distinct statements per
query, minus every statement already graded (qrels.tsv and grades/, copies included), pooled and shuffled
as pool.py does, into <work>/topup/<NAME>/<qid>.md, with no run's name in them. The graders write
<work>/grades/<qid>.<NAME>.tsv; merge_qrels.py reads those beside the first grades.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pool
import relset


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="+", type=Path)
    ap.add_argument("--name", default="topup1", help="a word: names the folder and the graders' files")
    ap.add_argument("--depth", type=int, default=10)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--work", type=Path, default=relset.WORK)
    ap.add_argument("--qrels", type=Path, default=relset.QRELS)
    args = ap.parse_args()
    if not re.fullmatch(r"[A-Za-z0-9_-]+", args.name):
        raise SystemExit(f"--name {args.name!r}: use letters, digits, '-' and '_' only")
    out = args.work / "topup" / args.name
    sizes = pool.write_pool(args.runs, out, args.work, depth=args.depth, seed=args.seed, limit=2500,
                            qrels=args.qrels, fresh=False, only=None, suffix=f".{args.name}")
    todo = [f"{q} {n}" for q, n in sizes if n]
    print(f"to grade: {', '.join(todo) if todo else 'nothing'}")


if __name__ == "__main__":
    main()
