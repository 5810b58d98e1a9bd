#!/usr/bin/env bash
# The bash completion (src/cli/quotex.bash): it loads in a plain bash and
# with the bash-completion package, completes subcommands, options and their
# fixed values, and offers exactly the options each subcommand's --help lists.
# Usage: completion.sh path/to/quotex path/to/quotex.bash
set -u
Q="$1"
SCRIPT="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
. "$(dirname "$0")/check.sh"

# The words bash offers for LINE (the cursor at its end), one per line, sorted;
# MODE is "plain" (no bash-completion) or "full" (with it).
offers() {
  local mode="$1" line="$2"
  (
    cd "$tmp/files" || exit 1
    if [ "$mode" = full ]; then . /usr/share/bash-completion/bash_completion; fi
    . "$SCRIPT"
    COMP_LINE="$line"
    COMP_POINT=${#line}
    read -r -a COMP_WORDS <<< "$line"
    [[ $line == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _quotex quotex "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}" | sort -u | sed '/^$/d'
  )
}
# The options of a subcommand's --help (short and long), one per line, sorted.
help_options() {
  "$Q" $1 --help | grep -oE '^  (-[a-zA-Z],)?--[a-z0-9-]+' | tr -d ' ' | tr ',' '\n' | sort -u
}
# The fixed values an option's --help lists as TEXT:{a,b,c}.
help_values() {
  "$Q" $1 --help | grep -oE -- "$2 TEXT:\{[^}]*\}" | sed 's/.*{//; s/}//' | tr ',' '\n' | sort -u
}

mkdir -p "$tmp/files/corpus" "$tmp/files/packs"
: > "$tmp/files/article.txt"

modes=(plain)
[ -f /usr/share/bash-completion/bash_completion ] && modes+=(full)
for m in "${modes[@]}"; do
  check "$m: the script loads and registers quotex" \
    "bash --norc --noprofile -c '. \"$SCRIPT\"; complete -p quotex' | grep -q _quotex"
  check "$m: 'quotex ch' completes to check" '[ "$(offers $m "quotex ch")" = check ]'
  check "$m: 'quotex ' offers the subcommands and paths" \
    'o=$(offers $m "quotex "); [ "$(for w in extract check rules eval article.txt corpus; do grep -qx "$w" <<< "$o" || echo "$w"; done)" = "" ]'
  for sub in extract check rules eval; do
    line="quotex $sub -"
    [ $sub = extract ] && line="quotex -"
    want=$(help_options "$([ $sub = extract ] || echo $sub)")
    check "$m: '$line' offers exactly the options of $sub --help" \
      '[ -n "$want" ] && [ "$(offers $m "$line")" = "$want" ]'
  done
  for opt in --format --input --color --progress --prefilter; do
    want=$(help_values "" $opt)
    check "$m: 'quotex $opt ' offers the values --help lists" \
      '[ -n "$want" ] && [ "$(offers $m "quotex $opt ")" = "$want" ]'
  done
  for opt in --format --input --color; do
    want=$(help_values check $opt)
    check "$m: 'quotex check $opt ' offers the values check --help lists" \
      '[ -n "$want" ] && [ "$(offers $m "quotex check $opt ")" = "$want" ]'
  done
  check "$m: --lang offers the languages" \
    '[ "$(offers $m "quotex --lang ")" = "$(printf "az\nen\nkk\nru\ntr")" ]'
  check "$m: --types completes the last item of a list" \
    '[ "$(offers $m "quotex --types quote,d")" = "quote,date" ]'
  check "$m: 'quotex rules ' offers the actions" \
    '[ "$(offers $m "quotex rules ")" = "$(printf "lint\nlist\ntest")" ]'
  check "$m: --rules offers folders only" \
    '[ "$(offers $m "quotex --rules ")" = "$(printf "corpus\npacks")" ]'
  check "$m: a path after an option" \
    '[ "$(offers $m "quotex check article.txt --source ar")" = article.txt ]'
  check "$m: nothing for a number" '[ -z "$(offers $m "quotex --jobs ")" ]'
done

echo "completion: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
