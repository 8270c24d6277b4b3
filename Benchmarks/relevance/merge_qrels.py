#!/usr/bin/env python3
"""Merges the graders' files into qrels.tsv (qid, key, grade) and copies.tsv (key, copy group).

    merge_qrels.py [--grades /work/relevance/grades] [--check-pool]

Reads every grades/<qid>.tsv and grades/<qid>.<anything>.tsv (a top-up's), one `key<TAB>grade` per line
(grade 0, 1 or 2; blank lines, `#` comments and a `key grade` header are passed over). A grade holds for
every copy of the statement, so each copy's key is written too, and copies.tsv keeps the groups of the
graded keys that have copies, which is what ndcg.py needs to count a statement once however many copies a
run lists. Grades already in qrels.tsv are kept; a grader's file that grades a key differently is reported
and wins. --check-pool lists pooled keys nobody graded yet.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import relset

COPIES = relset.HERE / "copies.tsv"


def read_grades(path: Path, known: set[str]) -> dict[str, int]:
    out = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        c = s.split("\t") if "\t" in s else s.split()
        if len(c) < 2 or c[1].strip() not in ("0", "1", "2"):
            if n == 1 and c[0].lower() in ("key", "id"):
                continue
            raise SystemExit(f"{path}:{n}: expected key<TAB>grade with grade 0, 1 or 2: {line[:100]!r}")
        key = c[0].strip()
        if key not in known:
            raise SystemExit(f"{path}:{n}: {key!r} is not a statement key (see statements.jsonl)")
        out[key] = int(c[1])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, default=relset.WORK)
    ap.add_argument("--grades", type=Path, help="default: <work>/grades")
    ap.add_argument("--qrels", type=Path, default=relset.QRELS)
    ap.add_argument("--copies", type=Path, default=COPIES)
    ap.add_argument("--check-pool", action="store_true")
    args = ap.parse_args()
    grades_dir = args.grades or args.work / "grades"
    statements = relset.load_statements(args.work / "statements.jsonl")
    members: dict[str, list[str]] = {}
    for key, s in statements.items():
        members.setdefault(s["group"], []).append(key)
    qids = {q["id"] for q in relset.read_queries()}
    qrels = relset.read_qrels(args.qrels) if args.qrels.exists() else {}
    files = sorted(grades_dir.glob("*.tsv")) if grades_dir.exists() else []
    for f in files:
        qid = f.name.split(".")[0]
        if qid not in qids:
            raise SystemExit(f"{f}: {qid!r} is not a query id of queries.tsv")
        for key, grade in read_grades(f, statements.keys()).items():
            for copy in members[statements[key]["group"]]:
                old = qrels.setdefault(qid, {}).get(copy)
                if old is not None and old != grade and copy == key:
                    print(f"{f.name}: {key} was graded {old}, now {grade}", file=sys.stderr)
                qrels[qid][copy] = grade
    with open(args.qrels, "w", encoding="utf-8") as out:
        out.write("qid\tkey\tgrade\n")
        for qid in sorted(qrels):
            for key in sorted(qrels[qid]):
                out.write(f"{qid}\t{key}\t{qrels[qid][key]}\n")
    graded = {k for g in qrels.values() for k in g}
    with open(args.copies, "w", encoding="utf-8") as out:
        out.write("key\tgroup\n")
        for key in sorted(graded):
            group = statements[key]["group"]
            if len(members[group]) > 1:
                out.write(f"{key}\t{group}\n")
    n = sum(len(g) for g in qrels.values())
    print(f"{len(files)} grade files, {len(qrels)} queries, {n} judgments (copies included) -> {args.qrels}",
          file=sys.stderr)
    if args.check_pool:
        pool_dir = args.work / "pool"
        for q in sorted(qids):
            p = pool_dir / f"{q}.md"
            if p.exists():
                missing = [k for k in re.findall(r"^### (.+)$", p.read_text(encoding="utf-8"), re.M)
                           if k not in qrels.get(q, {})]
                if missing:
                    print(f"{q}: {len(missing)} pooled, not graded: {' '.join(missing[:5])}", file=sys.stderr)


if __name__ == "__main__":
    main()
