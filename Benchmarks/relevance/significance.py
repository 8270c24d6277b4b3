#!/usr/bin/env python3
"""Is run A's nDCG@10 different from run B's? A paired test over queries.

    significance.py RUN_A RUN_B [--split tune|test|all] [--lang en|zh|all] [--seed 15] [--n 10000]

Per query, d = nDCG@10(A) - nDCG@10(B) (ndcg.py, the same queries). The randomization test flips the sign
of each d at random --n times (seeded) and reports the two-sided p: the share of flips whose mean is at
least as far from zero as the observed mean ((count + 1) / (n + 1)). The bootstrap resamples the queries
with replacement --n times and reports the 2.5th and 97.5th percentiles of the mean difference.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import ndcg
import relset


def randomization_p(diffs: list[float], n: int, seed: int) -> float:
    """Two-sided p of the paired randomization (sign-flip) test of the mean difference."""
    if not diffs:
        return 1.0
    rng = random.Random(seed)
    observed = abs(sum(diffs)) / len(diffs)
    hits = 0
    for _ in range(n):
        s = sum(d if rng.random() < 0.5 else -d for d in diffs)
        if abs(s) / len(diffs) >= observed - 1e-12:
            hits += 1
    return (hits + 1) / (n + 1)


def bootstrap_interval(diffs: list[float], n: int, seed: int, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean difference, queries resampled with replacement."""
    if not diffs:
        return (0.0, 0.0)
    rng = random.Random(seed)
    k = len(diffs)
    means = sorted(sum(rng.choice(diffs) for _ in range(k)) / k for _ in range(n))
    lo = means[int((1 - level) / 2 * (n - 1))]
    hi = means[int((1 + level) / 2 * (n - 1))]
    return (lo, hi)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run_a", type=Path)
    ap.add_argument("run_b", type=Path)
    ap.add_argument("--split", choices=["tune", "test", "all"], default="all")
    ap.add_argument("--lang", choices=["en", "zh", "all"], default="all")
    ap.add_argument("--qrels", type=Path, default=relset.QRELS)
    ap.add_argument("--copies", type=Path, default=ndcg.COPIES)
    ap.add_argument("--keep-copies", action="store_true", help="as in ndcg.py")
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    args.skip_copies = not args.keep_copies
    qrels = relset.read_qrels(args.qrels)
    copies = ndcg.read_copies(args.copies)
    qids = ndcg.query_ids(args.split, args.lang)
    a, ua = ndcg.score_run(relset.read_run(args.run_a), qrels, qids, copies, args.skip_copies)
    b, ub = ndcg.score_run(relset.read_run(args.run_b), qrels, qids, copies, args.skip_copies)
    common = [q for q in a if q in b]
    diffs = [a[q] - b[q] for q in common]
    mean_a = sum(a[q] for q in common) / len(common) if common else float("nan")
    mean_b = sum(b[q] for q in common) / len(common) if common else float("nan")
    delta = sum(diffs) / len(diffs) if diffs else float("nan")
    p = randomization_p(diffs, args.n, args.seed)
    lo, hi = bootstrap_interval(diffs, args.n, args.seed)
    wins = sum(1 for d in diffs if d > 1e-9)
    losses = sum(1 for d in diffs if d < -1e-9)
    print(f"{args.run_a.stem} {mean_a:.4f} vs {args.run_b.stem} {mean_b:.4f} over {len(common)} queries "
          f"({args.split}, {args.lang}): difference {delta:+.4f}, 95% bootstrap interval [{lo:+.4f}, {hi:+.4f}], "
          f"randomization p = {p:.4f} ({args.n} flips, seed {args.seed}); A better on {wins}, worse on {losses}")
    holes = sum(len(u) for u in ua.values()) + sum(len(u) for u in ub.values())
    if holes:
        print(f"note: {holes} unjudged statements in the two runs' top 10s (counted as 0)", file=sys.stderr)


if __name__ == "__main__":
    main()
