#!/usr/bin/env python3
"""Random single-byte flips in an index: every search and export either gives the undamaged answer or fails
with exit status 3 naming the damaged file. Never a changed answer with exit 0.

    Benchmarks/corruption.py --bin .build/release/podium [--flips 500] [--work /tmp/corruption] [--seed 1]

Builds (once, kept in --work) an index of ../shared/corpus plus generated statements (`podium-corpusgen
--statements 60000 --files 6`, built in this package), larger than 64 MB; or searches --index DIR as given.
Then, per flip: XOR one random byte of one file (chosen uniformly over all the index's bytes) with a random
non-zero value, run 20 fixed queries (`search --batch --format trec --limit 10`) and an export of a frequent
word (`export WORD --all --format jsonl`), compare with the undamaged answers, and put the byte back.

Prints how many flips were caught (exit 3 naming the file), had no effect (same answers), and, the failures,
changed an answer silently or failed otherwise; exits 1 on any failure.
"""

import argparse
import os
import random
import signal
import subprocess
import sys
import time

QUERIES = [
    "trade", "china", "sanctions", "human rights", "trade AND tariffs", "taiwan OR hong kong",
    '"belt and road"', '"south china sea"', "climat*", "develop*", "speaker:hua", "cooperation -economic",
    "+ukraine +russia", "(japan OR korea) AND nuclear", '"united states" pandemic', "date:2019..2020 trade",
    "outlet:reuters", "investment economy growth", "lang:zh 合作", "question:sovereignty",
]
EXPORT_WORD = "pandemic"  # 2,850 statements in the index built here


def run(binary, args):
    p = subprocess.run([binary] + args, capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def build_index(binary, work):
    index = os.path.join(work, "index")
    if os.path.exists(os.path.join(index, "meta.json")):
        return index
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(os.path.dirname(here), "..", "shared", "corpus")
    generated = os.path.join(work, "generated")
    if not os.path.isdir(generated):
        subprocess.run(["swift", "build", "-c", "release", "--product", "podium-corpusgen"], cwd=here, check=True)
        gen = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=here, check=True,
                             capture_output=True, text=True).stdout.strip()
        subprocess.run([os.path.join(gen, "podium-corpusgen"), "--statements", "60000", "--files", "6",
                        "--out", generated], check=True)
    code, _, err = run(binary, ["index", "build", "--corpus", os.path.realpath(shared), "--corpus", generated,
                                "--index", index])
    if code != 0:
        sys.exit(f"index build failed: {err}")
    return index


def answers(binary, index, batch, word):
    search = run(binary, ["search", "--index", index, "--batch", batch, "--format", "trec", "--limit", "10"])
    export = run(binary, ["export", word, "--all", "--format", "jsonl", "--index", index])
    return search, export


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--flips", type=int, default=500)
    parser.add_argument("--work", default="/tmp/podium-corruption")
    parser.add_argument("--index", help="an index to damage instead of building one (it is restored)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--export-word", default=EXPORT_WORD)
    opts = parser.parse_args()
    # SIGTERM unwinds like ^C, so the byte being tested is put back.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    binary = os.path.abspath(opts.bin)
    os.makedirs(opts.work, exist_ok=True)
    index = opts.index or build_index(binary, opts.work)
    batch = os.path.join(opts.work, "queries.tsv")
    with open(batch, "w") as f:
        f.writelines(f"q{k + 1}\t{q}\n" for k, q in enumerate(QUERIES))

    files = sorted(n for n in os.listdir(index) if os.path.isfile(os.path.join(index, n)))
    sizes = [os.path.getsize(os.path.join(index, n)) for n in files]
    total = sum(sizes)
    print(f"index {index}: {len(files)} files, {total / 1e6:.1f} MB")
    clean = answers(binary, index, batch, opts.export_word)
    for name, (code, out, err) in zip(["search", "export"], clean):
        if code != 0:
            sys.exit(f"the undamaged index fails {name}: {err}")
    lines = [out.count(b"\n") for _, out, _ in clean]
    print(f"undamaged: {lines[0]} run lines, export of '{opts.export_word}' {lines[1]} statements")

    rng = random.Random(opts.seed)
    counts = {"caught": 0, "no effect": 0, "silent": 0, "wrong error": 0}
    by_kind = {}
    started = time.time()
    for flip in range(opts.flips):
        at = rng.randrange(total)
        k = 0
        while at >= sizes[k]:
            at -= sizes[k]
            k += 1
        name, mask = files[k], rng.randrange(1, 256)
        path = os.path.join(index, name)
        with open(path, "r+b") as f:
            f.seek(at)
            byte = f.read(1)[0]
            f.seek(at)
            f.write(bytes([byte ^ mask]))
        try:
            got = answers(binary, index, batch, opts.export_word)
        finally:
            with open(path, "r+b") as f:
                f.seek(at)
                f.write(bytes([byte]))
        verdicts = []
        for (code, out, err), (_, clean_out, _) in zip(got, clean):
            if code == 0 and out == clean_out:
                verdicts.append("no effect")
            elif code == 3 and name in err:
                verdicts.append("caught")
            elif code == 0:
                verdicts.append("silent")
            else:
                verdicts.append("wrong error")
        verdict = next((v for v in ["silent", "wrong error", "caught"] if v in verdicts), "no effect")
        counts[verdict] += 1
        kind = name.rsplit(".", 1)[-1] if "." in name else name
        by_kind.setdefault(kind, {}).setdefault(verdict, 0)
        by_kind[kind][verdict] += 1
        if verdict in ("silent", "wrong error"):
            detail = " | ".join(f"exit {c}: {e.strip()[:200]}" for c, _, e in got)
            print(f"FLIP {flip}: {name} byte {at} ^ {mask:#04x}: {verdict}: {detail}")
    elapsed = time.time() - started
    print(f"{opts.flips} flips in {elapsed:.0f} s: " + ", ".join(f"{v} {n}" for v, n in counts.items()))
    for kind in sorted(by_kind):
        print(f"  {kind}: " + ", ".join(f"{v} {n}" for v, n in sorted(by_kind[kind].items())))
    return 1 if counts["silent"] or counts["wrong error"] else 0


if __name__ == "__main__":
    sys.exit(main())
