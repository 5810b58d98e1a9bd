#!/usr/bin/env bash
# A language is a folder: a minimal pack for a made-up language ("xx"),
# written to a temporary folder and loaded with --rules, with no rebuild.
# Its quote marks, speech verbs (and their cue classes), pronoun, titles and
# genitive suffix all come from the pack.
# Usage: language_pack.sh path/to/quotex
set -u
Q="$1"
. "$(dirname "$0")/check.sh"

mkdir -p "$tmp/packs/xx"
cat > "$tmp/packs/xx/quotes.toml" <<'TOML'
[pack]
description = "a made-up language for the test suite"

[quotes]
pairs = [["⟪", "⟫"]]

[lexicons]
pronoun = ["su"]
genitive_suffix = ["esh"]
surname_ending = ["os"]
vowel = ["a", "e", "i", "o", "u"]
name = { pattern = '\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)*' }
speaker = { pattern = '(?:{title}[ \t]+)?{name}|{pronoun}' }

[lexicons.speech_verb.values]
"dakral" = "assert"
"nemral" = "deny"

[lexicons.title.values]
"vrenta" = "minister"

[[rule]]
id = "xx.attr.verb-colon"
type = "attribution"
kind = "direct"
before = '(?P<speaker>{speaker})[ \t]+(?P<cue>{speech_verb})\s*:\s*'
[[rule.example]]
text = "Vrenta Mira Tarvos dakral: ⟪Ka lumo fen.⟫"
expect = { speaker = "Mira Tarvos", cue = "dakral", cue_class = "assert", text = "Ka lumo fen." }
[[rule.counter]]
text = "Ka lumo ⟪fen⟫ dor."

[[rule]]
id = "xx.quote.according"
type = "quote"
kind = "indirect"
set = { speaker_case = "genitive" }
before = '(?P<speaker>\p{Lu}\p{Ll}+esh)[ \t]+'
pattern = '(?P<cue>volun)\s*,\s+'
after = '(?P<text>[^.\n]+)'
[[rule.example]]
text = "Mira Tarvos dakral. Tarvosesh volun, ka sima dor."
expect = { speaker = "Mira Tarvos", text = "ka sima dor" }
[[rule.counter]]
text = "Volun ka sima dor."
TOML

printf 'Vrenta Mira Tarvos dakral: ⟪Ka lumo fen.⟫ Su nemral: ⟪Ta bori nel.⟫ Tarvosesh volun, ka sima dor.\n' > "$tmp/doc.txt"

out=$("$Q" rules test "$tmp/packs" 2>&1); rc=$?
check "the pack's examples pass" '[ $rc -eq 0 ] && [[ "$out" == *"0 failed"* ]]'
out=$("$Q" rules list "$tmp/packs"); rc=$?
check "the pack's rules are listed" '[ $rc -eq 0 ] && [[ "$out" == *xx.quote.according* ]]'

"$Q" --rules "$tmp/packs" --lang xx "$tmp/doc.txt" > "$tmp/out.jsonl"; rc=$?
check "extract with the pack exits 0" '[ $rc -eq 0 ]'
check "three quotes" '[ "$(grep -c "\"type\":\"quote\"" "$tmp/out.jsonl")" -eq 3 ]'
check "its quote marks pair" 'grep -q "\"text\":\"Ka lumo fen.\"" "$tmp/out.jsonl"'
check "a title before a name" 'grep "Ka lumo fen" "$tmp/out.jsonl" | grep -q "\"speaker\":\"Mira Tarvos\""'
check "its pronoun resolves" 'grep "Ta bori nel" "$tmp/out.jsonl" | grep -q "\"speaker\":\"Mira Tarvos\",\"speaker_text\":\"Su\""'
check "its cue classes" 'grep "Ta bori nel" "$tmp/out.jsonl" | grep -q "\"cue_class\":\"deny\""'
check "its genitive suffix comes off" 'grep "ka sima dor" "$tmp/out.jsonl" | grep -q "\"speaker\":\"Mira Tarvos\",\"speaker_text\":\"Tarvosesh\""'
check "every record is the pack's language" '! grep -v "\"lang\":\"xx\"" "$tmp/out.jsonl"'

echo "language pack: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
