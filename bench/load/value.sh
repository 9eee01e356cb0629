#!/usr/bin/env bash
# Load benchmark of the value of customers on a database seeded with `vouch seed --scale`, its ledger topped up to
# LEDGER entries (bench/load/ledger.sh): the program dashboard, one account's value with its explanation, customers
# sorted by engagement value and by multiple, and the references report. See bench/README.md ("The value of
# customers").
#
# The stored values are worked out with `vouch value recompute` when some account has none, and the time it took is
# printed: it is what a whole recompute costs at this scale.
#
# Settings (environment variables):
#   PROVIDER=Sqlite     or Postgres
#   CONNECTION=...      connection string of a scale-seeded database this script may change (required)
#   LEDGER=10000000     ledger entries to reach
#   ACCOUNTS=50         accounts whose value is read, the most valuable customers
#   FIGURES_SECONDS=60  how long each instance keeps the dashboard's figures (Programs:FiguresSeconds); 0 computes
#                       them on every request
#   ROUNDS=3 DURATION=15s WARMUP=5s THREADS=2 CONNECTIONS=8 VOUCH_PORT=5186
#   TARGETS="dashboard value sorted references"
#   NO_BUILD=1          use the existing Release build
#   APP_DIR=...         the build to measure (default the Release build of this tree)
set -euo pipefail

PROVIDER=${PROVIDER:-Sqlite}
LEDGER=${LEDGER:-10000000}
ACCOUNTS=${ACCOUNTS:-50}
FIGURES_SECONDS=${FIGURES_SECONDS:-60}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
VOUCH_PORT=${VOUCH_PORT:-5186}
HOST=127.0.0.1

cd "$(dirname "$0")/../.."
ROOT=$PWD
APP_DIR=${APP_DIR:-$ROOT/src/Vouch/bin/Release/net10.0}

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
for tool in wrk curl; do command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (Debian/Ubuntu package '$tool')."; done
[ -n "${CONNECTION:-}" ] || die "set CONNECTION to a scale-seeded database this script may change"

# One statement through the database's own client.
if [ "$PROVIDER" = Postgres ]; then
  command -v psql >/dev/null 2>&1 || die "psql is not installed (Debian/Ubuntu package 'postgresql-client')."
  setting() { printf '%s' "$CONNECTION" | tr ';' '\n' | sed -n "s/^ *$1 *= *//Ip" | head -n 1; }
  export PGHOST=$(setting Host) PGPORT=$(setting Port) PGUSER=$(setting Username) PGDATABASE=$(setting Database) PGPASSWORD=$(setting Password)
  sql() { psql -XAtq -v ON_ERROR_STOP=1 -c "$1"; }
else
  command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is not installed (Debian/Ubuntu package 'sqlite3')."
  DB=$(printf '%s' "$CONNECTION" | sed -n 's/.*Data Source=\([^;]*\).*/\1/p')
  sql() { sqlite3 -cmd '.timeout 60000' "$DB" "$1"; }
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-value.XXXXXX")
PID=
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "${NO_BUILD:-}" != 1 ]; then
  say "building Release"
  dotnet build src/Vouch/Vouch.csproj -c Release -nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
fi

export Database__Provider=$PROVIDER
export ConnectionStrings__Vouch=$CONNECTION
export Digest__Enabled=false
export Programs__FiguresSeconds=$FIGURES_SECONDS
# Candidate scores are not what this run measures; the values are worked out below, before the run.
export Discovery__BackfillOnStart=false
export Value__BackfillOnStart=false
export DOTNET_CLI_TELEMETRY_OPTOUT=1
vouch() { (cd "$APP_DIR" && dotnet vouch.dll "$@"); }

say "migrating"
vouch migrate >/dev/null
accounts=$(sql 'SELECT count(*) FROM "Accounts"')
[ "$accounts" -gt 0 ] || die "the database is not seeded: run vouch seed --scale first"

source bench/load/ledger.sh
entries=$(top_up_ledger "$LEDGER")
say "ledger: $entries entries"

RECOMPUTED="kept from before"
if [ "$(sql 'SELECT count(*) FROM "AccountValues"')" -lt "$accounts" ]; then
  say "working out every account's value"
  RECOMPUTED=$(vouch value recompute | tail -n 1)
  say "$RECOMPUTED"
fi

