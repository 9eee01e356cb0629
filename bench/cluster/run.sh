#!/usr/bin/env bash
# Several Vouch instances on one PostgreSQL behind nginx, all on 127.0.0.1. See bench/README.md ("Several instances").
#
# Starts its own PostgreSQL (as the postgres user), migrates and seeds it, starts three Release instances and Debian's
# nginx in front of them, runs a mixed load of reads and writes through nginx with wrk, and checks and prints:
#   - a sign-in cookie made by instance 1 is accepted by instances 2 and 3;
#   - each scheduled job ran once per period across the cluster (every lease taken, by whom, watched each second);
#   - a content file uploaded through instance 1 is served by instances 2 and 3, byte for byte;
#   - how long a request and a new referenceable contact saved on instance 1 take to reach supply and demand and the
#     advocate pool on instances 2 and 3 (SAMPLES of each, median and max; the target is 5 s);
#   - every notification email the cluster sent reached the SMTP server (Debian's aiosmtpd) once: none twice, none lost;
#   - wrk's figures through nginx.
# Everything it starts stops when it ends, and its work folder is removed.
#
# Settings (environment variables):
#   SCALE=20000         contacts seeded (vouch seed --scale)
#   DURATION=30s        the mixed load through nginx
#   THREADS=2 CONNECTIONS=8
#   TIMEOUT=10s         wrk counts a slower answer as an error
#   SAMPLES=10          changes timed on their way to the other instances, of each kind
#   PG_PORT=5460        the cluster's own PostgreSQL
#   PORTS="5210 5211 5212"  the three instances
#   NGINX_PORT=5219
#   SMTP_PORT=5218      the SMTP server the instances send their emails to
#   NO_BUILD=1          use the existing Release build
#   KEEP_WORK=1         keep the work folder (logs, nginx.conf)
set -euo pipefail

