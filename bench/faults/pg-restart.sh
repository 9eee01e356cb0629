#!/usr/bin/env bash
# PostgreSQL restarted under load: Vouch serves a mixed read load through wrk while its PostgreSQL is restarted
# (pg_ctl restart -m fast) RESTARTS times. Counts the answers by status: requests in flight fail with 503 problem
# details, never 500, and the app answers again by itself. See bench/README.md ("Faults").
#
# Settings (environment variables):
#   RESTARTS=5          restarts of PostgreSQL during the run
#   INTERVAL=10         seconds of load before each restart (and after the last)
#   SCALE=10000         contacts seeded
#   THREADS=2 CONNECTIONS=8
#   PG_PORT=5461        the PostgreSQL this script starts (and removes) on 127.0.0.1
#   VOUCH_PORT=5230
#   NO_BUILD=1          use the existing Release build
set -euo pipefail

RESTARTS=${RESTARTS:-5}
INTERVAL=${INTERVAL:-10}
SCALE=${SCALE:-10000}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
PG_PORT=${PG_PORT:-5461}
VOUCH_PORT=${VOUCH_PORT:-5230}
HOST=127.0.0.1

cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-pg-restart.XXXXXX")
source bench/faults/common.sh
command -v wrk >/dev/null 2>&1 || die "wrk is not installed (Debian/Ubuntu package 'wrk')."
PID=
WRK_PID=
cleanup() {
  if [ -n "$WRK_PID" ]; then kill "$WRK_PID" 2>/dev/null || true; fi
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  stop_postgres
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_release
start_postgres
export Database__Provider=Postgres
export ConnectionStrings__Vouch="Host=$HOST;Port=$PG_PORT;Username=postgres;Database=vouch"
psql_at -c "CREATE DATABASE vouch"
vouch migrate >/dev/null
say "seeding $SCALE contacts"
vouch seed --scale "$SCALE" 2>&1 | grep -v ' of ' >&2 || true
create_token
start_vouch

# A mix of lists, searches, records and a page.
contact=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://$HOST:$VOUCH_PORT/api/v1/references?pageSize=1" | grep -o '"id":"[0-9a-f-]*"' | head -n1 | cut -d'"' -f4)
account=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://$HOST:$VOUCH_PORT/api/v1/accounts?pageSize=1" | grep -o '"id":"[0-9a-f-]*"' | head -n1 | cut -d'"' -f4)
cat >"$WORK/paths" <<PATHS
/api/v1/accounts?pageSize=20
/api/v1/references?industry=technology&q=onboarding
/api/v1/contacts/$contact
/api/v1/accounts/$account
/api/v1/ideas
/accounts
PATHS

duration=$(( INTERVAL * (RESTARTS + 1) + 5 ))
say "load for ${duration}s with $RESTARTS restarts"
PATHS="$WORK/paths" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${duration}s" --timeout 10s -s bench/faults/statuses.lua \
  "http://$HOST:$VOUCH_PORT/" >"$WORK/wrk.out" 2>&1 &
WRK_PID=$!

now_ms() { date +%s%3N; }
: >"$WORK/recovery"
for i in $(seq 1 "$RESTARTS"); do
  sleep "$INTERVAL"
  started=$(now_ms)
  pg -m fast -w restart >/dev/null
  back=$(now_ms)
  # Recovered: the app answers an API request that reads the database.
  until curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "http://$HOST:$VOUCH_PORT/api/v1/accounts?pageSize=1" 2>/dev/null; do sleep 0.05; done
  recovered=$(now_ms)
  printf '%d %d %d\n' "$i" $((back - started)) $((recovered - started)) | tee -a "$WORK/recovery" >&2
done
wait "$WRK_PID"
WRK_PID=

kill -0 "$PID" 2>/dev/null || die "Vouch stopped during the run"
total=$(awk '/^status/ { s += $3 } END { print s + 0 }' "$WORK/wrk.out")
count() { awk -v s="$1" '$1 == "status" && $2 == s { print $3 }' "$WORK/wrk.out" | grep . || echo 0; }
others=$(awk '$1 == "status" && $2 != 200 && $2 != 503 && $2 != 500 { s += $3 } END { print s + 0 }' "$WORK/wrk.out")
echo
echo "PostgreSQL restarted under load: $RESTARTS restarts, ${duration}s, wrk -t$THREADS -c$CONNECTIONS, $(nproc) cores, $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %s\n' "requests answered" "$total" "200" "$(count 200)" "503" "$(count 503)" "500" "$(count 500)" \
  "other statuses" "$others" "errors not problem details" "$(awk '/^not-problem/ { print $2 }' "$WORK/wrk.out")" \
  "socket errors" "$(awk '/^socket-errors/ { print $2 }' "$WORK/wrk.out")"
printf 'restart took (ms):  %s\n' "$(cut -d' ' -f2 "$WORK/recovery" | tr '\n' ' ')"
printf 'answering again after the restart began (ms):  %s\n' "$(cut -d' ' -f3 "$WORK/recovery" | tr '\n' ' ')"
[ "$(count 500)" = 0 ] || { grep -m3 -A5 'fail:' "$WORK/vouch.log" >&2 || true; exit 1; }
