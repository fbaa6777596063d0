#!/usr/bin/env bash
# Instructions per call of each typed query and of its hand-written baseline (benches/queries.rs),
# counted by callgrind: unlike times, the counts do not move with the machine's load.
# Each side runs once (warm-up: statement cache, resolved names) and then 100 times more; the
# count of the first run alone is subtracted. Usage: bash scripts/callgrind_queries.sh [CASE...]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(cargo bench --locked -p mongolia-relations --bench queries --no-run 2>&1 |
  grep -o 'target/release/deps/queries-[0-9a-f]*' | tail -1)
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(open events treaties postings observations memberships polities sources search persons organizations disputes)
count() { # CASE/SIDE RUNS -> instructions collected
  QUERIES_PROFILE=$1 QUERIES_PROFILE_RUNS=$2 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf '%-14s %14s %14s %8s\n' case typed baseline ratio
for c in "${cases[@]}"; do
  t=$(( ($(count "$c/typed" 101) - $(count "$c/typed" 1)) / 100 ))
  b=$(( ($(count "$c/baseline" 101) - $(count "$c/baseline" 1)) / 100 ))
  printf '%-14s %14d %14d %8.3f\n' "$c" "$t" "$b" "$(echo "$t / $b" | bc -l)"
done