SCALE=${SCALE:-20000}
DURATION=${DURATION:-30s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
TIMEOUT=${TIMEOUT:-10s}
SAMPLES=${SAMPLES:-10}
PG_PORT=${PG_PORT:-5460}
read -r -a PORTS <<<"${PORTS:-5210 5211 5212}"
NGINX_PORT=${NGINX_PORT:-5219}
SMTP_PORT=${SMTP_PORT:-5218}
HOST=127.0.0.1

cd "$(dirname "$0")/../.."
ROOT=$PWD
APP_DIR=$ROOT/src/Vouch/bin/Release/net10.0

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
for tool in wrk curl nginx python3 runuser; do command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed."; done
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$PG_BIN/pg_ctl" ] || die "PostgreSQL's server (pg_ctl) is not installed."
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || die "Debian's python3-aiosmtpd is not installed (the SMTP server the instances send to)."

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-cluster.XXXXXX")
chmod 755 "$WORK"
PIDS=()
cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  if [ -f "$WORK/pg/data/postmaster.pid" ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1; fi
  if [ "${KEEP_WORK:-}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "${NO_BUILD:-}" != 1 ]; then
  say "building Release"
  dotnet build src/Vouch/Vouch.csproj -c Release -nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
fi

say "starting PostgreSQL on $HOST:$PG_PORT"
mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust -U postgres --no-sync >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w \
  -o "-h $HOST -p $PG_PORT -k $WORK/pg -c max_connections=300" start >/dev/null
psql() { command psql -h "$HOST" -p "$PG_PORT" -U postgres -X -q "$@"; }
psql -d postgres -c "CREATE DATABASE vouch" >/dev/null

export Database__Provider=Postgres
export ConnectionStrings__Vouch="Host=$HOST;Port=$PG_PORT;Username=postgres;Database=vouch"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
# Notification emails go to a real SMTP server; the outbox is read every second, so a lost or doubled email shows.
export Email__Smtp__Host=$HOST Email__Smtp__Port=$SMTP_PORT Email__Smtp__Security=None Email__PollInterval=00:00:01
export Vouch__PublicUrl=http://$HOST:$NGINX_PORT
say "starting an SMTP server on $HOST:$SMTP_PORT"
/usr/bin/python3 -m aiosmtpd -n -l "$HOST:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$WORK/mail" >"$WORK/smtp.log" 2>&1 &
PIDS+=($!)
vouch() { (cd "$APP_DIR" && dotnet vouch.dll "$@"); }
vouch migrate >/dev/null
say "seeding $SCALE contacts"
vouch seed --scale "$SCALE" 2>&1 | grep -v ' of ' >&2 || true
PASSWORD="Bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
EMAIL="bench-admin-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')@vouch.example"
vouch users add --email "$EMAIL" --role Admin --password "$PASSWORD" >/dev/null
TOKEN=$(vouch tokens create --email "$EMAIL" --name cluster-benchmark | tail -n 1)
[[ $TOKEN == vouch_* ]] || die "could not create an access token"
export TOKEN PASSWORD EMAIL
# A reference manager, told of every new request the mixed load posts, by email.
vouch users add --email "bench-manager-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')@vouch.example" --role ReferenceManager \
  --password "$PASSWORD" >/dev/null

# Every lease as it changes, watched each second: one line per (job, holder, until) seen, and whether it was still held
# then (a lease taken) or had been given back (a job that runs one at a time gives it back when done).
( while :; do psql -d vouch -At -F '|' -c 'SELECT "Name", "HeldBy", "Until", "Until" > now() FROM "JobLeases"' 2>/dev/null; sleep 1; done ) \
  | awk -F '|' '!seen[$1 FS $2 FS $3]++ { print; fflush() }' >"$WORK/leases.log" &
PIDS+=($!)

for i in "${!PORTS[@]}"; do
  port=${PORTS[$i]}
  say "starting instance $((i + 1)) on $HOST:$port"
  (cd "$APP_DIR" && exec dotnet vouch.dll serve --urls="http://$HOST:$port" --environment=Production) >"$WORK/vouch-$((i + 1)).log" 2>&1 &
  PIDS+=($!)
  echo "$! $((i + 1))" >>"$WORK/instances"
done
for port in "${PORTS[@]}"; do
  for _ in $(seq 240); do curl -fsS -o /dev/null "http://$HOST:$port/health" 2>/dev/null && break; sleep 0.5; done
  curl -fsS -o /dev/null "http://$HOST:$port/health" || { tail -n 20 "$WORK"/vouch-*.log >&2; die "the instance on $port did not become healthy"; }
done

say "starting nginx on $HOST:$NGINX_PORT"
mkdir -p "$WORK/nginx/logs"
{
  echo "daemon off; worker_processes 1; pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/logs/error.log warn;"
  echo "events { worker_connections 1024; }"
  echo "http {"
  echo "  access_log off; client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;"
  echo "  fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;"
  echo "  upstream vouch { keepalive 32;"
  for port in "${PORTS[@]}"; do echo "    server $HOST:$port;"; done
  echo "  }"
  echo "  server { listen $HOST:$NGINX_PORT;"
  echo "    location / { proxy_pass http://vouch; proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host \$host; }"
  echo "  }"
  echo "}"
} >"$WORK/nginx/nginx.conf"
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g "user $(id -un);" 2>"$WORK/nginx/logs/start.log" &
PIDS+=($!)
for _ in $(seq 40); do curl -fsS -o /dev/null "http://$HOST:$NGINX_PORT/health" 2>/dev/null && break; sleep 0.25; done
curl -fsS -o /dev/null "http://$HOST:$NGINX_PORT/health" || { cat "$WORK/nginx/logs/"* >&2; die "nginx did not answer"; }

STARTED=$(date -u +%s)
say "checks: sign-in, content file"
python3 bench/cluster/checks.py before "$WORK" "${PORTS[@]}"

# Reads of lists, search, a contact, matches, supply and demand; writes of requests and contacts (one in four). A case
# study is the program team's to find, so each new one is emailed to the reference manager.
ACCOUNT=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://$HOST:${PORTS[0]}/api/v1/accounts?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
CONTACT=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://$HOST:${PORTS[0]}/api/v1/contacts?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
REQUEST=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"activityType\":\"reference-call\",\"neededBy\":\"$(date -u -d '+30 days' +%F)\"}" "http://$HOST:${PORTS[0]}/api/v1/requests" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
NEEDED=$(date -u -d '+30 days' +%F)
cat >"$WORK/mixed.requests" <<REQUESTS
GET /api/v1/accounts?pageSize=20
GET /api/v1/references?region=Emea&stage=Advocate&q=onboarding
GET /api/v1/contacts/$CONTACT
POST /api/v1/requests {"activityType":"case-study","neededBy":"$NEEDED"}
GET /api/v1/requests/$REQUEST/matches
GET /api/v1/reports/supply-demand
GET /api/v1/ideas
POST /api/v1/contacts {"accountId":"$ACCOUNT","firstName":"Load","lastName":"Writer","consent":"Written","consentGivenOn":"2026-01-01","agreedActivities":["reference-call"]}
REQUESTS
say "mixed load through nginx for $DURATION (wrk -t$THREADS -c$CONNECTIONS)"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
REQUESTS="$WORK/mixed.requests" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" -s bench/cluster/mixed.lua "http://$HOST:$NGINX_PORT/" >"$WORK/wrk.out"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

say "timing changes on their way from instance 1 to instances 2 and 3"
python3 bench/cluster/checks.py propagation "$WORK" "${PORTS[@]}"

say "waiting for the outbox to send what the load queued"
outbox() { psql -d vouch -At -c "SELECT count(*) FILTER (WHERE \"Status\" = 'Sent'), count(*) FILTER (WHERE \"Status\" = 'Pending'), count(*) FILTER (WHERE \"Status\" = 'Failed') FROM \"OutboundEmails\""; }
for _ in $(seq 120); do [ "$(outbox | cut -d'|' -f2)" = 0 ] && break; sleep 1; done
outbox >"$WORK/outbox.txt"

ENDED=$(date -u +%s)
echo
echo "Several instances: 3 x Vouch (Release) + nginx on one PostgreSQL, $SCALE contacts, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "load average before / after the mixed load: $LOAD_BEFORE / $LOAD_AFTER"
cat "$WORK/checks.out"
echo
echo "Scheduled jobs in the $((ENDED - STARTED)) s the cluster served (each lease taken, by which instance):"
python3 bench/cluster/checks.py jobs "$WORK" "${PORTS[@]}"
python3 bench/cluster/checks.py mail "$WORK"
echo
awk '/^percentiles-ms/ { printf "mixed load through nginx: %d requests, %.1f req/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, errors %d\n", $5, $7, $2, $3, $4, $6 }
     /Non-2xx/ { print "non-2xx answers:", $NF }' "$WORK/wrk.out"
