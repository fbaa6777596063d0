#!/usr/bin/env bash
# A Mongolia–DPRK timeline, the treaties in force in 1990, and the sources behind them.
set -euo pipefail
cd "$(dirname "$0")/.."
run() { cargo run -q -p mongolia-relations -- "$@"; }
run events --polity "North Korea" --start 1948 --end 2003
run treaties --polity PRK --in-force-on 1990-06-01
run disputes --polity PRK
run cite
