#!/usr/bin/env bash
# Benchmark of issue 26: the benchmark study of scripts/bench.sh (N
# respondents x 60 items x 2 measures) with 20 `[[published]]` entries and
# without, alternating, RUNS times each (scripts/bench_pair.sh). The entries
# are written from a first run's tables, so all 20 are reproduced: the
# respondents, the six area means of one measure and the six agreement
# shares of the other, and seven item means.
#
# Usage: scripts/bench_published.sh [SIZES...]   (default: 100000)
# Env:   RUNS (default 7), BENCH_DIR (default target/bench-data).
# Build first: cargo build --release
set -euo pipefail
cd "$(dirname "$0")/.."
peil="${PEIL:-$PWD/target/release/peil}"
runs="${RUNS:-7}"
work="${BENCH_DIR:-$PWD/target/bench-data}"
[ -x "$peil" ] || { echo "missing $peil: cargo build --release" >&2; exit 1; }
sizes=("$@")
[ "${#sizes[@]}" -eq 0 ] && sizes=(100000)
. scripts/bench_pair.sh

# entries TABLES: the 20 [[published]] entries, values as a report prints them.
entries() {
  python3 - "$1" <<'PY'
import csv, sys
t = sys.argv[1]
def rows(name):
    with open(f"{t}/{name}.csv", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r.get("group", "ALL") == "ALL"]
def entry(table, where, column, value):
    keys = ", ".join(f'{k} = "{v}"' for k, v in where.items())
    print(f'\n[[published]]\nround = "r1"\ntable = "{table}"\nwhere = {{ {keys} }}\n'
          f'column = "{column}"\nvalue = "{value}"\nsource = "benchmark"')
entry("respondents", {"group": "ALL"}, "respondents", rows("respondents")[0]["respondents"])
for r in rows("area_scores"):
    where = {"measure": r["measure"], "area": r["area"], "group": "ALL"}
    if r["measure"] == "herkenbaarheid":
        entry("area_scores", where, "mean", f'{float(r["mean"]):.1f}')
    else:
        entry("area_scores", where, "pct_agree", f'{100 * float(r["pct_agree"]):.0f}%')
for r in rows("item_scores")[:7]:
    where = {"measure": r["measure"], "item": r["item"], "group": "ALL"}
    entry("item_scores", where, "mean", f'{float(r["mean"]):.1f}')
PY
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); RUNS=$runs"
echo
echo "| respondents | mode | without min / med s | with 20 published min / med s | median change | min change |"
echo "|---:|---|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  without="$work/s$n"; with="$work/s$n-published"
  [ -f "$without/r1/questionnaire.csv" ] ||
    python3 scripts/gen_bench_study.py --respondents "$n" --out "$without" >/dev/null
  # A copy (peil refuses a link that leaves the study folder), made once.
  mkdir -p "$with/r1"
  [ -f "$with/r1/questionnaire.csv" ] || cp "$without/r1/questionnaire.csv" "$with/r1/"
  "$peil" run --quiet --no-charts --out "$work/out" "$without" >/dev/null 2>&1
  { cat "$without/study.toml"; entries "$work/out/$(basename "$without")/r1/tables"; } > "$with/study.toml"
  "$peil" run --quiet --no-charts --out "$work/out" "$with" >/dev/null 2>&1
  yes=$(grep -c ',yes,' "$work/out/$(basename "$with")/r1/tables/published.csv" || true)
  [ "$yes" -eq 20 ] || { echo "bench_published: $yes of the 20 entries reproduced" >&2; exit 1; }
  pair_row "$n" "$without" "$with" tables
done
