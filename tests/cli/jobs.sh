#!/usr/bin/env bash
# Batch runs: the same records, byte for byte and in input order, for any
# --jobs and through GNU parallel; --stats counts what was written; the
# progress line stays off when stderr is not a terminal.
# Usage: jobs.sh path/to/quotex path/to/source
set -u
Q="$1"
SRC="$2"
. "$(dirname "$0")/check.sh"
cd "$SRC" || exit 2

# 600 documents (about 1 MB): several 256 KB batches, so threads interleave.
python3 tests/records/make_docs.py samples 600 > "$tmp/docs.jsonl" 2> /dev/null
"$Q" -j 1 --input jsonl "$tmp/docs.jsonl" > "$tmp/j1.jsonl" 2> "$tmp/err1"
check "one thread gives records" '[ "$(wc -l < "$tmp/j1.jsonl")" -gt 1000 ]'
for j in 2 3 8; do
  "$Q" -j $j --input jsonl "$tmp/docs.jsonl" > "$tmp/j$j.jsonl" 2> "$tmp/err$j"
  check "--jobs $j: records byte-identical to --jobs 1" 'cmp -s "$tmp/j1.jsonl" "$tmp/j$j.jsonl"'
  check "--jobs $j: same messages" 'cmp -s "$tmp/err1" "$tmp/err$j"'
done
for f in json csv tsv text; do
  "$Q" -j 1 -r samples --format $f > "$tmp/f1" 2>&1
  "$Q" -j 3 -r samples --format $f > "$tmp/f3" 2>&1
  check "--format $f: --jobs 3 equals --jobs 1" 'cmp -s "$tmp/f1" "$tmp/f3"'
done
check "--jobs 3 --format json is one valid array" \
  '"$Q" -j 3 -r samples --format json | python3 -c "import json,sys; json.load(sys.stdin)"'
# Messages of a bad document come out at its place among the others'.
{ head -n 100 "$tmp/docs.jsonl"; echo '{"text": 5}'; tail -n +101 "$tmp/docs.jsonl"; } > "$tmp/bad.jsonl"
"$Q" -j 1 --input jsonl "$tmp/bad.jsonl" > "$tmp/b1" 2> "$tmp/be1"; rc1=$?
"$Q" -j 4 --input jsonl "$tmp/bad.jsonl" > "$tmp/b4" 2> "$tmp/be4"; rc4=$?
check "a bad line: exit 3 for any --jobs" '[ $rc1 -eq 3 ] && [ $rc4 -eq 3 ]'
check "a bad line: the other records unchanged" 'cmp -s "$tmp/j1.jsonl" "$tmp/b4"'
check "a bad line: one message naming its line" \
  '[ "$(wc -l < "$tmp/be4")" -eq 1 ] && grep -q "bad.jsonl:101:" "$tmp/be4"'
check "--jobs 0 is all cores and still the same records" \
  '"$Q" -j 0 --input jsonl "$tmp/docs.jsonl" | cmp -s - "$tmp/j1.jsonl"'
"$Q" -j -1 "$tmp/docs.jsonl" > /dev/null 2>&1; rc=$?
check "--jobs -1 is a usage error" '[ $rc -eq 2 ]'

# GNU parallel: quotex is a stateless JSON Lines filter (the README's recipe).
if command -v parallel > /dev/null; then
  parallel --will-cite --pipe --keep-order --block 100k "$Q" --input jsonl -j 1 \
    < "$tmp/docs.jsonl" > "$tmp/par.jsonl" 2> "$tmp/par.err"
  check "GNU parallel --pipe gives one process's records" 'cmp -s "$tmp/j1.jsonl" "$tmp/par.jsonl"'
  check "GNU parallel really split the input" \
    '[ "$(parallel --will-cite --pipe --block 100k wc -l < "$tmp/docs.jsonl" | wc -l)" -gt 3 ]'
else
  echo "GNU parallel not installed: its recipe is not tested" >&2
  fail=$((fail + 1))
fi

# --stats: its figures are those of the records written.
"$Q" --stats --input jsonl "$tmp/bad.jsonl" "$tmp/missing.jsonl" > "$tmp/s.jsonl" 2> "$tmp/s.err"
# (a record's own type, not the types of the items a claim lists)
count() { grep -c "^{\"doc\":\"[^\"]*\",\"type\":\"$1\"" "$tmp/s.jsonl"; }
check "--stats: documents" 'grep -q "^quotex: stats: 600 documents, " "$tmp/s.err"'
check "--stats: records by type" \
  'grep -q "^quotex: stats: $(wc -l < "$tmp/s.jsonl") records by type: amount $(count amount), claim $(count claim), date $(count date), quote $(count quote), target $(count target)$" "$tmp/s.err"'
check "--stats: records by language" \
  'grep -q "^quotex: stats: records by language: az $(grep -c "\"lang\":\"az\"" "$tmp/s.jsonl")" "$tmp/s.err"'
check "--stats: bytes are the documents' text" \
  '[ "$(grep -o "documents, [0-9]* bytes" "$tmp/s.err" | grep -o "[0-9]* bytes" | cut -d" " -f1)" -eq \
     "$(python3 -c "import json,sys; print(sum(len(json.loads(l)[\"text\"].encode()) for l in open(sys.argv[1])))" "$tmp/docs.jsonl")" ]'
check "--stats: skipped inputs with reasons" \
  'grep -q "^quotex: stats: 2 inputs skipped$" "$tmp/s.err" && grep -q "^quotex: stats: skipped .*missing.jsonl: cannot open" "$tmp/s.err" && grep -q "^quotex: stats: skipped .*bad.jsonl:101:" "$tmp/s.err"'
check "no --stats: no figures" '! grep -q "stats" "$tmp/be1"'

# Progress: never on a stderr that is not a terminal, unless asked for.
"$Q" -r samples > /dev/null 2> "$tmp/p.err"
check "progress off when stderr is a file" '[ ! -s "$tmp/p.err" ]'
"$Q" --progress never -r samples > /dev/null 2> "$tmp/p.err"
check "--progress never writes nothing" '[ ! -s "$tmp/p.err" ]'

echo "jobs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
