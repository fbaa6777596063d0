#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: the Rust workspace (unit, integration and
# doc tests against the real embedded database).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked
