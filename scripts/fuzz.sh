#!/usr/bin/env bash
# Runs every libFuzzer target (tests/fuzz) for SECONDS each, starting from its committed
# corpus, and prints executions and coverage per target. New inputs stay in
# build/fuzz/corpus/<target> (merge the useful ones into tests/fuzz/corpus with -merge=1);
# a crash is saved in build/fuzz/crashes/<target>/ and fails the run.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 600 s, every target)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv_import_fuzz workspace_load_fuzz canonical_query_fuzz
                                     graph_json_fuzz remote_text_fuzz)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "${JOBS:-$(nproc)}"

failed=0
printf '%-22s %10s %8s %8s %8s %s\n' target executions exec/s cov ft result
for target in "${targets[@]}"; do
  work="build/fuzz/corpus/$target" crashes="build/fuzz/crashes/$target"
  mkdir -p "$work" "$crashes"
  log="build/fuzz/$target.log"
  result=ok
  # -timeout: one input taking longer than this is a hang worth a look, not a slow input.
  "build/fuzz/tests/fuzz/$target" -max_total_time="$seconds" -max_len=65536 -timeout=30 \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$crashes/" \
    "$work" "tests/fuzz/corpus/$target" >"$log" 2>&1 || { result="FAILED (see $log)"; failed=1; }
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  printf '%-22s %10s %8s %8s %8s %s\n' "$target" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "$result"
done
exit "$failed"
