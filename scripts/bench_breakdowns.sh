#!/usr/bin/env bash
# Benchmark of issue 15's breakdowns: the same export (scripts/gen_bench_study.py
# --breakdowns: N respondents x 60 items x 2 measures plus `functie` and
# `regio`) run with `breakdowns = ["functie", "regio"]` and without (the same
# study.toml minus that line), alternating, RUNS times each; min and median
# wall time of `peil run --no-charts` (tables) and `peil run` (full), and
# the change of both (scripts/bench_pair.sh).
#
# Usage: scripts/bench_breakdowns.sh [SIZES...]   (default: 100000 1000000)
# Env:   RUNS (default 5), BENCH_DIR (default target/bench-data).
# Build first: cargo build --release
set -euo pipefail
cd "$(dirname "$0")/.."
peil="$PWD/target/release/peil"
runs="${RUNS:-5}"
work="${BENCH_DIR:-$PWD/target/bench-data}"
[ -x "$peil" ] || { echo "missing $peil: cargo build --release" >&2; exit 1; }
sizes=("$@")
[ "${#sizes[@]}" -eq 0 ] && sizes=(100000 1000000)

. scripts/bench_pair.sh

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); RUNS=$runs"
echo
echo "| respondents | mode | without min / med s | with two breakdowns min / med s | median change | min change |"
echo "|---:|---|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  with="$work/b$n"; without="$work/b$n-none"
  if [ ! -f "$with/study.toml" ]; then
    python3 scripts/gen_bench_study.py --respondents "$n" --breakdowns --out "$with"
  fi
  # The same export without breakdowns: a copy (peil refuses a link that
  # leaves the study folder), made once.
  mkdir -p "$without/r1"
  grep -v '^breakdowns = ' "$with/study.toml" > "$without/study.toml"
  [ -f "$without/r1/questionnaire.csv" ] || cp "$with/r1/questionnaire.csv" "$without/r1/"
  pair_row "$n" "$without" "$with"
done
