#!/usr/bin/env bash
# Webhook fan-out while the app serves its usual reads: EVENTS idea status changes at RATE a second, each posted to
# SUBSCRIBERS endpoints of a receiver on 127.0.0.1 (bench/Vouch.Bench.Webhooks), while READ_RATE searches a second run
# against the same server (bench/Vouch.Bench.Load). See bench/README.md ("Webhook fan-out").
#
# Settings (environment variables):
#   PROVIDER=Sqlite     or Postgres (then CONNECTION must name an empty or already seeded database)
#   CONNECTION=...      connection string; default a SQLite file in the work folder
#   SCALE=100000        contacts seeded when the database has no accounts yet
#   EVENTS=10000 RATE=100 SUBSCRIBERS=5
#   READ_RATE=20        reference searches and idea boards a second during the fan-out
#   VOUCH_PORT=5186 NO_BUILD=1 KEEP_WORK=1
set -euo pipefail

PROVIDER=${PROVIDER:-Sqlite}
SCALE=${SCALE:-100000}
EVENTS=${EVENTS:-10000}
RATE=${RATE:-100}
SUBSCRIBERS=${SUBSCRIBERS:-5}
READ_RATE=${READ_RATE:-20}
VOUCH_PORT=${VOUCH_PORT:-5186}
HOST=127.0.0.1

cd "$(dirname "$0")/../.."
ROOT=$PWD
APP_DIR=${APP_DIR:-$ROOT/src/Vouch/bin/Release/net10.0}
LOAD_DLL=$ROOT/bench/Vouch.Bench.Load/bin/Release/net10.0/Vouch.Bench.Load.dll
FANOUT_DLL=$ROOT/bench/Vouch.Bench.Webhooks/bin/Release/net10.0/Vouch.Bench.Webhooks.dll

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
command -v curl >/dev/null 2>&1 || die "curl is not installed."

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-webhooks.XXXXXX")
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${KEEP_WORK:-}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "${NO_BUILD:-}" != 1 ]; then
  say "building Release"
  for project in src/Vouch/Vouch.csproj bench/Vouch.Bench.Load bench/Vouch.Bench.Webhooks; do
    dotnet build "$project" -c Release -nologo -v q >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
  done
fi

export Database__Provider=$PROVIDER
export ConnectionStrings__Vouch=${CONNECTION:-"Data Source=$WORK/vouch.db"}
export DOTNET_CLI_TELEMETRY_OPTOUT=1
# The seeded stories would be embedded in the background for minutes: this run measures webhooks, not that backlog.
export Meaning__EmbedInBackground=false
vouch() { (cd "$APP_DIR" && dotnet vouch.dll "$@"); }

vouch migrate >/dev/null
say "seeding $SCALE contacts unless the database has accounts"
vouch seed --scale "$SCALE" 2>&1 | grep -v ' of ' >&2 || true
password="Bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
email="bench-admin-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')@vouch.example"
vouch users add --email "$email" --role Admin --password "$password" >/dev/null
TOKEN=$(vouch tokens create --email "$email" --name webhook-benchmark | tail -n 1)
[[ $TOKEN == vouch_* ]] || die "could not create an access token"
echo "$TOKEN" >"$WORK/tokens.txt"

say "starting Vouch on $HOST:$VOUCH_PORT"
(cd "$APP_DIR" && exec dotnet vouch.dll serve --urls="http://$HOST:$VOUCH_PORT" --environment=Production --Webhooks:AllowHttp=true) >"$WORK/vouch.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 240); do curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" || { tail -n 20 "$WORK/vouch.log" >&2; die "Vouch did not become healthy"; }

cat >"$WORK/search.paths" <<'PATHS'
/api/v1/references?industry=technology&stage=Advocate&q=onboarding
/api/v1/references?region=Emea&segment=Enterprise&q=security
/api/v1/ideas?sort=hot
PATHS

duration=$(awk -v e="$EVENTS" -v r="$RATE" 'BEGIN { printf "%d", e / r + 10 }')
say "reading at $READ_RATE/s for ${duration}s while $EVENTS events go to $SUBSCRIBERS subscribers at $RATE/s"
dotnet "$LOAD_DLL" --base "http://$HOST:$VOUCH_PORT" --tokens "$WORK/tokens.txt" --duration "$duration" --warmup 3 --rate "$READ_RATE" \
  --get "$WORK/search.paths" >"$WORK/reads.txt" 2>&1 &
PIDS+=($!)
reads=$!
sleep 3
dotnet "$FANOUT_DLL" --base "http://$HOST:$VOUCH_PORT" --token "$TOKEN" --events "$EVENTS" --rate "$RATE" --subscribers "$SUBSCRIBERS" \
  >"$WORK/fanout.txt" 2>&1 || true
wait "$reads" || true

echo
echo "Webhook fan-out on $PROVIDER: $EVENTS events at $RATE/s to $SUBSCRIBERS subscribers, reads at $READ_RATE/s beside it;" \
  "$(nproc) cores, $(date -u +%Y-%m-%d)"
echo "fan-out: $(grep '^events=' "$WORK/fanout.txt" || cat "$WORK/fanout.txt")"
echo "reads:   $(grep '^requests=' "$WORK/reads.txt" || cat "$WORK/reads.txt")"
echo "(latency of a delivery: from the event's save to its arrival at the receiver, in ms)"
