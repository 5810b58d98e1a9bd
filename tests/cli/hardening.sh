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
"$Q" eval --gold "$tmp/nosuch" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "eval of a missing gold folder: exit 3, a message, no score table" \
  '[ $rc -eq 3 ] && grep -q "no gold file" "$tmp/err" && [ ! -s "$tmp/out" ]'
"$Q" --split-bytes -1 "$SEED" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a negative --split-bytes is a usage error" \
  '[ $rc -eq 2 ] && grep -q "must not be negative" "$tmp/err" && [ ! -s "$tmp/out" ]'
# stderr unwritable and an input error: the other documents still come out.
"$Q" "$SEED" "$tmp/nosuch.txt" "$SEED" > "$tmp/o.jsonl" 2> /dev/full; rc=$?
check "unwritable stderr loses no records" \
  '[ $rc -eq 3 ] && [ "$(grep -c "\"type\":\"quote\"" "$tmp/o.jsonl")" -eq 20 ]'

# --- Inputs that cannot be read are named; nothing blocks.
mkfifo "$tmp/fifo"
timeout 10 "$Q" "$tmp/fifo" "$SEED" > "$tmp/o.jsonl" 2> "$tmp/err"; rc=$?
check "a FIFO with no writer is skipped, not waited on" \
  '[ $rc -eq 3 ] && grep -q "fifo: a pipe with no writer, skipped" "$tmp/err" && [ "$(grep -c "\"type\":\"quote\"" "$tmp/o.jsonl")" -eq 10 ]'
out=$(timeout 10 "$Q" <(cat "$SEED") | grep -c '"type":"quote"')
check "a pipe with its writer is read" '[ "$out" -eq 10 ]'
"$Q" '' "$SEED" > /dev/null 2> "$tmp/err"; rc=$?
check "an empty path is named" '[ $rc -eq 3 ] && grep -q "^'"''"': empty path" "$tmp/err"'
if command -v setpriv > /dev/null && [ "$(id -u)" -eq 0 ]; then
  # Permission checks need a user that is not root.
  mkdir -p "$tmp/tree/locked" "$tmp/tree/open"
  cp "$SEED" "$tmp/tree/open/a.txt"
  cp "$SEED" "$tmp/tree/locked/b.txt"
  cp "$Q" "$tmp/quotex"
  chmod -R a+rX "$tmp"
  chmod 000 "$tmp/tree/locked"
  setpriv --reuid=65534 --regid=65534 --clear-groups "$tmp/quotex" -r "$tmp/tree" \
    > "$tmp/o.jsonl" 2> "$tmp/err"; rc=$?
  check "an unreadable folder under -r is reported, the rest read" \
    '[ $rc -eq 3 ] && grep -q "tree/locked: cannot read folder: Permission denied" "$tmp/err" && [ "$(grep -c "\"type\":\"quote\"" "$tmp/o.jsonl")" -eq 10 ]'
  chmod 755 "$tmp/tree/locked"
fi
"$Q" --max-doc-bytes 1000 "$SEED" "$SRC/samples/az/525_bank_qerar.txt" > "$tmp/o.jsonl" 2> "$tmp/err"; rc=$?
check "--max-doc-bytes skips the larger document with a message" \
  '[ $rc -eq 3 ] && grep -q "larger than 1000 bytes skipped" "$tmp/err"'

# --- Out of memory on one document: the others still come out. (Skipped
# where the binary cannot start under a memory limit: sanitizer builds.)
if (ulimit -v 200000; "$Q" "$SEED" > /dev/null 2>&1); then
  python3 -c 'import sys; sys.stdout.write(open(sys.argv[1]).read() * 2500)' "$SEED" > "$tmp/huge.txt"
  (ulimit -v 200000; "$Q" --split-bytes 0 "$SEED" "$tmp/huge.txt" "$SEED" > "$tmp/o.jsonl" 2> "$tmp/err"); rc=$?
  check "bad_alloc skips one document, keeps the rest" \
    '[ $rc -eq 3 ] && grep -q "huge.txt: out of memory" "$tmp/err" && [ "$(grep -c "\"type\":\"quote\"" "$tmp/o.jsonl")" -eq 20 ]'
  (ulimit -v 200000; "$Q" -j 2 --split-bytes 0 "$SEED" "$tmp/huge.txt" "$SEED" > "$tmp/o.jsonl" 2> "$tmp/err"); rc=$?
  check "bad_alloc with two threads: the batch is redone alone, one document skipped" \
    '[ $rc -eq 3 ] && grep -q "huge.txt: out of memory" "$tmp/err" && [ "$(grep -c "\"type\":\"quote\"" "$tmp/o.jsonl")" -eq 20 ]'
  rm -f "$tmp/huge.txt"
fi

# --- No invalid or invented value.
nines=$(printf '9%.0s' $(seq 1 308))
printf 'Layihəyə %s milyard manat ayrılıb.\n' "$nines" > "$tmp/inf.txt"
out=$("$Q" --lang az --types amount "$tmp/inf.txt" 2> "$tmp/err"); rc=$?
check "a figure beyond double range: value null, a warning, exit 0" \
  '[ $rc -eq 0 ] && [[ "$out" == *"\"value\":null"* ]] && [[ "$out" != *"\"value\":inf"* ]] && grep -q "inf.txt:1:10: warning: figure" "$tmp/err"'
for bad in 2025-02-30 abcd-ef-gh 0000-00-00 2023-02-29; do
  "$Q" --doc-date "$bad" "$SEED" > /dev/null 2> "$tmp/err"; rc=$?
  check "--doc-date $bad is a usage error" '[ $rc -eq 2 ] && grep -q "must be a real day" "$tmp/err"'
done
printf '%s\n' '{"id":"x","text":"Bu, 5 mart tarixində oldu.","lang":"az","date":"2025-02-30"}' > "$tmp/d.jsonl"
out=$("$Q" --input jsonl "$tmp/d.jsonl" 2> "$tmp/err"); rc=$?
check "a JSONL date that is no day: a warning, read without it" \
  '[ $rc -eq 0 ] && grep -q "d.jsonl:1:1: warning: \"date\"" "$tmp/err" && [[ "$out" == *"\"value\":\"--03-05\""* ]]'
out=$(echo 'Hadisə 29 fevral tarixində baş verib.' | "$Q" --lang az --types date --doc-date 2023-05-05)
check "29 February in a year without it is not dated to that year" '[[ "$out" == *"\"value\":\"--02-29\""* ]]'
"$Q" --lang xx "$SEED" > /dev/null 2> "$tmp/err"; rc=$?
check "--lang xx is a usage error listing the languages" '[ $rc -eq 2 ] && grep -q "known: az, en, kk, ru, tr" "$tmp/err"'
"$Q" --types quote,claim "$SEED" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--types quote,claim gives quotes and claims only" '[ $rc -eq 0 ] && grep -q "\"type\":\"claim\"" "$tmp/out" && ! grep -v "\"type\":\"quote\"" "$tmp/out" | grep -qv "\"type\":\"claim\""'
"$Q" --types quote,claims "$SEED" > /dev/null 2> "$tmp/err"; rc=$?
check "--types with an unknown type is a usage error" '[ $rc -eq 2 ] && grep -q "unknown type .claims." "$tmp/err"'

# --- Text that is not UTF-8.
python3 - "$SEED" "$tmp" <<'PY'
import sys
seed = open(sys.argv[1], encoding="utf-8").read()
t = sys.argv[2]
open(t + "/u16le.txt", "wb").write(b"\xff\xfe" + seed.encode("utf-16-le"))
open(t + "/u16be.txt", "wb").write(b"\xfe\xff" + seed.encode("utf-16-be"))
open(t + "/bom.txt", "wb").write(b"\xef\xbb\xbf" + seed.encode("utf-8"))
open(t + "/cr.txt", "wb").write(seed.replace("\n", "\r").encode("utf-8"))
ru = "Министр заявил: «Мы увеличим экспорт зерна на 15 процентов в следующем году». Он добавил, что «урожай будет хорошим».\n"
open(t + "/ru1251.txt", "wb").write(ru.encode("cp1251"))
open(t + "/rukoi8.txt", "wb").write(ru.replace("«", '"').replace("»", '"').encode("koi8_r"))
tr = "Bakan şöyle dedi: “İhracatı yüzde 15 artıracağız ve yeni pazarlar açacağız.” Gazeteciler ayrıca “bütçe açığı küçülecek” dedi.\n"
open(t + "/tr1254.txt", "wb").write(tr.encode("cp1254"))
fr = "Le ministre a déclaré : « Nous allons réduire la dette publique de façon très nette cette année ». Selon lui, « l'économie se porte bien ».\n"
open(t + "/latin1.txt", "wb").write(fr.encode("latin-1"))
import json
line = json.dumps({"id": "j", "text": "Nazir bildirib ki, “hər şey qaydasındadır və işlər davam edir”."}, ensure_ascii=False) + "\n"
open(t + "/bom.jsonl", "wb").write(b"\xef\xbb\xbf" + line.encode("utf-8"))
open(t + "/u16.jsonl", "wb").write(b"\xff\xfe" + line.encode("utf-16-le"))
open(t + "/w1251.jsonl", "wb").write(json.dumps({"id": "r", "text": ru}, ensure_ascii=False).encode("cp1251") + b"\n")
PY
"$Q" "$SEED" | sed 's/"doc":"[^"]*",//; s/"id":"[^"]*",//; s/"start":[0-9]*,"end":[0-9]*,//; s/"speaker_start":[0-9]*,"speaker_end":[0-9]*//; s/"items":\[[^]]*\]//' > "$tmp/ref"
for f in u16le u16be bom cr; do
  "$Q" "$tmp/$f.txt" 2> "$tmp/err" | sed 's/"doc":"[^"]*",//; s/"id":"[^"]*",//; s/"start":[0-9]*,"end":[0-9]*,//; s/"speaker_start":[0-9]*,"speaker_end":[0-9]*//; s/"items":\[[^]]*\]//' > "$tmp/$f.out"
  check "$f: the seed's records, lines and columns" 'cmp -s "$tmp/ref" "$tmp/$f.out" && [ ! -s "$tmp/err" ]'
