#!/usr/bin/env bash
# The app's longest UI-thread stall while a big CSV imports, a query runs over it and a plot
# is drawn: the end-to-end test driven by input events, on a generated file of N rows, in the
# release build under Xvfb. Usage: scripts/bench_ui_responsiveness.sh [BUILD_DIR] [ROWS]
set -euo pipefail
build=${1:-build/release}
rows=${2:-10000000}
PIKA_E2E_ROWS=$rows xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$build/tests/pika_end_to_end_tests" 2>&1 | grep -E "longest UI stall|PASS|FAIL"
