#!/usr/bin/env bash
# `make run`: opens the desktop app on the sample workspace (vega-datasets: 3 million
# flights and Seattle's weather, wired into queries and plots).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app=${1:-$root/build/release/src/app/pika-app}
data="$root/.deps/vega-datasets/data"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat <<MSG
make run: no display here (DISPLAY and WAYLAND_DISPLAY are unset), so the app cannot open.
  - On a desktop, run 'make run' in a terminal of that session.
  - Over ssh, connect with 'ssh -X' (or -Y) and run it again.
  - Without any screen, render the sample workspace to an image instead:
      xvfb-run -a $app --sample $data --screenshot workspace.png
  - The headless CLI works everywhere:
      $root/build/release/src/cli/pika plot $data/seattle-weather.csv --kind line \\
          --x date --y temp_max -o temps.png
MSG
  exit 0
fi
exec "$app" --sample "$data"
