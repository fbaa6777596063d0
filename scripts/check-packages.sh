#!/usr/bin/env bash
# Reproducibility of the packages: the core crate builds from `cargo package` alone (beside the
# builder crate it depends on), and the Python wheel builds from the sdist alone; both embed
# byte-identical databases. All carry the licence texts; `cargo install --path
# mongolia-relations` (the README's way to the binary) works; with
# MONGOLIA_RELATIONS_CHECK_RELEASE=1 the release wheel of scripts/build-wheel.sh is built
# and checked too (abi3, manylinux_2_17 or older by auditwheel, licences inside).
set -euo pipefail
cd "$(dirname "$0")/.."
# Both crates together: the core crate's build script and library depend on the builder crate,
# which is not yet published, so cargo verifies the core crate against the packaged builder.
cargo package -p mongolia-relations-builder -p mongolia-relations --locked --allow-dirty   # verifies by building the packaged crates
for crate in mongolia-relations-builder mongolia-relations; do
  listed=$(cargo package --list -p "$crate" --locked --allow-dirty)
  for licence in LICENSE-MIT LICENSE-APACHE; do
    grep -qx "$licence" <<<"$listed" || { echo "the $crate package has no $licence" >&2; exit 1; }
  done
done
expected=$(cargo run -q --locked -p mongolia-relations -- version --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["file_sha256"])')

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q "maturin>=1.9.4,<2"
"$tmp/venv/bin/maturin" sdist -m bindings-python/Cargo.toml -o "$tmp/sdist"
mkdir "$tmp/unpacked"
tar -xzf "$tmp"/sdist/*.tar.gz -C "$tmp/unpacked"
# Listed first: `grep -q` ends the pipe early, which pipefail would count as tar failing.
sdist_files=$(tar -tzf "$tmp"/sdist/*.tar.gz)
for licence in LICENSE-MIT LICENSE-APACHE; do
  grep -q "/$licence\$" <<<"$sdist_files" || { echo "the sdist has no $licence" >&2; exit 1; }
done
# Build in a copy that has nothing but the sdist's files.
"$tmp/venv/bin/python" -m pip wheel -q --no-deps "$tmp"/unpacked/* -w "$tmp/wheel"
for licence in LICENSE-MIT LICENSE-APACHE; do
  "$tmp/venv/bin/python" - "$tmp"/wheel/*.whl "$licence" <<'PY' || { echo "the wheel from the sdist has no $licence" >&2; exit 1; }
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
sys.exit(0 if any(n.split("/")[0].endswith(".dist-info") and n.endswith("/" + sys.argv[2]) for n in names) else 1)
PY
done
"$tmp/venv/bin/python" -m pip install -q "$tmp"/wheel/*.whl
got=$(cd "$tmp" && "$tmp/venv/bin/python" -c 'import mongolia_relations as mr; print(mr.FILE_SHA256)')
if [ "$got" != "$expected" ]; then
  echo "the wheel built from the sdist embeds a different database: $got != $expected" >&2
  exit 1
fi
# The README's way to the binary; the debug profile reuses this tree's build.
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}" cargo install -q --locked --debug --path mongolia-relations --root "$tmp/cargo-root"
installed=$("$tmp/cargo-root/bin/mongolia-relations" version --format json)
grep -q "$expected" <<<"$installed" || { echo "the installed binary embeds another database: $installed" >&2; exit 1; }

# A release build with zig from a clean tree takes longer than the rest of this check (about 10
# minutes on 2 cores), so it is asked for, not run by default.
if [ "${MONGOLIA_RELATIONS_CHECK_RELEASE:-0}" = 1 ]; then
  bash scripts/build-wheel.sh "$tmp/release"
  "$tmp/venv/bin/python" -m pip install -q --force-reinstall "$tmp"/release/*.whl
  got=$(cd "$tmp" && "$tmp/venv/bin/python" -c 'import mongolia_relations as mr; print(mr.FILE_SHA256)')
  [ "$got" = "$expected" ] || { echo "the release wheel embeds a different database: $got" >&2; exit 1; }
  echo "release wheel: $(basename "$tmp"/release/*.whl) checked"
fi
echo "packages check: both crates verified with their licences; wheel from sdist embeds the same database ($got); cargo install works"
