#!/usr/bin/env bash
# Imports a generated WordPress export of N items (default 100,000) with the packaged jar into a
# fresh data folder (SQLite, or PostgreSQL with DB_URL=jdbc:postgresql://...), then re-runs it
# (everything unchanged), and reports items/second and the peak memory (resident set) of each run.
# Usage: benchmarks/wxr-import.sh [N] [extra JVM options, e.g. -Xmx256m]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}; shift || true
JVM_OPTS=("$@")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -f target/herald.jar ] || ./mvnw -B -q -DskipTests package
python3 benchmarks/generate-wxr.py "$N" "$WORK/export.xml"
echo "export: $N items, $(du -h "$WORK/export.xml" | cut -f1)"
PROPS=(--herald.data-dir="$WORK/data")
[ -n "${DB_URL:-}" ] && PROPS+=(--spring.datasource.url="$DB_URL" --spring.datasource.username="${DB_USER:-postgres}")
run() {
  local label=$1
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$WORK/rss" java "${JVM_OPTS[@]}" -jar target/herald.jar import wxr "$WORK/export.xml" "${PROPS[@]}" \
    2>"$WORK/err" | tail -n 1
  end=$(date +%s.%N)
  python3 - "$label" "$N" "$start" "$end" "$(cat "$WORK/rss")" <<'PY'
import sys
label, n, start, end, rss = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
secs = end - start
print(f"{label}: {secs:.1f} s, {n / secs:,.0f} items/s, peak RSS {rss / 1024:,.0f} MB (JVM start-up included)")
PY
}
run "first import"
run "second import (unchanged)"
