#!/usr/bin/env bash
# Builds the Debian packages of a release: a Release build without tests,
# then cpack. Writes quotex_<version>_<arch>.deb (the program, its manual and
# completion) and quotex-dev_<version>_<arch>.deb (library, headers, CMake
# package) into the folder given (default: dist/).
# Install with: apt-get install ./dist/quotex_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)"
scripts/install-deps.sh
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DQUOTEX_BUILD_TESTS=OFF -DQUOTEX_BUILD_BENCH=OFF
cmake --build build-release -j"$(nproc)"
(cd build-release && cpack -G DEB -B "$out")
rm -rf "$out/_CPack_Packages"
ls -l "$out"/*.deb
