#!/usr/bin/env bash
# Runs every test of the project on a fresh machine:
#   1. the Rust workspace (unit, integration and doc tests against the real embedded database);
#   2. the Python package: a wheel built from bindings-python/ and installed into a fresh virtual
#      environment with its test extras, then pytest (queries, errors, DataFrames, DuckDB,
#      threads, plots, the example notebooks executed headlessly, and the types: mypy --strict on
#      the package source, the example script and the notebooks' code, stubtest on the package).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked

# Absolute, so that the path still holds after the cd below (the variable may be relative or not).
venv="$(realpath -m "${MONGOLIA_RELATIONS_TEST_VENV:-target/test-venv}")"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q "./bindings-python[test]"
cd bindings-python
"$venv/bin/python" -m pytest -q -p no:cacheprovider
