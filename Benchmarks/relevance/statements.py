#!/usr/bin/env python3
"""Lists every statement of the corpus with its key, its Podium id and its copy group.

    statements.py PODIUM CORPUS [--out /work/relevance/statements.jsonl]

Runs `PODIUM parse CORPUS --format jsonl` and writes one JSON line per statement: key (source relative to
CORPUS, '#', ordinal), id (what `podium search` prints: a JSONL statement's own id, else the key without
the file's extension), group (the smallest key of its copy group, see relset.py), lang, date, speaker,
title, question, answer. Every other script reads this file.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import relset


def index_id(rel_source: str, ordinal: int, record: dict) -> str:
    """The id Podium's index gives a statement (checked against every run by podium_runs.py)."""
    if record.get("reader") == "jsonl":
        return record["id"]
    stem, ext = os.path.splitext(rel_source)
    if ext == ".gz":
        stem = os.path.splitext(stem)[0]
    return f"{stem}#{ordinal}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("podium", help="the podium binary")
    ap.add_argument("corpus", help="the corpus folder the index was built from")
    ap.add_argument("--out", type=Path, default=relset.WORK / "statements.jsonl")
    args = ap.parse_args()
    corpus = os.path.abspath(args.corpus)
    proc = subprocess.Popen([args.podium, "parse", corpus, "--format", "jsonl"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
    records = []
    for line in proc.stdout:
        d = json.loads(line)
        rel = os.path.relpath(os.path.abspath(d["source"]), corpus)
        key = f"{rel}#{d['ordinal']}"
        records.append({
            "key": key, "id": index_id(rel, d["ordinal"], d), "lang": d.get("language") or "",
            "date": d.get("date") or "", "speaker": d.get("spokesperson") or "", "title": d.get("title") or "",
            "question": d.get("question") or "", "answer": d.get("answer") or "",
            "fp": relset.copy_fingerprint(d.get("question") or "", d.get("answer") or ""),
        })
    if proc.wait() != 0:
        raise SystemExit(f"{args.podium} parse {corpus} failed with status {proc.returncode}")
    keys = [r["key"] for r in records]
    if len(set(keys)) != len(keys):
        raise SystemExit("two statements have the same key")
    group: dict[str, str] = {}
    for r in records:
        if r["fp"] not in group or r["key"] < group[r["fp"]]:
            group[r["fp"]] = r["key"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for r in records:
            r["group"] = group[r["fp"]]
            del r["fp"]
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    tmp.replace(args.out)
    groups = len({r["group"] for r in records})
    print(f"{len(records)} statements, {groups} copy groups -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
