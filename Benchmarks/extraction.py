#!/usr/bin/env python3
"""Main-text extraction: podium against trafilatura on the scrapinghub article benchmark (issue 13).

    Benchmarks/extraction.py [--podium BIN] [--shared DIR] [--dev] [--per-page OUT.json] [--no-trafilatura]

Unzips the 181 pages of `../shared/extraction/scrapinghub/html/*.html.gz` to a temporary folder (not
timed), then, on the same cores:
- runs `podium parse --format jsonl` over the folder; a page's text is its statements' `question` and
  `answer` joined in order (empty fields skipped, paragraphs separated by blank lines);
- runs trafilatura (PyPI) as its own evaluation does (`trafilatura.extract(html, include_comments=False)`:
  the settings that give its published 0.958; with comments it scores about 0.953), one worker process
  per core, each reading its pages from the same folder.
Both outputs are scored with `../shared/bench/extraction_score.py` against `ground-truth.json`, over all
pages and over the held-out pages (hash starting with 0-4), and the script prints the F1s and the times:
`wall`, the whole run (podium's process; trafilatura's worker pool from its start, imports included);
`work`, the reading alone (podium's own summary line; trafilatura's pool from the first page to the
last, after its workers imported it); `cpu`, user + system seconds of the whole processes, and for
trafilatura also `work cpu`, the CPU its workers spent on the pages. On a shared machine the CPU time is
the steadier figure.

`--dev` scores only the development pages (hash not starting with 0-4) and skips trafilatura's figures
for the held-out ones: tune with it, report without it. `--per-page OUT.json` writes podium's per-page
precision and recall (development pages only).
"""
import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
HELD_OUT = tuple("01234")


def unzip_pages(source_dir, out_dir):
    keys = []
    for name in sorted(os.listdir(source_dir)):
        if not name.endswith(".html.gz"):
            continue
        key = name[: -len(".html.gz")]
        with gzip.open(os.path.join(source_dir, name), "rb") as src:
            data = src.read()
        with open(os.path.join(out_dir, key + ".html"), "wb") as dst:
            dst.write(data)
        keys.append(key)
    return keys


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_podium(binary, html_dir):
    cpu = children_cpu()
    start = time.perf_counter()
    done = subprocess.run([binary, "parse", "--format", "jsonl", html_dir], capture_output=True)
    seconds = time.perf_counter() - start
    cpu = children_cpu() - cpu
    texts = {}
    for line in done.stdout.decode("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if "source" not in row or "answer" not in row:
            continue  # a skip or warning record, not a statement
        key = os.path.basename(row["source"])[: -len(".html")]
        parts = texts.setdefault(key, [])
        for field in ("question", "answer"):
            if row.get(field):
                parts.append(row[field])
    # The work alone: podium's own summary line times the reading, without process start-up and listing.
    work = re.search(rb" in ([0-9.]+) s \(", done.stderr)
    timing = {"wall": seconds, "work": float(work.group(1)) if work else seconds, "cpu": cpu}
    return {k: "\n\n".join(v) for k, v in texts.items()}, timing


def _trafilatura_one(path):
    import trafilatura

    cpu = time.process_time()
    with open(path, "rb") as f:
        html = f.read()
    text = trafilatura.extract(html, include_comments=False) or ""
    return text, time.process_time() - cpu


def _warm_up(_):
    import trafilatura  # noqa: F401

    return True


def run_trafilatura(html_dir, keys, workers):
    paths = [os.path.join(html_dir, k + ".html") for k in keys]
    cpu = children_cpu()
    whole = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_warm_up, range(workers * 2)))
        start = time.perf_counter()
        outputs = list(pool.map(_trafilatura_one, paths, chunksize=4))
        seconds = time.perf_counter() - start
    whole = time.perf_counter() - whole
    cpu = children_cpu() - cpu  # the workers, start-up and imports included, once they have exited
    timing = {"wall": whole, "work": seconds, "cpu": cpu, "work cpu": sum(c for _, c in outputs)}
    return dict(zip(keys, [text for text, _ in outputs])), timing


def score(truth_path, texts, keys, per_page=False):
    truth = json.load(open(truth_path, encoding="utf-8"))
    subset = {k: truth[k] for k in keys}
    with tempfile.TemporaryDirectory() as tmp:
        t = os.path.join(tmp, "truth.json")
        p = os.path.join(tmp, "pred.json")
        json.dump(subset, open(t, "w", encoding="utf-8"))
        json.dump({k: {"articleBody": texts.get(k, "")} for k in keys}, open(p, "w", encoding="utf-8"))
        scorer = os.path.join(SHARED, "bench", "extraction_score.py")
        args = [sys.executable, scorer, t, p] + (["--per-page"] if per_page else [])
        out = subprocess.run(args, capture_output=True, check=True)
    return json.loads(out.stdout)


def main():
    global SHARED
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--podium", default=os.path.join(HERE, "..", ".build", "release", "podium"))
    parser.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    parser.add_argument("--dev", action="store_true", help="development pages only")
    parser.add_argument("--per-page", help="write podium's per-page scores (development pages) here")
    parser.add_argument("--no-trafilatura", action="store_true")
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    args = parser.parse_args()
    SHARED = os.path.abspath(args.shared)
    bench = os.path.join(SHARED, "extraction", "scrapinghub")
    truth = os.path.join(bench, "ground-truth.json")

    with tempfile.TemporaryDirectory() as tmp:
        keys = unzip_pages(os.path.join(bench, "html"), tmp)
        dev = [k for k in keys if not k.startswith(HELD_OUT)]
        held = [k for k in keys if k.startswith(HELD_OUT)]
        sets = [("dev", dev)] if args.dev else [("all", keys), ("held-out", held)]
        results = {}
        results["podium"] = run_podium(args.podium, tmp)
        podium_texts = results["podium"][0]
        if not args.no_trafilatura:
            results["trafilatura"] = run_trafilatura(tmp, keys, args.workers)

    print(f"pages: {len(keys)} (held-out {len(held)}, development {len(dev)}); workers: {args.workers}")
    for tool, (texts, timing) in results.items():
        figures = []
        for label, subset in sets:
            s = score(truth, texts, subset)
            figures.append(f"{label} F1 {s['f1']:.4f} (P {s['precision']:.3f} R {s['recall']:.3f})")
        times = "  ".join(f"{name} {value:.3f} s" for name, value in timing.items())
        print(f"{tool:12s} " + "  ".join(figures) + "  " + times)
    if "trafilatura" in results:
        podium, trafilatura = results["podium"][1], results["trafilatura"][1]
        print(
            "podium is faster than trafilatura: "
            f"{trafilatura['wall'] / podium['wall']:.1f}x in wall time (whole processes), "
            f"{trafilatura['work'] / podium['work']:.1f}x in wall time (the work alone), "
            f"{trafilatura['cpu'] / podium['cpu']:.1f}x in CPU time (whole processes), "
            f"{trafilatura['work cpu'] / podium['cpu']:.1f}x in CPU time (trafilatura's work alone)"
        )
    if args.per_page:
        s = score(truth, podium_texts, dev, per_page=True)
        json.dump(s["per_page"], open(args.per_page, "w"), indent=1)


if __name__ == "__main__":
    main()
