# Shared by the fault scripts: sourced after ROOT, WORK and the settings are set.
say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

APP_DIR=${APP_DIR:-$ROOT/src/Vouch/bin/Release/net10.0}
export DOTNET_CLI_TELEMETRY_OPTOUT=1
vouch() { (cd "$APP_DIR" && dotnet vouch.dll "$@"); }

build_release() {
  if [ "${NO_BUILD:-}" != 1 ]; then
    say "building Release"
    dotnet build "$ROOT/src/Vouch/Vouch.csproj" -c Release -nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
  fi
}

# A PostgreSQL of the script's own in $WORK/pg on 127.0.0.1:$PG_PORT, stopped by stop_postgres.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
pg() { runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" "$@"; }
start_postgres() {
  [ -n "$PG_BIN" ] || die "PostgreSQL's server is not installed (Debian package 'postgresql')."
  [ "$(id -u)" = 0 ] || die "run as root: the script starts PostgreSQL as the user postgres"
  say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  chmod 755 "$WORK"
  mkdir "$WORK/pg" "$WORK/socket" && touch "$WORK/pg.log" && chown postgres "$WORK/pg" "$WORK/socket" "$WORK/pg.log"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U postgres --no-sync >/dev/null
  pg -w -o "-h 127.0.0.1 -p $PG_PORT -k $WORK/socket -c fsync=off" start >/dev/null
}
stop_postgres() { if [ -n "$PG_BIN" ] && [ -d "$WORK/pg" ]; then pg -m immediate stop >/dev/null 2>&1 || true; fi; }
psql_at() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -t -A "$@"; }

# Starts `vouch serve` on 127.0.0.1:$VOUCH_PORT with the environment's database; sets PID.
start_vouch() {
  say "starting Vouch on 127.0.0.1:$VOUCH_PORT"
  (cd "$APP_DIR" && exec dotnet vouch.dll serve --urls="http://127.0.0.1:$VOUCH_PORT" --environment=Production) >"$WORK/vouch.log" 2>&1 &
  PID=$!
  for _ in $(seq 240); do curl -fsS -o /dev/null "http://127.0.0.1:$VOUCH_PORT/health" 2>/dev/null && break; sleep 0.5; done
  curl -fsS -o /dev/null "http://127.0.0.1:$VOUCH_PORT/health" || { tail -n 20 "$WORK/vouch.log" >&2; die "Vouch did not become healthy"; }
}

# A reference manager and their access token in TOKEN.
create_token() {
  local password email
  password="Bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  email="bench-manager-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')@vouch.example"
  vouch users add --email "$email" --role ReferenceManager --password "$password" >/dev/null
  TOKEN=$(vouch tokens create --email "$email" --name faults | tail -n 1)
  [[ $TOKEN == vouch_* ]] || die "could not create an access token"
  export TOKEN
}
