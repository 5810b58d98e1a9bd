#!/usr/bin/env bash
# The check benchmark: prints figures, never fails on speed.
#
#   tests/bench/check.sh QUOTEX [SOURCES] [DRAFTS]
#
# Indexes SOURCES (default 10000) source articles made from the samples
# (tests/bench/check_corpus.py) and checks against them one draft, then
# DRAFTS (default 1000) drafts: wall time, peak RSS, quotes checked per
# second, and the verdicts given.
set -euo pipefail
Q="$(realpath "$1")"
NS="${2:-10000}"
ND="${3:-1000}"
SRC="$(cd "$(dirname "$0")/../.." && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$SRC/tests/bench/check_corpus.py" "$SRC/samples" sources "$NS" > "$tmp/sources.jsonl"
python3 "$SRC/tests/bench/check_corpus.py" "$SRC/samples" drafts "$ND" > "$tmp/drafts.jsonl"
head -1 "$tmp/drafts.jsonl" > "$tmp/one.jsonl"
: > "$tmp/empty.txt"
mb=$(echo "scale=1; $(stat -c %s "$tmp/sources.jsonl") / 1000000" | bc -l)

echo "quotex check benchmark: $(date -u +%F), $(nproc) cores, $("$Q" --version)"
echo "sources: $NS articles, $mb MB of JSON Lines"
printf "%-30s %9s %9s %9s %12s\n" run "wall s" "RSS MB" quotes "quotes/s"
run() {  # label, drafts file
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$Q" check --input jsonl "$2" --source "$tmp/sources.jsonl" \
    --format jsonl > "$tmp/out" 2> "$tmp/err" || true
  read -r wall rss < <(tail -1 "$tmp/time")
  quotes=$(wc -l < "$tmp/out")
  rate=$(if [ "$quotes" -gt 0 ]; then echo "scale=0; $quotes / $wall" | bc -l 2>/dev/null || echo -; else echo -; fi)
  printf "%-30s %9s %9s %9s %12s\n" "$1" "$wall" "$((rss / 1024))" "$quotes" "$rate"
}
run "index only (no draft)" "$tmp/empty.txt"
run "1 draft" "$tmp/one.jsonl"
run "$ND drafts" "$tmp/drafts.jsonl"
echo
echo "verdicts of the $ND drafts:"
grep -o '"verdict":"[a-z_]*"' "$tmp/out" | sort | uniq -c | sort -rn
