#!/usr/bin/env bash
# The Salesforce sync's pull against the file import of the same records: a Salesforce org on 127.0.0.1
# (bench/Vouch.Bench.Salesforce) holds ACCOUNTS accounts and CONTACTS contacts, and the same records as an export folder.
# Into two fresh databases: (a) `vouch import salesforce` the folder into A, (b) `vouch salesforce sync` into B; then
# every record changes in the org and in the folder; (c) import the folder into A again, (d) sync B again (the
# incremental pull of every record); (e) sync B once more with nothing changed; (f) the org reads every record through the
# app's Salesforce client without importing, the pull's share that is HTTP and JSON. See bench/README.md ("Salesforce sync").
#
# Settings (environment variables):
#   PROVIDER=Sqlite     or Postgres (then CONNECTION names the server: Host=…;Port=…;Username=…[;Password=…], no
#                       Database; the run creates two databases there and drops them at the end)
#   ACCOUNTS=10000 CONTACTS=90000
#   NO_BUILD=1 KEEP_WORK=1 (keeps the work folder, and on PostgreSQL the two databases)
set -euo pipefail

PROVIDER=${PROVIDER:-Sqlite}
ACCOUNTS=${ACCOUNTS:-10000}
CONTACTS=${CONTACTS:-90000}

cd "$(dirname "$0")/../.."
ROOT=$PWD
APP_DIR=${APP_DIR:-$ROOT/src/Vouch/bin/Release/net10.0}
ORG_DLL=$ROOT/bench/Vouch.Bench.Salesforce/bin/Release/net10.0/Vouch.Bench.Salesforce.dll

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then
  # GNU time gives each command's peak memory; the shell's builtin does not.
  say "installing GNU time"
  apt-get install -y -qq time >/dev/null 2>&1 || die "/usr/bin/time is missing and could not be installed (apt-get install time)."
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-salesforce.XXXXXX")
ORG_PID=
DATABASES=()
cleanup() {
  exec 3>&- 2>/dev/null || true
  if [ -n "$ORG_PID" ]; then kill "$ORG_PID" 2>/dev/null || true; wait "$ORG_PID" 2>/dev/null || true; fi
  if [ "${KEEP_WORK:-}" = 1 ]; then
    say "kept $WORK${DATABASES[*]:+ and the databases ${DATABASES[*]}}"
  else
    local database
    for database in "${DATABASES[@]}"; do pg -qc "drop database if exists $database" >/dev/null 2>&1 || true; done
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# One setting of CONNECTION (Host, Port, Username, Password), whatever its case.
setting() {
  local part key
  IFS=';' read -ra parts <<<"${CONNECTION:-}"
  for part in "${parts[@]}"; do
    key=$(printf '%s' "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    if [ "$key" = "$1" ]; then printf '%s' "${part#*=}"; return; fi
  done
}
pg() { PGPASSWORD=$(setting password) psql -h "$(setting host)" -p "$(setting port)" -U "$(setting username)" -d postgres -v ON_ERROR_STOP=1 "$@"; }

case $PROVIDER in
  Sqlite)
    FILE_DB="Data Source=$WORK/file-import.db"
    PULL_DB="Data Source=$WORK/pull.db"
    ;;
  Postgres)
    [ -n "${CONNECTION:-}" ] || die "PROVIDER=Postgres needs CONNECTION=\"Host=…;Port=…;Username=…\""
    command -v psql >/dev/null 2>&1 || die "psql is not installed."
    for name in file pull; do
      database="vouch_salesforce_${name}_$$"
      pg -qc "create database $database" >/dev/null
      DATABASES+=("$database")
    done
    FILE_DB="${CONNECTION%;};Database=${DATABASES[0]}"
    PULL_DB="${CONNECTION%;};Database=${DATABASES[1]}"
    ;;
  *) die "PROVIDER is Sqlite or Postgres" ;;
esac

if others=$(pgrep -fa "webhooks.sh|Vouch.Bench" | grep -v "^$$ "); then
  say "other benchmarks are running; their load is in these figures:"
  printf '%s\n' "$others" >&2
fi

if [ "${NO_BUILD:-}" != 1 ]; then
  say "building Release"
  for project in src/Vouch/Vouch.csproj bench/Vouch.Bench.Salesforce; do
    dotnet build "$project" -c Release -nologo -v q >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
  done
fi

export Database__Provider=$PROVIDER
export DOTNET_CLI_TELEMETRY_OPTOUT=1
# `vouch` with a database: the command's output in $WORK/$step.out, GNU time's in $WORK/$step.time.
vouch() {
  local step=$1 database=$2
  shift 2
  (cd "$APP_DIR" && ConnectionStrings__Vouch=$database /usr/bin/time -v -o "$WORK/$step.time" dotnet vouch.dll "$@") >"$WORK/$step.out" 2>&1
}
for database in "$FILE_DB" "$PULL_DB"; do
  vouch migrate "$database" migrate || { cat "$WORK/migrate.out" >&2; die "migrate failed"; }
done

say "starting a Salesforce org on 127.0.0.1 with $ACCOUNTS accounts and $CONTACTS contacts"
mkfifo "$WORK/org.in"
dotnet "$ORG_DLL" --work "$WORK" --accounts "$ACCOUNTS" --contacts "$CONTACTS" <"$WORK/org.in" >"$WORK/org.out" 2>&1 &
ORG_PID=$!
# Held open for the whole run: the org stops when it closes, even if this script is killed.
exec 3>"$WORK/org.in"
for _ in $(seq 600); do grep -q '^ready' "$WORK/org.out" && break; kill -0 "$ORG_PID" 2>/dev/null || break; sleep 0.2; done
grep -q '^ready' "$WORK/org.out" || { cat "$WORK/org.out" >&2; die "the Salesforce org did not start"; }
SALESFORCE=()
while IFS= read -r line; do SALESFORCE+=("$line"); done <"$WORK/salesforce.env"

