#!/usr/bin/env bash
# cmake --install: the tree holds the program, its manual, completion and
# documents, the library, headers and CMake package; the installed program
# runs; a project outside the tree finds quotex with find_package and links
# quotex::core, and its records are the program's.
# Usage: install.sh BUILD_DIR SOURCE_DIR CXX_COMPILER [CXX_FLAGS]
set -u
BUILD="$1"
SRC="$2"
CXX="$3"
FLAGS="${4:-}"
SEED="$SRC/samples/az/000_a5c5ee54b155f9dd.txt"
. "$SRC/tests/cli/check.sh"

P="$tmp/prefix"
cmake --install "$BUILD" --prefix "$P" > "$tmp/install.log" 2>&1; rc=$?
check "cmake --install succeeds" '[ $rc -eq 0 ]' || cat "$tmp/install.log" >&2

libdir=$(cd "$P" && ls -d lib* | head -1)
for f in bin/quotex share/man/man1/quotex.1.gz share/bash-completion/completions/quotex \
  share/doc/quotex/README.md share/doc/quotex/CHANGELOG.md share/doc/quotex/copyright \
  include/quotex/extractor.hpp include/quotex/emit.hpp include/quotex/rule_set.hpp \
  "$(cd "$P" && ls -d lib*/libquotex.a 2> /dev/null | head -1)" \
  "$libdir"/cmake/quotex/quotexConfig.cmake "$libdir"/cmake/quotex/quotexConfigVersion.cmake \
  "$libdir"/cmake/quotex/quotexTargets.cmake; do
  check "the tree holds $f" '[ -n "$f" ] && [ -f "$P/$f" ]'
done
check "the tree holds nothing of the sources or tests" \
  '! find "$P" -name "*.cpp" -o -name "*.toml" -o -name "*.gold.json" | grep -q .'

# The runtime component alone has no library or headers (the quotex package).
cmake --install "$BUILD" --prefix "$tmp/rt" --component runtime > /dev/null 2>&1
check "component runtime: program, manual, completion, no headers" \
  '[ -x "$tmp/rt/bin/quotex" ] && [ -f "$tmp/rt/share/man/man1/quotex.1.gz" ] && [ ! -d "$tmp/rt/include" ]'

version=$("$P/bin/quotex" --version | head -1)
check "installed quotex --version names the version" \
  '[[ "$version" =~ ^quotex\ [0-9]+\.[0-9]+\.[0-9]+$ ]]'
check "the first version in CHANGELOG.md is the program's" \
  'grep -m1 "^## " "$P/share/doc/quotex/CHANGELOG.md" | grep -q "^## \[${version#quotex }\]"'
check "installed quotex gives the build's records on the seed" \
  '[ "$("$P/bin/quotex" --doc-date 2025-10-21 "$SEED" | md5sum)" = "$("$BUILD/quotex" --doc-date 2025-10-21 "$SEED" | md5sum)" ]'
if command -v man > /dev/null; then
  check "man renders the installed page" \
    'MANWIDTH=80 man -l "$P/share/man/man1/quotex.1.gz" 2> /dev/null | grep -q "quotex check"'
fi
check "the installed completion loads" \
  "bash --norc -c '. \"$P/share/bash-completion/completions/quotex\"; complete -p quotex' | grep -q _quotex"

# A project outside the tree: find_package(quotex), link quotex::core.
cmake -S "$SRC/tests/install/consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$P" \
  -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_CXX_FLAGS="$FLAGS" -DCMAKE_EXE_LINKER_FLAGS="$FLAGS" \
  > "$tmp/consumer.log" 2>&1 && cmake --build "$tmp/consumer" >> "$tmp/consumer.log" 2>&1; rc=$?
check "a consumer project configures and builds against the install" '[ $rc -eq 0 ]' ||
  cat "$tmp/consumer.log" >&2
check "the consumer's records are the program's" \
  '[ "$("$tmp/consumer/consumer" "$SEED" 2025-10-21 | md5sum)" = "$("$P/bin/quotex" --format jsonl --doc-date 2025-10-21 "$SEED" | md5sum)" ]'
check "the consumer found quotex in the prefix, not the build tree" \
  'grep -q "quotex_DIR:PATH=$P/$libdir/cmake/quotex" "$tmp/consumer/CMakeCache.txt"'
# The version file: 0.1 is this version; 0.x promises nothing across minor versions.
mkdir -p "$tmp/v"
cat > "$tmp/v/CMakeLists.txt" << 'CMAKE'
cmake_minimum_required(VERSION 3.22)
project(v LANGUAGES CXX)
find_package(quotex 9.0 QUIET)
if(quotex_FOUND)
  message(FATAL_ERROR "9.0 taken")
endif()
find_package(quotex 0.1 QUIET)
if(NOT quotex_FOUND OR NOT TARGET quotex::core)
  message(FATAL_ERROR "0.1 not found")
endif()
CMAKE
cmake -S "$tmp/v" -B "$tmp/v/b" -DCMAKE_PREFIX_PATH="$P" -DCMAKE_CXX_COMPILER="$CXX" \
  > "$tmp/v.log" 2>&1; rc=$?
check "find_package takes 0.1 and refuses 9.0" '[ $rc -eq 0 ]' || cat "$tmp/v.log" >&2

echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
