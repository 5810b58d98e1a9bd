#!/usr/bin/env bash
# The whole-process benchmark: prints figures, never fails on speed.
#
#   tests/bench/run.sh QUOTEX [MB] [SCALE_MB...]
#
# On a corpus of MB megabytes (default 50) made from the samples, for the az
# samples alone and for the mixed corpus (tests/bench/make_corpus.py): MB/s
# of the full pipeline (every record type, JSON Lines out) on one core and
# with --jobs 0 (all cores), records per second, peak RSS; ripgrep's scan
# for quote spans over the same file (the ratio travels between machines);
# start-up; one large document; and RSS and time as JSON Lines input grows
# through SCALE_MB (default 5 50).
set -euo pipefail
Q="$(realpath "$1")"
MB="${2:-50}"
shift $(( $# > 1 ? 2 : 1 ))
SCALES=("${@:-5 50}")
SCALES=(${SCALES[@]})
SRC="$(cd "$(dirname "$0")/../.." && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cores=$(nproc)

# run LABEL ARGS...: wall s, user+sys s, peak RSS KB of one run into $t_wall $t_cpu $t_rss
run() {
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" > "$tmp/out" 2> "$tmp/err" || true
  local t_user t_sys
  read -r t_wall t_user t_sys t_rss < "$tmp/time"
  t_cpu=$(echo "$t_user + $t_sys" | bc -l)
}
mbs() { echo "scale=1; $1 / $2" | bc -l; }  # MB / s

echo "quotex benchmark: $(date -u +%F), $cores cores, $(uname -m), $("$Q" --version)"
echo
echo "## start-up (quotex on empty input; best of 5)"
best=999
for i in 1 2 3 4 5; do
  run "$Q" -j 1 /dev/null
  if (( $(echo "$t_wall < $best" | bc -l) )); then best=$t_wall; rss=$t_rss; fi
done
echo "start-up: $(echo "$best * 1000" | bc -l | cut -d. -f1) ms wall, $((rss / 1024)) MB RSS"
# What one article costs a user at a shell: start-up plus a first document,
# whose rules build their DFA states and reverse programs on first use.
seed="$SRC/samples/az/000_a5c5ee54b155f9dd.txt"
best=999
for i in 1 2 3 4 5; do
  run "$Q" -j 1 "$seed"
  if (( $(echo "$t_wall < $best" | bc -l) )); then best=$t_wall; fi
done
echo "one article (the seed, $(stat -c %s "$seed") bytes): $(echo "$best * 1000" | bc -l | cut -d. -f1) ms wall"

echo
echo "## throughput ($MB MB per corpus, JSON Lines in, JSON Lines out)"
printf "%-7s %-22s %9s %9s %11s %9s %9s\n" corpus run "wall s" "MB/s" "records/s" "RSS MB" "speed-up"
for kind in az mixed; do
  python3 "$SRC/tests/bench/make_corpus.py" "$SRC/samples" "$MB" "$kind" > "$tmp/$kind.jsonl"
  bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$tmp/$kind.jsonl")
  mb=$(echo "$bytes / 1000000" | bc -l)
  run "$Q" -j 1 --input jsonl "$tmp/$kind.jsonl"
  one=$t_wall
  recs=$(wc -l < "$tmp/out")
  printf "%-7s %-22s %9.2f %9.1f %11.0f %9d %9s\n" "$kind" "one core (-j 1)" "$t_wall" \
    "$(mbs "$mb" "$t_wall")" "$(echo "$recs / $t_wall" | bc -l)" $((t_rss / 1024)) "1.00"
  printf "%-7s %-22s %9.2f %9.1f %11s %9s %9s\n" "" "  CPU time (user+sys)" "$t_cpu" \
    "$(mbs "$mb" "$t_cpu")" "" "" ""
  cp "$tmp/out" "$tmp/one.jsonl"
  run "$Q" -j 0 --input jsonl "$tmp/$kind.jsonl"
  same=$(cmp -s "$tmp/out" "$tmp/one.jsonl" && echo "" || echo " (OUTPUT DIFFERS)")
  printf "%-7s %-22s %9.2f %9.1f %11.0f %9d %9.2f%s\n" "" "all cores (-j 0)" "$t_wall" \
    "$(mbs "$mb" "$t_wall")" "$(echo "$recs / $t_wall" | bc -l)" $((t_rss / 1024)) \
    "$(echo "$one / $t_wall" | bc -l)" "$same"
  # ripgrep: every quotation-mark span, the floor a quote extractor works against.
  run rg -o --no-filename '“[^”\n]*”|«[^»\n]*»|"[^"\n]*"|„[^“”\n]*[“”]' "$tmp/$kind.jsonl"
  printf "%-7s %-22s %9.2f %9.1f %11s %9d %9s\n" "" "ripgrep quote spans" "$t_wall" \
    "$(mbs "$mb" "$t_wall")" "" $((t_rss / 1024)) ""
  echo "        quotex one core / ripgrep: $(echo "scale=1; $one / $t_wall" | bc -l)x the time"
done

echo
echo "## one large document (the az samples joined into one text file of min(MB, 20) MB)"
doc_mb=$(( MB < 20 ? MB : 20 ))
python3 - "$SRC/samples" "$doc_mb" > "$tmp/big.txt" <<'PY'
import pathlib, sys
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))]
want, out, n = int(float(sys.argv[2]) * 1e6), [], 0
size = 0
while size < want:
    out.append(texts[n % len(texts)]); size += len(out[-1].encode("utf-8")) + 2; n += 1
text = "\n\n".join(out).encode("utf-8")[:want].decode("utf-8", "ignore")
sys.stdout.write(text)
PY
big_mb=$(echo "$(stat -c %s "$tmp/big.txt") / 1000000" | bc -l)
run "$Q" -j 1 "$tmp/big.txt"
printf "one %.1f MB document: %.2f s wall (%.1f MB/s), peak RSS %d MB\n" "$big_mb" "$t_wall" \
  "$(mbs "$big_mb" "$t_wall")" $((t_rss / 1024))

echo
echo "## scale (mixed corpus, JSON Lines, all cores)"
printf "%8s %9s %9s %9s\n" "MB" "wall s" "MB/s" "RSS MB"
for s in "${SCALES[@]}"; do
  python3 "$SRC/tests/bench/make_corpus.py" "$SRC/samples" "$s" mixed > "$tmp/scale.jsonl"
  run "$Q" -j 0 --input jsonl "$tmp/scale.jsonl"
  printf "%8s %9.2f %9.1f %9d\n" "$s" "$t_wall" "$(mbs "$s" "$t_wall")" $((t_rss / 1024))
  rm -f "$tmp/scale.jsonl"
done
