#!/usr/bin/env bash
# Load benchmark of the reference search and of opening a contact, on a million-contact database.
# See bench/README.md ("Reference search").
#
# Settings (environment variables):
#   PROVIDER=Sqlite     or Postgres (then CONNECTION must name an empty or already seeded database)
#   CONNECTION=...      connection string; default a SQLite file in the work folder
#   SCALE=1000000       contacts seeded when the database has no accounts yet
#   ROUNDS=3            measured rounds per target, interleaved
#   DURATION=15s        length of a measured round
#   THREADS=2 CONNECTIONS=2   one search at a time per core
#   VOUCH_PORT=5182
#   NO_BUILD=1          use the existing Release build
#   APP_DIR=...         the build to measure (default the Release build of this tree), e.g. an older one to compare
#   KEEP_WORK=1         keep the work folder (with the SQLite database, to run again with CONNECTION)
set -euo pipefail

PROVIDER=${PROVIDER:-Sqlite}
SCALE=${SCALE:-1000000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-2}
VOUCH_PORT=${VOUCH_PORT:-5182}
HOST=127.0.0.1

cd "$(dirname "$0")/../.."
ROOT=$PWD
APP_DIR=${APP_DIR:-$ROOT/src/Vouch/bin/Release/net10.0}

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
command -v wrk >/dev/null 2>&1 || die "wrk is not installed (Debian/Ubuntu package 'wrk')."
command -v curl >/dev/null 2>&1 || die "curl is not installed."

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-search.XXXXXX")
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
# The seeded stories would be embedded in the background for hours, on the same two cores: this run measures the
# search, which finds by meaning among the stories embedded so far, not that backlog.
export Meaning__EmbedInBackground=false
# Nor does it measure the first working out of every account's value, which a freshly seeded database starts with.
export Value__BackfillOnStart=false
vouch() { (cd "$APP_DIR" && dotnet vouch.dll "$@"); }

vouch migrate >/dev/null
say "seeding $SCALE contacts unless the database has accounts"
vouch seed --scale "$SCALE" 2>&1 | grep -v ' of ' >&2 || true
password="Bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
email="bench-seller-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')@vouch.example"
vouch users add --email "$email" --role Seller --password "$password" >/dev/null
TOKEN=$(vouch tokens create --email "$email" --name search-benchmark | tail -n 1)
[[ $TOKEN == vouch_* ]] || die "could not create an access token"
export TOKEN

say "starting Vouch on $HOST:$VOUCH_PORT"
(cd "$APP_DIR" && exec dotnet vouch.dll serve --urls="http://$HOST:$VOUCH_PORT" --environment=Production) >"$WORK/vouch.log" 2>&1 &
PID=$!
for _ in $(seq 120); do curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" || { tail -n 20 "$WORK/vouch.log" >&2; die "Vouch did not become healthy"; }

# Searches with three filters and free text, as a seller types them; they rotate so no one query is measured alone.
cat >"$WORK/search.paths" <<'PATHS'
/api/v1/references?industry=technology&stage=Advocate&consent=Verbal&q=onboarding
/api/v1/references?region=Emea&segment=Enterprise&activity=reference-call&q=security
/api/v1/references?country=US&stage=Promoter&consent=Written&q=win%20rate
/api/v1/references?industry=banking&segment=MidMarket&activity=case-study&q=migration
/api/v1/references?region=NorthAmerica&employeesMin=201&employeesMax=5000&stage=Promoter&q=support
/api/v1/references?industry=healthcare&consent=Verbal&activity=reference-call&q=integr
/api/v1/references?country=DE&stage=RockStar&segment=Enterprise&q=renewals
/api/v1/references?region=Apac&product=vouch-analytics&stage=Advocate&q=dashboards
PATHS
while read -r path; do
  curl -fsS -H "Authorization: Bearer $TOKEN" "http://$HOST:$VOUCH_PORT$path" -o "$WORK/answer.json" || die "$path did not answer 200"
  printf '%s total %s\n' "$path" "$(grep -o '"total":[0-9]*' "$WORK/answer.json" | cut -d: -f2)" >&2
done <"$WORK/search.paths"

# 100 contacts spread over the table, opened in turn.
: >"$WORK/contact.paths"
for page in $(seq 1 250 5000); do
  curl -fsS -H "Authorization: Bearer $TOKEN" "http://$HOST:$VOUCH_PORT/api/v1/references?pageSize=5&page=$page" \
    | grep -o '"id":"[0-9a-f-]*"' | cut -d'"' -f4 | sed 's|^|/api/v1/contacts/|' >>"$WORK/contact.paths"
done
[ -s "$WORK/contact.paths" ] || die "found no contacts to open"

run_wrk() { # target, duration
  PATHS="$WORK/$1.paths" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" -s bench/load/percentiles.lua "http://$HOST:$VOUCH_PORT/" \
    | awk '/^percentiles-ms/ { print $2, $3, $4, $5, $6 } /Non-2xx/ { print "non-2xx", $NF > "/dev/stderr" }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

TARGETS=(search contact)
say "warming up"
for target in "${TARGETS[@]}"; do run_wrk "$target" "$WARMUP" >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    say "round $round/$ROUNDS: $target"
    run_wrk "$target" "$DURATION" | tee -a "$WORK/$target.results" >&2
  done
done

echo
echo "Reference search load: $PROVIDER, $ROUNDS x $DURATION per target, wrk -t$THREADS -c$CONNECTIONS, $(nproc) cores, $(date -u +%Y-%m-%d)"
printf '%-8s %9s %9s %9s %10s   %s\n' target "p50 ms" "p95 ms" "p99 ms" requests "p95 per round"
for target in "${TARGETS[@]}"; do
  file="$WORK/$target.results"
  printf '%-8s %9.2f %9.2f %9.2f %10d   %s\n' "$target" \
    "$(cut -d' ' -f1 "$file" | median)" "$(cut -d' ' -f2 "$file" | median)" "$(cut -d' ' -f3 "$file" | median)" \
    "$(awk '{ s += $4 } END { print s }' "$file")" "$(cut -d' ' -f2 "$file" | tr '\n' ' ')"
done
echo "(medians over the rounds)"
