#!/usr/bin/env bash
# Runs the benchmarks and prints the ratios issue notes report (medians, same run).
# Usage: scripts/run_bench.sh BUILD_DIR   (PIKA_BENCH_ROWS=1000000 PIKA_BENCH_POINTS=1000000
# PIKA_BENCH_CACHE_ROWS=1000000 for a quick run)
set -euo pipefail
build=${1:-build/release}
out="$build/bench_results.json"
mkdir -p "$build/bench_data"
PIKA_BENCH_DIR="$build/bench_data" "$build/bench/pika_bench" \
  --benchmark_repetitions="${PIKA_BENCH_REPETITIONS:-3}" --benchmark_report_aggregates_only=true \
  --benchmark_out="$out" --benchmark_out_format=json
python3 - "$out" <<'PY'
import json, sys
runs = {b["run_name"].split("/")[0]: b for b in json.load(open(sys.argv[1]))["benchmarks"]
        if b.get("aggregate_name") == "median"}
def ratio(a, b, key):
    return runs[a][key] / runs[b][key]
for ours, theirs in [("BM_PikaImport", "BM_DuckDbReadCsv"),
                     ("BM_PikaImportUnordered", "BM_DuckDbReadCsvUnordered"),
                     ("BM_DuckDbReadCsvUnordered", "BM_DuckDbReadCsv")]:
    if ours in runs and theirs in runs:
        print(f"{ours} / {theirs}: wall {ratio(ours, theirs, 'real_time'):.3f}, "
              f"cpu {ratio(ours, theirs, 'cpu_time'):.3f}")
PY

repetitions="${PIKA_BENCH_REPETITIONS:-3}"
for bench in pika_cache_bench pika_pushdown_bench pika_reduction_bench pika_coarse_plot_bench; do
  echo
  echo "== $bench"
  "$build/bench/$bench" --benchmark_repetitions="$repetitions" \
    --benchmark_report_aggregates_only=true 2>&1 | grep -E "median|^Benchmark|^-"
done
