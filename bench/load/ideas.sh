#!/usr/bin/env bash
# Idea exchange benchmark at the issue's scale: the first page of every board sort, similar ideas for a typed title,
# and votes at a constant 500/s from distinct voters, each measured by bench/Vouch.Bench.Load at a fixed rate.
# See bench/README.md.
#
# Settings (environment variables):
#   IDEAS=1000000 VOTES=20000000 TOKENS=20000   what vouch seed --ideas/--votes/--tokens writes (with SCALE contacts)
#   SCALE=100000        contacts seeded first (vouch seed --scale); a third of the voters are these customers
#   PROVIDER=Sqlite     or Postgres: then CONNECTION names an empty database (Host=…;Port=…;Username=…;Database=…),
#                       seeded unless TOKENS_FILE is given too (a database seeded by an earlier run)
#   DB=path             use this already seeded SQLite database (with TOKENS_FILE) instead of seeding a new one
#   TOKENS_FILE=path    the tokens written by seed --tokens-file for DB or CONNECTION
#   ROUNDS=3            measured rounds per target, run interleaved
#   TARGETS="hot top new value similar vote"  the targets measured (all by default)
#   DURATION=20         seconds per measured round; WARMUP=5 seconds before each
#   VOTE_WARMUP=30      seconds of votes before each round of votes: the vote path (the queue, the batch writer) is
#                       compiled by the runtime's second tier only after tens of seconds of votes
#   READ_RATE=50        requests/s for the board and the similar ideas
#   VOTE_RATE=500       votes/s
#   VOUCH_PORT=5190     loopback port for Vouch
#   KEEP_WORK=1         keep the temporary folder; NO_BUILD=1 use the existing Release builds
set -euo pipefail

PROVIDER=${PROVIDER:-Sqlite}
IDEAS=${IDEAS:-1000000}
VOTES=${VOTES:-20000000}
TOKENS=${TOKENS:-20000}
SCALE=${SCALE:-100000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
VOTE_WARMUP=${VOTE_WARMUP:-30}
READ_RATE=${READ_RATE:-50}
VOTE_RATE=${VOTE_RATE:-500}
VOUCH_PORT=${VOUCH_PORT:-5190}
HOST=127.0.0.1

cd "$(dirname "$0")/../.."
ROOT=$PWD
APP_DIR=${APP_DIR:-$ROOT/src/Vouch/bin/Release/net10.0}
LOAD_DLL=$ROOT/bench/Vouch.Bench.Load/bin/Release/net10.0/Vouch.Bench.Load.dll

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
case $PROVIDER in
  Sqlite) command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is not installed (it picks the ideas to vote for)." ;;
  Postgres)
    [ -n "${CONNECTION:-}" ] || die "PROVIDER=Postgres needs CONNECTION=\"Host=…;Port=…;Username=…;Database=…\""
    command -v psql >/dev/null 2>&1 || die "psql is not installed (it picks the ideas to vote for)." ;;
  *) die "PROVIDER is Sqlite or Postgres" ;;
esac
command -v curl >/dev/null 2>&1 || die "curl is not installed."

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-ideas.XXXXXX")
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
  dotnet build src/Vouch/Vouch.csproj -c Release -nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
  dotnet build bench/Vouch.Bench.Load -c Release -nologo -v q >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
fi

export Database__Provider=$PROVIDER DOTNET_CLI_TELEMETRY_OPTOUT=1
# Background work a freshly seeded database starts (embedding every idea's text, working out every account's value)
# would share the two cores with the run and grow as it goes: the run measures the requests alone.
export Meaning__EmbedInBackground=false Value__BackfillOnStart=false Discovery__BackfillOnStart=false
vouch() { (cd "$APP_DIR" && dotnet vouch.dll "$@"); }

