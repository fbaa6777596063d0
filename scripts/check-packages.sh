#!/usr/bin/env bash
# Reproducibility of the packages: the core crate builds from `cargo package` alone, and the Python
# wheel builds from the sdist alone; both embed byte-identical databases.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo package -p mongolia-relations --locked --allow-dirty   # verifies by building the packaged crate
expected=$(cargo run -q --locked -p mongolia-relations -- version --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["file_sha256"])')

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q "maturin>=1.9.4,<2"
"$tmp/venv/bin/maturin" sdist -m bindings-python/Cargo.toml -o "$tmp/sdist"
mkdir "$tmp/unpacked"
tar -xzf "$tmp"/sdist/*.tar.gz -C "$tmp/unpacked"
# Build in a copy that has nothing but the sdist's files.
"$tmp/venv/bin/python" -m pip wheel -q --no-deps "$tmp"/unpacked/* -w "$tmp/wheel"
"$tmp/venv/bin/python" -m pip install -q "$tmp"/wheel/*.whl
got=$(cd "$tmp" && "$tmp/venv/bin/python" -c 'import mongolia_relations as mr; print(mr.FILE_SHA256)')
if [ "$got" != "$expected" ]; then
  echo "the wheel built from the sdist embeds a different database: $got != $expected" >&2
  exit 1
fi
echo "packages check: crate verified; wheel from sdist embeds the same database ($got)"
