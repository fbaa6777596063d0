#!/usr/bin/env bash
# Runs every test of the project on a fresh machine:
#   1. the Rust workspace (unit, integration and doc tests against the real embedded database);
#   2. the Python package: a wheel built from bindings-python/ and installed into a fresh virtual
#      environment with its test extras, then pytest (queries, errors, DataFrames, DuckDB,
#      threads, plots, stub check, and both example notebooks executed headlessly).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked

venv="${MONGOLIA_RELATIONS_TEST_VENV:-target/test-venv}"
# Absolute, so that the same path holds after the cd below whether the variable was relative or not.
venv="$(realpath -m "$venv")"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q "./bindings-python[test]"
cd bindings-python
"$venv/bin/python" -m pytest -q -p no:cacheprovider
