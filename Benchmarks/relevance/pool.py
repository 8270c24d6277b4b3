#!/usr/bin/env python3
"""Pools the runs for grading: one file per query, with no engine's name in it.

    pool.py [RUN.trec ...] [--depth 20] [--seed 15] [--out /work/relevance/pool]

Takes the top --depth distinct statements of every run (default: every runs/*.trec of the work folder) per
query, copies folded into their group's key first (relset.py), so a run that lists a statement and its copy
is pooled as deep as one that does not; drops duplicates, shuffles them with a seed drawn from
--seed and the query id, and writes <out>/<qid>.md: the query, what counts as relevant, the grading scale,
how to write the grades, then each statement as `### <key>` with its date, speaker, title, question and
answer (an answer over --cut characters is cut, with a marker). Also <out>/sizes.tsv (qid, pooled).
A key already graded in --qrels (or in grades/) is left out, so the same script tops a pool up.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import relset

SCALE = ("Grades: 2 = the statement is about what the description says (highly relevant); "
         "1 = it touches it in passing or gives useful background (the description's 'Grade 1'); "
         "0 = otherwise.")


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rstrip() + f"\n\n[... cut here: {len(text) - limit} more characters not shown]"


def quoted(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.splitlines()) or "> (none)"


def render(q: dict, keys: list[str], statements: dict[str, dict], limit: int, grades_file: Path) -> str:
    out = [f"# {q['id']}: {q['query']}", "",
           f"**Query** ({q['lang']}): `{q['query']}`", "",
           f"**What counts as relevant:** {q['relevant']}", "", SCALE, "",
           f"Read each statement below and write `{grades_file}`: one line per statement, "
           "`key<TAB>grade`, for every key of this file (the text after `### `). "
           "Judge the statement as a reader looking for the query would, from its text alone.", "",
           f"{len(keys)} statements.", ""]
    for key in keys:
        s = statements[key]
        out += ["---", "", f"### {key}", "",
                f"- date: {s['date'] or '(none)'}", f"- speaker: {s['speaker'] or '(none)'}",
                f"- title: {s['title'] or '(none)'}", "",
                "**Question:**", "", quoted(cut(s["question"], 1500)), "",
                "**Answer:**", "", quoted(cut(s["answer"], limit)), ""]
    return "\n".join(out) + "\n"


def graded_keys(qrels: Path, grades_dir: Path) -> dict[str, set[str]]:
    """Keys already graded per query, from the qrels and the graders' files."""
    done: dict[str, set[str]] = {}
    if qrels.exists():
        for qid, g in relset.read_qrels(qrels).items():
            done.setdefault(qid, set()).update(g)
    for f in grades_dir.glob("*.tsv") if grades_dir.exists() else []:
        for line in f.read_text(encoding="utf-8").splitlines():
            c = line.split("\t")
            if len(c) >= 2 and c[0].strip():
                done.setdefault(f.name.split(".")[0], set()).add(c[0].strip())
    return done


def pool(runs: list[dict[str, list[str]]], qid: str, depth: int, statements: dict[str, dict],
         skip: set[str]) -> list[str]:
    """The distinct copy groups in the top `depth` of the runs for a query, minus those already graded."""
    seen: list[str] = []
    for run in runs:
        for group in folded(run.get(qid, []), statements)[:depth]:
            if group not in seen and group not in skip:
                seen.append(group)
    return seen


def folded(keys: list[str], statements: dict[str, dict]) -> list[str]:
    """A ranking as its copy groups, each at its first place: depth counts distinct statements."""
    out: list[str] = []
    for key in keys:
        group = statements[key]["group"]
        if group not in out:
            out.append(group)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="*", type=Path)
    ap.add_argument("--depth", type=int, default=20)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--cut", type=int, default=2500)
    ap.add_argument("--work", type=Path, default=relset.WORK)
    ap.add_argument("--out", type=Path, help="default: <work>/pool")
    ap.add_argument("--qrels", type=Path, default=relset.QRELS)
    ap.add_argument("--fresh", action="store_true", help="pool everything, ignoring grades already made")
    ap.add_argument("--queries", nargs="*", help="only these query ids")
    args = ap.parse_args()
    write_pool(args.runs or sorted((args.work / "runs").glob("*.trec")), args.out or args.work / "pool",
               args.work, depth=args.depth, seed=args.seed, limit=args.cut, qrels=args.qrels, fresh=args.fresh,
               only=args.queries, suffix="")


def write_pool(paths: list[Path], out: Path, work: Path, depth: int, seed: int, limit: int, qrels: Path,
               fresh: bool, only: list[str] | None, suffix: str) -> list[tuple[str, int]]:
    """Writes <out>/<qid>.md for every query with something to grade, and <out>/sizes.tsv.

    The graders are asked to write <work>/grades/<qid><suffix>.tsv."""
    if not paths:
        raise SystemExit("no runs to pool")
    grades_dir = work / "grades"
    statements = relset.load_statements(work / "statements.jsonl")
    runs = [relset.read_run(p) for p in paths]
    unknown = {k for r in runs for keys in r.values() for k in keys} - statements.keys()
    if unknown:
        raise SystemExit(f"the runs hold keys that are not statements: {sorted(unknown)[:3]}")
    done = {} if fresh else graded_keys(qrels, grades_dir)
    out.mkdir(parents=True, exist_ok=True)
    sizes = []
    for q in relset.read_queries():
        if only and q["id"] not in only:
            continue
        skip = {statements[k]["group"] for k in done.get(q["id"], set()) if k in statements}
        keys = pool(runs, q["id"], depth, statements, skip | done.get(q["id"], set()))
        random.Random(f"{seed}/{q['id']}").shuffle(keys)
        sizes.append((q["id"], len(keys)))
        if keys:
            text = render(q, keys, statements, limit, grades_dir / f"{q['id']}{suffix}.tsv")
            (out / f"{q['id']}.md").write_text(text, encoding="utf-8")
    with open(out / "sizes.tsv", "w", encoding="utf-8") as f:
        f.write("qid\tpooled\n")
        for qid, n in sizes:
            f.write(f"{qid}\t{n}\n")
    print(f"{len(paths)} runs, {len(sizes)} queries, {sum(n for _, n in sizes)} statements to grade -> {out}",
          file=sys.stderr)
    return sizes


if __name__ == "__main__":
    main()
