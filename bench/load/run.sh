#!/usr/bin/env bash
# Load benchmark: Vouch's authenticated account list against a bare ASP.NET Core app serving the same
# bytes from memory, and /health, with wrk on loopback. See bench/README.md.
#
# Settings (environment variables):
#   SCALE=100000        contacts seeded (vouch seed --scale)
#   ROUNDS=3            measured rounds per target, run interleaved
#   DURATION=15s        length of a measured round
#   WARMUP=5s           length of the one warm-up run per target
#   THREADS=2           wrk threads
#   CONNECTIONS=32      wrk connections
#   VOUCH_PORT=5180     loopback port for Vouch
#   BARE_PORT=5181      loopback port for the bare app
#   KEEP_WORK=1         keep the temporary folder (database, logs, raw wrk output)
#   NO_BUILD=1          use the existing Release build
#   APP_DIR=path        run the Vouch build in this folder (e.g. a copy of an older build, with NO_BUILD=1)
#   DB=path             a SQLite database seeded before (e.g. kept by KEEP_WORK=1): no new seeding
set -euo pipefail

SCALE=${SCALE:-100000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
VOUCH_PORT=${VOUCH_PORT:-5180}
BARE_PORT=${BARE_PORT:-5181}
HOST=127.0.0.1

cd "$(dirname "$0")/../.."
ROOT=$PWD
APP_DIR=${APP_DIR:-$ROOT/src/Vouch/bin/Release/net10.0}
BARE_DLL=$ROOT/bench/Vouch.Bench.Bare/bin/Release/net10.0/Vouch.Bench.Bare.dll

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    say "installing wrk"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y wrk >/dev/null; }
  else
    die "wrk is not installed; install the Debian/Ubuntu package 'wrk' (sudo apt-get install wrk) and run again."
  fi
fi
command -v curl >/dev/null 2>&1 || die "curl is not installed."

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-load.XXXXXX")
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "${KEEP_WORK:-}" = 1 ]; then
    say "kept $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "${NO_BUILD:-}" != 1 ]; then
  say "building Release"
  dotnet build src/Vouch/Vouch.csproj -c Release -nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
  dotnet build bench/Vouch.Bench.Bare -c Release -nologo -v q >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
fi

export Database__Provider=Sqlite
export ConnectionStrings__Vouch="Data Source=${DB:-$WORK/vouch.db}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
# The seeded stories would be embedded in the background for hours, on the same two cores, and the model and the
# growing vector indexes would take memory as they went: a backlog a freshly seeded database has, not the load.
export Meaning__EmbedInBackground=false
# A freshly seeded database has no stored customer values or candidate scores; working them all out on start would
# take a core for minutes, during the measured rounds.
export Value__BackfillOnStart=false
export Discovery__BackfillOnStart=false

# The app reads appsettings.json from its content root, the working directory.
vouch() { (cd "$APP_DIR" && dotnet vouch.dll "$@"); }

wait_for() { # url, seconds, pid
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    kill -0 "$3" 2>/dev/null || return 1
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.5
  done
}

say "database ${DB:-in $WORK}; seeding $SCALE contacts unless DB is set"
vouch migrate >/dev/null
[ -n "${DB:-}" ] || vouch seed --scale "$SCALE" | grep -v ' of ' >&2
password="Bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
email="bench-admin-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')@vouch.example"
vouch users add --email "$email" --role Admin --password "$password" >/dev/null
TOKEN=$(vouch tokens create --email "$email" --name load-benchmark | tail -n 1)
[[ $TOKEN == vouch_* ]] || die "could not create an access token"

say "starting Vouch on $HOST:$VOUCH_PORT"
(cd "$APP_DIR" && exec dotnet vouch.dll serve --urls="http://$HOST:$VOUCH_PORT" --environment=Production) >"$WORK/vouch.log" 2>&1 &
PIDS+=($!)
VOUCH_PID=$!
wait_for "http://$HOST:$VOUCH_PORT/health" 60 "${PIDS[-1]}" || { tail -n 20 "$WORK/vouch.log" >&2; die "Vouch did not become healthy"; }

LIST_URL="http://$HOST:$VOUCH_PORT/api/v1/accounts?pageSize=50"
curl -fsS -H "Authorization: Bearer $TOKEN" "$LIST_URL" -o "$WORK/accounts.json" || die "the account list did not answer 200"

