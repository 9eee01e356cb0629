#!/usr/bin/env bash
# SQLite's disk full during writes: Vouch's database lives on a small tmpfs; a filler file takes the rest of it while
# writes (new accounts) and reads go on. Counts the answers: a write that does not fit is a 507 problem details naming
# the cause, reads keep answering 200, PRAGMA integrity_check stays "ok", and once there is room again writes work.
# See bench/README.md ("Faults").
#
# Settings (environment variables):
#   SIZE=64m            the tmpfs that holds the database
#   SCALE=2000          contacts seeded before the disk fills
#   WRITES=300          accounts created while the disk is full (and as many reads)
#   VOUCH_PORT=5231
#   NO_BUILD=1          use the existing Release build
set -euo pipefail

SIZE=${SIZE:-64m}
SCALE=${SCALE:-2000}
WRITES=${WRITES:-300}
VOUCH_PORT=${VOUCH_PORT:-5231}
HOST=127.0.0.1

cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-disk-full.XXXXXX")
source bench/faults/common.sh
[ "$(id -u)" = 0 ] || die "run as root: the script mounts a tmpfs"
command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is not installed (Debian package 'sqlite3')."
PID=
DISK=$WORK/disk
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  if mountpoint -q "$DISK"; then umount "$DISK"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_release
mkdir "$DISK"
mount -t tmpfs -o size="$SIZE" vouch-disk-full "$DISK"
export Database__Provider=Sqlite
export ConnectionStrings__Vouch="Data Source=$DISK/vouch.db"
vouch migrate >/dev/null
say "seeding $SCALE contacts"
vouch seed --scale "$SCALE" 2>&1 | grep -v ' of ' >&2 || true
create_token
start_vouch

# status content-type of one request
call() { curl -sS -o "$WORK/body" -w '%{http_code} %{content_type}\n' -H "Authorization: Bearer $TOKEN" "$@"; }
write() { call -H 'Content-Type: application/json' -d "{\"name\":\"Disk full $1 $(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')\"}" "http://$HOST:$VOUCH_PORT/api/v1/accounts"; }
read_list() { call "http://$HOST:$VOUCH_PORT/api/v1/accounts?pageSize=20"; }

write before | grep -q '^201' || die "a write before the disk filled did not answer 201"
say "filling $DISK ($(df -h --output=avail "$DISK" | tail -n1 | tr -d ' ') free)"
dd if=/dev/zero of="$DISK/filler" bs=64k status=none 2>/dev/null || true
df -h "$DISK" >&2

: >"$WORK/writes"; : >"$WORK/reads"
for i in $(seq 1 "$WRITES"); do
  write "$i" >>"$WORK/writes"
  read_list >>"$WORK/reads"
done
last_problem=$(write last; cat "$WORK/body")
kill -0 "$PID" 2>/dev/null || die "Vouch stopped while the disk was full"

say "freeing the disk"
rm -f "$DISK/filler"
after=$(write after | cut -d' ' -f1)
read_after=$(read_list | cut -d' ' -f1)
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
integrity=$(sqlite3 "$DISK/vouch.db" 'PRAGMA integrity_check')

tally() { awk '{ n[$1 " " ($2 ~ /problem\+json/ ? "problem" : $2)]++ } END { for (k in n) print "  " k ": " n[k] }' "$1" | sort; }
echo
echo "SQLite disk full: tmpfs of $SIZE, $SCALE contacts seeded, $WRITES writes and $WRITES reads while full, $(nproc) cores, $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "writes while full (status, content type: count):"; tally "$WORK/writes"
echo "reads while full:"; tally "$WORK/reads"
echo "a write's problem: $last_problem"
echo "after freeing the disk: write $after, read $read_after"
echo "PRAGMA integrity_check: $integrity"
[ "$integrity" = ok ] || exit 1
