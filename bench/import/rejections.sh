#!/usr/bin/env bash
# An import of which half the rows are bad: a contacts file of ROWS rows where every other row is rejected (by turns
# without a last name, or of an account that is not there), imported with `vouch import contacts` into a fresh
# database holding ACCOUNTS accounts. Reports the counts, the import's seconds, the vouch process's peak memory (GNU
# `time -v`), the rejections written to the --report file and the database's size. See bench/README.md ("Bulk import").
#
# Settings (environment variables):
#   PROVIDER=Sqlite      or Postgres (then CONNECTION names the server: Host=…;Port=…;Username=…[;Password=…], no
#                        Database; the run creates a database there and drops it at the end)
#   ROWS=1000000 ACCOUNTS=1000
#   NO_BUILD=1 KEEP_WORK=1 (keeps the work folder, and on PostgreSQL the database)
set -euo pipefail

PROVIDER=${PROVIDER:-Sqlite}
ROWS=${ROWS:-1000000}
ACCOUNTS=${ACCOUNTS:-1000}

cd "$(dirname "$0")/../.."
ROOT=$PWD
APP_DIR=${APP_DIR:-$ROOT/src/Vouch/bin/Release/net10.0}

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then
  # GNU time gives the command's peak memory; the shell's builtin does not.
  say "installing GNU time"
  apt-get install -y -qq time >/dev/null 2>&1 || die "/usr/bin/time is missing and could not be installed (apt-get install time)."
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-rejections.XXXXXX")
DATABASE=
cleanup() {
  if [ "${KEEP_WORK:-}" = 1 ]; then
    say "kept $WORK${DATABASE:+ and the database $DATABASE}"
  else
    if [ -n "$DATABASE" ]; then pg -qc "drop database if exists $DATABASE" >/dev/null 2>&1 || true; fi
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
  Sqlite) VOUCH_DB="Data Source=$WORK/vouch.db" ;;
  Postgres)
    [ -n "${CONNECTION:-}" ] || die "PROVIDER=Postgres needs CONNECTION=\"Host=…;Port=…;Username=…\""
    command -v psql >/dev/null 2>&1 || die "psql is not installed."
    DATABASE="vouch_rejections_$$"
    pg -qc "create database $DATABASE" >/dev/null
    VOUCH_DB="${CONNECTION%;};Database=$DATABASE"
    ;;
  *) die "PROVIDER is Sqlite or Postgres" ;;
esac

if [ "${NO_BUILD:-}" != 1 ]; then
  say "building Release"
  dotnet build src/Vouch/Vouch.csproj -c Release -nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
fi

say "writing $ACCOUNTS accounts and $ROWS contacts, every other one bad"
awk -v n="$ACCOUNTS" 'BEGIN { print "Name"; for (i = 1; i <= n; i++) printf "Bench Account %d\n", i }' >"$WORK/accounts.csv"
awk -v n="$ROWS" -v a="$ACCOUNTS" 'BEGIN {
  print "Account,FirstName,LastName,Email"
  for (i = 1; i <= n; i++) {
    account = sprintf("Bench Account %d", i % a + 1)
    if (i % 4 == 2) printf "%s,First%d,,first%d@example.com\n", account, i, i            # no last name
    else if (i % 4 == 0) printf "Nobody %d,First%d,Last%d,first%d@example.com\n", i, i, i, i  # no such account
    else printf "%s,First%d,Last%d,first%d@example.com\n", account, i, i, i
  }
}' >"$WORK/contacts.csv"

export Database__Provider=$PROVIDER
export DOTNET_CLI_TELEMETRY_OPTOUT=1
# `vouch` on the benchmark's database: the command's output in $WORK/$step.out, GNU time's in $WORK/$step.time.
vouch() {
  local step=$1
  shift
  (cd "$APP_DIR" && ConnectionStrings__Vouch=$VOUCH_DB /usr/bin/time -v -o "$WORK/$step.time" dotnet vouch.dll "$@") >"$WORK/$step.out" 2>&1
}
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$1"; }
peak() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

vouch migrate migrate || { cat "$WORK/migrate.out" >&2; die "migrate failed"; }
vouch accounts import accounts "$WORK/accounts.csv" --report "$WORK/accounts-report.csv" || { tail -n 20 "$WORK/accounts.out" >&2; die "the accounts could not be imported"; }

LOAD_BEFORE=$(uptime)
say "importing the contacts"
rc=0
vouch contacts import contacts "$WORK/contacts.csv" --report "$WORK/report.csv" || rc=$?
LOAD_AFTER=$(uptime)
# Rejected rows make the command exit 1; anything else is a failure.
[ "$rc" = 0 ] || [ "$rc" = 1 ] || { tail -n 20 "$WORK/contacts.out" >&2; die "the import ended with $rc"; }
summary=$(grep -E '^[0-9]+ rows: ' "$WORK/contacts.out") || { tail -n 20 "$WORK/contacts.out" >&2; die "the import printed no summary"; }
if [ "$PROVIDER" = Sqlite ]; then
  size=$(du -cm "$WORK"/vouch.db* | tail -n1 | cut -f1)
else
  size=$(pg -tAc "select pg_database_size('$DATABASE') / 1048576")
fi

echo
echo "Half-bad import on $PROVIDER: $ROWS contacts of $ACCOUNTS accounts; $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M') UTC"
echo "load before: ${LOAD_BEFORE##*load average: }; after: ${LOAD_AFTER##*load average: }"
echo "summary: $summary"
echo "wall: $(wall "$WORK/contacts.time") s; peak memory of the vouch process: $(peak "$WORK/contacts.time") MB"
echo "report: $(($(wc -l <"$WORK/report.csv") - 1)) rejections, $(du -m "$WORK/report.csv" | cut -f1) MB; database: $size MB"
echo "first lines printed:"
grep -m 3 '^rejected: ' "$WORK/contacts.out" || true
grep '^\.\.\. and ' "$WORK/contacts.out" || true
