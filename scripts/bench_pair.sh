# Sourced by the benchmarks that time one study against a variant of it
# (bench_breakdowns.sh, bench_published.sh): `pair_row N WITHOUT WITH` runs
# `peil run --no-charts` (tables) and `peil run` (full) on both folders,
# alternating, RUNS times each, and prints a table row per mode with the
# min / median of each and the change of both. On a shared machine the
# median moves with the neighbours' load; the min is the steadier figure
# of what a run costs, so both changes are printed.
# Needs: $peil, $runs, $work.

# secs CMD...: runs CMD once, prints its wall time in seconds.
secs() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}

# stats TIMES...: "min / median"
stats() {
  local sorted; sorted=$(printf '%s\n' "$@" | sort -n)
  printf '%.3f / %.3f' "$(echo "$sorted" | head -1)" "$(echo "$sorted" | sed -n "$(( ($# + 1) / 2 ))p")"
}

# change FROM TO: "+1.3%" (bc writes .9 for 0.9).
change() {
  printf '%+.1f%%' "$(echo "scale=4; 100 * ($2 - $1) / $1" | bc)"
}

# pair_row LABEL WITHOUT WITH [MODES...]: one table row per mode (default
# both), alternating the two studies.
pair_row() {
  local label="$1" without="$2" with="$3"; shift 3
  local modes=("$@"); [ "${#modes[@]}" -eq 0 ] && modes=(tables full)
  for mode in "${modes[@]}"; do
    local flags=(--quiet --out "$work/out") a=() b=()
    [ "$mode" = tables ] && flags+=(--no-charts)
    for _ in $(seq "$runs"); do
      a+=("$(secs "$peil" run "${flags[@]}" "$without")")
      b+=("$(secs "$peil" run "${flags[@]}" "$with")")
    done
    local sa sb ma mb na nb
    sa=$(stats "${a[@]}"); sb=$(stats "${b[@]}")
    ma=${sa#*/ }; mb=${sb#*/ }
    na=${sa% /*}; nb=${sb% /*}
    echo "| $label | $mode | $sa | $sb | $(change "$ma" "$mb") | $(change "$na" "$nb") |"
  done
}
