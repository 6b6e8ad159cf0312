#!/usr/bin/env bash
# Herald side by side with nginx (static), and WordPress and Hugo where the shared harness set them up.
#
#   bench/run.sh [--articles N] [--hugo] [--no-wrk]
#
#   --articles N  N articles in each of en, ru, zh (default 3334: 10,002 entries, like the Hugo reference)
#   --hugo        also time Hugo's cold builds of the same articles (the shared setup-hugo.sh; installs hugo)
#   --no-wrk      only the static-export figures
#
# Needs: a JDK, python3, wrk, nginx (the shared harness's setup-wordpress.sh installs it, or apt-get install
# nginx), and the shared harness in ../shared/bench (or HERALD_SHARED_BENCH). WordPress rows appear when
# setup-wordpress.sh has run (its server answers on 127.0.0.1:8081). Everything generated goes to
# HERALD_BENCH_DIR (default /var/tmp/herald-bench); nothing is written into the repository.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
SHARED=${HERALD_SHARED_BENCH:-$repo/../shared/bench}
WORK=${HERALD_BENCH_DIR:-/var/tmp/herald-bench}
N=3334 HUGO=0 WRK=1
while (( $# )); do
  case $1 in
    --articles) N=$2; shift 2 ;;
    --hugo) HUGO=1; shift ;;
    --no-wrk) WRK=0; shift ;;
    *) sed -n '2,13p' "$0" >&2; exit 2 ;;
  esac
done
[[ -d $SHARED ]] || { echo "shared harness not found at $SHARED (set HERALD_SHARED_BENCH)" >&2; exit 1; }
log() { echo "[bench $(date +%T)] $*"; }
mkdir -p "$WORK"
JAR=$repo/target/herald.jar
DATA=$WORK/data-$N
CORPUS=$WORK/corpus-$N.ndjson
ARTICLE=/en/news/interactive-consultations-held-between-sco-and-un-secretariats
CACHED=18080 UNCACHED=18090
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

[[ -f $JAR ]] || { log "building the jar"; (cd "$repo" && ./mvnw -B -q -DskipTests package); }
[[ -f $CORPUS ]] || { log "generating $N articles x en,ru,zh"; python3 "$here/gen-corpus.py" "$SHARED" "$N" en,ru,zh "$CORPUS"; }
if [[ ! -f $DATA/herald.db ]]; then
  log "loading the corpus into $DATA"
  java -jar "$JAR" bench-load "$CORPUS" --herald.data-dir="$DATA" --herald.demo-content=true
fi

start_herald() { # port, data folder, extra properties...
  local port=$1 data=$2; shift 2
  java -jar "$JAR" --herald.data-dir="$data" --server.port="$port" --server.address=127.0.0.1 \
    --logging.level.root=WARN "$@" > "$WORK/herald-$port.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/en/" && return 0; sleep 0.5; done
  echo "Herald on $port did not start; see $WORK/herald-$port.log" >&2; exit 1
}

if (( WRK )); then
  # Each server needs a data folder of its own: a running Herald holds its search index.
  rm -rf "$DATA.uncached"; cp -a "$DATA" "$DATA.uncached"
  start_herald $CACHED "$DATA"
  start_herald $UNCACHED "$DATA.uncached" --herald.cache.enabled=false
  curl -sf "http://127.0.0.1:$CACHED$ARTICLE" -o "$WORK/herald-article.html"
  log "nginx serves Herald's own rendering of the article ($(wc -c < "$WORK/herald-article.html") bytes)"
  "$SHARED/setup-static.sh" "$WORK/herald-article.html" "$ARTICLE" > "$WORK/setup-static.log" 2>&1 \
    || { cat "$WORK/setup-static.log" >&2; exit 1; }
  targets=(static=http://127.0.0.1:8082/page.html "herald-cached=http://127.0.0.1:$CACHED$ARTICLE"
           "herald-uncached=http://127.0.0.1:$UNCACHED$ARTICLE")
  WP_POST=http://127.0.0.1:8081/2021/05/27/interactive-consultations-held-between-sco-and-un-secretariats/
  if curl -sf -o /dev/null --max-time 10 "$WP_POST"; then targets+=("wordpress=$WP_POST"); fi
  if curl -sf -o /dev/null "http://127.0.0.1:$UNCACHED/en/search?q=cooperation"; then
    targets+=("herald-search=http://127.0.0.1:$UNCACHED/en/search?q=cooperation")
  fi
  if curl -sf -o /dev/null --max-time 30 "http://127.0.0.1:8081/?s=cooperation"; then
    targets+=("wordpress-search=http://127.0.0.1:8081/?s=cooperation")
  fi
  log "wrk: ${targets[*]}"
  "$SHARED/wrk-table.sh" "${targets[@]}" | tee "$WORK/wrk-table.md"
  cleanup; PIDS=()
