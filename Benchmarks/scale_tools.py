#!/usr/bin/env python3
"""Helpers for scale.sh: query latency, answer sets, concurrent readers, unreferenced index files.

All of them drive the `podium` binary through its command line (`podium search --batch - --format trec`):
one query line in, its TREC lines and an empty line out, so each answer can be timed and checked.

  scale_tools.py latency PODIUM INDEX QUERY_DIR [--passes 5]      -> JSON: median and p95 ms per query kind
  scale_tools.py answers PODIUM INDEX QUERY_DIR OUT              -> OUT: qid<TAB>doc ids, for every query file
  scale_tools.py answers-file PODIUM INDEX QUERY_FILE OUT         -> OUT: qid<TAB>doc ids
  scale_tools.py same-answers A B                                 -> exit 1 when two answer files differ
  scale_tools.py same-top A B                                     -> the same, for `answers --scores` files:
                                                                     equal scores, equal statements ties aside
  scale_tools.py reader PODIUM INDEX QUERY_FILE OUT STOP_FILE     -> loops until STOP_FILE exists

answers, answers-file and reader take `--limit N` (default 10) and `--sets`: record which statements match
(sorted ids) rather than their order; answers also takes `--scores`: ids with their scores, in rank order.
Two commits with the same statements order tied scores apart (by doc id), so `same-top` compares ties as sets.
  scale_tools.py check-readers REFS_DIR OUT...                    -> every observed answer in some reference
  scale_tools.py unreferenced INDEX                               -> lists files no commit references
"""
import json
import os
import statistics
import subprocess
import sys
import time


class BatchSearch:
    """One long-lived `podium search --batch -` process."""

    def __init__(self, podium, index, limit):
        self.proc = subprocess.Popen(
            [podium, "search", "--index", index, "--batch", "-", "--format", "trec", "--limit", str(limit)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)

    def ask(self, qid, query):
        """The doc ids answered for one query, in rank order."""
        return [doc for doc, _ in self.ask_scored(qid, query)]

    def ask_scored(self, qid, query):
        """(doc id, score) pairs answered for one query, in rank order."""
        self.proc.stdin.write(f"{qid}\t{query}\n")
        self.proc.stdin.flush()
        docs = []
        while True:
            line = self.proc.stdout.readline()
            if line == "":
                err = self.proc.stderr.read()
                raise RuntimeError(f"podium search ended early on {qid!r}: {err.strip()}")
            line = line.rstrip("\n")
            if line == "":
                return docs
            parts = line.split()
            if len(parts) >= 5:
                docs.append((parts[2], float(parts[4])))

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=60)
        err = self.proc.stderr.read()
        return self.proc.returncode, err


