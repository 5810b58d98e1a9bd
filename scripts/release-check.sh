#!/usr/bin/env bash
# Installs a quotex package in a fresh Debian 12 root, as a user would, and
# runs it there: apt-get install ./quotex_*.deb (which must pull every library
# quotex needs), quotex --version, man quotex, and quotex on the seed article.
# Needs root and Debian's package mirror; not part of the test suite.
#
# Usage: scripts/release-check.sh DEB [WORKDIR]
#   DEB      the package, e.g. dist/quotex_0.1.0_amd64.deb (scripts/package.sh)
#   WORKDIR  where the root is made (default: a new folder under /tmp)
# Environment: QUOTEX_ROOT_TAR, a tar of a fresh `debootstrap --variant=minbase
# bookworm` root, used instead of running debootstrap again; QUOTEX_MIRROR.
set -euo pipefail
deb="$(realpath "$1")"
src="$(cd "$(dirname "$0")/.." && pwd)"
work="${2:-$(mktemp -d /tmp/quotex-release.XXXXXX)}"
root="$work/root"
mirror="${QUOTEX_MIRROR:-http://deb.debian.org/debian}"
if [ -e "$root" ]; then
  echo "release-check: $root exists; give a new WORKDIR so the root is fresh" >&2
  exit 2
fi
mkdir -p "$root"

if [ -n "${QUOTEX_ROOT_TAR:-}" ]; then
  tar -C "$root" -xf "$QUOTEX_ROOT_TAR"
else
  command -v debootstrap > /dev/null || apt-get install -y -qq debootstrap
  debootstrap --variant=minbase bookworm "$root" "$mirror"
fi
cp "$deb" "$root/tmp/"
cp "$src/samples/az/000_a5c5ee54b155f9dd.txt" "$root/tmp/seed.txt"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
trap 'umount "$root/proc"' EXIT

# Runs a command in the root as a login shell would, echoing it first.
run() {
  echo "\$ $*"
  chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive bash -c "cd /tmp && $*"
}

run "apt-get update -qq"
run "quotex --version 2>&1 || echo 'quotex: not installed yet'"
run "apt-get install -y --no-install-recommends ./$(basename "$deb") 2>&1 | grep -E '^(The following|Suggested|  |Setting up|Unpacking)'"
run "quotex --version"
run "apt-get install -y -qq --no-install-recommends man-db > /dev/null 2>&1; echo man-db installed"
run "MANWIDTH=80 man quotex 2> /dev/null | head -24"
run "quotex --doc-date 2025-10-21 --format text seed.txt"
run "quotex --doc-date 2025-10-21 seed.txt | wc -l"
run "bash -ic 'complete -p quotex' 2> /dev/null || . /usr/share/bash-completion/completions/quotex && complete -p quotex"
echo "release-check: done in $root"
