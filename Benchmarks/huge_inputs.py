#!/usr/bin/env python3
"""Generates huge inputs for the memory acceptance of issue #17: a JSONL file holding one very long
statement between ordinary ones, and one very large HTML page.

The text is sentences of ../shared/corpus's English JSONL, shuffled and varied (a made-up word in every
few sentences, so that the vocabulary keeps growing as in real text). The last megabyte of the long answer
holds the word given by --marker, found nowhere else, so a search can tell whether the end was indexed.

    python3 Benchmarks/huge_inputs.py --out /tmp/podium-huge --line-mb 100 --page-mb 200
"""

import argparse
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus"))


def sentences(limit=20000):
    found = []
    with open(os.path.join(CORPUS, "mfa-presscon.jsonl"), encoding="utf-8") as f:
        for line in f:
            answer = json.loads(line).get("answer", "")
            for s in re.split(r"(?<=[.!?])\s+", answer):
                if 20 <= len(s) <= 400:
                    found.append(s)
            if len(found) >= limit:
                break
    return found


def text(pool, size, rng, marker=None):
    """About `size` bytes of sentences; the marker, when given, in the last megabyte."""
    parts = []
    total = 0
    n = 0
    marked = marker is None
    while total < size:
        s = rng.choice(pool)
        n += 1
        if n % 4 == 0:
            s += " Reference item zq%x." % rng.randrange(1 << 24)
        if not marked and total > size - (512 << 10):
            s += " The %s clause stands here." % marker
            marked = True
        sep = "\n\n" if n % 6 == 0 else " "
        parts.append(s + sep)
        total += len(s.encode()) + len(sep)
    return "".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="/tmp/podium-huge")
    parser.add_argument("--line-mb", type=float, default=100)
    parser.add_argument("--page-mb", type=float, default=200, help="0 for no page")
    parser.add_argument("--marker", default="quetzalcoatlite")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = sentences()
    corpus = os.path.join(args.out, "corpus")
    os.makedirs(corpus, exist_ok=True)

    with open(os.path.join(corpus, "long.jsonl"), "w", encoding="utf-8") as f:
        for k in range(3):
            row = {"id": "before-%d" % k, "date": "2020-01-0%d" % (k + 1), "spokesperson": "Hua Chunying",
                   "question": rng.choice(pool), "answer": text(pool, 2000, rng)}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        long_row = {"id": "long-statement", "date": "2020-02-02", "spokesperson": "Geng Shuang",
                    "question": "What does the long statement say?",
                    "answer": text(pool, int(args.line_mb * (1 << 20)), rng, args.marker)}
        f.write(json.dumps(long_row, ensure_ascii=False) + "\n")
        row = {"id": "after", "date": "2020-03-03", "spokesperson": "Lu Kang", "question": rng.choice(pool),
               "answer": text(pool, 2000, rng)}
        f.write(json.dumps(row, ensure_ascii=False) + "\n")

    if args.page_mb > 0:
        with open(os.path.join(corpus, "huge-page.html"), "w", encoding="utf-8") as f:
            f.write("<html><head><title>A very long briefing</title></head><body>"
                    "<div id=\"News_Body_Time\">2020-04-04</div><div id=\"News_Body_Txt_A\">\n")
            size = int(args.page_mb * (1 << 20))
            written = 0
            while written < size:
                q = "<p>Q: %s</p>\n<p>A: %s</p>\n" % (rng.choice(pool), text(pool, 1500, rng))
                f.write(q)
                written += len(q.encode())
            f.write("</div></body></html>\n")


if __name__ == "__main__":
    main()
