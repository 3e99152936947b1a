#!/usr/bin/env bash
# Times `peil run` with and without charts/report on the bundled example and
# on generated studies (scripts/gen_bench_study.py), min and median of RUNS
# runs, with peak RSS. Usage: scripts/bench.sh [SIZES...]   (default: 10000 100000)
# Build first: cargo build --release. Results go to stdout as a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
peil="$PWD/target/release/peil"
runs="${RUNS:-5}"
work="${BENCH_DIR:-/tmp/peil-bench}"
mkdir -p "$work"
sizes=("$@")
[ "${#sizes[@]}" -eq 0 ] && sizes=(10000 100000)

# time_runs LABEL ARGS... : prints "| LABEL | min s | median s | peak RSS MB |"
time_runs() {
  local label="$1"; shift
  local times=() rss=0
  for _ in $(seq "$runs"); do
    local out
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$peil" "$@" >/dev/null 2>&1
    out=$(tail -1 "$work/time.txt")
    times+=("${out% *}")
    local r="${out#* }"; [ "$r" -gt "$rss" ] && rss="$r"
  done
  local sorted; sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local min; min=$(echo "$sorted" | head -1)
  local med; med=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  printf '| %s | %s | %s | %s |\n' "$label" "$min" "$med" "$((rss / 1024))"
}

echo "| case | min s | median s | peak RSS MB |"
echo "|---|---:|---:|---:|"
example=input/npuls-docentondersteuning
time_runs "example (87), tables only" run --quiet --no-charts --out "$work/out" "$example"
time_runs "example (87), full" run --quiet --out "$work/out" "$example"
for n in "${sizes[@]}"; do
  study="$work/s$n"
  [ -f "$study/r1/questionnaire.csv" ] || python3 scripts/gen_bench_study.py --respondents "$n" --out "$study"
  mb=$(( $(stat -c %s "$study/r1/questionnaire.csv") / 1024 / 1024 ))
  time_runs "$n x 60 items x 2 ($mb MB), tables only" run --quiet --no-charts --out "$work/out" "$study"
  time_runs "$n x 60 items x 2 ($mb MB), full" run --quiet --out "$work/out" "$study"
done
