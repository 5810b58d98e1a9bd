#!/usr/bin/env python3
"""Benchmark corpora as JSON Lines, made from the samples (deterministic).

  make_corpus.py SAMPLES_DIR MB az    > az.jsonl     the az samples, repeated
  make_corpus.py SAMPLES_DIR MB mixed > mixed.jsonl  the samples in three scripts

"mixed" cycles through each sample as written (Azerbaijani, Latin script),
in Cyrillic (the letters mapped one to one, as Azerbaijani was written
before 1991: language detection and the common pack see Cyrillic text) and
folded to ASCII (no language pack matches it: the common pack only). Every
third document is a sentence-shuffled one, so the matcher also meets text
it has not seen in that order. Documents repeat: this measures speed, not
accuracy.
"""
import json
import pathlib
import random
import sys

CYR = dict(zip(
    "abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ",
    "абҹчдеәфҝғһхыијкглмноөпрсштуүвјзАБҸЧДЕӘФҜҒҺХЫИЖКГЛМНОӨПРСШТУҮВЈЗ"))
ASCII = dict(zip("çəğıöşüÇƏĞİÖŞÜ", "cegiosuCEGIOSU"))


def render(text, how):
    table = CYR if how == "cyrillic" else ASCII if how == "ascii" else None
    return text if table is None else "".join(table.get(c, c) for c in text)


def main():
    samples, mb, kind = pathlib.Path(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.rglob("*.txt"))]
    rnd = random.Random(7)
    want = int(mb * 1e6)
    size = n = 0
    out = sys.stdout
    while size < want:
        text = texts[n % len(texts)]
        if kind == "mixed":
            text = render(text, ["latin", "cyrillic", "ascii"][(n // len(texts)) % 3])
            if n % 3 == 2:
                lines = text.split("\n")
                rnd.shuffle(lines)
                text = "\n".join(lines)
        out.write(json.dumps({"id": f"b{n}", "text": text}, ensure_ascii=False) + "\n")
        size += len(text.encode("utf-8"))
        n += 1


if __name__ == "__main__":
    main()
