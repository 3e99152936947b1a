#!/usr/bin/env bash
# Benchmark of `peil compare` on two rounds of N respondents x 60 items x 2
# measures (default N = 100000), SYNTHETIC data from gen_bench_study.py.
# Round 2 is round 1's export with every rating shifted (1->2, 2->3, ...,
# 4 stays 4), so the comparison has differences to test. Prints min and
# median wall time of RUNS runs, tables only and full, and peak RSS.
#
#   scripts/bench_compare.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
runs=${2:-5}
dir=${BENCH_DIR:-target/bench}/compare-$n
peil=target/release/peil
[ -x "$peil" ] || cargo build --release --quiet
if [ ! -f "$dir/r2/questionnaire.csv" ]; then
  python3 scripts/gen_bench_study.py --respondents "$n" --out "$dir"
  mkdir -p "$dir/r2"
  # Shift numeric ratings up by one (the ids, groups and labels stay).
  python3 - "$dir/r1/questionnaire.csv" "$dir/r2/questionnaire.csv" <<'PY'
import csv, re, sys
up = {"1": "2", "2": "3", "3": "4"}
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f, \
        open(sys.argv[2], "w", encoding="utf-8", newline="") as g:
    rows = csv.reader(f, delimiter=";")
    out = csv.writer(g, delimiter=";", lineterminator="\r\n")
    header = next(rows)
    rating = [bool(re.fullmatch(r"Q\d+_[ht]", h)) for h in header]
    out.writerow(header)
    for row in rows:
        out.writerow([up.get(c, c) if r else c for c, r in zip(row, rating)])
PY
  printf '\n[[rounds]]\nid = "r2"\nquestionnaire = "r2/questionnaire.csv"\n' >> "$dir/study.toml"
fi
size=$(du -m "$dir/r1/questionnaire.csv" | cut -f1)
measure() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc)")
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local min med
  min=$(echo "$sorted" | head -1)
  med=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  local rss
  local log
  log=$(mktemp)
  /usr/bin/time -v -o "$log" "$@" >/dev/null 2>&1
  rss=$(awk '/Maximum resident/ {print int($6/1024)}' "$log")
  rm -f "$log"
  printf '%-28s min %6.2f s  median %6.2f s  peak RSS %5s MB\n' "$label" "$min" "$med" "${rss:-?}"
}
echo "peil compare: 2 rounds x $n respondents x 60 items x 2 measures ($size MB per round), $runs runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
out=$(mktemp -d)
measure "compare --no-charts" "$peil" compare "$dir" --from r1 --to r2 --out "$out" --no-charts --quiet
measure "compare (full)" "$peil" compare "$dir" --from r1 --to r2 --out "$out" --quiet
rm -rf "$out"
