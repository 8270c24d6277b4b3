"""Shared pieces of the judged query set: queries, statement keys, Chinese bigrams, TREC runs.

A statement's key is its source, relative to the corpus folder, then '#' and its ordinal in that source
(`raw-html/2019-05-09-en-presser-qiao-ming-t1662118.html#3`, `mfa-presscon.jsonl#17`), as `podium parse
--format jsonl` gives them. Keys survive a rebuild of the index and a change of id scheme; Podium's ids do
not (a JSONL statement's id is whatever the file says; a page's id drops the file's extension).

Copies: the ministry's English pages and `mfa-presscon*.jsonl` hold the same statements twice, and the White
House archive reposts some releases. Statements whose question and answer are the same text (case, spacing
and punctuation aside) form one copy group; the group's smallest key stands for it in the pool, its grade
holds for every copy, and nDCG counts a group once in a ranking (a later copy gains nothing), as Podium
itself folds copies into one hit.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "queries.tsv"
QRELS = HERE / "qrels.tsv"
WORK = Path(os.environ.get("RELEVANCE_WORK", "/work/relevance"))

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RUN = re.compile(f"[{CJK}]+")
TOKEN = re.compile(f"[{CJK}]+|[^\\W_{CJK}]+")


def read_queries(path: Path = QUERIES) -> list[dict]:
    """The queries of queries.tsv as dicts: id, split, lang, query, relevant."""
    out = []
    header = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        if len(cols) != len(header):
            raise SystemExit(f"{path}: a line has {len(cols)} columns, not {len(header)}: {line[:60]!r}")
        out.append(dict(zip(header, cols)))
    return out


def select(queries: list[dict], split: str = "all", lang: str = "all") -> list[dict]:
    """The queries of one split (tune, test or all) and language (en, zh or all)."""
    return [q for q in queries if split in ("all", q["split"]) and lang in ("all", q["lang"])]


def bigrams(run: str) -> list[str]:
    """A run of CJK characters as its overlapping bigrams (a lone character stays itself)."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def split_cjk(text: str) -> str:
    """Text with every CJK run replaced by its bigrams, space-separated; other words kept (lowercased)."""
    out = []
    for tok in TOKEN.findall(text.lower()):
        out.extend(bigrams(tok) if CJK_RUN.fullmatch(tok) else [tok])
    return " ".join(out)


def copy_fingerprint(question: str, answer: str) -> str:
    """Question and answer with case, spacing and punctuation removed, hashed: equal for copies."""
    text = re.sub(r"[\W_]+", "", f"{question}{answer}".lower())
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def load_statements(path: Path | None = None) -> dict[str, dict]:
    """statements.jsonl (written by statements.py): key -> record with id, group and the fields."""
    path = path or WORK / "statements.jsonl"
    if not path.exists():
        raise SystemExit(f"{path} is missing: run statements.py first")
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            out[d["key"]] = d
    return out


def read_run(path: Path) -> dict[str, list[str]]:
    """A TREC run (qid Q0 key rank score tag) as qid -> keys, best first (by rank, then score)."""
    rows: dict[str, list[tuple[int, float, str]]] = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            c = line.split()
            if not c:
                continue
            if len(c) < 6:
                raise SystemExit(f"{path}:{n}: a TREC run line needs 6 columns, found {len(c)}")
            rows.setdefault(c[0], []).append((int(c[3]), -float(c[4]), c[2]))
    return {q: [k for _, _, k in sorted(r)] for q, r in rows.items()}


def write_run(path: Path, runs: dict[str, list[tuple[str, float]]], tag: str) -> None:
    """Writes qid -> [(key, score)] as a TREC run."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for qid, hits in runs.items():
            for rank, (key, score) in enumerate(hits, start=1):
                f.write(f"{qid} Q0 {key} {rank} {score:.6f} {tag}\n")


def read_qrels(path: Path = QRELS) -> dict[str, dict[str, int]]:
    """qrels.tsv (qid, key, grade) as qid -> key -> grade."""
    out: dict[str, dict[str, int]] = {}
    if not path.exists():
        raise SystemExit(f"{path} is missing: merge the grades first (merge_qrels.py)")
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("qid\t"):
            continue
        c = line.split("\t")
        if len(c) != 3 or c[2] not in ("0", "1", "2"):
            raise SystemExit(f"{path}:{n}: expected qid<TAB>key<TAB>grade (0, 1 or 2): {line[:80]!r}")
        out.setdefault(c[0], {})[c[1]] = int(c[2])
    return out
