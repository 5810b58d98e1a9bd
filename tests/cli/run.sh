#!/usr/bin/env bash
# End-to-end tests of the built quotex binary: exit codes (SPEC §3), error
# messages, output formats, bad input, closed pipes.
# Usage: run.sh path/to/quotex path/to/source
set -u
Q="$1"
SRC="$2"
SEED="$SRC/samples/az/000_a5c5ee54b155f9dd.txt"
. "$(dirname "$0")/check.sh"

# --version and --help
out=$("$Q" --version); rc=$?
check "--version exits 0" '[ $rc -eq 0 ] && [[ "$out" == quotex\ * ]]'
out=$("$Q" --help); rc=$?
check "--help shows examples" '[ $rc -eq 0 ] && [[ "$out" == *Examples:* ]]'

# The seed through stdin and as a file give the same records.
"$Q" --doc-date 2025-10-21 < "$SEED" > "$tmp/stdin.jsonl"; rc=$?
check "stdin exits 0" '[ $rc -eq 0 ]'
"$Q" --doc-date 2025-10-21 "$SEED" > "$tmp/file.jsonl"
check "stdin doc is -" 'grep -q "\"doc\":\"-\"" "$tmp/stdin.jsonl"'
# (ids hold the document id too)
check "file and stdin agree" '[ "$(sed "s/\"doc\":\"[^\"]*\"//; s/\"id\":\"[^\"]*\"//" "$tmp/stdin.jsonl")" = "$(sed "s/\"doc\":\"[^\"]*\"//; s/\"id\":\"[^\"]*\"//" "$tmp/file.jsonl")" ]'
check "jsonl by default off a terminal" '[ "$(head -c1 "$tmp/file.jsonl")" = "{" ]'
check "seed has 10 quotes" '[ "$(grep -c "\"type\":\"quote\"" "$tmp/file.jsonl")" -eq 10 ]'

# --types and --format
out=$("$Q" --types date "$SEED")
check "--types date" '[ "$(echo "$out" | wc -l)" -eq 1 ] && [[ "$out" == *"\"value\":\"2025-10-21\""* ]]'
"$Q" --types nosuch "$SEED" 2> "$tmp/err"; rc=$?
check "--types unknown is a usage error" '[ $rc -eq 2 ] && grep -q "unknown type" "$tmp/err"'
out=$("$Q" --format csv --types amount "$SEED")
check "csv header and row" '[ "$(echo "$out" | head -1 | cut -d, -f1-3)" = "doc,type,text" ] && [ "$(echo "$out" | wc -l)" -eq 2 ]'
out=$("$Q" --format text --color never --types date "$SEED")
check "text format" '[[ "$out" == *"date 21 oktyabr 2025-ci il = 2025-10-21"* ]]'
out=$("$Q" --format text --color always --types date "$SEED")
check "colour on demand" '[[ "$out" == *$'"'"'\e['"'"'* ]]'
"$Q" --format json "$SEED" > "$tmp/all.json"
check "json is an array" '[ "$(head -c1 "$tmp/all.json")" = "[" ] && [ "$(tail -c2 "$tmp/all.json")" = "]" ]'
"$Q" --bogus 2>/dev/null; rc=$?
check "unknown option exits 2" '[ $rc -eq 2 ]'

# Empty input: no records, exit 0.
out=$(printf '' | "$Q"); rc=$?
check "empty input" '[ $rc -eq 0 ] && [ -z "$out" ]'

# A closed pipe ends quietly.
big="$tmp/big.txt"
for i in $(seq 1 300); do cat "$SEED"; done > "$big"
"$Q" "$big" "$big" 2> "$tmp/err" | head -1 > /dev/null; rc=${PIPESTATUS[0]}
check "closed pipe exits 0 quietly" '[ $rc -eq 0 ] && [ ! -s "$tmp/err" ]'

