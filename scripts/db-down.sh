#!/usr/bin/env bash
# db-down.sh: stop the servers scripts/db-up.sh started under $DBROOT
# (default /tmp/sequelize-testdb) and delete $DBROOT.
# Safe to call twice, or when nothing was started.
set -uo pipefail

export PATH="$PATH:/usr/sbin:/sbin"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DBROOT=$(realpath -m "${DBROOT:-/tmp/sequelize-testdb}")

log() { echo "db-down: $*"; }
now() { date +%s%N; }
ms() { echo $(( ($(now) - $1) / 1000000 )); }
T0=$(now)

if [ "$DBROOT" = / ] || [ -z "$DBROOT" ]; then echo "db-down: refusing DBROOT=/" >&2; exit 1; fi
[ -e "$DBROOT" ] || { log "nothing to do ($DBROOT does not exist)"; exit 0; }
cd / || exit 1

if [ "$(id -u)" = 0 ]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi
# kill -0 also succeeds for a zombie; here PID 1 reaps orphans late (~1.3 s), so a zombie counts as gone.
pid_alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  local st
  st=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  st=${st##*) }
  [ "${st%% *}" != Z ]
}
# true if pid $1 is alive and its command line mentions $2 (guards against recycled pids)
pid_is() { pid_alive "$1" && grep -qF -- "$2" "/proc/$1/cmdline" 2>/dev/null; }
wait_gone() {  # pid, seconds
  local i
  for i in $(seq $(( $2 * 10 ))); do pid_alive "$1" || return 0; sleep 0.1; done
  ! pid_alive "$1"
}

rc=0

# ---- PostgreSQL ----
PGDATA_DIR="$DBROOT/pg/data"
if [ -f "$PGDATA_DIR/postmaster.pid" ]; then
  pid=$(head -n1 "$PGDATA_DIR/postmaster.pid" 2>/dev/null)
  if pid_alive "$pid"; then
    if ! as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 60 stop >/dev/null 2>&1; then
      log "pg_ctl stop failed; sending SIGQUIT/SIGKILL to postmaster $pid"
      pid_is "$pid" "$PGDATA_DIR" && kill -QUIT "$pid" 2>/dev/null
      wait_gone "$pid" 10 || { pid_is "$pid" "$PGDATA_DIR" && kill -KILL "$pid" 2>/dev/null; wait_gone "$pid" 10; }
    fi
    wait_gone "$pid" 10   # pg_ctl returns once postmaster.pid is gone, just before the process exits
    if pid_alive "$pid"; then log "ERROR: postgres $pid still running" >&2; rc=1; else log "postgres stopped"; fi
  fi
fi

# ---- MariaDB ----
for f in "$DBROOT/my/mariadbd.pid" "$DBROOT/my/launch.pid"; do
  [ -f "$f" ] || continue
  pid=$(head -n1 "$f" 2>/dev/null)
  pid_is "$pid" "$DBROOT/my" || continue
  kill -TERM "$pid" 2>/dev/null             # SIGTERM = clean shutdown
  if ! wait_gone "$pid" 60; then
    log "mariadbd $pid did not stop within 60 s; SIGKILL"
    pid_is "$pid" "$DBROOT/my" && kill -KILL "$pid" 2>/dev/null
    wait_gone "$pid" 10
  fi
  if pid_alive "$pid"; then log "ERROR: mariadbd $pid still running" >&2; rc=1; else log "mariadbd stopped"; fi
done

[ "$rc" = 0 ] || { echo "db-down: not removing $DBROOT: servers still running" >&2; exit "$rc"; }

# ---- remove only what db-up.sh creates, then the directory if it is empty ----
rm -rf "$DBROOT/pg" "$DBROOT/my" "$DBROOT/env" "$DBROOT/apt.log"
if rmdir "$DBROOT" 2>/dev/null; then
  log "removed $DBROOT ($(ms "$T0") ms)"
else
  echo "db-down: $DBROOT holds files db-up.sh did not create; left it in place:" >&2
  ls -A "$DBROOT" >&2
  exit 1
fi
