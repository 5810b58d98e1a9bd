#!/usr/bin/env bash
# Installs what is missing, builds quotex, and runs it on samples/ (text
# view on a terminal, JSON Lines otherwise), then scores it against the
# gold files beside the samples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DQUOTEX_BUILD_TESTS=OFF
cmake --build build -j"$(nproc)"
build/quotex -r samples/
build/quotex eval --gold samples/
