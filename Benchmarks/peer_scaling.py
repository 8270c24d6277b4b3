#!/usr/bin/env python3
"""How top-10 latency grows from the smallest to the largest corpus, for Tantivy and podium in the same run.

Both engines are driven through the bench harness's own adapters (`peers.py` in BENCH), so they see the
same query words in the same modes; podium searches the indexes `scale.sh build` made ($WORK/index-N),
Tantivy indexes of the same statements are built here, under $WORK/peers/.

  peer_scaling.py prepare WORK BENCH [--sizes 250000 1000000]
      $WORK/corpus-N -> peers/docs-N.jsonl ({"id","title","text": question + "\\n" + answer});
      $WORK/queries/KIND.tsv -> peers/queries/KIND.tsv (plain words: `+` and quotes dropped) and KIND.en.tsv
      (the English queries: ASCII only); a Tantivy index peers/tantivy-N per size. Existing files are kept.
  peer_scaling.py run WORK BENCH PODIUM [--rounds 10] [--sizes ...]
      -> $WORK/results/peers-run.jsonl: one JSON line per block (round, kind, engine, size, per-query ms,
         the queries without an answer)
  peer_scaling.py summary WORK
      -> a Markdown table on stdout and $WORK/results/peers.json

A round times every (engine, size) once on each query kind; a block is 1 untimed pass and 5 timed passes
over the kind's queries, a query's latency the median of its 5 passes, the block's the median over queries.
The order of the (engine, size) blocks rotates with the kind and the round, so no engine always runs first
or right after another. Single-term queries run in the harness's `or` mode, the others in their own.

The harness's Tantivy tokenizer (en_stem) does not cut Chinese into bigrams as podium does: a Chinese query
is one long token to Tantivy and mostly finds nothing, so only the English subset compares like with like.
"""
import argparse
import glob
import json
import os
import re
import statistics
import subprocess
import sys
import time

KINDS = [("single", "or"), ("and", "and"), ("or", "or"), ("phrase", "phrase")]  # query file, harness mode
ENGINES = ["tantivy", "podium"]
WARMUP, PASSES, K = 1, 5, 10


def peers_dir(work):
    return os.path.join(work, "peers")


def tantivy_index(work, size):
    return os.path.join(peers_dir(work), f"tantivy-{size}")


def podium_index(work, size):
    return os.path.join(work, f"index-{size}")


def run_file(work):
    return os.path.join(work, "results", "peers-run.jsonl")


# MARK: - prepare

def convert_docs(corpus, out):
    """Podium statements (JSONL parts) -> harness documents; written aside and renamed, so a file that
    exists is whole."""
    parts = sorted(glob.glob(os.path.join(corpus, "part-*.jsonl")))
    if not parts:
        sys.exit(f"error: no part-*.jsonl in {corpus}: run 'scale.sh gen' first")
    count = 0
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        for part in parts:
            with open(part, encoding="utf-8") as lines:
                for number, line in enumerate(lines, 1):
                    if not line.strip():
                        continue
                    try:
                        s = json.loads(line)
                        doc = {"id": s["id"], "title": s.get("title") or "",
                               "text": (s.get("question") or "") + "\n" + (s.get("answer") or "")}
                    except (ValueError, KeyError) as e:
                        sys.exit(f"error: {part}:{number}: not a statement ({e})")
                    f.write(json.dumps(doc, ensure_ascii=False) + "\n")
                    count += 1
    os.replace(out + ".tmp", out)
    return count


def plain_words(query):
    """A podium query as the harness's plain words: required marks and phrase quotes dropped (the harness
    adds its own per mode)."""
    return " ".join(re.sub(r'[+"]', " ", query).split())


def convert_queries(source, target):
    """Each kind's queries as plain words, and the English (ASCII) ones again in KIND.en.tsv."""
    os.makedirs(target, exist_ok=True)
    for kind, _ in KINDS:
        rows = []
        with open(os.path.join(source, kind + ".tsv"), encoding="utf-8") as f:
            for line in f:
                qid, tab, query = line.rstrip("\n").partition("\t")
                if tab:
                    rows.append((qid, plain_words(query)))
        with open(os.path.join(target, kind + ".tsv"), "w", encoding="utf-8") as f:
            f.writelines(f"{qid}\t{q}\n" for qid, q in rows)
        with open(os.path.join(target, kind + ".en.tsv"), "w", encoding="utf-8") as f:
            f.writelines(f"{qid}\t{q}\n" for qid, q in rows if q.isascii())
        say(f"queries {kind}: {len(rows)}, English {sum(q.isascii() for _, q in rows)}")


