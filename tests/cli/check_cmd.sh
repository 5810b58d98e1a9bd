#!/usr/bin/env bash
# End-to-end tests of `quotex check`: exit codes (SPEC §3 and §5), inputs
# (files, folders, JSON Lines, stdin), the report and the records, bad input.
# Usage: check_cmd.sh path/to/quotex path/to/source
set -u
Q="$1"
SRC="$2"
SEED="$SRC/samples/az/000_a5c5ee54b155f9dd.txt"
. "$(dirname "$0")/check.sh"

mkdir -p "$tmp/src" "$tmp/drafts"
cat > "$tmp/src/transcript.txt" <<'EOF'
Nazir Əli Həsənov bildirib: «Biz bu il vergiləri artırmayacağıq, amma xərcləri azaldacağıq.»

Sonra jurnalistlərin suallarını cavablandırıb. İxrac 2025-ci ildə 12 faiz artıb.
EOF
printf 'Həsənov deyib: «Biz bu il vergiləri artırmayacağıq, amma xərcləri azaldacağıq».\n' \
  > "$tmp/drafts/verbatim.txt"
printf 'Həsənov deyib: «Biz bu il vergiləri artırmayacağıq...».\n' > "$tmp/drafts/truncated.txt"
printf 'Həsənov deyib: «Biz bu il vergiləri artıracağıq, amma xərcləri azaldacağıq».\n' \
  > "$tmp/drafts/altered.txt"

# Exit 0 when every quote is fine, 1 when one is not; --strict counts cuts.
"$Q" check "$tmp/drafts/verbatim.txt" --source "$tmp/src/transcript.txt" > "$tmp/out"; rc=$?
check "verbatim exits 0" '[ $rc -eq 0 ]'
check "records off a terminal" 'grep -q "\"type\":\"citation\"" "$tmp/out" && grep -q "\"verdict\":\"verbatim\"" "$tmp/out"'
check "source offsets point at the passage" '[ "$(head -c "$(grep -o "\"source_end\":[0-9]*" "$tmp/out" | cut -d: -f2)" "$tmp/src/transcript.txt" | tail -c +"$(( $(grep -o "\"source_start\":[0-9]*" "$tmp/out" | cut -d: -f2) + 1 ))")" = "Biz bu il vergiləri artırmayacağıq, amma xərcləri azaldacağıq" ]'
"$Q" check "$tmp/drafts/truncated.txt" --source "$tmp/src/transcript.txt" > "$tmp/out"; rc=$?
check "truncated exits 0" '[ $rc -eq 0 ] && grep -q "\"verdict\":\"truncated\"" "$tmp/out"'
"$Q" check --strict "$tmp/drafts/truncated.txt" --source "$tmp/src/transcript.txt" > /dev/null; rc=$?
check "--strict: truncated exits 1" '[ $rc -eq 1 ]'
"$Q" check "$tmp/drafts/altered.txt" --source "$tmp/src/transcript.txt" > "$tmp/out"; rc=$?
check "altered exits 1" '[ $rc -eq 1 ] && grep -q "\"verdict\":\"altered\"" "$tmp/out"'
check "altered has a word diff" 'grep -q "\[-artırmayacağıq-\] {+artıracağıq+}" "$tmp/out"'

# Folders (-r), several drafts, the report with its summary, colour off.
"$Q" check -r "$tmp/drafts" --source "$tmp/src" --format text --color never > "$tmp/out" 2> "$tmp/err"; rc=$?
check "folders: exit 1 for the altered draft" '[ $rc -eq 1 ]'
check "report names each verdict" 'grep -q ": verbatim" "$tmp/out" && grep -q ": truncated" "$tmp/out" && grep -q ": altered" "$tmp/out"'
check "report has no colour with --color never" '! grep -q $'"'"'\x1b'"'"' "$tmp/out"'
check "summary on stderr" 'grep -q "3 quotes against 1 source: verbatim 1, truncated 1, altered 1" "$tmp/err"'
NO_COLOR=1 "$Q" check "$tmp/drafts/altered.txt" --source "$tmp/src/transcript.txt" --format text > "$tmp/out" 2>/dev/null
check "NO_COLOR is honoured" '! grep -q $'"'"'\x1b'"'"' "$tmp/out"'
"$Q" check "$tmp/drafts/altered.txt" --source "$tmp/src/transcript.txt" --format text --color always > "$tmp/out" 2>/dev/null
check "--color always colours the diff" 'grep -q $'"'"'\x1b\[31m\[-'"'"' "$tmp/out"'

# Sources as JSON Lines, the draft on stdin.
python3 -c 'import json,sys; print(json.dumps({"id":"t1","text":open(sys.argv[1]).read()}, ensure_ascii=False))' \
  "$tmp/src/transcript.txt" > "$tmp/sources.jsonl"
"$Q" check --source "$tmp/sources.jsonl" < "$tmp/drafts/verbatim.txt" > "$tmp/out"; rc=$?
check "JSONL source, stdin draft" '[ $rc -eq 0 ] && grep -q "\"source\":\"t1\"" "$tmp/out" && grep -q "\"doc\":\"-\"" "$tmp/out"'
# A folder of JSON Lines sources read with -r: auto reads each file by its name.
mkdir -p "$tmp/jsonl-sources" && cp "$tmp/sources.jsonl" "$tmp/jsonl-sources/archive.ndjson"
"$Q" check "$tmp/drafts/verbatim.txt" -r --source "$tmp/jsonl-sources" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "-r folder of JSONL sources: read as JSON Lines" '[ $rc -eq 0 ] && grep -q "\"source\":\"t1\"" "$tmp/out"'

