#!/usr/bin/env bash
# `make run`: until the desktop app lands (issue 6), shows the engine on the sample data:
# imports vega-datasets files into a demo database and runs a query with the pika CLI.
set -euo pipefail
pika=${1:-build/release/src/cli/pika}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/.deps/vega-datasets/data"
demo="$root/build/demo"
db="$demo/demo.duckdb"
mkdir -p "$demo"

if [ ! -f "$db" ]; then
  echo "Importing the sample data into $db ..."
  for file in flights-3m.parquet seattle-weather.csv stocks.csv; do
    "$pika" import "$data/$file" --db "$db" | head -n 3
  done
fi

echo
echo "== pika inspect stocks.csv (inferred types, with reasons)"
"$pika" inspect "$data/stocks.csv" | head -n 8
echo
echo "== Average delay by hour of day over 3 million flights"
"$pika" sql --db "$db" "SELECT hour(date) AS hour, count(*) AS flights,
  round(avg(delay), 1) AS avg_delay FROM flights_3m GROUP BY ALL ORDER BY hour"
echo
echo "The desktop canvas is not built yet. Try your own file:"
echo "  $pika inspect FILE.csv     $pika import FILE.csv --db $db"
echo "  $pika sql --db $db \"SELECT ...\""