# The org's CPU seconds so far (user + system), from /proc.
org_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$ORG_PID/stat"; }
# Wall seconds from GNU time's h:mm:ss or m:ss.ss.
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$1"; }

ROWS=()
# step label kind (import or sync) [vouch arguments]
measure() {
  local step=$1 label=$2 kind=$3 before after rc=0 records seconds counts
  before=$(org_cpu)
  if [ "$kind" = import ]; then
    vouch "$step" "$FILE_DB" import salesforce "$WORK/export" --report "$WORK/$step-report.csv" || rc=$?
    records=$(sed -nE 's/^([0-9]+) rows: .*/\1/p' "$WORK/$step.out")
    counts=$(sed -nE 's/^[0-9]+ rows: ([0-9]+) created, ([0-9]+) updated, ([0-9]+) unchanged, ([0-9]+) rejected.*/\1 \/ \2 \/ \3 \/ \4/p' "$WORK/$step.out")
  else
    (export "${SALESFORCE[@]}" && vouch "$step" "$PULL_DB" salesforce sync) || rc=$?
    records=$(sed -nE 's/.*: ([0-9]+) records pulled .*/\1/p' "$WORK/$step.out")
    counts=$(sed -nE 's/.*records pulled \(([0-9]+) created, ([0-9]+) updated, ([0-9]+) unchanged, ([0-9]+) rejected.*/\1 \/ \2 \/ \3 \/ \4/p' "$WORK/$step.out")
  fi
  after=$(org_cpu)
  # The command's own timing: from reading the first record to the last saved, without start-up.
  seconds=$(sed -nE 's/.* ([0-9.]+) s \([0-9]+ (rows|records)\/s\)\.$/\1/p' "$WORK/$step.out")
  if [ "$rc" != 0 ] || [ -z "$records" ] || [ -z "$seconds" ]; then
    say "$label ended with $rc:"; tail -n 20 "$WORK/$step.out" >&2
  fi
  ROWS+=("$(awk -v label="$label" -v r="${records:-0}" -v s="${seconds:-0}" -v counts="${counts:-?}" -v w="$(wall "$WORK/$step.time")" \
    -v cpu="$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.1f", t }' "$WORK/$step.time")" \
    -v mb="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/$step.time")" \
    -v org="$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.1f", a - b }')" \
    'BEGIN { printf "| %s | %d | %s | %.1f | %.0f | %.1f | %.1f | %d | %.1f |", label, r, counts, s, (s > 0 ? r / s : 0), w, cpu, mb, org }')")
  printf '%s\n' "${ROWS[-1]}" >&2
  RATES+=("$(awk -v r="${records:-0}" -v s="${seconds:-0}" 'BEGIN { printf "%.3f", (s > 0 ? r / s : 0) }')")
}
RATES=()

LOAD_BEFORE=$(uptime)
say "(a) file import into an empty database"
measure a "(a) file import, first" import
say "(b) sync into an empty database: the first, full pull"
measure b "(b) sync, first (full pull)" sync
say "changing every record in the org and in the export"
echo change >&3
for _ in $(seq 3000); do grep -q '^changed' "$WORK/org.out" && break; kill -0 "$ORG_PID" 2>/dev/null || break; sleep 0.2; done
grep -q '^changed' "$WORK/org.out" || { cat "$WORK/org.out" >&2; die "the org did not change its records"; }
say "(c) file import of the changed records"
measure c "(c) file import, every record changed" import
say "(d) sync: the incremental pull of the changed records"
measure d "(d) sync, every record changed" sync
say "(e) sync with nothing changed"
measure e "(e) sync, nothing changed" sync
say "(f) reading every record as the pull does, importing nothing"
before=$(org_cpu)
echo read >&3
for _ in $(seq 3000); do grep -q '^read ' "$WORK/org.out" && break; kill -0 "$ORG_PID" 2>/dev/null || break; sleep 0.2; done
grep -q '^read ' "$WORK/org.out" || { cat "$WORK/org.out" >&2; die "the org did not read its records"; }
ROWS+=("$(awk -v b="$before" -v a="$(org_cpu)" '/^read / { printf "| (f) reading only, no import | %d | | %.1f | %.0f | | | | %.1f |", $2, $5, $2 / $5, a - b }' "$WORK/org.out")")
printf '%s\n' "${ROWS[-1]}" >&2
LOAD_AFTER=$(uptime)

echo
echo "Salesforce pull and file import on $PROVIDER: $ACCOUNTS accounts and $CONTACTS contacts (and the org's one user);" \
  "$(nproc) cores, $(date -u +%Y-%m-%d)"
echo "load before: ${LOAD_BEFORE##*load average: }; after: ${LOAD_AFTER##*load average: }"
echo
echo "| step | records | created / updated / unchanged / rejected | s | records/s | wall s | CPU s | peak MB | org CPU s |"
echo "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
echo
awk -v a="${RATES[0]}" -v b="${RATES[1]}" -v c="${RATES[2]}" -v d="${RATES[3]}" 'BEGIN {
  printf "pull / file, first:   %.2f\n", (a > 0 ? b / a : 0)
  printf "pull / file, changed: %.2f (target: at least 1)\n", (c > 0 ? d / c : 0)
}'
echo "(s: the command's own time from its first record to its last save; wall s: the whole command with start-up;"
echo " CPU s and peak MB: the vouch process; org CPU s: the Salesforce org serving it on the same cores, and in (f) reading too)"