def prepare(work, bench, sizes):
    out = peers_dir(work)
    os.makedirs(out, exist_ok=True)
    convert_queries(os.path.join(work, "queries"), os.path.join(out, "queries"))
    for size in sizes:
        docs = os.path.join(out, f"docs-{size}.jsonl")
        if os.path.exists(docs):
            say(f"{docs} exists")
        else:
            say(f"converting corpus-{size}")
            say(f"{docs}: {convert_docs(os.path.join(work, f'corpus-{size}'), docs)} documents")
        index = tantivy_index(work, size)
        if os.path.exists(os.path.join(index, "peers_meta.json")):  # written by the harness once it is done
            say(f"{index} exists")
            continue
        say(f"indexing {size} documents with Tantivy (one thread)")
        subprocess.run([sys.executable, os.path.join(bench, "peers.py"), "index", "tantivy", docs, index,
                        "--threads", "1"], check=True)


# MARK: - run

def open_searchers(work, bench, podium, sizes):
    """One long-lived searcher per (engine, size), opened by the harness's adapters: Tantivy in this process,
    podium as one `podium search --batch -` child."""
    sys.path.insert(0, bench)
    import peers
    os.environ["PODIUM_BIN"] = podium  # the harness's podium adapter reads it
    searchers = []
    for size in sizes:
        for engine in ENGINES:
            index = tantivy_index(work, size) if engine == "tantivy" else podium_index(work, size)
            if not os.path.isdir(index):
                sys.exit(f"error: no index {index}: run 'scale.sh build' and 'peer_scaling.py prepare' first")
            options = argparse.Namespace(threads=0, heap_mb=None, index_cmd=None, search_cmd=None,
                                         batch_cmd=None, stdio_cmd=None)
            searcher = peers.ENGINES[engine](options)
            searcher.open(peers.Path(index))
            searchers.append((engine, size, searcher))
    return searchers, peers.read_queries


def time_block(searcher, queries, mode):
    """Per-query median of the timed passes (ms), and the queries that found nothing."""
    times = {qid: [] for qid, _ in queries}
    empty = []
    for p in range(WARMUP + PASSES):
        for qid, text in queries:
            start = time.perf_counter()
            hits = searcher.search(text, K, mode)
            elapsed = (time.perf_counter() - start) * 1000
            if p == 0 and not hits:
                empty.append(qid)
            if p >= WARMUP:
                times[qid].append(elapsed)
    return {qid: statistics.median(t) for qid, t in times.items()}, empty


def run(work, bench, podium, sizes, rounds):
    """Every round, every kind, every (engine, size) once, in an order rotated by kind and round."""
    searchers, read_queries = open_searchers(work, bench, podium, sizes)
    queries = {kind: read_queries(os.path.join(peers_dir(work), "queries", kind + ".tsv")) for kind, _ in KINDS}
    os.makedirs(os.path.dirname(run_file(work)), exist_ok=True)
    with open(run_file(work), "w", encoding="utf-8") as f:
        for r in range(rounds):
            for k, (kind, mode) in enumerate(KINDS):
                shift = (r + k) % len(searchers)
                for engine, size, searcher in searchers[shift:] + searchers[:shift]:
                    per_query, empty = time_block(searcher, queries[kind], mode)
                    block = {"round": r, "kind": kind, "engine": engine, "statements": size,
                             "median_ms": round(statistics.median(per_query.values()), 4), "empty": empty,
                             "per_query_ms": {qid: round(ms, 5) for qid, ms in per_query.items()}}
                    f.write(json.dumps(block) + "\n")
                    f.flush()
                    say(f"round {r + 1}/{rounds} {kind:6} {engine:7} {size:>8}: {block['median_ms']:.3f} ms")
    for _, _, searcher in searchers:
        searcher.close()


# MARK: - summary

def english_ids(work, kind):
    with open(os.path.join(peers_dir(work), "queries", kind + ".en.tsv"), encoding="utf-8") as f:
        return {line.split("\t", 1)[0] for line in f if "\t" in line}


