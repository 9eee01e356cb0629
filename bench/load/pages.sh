#!/usr/bin/env bash
# How fast every page of each demo role's navigation answers, crawled as that person through the sign-in form.
# See bench/README.md ("Every page").
#
# Settings (environment variables):
#   PROVIDER=Sqlite     or Postgres (then CONNECTION must name an empty database)
#   CONNECTION=...      connection string; default a SQLite file in the work folder
#   ROUNDS=20           requests of each page, one at a time
#   SCALE=N             measure a synthetic customer base of N contacts (seed --scale N) instead of the demo, with
#                       one person per role added to it (the advocate is the base's first contact)
#   VOUCH_PORT=5186
#   NO_BUILD=1          use the existing Release build
#   APP_DIR=...         the build to measure (default the Release build of this tree)
set -euo pipefail

PROVIDER=${PROVIDER:-Sqlite}
ROUNDS=${ROUNDS:-20}
VOUCH_PORT=${VOUCH_PORT:-5186}
HOST=127.0.0.1

cd "$(dirname "$0")/../.."
ROOT=$PWD
APP_DIR=${APP_DIR:-$ROOT/src/Vouch/bin/Release/net10.0}

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
command -v node >/dev/null 2>&1 || die "Node.js is not installed."

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-pages.XXXXXX")
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
export ConnectionStrings__Vouch=${CONNECTION:-"Data Source=$WORK/vouch.db"}
export DOTNET_CLI_TELEMETRY_OPTOUT=1
if [ -n "${SCALE:-}" ]; then
  # A freshly seeded base would embed its stories and work out every value and candidate score in the background for
  # a long while, on the same two cores: a backlog of the first start, not what a page costs.
  export Meaning__EmbedInBackground=false Value__BackfillOnStart=false Discovery__BackfillOnStart=false
fi
vouch() { (cd "$APP_DIR" && dotnet vouch.dll "$@"); }

vouch migrate >/dev/null
PASSWORD=Vouch-demo-2026
if [ -n "${SCALE:-}" ]; then
  say "seeding $SCALE contacts"
  vouch seed --scale "$SCALE" >/dev/null
  DOMAIN=vouch.bench
  for person in admin:Admin manager:ReferenceManager seller:Seller exec:Executive advocate:Advocate; do
    vouch users add --email "${person%%:*}@$DOMAIN" --role "${person#*:}" --password "$PASSWORD" >/dev/null
  done
  # The advocate is the first contact of the base, read through the database's own client.
  FIRST_CONTACT='SELECT "Email" FROM "Contacts" WHERE "Email" IS NOT NULL ORDER BY "Email" LIMIT 1'
  setting() { printf '%s' "$ConnectionStrings__Vouch" | tr ';' '\n' | sed -n "s/^ *$1 *= *//Ip" | head -n 1; }
  if [ "$PROVIDER" = Postgres ]; then
    contact=$(PGHOST=$(setting Host) PGPORT=$(setting Port) PGUSER=$(setting Username) PGDATABASE=$(setting Database) \
      PGPASSWORD=$(setting Password) psql -XAtq -v ON_ERROR_STOP=1 -c "$FIRST_CONTACT")
  else
    contact=$(sqlite3 "$(setting 'Data Source')" "$FIRST_CONTACT")
  fi
  vouch users link "advocate@$DOMAIN" --contact "$contact" >/dev/null
else
  say "seeding the demo"
  vouch seed --demo >/dev/null
  DOMAIN=vouch.demo
fi

say "starting Vouch on $HOST:$VOUCH_PORT"
(cd "$APP_DIR" && exec dotnet vouch.dll serve --urls="http://$HOST:$VOUCH_PORT" --environment=Production) >"$WORK/vouch.log" 2>&1 &
PID=$!
for _ in $(seq 120); do curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" || { tail -n 20 "$WORK/vouch.log" >&2; die "Vouch did not become healthy"; }

say "crawling every role's navigation, $ROUNDS rounds"
BASE_URL="http://$HOST:$VOUCH_PORT" PASSWORD=$PASSWORD ROUNDS=$ROUNDS \
  PEOPLE="admin@$DOMAIN manager@$DOMAIN seller@$DOMAIN exec@$DOMAIN advocate@$DOMAIN" \
  node bench/load/pages.mjs
