#!/usr/bin/env bash
# No input costs more than linear work or memory beyond a small multiple of
# its size. Work is counted, not timed (timing flakes on a busy machine):
# --stats gives the regex searches and the bytes they scanned, and
# /usr/bin/time the peak RSS, each at two sizes of one input shape.
# Usage: scale.sh path/to/quotex path/to/source
set -u
Q="$1"
SRC="$2"
. "$(dirname "$0")/check.sh"

# searched FILE ARGS...: bytes the matcher scanned (from --stats)
searched() {
  "$Q" --stats -j 1 "$@" 2>&1 > /dev/null | sed -n 's/.* regex searches over \([0-9]*\) bytes.*/\1/p'
}
searches() {
  "$Q" --stats -j 1 "$@" 2>&1 > /dev/null | sed -n 's/^quotex: stats: \([0-9]*\) regex searches.*/\1/p'
}
# ratio A B: A / B with two decimals
ratio() { python3 -c "print(f'{$1 / max($2, 1):.2f}')"; }
within() { python3 -c "import sys; sys.exit(0 if $1 <= $2 else 1)"; }

# Digits then a currency word: an amount rule that rescanned after each
# rejected start was quadratic in the digits.
for n in 5000 20000; do
  python3 -c "print('Qiymət ' + '7' * $n + ' manat olub.')" > "$tmp/digits$n.txt"
done
a=$(searched "$tmp/digits5000.txt"); b=$(searched "$tmp/digits20000.txt")
check "20k digits scan at most 4.5x the bytes of 5k ($(ratio "$b" "$a")x)" "within $(ratio "$b" "$a") 4.5"

# Many distinct names: each name's canonical form once searched the whole
# document.
python3 - "$tmp" <<'PY'
import random, sys
r = random.Random(3)
first = "Elnur Rəşad Leyla Səbinə Tural Anar Kamran Nigar Aysel Fuad".split()
def surname():
    return r.choice("BCDFGHKLMNPRSTVZ") + "".join(
        r.choice("aeiouəıöü") + r.choice("bcdfglmnrstvz") for _ in range(3)) + "ov"
for kb in (250, 1000):
    out, size = [], 0
    while size < kb * 1000:
        s = f"{r.choice(first)} {surname()} bildirib ki, “iş davam edir”. "
        out.append(s)
        size += len(s.encode())
        if len(out) % 10 == 0:
            out.append("\n")
    open(f"{sys.argv[1]}/names{kb}.txt", "w").write("".join(out))
PY
a=$(searched "$tmp/names250.txt"); b=$(searched "$tmp/names1000.txt")
check "4x the distinct names scan at most 4.5x the bytes ($(ratio "$b" "$a")x)" "within $(ratio "$b" "$a") 4.5"
a=$(searches "$tmp/names250.txt"); b=$(searches "$tmp/names1000.txt")
check "4x the distinct names start at most 4.5x the searches ($(ratio "$b" "$a")x)" "within $(ratio "$b" "$a") 4.5"

# Memory: one large document is extracted in parts, and many short lines
# are one document. (Skipped where peak RSS says nothing: sanitizer builds,
# which cannot start under a memory limit.)
if (ulimit -v 400000; "$Q" /dev/null > /dev/null 2>&1) && [ -x /usr/bin/time ]; then
  rss() { /usr/bin/time -f "%M" -o "$tmp/rss" "$Q" -j 1 "$@" > /dev/null 2>&1; cat "$tmp/rss"; }
  python3 - "$SRC/samples" "$tmp" <<'PY'
import pathlib, sys
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))]
for mb in (2, 8):
    out, size, n = [], 0, 0
    while size < mb * 1_000_000:
        out.append(texts[n % len(texts)]); size += len(out[-1].encode()) + 2; n += 1
    open(f"{sys.argv[2]}/doc{mb}.txt", "w").write("\n\n".join(out))
words = "Prezident bildirib ki 2025-ci ildə ixrac 15 faiz artacaq “Bu gün” dedi".split()
for k in (100, 400):
    with open(f"{sys.argv[2]}/lines{k}k.txt", "w") as f:
        for i in range(k * 1000):
            f.write(words[i % len(words)] + " " + words[(i * 7) % len(words)] + "\n")
PY
  a=$(rss "$tmp/doc2.txt"); b=$(rss "$tmp/doc8.txt")
  grow=$(( (b - a) / 1024 ))
  check "a document 6 MB larger takes at most 24 MB more memory (took $grow MB)" "[ $grow -le 24 ]"
  a=$(rss "$tmp/lines100k.txt"); b=$(rss "$tmp/lines400k.txt")
  grow=$(( (b - a) / 1024 ))
  check "300k more short lines (3.6 MB) take at most 15 MB more memory (took $grow MB)" \
    "[ $grow -le 15 ]"
  a=$(rss --split-bytes 0 "$tmp/doc2.txt"); b=$(rss --split-bytes 0 "$tmp/doc8.txt")
  grow=$(( (b - a) / 1024 ))
  check "unsplit, the same document takes more than that: the test can fail ($grow MB)" \
    "[ $grow -gt 24 ]"
fi

echo "scale: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
