#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs them.
#   scripts/fuzz.sh [SECONDS] [TARGET...]   default: 30 s each, every target
# Limits catch slowness as well as crashes: a single input may take 5 s and
# 512 MB. The corpus grows in build-fuzz/corpus/TARGET (kept between runs);
# crashes and slow inputs are written to build-fuzz/findings/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_read fuzz_jsonl fuzz_rules fuzz_pipeline fuzz_check)

if [ ! -f build-fuzz/CMakeCache.txt ]; then
  CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQUOTEX_FUZZ=ON \
    -DQUOTEX_WERROR=ON -DQUOTEX_BUILD_TESTS=OFF -DQUOTEX_BUILD_BENCH=OFF > /dev/null
fi
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"

status=0
for t in "${targets[@]}"; do
  name=${t#fuzz_}
  corpus=build-fuzz/corpus/$t
  findings=build-fuzz/findings/$t
  mkdir -p "$corpus" "$findings"
  seeds=(tests/fuzz/seeds/$name)
  case $name in
    read | pipeline) seeds+=(samples/az) ;;
  esac
  echo "== $t: ${secs}s"
  if ! ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=64 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "build-fuzz/tests/fuzz/$t" -max_total_time="$secs" -timeout=5 -rss_limit_mb=512 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" \
    "$corpus" "${seeds[@]}" 2> "build-fuzz/$t.log"; then
    status=1
    tail -40 "build-fuzz/$t.log"
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|cov: " "build-fuzz/$t.log" | tail -3
done
exit $status
