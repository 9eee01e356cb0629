#!/usr/bin/env bash
# Soak: a long mixed load at the highest load the machine holds with p99 under a limit, on SQLite or PostgreSQL:
# errors counted, the server's resident set sampled throughout. See bench/README.md ("Soak").
#
# The mix, in turn: the account list, the reference search, a contact, matches for a request, supply and demand,
# the idea board, a vote and a comment (a write, audited, every time).
#
# Settings (environment variables):
#   PROVIDER=Sqlite     or Postgres (then CONNECTION must name an empty or already seeded database)
#   CONNECTION=...      connection string; default a SQLite file in the work folder
#   SCALE=100000        contacts seeded when the database has no accounts yet
#   DURATION=600        seconds of the soak
#   CONNECTIONS=        wrk connections for the soak; unset, a ramp over RAMP picks the most that keep p99 under P99_MS
#   RAMP="1 2 4 8 16"   connection counts the ramp tries, RAMP_SECONDS (15) each, after a WARMUP (10 s)
#   P99_MS=500          the p99 limit in milliseconds
#   SAMPLE_SECONDS=30   how often the resident set is read
#   VOUCH_PORT=5250
#   NO_BUILD=1          use the existing Release build
#   APP_DIR=...         the build to run (default the Release build of this tree)
#   KEEP_WORK=1         keep the work folder (database, log, samples)
set -euo pipefail

PROVIDER=${PROVIDER:-Sqlite}
SCALE=${SCALE:-100000}
DURATION=${DURATION:-600}
RAMP=${RAMP:-"1 2 4 8 16"}
RAMP_SECONDS=${RAMP_SECONDS:-15}
WARMUP=${WARMUP:-10}
P99_MS=${P99_MS:-500}
SAMPLE_SECONDS=${SAMPLE_SECONDS:-30}
VOUCH_PORT=${VOUCH_PORT:-5250}
HOST=127.0.0.1

