#!/usr/bin/env bash
# How fast every page of each demo role's navigation answers, crawled as that person through the sign-in form.
# See bench/README.md ("Every page").
#
# Settings (environment variables):
#   PROVIDER=Sqlite     or Postgres (then CONNECTION must name an empty database)
#   CONNECTION=...      connection string; default a SQLite file in the work folder
#   ROUNDS=20           requests of each page, one at a time
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
vouch() { (cd "$APP_DIR" && dotnet vouch.dll "$@"); }

vouch migrate >/dev/null
say "seeding the demo"
vouch seed --demo >/dev/null

say "starting Vouch on $HOST:$VOUCH_PORT"
(cd "$APP_DIR" && exec dotnet vouch.dll serve --urls="http://$HOST:$VOUCH_PORT" --environment=Production) >"$WORK/vouch.log" 2>&1 &
PID=$!
for _ in $(seq 120); do curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "http://$HOST:$VOUCH_PORT/health" || { tail -n 20 "$WORK/vouch.log" >&2; die "Vouch did not become healthy"; }

say "crawling every role's navigation, $ROUNDS rounds"
BASE_URL="http://$HOST:$VOUCH_PORT" PASSWORD=Vouch-demo-2026 ROUNDS=$ROUNDS \
  PEOPLE="admin@vouch.demo manager@vouch.demo seller@vouch.demo exec@vouch.demo advocate@vouch.demo" \
  node bench/load/pages.mjs
