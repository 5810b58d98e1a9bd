#!/usr/bin/env bash
# cpack -G DEB: quotex_<version>_<arch>.deb holds the program, its manual,
# completion and copyright, and declares the shared libraries it runs on;
# quotex-dev holds the library, headers and CMake package, and depends on
# the -dev packages a program linking it needs.
# Usage: deb.sh BUILD_DIR SOURCE_DIR
set -u
BUILD="$1"
SRC="$2"
. "$SRC/tests/cli/check.sh"

(cd "$BUILD" && cpack -G DEB -B "$tmp/out" > "$tmp/cpack.log" 2>&1); rc=$?
check "cpack -G DEB succeeds" '[ $rc -eq 0 ]' || cat "$tmp/cpack.log" >&2
version=$("$BUILD/quotex" --version | head -1 | cut -d" " -f2)
arch=$(dpkg --print-architecture)
deb="$tmp/out/quotex_${version}_${arch}.deb"
dev="$tmp/out/quotex-dev_${version}_${arch}.deb"
check "two packages: quotex and quotex-dev" '[ -f "$deb" ] && [ -f "$dev" ]'

field() { dpkg-deb -f "$1" "$2"; }
check "quotex: package name and version" \
  '[ "$(field "$deb" Package)" = quotex ] && [ "$(field "$deb" Version)" = "$version" ]'
depends=$(field "$deb" Depends)
for lib in libre2 libicu libfmt libsimdjson libtomlplusplus libstdc++6 libc6; do
  check "quotex depends on $lib" 'grep -q "$lib" <<< "$depends"'
done
check "quotex has a description" '[ -n "$(field "$deb" Description)" ]'
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/quotex ./usr/share/man/man1/quotex.1.gz \
  ./usr/share/bash-completion/completions/quotex ./usr/share/doc/quotex/copyright \
  ./usr/share/doc/quotex/CHANGELOG.md; do
  check "quotex holds $f" 'grep -qx "$f" <<< "$files"'
done
check "quotex holds no headers or library" '! grep -q -e "/include/" -e "\.a$" <<< "$files"'
mkdir -p "$tmp/x" && dpkg-deb -x "$deb" "$tmp/x"
check "the packaged program is stripped" '! file "$tmp/x/usr/bin/quotex" | grep -q "not stripped"'

dev_files=$(dpkg-deb -c "$dev" | awk '{print $6}')
for f in /usr/include/quotex/extractor.hpp /libquotex.a /cmake/quotex/quotexConfig.cmake; do
  check "quotex-dev holds ...$f" 'grep -q "${f}$" <<< "$dev_files"'
done
check "quotex-dev depends on the -dev packages of the libraries" \
  '[ "$(for d in libre2-dev libicu-dev libfmt-dev libtomlplusplus-dev libsimdjson-dev; do grep -q "$d" <<< "$(field "$dev" Depends)" || echo "$d"; done)" = "" ]'

echo "deb: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
