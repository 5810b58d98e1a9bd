#!/usr/bin/env bash
# One speaker_id for one person across documents and languages: İlham
# Əliyev named in an Azerbaijani, a Russian and an English document (the
# Russian and English speech rules come from small packs loaded with
# --rules: quotex has no ru or en speaker rules yet), under a variant of an
# alias, and by a title whose holder the document's date decides.
# Usage: speaker_id.sh path/to/quotex
set -u
Q="$1"
. "$(dirname "$0")/check.sh"

for lang in ru en; do
  mkdir -p "$tmp/packs/$lang"
  if [ $lang = ru ]; then verb="заявил"; open="«"; close="»"; ex="Ильхам Алиев заявил: «Мы готовы.»"; else
    verb="said"; open="“"; close="”"; ex="Ilham Aliyev said: “We are ready.”"; fi
  cat > "$tmp/packs/$lang/speech.toml" <<TOML
[pack]
description = "speech verbs for the speaker_id test"

[lexicons]
pronoun = ["he"]
vowel = ["a", "e", "i", "o", "u"]
name = { pattern = '\\p{Lu}\\p{Ll}+(?:[ \\t]+\\p{Lu}\\p{Ll}+)*' }
speaker = { pattern = '{name}' }

[lexicons.speech_verb.values]
"$verb" = "assert"

[[rule]]
id = "$lang.attr.verb-colon"
type = "attribution"
kind = "direct"
before = '(?P<speaker>{speaker})[ \\t]+(?P<cue>{speech_verb})\\s*:\\s*'
[[rule.example]]
text = "$ex"
expect = { cue = "$verb" }
[[rule.counter]]
text = "Nothing $open here $close at all."
TOML
done
out=$("$Q" rules test "$tmp/packs" 2>&1); rc=$?
check "the test packs' examples pass" '[ $rc -eq 0 ]'

python3 - "$tmp/docs.jsonl" <<'PY'
import json, sys
docs = [
    ("az", "az", "İlham Əliyev bildirib: «Biz hazırıq».", "2025-03-01"),
    ("ru", "ru", "Ильхам Алиев заявил: «Мы готовы.»", "2025-03-01"),
    ("en", "en", "Ilham Aliyev said: “We are ready.”", "2025-03-01"),
    ("variant", "az", "İ.Əliyev bildirib: «Biz hazırıq».", "2025-03-01"),
    ("title", "az", "Azərbaycan Prezidenti bildirib: «Biz hazırıq».", "2025-03-01"),
    ("title-1999", "az", "Azərbaycan Prezidenti bildirib: «Biz hazırıq».", "1999-03-01"),
]
with open(sys.argv[1], "w") as f:
    for id, lang, text, date in docs:
        f.write(json.dumps({"id": id, "lang": lang, "text": text, "date": date}, ensure_ascii=False) + "\n")
PY
"$Q" --rules "$tmp/packs" --input jsonl --types quote "$tmp/docs.jsonl" > "$tmp/out.jsonl"; rc=$?
sid() { grep "\"doc\":\"$1\"" "$tmp/out.jsonl" | grep -o '"speaker_id":[^,}]*'; }
check "extract exits 0" '[ $rc -eq 0 ]'
check "az: ilham-aliyev" '[ "$(sid az)" = "\"speaker_id\":\"ilham-aliyev\"" ]'
check "ru: the same id" '[ "$(sid ru)" = "\"speaker_id\":\"ilham-aliyev\"" ]'
check "en: the same id" '[ "$(sid en)" = "\"speaker_id\":\"ilham-aliyev\"" ]'
check "an alias variant (İ.Əliyev): the same id" '[ "$(sid variant)" = "\"speaker_id\":\"ilham-aliyev\"" ]'
check "a title on the document's date: who held it then" '[ "$(sid title)" = "\"speaker_id\":\"ilham-aliyev\"" ] && [ "$(sid title-1999)" = "\"speaker_id\":\"heydar-aliyev\"" ]'
check "the title's speaker stays as the text gives it (null)" 'grep "\"doc\":\"title\"" "$tmp/out.jsonl" | grep -q "\"speaker\":null"'

echo "speaker_id: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
