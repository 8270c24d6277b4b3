#!/usr/bin/env python3
"""Runs the judged queries on the peers of ../shared/bench: Tantivy, SQLite FTS5 and bm25s.

    peer_runs.py [--bench ../shared/bench] [--engines tantivy fts5 bm25s] [--k 100] [--reindex]

Each peer indexes every statement of statements.jsonl (title, question and answer as one text, keyed by
statement key) through the adapters of the bench's peers.py, with their settings there (stemming, BM25
k1 and b). No peer splits Chinese into words, so every run of CJK characters, in the statements and in
the queries, is given to them already split into overlapping bigrams (`萨德部署` -> `萨德 德部 部署`);
English text is left as it is. Queries are ranked OR (the bench's relevance mode). Writes
runs/<engine>.trec (top --k, keyed by statement key) under the work folder.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import relset


def with_bigrams(text: str) -> str:
    """Text with each CJK run replaced by its bigrams; everything else left for the peer's analyzer."""
    return relset.CJK_RUN.sub(lambda m: " " + " ".join(relset.bigrams(m.group())) + " ", text)


def write_docs(statements: dict[str, dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for key, s in statements.items():
            text = "\n".join(x for x in (s["title"], s["question"], s["answer"]) if x)
            f.write(json.dumps({"id": key, "title": "", "text": with_bigrams(text)}, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=relset.HERE.parents[2] / "shared" / "bench")
    ap.add_argument("--engines", nargs="+", default=["tantivy", "fts5", "bm25s"])
    ap.add_argument("--k", type=int, default=100)
    ap.add_argument("--work", type=Path, default=relset.WORK)
    ap.add_argument("--reindex", action="store_true", help="rebuild the peers' indexes")
    args = ap.parse_args()
    sys.dont_write_bytecode = True
    sys.path.insert(0, str(args.bench.resolve()))
    import peers  # the bench's adapters, unchanged

    statements = relset.load_statements(args.work / "statements.jsonl")
    docs = args.work / "peer-docs.jsonl"
    if args.reindex or not docs.exists():
        write_docs(statements, docs)
    queries = relset.read_queries()
    opts = argparse.Namespace(threads=0, heap_mb=None)
    for name in args.engines:
        eng = peers.ENGINES[name](opts)
        index_dir = args.work / "peer-index" / name
        if args.reindex or not index_dir.exists():
            if index_dir.exists():
                shutil.rmtree(index_dir)
            index_dir.mkdir(parents=True)
            eng.index(str(docs), index_dir)
        eng.open(index_dir)
        runs = {q["id"]: eng.search(with_bigrams(q["query"]), args.k, "or") for q in queries}
        eng.close()
        unknown = {k for hits in runs.values() for k, _ in hits} - statements.keys()
        if unknown:
            raise SystemExit(f"{name} returned keys that are not statements: {sorted(unknown)[:3]}")
        relset.write_run(args.work / "runs" / f"{name}.trec", runs, name)
        empty = [q for q, h in runs.items() if not h]
        print(f"{name}: {len(runs)} queries, {len(empty)} with no hit {empty}", file=sys.stderr)


if __name__ == "__main__":
    main()