say "starting the bare app on $HOST:$BARE_PORT with the same $(wc -c <"$WORK/accounts.json") bytes"
dotnet "$BARE_DLL" --urls="http://$HOST:$BARE_PORT" --environment=Production --Body="$WORK/accounts.json" >"$WORK/bare.log" 2>&1 &
PIDS+=($!)
BARE_PID=$!
wait_for "http://$HOST:$BARE_PORT/" 60 "${PIDS[-1]}" || { tail -n 20 "$WORK/bare.log" >&2; die "the bare app did not start"; }
curl -fsS "http://$HOST:$BARE_PORT/" | cmp -s - "$WORK/accounts.json" || die "the bare app does not serve the same bytes"

TARGETS=(health list bare)
# Processor time (user and system) a process has used, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
run_wrk() { # target, duration, output file; appends the server's processor time in the run to the output
  local pid=$VOUCH_PID before
  [ "$1" = bare ] && pid=$BARE_PID
  before=$(cpu_ticks "$pid")
  case $1 in
    health) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency "http://$HOST:$VOUCH_PORT/health" ;;
    list) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -H "Authorization: Bearer $TOKEN" "$LIST_URL" ;;
    bare) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency "http://$HOST:$BARE_PORT/" ;;
  esac >"$3" 2>&1
  echo "Server processor ms: $(( ($(cpu_ticks "$pid") - before) * 1000 / $(getconf CLK_TCK) ))" >>"$3"
}

# One line per wrk run: requests/s, p50 ms, p99 ms, non-2xx responses, socket errors, server processor ms per request.
parse_wrk() {
  awk '
    function ms(v,   n, u) {
      n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
      if (u == "us") return n / 1000
      if (u == "ms") return n
      if (u == "s") return n * 1000
      if (u == "m") return n * 60000
      if (u == "h") return n * 3600000
      return -1
    }
    /^Requests\/sec:/ { rps = $2 }
    / requests in / { requests = $1 }
    /^Server processor ms:/ { cpu = $4 }
    /Latency Distribution/ { dist = 1; next }
    dist && $1 == "50%" { p50 = ms($2) }
    dist && $1 == "99%" { p99 = ms($2); dist = 0 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { gsub(/,/, ""); errors = $4 + $6 + $8 + $10 }
    END {
      if (rps == "" || p50 == "" || p99 == "") exit 1
      printf "%s %.3f %.3f %d %d %.3f\n", rps, p50, p99, bad + 0, errors + 0, cpu / requests
    }' "$1"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

say "warming up ($WARMUP per target)"
for target in "${TARGETS[@]}"; do
  run_wrk "$target" "$WARMUP" "$WORK/wrk-$target-warmup.txt"
done

for round in $(seq 1 "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    say "round $round/$ROUNDS: $target ($DURATION, $THREADS threads, $CONNECTIONS connections)"
    out="$WORK/wrk-$target-$round.txt"
    run_wrk "$target" "$DURATION" "$out"
    parse_wrk "$out" >>"$WORK/$target.results" || { cat "$out" >&2; die "could not read wrk's output for $target"; }
  done
done

echo
echo "Vouch load benchmark: $SCALE contacts on SQLite, $ROUNDS x $DURATION per target, wrk -t$THREADS -c$CONNECTIONS, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
printf '%-8s %12s %10s %10s %9s %9s %9s   %s\n' target "req/s" "p50 ms" "p99 ms" "non-2xx" "sock.err" "cpu ms" "req/s per round"
declare -A RPS
for target in "${TARGETS[@]}"; do
  file="$WORK/$target.results"
  RPS[$target]=$(cut -d' ' -f1 "$file" | median)
  printf '%-8s %12.0f %10.2f %10.2f %9d %9d %9.3f   %s\n' "$target" "${RPS[$target]}" \
    "$(cut -d' ' -f2 "$file" | median)" "$(cut -d' ' -f3 "$file" | median)" \
    "$(awk '{ s += $4 } END { print s + 0 }' "$file")" "$(awk '{ s += $5 } END { print s + 0 }' "$file")" \
    "$(cut -d' ' -f6 "$file" | median)" \
    "$(cut -d' ' -f1 "$file" | awk '{ printf "%s%.0f", (NR > 1 ? " " : ""), $1 }')"
done
echo
awk -v list="${RPS[list]}" -v bare="${RPS[bare]}" 'BEGIN { printf "list / bare throughput: %.3f (%.1f%%)\n", list / bare, 100 * list / bare }'
declare -A CPU
for target in list bare; do CPU[$target]=$(cut -d' ' -f6 "$WORK/$target.results" | median); done
awk -v list="${CPU[list]}" -v bare="${CPU[bare]}" 'BEGIN { printf "bare / list server processor time per request: %.3f (%.1f%%)\n", bare / list, 100 * bare / list }'
echo "(medians over the rounds; non-2xx and socket errors summed over the rounds; cpu ms: the server's processor"
echo " time per request, which other work on the machine changes less than the throughput)"
