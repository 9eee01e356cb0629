#!/usr/bin/env bash
# Load benchmark of the advocate exchange on a database seeded with `vouch seed --scale`: the advocate's portal
# (asks, history, offers), a contact's ledger, and one advocate's offer recommendations. See bench/README.md
# ("The advocate exchange").
#
# The ledger is topped up to LEDGER entries with delivered gives copied from the seeded asks (bench/load/ledger.sh),
# so that every advocate with asks has a long ledger on both sides.
#
# Settings (environment variables):
#   CONNECTION=...      SQLite connection string (required: a scale-seeded database this script may change)
#   LEDGER=2000000      ledger entries to reach
#   OFFERS=50           open offers to create
#   ADVOCATES=20        advocates with a portal login and a token, the busiest in the ledger
#   ROUNDS=3 DURATION=15s WARMUP=5s THREADS=2 CONNECTIONS=8 VOUCH_PORT=5184
#   TARGETS="portal ledger offers"
#   NO_BUILD=1          use the existing Release build
set -euo pipefail

LEDGER=${LEDGER:-2000000}
OFFERS=${OFFERS:-50}
ADVOCATES=${ADVOCATES:-20}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
VOUCH_PORT=${VOUCH_PORT:-5184}
HOST=127.0.0.1

cd "$(dirname "$0")/../.."
ROOT=$PWD
APP_DIR=${APP_DIR:-$ROOT/src/Vouch/bin/Release/net10.0}

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
for tool in wrk curl sqlite3; do command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (Debian/Ubuntu package '$tool')."; done
[ -n "${CONNECTION:-}" ] || die "set CONNECTION to a scale-seeded SQLite database (Data Source=…) this script may change"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-exchange.XXXXXX")
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

export Database__Provider=Sqlite
export ConnectionStrings__Vouch=$CONNECTION
export Digest__Enabled=false
# Candidate scores and customer values are not what this run measures; working them out for a million contacts at
# start would load the machine.
export Discovery__BackfillOnStart=false
export Value__BackfillOnStart=false
export DOTNET_CLI_TELEMETRY_OPTOUT=1
DB=$(printf '%s' "$CONNECTION" | sed -n 's/.*Data Source=\([^;]*\).*/\1/p')
vouch() { (cd "$APP_DIR" && dotnet vouch.dll "$@"); }
sql() { sqlite3 -cmd '.timeout 60000' "$DB" "$@"; }

say "migrating"
vouch migrate >/dev/null
[ "$(sql 'SELECT count(*) FROM "Accounts"')" -gt 0 ] || die "the database is not seeded: run vouch seed --scale first"

PROVIDER=Sqlite
source bench/load/ledger.sh
entries=$(top_up_ledger "$LEDGER")
say "ledger: $entries entries ($(sql "SELECT count(*) FROM \"Engagements\" WHERE \"Kind\" = 'Give'") gives)"

suffix=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
password="Bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
vouch users add --email "bench-admin-$suffix@vouch.example" --role Admin --password "$password" >/dev/null
TOKEN=$(vouch tokens create --email "bench-admin-$suffix@vouch.example" --name exchange-benchmark | tail -n 1)
[[ $TOKEN == vouch_* ]] || die "could not create an access token"
export TOKEN

say "starting Vouch on $HOST:$VOUCH_PORT"
(cd "$APP_DIR" && exec dotnet vouch.dll serve --urls="http://$HOST:$VOUCH_PORT" --environment=Production) >"$WORK/vouch.log" 2>&1 &
PID=$!
for _ in $(seq 240); do curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" || { tail -n 20 "$WORK/vouch.log" >&2; die "Vouch did not become healthy"; }
api() { curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }

say "opening $OFFERS offers"
kinds=(SpeakingSlot WebinarHost AdvisoryBoardSeat EarlyAccess MediaInterview CommunityLeadership PeerIntroduction ProductTeamSession FrontRowSeat)
gives=(Reputation Learning Status Affiliation ProductSay)
today=$(date -u +%Y-%m-%d)
for i in $(seq 1 "$OFFERS"); do
  body="{\"title\":\"Bench offer $i\",\"kind\":\"${kinds[$((i % 9))]}\",\"gives\":[\"${gives[$((i % 5))]}\",\"${gives[$(((i + 2) % 5))]}\"],\"opensOn\":\"$today\",\"closesOn\":\"$(date -u -d '+60 days' +%Y-%m-%d)\",\"capacity\":$((5 + i % 20))}"
  id=$(api -d "$body" "http://$HOST:$VOUCH_PORT/api/v1/offers" | grep -o '"id":"[0-9a-f-]*"' | head -n 1 | cut -d'"' -f4)
  api -X POST "http://$HOST:$VOUCH_PORT/api/v1/offers/$id/open" -o /dev/null
