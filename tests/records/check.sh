#!/usr/bin/env bash
# The records quotex gives for every sample and for 3,000 mutated documents
# (make_docs.py), against the expected ones committed here. Whatever changes
# the records — a matcher rewrite, a rule — shows up here, and the commit
# that accepts it says why:
#   check.sh QUOTEX SOURCE            compare (exit 1 and a diff on a change)
#   check.sh QUOTEX SOURCE --accept   write the current records as expected
set -u
Q="$1"
SRC="$2"
accept="${3:-}"
here="$SRC/tests/records"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$SRC" || exit 2
# Samples as files: their doc ids are the relative paths.
"$Q" -r samples > "$tmp/samples.jsonl" || exit 2
python3 "$here/make_docs.py" samples 3000 > "$tmp/docs.jsonl" || exit 2
"$Q" --input jsonl "$tmp/docs.jsonl" > "$tmp/mutated.jsonl" || exit 2
status=0
for name in samples mutated; do
  if [ "$accept" = "--accept" ]; then
    cp "$tmp/$name.jsonl" "$here/expected-$name.jsonl"
    echo "accepted $(wc -l < "$tmp/$name.jsonl") records as expected-$name.jsonl"
  elif ! cmp -s "$tmp/$name.jsonl" "$here/expected-$name.jsonl"; then
    echo "records of $name differ from tests/records/expected-$name.jsonl:" >&2
    diff "$here/expected-$name.jsonl" "$tmp/$name.jsonl" | head -40 >&2
    echo "(if the change is meant: tests/records/check.sh QUOTEX . --accept, and say why)" >&2
    status=1
  fi
done
exit $status
