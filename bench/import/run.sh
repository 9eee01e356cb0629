#!/usr/bin/env bash
# The bulk import against the database's own loader on the same files: a Salesforce export of ACCOUNTS accounts and
# CONTACTS contacts (written by bench/Vouch.Bench.Salesforce, no org started) is read by the database's loader into plain
# tables (`sqlite3 .import`, or `psql \copy` into tables of text columns); the database itself then moves those plain
# tables into Vouch's own Accounts and Contacts, with their indexes and search index, in one statement each
# (into-tables.*.sql: the ceiling of any import into this schema); then `vouch import salesforce` imports the export
# into a fresh database three times: (a) first, (b) unchanged, (c) with one account and one contact in CHANGED_ONE_IN
# changed. Reports seconds, rows/s, the ratio to the loader's rate and to the ceiling's, the vouch process's peak
# memory and the database's size.
# See bench/README.md ("Bulk import").
#
# Settings (environment variables):
#   PROVIDER=Sqlite      or Postgres (then CONNECTION names the server: Host=…;Port=…;Username=…[;Password=…], no
#                        Database; the run creates two databases there and drops them at the end)
#   ACCOUNTS=100000 CONTACTS=1000000 CHANGED_ONE_IN=10
#   NO_BUILD=1 KEEP_WORK=1 (keeps the work folder, and on PostgreSQL the databases)
set -euo pipefail

PROVIDER=${PROVIDER:-Sqlite}
ACCOUNTS=${ACCOUNTS:-100000}
CONTACTS=${CONTACTS:-1000000}
CHANGED_ONE_IN=${CHANGED_ONE_IN:-10}

cd "$(dirname "$0")/../.."
ROOT=$PWD
APP_DIR=${APP_DIR:-$ROOT/src/Vouch/bin/Release/net10.0}
EXPORT_DLL=$ROOT/bench/Vouch.Bench.Salesforce/bin/Release/net10.0/Vouch.Bench.Salesforce.dll

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then
  # GNU time gives each command's peak memory; the shell's builtin does not.
  say "installing GNU time"
  apt-get install -y -qq time >/dev/null 2>&1 || die "/usr/bin/time is missing and could not be installed (apt-get install time)."
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-import.XXXXXX")
DATABASES=()
cleanup() {
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
pg() { local db=${PGDB:-postgres}; PGPASSWORD=$(setting password) psql -h "$(setting host)" -p "$(setting port)" -U "$(setting username)" -d "$db" -v ON_ERROR_STOP=1 "$@"; }

case $PROVIDER in
  Sqlite)
    command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is not installed (apt-get install sqlite3)."
    VOUCH_DB="Data Source=$WORK/vouch.db"
    ;;
  Postgres)
    [ -n "${CONNECTION:-}" ] || die "PROVIDER=Postgres needs CONNECTION=\"Host=…;Port=…;Username=…\""
    command -v psql >/dev/null 2>&1 || die "psql is not installed."
    for name in loader ceiling vouch; do
      database="vouch_import_${name}_$$"
      pg -qc "create database $database" >/dev/null
      DATABASES+=("$database")
    done
    VOUCH_DB="${CONNECTION%;};Database=${DATABASES[2]}"
    ;;
  *) die "PROVIDER is Sqlite or Postgres" ;;
esac

if [ "${NO_BUILD:-}" != 1 ]; then
  say "building Release"
  for project in src/Vouch/Vouch.csproj bench/Vouch.Bench.Salesforce; do
    dotnet build "$project" -c Release -nologo -v q >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
  done
fi

say "writing the export: $ACCOUNTS accounts, $CONTACTS contacts, and a copy with one in $CHANGED_ONE_IN changed"
dotnet "$EXPORT_DLL" --work "$WORK" --accounts "$ACCOUNTS" --contacts "$CONTACTS" --export-only "$CHANGED_ONE_IN" >"$WORK/export.out" 2>&1 \
  || { cat "$WORK/export.out" >&2; die "the export could not be written"; }