fi

export_once() { # label
  local out=$WORK/export-$N
  /usr/bin/time -v java -jar "$JAR" export-static "$out" --herald.data-dir="$DATA" > "$WORK/export-$1.log" 2> "$WORK/export-$1.time"
  local wall rss line
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/export-$1.time")
  rss=$(awk -F': ' '/Maximum resident/{printf "%.0f", $2/1024}' "$WORK/export-$1.time")
  line=$(grep '^exported' "$WORK/export-$1.log")
  printf '| herald export-static (%s) | %s | %s | %s |\n' "$1" "$wall" "$rss" "$line"
  printf '%s\t%s\t%s\n' "$1" "$wall" "$rss" >> "$WORK/export.tsv"
}
live_export() { # the running server keeps an export current (herald.export.dir): full, then one change each
  local out=$WORK/live-export-$N rss
  rm -rf "$out" "$DATA.live"; cp -a "$DATA" "$DATA.live"
  /usr/bin/time -v java -jar "$JAR" bench-live-export "$out" --herald.data-dir="$DATA.live" --server.port=18095 \
    --server.address=127.0.0.1 --logging.level.root=WARN > "$WORK/live-export.log" 2> "$WORK/live-export.time"
  rss=$(awk -F': ' '/Maximum resident/{printf "%.0f", $2/1024}' "$WORK/live-export.time")
  sed -n 's/^live export (\(.*\)): \([0-9.]*\) s, \(.*\)$/\1\t\2\t\3/p' "$WORK/live-export.log" | while IFS=$'\t' read -r what secs rest; do
    printf '| herald live export pass (%s) | %s | %s | %s |\n' "$what" "$secs" "$rss" "$rest"
    printf 'live: %s\t%s\t%s\n' "$what" "$secs" "$rss" >> "$WORK/export.tsv"
  done
  rm -rf "$DATA.live"
}
command -v /usr/bin/time >/dev/null || { echo "/usr/bin/time missing (apt-get install time)" >&2; exit 1; }
rm -rf "$WORK/export-$N"; : > "$WORK/export.tsv"
{
  echo
  echo "| build | wall s (process) | max RSS MB | Herald's own report |"
  echo "|---|---|---|---|"
  export_once full
  java -jar "$JAR" bench-load --touch-one "$CORPUS" --herald.data-dir="$DATA" > /dev/null
  export_once "after one change"
  live_export
} | tee "$WORK/export-table.md"
if (( HUGO )); then
  log "Hugo: cold builds of the same $N articles x en,ru,zh"
  "$SHARED/setup-hugo.sh" --articles "$N" --langs en,ru,zh --builds 2 2>&1 | grep -E "cold build|content" | tee "$WORK/hugo.txt"
fi
wrkdir=$(ls -dt "${HERALD_PEERS_DIR:-/var/tmp/herald-peers}"/results/wrk-* 2>/dev/null | head -n 1)
hugodir=$(ls -dt "${HERALD_PEERS_DIR:-/var/tmp/herald-peers}"/results/hugo-* 2>/dev/null | head -n 1)
echo
echo "Summary (ratios from the same run):"
if (( WRK )) && [[ -n $wrkdir ]]; then
  python3 "$here/summary.py" "$wrkdir" "$WORK/export.tsv" ${hugodir:+"$hugodir/builds.tsv"} | tee "$WORK/summary.md"
fi
log "results in $WORK: wrk-table.md, export-table.md, summary.md"