# A quote not in the sources; a translation.
printf 'Həsənov deyib: «Biz sabah muzeyə gedəcəyik».\n' > "$tmp/nf.txt"
"$Q" check "$tmp/nf.txt" --source "$tmp/src/transcript.txt" > "$tmp/out"; rc=$?
check "not_found exits 1" '[ $rc -eq 1 ] && grep -q "\"verdict\":\"not_found\"" "$tmp/out" && grep -q "\"source\":null" "$tmp/out"'
printf 'Minister Ali Hasanov said: "We will not raise taxes this year, but we will cut spending."\n' > "$tmp/en.txt"
"$Q" check "$tmp/en.txt" --source "$tmp/src/transcript.txt" > "$tmp/out"; rc=$?
check "other_language exits 1" '[ $rc -eq 1 ] && grep -q "\"verdict\":\"other_language\"" "$tmp/out"'

# Speaker mismatch: the source gives the words to someone else.
printf 'Nazir müavini Rauf Quliyev bildirib: «Biz bu il vergiləri artırmayacağıq, amma xərcləri azaldacağıq».\n' > "$tmp/sm.txt"
"$Q" check "$tmp/sm.txt" --source "$tmp/src/transcript.txt" > "$tmp/out"; rc=$?
check "speaker mismatch exits 1" '[ $rc -eq 1 ] && grep -q "\"speaker_mismatch\":true" "$tmp/out" && grep -q "\"source_speaker\":\"Əli Həsənov\"" "$tmp/out"'

# A draft without quotations: nothing to check, exit 0.
printf 'Bu gün hava yaxşıdır.\n' > "$tmp/none.txt"
out=$("$Q" check "$tmp/none.txt" --source "$tmp/src/transcript.txt"); rc=$?
check "no quotations: exit 0, no records" '[ $rc -eq 0 ] && [ -z "$out" ]'

# Usage and input errors.
"$Q" check "$tmp/drafts/verbatim.txt" 2> "$tmp/err"; rc=$?
check "no --source is a usage error" '[ $rc -eq 2 ] && grep -q -- "--source" "$tmp/err"'
if command -v script > /dev/null; then
  NO_COLOR= script -qec "$Q check $tmp/drafts/altered.txt --source $tmp/src/transcript.txt" /dev/null > "$tmp/out" 2>&1
  check "NO_COLOR set but empty: colour on a terminal" 'grep -q $'"'"'\x1b\['"'"' "$tmp/out"'
  NO_COLOR=1 script -qec "$Q check $tmp/drafts/altered.txt --source $tmp/src/transcript.txt" /dev/null > "$tmp/out" 2>&1
  check "NO_COLOR=1: no colour on a terminal" '! grep -q $'"'"'\x1b\['"'"' "$tmp/out"'
  script -qec "$Q check --source $tmp/src/transcript.txt $tmp/drafts/verbatim.txt" /dev/null > "$tmp/out" 2>&1; rc=$?
  check "drafts after --source, stdin a terminal: usage error, no wait" '[ $rc -eq 2 ] && grep -q "no draft" "$tmp/out"'
fi
"$Q" check - --source - < /dev/null 2> "$tmp/err"; rc=$?
check "stdin twice is a usage error" '[ $rc -eq 2 ]'
"$Q" check "$tmp/drafts/verbatim.txt" --source "$tmp/nosuch.txt" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "missing source: exit 3, message, drafts still checked" '[ $rc -eq 3 ] && grep -q "nosuch.txt" "$tmp/err" && grep -q "\"type\":\"citation\"" "$tmp/out"'
printf '{"id":"x","text":"ok"}\nnot json\n' > "$tmp/bad.jsonl"
"$Q" check "$tmp/drafts/verbatim.txt" --source "$tmp/bad.jsonl" "$tmp/src/transcript.txt" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "bad JSONL source line: file:line: message, exit 3, the rest kept" '[ $rc -eq 3 ] && grep -q "bad.jsonl:2" "$tmp/err" && grep -q "\"verdict\":\"verbatim\"" "$tmp/out"'
"$Q" check --format nosuch "$tmp/drafts/verbatim.txt" --source "$tmp/src" 2>/dev/null; rc=$?
check "--format unknown is a usage error" '[ $rc -eq 2 ]'
"$Q" check --lang xx "$tmp/drafts/verbatim.txt" --source "$tmp/src" 2> "$tmp/err"; rc=$?
check "--lang unknown is a usage error" '[ $rc -eq 2 ] && grep -q "unknown language '"'"'xx'"'"'" "$tmp/err"'

# A closed pipe ends quietly.
for i in $(seq 1 200); do cat "$tmp/drafts/verbatim.txt"; done > "$tmp/many.txt"
"$Q" check "$tmp/many.txt" --source "$tmp/src/transcript.txt" 2> "$tmp/err" | head -1 > /dev/null
check "closed pipe: nothing on stderr" '[ ! -s "$tmp/err" ]'

# --consistency: the seed renders one statement twice.
"$Q" check --consistency "$SEED" > "$tmp/out"; rc=$?
check "--consistency finds the seed's pair (exit 1)" '[ $rc -eq 1 ] && [ "$(wc -l < "$tmp/out")" -eq 1 ] && grep -q "rendering_group" "$tmp/out" && grep -q "işğal dövründə" "$tmp/out"'
"$Q" check --consistency "$tmp/drafts/verbatim.txt" > "$tmp/out"; rc=$?
check "--consistency: nothing to group, exit 0" '[ $rc -eq 0 ] && [ ! -s "$tmp/out" ]'

echo "check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