def summary(work):
    """Median over rounds of each block's median per (engine, kind, size, subset); the ratio largest/smallest
    size of those medians, and the range of the same ratio taken round by round."""
    with open(run_file(work), encoding="utf-8") as f:
        blocks = [json.loads(line) for line in f if line.strip()]
    if not blocks:
        sys.exit(f"error: {run_file(work)} holds no blocks: run 'peer_scaling.py run' first")
    sizes = sorted({b["statements"] for b in blocks})
    english = {kind: english_ids(work, kind) for kind, _ in KINDS}
    per_round = {}  # (engine, kind, subset, size) -> {round: ms}
    empty = {}  # (engine, kind, subset, size) -> (queries without an answer, queries); the same every round
    for b in blocks:
        times = b["per_query_ms"]
        for subset in ("all", "English"):
            ids = [q for q in times if subset == "all" or q in english[b["kind"]]]
            key = (b["engine"], b["kind"], subset, b["statements"])
            per_round.setdefault(key, {})[b["round"]] = statistics.median(times[q] for q in ids)
            empty[key] = (len(set(ids) & set(b["empty"])), len(ids))
    small, large = sizes[0], sizes[-1]
    rows = []
    for engine in ENGINES:
        for subset in ("English", "all"):
            for kind, _ in KINDS:
                before, after = per_round[(engine, kind, subset, small)], per_round[(engine, kind, subset, large)]
                ms = {size: statistics.median(per_round[(engine, kind, subset, size)].values()) for size in sizes}
                ratios = [after[r] / before[r] for r in before if r in after and before[r] > 0]
                rows.append({"engine": engine, "subset": subset, "kind": kind,
                             "median_ms": {str(size): round(v, 4) for size, v in ms.items()},
                             "ratio": round(ms[large] / ms[small], 2),
                             "ratio_min": round(min(ratios), 2), "ratio_max": round(max(ratios), 2),
                             "queries": empty[(engine, kind, subset, large)][1],
                             "no_answer": {str(size): empty[(engine, kind, subset, size)][0] for size in sizes}})
    rounds = len({b["round"] for b in blocks})
    result = {"rounds": rounds, "passes": PASSES, "k": K, "sizes": sizes, "rows": rows}
    with open(os.path.join(work, "results", "peers.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    print_table(result)


def label(size):
    """250000 -> 250k, 1000000 -> 1M."""
    if size % 1000000 == 0:
        return f"{size // 1000000}M"
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def print_table(result):
    sizes = result["sizes"]
    large, small = label(sizes[-1]), label(sizes[0])
    print(f"Top-10 latency in ms: median over {result['rounds']} rounds of the median over queries, each query "
          f"the median of {result['passes']} passes; 'per round': the range of the {large}/{small} ratio round by "
          f"round; 'no answer': queries that found nothing at {large}.\n")
    print("| engine | queries | kind | " + " | ".join(label(s) for s in sizes) +
          f" | {large}/{small} | per round | no answer |")
    print("|---|---|---|" + "---:|" * len(sizes) + "---:|---|---:|")
    for row in result["rows"]:
        cells = [f"{row['median_ms'][str(s)]:.3f}" for s in sizes]
        print(f"| {row['engine']} | {row['subset']} | {row['kind']} | " + " | ".join(cells) +
              f" | {row['ratio']:.2f} | {row['ratio_min']:.2f}–{row['ratio_max']:.2f} | "
              f"{row['no_answer'][str(sizes[-1])]}/{row['queries']} |")


# MARK: - main

def say(message):
    print(f"{time.strftime('%H:%M:%S', time.gmtime())}  {message}", file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("prepare", "run", "summary"):
        p = commands.add_parser(name)
        p.add_argument("work")
        if name == "summary":
            continue
        p.add_argument("bench", help="a copy of ../shared/bench set up with its setup.sh")
        if name == "run":
            p.add_argument("podium", help="the podium binary")
            p.add_argument("--rounds", type=int, default=10)
        p.add_argument("--sizes", type=int, nargs="+", default=[250000, 1000000])
    args = parser.parse_args()
    if args.command == "summary":
        summary(args.work)
        return
    if not os.path.isfile(os.path.join(args.bench, "peers.py")):
        sys.exit(f"error: no peers.py in {args.bench}: BENCH must be a copy of ../shared/bench set up with setup.sh")
    if args.command == "prepare":
        prepare(args.work, args.bench, sorted(args.sizes))
    else:
        run(args.work, args.bench, args.podium, sorted(args.sizes), args.rounds)


if __name__ == "__main__":
    main()
