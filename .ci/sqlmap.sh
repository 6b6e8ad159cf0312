#!/usr/bin/env bash
# sqlmap, in batch mode, against every parameter of the public site's routes, on a freshly
# started Herald (demo site, temporary data folder). Fails when sqlmap finds any injection.
#   .ci/sqlmap.sh [JAR]        (default target/herald.jar; needs Debian's sqlmap)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-target/herald.jar}
command -v sqlmap >/dev/null || { echo "[sqlmap] sqlmap is not installed (apt-get install sqlmap)" >&2; exit 1; }
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -jar "$jar" --herald.data-dir="$work/data" --server.port="$port" --server.address=127.0.0.1 \
  --logging.level.root=WARN > "$work/herald.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/en/" && break; sleep 0.5; done
base=http://127.0.0.1:$port
article=interactive-consultations-held-between-sco-and-un-secretariats
# One target per parameter: '*' marks where sqlmap injects (path segments and query values).
targets=(
  "$base/en*/"
  "$base/en/news*/"
  "$base/en/news/$article*"
  "$base/en/archive/2021*/"
  "$base/en/archive/2021/05*/"
  "$base/en/tags/sco*/"
  "$base/ru/novosti/?page=1*"
  "$base/en/search?q=cooperation*"
  "$base/en/search?q=cooperation&year=2021*"
  "$base/en/search?q=cooperation&sort=date*"
  "$base/en/search?q=cooperation&page=1*"
  "$base/api/v1/search?lang=en*&q=cooperation"
  "$base/api/v1/search?lang=en&q=cooperation*"
  "$base/sitemap-en-1*.xml"
  "$base/en/feed.atom?x=1*"
)
found=0
for target in "${targets[@]}"; do
  log="$work/sqlmap-$(echo "$target" | md5sum | cut -c1-8).log"
  sqlmap -u "$target" --batch --level=2 --risk=1 --threads=4 --timeout=5 --retries=0 \
    --output-dir="$work/out" --disable-coloring > "$log" 2>&1 || true
  if grep -qE "identified the following injection point|is vulnerable|parameter '.*' is '.*' injectable" "$log"; then
    echo "[sqlmap] FINDING on $target"; grep -E "Parameter:|Type:|Payload:" "$log" | head -20; found=1
  else
    echo "[sqlmap] nothing found on ${target#$base} ($(grep -c 'testing ' "$log") tests)"
  fi
done
# Accept-Language is the one request header the public site reads.
log="$work/sqlmap-header.log"
sqlmap -u "$base/" -H "Accept-Language: ru*" --batch --level=2 --risk=1 --threads=4 --timeout=5 --retries=0 \
  --output-dir="$work/out" --disable-coloring > "$log" 2>&1 || true
if grep -qE "identified the following injection point|is vulnerable" "$log"; then
  echo "[sqlmap] FINDING on the Accept-Language header"; found=1
else
  echo "[sqlmap] nothing found on the Accept-Language header ($(grep -c 'testing ' "$log") tests)"
fi
exit $found
