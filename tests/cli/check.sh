# Sourced by the CLI tests: a temporary folder removed on exit, and check
# NAME CONDITION, which evaluates CONDITION and counts it in pass / fail.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

check() {  # name, condition (evaluated)
  if eval "$2"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: $1" >&2
  fi
}
