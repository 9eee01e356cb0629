#!/usr/bin/env bash
# `kill -9` of `vouch import salesforce` at a random moment, TRIALS times: after each kill, no record is half written,
# and importing the same export again finishes the job with the counts of an import that was never interrupted.
# See bench/README.md ("Faults").
#
# A record is whole when what its batch writes with it is there too: each account and contact has the audit entry
# that records its creation, each contact its discovery score and its account; on SQLite the file passes
# `PRAGMA integrity_check`.
#
# Settings (environment variables):
#   PROVIDER=Sqlite      or Postgres (a PostgreSQL of the script's own on 127.0.0.1:$PG_PORT)
#   TRIALS=20
#   ACCOUNTS=1000 CONTACTS=20000   the export's size (four batches of contacts)
#   PG_PORT=5461
#   NO_BUILD=1 KEEP_WORK=1
set -euo pipefail

PROVIDER=${PROVIDER:-Sqlite}
TRIALS=${TRIALS:-20}
ACCOUNTS=${ACCOUNTS:-1000}
CONTACTS=${CONTACTS:-20000}
PG_PORT=${PG_PORT:-5461}

cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-import-kill.XXXXXX")
# shellcheck source=common.sh
source "$ROOT/bench/faults/common.sh"
EXPORT_DLL=$ROOT/bench/Vouch.Bench.Salesforce/bin/Release/net10.0/Vouch.Bench.Salesforce.dll

IMPORT_PID=
cleanup() {
  if [ -n "$IMPORT_PID" ]; then kill -9 "$IMPORT_PID" 2>/dev/null || true; fi
  stop_postgres
  if [ "${KEEP_WORK:-}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_release
if [ "${NO_BUILD:-}" != 1 ]; then
  dotnet build "$ROOT/bench/Vouch.Bench.Salesforce" -c Release -nologo -v q >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
fi

say "writing the export: $ACCOUNTS accounts, $CONTACTS contacts"
dotnet "$EXPORT_DLL" --work "$WORK" --accounts "$ACCOUNTS" --contacts "$CONTACTS" --export-only 10 >"$WORK/export.out" 2>&1 \
  || { cat "$WORK/export.out" >&2; die "the export could not be written"; }

export Database__Provider=$PROVIDER
case $PROVIDER in
  Sqlite)
    command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is not installed (apt-get install sqlite3)."
    connection() { printf 'Data Source=%s/%s.db' "$WORK" "$1"; }
    sql() { sqlite3 "$WORK/$1.db" "$2"; }
    fresh() { rm -f "$WORK/$1.db"*; cp "$WORK/template.db" "$WORK/$1.db"; }
    ;;
  Postgres)
    start_postgres
    connection() { printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=%s' "$PG_PORT" "$1"; }
    sql() { psql_at -d "$1" -c "$2"; }
    fresh() { PGOPTIONS='-c client_min_messages=warning' psql_at -d postgres -c "drop database if exists $1" -c "create database $1 template template_vouch" >/dev/null; }
    psql_at -d postgres -c "create database template_vouch" >/dev/null
    ;;
  *) die "PROVIDER is Sqlite or Postgres" ;;
esac
template=template
[ "$PROVIDER" = Postgres ] && template=template_vouch
ConnectionStrings__Vouch=$(connection "$template") vouch migrate >"$WORK/migrate.out" 2>&1 || { cat "$WORK/migrate.out" >&2; die "migrate failed"; }

# The import of the export into database $1; its output in $WORK/$1-$2.out.
import() { ConnectionStrings__Vouch=$(connection "$1") vouch import salesforce "$WORK/export" --report "$WORK/$1-$2.csv" >"$WORK/$1-$2.out" 2>&1; }
counts() { sql "$1" 'select (select count(*) from "Accounts") || '"'"' accounts, '"'"' || (select count(*) from "Contacts") || '"'"' contacts'"'"; }