done

# The busiest referenceable advocates in the ledger, and as many more for the ledger and recommendation targets.
mapfile -t BUSY < <(sql "SELECT lower(e.\"ContactId\") FROM \"Engagements\" e JOIN \"Contacts\" c ON c.\"Id\" = e.\"ContactId\"
  WHERE c.\"Consent\" <> 'None' GROUP BY e.\"ContactId\" ORDER BY count(*) DESC LIMIT 200")
[ "${#BUSY[@]}" -ge "$ADVOCATES" ] || die "too few referenceable contacts with a ledger"
say "busiest advocate: $(sql "SELECT count(*) FROM \"Engagements\" WHERE lower(\"ContactId\") = '${BUSY[0]}'") ledger entries"
: >"$WORK/portal.paths"
for i in $(seq 0 $((ADVOCATES - 1))); do
  email="bench-advocate-$suffix-$i@vouch.example"
  vouch users add --email "$email" --role Advocate --password "$password" >/dev/null
  api -X PUT -d "{\"contactId\":\"${BUSY[$i]}\"}" "http://$HOST:$VOUCH_PORT/api/v1/users/$email/contact" -o /dev/null
  token=$(vouch tokens create --email "$email" --name exchange-benchmark | tail -n 1)
  for path in /api/v1/portal/asks /api/v1/portal/history /api/v1/portal/offers; do echo "$token $path" >>"$WORK/portal.paths"; done
done
printf '/api/v1/contacts/%s/ledger\n' "${BUSY[@]}" >"$WORK/ledger.paths"
printf '/api/v1/contacts/%s/offers\n' "${BUSY[@]}" >"$WORK/offers.paths"
while read -r line; do
  set -- $line; t=$TOKEN; p=$1; if [ $# -eq 2 ]; then t=$1; p=$2; fi
  curl -fsS -o /dev/null -H "Authorization: Bearer $t" "http://$HOST:$VOUCH_PORT$p" || die "$p did not answer 200"
done < <(head -n 3 "$WORK/portal.paths"; head -n 1 "$WORK/ledger.paths"; head -n 1 "$WORK/offers.paths")

run_wrk() { # target, duration
  PATHS="$WORK/$1.paths" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout 60s -s bench/load/percentiles.lua "http://$HOST:$VOUCH_PORT/" \
    | awk '/^percentiles-ms/ { print $2, $3, $4, $5, $6 } /Non-2xx/ { print "non-2xx", $NF > "/dev/stderr" }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

read -r -a TARGETS <<<"${TARGETS:-portal ledger offers}"
say "warming up"
for target in "${TARGETS[@]}"; do run_wrk "$target" "$WARMUP" >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    say "round $round/$ROUNDS: $target"
    run_wrk "$target" "$DURATION" | tee -a "$WORK/$target.results" >&2
  done
done

echo
echo "Exchange load: SQLite, $(sql 'SELECT count(*) FROM "Contacts"') contacts, $entries ledger entries, $OFFERS open offers," \
  "$ROUNDS x $DURATION per target, wrk -t$THREADS -c$CONNECTIONS, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"
printf '%-8s %9s %9s %9s %10s %7s   %s\n' target "p50 ms" "p95 ms" "p99 ms" requests errors "p95 per round"
for target in "${TARGETS[@]}"; do
  file="$WORK/$target.results"
  printf '%-8s %9.2f %9.2f %9.2f %10d %7d   %s\n' "$target" \
    "$(cut -d' ' -f1 "$file" | median)" "$(cut -d' ' -f2 "$file" | median)" "$(cut -d' ' -f3 "$file" | median)" \
    "$(awk '{ s += $4 } END { print s }' "$file")" "$(awk '{ s += $5 } END { print s }' "$file")" "$(cut -d' ' -f2 "$file" | tr '\n' ' ')"
done
echo "(medians over the rounds)"
