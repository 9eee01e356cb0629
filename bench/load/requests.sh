#!/usr/bin/env bash
# Load benchmark of matching advocates to reference requests, and of the supply and demand report, on a database
# seeded with `vouch seed --scale` (referenceable contacts and two years of asks). See bench/README.md ("Matching").
#
# Settings (environment variables):
#   PROVIDER=Sqlite     or Postgres: then CONNECTION names an empty or already seeded database
#                       (Host=…;Port=…;Username=…;Database=…)
#   CONNECTION=...      connection string; default a SQLite file in the work folder
#   SCALE=1000000       contacts seeded when the database has no accounts yet
#   ROUNDS=3            measured rounds per target, interleaved
#   DURATION=15s        length of a measured round
#   THREADS=2 CONNECTIONS=8   for matches; the report is loaded by one connection (SUPPLY_CONNECTIONS=1)
#   VOUCH_PORT=5183
#   TARGETS="matches supply"   which targets to load
#   NO_BUILD=1          use the existing Release build
#   APP_DIR=...         the build to measure (default the Release build of this tree)
#   KEEP_WORK=1         keep the work folder (with the SQLite database, to run again with CONNECTION)
set -euo pipefail

SCALE=${SCALE:-1000000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
PROVIDER=${PROVIDER:-Sqlite}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
SUPPLY_CONNECTIONS=${SUPPLY_CONNECTIONS:-1}
VOUCH_PORT=${VOUCH_PORT:-5183}
HOST=127.0.0.1

cd "$(dirname "$0")/../.."
ROOT=$PWD
APP_DIR=${APP_DIR:-$ROOT/src/Vouch/bin/Release/net10.0}

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
case $PROVIDER in
  Sqlite) CLIENT=sqlite3 ;;
  Postgres) CLIENT=psql; [ -n "${CONNECTION:-}" ] || die "PROVIDER=Postgres needs CONNECTION=\"Host=…;Port=…;Username=…;Database=…\"" ;;
  *) die "PROVIDER is Sqlite or Postgres" ;;
esac
for tool in wrk curl "$CLIENT"; do command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed."; done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-requests.XXXXXX")
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
export DOTNET_CLI_TELEMETRY_OPTOUT=1
# This run measures matching and the report, not the first working out of every value or the stories' embeddings.
export Value__BackfillOnStart=false Meaning__EmbedInBackground=false
DATABASE_FILE=$(printf '%s' "$ConnectionStrings__Vouch" | sed -n 's/.*Data Source=\([^;]*\).*/\1/p')
# A setting of the connection string, by its lower-case key.
setting() {
  IFS=';' read -ra parts <<<"$ConnectionStrings__Vouch"
  for part in "${parts[@]}"; do
    key=$(printf '%s' "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    if [ "$key" = "$1" ]; then printf '%s' "${part#*=}"; return; fi
  done
}
# One query on the benchmark's database, its rows one a line.
sql() {
  if [ "$PROVIDER" = Sqlite ]; then
    sqlite3 "$DATABASE_FILE" "$1"
  else
    PGPASSWORD=$(setting password) psql -h "$(setting host)" -p "$(setting port)" -U "$(setting username)" -d "$(setting database)" \
      -v ON_ERROR_STOP=1 -tAc "$1"
  fi
}
vouch() { (cd "$APP_DIR" && dotnet vouch.dll "$@"); }

vouch migrate >/dev/null
say "seeding $SCALE contacts unless the database has accounts"
vouch seed --scale "$SCALE" 2>&1 | grep -v ' of ' >&2 || true
password="Bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
email="bench-manager-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')@vouch.example"
vouch users add --email "$email" --role ReferenceManager --password "$password" >/dev/null
TOKEN=$(vouch tokens create --email "$email" --name requests-benchmark | tail -n 1)
[[ $TOKEN == vouch_* ]] || die "could not create an access token"
export TOKEN

say "starting Vouch on $HOST:$VOUCH_PORT"
(cd "$APP_DIR" && exec dotnet vouch.dll serve --urls="http://$HOST:$VOUCH_PORT" --environment=Production) >"$WORK/vouch.log" 2>&1 &
PID=$!
for _ in $(seq 120); do curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" || { tail -n 20 "$WORK/vouch.log" >&2; die "Vouch did not become healthy"; }

# The catalogue's ids, which the API names by key only, straight from the database.
mapfile -t INDUSTRIES < <(sql 'SELECT lower(CAST("Id" AS text)) FROM "Industries" ORDER BY "Key"')
mapfile -t PRODUCTS < <(sql 'SELECT lower(CAST("Id" AS text)) FROM "Products" ORDER BY "Key"')
[ "${#INDUSTRIES[@]}" -ge 4 ] && [ "${#PRODUCTS[@]}" -ge 4 ] || die "the database has too few industries or products"
NEEDED_BY=$(date -u -d '+21 days' +%Y-%m-%d)

# Ten requests as sellers write them: different activities, from one criterion to all of them, some with a use case.
requests=(
  "{\"activityType\":\"reference-call\",\"criteria\":{\"industryId\":\"${INDUSTRIES[0]}\",\"productIds\":[\"${PRODUCTS[0]}\"],\"region\":\"Emea\"}}"
  "{\"activityType\":\"reference-call\",\"criteria\":{\"industryId\":\"${INDUSTRIES[1]}\",\"productIds\":[\"${PRODUCTS[1]}\",\"${PRODUCTS[2]}\"],\"countryCode\":\"US\",\"employees\":1500,\"competitor\":\"AdvocatePro\"},\"useCase\":\"onboarding new accounts with the CRM integration\"}"
  "{\"activityType\":\"case-study\",\"criteria\":{\"industryId\":\"${INDUSTRIES[2]}\",\"region\":\"NorthAmerica\"}}"
  "{\"activityType\":\"review-site-review\",\"criteria\":{\"productIds\":[\"${PRODUCTS[3]}\"]}}"
  "{\"activityType\":\"reference-call\"}"
  "{\"activityType\":\"site-visit\",\"criteria\":{\"industryId\":\"${INDUSTRIES[3]}\",\"region\":\"Apac\",\"employees\":20000}}"
  "{\"activityType\":\"quote\",\"criteria\":{\"countryCode\":\"DE\",\"competitor\":\"RefBase\"},\"useCase\":\"security review and data residency\"}"
  "{\"activityType\":\"reference-call\",\"criteria\":{\"industryId\":\"${INDUSTRIES[0]}\",\"productIds\":[\"${PRODUCTS[4]}\"],\"region\":\"LatinAmerica\",\"employees\":300}}"
  "{\"activityType\":\"video\",\"criteria\":{\"region\":\"Emea\",\"productIds\":[\"${PRODUCTS[0]}\",\"${PRODUCTS[1]}\"]},\"useCase\":\"analytics dashboards for executives\"}"
  "{\"activityType\":\"webinar\",\"criteria\":{\"industryId\":\"${INDUSTRIES[1]}\"}}"
)
: >"$WORK/matches.paths"
for body in "${requests[@]}"; do
  body=${body%\}}",\"neededBy\":\"$NEEDED_BY\"}"
  id=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$body" "http://$HOST:$VOUCH_PORT/api/v1/requests" \
    | grep -o '"id":"[0-9a-f-]*"' | head -n 1 | cut -d'"' -f4) || die "could not create a request: $body"
  [ -n "$id" ] || die "could not create a request: $body"
  path="/api/v1/requests/$id/matches"
  curl -fsS -H "Authorization: Bearer $TOKEN" "http://$HOST:$VOUCH_PORT$path" -o "$WORK/answer.json" || die "$path did not answer 200"
  printf '%s candidates %s, best %s\n' "$path" "$(grep -o '"score":' "$WORK/answer.json" | wc -l)" \
    "$(grep -o '"score":[0-9]*' "$WORK/answer.json" | head -n 1 | cut -d: -f2)" >&2
  echo "$path" >>"$WORK/matches.paths"
