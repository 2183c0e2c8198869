#!/usr/bin/env bash
# Starts (or stops) the servers the remote-source tests and benchmarks talk to, on 127.0.0.1
# only, with their data in DIR:
#   - a two-shard ClickHouse cluster: two server processes and the cluster `pika_two_shards`;
#   - a throwaway PostgreSQL cluster, with the role `pika` (password `pika-test`);
#   - TLS on both (ClickHouse shard 1 also answers https; PostgreSQL takes ssl), with a CA
#     made for the run (DIR/tls/ca.pem) that signs a certificate for 127.0.0.1 and localhost;
#   - the table `points` in both, the same PIKA_REMOTE_ROWS rows (default 200,000) in each
#     (PostgreSQL: PIKA_REMOTE_POSTGRES_ROWS when set, for benchmarks too big for it).
# `start DIR` writes DIR/servers.env (ports, users) for the tests and stops nothing else;
# `stop DIR` stops them by the PIDs recorded in DIR. Both are safe to repeat.
#   scripts/remote_servers.sh start build/debug/remote_servers
#   scripts/remote_servers.sh stop build/debug/remote_servers
set -euo pipefail

action=${1:-}
dir=${2:-}
if [ -z "$action" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Six consecutive free ports from a random start, so that parallel runs do not collide.
pick_base_port() {
  local base i ok
  for _ in $(seq 1 50); do
    base=$((20000 + RANDOM % 20000))
    ok=1
    for i in 0 1 2 3 4 5; do port_is_free $((base + i)) || ok=0; done
    [ $ok = 1 ] && echo "$base" && return 0
  done
  echo "remote_servers: no six free ports found on 127.0.0.1" >&2
  return 1
}

wait_for() {  # what, command...
  local what=$1
  shift
  for _ in $(seq 1 150); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "remote_servers: $what did not start; its log is in $dir" >&2
  return 1
}

# A CA that exists only for this run, and the servers' certificate it signs.
make_tls() {
  local tls="$dir/tls"
  rm -rf "$tls"
  mkdir -p "$tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Pika-Plot test CA" \
    -keyout "$tls/ca.key" -out "$tls/ca.pem" >/dev/null 2>&1
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$tls/server.key" \
    -out "$tls/server.csr" >/dev/null 2>&1
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$tls/san.ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" \
    -CAcreateserial -days 2 -extfile "$tls/san.ext" -out "$tls/server.pem" >/dev/null 2>&1
}

# Shard 1 also answers https on its own port.
clickhouse_tls_config() {  # shard https_port
  [ "$1" = 1 ] || return 0
  cat <<EOF
  <https_port>$2</https_port>
  <openSSL><server>
    <certificateFile>$dir/tls/server.pem</certificateFile>
    <privateKeyFile>$dir/tls/server.key</privateKeyFile>
    <verificationMode>none</verificationMode>
    <loadDefaultCAFile>false</loadDefaultCAFile>
    <disableProtocols>sslv2,sslv3</disableProtocols>
  </server></openSSL>
EOF
}

clickhouse_config() {  # shard http_port tcp_port shard2_tcp shard1_tcp https_port
  local shard=$1 http=$2 tcp=$3 first=$4 second=$5 https=$6 home="$dir/clickhouse$1"
  mkdir -p "$home/data" "$home/tmp"
  cat >"$home/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$home/server.log</log><errorlog>$home/error.log</errorlog></logger>
  <http_port>$http</http_port>
  <tcp_port>$tcp</tcp_port>
$(clickhouse_tls_config "$shard" "$https")
  <listen_host>127.0.0.1</listen_host>
  <path>$home/data/</path>
  <tmp_path>$home/tmp/</tmp_path>
  <user_files_path>$home/data/user_files/</user_files_path>
  <format_schema_path>$home/data/format_schemas/</format_schema_path>
  <mark_cache_size>268435456</mark_cache_size>
  <users_config>$dir/clickhouse_users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <remote_servers>
    <pika_two_shards>
      <shard><replica><host>127.0.0.1</host><port>$first</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$second</port></replica></shard>
    </pika_two_shards>
  </remote_servers>
</yandex>
EOF
}

start_clickhouse() {  # base port
  local base=$1 shard http tcp
  rm -rf "$dir/clickhouse1" "$dir/clickhouse2"
  cat >"$dir/clickhouse_users.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_threads>2</max_threads><max_memory_usage>2000000000</max_memory_usage></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
    <pika><password>pika-test</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></pika>
  </users>
  <quotas><default></default></quotas>
</yandex>
EOF
  for shard in 1 2; do
    http=$((base + shard - 1))
    tcp=$((base + shard + 1))
    clickhouse_config "$shard" "$http" "$tcp" $((base + 2)) $((base + 3)) $((base + 5))
    # In the foreground (no --daemon) this server writes no pid file of its own.
    /usr/sbin/clickhouse-server --config-file="$dir/clickhouse$shard/config.xml" \
      >"$dir/clickhouse$shard/stdout" 2>&1 &
    echo $! >"$dir/clickhouse$shard/pid"
  done
  for shard in 1 2; do
    wait_for "ClickHouse shard $shard" curl -sf "http://127.0.0.1:$((base + shard - 1))/ping"
  done
}

# initdb refuses to run as root: a root run hands the cluster to the postgres user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The cluster's home: under DIR, or, for a root run, a fresh folder in /tmp that the postgres
# user owns (it may not be able to enter DIR: a checkout under /root, say). DIR/postgres_home
# says where it is.
postgres_home() {
  if [ -f "$dir/postgres_home" ]; then cat "$dir/postgres_home"; else echo "$dir/postgres"; fi
}

start_postgres() {  # port
  local port=$1 home
  if [ "$(id -u)" -eq 0 ]; then
    home=$(mktemp -d /tmp/pika-postgres.XXXXXX)
    chown postgres "$home"
  else
    home="$dir/postgres"
    rm -rf "$home"
    mkdir -p "$home"
  fi
  echo "$home" >"$dir/postgres_home"
  echo "pika-test" >"$home/password"
  # PostgreSQL wants its key private to the user it runs as.
  cp "$dir/tls/server.pem" "$dir/tls/server.key" "$home/"
  chmod 600 "$home/server.key"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$home/password" "$home/server.pem" "$home/server.key"; fi
  if ! as_postgres "$pg_bin/initdb" -D "$home/data" -U pika --pwfile="$home/password" \
    --auth=scram-sha-256 -E UTF8 --no-sync >"$dir/postgres_initdb.log" 2>&1; then
    cat "$dir/postgres_initdb.log" >&2
    return 1
  fi
  as_postgres "$pg_bin/pg_ctl" -D "$home/data" -l "$home/server.log" -w -o \
    "-p $port -k $home -c listen_addresses=127.0.0.1 -c fsync=off -c max_parallel_workers_per_gather=2 -c ssl=on -c ssl_cert_file=$home/server.pem -c ssl_key_file=$home/server.key" \
    start >/dev/null
}

stop_postgres() {
  local home
  home=$(postgres_home)
  if [ -f "$home/data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$home/data" -m immediate stop >/dev/null 2>&1 ||
      stop_pid_file "$home/data/postmaster.pid"
  fi
  case "$home" in /tmp/pika-postgres.*) rm -rf "$home" ;; esac
  rm -f "$dir/postgres_home"
}

clickhouse_sql() {  # port sql
  curl -sS --fail-with-body -u pika:pika-test "http://127.0.0.1:$1/" --data-binary "$2"
}

# The same rows in every engine, computed from n with integer arithmetic and divisions by
# powers of two, so that each engine holds exactly the same doubles (no text round trip):
# t = n; x = a scrambled n / 64, NULL every 997th row; y = another / 32, NaN every 1000th;
# at = a minute per row from 2023-11-14 22:13:20 UTC.
load_points() {  # clickhouse_base_port postgres_port rows
  local base=$1 pg_port=$2 rows=$3 pg_rows=${PIKA_REMOTE_POSTGRES_ROWS:-$3} shard
  for shard in 1 2; do
    clickhouse_sql $((base + shard - 1)) "CREATE TABLE points_local (n UInt64, t Float64,
      x Nullable(Float64), y Float64, c String, at DateTime) ENGINE = MergeTree ORDER BY n"
    clickhouse_sql $((base + shard - 1)) "CREATE TABLE points AS points_local
      ENGINE = Distributed(pika_two_shards, default, points_local, n)"
    # Each shard gets its half directly: inserts through the Distributed table are queued.
    clickhouse_sql $((base + shard - 1)) "INSERT INTO points_local SELECT number,
      toFloat64(number), if(number % 997 = 0, NULL, toFloat64(number * 7919 % 100003) / 64),
      if(number % 1000 = 0, nan, toFloat64(number * 104729 % 99991) / 32),
      concat('c', toString(number % 7)), toDateTime(1700000000 + number * 60)
      FROM numbers($rows) WHERE number % 2 = $((shard - 1))"
  done
  PGPASSWORD=pika-test psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U pika -d postgres \
    -c "CREATE TABLE points AS SELECT n, n::float8 AS t,
      CASE WHEN n % 997 = 0 THEN NULL ELSE (n * 7919 % 100003)::float8 / 64 END AS x,
      CASE WHEN n % 1000 = 0 THEN 'NaN'::float8 ELSE (n * 104729 % 99991)::float8 / 32 END AS y,
      'c' || (n % 7) AS c, to_timestamp(1700000000 + n * 60) AS at
      FROM generate_series(0::bigint, $pg_rows - 1) n" -c "ANALYZE points"
}