cd "$(dirname "$0")/../.."
ROOT=$PWD
APP_DIR=${APP_DIR:-$ROOT/src/Vouch/bin/Release/net10.0}

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
command -v wrk >/dev/null 2>&1 || die "wrk is not installed (Debian/Ubuntu package 'wrk')."
command -v curl >/dev/null 2>&1 || die "curl is not installed."

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-soak.XXXXXX")
PID=
SAMPLER=
cleanup() {
  for pid in $SAMPLER $PID; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ "${KEEP_WORK:-}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "${NO_BUILD:-}" != 1 ]; then
  say "building Release"
  dotnet build src/Vouch/Vouch.csproj -c Release -nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
fi

export Database__Provider=$PROVIDER
export ConnectionStrings__Vouch=${CONNECTION:-"Data Source=$WORK/vouch.db"}
export DOTNET_CLI_TELEMETRY_OPTOUT=1
# The seeded stories would be embedded in the background for hours, on the same two cores, and the model and the
# growing vector indexes would take memory as they went: a backlog a freshly seeded database has, not the load.
export Meaning__EmbedInBackground=false
# Stored customer values and candidate scores are worked out once before the soak rather than during it.
export Value__BackfillOnStart=false
export Discovery__BackfillOnStart=false
vouch() { (cd "$APP_DIR" && dotnet vouch.dll "$@"); }

vouch migrate >/dev/null
say "seeding $SCALE contacts unless the database has accounts"
vouch seed --scale "$SCALE" 2>&1 | grep -v ' of ' >&2 || true
password="Bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
email="bench-soak-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')@vouch.example"
vouch users add --email "$email" --role Admin --password "$password" >/dev/null
TOKEN=$(vouch tokens create --email "$email" --name soak | tail -n 1)
[[ $TOKEN == vouch_* ]] || die "could not create an access token"
export TOKEN

say "starting Vouch on $HOST:$VOUCH_PORT"
(cd "$APP_DIR" && exec dotnet vouch.dll serve --urls="http://$HOST:$VOUCH_PORT" --environment=Production) >"$WORK/vouch.log" 2>&1 &
PID=$!
for _ in $(seq 120); do curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" || { tail -n 20 "$WORK/vouch.log" >&2; die "Vouch did not become healthy"; }

api() { curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
first_id() { grep -o '"id":"[0-9a-f-]*"' | head -n "${1:-1}" | cut -d'"' -f4; }
base=http://$HOST:$VOUCH_PORT

# What the mix reads and writes: ideas to show, vote for and comment on, a request to match, contacts to open.
IDEAS=()
for subject in "export to the data warehouse" "single sign-on for advocates" "a mobile app for the portal" "webhooks for new requests"; do
  IDEAS+=("$(api -d "{\"title\":\"Soak: $subject\",\"description\":\"Posted by the soak benchmark.\"}" "$base/api/v1/ideas" | first_id)")
done
REQUEST=$(api -d "{\"activityType\":\"reference-call\",\"neededBy\":\"$(date -u -d '+21 days' +%Y-%m-%d)\"}" "$base/api/v1/requests" | first_id)
[ -n "$REQUEST" ] || die "could not create a request"
mapfile -t CONTACTS < <(api "$base/api/v1/references?pageSize=10&page=3" | first_id 10)
[ "${#CONTACTS[@]}" -gt 0 ] || die "found no contacts to open"
FROM=$(date -u -d '1 year ago' +%Y-%m-%d) TO=$(date -u +%Y-%m-%d)
{
  for i in 0 1 2 3; do
    echo "GET /api/v1/accounts?pageSize=50&page=$((i * 20 + 1))"
    echo "GET /api/v1/references?region=Emea&stage=Advocate&q=security"
    echo "GET /api/v1/contacts/${CONTACTS[$i]}"
    echo "GET /api/v1/requests/$REQUEST/matches"
    echo "GET /api/v1/ideas?sort=hot"
    echo "POST /api/v1/ideas/${IDEAS[$i]}/votes"
    echo "POST /api/v1/ideas/${IDEAS[$i]}/comments {\"text\":\"Soak comment.\"}"
    echo "GET /api/v1/references?industry=banking&consent=Verbal&q=migration"
    echo "GET /api/v1/contacts/${CONTACTS[$((i + 4))]}"
  done
  echo "GET /api/v1/reports/supply-demand?from=$FROM&to=$TO"
} >"$WORK/requests.txt"
while read -r method path body; do
  if [ "$method" = GET ]; then api "$base$path" -o /dev/null; else api -d "${body:-}" -X "$method" "$base$path" -o /dev/null; fi \
    || die "$method $path did not answer 2xx"
done <"$WORK/requests.txt"
export REQUESTS=$WORK/requests.txt

run_wrk() { # connections, seconds
  wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"$2s" --timeout 10s -s bench/load/mixed.lua "$base/" | awk '/^mixed / { $1 = ""; print substr($0, 2) }'
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$PID/status"; }
say "warming up ($WARMUP s)"
run_wrk 4 "$WARMUP" >/dev/null

printf '%-12s %8s %8s %8s %9s %9s %8s %7s\n' connections "p50 ms" "p95 ms" "p99 ms" "max ms" requests "req/s" errors >&2
if [ -z "${CONNECTIONS:-}" ]; then
  CONNECTIONS=
  for c in $RAMP; do
    read -r p50 p95 p99 max n rps status socket < <(run_wrk "$c" "$RAMP_SECONDS")
    printf '%-12s %8.1f %8.1f %8.1f %9.1f %9d %8.1f %7d\n' "ramp $c" "$p50" "$p95" "$p99" "$max" "$n" "$rps" $((status + socket)) >&2
    awk -v p="$p99" -v l="$P99_MS" 'BEGIN { exit !(p < l) }' && [ $((status + socket)) -eq 0 ] || break
    CONNECTIONS=$c
  done
  [ -n "$CONNECTIONS" ] || die "even one connection has p99 over $P99_MS ms or errors"
fi

say "soak: $DURATION s at $CONNECTIONS connections; resident set every $SAMPLE_SECONDS s"
( while kill -0 "$PID" 2>/dev/null; do echo "$(date -u +%H:%M:%S) $(rss_kb)"; sleep "$SAMPLE_SECONDS"; done ) >"$WORK/rss.txt" &
SAMPLER=$!
read -r p50 p95 p99 max n rps status socket < <(run_wrk "$CONNECTIONS" "$DURATION")
echo "$(date -u +%H:%M:%S) $(rss_kb)" >>"$WORK/rss.txt"
kill "$SAMPLER" 2>/dev/null || true

echo
echo "Vouch soak: $PROVIDER, $SCALE contacts, $DURATION s at $CONNECTIONS connections (wrk), $(nproc) cores, $(date -u +%Y-%m-%d), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%8s %8s %8s %9s %9s %8s %7s %7s\n' "p50 ms" "p95 ms" "p99 ms" "max ms" requests "req/s" "4xx/5xx" socket
printf '%8.1f %8.1f %8.1f %9.1f %9d %8.1f %7d %7d\n' "$p50" "$p95" "$p99" "$max" "$n" "$rps" "$status" "$socket"
echo "resident set (MB), every $SAMPLE_SECONDS s: $(awk '{ printf "%s%.0f", (NR > 1 ? " " : ""), $2 / 1024 }' "$WORK/rss.txt")"
echo "resident set at the start $(awk 'NR == 1 { printf "%.0f", $2 / 1024 }' "$WORK/rss.txt") MB, at the end $(awk 'END { printf "%.0f", $2 / 1024 }' "$WORK/rss.txt") MB"
[ $((status + socket)) -eq 0 ] || die "the soak had $status 4xx/5xx answers and $socket socket errors"