# Folders: -r reads them; without -r it is an input error; other files go on.
mkdir -p "$tmp/corpus/sub"
cp "$SEED" "$tmp/corpus/a.txt"
cp "$SEED" "$tmp/corpus/sub/b.txt"
printf 'x\0y\0z\0\0\0\0\0\0\0' > "$tmp/corpus/bin.txt"
"$Q" -r "$tmp/corpus" > "$tmp/r.jsonl" 2> "$tmp/err"; rc=$?
check "-r reads nested folders, skips binary with a message" '[ $rc -eq 3 ] && grep -q "bin.txt: binary file skipped" "$tmp/err" && grep -q "sub/b.txt" "$tmp/r.jsonl" && grep -q "corpus/a.txt" "$tmp/r.jsonl"'
"$Q" "$tmp/corpus" > /dev/null 2> "$tmp/err"; rc=$?
check "folder without -r" '[ $rc -eq 3 ] && grep -q "is a directory" "$tmp/err"'
"$Q" "$tmp/nosuch.txt" "$SEED" > "$tmp/o.jsonl" 2> "$tmp/err"; rc=$?
check "missing file reported, others kept" '[ $rc -eq 3 ] && grep -q "nosuch.txt: cannot open" "$tmp/err" && [ "$(grep -c "\"type\":\"quote\"" "$tmp/o.jsonl")" -eq 10 ]'

# JSON Lines input: a bad line is reported with its line; the rest survive.
python3 - "$SEED" > "$tmp/docs.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"id": "one", "text": text, "date": "2025-10-21"}))
print("{not json")
print(json.dumps({"id": "three", "text": "Nazir bildirib ki, “hər şey qaydasındadır”."}))
PY
"$Q" --input jsonl "$tmp/docs.jsonl" > "$tmp/j.jsonl" 2> "$tmp/err"; rc=$?
check "jsonl bad line" '[ $rc -eq 3 ] && grep -q "docs.jsonl:2:1: invalid JSON" "$tmp/err"'
check "jsonl ids kept" 'grep -q "\"doc\":\"one\"" "$tmp/j.jsonl" && grep -q "\"doc\":\"three\"" "$tmp/j.jsonl"'

# Invalid UTF-8 and CRLF: records still point at the original bytes.
printf 'Nazir deyib: \xe2\x80\x9c\xff hazırıq\xe2\x80\x9d.\r\n' > "$tmp/bad.txt"
out=$("$Q" "$tmp/bad.txt"); rc=$?
check "invalid utf-8 handled" '[ $rc -eq 0 ] && [[ "$out" == *"\"start\":16"* ]]'

# Rule packs: a broken pack is reported as file:line:col with exit 3.
mkdir -p "$tmp/rules/az"
printf '[[rule]]\nid = "x.bad"\ntype = "date"\npattern = '"'"'(?P<year>\\d{4}'"'"'\n' > "$tmp/rules/az/bad.toml"
"$Q" rules test "$tmp/rules" 2> "$tmp/err"; rc=$?
check "broken rule exits 3 with place" '[ $rc -eq 3 ] && grep -q "rules/az/bad.toml:4:12: rule '"'"'x.bad'"'"': bad pattern regex" "$tmp/err"'
printf '[[rule]]\nid = "x.lex"\ntype = "date"\npattern = '"'"'{nosuch}'"'"'\n' > "$tmp/rules/az/bad.toml"
"$Q" --rules "$tmp/rules" "$SEED" > /dev/null 2> "$tmp/err"; rc=$?
check "unknown lexicon exits 3 with place" '[ $rc -eq 3 ] && grep -q "bad.toml:4:12: unknown lexicon" "$tmp/err"'
printf '[[rule]]\nid = "house.q"\ntype = "date"\npriority = 50\npattern = '"'"'(?P<year>\\d{4})-ci il'"'"'\n[[rule.example]]\ntext = "2031-ci il"\nexpect = { value = "2031" }\n[[rule.counter]]\ntext = "2031"\n' > "$tmp/rules/az/bad.toml"
out=$("$Q" rules test "$tmp/rules"); rc=$?
check "a user pack is tested too" '[ $rc -eq 0 ] && [[ "$out" == *"0 failed"* ]]'
out=$("$Q" rules list)
check "rules list" '[[ "$out" == *"az.attr.verb-ki"* ]] && [[ "$out" == *"rules/az/quotes.toml"* ]]'

# One enormous line (6 MB, no newline): linear work, records intact.
python3 - "$SEED" > "$tmp/oneline.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read().replace("\n", " ")
sys.stdout.write(text * 1000)
PY
timeout 300 "$Q" "$tmp/oneline.txt" > "$tmp/one.jsonl"; rc=$?
check "one 6 MB line" '[ $rc -eq 0 ] && [ "$(grep -c "\"type\":\"quote\"" "$tmp/one.jsonl")" -eq 10000 ] && tail -1 "$tmp/one.jsonl" | grep -q "\"line\":1,"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
