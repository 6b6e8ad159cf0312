#!/usr/bin/env bash
# sqlmap, in batch mode, against every parameter of the public site's routes and, signed in as an
# admin (session cookie; CSRF token fetched per request for POSTs), of the admin's routes, on a freshly
# started Herald (demo site, temporary data folder). Fails when sqlmap finds any injection.
#   .ci/sqlmap.sh [JAR]        (default target/herald.jar; needs Debian's sqlmap)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-target/herald.jar}
command -v sqlmap >/dev/null || { echo "[sqlmap] sqlmap is not installed (apt-get install sqlmap)" >&2; exit 1; }
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start_herald() {
  java -jar "$jar" --herald.data-dir="$work/data" --server.port="$port" --server.address=127.0.0.1 \
    --logging.level.root=WARN >> "$work/herald.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/en/" && return 0; sleep 0.5; done
  echo "[sqlmap] Herald did not start"; cat "$work/herald.log"; exit 1
}
# First start: the demo site. Then, with the server stopped, the admin account sqlmap signs in with,
# made the way an operator would (password on standard input).
start_herald
kill "$pid"; wait "$pid" 2>/dev/null || true
admin_password="sqlmap-$(date +%s)-$RANDOM-passphrase"
printf '%s\n' "$admin_password" | java -jar "$jar" user add --username sqlmap-admin --role admin \
  --herald.data-dir="$work/data" --logging.level.root=WARN > "$work/user-add.log" 2>&1 \
  || { cat "$work/user-add.log"; echo "[sqlmap] could not create the admin account" >&2; exit 1; }
start_herald
base=http://127.0.0.1:$port
article=interactive-consultations-held-between-sco-and-un-secretariats
curl -s -o /dev/null "$base/en/news/$article" || true # the first, uncached render is the slowest
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
# sqlmap runs up to three targets at a time (each its own output folder); results are read in order.
parallel=3
running=()
logs=()
run_sqlmap() { # name, sqlmap arguments...
  local name=$1; shift
  local n=${#logs[@]}
  local log="$work/sqlmap-$n.log"
  printf '%s\n' "$name" > "$log.name"
  sqlmap "$@" --output-dir="$work/out/$n" > "$log" 2>&1 &
  running+=($!)
  logs+=("$log")
  if [ ${#running[@]} -ge $parallel ]; then
    wait "${running[0]}" || true
    running=("${running[@]:1}")
  fi
}
report() {
  for p in "${running[@]}"; do wait "$p" || true; done
  running=()
  for log in "${logs[@]}"; do
    local name tests
    name=$(cat "$log.name")
    tests=$(grep -c "testing '" "$log" || true)
    if grep -qE "identified the following injection point|is vulnerable|parameter '.*' is '.*' injectable" "$log"; then
      echo "[sqlmap] FINDING on $name"; grep -E "Parameter:|Type:|Payload:" "$log" | head -20; found=1
    # "heavily dynamic ... going to retry" is sqlmap retrying, not giving up: only other CRITICALs mean untested.
    elif [ "$tests" -eq 0 ] || grep "\[CRITICAL\]" "$log" | grep -qv "appears to be heavily dynamic"; then
      echo "[sqlmap] sqlmap did not test $name:"; grep -E "CRITICAL|ERROR" "$log" | head -5; found=1
    else
      echo "[sqlmap] nothing found on $name ($tests tests)"
    fi
  done
  logs=()
}
for target in "${targets[@]}"; do
  run_sqlmap "${target#$base}" -u "$target" --batch --level=2 --risk=1 --threads=4 --timeout=15 --retries=1 \
    --disable-coloring
done
# Accept-Language is the one request header the public site reads.
run_sqlmap "the Accept-Language header" -u "$base/" -H "Accept-Language: ru*" --batch --level=2 --risk=1 --threads=4 \
  --timeout=15 --retries=1 --disable-coloring
report

# --- The admin, signed in. ---
jar_cookies="$work/cookies.txt"
csrf_of() { curl -s -b "$jar_cookies" -c "$jar_cookies" "$base$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }
token=$(csrf_of /admin/login)
location=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar_cookies" -c "$jar_cookies" \
  --data-urlencode "_csrf=$token" --data-urlencode "username=sqlmap-admin" --data-urlencode "password=$admin_password" \
  "$base/admin/login")
case "$location" in */admin/) ;; *) echo "[sqlmap] admin sign-in failed ($location)"; exit 1;; esac
session=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar_cookies" | tail -n 1 || true)
signed_in() { [ "$(curl -s -o /dev/null -w '%{http_code}' -b "JSESSIONID=$session" "$base/admin/")" = 200 ]; }
signed_in || { echo "[sqlmap] the admin session does not work"; exit 1; }
entry=$(curl -s -b "JSESSIONID=$session" "$base/admin/entries" | grep -o 'href="/admin/entries/[0-9][0-9]*"' | head -n 1 | tr -dc 0-9 || true)
section=$(curl -s -b "JSESSIONID=$session" "$base/admin/sections" | grep -o '/admin/sections/[0-9][0-9]*/rename' | head -n 1 | tr -dc 0-9 || true)
[ -n "$entry" ] && [ -n "$section" ] || { echo "[sqlmap] no entry or section found in the admin"; exit 1; }
admin_get=(
  "$base/admin/entries?status=draft*"
  "$base/admin/entries?sort=title*"
  "$base/admin/entries?q=sco*"
  "$base/admin/entries?page=1*"
  "$base/admin/entries?language=en*"
  "$base/admin/entries?section=$section*"
  "$base/admin/entries?owner=sqlmap-admin*"
  "$base/admin/entries/$entry*"
  "$base/admin/entries/$entry/revisions?from=1*&to=1"
  "$base/admin/entries/$entry/revisions?from=1&to=1*"
  "$base/admin/entries/$entry/translate?language=zh*"
  "$base/admin/entries/new?language=en*"
  "$base/admin/reset?token=abc*"
)
# The session cookie is how sqlmap stays signed in: it is sent as given and never itself tested.
admin_opts=(--cookie="JSESSIONID=$session" --skip=JSESSIONID --drop-set-cookie --level=1 --risk=1
  --timeout=15 --retries=1 --disable-coloring --batch)
# Every admin page carries a CSRF token masked afresh per response (BREACH protection), so two identical
# requests never return the same markup: sqlmap compares the pages' text instead.
for target in "${admin_get[@]}"; do
  run_sqlmap "${target#$base}" -u "$target" "${admin_opts[@]}" --threads=4 --text-only
done
# POSTs: sqlmap takes a fresh CSRF token from a signed-in page before each request (one thread only).
admin_post=(
  "/admin/entries/bulk|action=archive*&id=$entry"
  "/admin/entries/bulk|action=archive&id=$entry*"
  "/admin/forgot|login=nobody*"
  "/admin/settings/zone|zone=UTC*"
)
for item in "${admin_post[@]}"; do
  path=${item%%|*}; data=${item#*|}
  run_sqlmap "POST $path ($data)" -u "$base$path" --data="$data&_csrf=x" --csrf-token=_csrf \
    --csrf-url="$base/admin/password" "${admin_opts[@]}"
done
report
signed_in || { echo "[sqlmap] the admin session ended during the run: the admin results are not valid"; found=1; }
exit $found
