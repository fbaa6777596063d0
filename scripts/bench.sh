#!/usr/bin/env bash
# Every benchmark, each figure beside its baseline in the same run (see BENCHMARKS.md):
#   1. Rust typed queries vs hand-written rusqlite, opening the dataset, the full panel (criterion);
#   2. the scale databases (10k, 100k, 1M synthetic events, seed 42) and their filtered queries;
#   3. Python: DataFrames, record iteration, import time, Parquet export vs DuckDB;
#   4. memory and package sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --locked -p mongolia-relations --bench queries
cargo build --locked --release -p mongolia-relations --example generate_scale --example memory
# A scale database is rebuilt whenever the generator is newer: it carries the embedded data and schema.
gen=target/release/examples/generate_scale
for n in 10000 100000 1000000; do
  db="target/scale/events-$n.sqlite"
  [ "$db" -nt "$gen" ] || { rm -f "$db"; "$gen" "$n" 42 "$db"; }
done
cargo bench --locked -p mongolia-relations --bench scale
target/release/examples/memory target/scale/events-1000000.sqlite

venv=target/bench-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q "./bindings-python" pandas pyarrow "duckdb==1.4.4" "duckdb-ext-sqlite==1.4.4.*"
"$venv/bin/python" scripts/bench_python.py target/scale/events-100000.sqlite target/scale/events-1000000.sqlite

cargo package --locked --allow-dirty --no-verify -p mongolia-relations >/dev/null 2>&1
"$venv/bin/python" -m pip wheel -q --no-deps ./bindings-python -w target/bench-wheel
echo
echo "package sizes:"
ls -l target/package/mongolia-relations-*.crate target/bench-wheel/*.whl | awk '{printf "  %-70s %8.2f MB\n", $9, $5 / 1048576}'