done
echo "/api/v1/reports/supply-demand?from=$(date -u -d '1 year ago' +%Y-%m-%d)&to=$(date -u +%Y-%m-%d)" >"$WORK/supply.paths"
read -r -a TARGETS <<<"${TARGETS:-matches supply}"
if [[ " ${TARGETS[*]} " == *" supply "* ]]; then
  curl -fsS -H "Authorization: Bearer $TOKEN" "http://$HOST:$VOUCH_PORT$(cat "$WORK/supply.paths")" -o /dev/null || die "the supply and demand report did not answer 200"
fi

run_wrk() { # target, duration
  local connections=$CONNECTIONS threads=$THREADS
  if [ "$1" = supply ]; then connections=$SUPPLY_CONNECTIONS; threads=1; fi
  PATHS="$WORK/$1.paths" wrk -t"$threads" -c"$connections" -d"$2" --timeout 60s -s bench/load/percentiles.lua "http://$HOST:$VOUCH_PORT/" \
    | awk '/^percentiles-ms/ { print $2, $3, $4, $5, $6 } /Non-2xx/ { print "non-2xx", $NF > "/dev/stderr" }'
  # wrk does not wait for the answers still on their way; the server goes on computing them. One more request,
  # made alone, waits for them, so they do not load the next round.
  curl -fsS -o /dev/null --max-time 300 -H "Authorization: Bearer $TOKEN" "http://$HOST:$VOUCH_PORT$(head -n 1 "$WORK/$1.paths")" || true
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

say "warming up"
for target in "${TARGETS[@]}"; do run_wrk "$target" "$WARMUP" >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    say "round $round/$ROUNDS: $target"
    run_wrk "$target" "$DURATION" | tee -a "$WORK/$target.results" >&2
  done
done

echo
echo "Matching and supply/demand load: $PROVIDER, $(sql 'SELECT count(*) FROM "Contacts"') contacts," \
  "$ROUNDS x $DURATION per target, wrk -t$THREADS -c$CONNECTIONS (supply -c$SUPPLY_CONNECTIONS), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"
printf '%-8s %9s %9s %9s %10s %7s   %s\n' target "p50 ms" "p95 ms" "p99 ms" requests errors "p95 per round"
for target in "${TARGETS[@]}"; do
  file="$WORK/$target.results"
  # A round in which no request finished has no percentiles.
  awk '$4 > 0' "$WORK/$target.results" >"$WORK/$target.finished"
  if [ ! -s "$WORK/$target.finished" ]; then printf '%-8s   no request finished within a round\n' "$target"; continue; fi
  file="$WORK/$target.finished"
  printf '%-8s %9.2f %9.2f %9.2f %10d %7d   %s\n' "$target" \
    "$(cut -d' ' -f1 "$file" | median)" "$(cut -d' ' -f2 "$file" | median)" "$(cut -d' ' -f3 "$file" | median)" \
    "$(awk '{ s += $4 } END { print s }' "$file")" "$(awk '{ s += $5 } END { print s }' "$file")" "$(cut -d' ' -f2 "$file" | tr '\n' ' ')"
done
echo "(medians over the rounds)"
