#!/usr/bin/env bash
# `make bench-plot`: pika plot vs matplotlib (pandas read + scatter) vs gnuplot, drawing the
# same generated CSV as a scatter to PNG, in one run. Prints wall seconds and ratios.
# Usage: scripts/bench_plot_vs_tools.sh BUILD_DIR [ROWS]   (default 10,000,000 rows)
set -euo pipefail
build=${1:-build/release}
rows=${2:-10000000}
pika="$build/src/cli/pika"
work="$build/bench_data/plot"
mkdir -p "$work"
csv="$work/scatter_${rows}.csv"

need=()
for package in python3-matplotlib python3-pandas gnuplot-nox; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || need+=("$package")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} for the comparison..."
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -f "$csv" ]; then
  "$pika" sql "COPY (SELECT round(random() * 1000, 4) AS x,
                            round(sin(range / 1e5) * 50 + random() * 20, 4) AS y
                     FROM range($rows)) TO '$csv' (HEADER)" >/dev/null
fi

seconds() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -n 1; }

t_pika=$(seconds "$pika" plot "$csv" --x x --y y -o "$work/pika.png")
t_mpl=$(seconds /usr/bin/python3 -c "
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
import pandas as pd
d = pd.read_csv('$csv')
plt.figure(figsize=(8, 5), dpi=100)
plt.scatter(d['x'], d['y'], s=1)
plt.savefig('$work/matplotlib.png')")
t_gnuplot=$(seconds gnuplot -e "set terminal pngcairo size 800,500; set output '$work/gnuplot.png';
  set datafile separator ','; plot '$csv' every ::1 using 1:2 with dots notitle")

echo "scatter of $rows rows to PNG (wall seconds, same machine, same run):"
echo "  pika plot   $t_pika"
echo "  matplotlib  $t_mpl   ($(python3 -c "print(f'{$t_mpl / $t_pika:.1f}')")x pika)"
echo "  gnuplot     $t_gnuplot   ($(python3 -c "print(f'{$t_gnuplot / $t_pika:.1f}')")x pika)"
echo "images: $work/{pika,matplotlib,gnuplot}.png"
