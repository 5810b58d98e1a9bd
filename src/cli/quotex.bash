# bash completion for quotex(1): subcommands, options, their fixed values
# and paths. Installed as share/bash-completion/completions/quotex; works with
# or without the bash-completion package. tests/cli/completion.sh checks that
# it offers exactly the options each subcommand's --help lists.

# The options of each subcommand; those that take a value are in _quotex_takes.
_quotex_options() {
  case "$1" in
    extract)
      echo "-h --help --version -r --recursive --lang --types --format --doc-date --rules
            --input --color --prefilter --encoding --max-doc-bytes -v --verbose -j --jobs
            --progress --split-bytes --context --ignore --stats" ;;
    check)
      echo "-h --help -s --source -r --recursive --input --format --color --lang --rules
            --strict --consistency" ;;
    rules) echo "-h --help" ;;
    eval)
      echo "-h --help --gold --rules --min-precision --min-recall --min-strict-precision
            --min-strict-recall --min-claim-f1 --min-claim-speaker --show --records" ;;
  esac
}

_quotex_takes() {
  case "$1" in
    --lang | --types | --format | --doc-date | --rules | --input | --color | --prefilter | \
      --encoding | --max-doc-bytes | -j | --jobs | --progress | --split-bytes | --ignore | \
      --gold | --min-precision | --min-recall | --min-strict-precision | --min-strict-recall | \
      --min-claim-f1 | --min-claim-speaker | --records)
      return 0 ;;
  esac
  return 1
}

_quotex() {
  local cur prev words cword
  if declare -F _init_completion > /dev/null 2>&1; then
    _init_completion -s || return
  else
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD - 1]}"
    # Plain bash splits "--format=js" at "=": the option is two words back.
    if [[ $prev == "=" && $cword -ge 2 ]]; then
      prev="${COMP_WORDS[COMP_CWORD - 2]}"
    elif [[ $cur == "=" ]]; then
      cur=""
    fi
  fi
  COMPREPLY=()

  # The subcommand is the first word; without one, quotex extracts.
  local sub=extract
  if [[ $cword -ge 2 ]]; then
    case "${words[1]}" in extract | check | rules | eval) sub="${words[1]}" ;; esac
  fi

  # The value of an option.
  case "$prev" in
    --lang)
      COMPREPLY=($(compgen -W "az en kk ru tr" -- "$cur"))
      return ;;
    --types)
      # A comma-separated list: complete its last element.
      local head=""
      [[ $cur == *,* ]] && head="${cur%,*},"
      COMPREPLY=($(compgen -P "$head" -W "quote date amount target claim" -- "${cur##*,}"))
      compopt -o nospace 2> /dev/null
      return ;;
    --format)
      if [[ $sub == check ]]; then
        COMPREPLY=($(compgen -W "jsonl text" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "jsonl json csv tsv text" -- "$cur"))
      fi
      return ;;
    --input)
      if [[ $sub == check ]]; then
        COMPREPLY=($(compgen -W "auto text jsonl" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "text jsonl" -- "$cur"))
      fi
      return ;;
    --color | --progress)
      COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
      return ;;
    --prefilter)
      COMPREPLY=($(compgen -W "none sentence-set set" -- "$cur"))
      return ;;
    --encoding)
      COMPREPLY=($(compgen -W "UTF-8 UTF-16LE UTF-16BE windows-1251 KOI8-R windows-1254
                               ISO-8859-9 windows-1252" -- "$cur"))
      return ;;
    --doc-date)
      COMPREPLY=($(compgen -W "$(date +%F 2> /dev/null)" -- "$cur"))
      return ;;
    --rules | --gold)
      compopt -o filenames 2> /dev/null
      COMPREPLY=($(compgen -d -- "$cur"))
      return ;;
    --ignore | --records)
      compopt -o filenames 2> /dev/null
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
  esac
  if _quotex_takes "$prev"; then
    return  # a number: nothing to offer
  fi

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_quotex_options "$sub")" -- "$cur"))
    return
  fi
  if [[ $cword -eq 1 ]]; then
    COMPREPLY=($(compgen -W "extract check rules eval" -- "$cur"))
  fi
  if [[ $sub == rules && $cword -eq 2 ]]; then
    COMPREPLY=($(compgen -W "list test lint" -- "$cur"))
    return
  fi
  # Paths: folders of packs for rules, files and folders otherwise.
  compopt -o filenames 2> /dev/null
  if [[ $sub == rules ]]; then
    COMPREPLY+=($(compgen -d -- "$cur"))
  else
    COMPREPLY+=($(compgen -f -- "$cur"))
  fi
}

complete -F _quotex quotex
