#!/usr/bin/env bash
# Load benchmark of the advocacy programs' reports on a database seeded with `vouch seed --scale` (which writes the
# referrals, events with their attendees, executives' conversations and account reviews in proportion to the
# contacts): the event conversion report, the referral report, and an executive's own progress page.
# See bench/README.md ("The advocacy programs").
#
# Settings (environment variables):
#   PROVIDER=Sqlite     or Postgres (then CONNECTION must name an empty or already seeded database)
#   CONNECTION=...      connection string; default a SQLite file in the work folder. To measure an existing
#                       database, point it at a copy: the run migrates it, adds the programs when it has none
#                       (`seed --programs`), and adds a user and tokens.
#   SCALE=1000000       contacts seeded when the database has no accounts yet
#   EXECUTIVES=10       executives whose own pages are loaded, each with their own token
#   ROUNDS=3 DURATION=15s WARMUP=5s THREADS=2 CONNECTIONS=8 VOUCH_PORT=5185
#   TARGETS="events referrals executive"
#   NO_BUILD=1          use the existing Release build
#   APP_DIR=...         the build to measure (default the Release build of this tree)
#   KEEP_WORK=1         keep the work folder
set -euo pipefail

PROVIDER=${PROVIDER:-Sqlite}
SCALE=${SCALE:-1000000}
EXECUTIVES=${EXECUTIVES:-10}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
VOUCH_PORT=${VOUCH_PORT:-5185}
HOST=127.0.0.1

cd "$(dirname "$0")/../.."
ROOT=$PWD
APP_DIR=${APP_DIR:-$ROOT/src/Vouch/bin/Release/net10.0}

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
for tool in wrk curl; do command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (Debian/Ubuntu package '$tool')."; done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-programs.XXXXXX")
PID=
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
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
export Digest__Enabled=false
# Candidate scores and customer values are not what this run measures; working them out for a million contacts at
# start would load the machine.
export Discovery__BackfillOnStart=false
export Value__BackfillOnStart=false
export DOTNET_CLI_TELEMETRY_OPTOUT=1
vouch() { (cd "$APP_DIR" && dotnet vouch.dll "$@"); }

say "migrating"
vouch migrate >/dev/null
say "seeding $SCALE contacts unless the database has accounts"
vouch seed --scale "$SCALE" 2>&1 | grep -v ' of ' >&2 || true
say "adding the programs unless the database has them"
vouch seed --programs >&2 || true

suffix=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
password="Bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
vouch users add --email "bench-manager-$suffix@vouch.example" --role ReferenceManager --password "$password" >/dev/null
TOKEN=$(vouch tokens create --email "bench-manager-$suffix@vouch.example" --name programs-benchmark | tail -n 1)
[[ $TOKEN == vouch_* ]] || die "could not create an access token"
export TOKEN
: >"$WORK/executive.paths"
for i in $(seq 1 "$EXECUTIVES"); do
  token=$(vouch tokens create --email "$(printf 'exec%03d@executives.vouch.example' "$i")" --name programs-benchmark | tail -n 1)
  [[ $token == vouch_* ]] || die "no seeded executive number $i: seed fewer EXECUTIVES or more contacts"
  echo "$token /executives/me" >>"$WORK/executive.paths"
done

say "starting Vouch on $HOST:$VOUCH_PORT"
(cd "$APP_DIR" && exec dotnet vouch.dll serve --urls="http://$HOST:$VOUCH_PORT" --environment=Production) >"$WORK/vouch.log" 2>&1 &
PID=$!
for _ in $(seq 240); do curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" || { tail -n 20 "$WORK/vouch.log" >&2; die "Vouch did not become healthy"; }

# Each report as its page and as its API answer, in turn.
printf '%s\n' /reports/events /api/v1/reports/events >"$WORK/events.paths"
printf '%s\n' /reports/referrals /api/v1/reports/referrals >"$WORK/referrals.paths"
api() { local path=$1; shift; curl -fsS -H "Authorization: Bearer $TOKEN" "$@" "http://$HOST:$VOUCH_PORT$path"; }
api /api/v1/reports/events >"$WORK/events.json" || die "the event report did not answer 200"
say "event report: $(grep -o '"prospects":[0-9]*,"converted":[0-9]*' "$WORK/events.json" | head -n 1), $(grep -o '"revenue":[0-9.]*' "$WORK/events.json" | head -n 1)"
api /api/v1/reports/referrals >"$WORK/referrals.json" || die "the referral report did not answer 200"
say "referral report: $(grep -o '"referrals":[0-9]*,"won":[0-9]*' "$WORK/referrals.json" | head -n 1)"
for path in /reports/events /reports/referrals; do api "$path" -o /dev/null || die "$path did not answer 200"; done
while read -r token path; do
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" "http://$HOST:$VOUCH_PORT$path" || die "$path did not answer 200 for an executive"
done <"$WORK/executive.paths"

run_wrk() { # target, duration
  PATHS="$WORK/$1.paths" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout 60s -s bench/load/percentiles.lua "http://$HOST:$VOUCH_PORT/" \
    | awk '/^percentiles-ms/ { print $2, $3, $4, $5, $6 } /Non-2xx/ { print "non-2xx", $NF > "/dev/stderr" }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

read -r -a TARGETS <<<"${TARGETS:-events referrals executive}"
say "warming up"
for target in "${TARGETS[@]}"; do run_wrk "$target" "$WARMUP" >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    say "round $round/$ROUNDS: $target"
    run_wrk "$target" "$DURATION" | tee -a "$WORK/$target.results" >&2
  done
done

echo
echo "Programs load: $PROVIDER, $ROUNDS x $DURATION per target, wrk -t$THREADS -c$CONNECTIONS, $(nproc) cores," \
  "load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"
printf '%-10s %9s %9s %9s %10s %7s   %s\n' target "p50 ms" "p95 ms" "p99 ms" requests errors "p95 per round"
for target in "${TARGETS[@]}"; do
  file="$WORK/$target.results"
  printf '%-10s %9.2f %9.2f %9.2f %10d %7d   %s\n' "$target" \
    "$(cut -d' ' -f1 "$file" | median)" "$(cut -d' ' -f2 "$file" | median)" "$(cut -d' ' -f3 "$file" | median)" \
    "$(awk '{ s += $4 } END { print s }' "$file")" "$(awk '{ s += $5 } END { print s }' "$file")" "$(cut -d' ' -f2 "$file" | tr '\n' ' ')"
done
echo "(medians over the rounds)"
