#!/usr/bin/env bash
# Hostile input, hostile environments and untrusted rule packs: the binary
# never reports success for lost output, never writes an invalid value,
# reads any encoding and refuses a broken pack with its place.
# Usage: hardening.sh path/to/quotex path/to/source
set -u
Q="$1"
SRC="$2"
SEED="$SRC/samples/az/000_a5c5ee54b155f9dd.txt"
. "$(dirname "$0")/check.sh"

# --- Output that could not be written is an error; only EPIPE is quiet.
"$Q" "$SEED" > /dev/full 2> "$tmp/err"; rc=$?
check "stdout on a full disk exits 3 with a message" \
  '[ $rc -eq 3 ] && grep -q "cannot write output: No space left on device" "$tmp/err"'
"$Q" "$SEED" >&- 2> "$tmp/err"; rc=$?
check "closed stdout exits 3 with a message" \
  '[ $rc -eq 3 ] && grep -q "standard output is closed" "$tmp/err"'
"$Q" rules list > /dev/full 2> "$tmp/err"; rc=$?
check "rules list on a full disk exits 3" '[ $rc -eq 3 ] && [ -s "$tmp/err" ]'
"$Q" eval --gold "$SRC/samples/az" > /dev/full 2> "$tmp/err"; rc=$?
check "eval on a full disk exits 3" '[ $rc -eq 3 ] && [ -s "$tmp/err" ]'
# stderr unwritable and an input error: the other documents still come out.
"$Q" "$SEED" "$tmp/nosuch.txt" "$SEED" > "$tmp/o.jsonl" 2> /dev/full; rc=$?
check "unwritable stderr loses no records" \
  '[ $rc -eq 3 ] && [ "$(grep -c "\"type\":\"quote\"" "$tmp/o.jsonl")" -eq 20 ]'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
