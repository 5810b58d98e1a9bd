#!/usr/bin/env bash
# Records that stay put: ids stable across runs and --jobs and unique in a
# document, a JSONL document's other fields passed through as "meta",
# --context, and --ignore with its --stats line.
# Usage: keys.sh path/to/quotex path/to/source
set -u
Q="$1"
SRC="$2"
. "$(dirname "$0")/check.sh"
ids() { grep -o '"id":"[0-9a-f]*"' "$1"; }

# The same ids run after run and for any --jobs; none repeats.
"$Q" -r -j 1 "$SRC/samples" > "$tmp/a.jsonl"
"$Q" -r -j 2 "$SRC/samples" > "$tmp/b.jsonl"
check "ids: one per record" '[ "$(ids "$tmp/a.jsonl" | wc -l)" -eq "$(wc -l < "$tmp/a.jsonl")" ]'
check "ids: the same for -j 1 and -j 2" '[ "$(ids "$tmp/a.jsonl")" = "$(ids "$tmp/b.jsonl")" ]'
check "ids: 16 hex digits" '! ids "$tmp/a.jsonl" | grep -qv "\"id\":\"[0-9a-f]\{16\}\""'
check "ids: none repeats" '[ -z "$(ids "$tmp/a.jsonl" | sort | uniq -d)" ]'

# An edit elsewhere leaves an item's id alone; an edit of the item changes it.
printf 'Nazir Əli Həsənov bildirib: «Biz hazırıq».\n\nİxrac 2025-ci ildə 5 faiz artıb.\n' > "$tmp/v1.txt"
printf 'Dünən axşam nazir Əli Həsənov bildirib: «Biz hazırıq».\n\nİdxal 2025-ci ildə 5 faiz artıb.\n' > "$tmp/v2.txt"
printf 'Nazir Əli Həsənov bildirib: «Biz hazır deyilik».\n\nİxrac 2025-ci ildə 5 faiz artıb.\n' > "$tmp/v3.txt"
for v in v1 v2 v3; do "$Q" --types quote < "$tmp/$v.txt" > "$tmp/$v.jsonl"; done
check "ids: an edit elsewhere keeps the quote's id" '[ -n "$(ids "$tmp/v1.jsonl")" ] && [ "$(ids "$tmp/v1.jsonl")" = "$(ids "$tmp/v2.jsonl")" ]'
check "ids: an edited quote gets a new id" '[ "$(ids "$tmp/v1.jsonl")" != "$(ids "$tmp/v3.jsonl")" ]'
printf 'A: «Biz hazırıq». B: «Biz hazırıq».\n' | "$Q" --types quote > "$tmp/twice.jsonl"
check "ids: the same quote twice in a document, two ids" '[ "$(ids "$tmp/twice.jsonl" | sort -u | wc -l)" -eq 2 ]'

# meta: a JSON Lines document's other fields, as written.
printf '%s\n' '{"id":"d1","text":"Nazir Əli Həsənov bildirib: «Biz hazırıq».","url":"https://example.az/1","outlet":"Xəbər","n":[1,{"x":null}]}' \
  '{"id":"d2","text":"Nazir Əli Həsənov bildirib: «Biz hazırıq».","lang":"az","date":"2025-01-02"}' > "$tmp/meta.jsonl"
"$Q" --input jsonl "$tmp/meta.jsonl" > "$tmp/out"
check "meta: other fields passed through" 'grep "\"doc\":\"d1\"" "$tmp/out" | grep -q "\"meta\":{\"url\":\"https://example.az/1\",\"outlet\":\"Xəbər\",\"n\":\[1,{\"x\":null}\]}"'
check "meta: absent when the document has no other fields" '! grep "\"doc\":\"d2\"" "$tmp/out" | grep -q "\"meta\""'
check "meta: absent for text input" '! grep -q "\"meta\"" "$tmp/a.jsonl"'
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/out"
check "meta: every line is JSON" '[ $? -eq 0 ]'

# --context: the enclosing sentence.
printf 'Birinci cümlə budur. Nazir Əli Həsənov bildirib: «Biz hazırıq». Sonuncu cümlə.\n' |
  "$Q" --types quote --context > "$tmp/out"
check "--context: the sentence of the quote" 'grep -q "\"context\":\"Nazir Əli Həsənov bildirib: «Biz hazırıq».\"" "$tmp/out"'
check "no context without --context" '! grep -q "\"context\"" "$tmp/a.jsonl"'

# --ignore: ids marked as false positives are dropped, and --stats says so.
grep '"type":"quote"' "$tmp/a.jsonl" | head -5 > "$tmp/false.jsonl"
{ echo "# false positives"; ids "$tmp/a.jsonl" | sed -n '10,12p' | cut -d'"' -f4 | sed 's/$/  # checked by hand/'; } > "$tmp/false.txt"
"$Q" -r "$SRC/samples" --ignore "$tmp/false.jsonl" --stats > "$tmp/out" 2> "$tmp/err"
check "--ignore (JSON Lines records): 5 fewer" '[ "$(wc -l < "$tmp/out")" -eq $(( $(wc -l < "$tmp/a.jsonl") - 5 )) ]'
check "--ignore: the listed ids are gone" '! grep -qFf <(ids "$tmp/false.jsonl") "$tmp/out"'
check "--stats: how many --ignore dropped" 'grep -q "quotex: stats: 5 records dropped by --ignore" "$tmp/err"'
"$Q" -r "$SRC/samples" --ignore "$tmp/false.txt" > "$tmp/out"
check "--ignore (ids, comments): 3 fewer" '[ "$(wc -l < "$tmp/out")" -eq $(( $(wc -l < "$tmp/a.jsonl") - 3 )) ]'
"$Q" -r "$SRC/samples" --ignore "$tmp/nosuch" > /dev/null 2> "$tmp/err"; rc=$?
check "--ignore: a missing file is an input error" '[ $rc -eq 3 ] && grep -q "nosuch" "$tmp/err"'
printf '{"id": 5}\n' > "$tmp/bad.jsonl"
"$Q" -r "$SRC/samples" --ignore "$tmp/bad.jsonl" > /dev/null 2> "$tmp/err"; rc=$?
check "--ignore: a record without a string id is file:line:col" '[ $rc -eq 3 ] && grep -q "bad.jsonl:1:1:" "$tmp/err"'

echo "keys: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
