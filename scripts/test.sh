#!/usr/bin/env bash
# Installs what is missing, builds with -Werror, runs the whole test suite,
# then builds and runs it again under AddressSanitizer + UBSan.
# Also checks formatting of the C++ sources against .clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs="$(nproc)"

if command -v clang-format >/dev/null 2>&1; then
  echo "== clang-format"
  find src include tests -name '*.cpp' -o -name '*.hpp' | xargs clang-format --dry-run -Werror
fi

echo "== build (-Werror) and test"
cmake -S . -B build-ci -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQUOTEX_WERROR=ON
cmake --build build-ci -j"$jobs"
(cd build-ci && ctest --output-on-failure -j"$jobs")

echo "== build (ASan+UBSan) and test"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DQUOTEX_WERROR=ON -DQUOTEX_SANITIZE=ON \
  -DQUOTEX_BUILD_BENCH=OFF
cmake --build build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j"$jobs")

echo "== fuzz (libFuzzer, ASan+UBSan): each target briefly; README says how to run longer"
if command -v clang++ >/dev/null 2>&1; then
  scripts/fuzz.sh "${QUOTEX_FUZZ_SECONDS:-15}"
else
  echo "clang++ not found: fuzz targets skipped"
fi