done
printf '\xef\xbb\xbfNazir deyib: \xe2\x80\x9cHazırıq.\xe2\x80\x9d\n' > "$tmp/bom1.txt"
out=$("$Q" --lang az --types quote "$tmp/bom1.txt")
check "a UTF-8 byte-order mark is no column of line 1" '[[ "$out" == *"\"start\":19,"*"\"line\":1,\"col\":15,"* ]]'
# Offsets point at the bytes as read: UTF-16 has two per character, after a 2-byte mark.
"$Q" "$tmp/u16le.txt" > "$tmp/u16le.jsonl"
python3 - "$tmp/u16le.txt" "$tmp/u16le.jsonl" <<'PY' > "$tmp/slices"
import json, sys
raw = open(sys.argv[1], "rb").read()
bad = 0
for l in open(sys.argv[2], encoding="utf-8"):
    r = json.loads(l)
    if raw[r["start"]:r["end"]].decode("utf-16-le") != r["text"]:
        bad += 1
print(bad)
PY
check "UTF-16 offsets slice the original bytes" '[ -s "$tmp/u16le.jsonl" ] && [ "$(cat "$tmp/slices")" = 0 ]'
for f in ru1251:windows-1251 rukoi8:KOI8-R tr1254: latin1:ISO-8859-1; do
  name=${f%%:*}
  enc=${f#*:}
  out=$("$Q" -v --types quote "$tmp/$name.txt" 2> "$tmp/err")
  check "$name: detected and decoded, both quotes found" \
    '[ "$(echo "$out" | grep -c "\"type\":\"quote\"")" -eq 2 ] && [[ "$out" != *$'"'"'\xef\xbf\xbd'"'"'* ]] && grep -q "read as ${enc}.*(detected)" "$tmp/err"'
done
out=$("$Q" --encoding windows-1251 --types quote "$tmp/ru1251.txt")
check "--encoding forces the decoder" '[[ "$out" == *"Мы увеличим экспорт зерна"* ]] && [[ "$out" == *"\"start\":17,"* ]]'
"$Q" --encoding no-such-thing "$SEED" > /dev/null 2> "$tmp/err"; rc=$?
check "--encoding unknown is a usage error" '[ $rc -eq 2 ] && grep -q "unknown encoding" "$tmp/err"'
mkdir -p "$tmp/gold16"
cp "${SEED%.txt}.gold.json" "$tmp/gold16/"
cp "$tmp/u16le.txt" "$tmp/gold16/$(basename "$SEED")"
out16=$("$Q" eval --gold "$tmp/gold16")
mkdir -p "$tmp/gold8"
cp "$SEED" "${SEED%.txt}.gold.json" "$tmp/gold8/"
out8=$("$Q" eval --gold "$tmp/gold8")
check "eval reads a UTF-16 article as extract does" '[ "$out16" = "$out8" ] && [[ "$out16" == *"1 documents"* ]]'
for f in bom u16; do
  out=$("$Q" --input jsonl "$tmp/$f.jsonl" 2> "$tmp/err"); rc=$?
  check "$f.jsonl: the first document is read" '[ $rc -eq 0 ] && [[ "$out" == *"\"doc\":\"j\""* ]]'
done
out=$( (printf '\xff'; sleep 1.5; tail -c +2 "$tmp/u16.jsonl") | "$Q" --input jsonl); rc=$?
check "a UTF-16 byte-order mark arriving a byte at a time through a pipe" '[ $rc -eq 0 ] && [[ "$out" == *"\"doc\":\"j\""* ]]'
"$Q" --input jsonl "$tmp/w1251.jsonl" > /dev/null 2> "$tmp/err"; rc=$?
check "JSONL not in UTF-8 points at --encoding" '[ $rc -eq 3 ] && grep -q "w1251.jsonl:1:1: invalid JSON: not UTF-8" "$tmp/err"'
out=$("$Q" --input jsonl --encoding windows-1251 "$tmp/w1251.jsonl")
check "JSONL with --encoding" '[[ "$out" == *"урожай будет хорошим"* ]]'

# --- Text output escapes what would drive a terminal.
printf 'Nazir deyib: “\x1b]0;title\x07 hazırıq \x1b[31mqırmızı\x1b[0m və \xe2\x80\xaesaxta”.\n' > "$tmp/esc.txt"
out=$("$Q" --format text --color never --lang az "$tmp/esc.txt")
check "control characters and bidi overrides are escaped in text output" \
  '[[ "$out" != *$'"'"'\x1b'"'"'* ]] && [[ "$out" == *"\\x1b]0;title\\x07"* ]] && [[ "$out" == *"<U+202E>saxta"* ]]'

# --- Rule packs are untrusted.
mkdir -p "$tmp/p1/common"
printf '[quotes]\npairs = [["", ""]]\n' > "$tmp/p1/common/marks.toml"
timeout 20 "$Q" --rules "$tmp/p1" rules test > /dev/null 2> "$tmp/err"; rc=$?
check "an empty quote mark is refused with its place" '[ $rc -eq 3 ] && grep -q "p1/common/marks.toml:2:11: a quote mark is 1 to 16 bytes" "$tmp/err"'
printf '[quotes]\npairs = [["«", "««"]]\n' > "$tmp/p1/common/marks.toml"
timeout 20 "$Q" --rules "$tmp/p1" "$SEED" > /dev/null 2> "$tmp/err"; rc=$?
check "overlapping quote marks are refused" '[ $rc -eq 3 ] && grep -q "marks.toml:2:10: quote mark .* overlaps" "$tmp/err"'
printf '[quotes]\nmax_bytes = 4294967296\n' > "$tmp/p1/common/marks.toml"
"$Q" --rules "$tmp/p1" "$SEED" > /dev/null 2> "$tmp/err"; rc=$?
check "an out-of-range integer is an error" '[ $rc -eq 3 ] && grep -q "marks.toml:2:13: .max_bytes. must be an integer from 1 to" "$tmp/err"'
mkdir -p "$tmp/p2/az"
printf '[[rule]]\nid = "x.p"\ntype = "date"\npriority = 99999999999\npattern = '"'"'(?P<year>\\d{4})'"'"'\n' > "$tmp/p2/az/p.toml"
"$Q" --rules "$tmp/p2" "$SEED" > /dev/null 2> "$tmp/err"; rc=$?
check "an out-of-range priority is an error" '[ $rc -eq 3 ] && grep -q "p.toml:4:12: .priority. must be an integer" "$tmp/err"'
python3 - "$tmp/p2/az/p.toml" <<'PY'
import random, sys
random.seed(7)
words = ",".join('"%s"' % "".join(random.choice("abcdefghij") for _ in range(9)) for _ in range(200000))
open(sys.argv[1], "w").write("[lexicons]\nhuge = [%s]\n\n[[rule]]\nid = \"x.big\"\ntype = \"date\"\npattern = '(?P<year>{huge}) \\d{4}'\n" % words)
PY
"$Q" --rules "$tmp/p2" "$SEED" > /dev/null 2> "$tmp/err"; rc=$?
check "a huge lexicon: one error at its place, no RE2 log" \
  '[ $rc -eq 3 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -q "p.toml:7:11: rule .x.big.: its pattern regex is" "$tmp/err"'
rm "$tmp/p2/az/p.toml"
: > "$tmp/p2/az/quotes.toml"
"$Q" --rules "$tmp/p2" "$SEED" > /dev/null 2> "$tmp/err"; rc=$?
check "an empty override names the user's file" \
  '[ $rc -eq 3 ] && grep -q "^$tmp/p2/az/quotes.toml:1:1: replaces rules/az/quotes.toml but leaves out lexicon" "$tmp/err"'
mkdir -p "$tmp/p3/common"
: > "$tmp/p3/common/quotes.toml"
"$Q" --rules "$tmp/p3" "$SEED" > /dev/null 2> "$tmp/err"; rc=$?
check "no quote pairs: the file that removed them, with a line" \
  '[ $rc -eq 3 ] && grep -q "^$tmp/p3/common/quotes.toml:1:1: no quote pairs defined" "$tmp/err"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
