#!/usr/bin/env python3
"""Runs the judged queries on a podium binary and writes TREC runs keyed by statement key.

    podium_runs.py PODIUM [--index /work/idx-judged] [--prefix podium] [--k 100]
                   [--config default|every-word|bigram-or ...] [-- EXTRA SEARCH FLAGS]

Each configuration is one `PODIUM search --batch FILE --format trec --limit K` over every query:
  default     the query as typed
  every-word  the query as typed, with --every-word
  bigram-or   Chinese runs of the query as their bigrams joined by OR (`萨德 OR 德部 OR 部署`): a plain
              bag-of-bigrams BM25; English queries as typed
Flags after `--` go to every search (`-- --ranking bm25f --proximity on`), so a new binary's knobs can be
run the same way. Writes runs/<prefix>-<config>.trec; Podium's ids are mapped to keys through
statements.jsonl, and an id that maps to no statement stops the run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import relset

CONFIGS = ("default", "every-word", "bigram-or")


def bigram_or(query: str) -> str:
    """The query's words, each CJK run as its bigrams, all joined by OR."""
    return " OR ".join(relset.split_cjk(query).split())


def query_text(q: dict, config: str) -> str:
    if config == "bigram-or" and relset.CJK_RUN.search(q["query"]):
        return bigram_or(q["query"])
    return q["query"]


def run_config(podium: str, index: str, config: str, k: int, extra: list[str], queries: list[dict],
               ids: dict[str, str]) -> dict[str, list[tuple[str, float]]]:
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", encoding="utf-8", delete=False) as f:
        for q in queries:
            f.write(f"{q['id']}\t{query_text(q, config)}\n")
        batch = f.name
    argv = [podium, "search", "--index", index, "--batch", batch, "--format", "trec", "--limit", str(k)]
    if config == "every-word":
        argv.append("--every-word")
    argv += extra
    proc = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8")
    Path(batch).unlink()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr.strip()[:500]}")
    runs: dict[str, list[tuple[str, float]]] = {q["id"]: [] for q in queries}
    for n, line in enumerate(proc.stdout.splitlines(), start=1):
        c = line.split()
        if not c:
            continue
        if len(c) != 6 or c[0] not in runs:
            raise SystemExit(f"podium's TREC output, line {n}: not a run line of a known query: {line[:100]!r}")
        if c[2] not in ids:
            raise SystemExit(f"podium returned the id {c[2]!r}, which no statement of statements.jsonl has")
        runs[c[0]].append((ids[c[2]], float(c[4])))
    return runs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("podium", help="the podium binary")
    ap.add_argument("--index", default="/work/idx-judged")
    ap.add_argument("--prefix", default="podium", help="run names: <prefix>-<config>")
    ap.add_argument("--config", nargs="+", choices=CONFIGS, default=list(CONFIGS))
    ap.add_argument("--k", type=int, default=100)
    ap.add_argument("--work", type=Path, default=relset.WORK)
    ap.add_argument("extra", nargs="*", help="flags for every search, after --")
    args = ap.parse_args()
    statements = relset.load_statements(args.work / "statements.jsonl")
    ids = {s["id"]: key for key, s in statements.items()}
    queries = relset.read_queries()
    for config in args.config:
        runs = run_config(args.podium, args.index, config, args.k, args.extra, queries, ids)
        name = f"{args.prefix}-{config}"
        relset.write_run(args.work / "runs" / f"{name}.trec", runs, name)
        few = {q: len(h) for q, h in runs.items() if len(h) < 10}
        print(f"{name}: {len(runs)} queries; fewer than 10 hits: {few}", file=sys.stderr)


if __name__ == "__main__":
    main()
