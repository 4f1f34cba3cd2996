#!/bin/sh
# Re-measure the figures of docs/benchmarks.md; one JSON file per configuration in benchmarks/results/.
# Usage: benchmarks/run.sh [ECB+ folder]   (run from the repository root, with the virtualenv's newsgraph)
set -eu
ECBPLUS=${1:-../shared/data/ecbplus/ECB+}
NEWSGRAPH=${NEWSGRAPH:-.venv/bin/newsgraph}
OUT=benchmarks/results/$(date -u +%Y-%m-%d)
mkdir -p "$OUT"

"$NEWSGRAPH" bench --format json -q                                   > "$OUT/demo-1mb-w1.json"
"$NEWSGRAPH" bench --format json -q --workers 2                       > "$OUT/demo-1mb-w2.json"
"$NEWSGRAPH" bench --format json -q --min-bytes 250000                > "$OUT/demo-250kb-w1.json"
if [ -d "$ECBPLUS" ]; then
  "$NEWSGRAPH" bench "$ECBPLUS" --format json -q --min-bytes 400000   > "$OUT/ecbplus-400kb-w1.json"
  "$NEWSGRAPH" bench "$ECBPLUS" --format json -q                      > "$OUT/ecbplus-w1.json"
  "$NEWSGRAPH" bench "$ECBPLUS" --format json -q --workers 2          > "$OUT/ecbplus-w2.json"
fi
echo "results in $OUT"
