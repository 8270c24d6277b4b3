#!/usr/bin/env python3
"""nDCG@10 of TREC runs keyed by statement key, against qrels.tsv.

    ndcg.py RUN [RUN ...] [--split tune|test|all] [--lang en|zh|all] [--per-query] [--keep-copies]
    ndcg.py RUN [RUN ...] --table      (a Markdown table: test and tune halves, English and Chinese)

Gains are the grades (0, 1, 2), discounted by log2(rank + 1); the ideal ranking is the query's graded
statements, best first, each copy group once. A statement listed again under a copy's key is dropped from
the ranking (the statements below it move up), as if the engine folded copies as Podium does, so a peer is
not marked down for the corpus holding copies; --keep-copies leaves such a repeat at its rank with no gain
(what a reader of that engine sees). The mean
is over the queries of the split and language that have at least one statement graded 1 or 2 (a query
missing from a run scores 0). For each run, the statements of its top 10 that nobody graded are listed, so
they can be judged (topup.py) before the figures are final; an unjudged statement counts as 0.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import relset

DEPTH = 10
COPIES = relset.HERE / "copies.tsv"


def read_copies(path: Path = COPIES) -> dict[str, str]:
    """copies.tsv (key, group) as key -> group; a key missing from it is its own group."""
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        c = line.split("\t")
        if len(c) == 2:
            out[c[0]] = c[1]
    return out


def folded_ranking(keys: list[str], copies: dict[str, str], skip_copies: bool) -> list[tuple[str, bool]]:
    """The ranking as (key, repeat) pairs: repeat is true for a copy of a statement listed higher up."""
    seen: set[str] = set()
    out = []
    for key in keys:
        group = copies.get(key, key)
        repeat = group in seen
        seen.add(group)
        if not (repeat and skip_copies):
            out.append((key, repeat))
    return out


def ideal_gains(grades: dict[str, int], copies: dict[str, str]) -> list[int]:
    best: dict[str, int] = {}
    for key, g in grades.items():
        group = copies.get(key, key)
        best[group] = max(best.get(group, 0), g)
    return sorted(best.values(), reverse=True)


def dcg(gains: list[int], depth: int = DEPTH) -> float:
    return sum(g / math.log2(rank + 2) for rank, g in enumerate(gains[:depth]))


def ndcg_query(keys: list[str], grades: dict[str, int], copies: dict[str, str], skip_copies: bool = True,
               depth: int = DEPTH) -> tuple[float, list[str]]:
    """nDCG@depth of one ranking, and the unjudged keys of its top `depth`."""
    ranking = folded_ranking(keys, copies, skip_copies)[:depth]
    gains = [0 if repeat else grades.get(key, 0) for key, repeat in ranking]
    unjudged = [key for key, repeat in ranking if not repeat and key not in grades]
    ideal = dcg(ideal_gains(grades, copies), depth)
    return (dcg(gains, depth) / ideal if ideal > 0 else 0.0), unjudged


def score_run(run: dict[str, list[str]], qrels: dict[str, dict[str, int]], qids: list[str],
              copies: dict[str, str], skip_copies: bool = True) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Per-query nDCG@10 over the qids that have a relevant statement, and the unjudged keys per query."""
    scores, unjudged = {}, {}
    for qid in qids:
        grades = qrels.get(qid, {})
        if not any(g > 0 for g in grades.values()):
            continue
        scores[qid], unjudged[qid] = ndcg_query(run.get(qid, []), grades, copies, skip_copies)
    return scores, unjudged


def query_ids(split: str, lang: str) -> list[str]:
    return [q["id"] for q in relset.select(relset.read_queries(), split, lang)]


def table(paths: list[Path], qrels: dict[str, dict[str, int]], copies: dict[str, str], skip_copies: bool) -> str:
    """Mean nDCG@10 of each run on the test and tune halves, English and Chinese (queries, unjudged)."""
    cells = [(split, lang) for lang in ("en", "zh") for split in ("test", "tune")]
    head = "| run | " + " | ".join(f"{lang} {split}" for split, lang in cells) + " |"
    lines = [head, "|---" * (len(cells) + 1) + "|"]
    counts = []
    for path in paths:
        run = relset.read_run(path)
        row = []
        for split, lang in cells:
            scores, unjudged = score_run(run, qrels, query_ids(split, lang), copies, skip_copies)
            mean = sum(scores.values()) / len(scores) if scores else float("nan")
            holes = sum(len(u) for u in unjudged.values())
            row.append(f"{mean:.3f}" + (f" ({holes} unj.)" if holes else ""))
            counts.append(len(scores))
        lines.append(f"| {path.stem} | " + " | ".join(row) + " |")
    n = counts[: len(cells)]
    lines.append("")
    lines.append("Queries scored per column: " + ", ".join(f"{lang} {split} {k}" for (split, lang), k in zip(cells, n))
                 + ". \"unj.\": statements of the run's top 10s nobody graded (counted as 0).")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="+", type=Path)
    ap.add_argument("--split", choices=["tune", "test", "all"], default="all")
    ap.add_argument("--lang", choices=["en", "zh", "all"], default="all")
    ap.add_argument("--qrels", type=Path, default=relset.QRELS)
    ap.add_argument("--copies", type=Path, default=COPIES)
    ap.add_argument("--per-query", action="store_true")
    ap.add_argument("--keep-copies", action="store_true", help="a repeated copy keeps its rank and gains 0")
    ap.add_argument("--table", action="store_true")
    args = ap.parse_args()
    args.skip_copies = not args.keep_copies
    qrels = relset.read_qrels(args.qrels)
    copies = read_copies(args.copies)
    if args.table:
        print(table(args.runs, qrels, copies, args.skip_copies))
        return
    qids = query_ids(args.split, args.lang)
    no_rel = [q for q in qids if not any(g > 0 for g in qrels.get(q, {}).values())]
    if no_rel:
        print(f"left out (nothing graded relevant): {' '.join(no_rel)}", file=sys.stderr)
    for path in args.runs:
        scores, unjudged = score_run(relset.read_run(path), qrels, qids, copies, args.skip_copies)
        mean = sum(scores.values()) / len(scores) if scores else float("nan")
        holes = sum(len(u) for u in unjudged.values())
        print(f"{path.stem}\tnDCG@10 {mean:.4f}\tqueries {len(scores)}\tunjudged in top 10: {holes}")
        if args.per_query:
            for qid, s in scores.items():
                print(f"  {qid}\t{s:.4f}\t{len(unjudged[qid])} unjudged")
        for qid, keys in unjudged.items():
            if keys:
                print(f"  unjudged {qid}: {' '.join(keys)}", file=sys.stderr)


if __name__ == "__main__":
    main()
