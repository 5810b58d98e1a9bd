#!/usr/bin/env python3
"""Corpora for the check benchmark, as JSON Lines, made from the samples
(deterministic).

  check_corpus.py SAMPLES_DIR sources N > sources.jsonl
  check_corpus.py SAMPLES_DIR drafts N  > drafts.jsonl

A source is 4-10 paragraphs drawn from all samples (so every source is a
different article, as in an archive). A draft is a sample article with one
word in one of every three paragraphs changed, so its quotes come out
verbatim, truncated, altered or not found, as in real use.
"""
import json
import pathlib
import random
import sys


def main():
    samples, kind, n = pathlib.Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.rglob("*.txt"))]
    paragraphs = [p for t in texts for p in t.split("\n") if len(p.split()) >= 5]
    rnd = random.Random(11 if kind == "sources" else 13)
    for i in range(n):
        if kind == "sources":
            text = "\n".join(rnd.sample(paragraphs, rnd.randint(4, 10)))
        else:
            paras = texts[i % len(texts)].split("\n")
            for k in range(0, len(paras), 3):
                words = paras[k].split(" ")
                if len(words) > 4:
                    words[rnd.randrange(len(words))] = "dəyişdirilmiş"
                    paras[k] = " ".join(words)
            text = "\n".join(paras)
        print(json.dumps({"id": f"{kind[0]}{i}", "text": text}, ensure_ascii=False))


if __name__ == "__main__":
    main()
