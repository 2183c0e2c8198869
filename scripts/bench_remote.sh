#!/usr/bin/env bash
# Remote plots pushed down vs fetched and reduced here (bench/remote_plot_bench.cpp), on a
# two-shard ClickHouse cluster and PostgreSQL started on 127.0.0.1 with PIKA_REMOTE_ROWS rows
# (default 10,000,000; PIKA_REMOTE_POSTGRES_ROWS caps PostgreSQL's, whose load is slower).
#   scripts/bench_remote.sh [BUILD_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=${1:-build/release}
servers="$build/remote_bench_servers"
export PIKA_REMOTE_ROWS=${PIKA_REMOTE_ROWS:-10000000}
trap '"$root/scripts/remote_servers.sh" stop "$servers"' EXIT
echo "bench_remote: loading $PIKA_REMOTE_ROWS rows"
time "$root/scripts/remote_servers.sh" start "$servers"
PIKA_REMOTE_ENV="$servers/servers.env" "$build/bench/pika_remote_plot_bench" \
  --benchmark_repetitions="${PIKA_BENCH_REPETITIONS:-3}" --benchmark_report_aggregates_only=true \
  --benchmark_filter="${PIKA_BENCH_FILTER:-.}"