ROWS_IN_FILES=$((ACCOUNTS + CONTACTS))

# Wall seconds from GNU time's h:mm:ss or m:ss.ss.
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$1"; }
peak() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

LOAD_BEFORE=$(uptime)
say "the database's own loader into plain tables"
if [ "$PROVIDER" = Sqlite ]; then
  /usr/bin/time -v -o "$WORK/loader.time" sqlite3 "$WORK/loader.db" \
    ".mode csv" ".import $WORK/export/Account.csv accounts" ".import $WORK/export/Contact.csv contacts" >"$WORK/loader.out" 2>&1
  LOADER="sqlite3 .import"
else
  PGDB=${DATABASES[0]} pg -qc 'create table accounts ("Id" text, "Name" text, "Industry" text, "BillingCountry" text, "NumberOfEmployees" text, "OwnerId" text);
    create table contacts ("Id" text, "AccountId" text, "FirstName" text, "LastName" text, "Title" text, "Email" text, "Phone" text);' >/dev/null
  PGDB=${DATABASES[0]} PGPASSWORD=$(setting password) /usr/bin/time -v -o "$WORK/loader.time" \
    psql -h "$(setting host)" -p "$(setting port)" -U "$(setting username)" -d "${DATABASES[0]}" -v ON_ERROR_STOP=1 \
    -c "\\copy accounts from '$WORK/export/Account.csv' with (format csv, header true)" \
    -c "\\copy contacts from '$WORK/export/Contact.csv' with (format csv, header true)" >"$WORK/loader.out" 2>&1
  LOADER="psql \\copy"
fi
LOADER_S=$(wall "$WORK/loader.time")
say "$LOADER: $LOADER_S s"

export Database__Provider=$PROVIDER
export DOTNET_CLI_TELEMETRY_OPTOUT=1
# `vouch` on the benchmark's database: the command's output in $WORK/$step.out, GNU time's in $WORK/$step.time.
vouch() {
  local step=$1
  shift
  (cd "$APP_DIR" && ConnectionStrings__Vouch=$VOUCH_DB /usr/bin/time -v -o "$WORK/$step.time" dotnet vouch.dll "$@") >"$WORK/$step.out" 2>&1
}
vouch migrate migrate || { cat "$WORK/migrate.out" >&2; die "migrate failed"; }

say "the database itself into Vouch's tables"
if [ "$PROVIDER" = Sqlite ]; then
  VOUCH_DB="Data Source=$WORK/ceiling.db" vouch ceiling-migrate migrate || { cat "$WORK/ceiling-migrate.out" >&2; die "migrate failed"; }
  dotnet "$EXPORT_DLL" --sqlite "$WORK/ceiling.db" --attach "$WORK/loader.db" --run "$ROOT/bench/import/into-tables.sqlite.sql" >"$WORK/ceiling.out" 2>&1 \
    || { cat "$WORK/ceiling.out" >&2; die "the ceiling could not be measured"; }
  CEILING_S=$(sed -nE 's/^ran in ([0-9.]+) s$/\1/p' "$WORK/ceiling.out")
else
  VOUCH_DB="${CONNECTION%;};Database=${DATABASES[1]}" vouch ceiling-migrate migrate || { cat "$WORK/ceiling-migrate.out" >&2; die "migrate failed"; }
  PGDB=${DATABASES[1]} pg -qc 'create table accounts ("Id" text, "Name" text, "Industry" text, "BillingCountry" text, "NumberOfEmployees" text, "OwnerId" text);
    create table contacts ("Id" text, "AccountId" text, "FirstName" text, "LastName" text, "Title" text, "Email" text, "Phone" text);' \
    -c "\\copy accounts from '$WORK/export/Account.csv' with (format csv, header true)" \
    -c "\\copy contacts from '$WORK/export/Contact.csv' with (format csv, header true)" >/dev/null
  started=$(date +%s.%N)
  PGDB=${DATABASES[1]} pg -q -f "$ROOT/bench/import/into-tables.postgres.sql" >"$WORK/ceiling.out" 2>&1 \
    || { cat "$WORK/ceiling.out" >&2; die "the ceiling could not be measured"; }
  CEILING_S=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
