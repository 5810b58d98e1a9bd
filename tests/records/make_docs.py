#!/usr/bin/env python3
"""Mutated documents for the records test: deterministic, made from samples/.

Each document splices sentences of the sample articles and mutates them the
way scraped news goes wrong: quote marks dropped, doubled or swapped for
other styles, digits changed, line breaks moved, CRLF, stray punctuation,
case changed, words repeated. The same seed gives the same documents on
every machine (only random.random and randrange are used).

Usage: make_docs.py SAMPLES_DIR COUNT > docs.jsonl
"""
import json
import pathlib
import random
import re
import sys

QUOTES = ["“", "”", "«", "»", '"', "„", "‹", "›"]


def sentences(text):
    parts = re.split(r"(?<=[.!?…])\s+|\n+", text)
    return [p.strip() for p in parts if len(p.strip()) > 3]


def mutate(s, rnd):
    kind = rnd.randrange(10)
    if kind == 0:  # drop a quote mark
        marks = [i for i, c in enumerate(s) if c in QUOTES]
        if marks:
            i = marks[rnd.randrange(len(marks))]
            s = s[:i] + s[i + 1:]
    elif kind == 1:  # another quote style
        a, b = QUOTES[rnd.randrange(len(QUOTES))], QUOTES[rnd.randrange(len(QUOTES))]
        s = s.replace("“", a).replace("”", b)
    elif kind == 2:  # change digits
        s = re.sub(r"\d", lambda m: str(rnd.randrange(10)), s)
    elif kind == 3:  # a line break inside
        words = s.split(" ")
        if len(words) > 2:
            k = rnd.randrange(1, len(words))
            s = " ".join(words[:k]) + "\n" + " ".join(words[k:])
    elif kind == 4:  # repeat a word
        words = s.split(" ")
        k = rnd.randrange(len(words))
        words.insert(k, words[k])
        s = " ".join(words)
    elif kind == 5:  # stray punctuation
        k = rnd.randrange(len(s) + 1)
        s = s[:k] + ",:;—-()"[rnd.randrange(7)] + s[k:]
    elif kind == 6:  # upper case
        s = s.upper()
    elif kind == 7:  # open a quote that never closes
        s = QUOTES[rnd.randrange(len(QUOTES))] + s
    return s


def main():
    samples = sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))
    count = int(sys.argv[2])
    pool = []
    for p in samples:
        pool.extend(sentences(p.read_text(encoding="utf-8")))
    rnd = random.Random(20261129)
    for n in range(count):
        parts = []
        for _ in range(1 + rnd.randrange(12)):
            s = pool[rnd.randrange(len(pool))]
            if rnd.random() < 0.5:
                s = mutate(s, rnd)
            parts.append(s)
        sep = ["\n", " ", "\r\n", "\n\n"][rnd.randrange(4)]
        text = sep.join(parts)
        doc = {"id": f"m{n:05}", "text": text, "lang": "az"}
        if rnd.random() < 0.5:
            doc["date"] = f"20{10 + rnd.randrange(16)}-{1 + rnd.randrange(12):02}-{1 + rnd.randrange(28):02}"
        print(json.dumps(doc, ensure_ascii=False))


main()
