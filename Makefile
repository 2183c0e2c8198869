# The two commands a user needs: `make run` and `make test`. Both install what is missing.
JOBS ?= $(shell nproc)
export CCACHE_DIR ?= $(HOME)/.cache/ccache

.PHONY: setup build run test test-all test-tsan fuzz fuzz-smoke golden bench bench-plot bench-remote bench-workspace format

setup:
	@bash scripts/setup.sh

build: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

# Opens the desktop app on the sample workspace (or says how, without a display).
run: build
	@bash scripts/run_app.sh build/release/src/app/pika-app

test: setup
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)
	@ctest --preset debug -LE slow -j $(JOBS)

test-all: setup
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)
	@ctest --preset debug -j $(JOBS)

# ThreadSanitizer over the threaded code (the cache, cancellation, progress).
test-tsan: setup
	@cmake --preset tsan >/dev/null
	@cmake --build --preset tsan -j $(JOBS) --target pika_compute_tests pika_storage_tests
	@ctest --preset tsan -j $(JOBS) -R 'QueryCache|CacheDifferential|ExecuteWatched|Interrupt|Cancel|JobScheduler'

# libFuzzer (clang 14) over our loaders of outside bytes, 10 minutes per target; `make test`
# replays their committed corpora (tests/fuzz/corpus) once. fuzz-smoke: 30 s per target.
fuzz: setup
	@bash scripts/fuzz.sh 600

fuzz-smoke: setup
	@bash scripts/fuzz.sh 30

# Rewrites the committed plot baselines (tests/fixtures/golden): look at every PNG before
# committing them.
golden: build
	@PIKA_UPDATE_GOLDEN=1 QT_QPA_PLATFORM=offscreen build/release/tests/pika_render_tests --gtest_filter='*Golden*'

bench: build
	@bash scripts/run_bench.sh build/release

# pika plot vs matplotlib and gnuplot on a 10M-row CSV (installs those two for the run).
bench-plot: build
	@bash scripts/bench_plot_vs_tools.sh build/release

# Remote plots pushed down to ClickHouse (two shards) and PostgreSQL vs fetched and reduced
# here, on 10M generated rows (PIKA_REMOTE_ROWS to change).
bench-remote: build
	@bash scripts/bench_remote.sh build/release

# Saving and opening a big workspace next to `cp`, and every step's peak RSS under a small
# memory limit (PIKA_BENCH_ROWS, default 10M rows).
bench-workspace: build
	@bash scripts/bench_workspace.sh build/release

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i