fi
# The ceiling is the loader's plain tables moved into Vouch's: both steps count.
CEILING_S=$(awk -v l="$LOADER_S" -v c="$CEILING_S" 'BEGIN { printf "%.2f", l + c }')
say "the loader and then into Vouch's tables: $CEILING_S s"

size_mb() {
  if [ "$PROVIDER" = Sqlite ]; then
    du -cm "$WORK"/vouch.db* | tail -n1 | cut -f1
  else
    pg -tAc "select pg_database_size('${DATABASES[2]}') / 1048576"
  fi
}

ROWS=()
# step label folder
measure() {
  local step=$1 label=$2 folder=$3 rc=0 seconds counts
  vouch "$step" import salesforce "$folder" --report "$WORK/$step-report.csv" || rc=$?
  counts=$(sed -nE 's/^[0-9]+ rows: ([0-9]+) created, ([0-9]+) updated, ([0-9]+) unchanged, ([0-9]+) rejected.*/\1 \/ \2 \/ \3 \/ \4/p' "$WORK/$step.out")
  # The command's own timing: from reading the first row to the last saved, without start-up.
  seconds=$(sed -nE 's/.* ([0-9.]+) s \([0-9]+ rows\/s\)\.$/\1/p' "$WORK/$step.out")
  if [ "$rc" != 0 ] || [ -z "$seconds" ]; then
    say "$label ended with $rc:"; tail -n 20 "$WORK/$step.out" >&2
  fi
  ROWS+=("$(awk -v label="$label" -v r="$ROWS_IN_FILES" -v s="${seconds:-0}" -v counts="${counts:-?}" -v w="$(wall "$WORK/$step.time")" \
    -v l="$LOADER_S" -v c="$CEILING_S" -v mb="$(peak "$WORK/$step.time")" -v size="$(size_mb)" \
    'BEGIN { printf "| %s | %s | %.1f | %.0f | %.1f | 1/%.1f | 1/%.1f | %d | %d |", label, counts, s, (s > 0 ? r / s : 0), w, (l > 0 ? s / l : 0), (c > 0 ? s / c : 0), mb, size }')")
  printf '%s\n' "${ROWS[-1]}" >&2
}

say "(a) first import into an empty database"
measure a "(a) first import" "$WORK/export"
say "(b) the same export again"
measure b "(b) unchanged re-import" "$WORK/export"
say "(c) the export with one record in $CHANGED_ONE_IN changed"
measure c "(c) 1 in $CHANGED_ONE_IN changed" "$WORK/changed"
LOAD_AFTER=$(uptime)

echo
echo "Bulk import on $PROVIDER: $ACCOUNTS accounts and $CONTACTS contacts ($ROWS_IN_FILES rows); $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "load before: ${LOAD_BEFORE##*load average: }; after: ${LOAD_AFTER##*load average: }"
echo "$LOADER of the same two files into plain tables: $LOADER_S s ($(awk -v r="$ROWS_IN_FILES" -v s="$LOADER_S" 'BEGIN { printf "%.0f", (s > 0 ? r / s : 0) }') rows/s, peak $(peak "$WORK/loader.time") MB)"
echo "the same, then moved by the database into Vouch's Accounts and Contacts (the ceiling): $CEILING_S s ($(awk -v r="$ROWS_IN_FILES" -v s="$CEILING_S" 'BEGIN { printf "%.0f", (s > 0 ? r / s : 0) }') rows/s)"
echo
echo "| step | created / updated / unchanged / rejected | s | rows/s | wall s | rate to the loader's | to the ceiling's | peak MB | database MB |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
echo
echo "(s: the command's own time from its first row to its last save; wall s: the whole command with start-up;"
echo " rate to the loader's: the loader's time over the import's, 1/4 meaning a quarter of the loader's rate; to the ceiling's:"
echo " the same against the loader and the move into Vouch's tables together; peak MB: the vouch process)"