# One setting of CONNECTION (Host, Port, Username, Password, Database), whatever its case.
setting() {
  local part key
  IFS=';' read -ra parts <<<"${CONNECTION:-}"
  for part in "${parts[@]}"; do
    key=$(printf '%s' "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    if [ "$key" = "$1" ]; then printf '%s' "${part#*=}"; return; fi
  done
}
# One query on the benchmark's database, its rows one a line.
sql() {
  if [ "$PROVIDER" = Sqlite ]; then
    sqlite3 "$DB" "$1"
  else
    PGPASSWORD=$(setting password) psql -h "$(setting host)" -p "$(setting port)" -U "$(setting username)" -d "$(setting database)" \
      -v ON_ERROR_STOP=1 -tAc "$1"
  fi
}

if [ "$PROVIDER" = Postgres ] && [ -z "${TOKENS_FILE:-}" ]; then
  TOKENS_FILE=$WORK/tokens.txt
  export ConnectionStrings__Vouch=$CONNECTION
  say "seeding $SCALE contacts, $IDEAS ideas and $VOTES votes into PostgreSQL"
  vouch migrate >/dev/null
  vouch seed --scale "$SCALE" | grep -v ' of ' >&2
  vouch seed --ideas "$IDEAS" --votes "$VOTES" --tokens "$TOKENS" --tokens-file "$TOKENS_FILE" | grep -v ' rows/s$' >&2
elif [ "$PROVIDER" = Postgres ]; then
  [ -f "$TOKENS_FILE" ] || die "TOKENS_FILE $TOKENS_FILE does not exist"
  export ConnectionStrings__Vouch=$CONNECTION
elif [ -z "${DB:-}" ]; then
  DB=$WORK/vouch.db
  TOKENS_FILE=$WORK/tokens.txt
  export ConnectionStrings__Vouch="Data Source=$DB"
  say "seeding $SCALE contacts, $IDEAS ideas and $VOTES votes into $DB"
  vouch migrate >/dev/null
  vouch seed --scale "$SCALE" | grep -v ' of ' >&2
  vouch seed --ideas "$IDEAS" --votes "$VOTES" --tokens "$TOKENS" --tokens-file "$TOKENS_FILE" | grep -v ' rows/s$' >&2
else
  [ -f "${TOKENS_FILE:-}" ] || die "with DB, set TOKENS_FILE to the tokens seed --tokens-file wrote"
  export ConnectionStrings__Vouch="Data Source=$DB"
fi

say "starting Vouch on $HOST:$VOUCH_PORT"
(cd "$APP_DIR" && exec dotnet vouch.dll serve --urls="http://$HOST:$VOUCH_PORT" --environment=Production) >"$WORK/vouch.log" 2>&1 &
PIDS+=($!)
deadline=$((SECONDS + 120))
until curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" 2>/dev/null; do
  kill -0 "${PIDS[-1]}" 2>/dev/null && [ $SECONDS -lt $deadline ] || { tail -n 20 "$WORK/vouch.log" >&2; die "Vouch did not become healthy"; }
  sleep 0.5
done

for sort in hot top new value; do
  echo "/api/v1/ideas?sort=$sort" >"$WORK/board-$sort.txt"
done
# Titles as someone might type them: some close to many ideas, some to few, some to none.
for text in "export contacts to excel" "dark mode for the portal" "sync deals with salesforce" "bulk edit surveys" \
  "print invoices as pdf" "schedule reports every week" "translate case studies into spanish" "share dashboards with guests" \
  "notify me about renewals" "merge duplicate accounts" "archive old campaigns" "filter testimonials by industry"; do
  echo "/api/v1/ideas/similar?text=$(printf '%s' "$text" | sed 's/ /%20/g')"
done >"$WORK/similar.txt"
sql "SELECT \"Id\" FROM \"Ideas\" WHERE \"Status\" IN ('New', 'UnderReview', 'Planned', 'InProgress') AND \"MergedIntoId\" IS NULL AND NOT \"IsHidden\" ORDER BY random() LIMIT 50000" >"$WORK/vote-ideas.txt"

read -r -a TARGETS <<<"${TARGETS:-hot top new value similar vote}"
run_load() { # target, output file
  local common=(--base "http://$HOST:$VOUCH_PORT" --tokens "$TOKENS_FILE" --duration "$DURATION")
  case $1 in
    similar) dotnet "$LOAD_DLL" "${common[@]}" --warmup "$WARMUP" --rate "$READ_RATE" --get "$WORK/similar.txt" ;;
    vote) dotnet "$LOAD_DLL" "${common[@]}" --warmup "$VOTE_WARMUP" --rate "$VOTE_RATE" --vote "$WORK/vote-ideas.txt" ;;
    *) dotnet "$LOAD_DLL" "${common[@]}" --warmup "$WARMUP" --rate "$READ_RATE" --get "$WORK/board-$1.txt" ;;
  esac >"$2" 2>&1 || true
}

for round in $(seq 1 "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    say "round $round/$ROUNDS: $target"
    run_load "$target" "$WORK/$target-$round.txt"
    grep '^requests=' "$WORK/$target-$round.txt" >>"$WORK/$target.results" || { cat "$WORK/$target-$round.txt" >&2; die "no result for $target"; }
  done
done

field() { sed -E "s/.* $1=([0-9.]+).*/\\1/"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
echo "Vouch idea exchange: $(sql 'SELECT COUNT(*) FROM "Ideas"') ideas, $(sql 'SELECT COUNT(*) FROM "IdeaVotes"') votes on $PROVIDER;" \
  "$ROUNDS x ${DURATION}s per target at a constant rate, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
printf '%-8s %8s %9s %9s %9s %9s %7s\n' target "rate/s" "p50 ms" "p95 ms" "p99 ms" "max ms" errors
for target in "${TARGETS[@]}"; do
  file="$WORK/$target.results"
  printf '%-8s %8.0f %9.2f %9.2f %9.2f %9.2f %7d\n' "$target" \
    "$(field rate <"$file" | median)" "$(field p50 <"$file" | median)" "$(field p95 <"$file" | median)" \
    "$(field p99 <"$file" | median)" "$(field max <"$file" | median)" "$(field errors <"$file" | awk '{ s += $1 } END { print s + 0 }')"
done
echo "(medians over the rounds; errors summed; latency counted from when each request was sent, on a fixed schedule)"
