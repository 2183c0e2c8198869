#!/usr/bin/env bash
# Workspaces bigger than memory: save and open next to `cp` of the same file (ratios of medians,
# same run), and each step's peak RSS with a small memory limit next to an idle engine's.
# Usage: scripts/bench_workspace.sh BUILD_DIR
#   PIKA_BENCH_ROWS (default 10M: a ~1.3 GB CSV, a ~0.5 GB workspace), PIKA_MEMORY_LIMIT
#   (default 256MB), PIKA_BENCH_REPETITIONS (default 3).
set -euo pipefail
build=${1:-build/release}
export PIKA_BENCH_DIR="$build/bench_data"
export PIKA_MEMORY_LIMIT="${PIKA_MEMORY_LIMIT:-256MB}"
export PIKA_DATA_DIR="$PIKA_BENCH_DIR/data"
mkdir -p "$PIKA_BENCH_DIR"
bench="$build/bench/pika_workspace_bench"
out="$build/bench_workspace.json"

"$bench" --phase=engine  # builds the CSV and the workspace once, outside every measurement
"$bench" --benchmark_repetitions="${PIKA_BENCH_REPETITIONS:-3}" \
  --benchmark_report_aggregates_only=true --benchmark_out="$out" --benchmark_out_format=json
python3 - "$out" <<'PY'
import json, sys
runs = {b["run_name"].split("/")[0]: b for b in json.load(open(sys.argv[1]))["benchmarks"]
        if b.get("aggregate_name") == "median"}
for base, label in [("BM_CopyWorkspaceFile", "cp"), ("BM_CopyWorkspaceFileDurably", "cp+fsync")]:
    for name in ["BM_SaveOpenedWorkspace", "BM_OpenWorkspaceFirstTime"]:
        print(f"{name} / {label}: wall {runs[name]['real_time'] / runs[base]['real_time']:.2f}, "
              f"cpu {runs[name]['cpu_time'] / runs[base]['cpu_time']:.2f}")
for name in ["BM_OpenWorkspaceAgain", "BM_WorkspaceSummary"]:
    print(f"{name}: {runs[name]['real_time']:.1f} ms")
PY

echo "peak RSS with PIKA_MEMORY_LIMIT=$PIKA_MEMORY_LIMIT:"
workspace=$(ls -S "$PIKA_BENCH_DIR"/workspace_*.pikaplot | head -1)
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
for phase in engine import save open info; do
  printf '  %-8s %8s KiB\n' "$phase" "$(rss "$bench" --phase=$phase)"
done
printf '  %-8s %8s KiB\n' "render" "$(rss "$build/src/cli/pika" render "$workspace" --out "$PIKA_BENCH_DIR/render")"
printf '  %-8s %8s KiB\n' "pika info" "$(rss "$build/src/cli/pika" info "$workspace")"
