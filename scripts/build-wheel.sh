#!/usr/bin/env bash
# The release wheel: one abi3 wheel (CPython 3.10+) for manylinux2014 (glibc 2.17, so it installs
# on RHEL 8, Ubuntu 20.04 and most HPC clusters), stripped, with both licence texts in its
# .dist-info. zig, from PyPI's ziglang, links against the old glibc's symbols whatever this
# machine's glibc is. The wheel is then checked: auditwheel must find no symbol newer than
# glibc 2.17, and both licences must be inside; a wheel that fails is removed.
#
#   scripts/build-wheel.sh OUTDIR
#
# The build tools go into a virtual environment of their own ($MONGOLIA_RELATIONS_TOOLS_VENV,
# default target/build-tools-venv), made on first use.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR  (the folder to write the wheel into; created if missing)" >&2
  exit 2
fi
out="$(realpath -m "$1")"
cd "$(dirname "$0")/.."
tools="$(realpath -m "${MONGOLIA_RELATIONS_TOOLS_VENV:-target/build-tools-venv}")"
if [ ! -x "$tools/bin/maturin" ] || [ ! -x "$tools/bin/auditwheel" ] || ! "$tools/bin/python" -c 'import ziglang' 2>/dev/null; then
  python3 -m venv "$tools"
  "$tools/bin/python" -m pip install -q "maturin>=1.9.4,<2" "ziglang>=0.13" "auditwheel>=6"
fi
mkdir -p "$out"
# Only the wheel this run writes is checked, whatever else the folder holds.
staging=$(mktemp -d "$out/.build-wheel.XXXXXX")
trap 'rm -rf "$staging"' EXIT
PATH="$tools/bin:$PATH" maturin build --release --locked --strip --zig --compatibility manylinux2014 \
  -m bindings-python/Cargo.toml -o "$staging"
wheels=("$staging"/*.whl)
if [ ${#wheels[@]} -ne 1 ]; then
  echo "expected one wheel, maturin wrote ${#wheels[@]}: ${wheels[*]}" >&2
  exit 1
fi
wheel="${wheels[0]}"
case "$(basename "$wheel")" in
  *-cp310-abi3-*manylinux_2_17_x86_64*.whl | *-cp310-abi3-*manylinux2014_*.whl | *-cp310-abi3-*manylinux_2_17_*.whl) ;;
  *) echo "not an abi3 manylinux2014 wheel: $(basename "$wheel")" >&2; exit 1 ;;
esac
report=$("$tools/bin/auditwheel" show "$wheel")
echo "$report"
# auditwheel names the most compatible tag the wheel's symbols allow, e.g. manylinux_2_17_x86_64.
tag=$(grep -oE 'manylinux_2_[0-9]+' <<<"$report" | head -1)
minor=${tag#manylinux_2_}
if [ -z "$tag" ] || [ "$minor" -gt 17 ]; then
  echo "auditwheel does not report manylinux_2_17 or older for $(basename "$wheel") (got '${tag:-none}')" >&2
  exit 1
fi
for licence in LICENSE-MIT LICENSE-APACHE; do
  if ! "$tools/bin/python" - "$wheel" "$licence" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
sys.exit(0 if any(n.split("/")[0].endswith(".dist-info") and n.endswith("/" + sys.argv[2]) for n in names) else 1)
PY
  then
    echo "$(basename "$wheel") has no $licence in its .dist-info" >&2
    exit 1
  fi
done
if [ -e "$out/$(basename "$wheel")" ]; then
  echo "$out/$(basename "$wheel") exists; remove it or choose another OUTDIR (it is never replaced)" >&2
  exit 1
fi
mv "$wheel" "$out/"
echo "wrote $out/$(basename "$wheel") ($tag, abi3, stripped, LICENSE-MIT and LICENSE-APACHE inside)"
