#!/usr/bin/env bash
# Installs everything Pika-Plot needs on a fresh Debian 12 machine (run as root, or with sudo
# available). Silent and fast when everything is already there.
#   - Debian packages (toolchain, Qt 6, libraries, Xvfb/Mesa for GL tests, fonts)
#   - DuckDB 1.4.4 (shared library + C header) and vega-datasets from the npm registry,
#     pinned by version and sha512 integrity, unpacked into .deps/ (ignored by git).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deps="${PIKA_DEPS_DIR:-$root/.deps}"

debian_packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins qt6-svg-dev libqt6opengl6-dev libgl-dev
  xvfb xauth libgl1-mesa-dri libegl1 mesa-utils
  libcurl4-openssl-dev libpq-dev
  zlib1g-dev libzstd-dev libzip-dev nlohmann-json3-dev libxxhash-dev libfmt-dev libspdlog-dev libcli11-dev libtbb-dev
  libgtest-dev libgmock-dev libbenchmark-dev librapidcheck-dev
  poppler-utils fonts-dejavu-core gzip zstd openssl
  clang-format clang-tidy
  # libFuzzer targets (make fuzz); FuzzedDataProvider.h also for their corpus replay tests.
  clang-14 libclang-rt-14-dev
  # Servers the remote-source tests start on 127.0.0.1 (scripts/remote_servers.sh).
  clickhouse-server clickhouse-client postgresql
)

missing_debian_packages() {
  local p
  for p in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

install_debian() {
  local missing
  missing=$(missing_debian_packages)
  # The machine image may carry its own Node.js; Debian's npm is only the fallback.
  command -v npm >/dev/null 2>&1 || missing="$missing npm"
  [ -z "$missing" ] && return 0
  echo "setup: installing Debian packages: $(echo $missing)"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# name version sha512-integrity (as the registry reports it) destination
npm_packages=(
  "@duckdb/node-bindings-linux-x64 1.4.4-r.4 sha512-jBTL/WvfwxLToFa/pVHfT6elMtltJGnc3wSuxZD9OfMltit9YUdVFS37vBFQzXMT1Z8OWjtSjMh+zPKxOwHLHA== duckdb-lib"
  "duckdb 1.4.4 sha512-hEJJ5hyVF0VLj3dmOLpsWrQR0b3d4Ykqtygm6iUXjHJDDnSqg/USKxcb5qvNrOhFYPgktayU6dXCtgPqcmmpog== duckdb-src"
  "vega-datasets 3.2.1 sha512-lTSwZA6yq6qSU2YZm+6bqILiIvTPPxn4itir7jPGFmHIdPvUfQ9pCzzcrklYywMJgLUbaIeSkZQdiJd6wBxPug== vega-datasets"
)

fetch_npm_package() {
  local name=$1 version=$2 integrity=$3 dest=$4
  local stamp="$deps/$dest/.pika-installed"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$integrity" ] && return 0
  echo "setup: fetching $name@$version"
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null)
  local tarball
  tarball=$(ls "$tmp"/*.tgz)
  local actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  if [ "$actual" != "$integrity" ]; then
    echo "setup: integrity mismatch for $name@$version (expected $integrity, got $actual)" >&2
    rm -rf "$tmp"
    exit 1
  fi
  rm -rf "${deps:?}/$dest"
  mkdir -p "$deps/$dest"
  tar -xzf "$tarball" -C "$deps/$dest" --strip-components=1
  echo "$integrity" >"$stamp"
  rm -rf "$tmp"
}

# Lays out DUCKDB_ROOT as include/duckdb.h + lib/libduckdb.so, the shape of DuckDB's own
# release zip, so CMake finds it the same way on every platform.
assemble_duckdb_root() {
  local out="$deps/duckdb"
  mkdir -p "$out/include" "$out/lib"
  cp -u "$deps/duckdb-src/src/duckdb/src/include/duckdb.h" "$out/include/duckdb.h"
  cp -u "$(find "$deps/duckdb-lib" -name 'libduckdb.so' | head -n 1)" "$out/lib/libduckdb.so"
}

install_debian
mkdir -p "$deps"
for entry in "${npm_packages[@]}"; do
  # shellcheck disable=SC2086
  fetch_npm_package $entry
done
assemble_duckdb_root