suffix=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
password="Bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
vouch users add --email "bench-manager-$suffix@vouch.example" --role ReferenceManager --password "$password" >/dev/null
TOKEN=$(vouch tokens create --email "bench-manager-$suffix@vouch.example" --name value-benchmark | tail -n 1)
[[ $TOKEN == vouch_* ]] || die "could not create an access token"
export TOKEN

say "starting Vouch on $HOST:$VOUCH_PORT"
(cd "$APP_DIR" && exec dotnet vouch.dll serve --urls="http://$HOST:$VOUCH_PORT" --environment=Production) >"$WORK/vouch.log" 2>&1 &
PID=$!
for _ in $(seq 240); do curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" || { tail -n 20 "$WORK/vouch.log" >&2; die "Vouch did not become healthy"; }
api() { curl -fsS -H "Authorization: Bearer $TOKEN" "$@"; }

# The most valuable customers, whose explanations are the longest.
mapfile -t VALUABLE < <(sql "SELECT lower(CAST(\"AccountId\" AS TEXT)) FROM \"AccountValues\" WHERE \"IsCustomer\" AND \"Engagement\" IS NOT NULL
  ORDER BY \"Engagement\" DESC LIMIT $ACCOUNTS")
[ "${#VALUABLE[@]}" -ge 1 ] || die "no customer has a value"
printf '/api/v1/accounts/%s/value\n' "${VALUABLE[@]}" >"$WORK/value.paths"
printf '%s\n' /program /api/v1/program/dashboard >"$WORK/dashboard.paths"
printf '%s\n' '/api/v1/accounts?sort=engagementValue' '/api/v1/accounts?sort=multiple' '/accounts?sort=engagementValue' >"$WORK/sorted.paths"
printf '%s\n' /reports/references /api/v1/reports/references >"$WORK/references.paths"

say "first answers (each computed afresh)"
for target in dashboard value sorted references; do
  while read -r path; do
    seconds=$(api -o /dev/null -w '%{time_total}' "http://$HOST:$VOUCH_PORT$path") || die "$path did not answer 200"
    say "  $path: $seconds s"
  done < <(head -n 3 "$WORK/$target.paths")
done
api "http://$HOST:$VOUCH_PORT/api/v1/accounts/${VALUABLE[0]}/value" >"$WORK/value.json"
say "most valuable customer: $(grep -o '"engagementValue":[0-9.]*' "$WORK/value.json" | head -n 1), $(grep -o '"multiple":[0-9.]*' "$WORK/value.json" | head -n 1), $(grep -o '"source":' "$WORK/value.json" | wc -l) lines"

run_wrk() { # target, duration
  PATHS="$WORK/$1.paths" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout 60s -s bench/load/percentiles.lua "http://$HOST:$VOUCH_PORT/" \
    | awk '/^percentiles-ms/ { print $2, $3, $4, $5, $6 } /Non-2xx/ { print "non-2xx", $NF > "/dev/stderr" }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

read -r -a TARGETS <<<"${TARGETS:-dashboard value sorted references}"
say "warming up"
for target in "${TARGETS[@]}"; do run_wrk "$target" "$WARMUP" >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    say "round $round/$ROUNDS: $target"
    run_wrk "$target" "$DURATION" | tee -a "$WORK/$target.results" >&2
  done
done

echo
echo "Value load: $PROVIDER, $accounts accounts, $entries ledger entries, values $RECOMPUTED," \
  "dashboard kept ${FIGURES_SECONDS} s, $ROUNDS x $DURATION per target, wrk -t$THREADS -c$CONNECTIONS, $(nproc) cores," \
  "load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"
printf '%-10s %9s %9s %9s %10s %7s   %s\n' target "p50 ms" "p95 ms" "p99 ms" requests errors "p95 per round"
for target in "${TARGETS[@]}"; do
  file="$WORK/$target.results"
  printf '%-10s %9.2f %9.2f %9.2f %10d %7d   %s\n' "$target" \
    "$(cut -d' ' -f1 "$file" | median)" "$(cut -d' ' -f2 "$file" | median)" "$(cut -d' ' -f3 "$file" | median)" \
    "$(awk '{ s += $4 } END { print s }' "$file")" "$(awk '{ s += $5 } END { print s }' "$file")" "$(cut -d' ' -f2 "$file" | tr '\n' ' ')"
done
echo "(medians over the rounds)"