start() {
  stop_servers
  local base
  base=$(pick_base_port)
  make_tls
  start_clickhouse "$base"
  start_postgres $((base + 4))
  load_points "$base" $((base + 4)) "${PIKA_REMOTE_ROWS:-200000}"
  cat >"$dir/servers.env" <<EOF
PIKA_CLICKHOUSE_SHARD1_PORT=$base
PIKA_CLICKHOUSE_SHARD2_PORT=$((base + 1))
PIKA_CLICKHOUSE_HTTPS_PORT=$((base + 5))
PIKA_REMOTE_TLS_CA=$dir/tls/ca.pem
PIKA_CLICKHOUSE_CLUSTER=pika_two_shards
PIKA_POSTGRES_PORT=$((base + 4))
PIKA_REMOTE_USER=pika
PIKA_REMOTE_PASSWORD=pika-test
PIKA_REMOTE_ROWS=${PIKA_REMOTE_ROWS:-200000}
EOF
  echo "remote_servers: ClickHouse on 127.0.0.1:$base and :$((base + 1)), PostgreSQL on :$((base + 4))"
}

stop_pid_file() {
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(head -n 1 "$file")
  if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

stop_servers() {
  stop_pid_file "$dir/clickhouse1/pid"
  stop_pid_file "$dir/clickhouse2/pid"
  stop_postgres
  rm -f "$dir/servers.env"
}

case "$action" in
  start) start ;;
  stop) stop_servers ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
