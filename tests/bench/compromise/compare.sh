#!/usr/bin/env bash
# Whole-process speed of `sayso extract` against compromise.js's .quotations() on one corpus.
#
#   tests/bench/compromise/compare.sh SAYSO CORPUS.jsonl [RUNS]
#
# SAYSO is the CLI (build/sayso); CORPUS a JSON Lines file of {"id", "text"} (PolNeAR dev, about
# 400 KB, is what the README's figure uses). Each tool runs RUNS times (default 5), alternating,
# as one process over the whole corpus, start-up included; the script prints the median wall and
# CPU time of each and their ratio. compromise is installed next to this script once:
#
#   (cd tests/bench/compromise && npm install --no-save compromise@14)
#
# Wall time on a machine shared with other work varies by tens of percent from run to run; the
# CPU-time ratio is the steadier figure.
set -euo pipefail
SAYSO=$1; CORPUS=$2; RUNS=${3:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$HERE/node_modules/compromise" ]; then
  echo "compromise is not installed: (cd $HERE && npm install --no-save compromise@14)" >&2
  exit 2
fi
TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
for _ in $(seq "$RUNS"); do
  /usr/bin/time -f "sayso %e %U %S" -a -o "$TIMES" "$SAYSO" extract "$CORPUS" > /dev/null
  /usr/bin/time -f "compromise %e %U %S" -a -o "$TIMES" node "$HERE/quotations.mjs" "$CORPUS" > /dev/null
done
python3 - "$TIMES" "$CORPUS" <<'PY'
import statistics, sys, os
runs = {}
for line in open(sys.argv[1]):
    tool, wall, user, system = line.split()
    runs.setdefault(tool, []).append((float(wall), float(user) + float(system)))
med = {t: (statistics.median(w for w, _ in r), statistics.median(c for _, c in r)) for t, r in runs.items()}
size = os.path.getsize(sys.argv[2]) / 1e3
for t, (w, c) in med.items():
    print(f"{t:10s} {w * 1e3:8.0f} ms wall {c * 1e3:8.0f} ms CPU   ({size:.0f} KB, median of {len(runs[t])})")
(sw, sc), (cw, cc) = med["sayso"], med["compromise"]
print(f"sayso is {cw / sw:.0f}x faster (wall), {cc / sc:.0f}x (CPU time)")
PY
