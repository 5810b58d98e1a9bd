#!/usr/bin/env bash
# Installs the Debian packages quotex needs to build and test (SPEC §9).
# Only missing packages are installed; sudo is used only when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libre2-dev libicu-dev libcli11-dev libfmt-dev catch2
  libtomlplusplus-dev libsimdjson-dev
  parallel python3 clang-format time
  ripgrep bc  # the benchmark (tests/bench/run.sh): reference scan, arithmetic
  clang libclang-rt-14-dev  # libFuzzer targets (tests/fuzz)
  dpkg-dev file groff-base man-db bash-completion  # packaging, the manual and completion tests
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