def read_queries(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" in line:
                qid, query = line.split("\t", 1)
                out.append((qid, query))
    return out


KINDS = ["single", "and", "or", "phrase", "runs"]


def latency(podium, index, qdir, passes=5):
    search = BatchSearch(podium, index, 10)
    result = {}
    for kind in KINDS:
        if not os.path.exists(os.path.join(qdir, kind + ".tsv")):
            continue  # query sets made before the Chinese runs
        queries = read_queries(os.path.join(qdir, kind + ".tsv"))
        for qid, q in queries:  # warm-up pass
            search.ask(qid, q)
        times = {qid: [] for qid, _ in queries}
        for _ in range(passes):
            for qid, q in queries:
                start = time.perf_counter()
                search.ask(qid, q)
                times[qid].append((time.perf_counter() - start) * 1000)
        per_query = sorted(statistics.median(t) for t in times.values())
        result[kind] = {
            "queries": len(queries),
            "median_ms": round(statistics.median(per_query), 3),
            "p95_ms": round(per_query[int(0.95 * (len(per_query) - 1))], 3),
        }
    code, err = search.close()
    if code != 0:
        raise RuntimeError(f"podium search exited {code}: {err}")
    return result


def render(docs, sets):
    """Doc ids as one field: in rank order, or sorted (`sets`: which statements match, whatever the scores)."""
    return " ".join(sorted(docs) if sets else docs)


def answers(podium, index, qdir, out, limit, sets, scores=False):
    search = BatchSearch(podium, index, limit)
    with open(out, "w", encoding="utf-8") as f:
        for kind in KINDS:
            if not os.path.exists(os.path.join(qdir, kind + ".tsv")):
                continue
            for qid, q in read_queries(os.path.join(qdir, kind + ".tsv")):
                if scores:
                    line = " ".join(f"{doc}={score:.4f}" for doc, score in search.ask_scored(qid, q))
                else:
                    line = render(search.ask(qid, q), sets)
                f.write(f"{kind}:{qid}\t{line}\n")
    code, err = search.close()
    if code != 0:
        raise RuntimeError(f"podium search exited {code}: {err}")


def answers_file(podium, index, qfile, out, limit, sets):
    search = BatchSearch(podium, index, limit)
    with open(out, "w", encoding="utf-8") as f:
        for qid, q in read_queries(qfile):
            f.write(f"{qid}\t{render(search.ask(qid, q), sets)}\n")
    code, err = search.close()
    if code != 0:
        raise RuntimeError(f"podium search exited {code}: {err}")


def same_top(a, b):
    """Whether two ranked answers (`doc=score` fields) are the same, ties aside: the same scores rank by
    rank, and within each run of equal scores the same statements, except in the run the cut at k ends,
    where which of the tied statements made the cut is arbitrary."""
    def groups(answer):
        runs = []
        for field in answer.split():
            doc, score = field.rsplit("=", 1)
            if runs and runs[-1][0] == score:
                runs[-1][1].add(doc)
            else:
                runs.append((score, {doc}))
        return runs
    ga, gb = groups(a), groups(b)
    if [s for s, _ in ga] != [s for s, _ in gb] or [len(d) for _, d in ga] != [len(d) for _, d in gb]:
        return False
    return all(da == db for (_, da), (_, db) in zip(ga[:-1], gb[:-1]))


def load_answers(path):
    with open(path, encoding="utf-8") as f:
        return dict(line.rstrip("\n").split("\t", 1) for line in f if "\t" in line)


def reader(podium, index, qfile, out, stop, limit, sets, passes_per_process=3):
    """Opens a snapshot (a new process), asks every query `passes_per_process` times, starts over.

    Writes one line per answer: process number, pass, qid, doc ids; and ERROR lines for failures."""
    queries = read_queries(qfile)
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        while not os.path.exists(stop):
            n += 1
            try:
                search = BatchSearch(podium, index, limit)
                for p in range(passes_per_process):
                    for qid, q in queries:
                        f.write(f"{n}\t{p}\t{qid}\t{render(search.ask(qid, q), sets)}\n")
                code, err = search.close()
                if code != 0 or err.strip():
                    f.write(f"ERROR\t{n}\texit {code}: {err.strip()}\n")
            except Exception as e:  # a crash of the reader is a finding, not a reason to stop
                f.write(f"ERROR\t{n}\t{e}\n")
            f.flush()


def check_readers(refs_dir, outs):
    """Every answer a reader saw must be the answer of one committed generation, and one process must see
    one generation throughout (its snapshot)."""
    refs = {}
    for name in sorted(os.listdir(refs_dir)):
        for qid, docs in load_answers(os.path.join(refs_dir, name)).items():
            refs.setdefault(qid, set()).add(docs)
    answers_seen = errors = wrong = unstable = processes = 0
    for out in outs:
        seen = {}
        with open(out, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if parts[0] == "ERROR":
                    errors += 1
                    print("reader error:", line.strip(), file=sys.stderr)
                    continue
                proc, _, qid = parts[0], parts[1], parts[2]
                docs = parts[3] if len(parts) > 3 else ""
                answers_seen += 1
                if docs not in refs.get(qid, ()):
                    wrong += 1
                    if wrong <= 5:
                        print(f"wrong answer in {out}: process {proc} {qid}: {docs[:120]}", file=sys.stderr)
                first = seen.setdefault((proc, qid), docs)
                if first != docs:
                    unstable += 1
        processes += len({p for p, _ in seen})
    return {"reader_processes": processes, "answers": answers_seen, "errors": errors, "wrong": wrong,
            "changed_within_a_process": unstable, "references": len(os.listdir(refs_dir))}


def unreferenced(index):
    with open(os.path.join(index, "meta.json"), encoding="utf-8") as f:
        commit = json.load(f)["commit"]
    kinds = ["tim", "doc", "pos", "nrm", "dat", "sto", "ids"]  # SegmentInfo.fileNames, index format 3
    referenced = {"meta.json", "write.lock"}
    for seg in commit["segments"]:
        referenced.update(f"{seg['id']}.{k}" for k in kinds)
        if seg.get("deleteGeneration", 0) > 0:
            referenced.add(f"{seg['id']}_{seg['deleteGeneration']}.del")
    return sorted(set(os.listdir(index)) - referenced)


def options(argv):
    """`--limit N`, `--sets` and `--scores` anywhere after the positional arguments."""
    limit, sets, rest = 10, False, []
    i = 0
    while i < len(argv):
        if argv[i] == "--limit":
            limit = int(argv[i + 1])
            i += 2
        elif argv[i] == "--sets":
            sets = True
            i += 1
        elif argv[i] == "--scores":
            sets = "scores"
            i += 1
        else:
            rest.append(argv[i])
            i += 1
    return rest, limit, sets


def main(argv):
    argv, limit, sets = options(argv)
    cmd = argv[1]
    if cmd == "latency":
        passes = int(argv[6]) if len(argv) > 6 and argv[5] == "--passes" else 5
        print(json.dumps(latency(argv[2], argv[3], argv[4], passes)))
    elif cmd == "answers":
        answers(argv[2], argv[3], argv[4], argv[5], limit, sets is True, scores=sets == "scores")
    elif cmd == "answers-file":
        answers_file(argv[2], argv[3], argv[4], argv[5], limit, sets)
    elif cmd == "same-answers":
        a, b = load_answers(argv[2]), load_answers(argv[3])
        differ = [k for k in a if a[k] != b.get(k)] + [k for k in b if k not in a]
        print(json.dumps({"queries": len(a), "differ": len(differ), "examples": differ[:5]}))
        return 1 if differ else 0
    elif cmd == "same-top":
        a, b = load_answers(argv[2]), load_answers(argv[3])
        differ = [k for k in a if not same_top(a[k], b.get(k, ""))] + [k for k in b if k not in a]
        print(json.dumps({"queries": len(a), "differ": len(differ), "examples": differ[:5]}))
        return 1 if differ else 0
    elif cmd == "reader":
        reader(argv[2], argv[3], argv[4], argv[5], argv[6], limit, sets)
    elif cmd == "check-readers":
        result = check_readers(argv[2], argv[3:])
        print(json.dumps(result))
        return 1 if result["errors"] or result["wrong"] else 0
    elif cmd == "unreferenced":
        files = unreferenced(argv[2])
        print("\n".join(files))
        return 1 if files else 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