# What a killed import may not leave behind: a record without what its batch wrote with it.
half_written() {
  local db=$1 broken
  broken=$(sql "$db" "select
      (select count(*) from \"Accounts\") - (select count(*) from \"AuditEntries\" where \"RecordType\" = 'Account' and \"Action\" = 'Created'),
      (select count(*) from \"Contacts\") - (select count(*) from \"AuditEntries\" where \"RecordType\" = 'Contact' and \"Action\" = 'Created'),
      (select count(*) from \"Contacts\" c where not exists (select 1 from \"CandidateScores\" s where s.\"ContactId\" = c.\"Id\")),
      (select count(*) from \"Contacts\" c where not exists (select 1 from \"Accounts\" a where a.\"Id\" = c.\"AccountId\"))" | tr '|' ' ')
  if [ "$PROVIDER" = Sqlite ] && [ "$(sqlite3 "$WORK/$db.db" 'pragma integrity_check')" != ok ]; then
    broken="$broken integrity_check-failed"
  fi
  [ "$broken" = "0 0 0 0" ] && return 1
  printf '%s' "$broken"
}

say "an import that is not interrupted, for the counts and the time it takes"
fresh whole
started=$(date +%s.%N)
rc=0; import whole first || rc=$?
WHOLE_S=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
WHOLE_RC=$rc
WHOLE_COUNTS=$(counts whole)
say "$WHOLE_COUNTS in $WHOLE_S s (exit $WHOLE_RC)"
if broken=$(half_written whole); then die "the uninterrupted import fails the checks: $broken"; fi

KILLED=0 TOO_LATE=0 HALF=0 FINISHED=0 DIFFERENT=0
ROWS=()
for trial in $(seq "$TRIALS"); do
  fresh trial
  # Somewhere between start-up and the end of the uninterrupted import's time.
  delay=$(awk -v s="$WHOLE_S" -v r="$RANDOM" 'BEGIN { printf "%.2f", 0.5 + (s - 0.5) * r / 32767 }')
  (cd "$APP_DIR" && ConnectionStrings__Vouch=$(connection trial) exec dotnet vouch.dll import salesforce "$WORK/export" --report "$WORK/trial.csv") \
    >"$WORK/trial-killed.out" 2>&1 &
  IMPORT_PID=$!
  sleep "$delay"
  if kill -9 "$IMPORT_PID" 2>/dev/null; then KILLED=$((KILLED + 1)); state=killed; else TOO_LATE=$((TOO_LATE + 1)); state="done before the kill"; fi
  wait "$IMPORT_PID" 2>/dev/null || true
  IMPORT_PID=
  at_kill=$(counts trial)
  if broken=$(half_written trial); then HALF=$((HALF + 1)); check="HALF WRITTEN: $broken"; else check=whole; fi
  rc=0; import trial again || rc=$?
  after=$(counts trial)
  if [ "$rc" = "$WHOLE_RC" ] && [ "$after" = "$WHOLE_COUNTS" ] && ! half_written trial >/dev/null; then
    FINISHED=$((FINISHED + 1)); again="finished: $after"
  else
    DIFFERENT=$((DIFFERENT + 1)); again="DIFFERENT: $after (exit $rc)"
  fi
  ROWS+=("| $trial | ${delay} s, $state | $at_kill | $check | $again |")
  say "trial $trial: ${ROWS[-1]}"
done

echo
echo "kill -9 during an import on $PROVIDER: $ACCOUNTS accounts and $CONTACTS contacts; $(nproc) cores, $(date -u +%Y-%m-%d); load: $(uptime | sed 's/.*load average: //')"
echo "uninterrupted: $WHOLE_COUNTS in $WHOLE_S s"
echo
echo "| trial | killed after | records at the kill | checks after the kill | importing again |"
echo "| ---: | --- | --- | --- | --- |"
printf '%s\n' "${ROWS[@]}"
echo
echo "trials: $TRIALS; killed mid-import: $KILLED; finished before the kill: $TOO_LATE; half-written records found: $HALF; imports again finished with the same counts: $FINISHED; different: $DIFFERENT"
[ "$HALF" = 0 ] && [ "$DIFFERENT" = 0 ]
