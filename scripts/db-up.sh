#!/usr/bin/env bash
# db-up.sh: start a throwaway PostgreSQL 15 and a throwaway MariaDB on 127.0.0.1
# (free ports, data under $DBROOT, default /tmp/sequelize-testdb) for the
# integration tests. Installs mariadb-server with apt if mariadbd is missing.
#
# Writes $DBROOT/env; `source` it to get:
#   SEQUELIZE_TEST_POSTGRES='postgres://postgres:pg_pw@127.0.0.1:PORT/orm_test?sslmode=disable'
#   SEQUELIZE_TEST_MYSQL='mariadb://orm:orm_pw@127.0.0.1:PORT/orm_test'
# Stop everything and delete $DBROOT with scripts/db-down.sh (same DBROOT).
#
# PostgreSQL: TCP logins need the password (scram-sha-256); the unix socket in
# $DBROOT/pg is trusted. MariaDB: user orm has ALL PRIVILEGES ON *.* WITH GRANT
# OPTION (tests create a database each); root has no password.
set -euo pipefail

export PATH="$PATH:/usr/sbin:/sbin"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DBROOT=$(realpath -m "${DBROOT:-/tmp/sequelize-testdb}")
PG_PW=pg_pw
MY_USER=orm
MY_PW=orm_pw
PORT_LOCK=/tmp/.sequelize-testdb.lock   # serializes concurrent db-up runs (port probing)

log() { echo "db-up: $*"; }
die() { echo "db-up: ERROR: $*" >&2; exit 1; }
now() { date +%s%N; }
ms() { echo $(( ($(now) - $1) / 1000000 )); }
T0=$(now)

[ "$DBROOT" != / ] || die "DBROOT must not be /"

# Run a command as the postgres system user (the server refuses to run as root).
if [ "$(id -u)" = 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
  MY_USER_ARG=(--user=root)
else
  as_pg() { "$@"; }
  MY_USER_ARG=()
fi

# kill -0 also succeeds for a zombie; here PID 1 reaps orphans late (~1.3 s), so a zombie counts as gone.
pid_alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  local st
  st=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  st=${st##*) }
  [ "${st%% *}" != Z ]
}
# pid of the postmaster / mariadbd of this DBROOT, if it is running
pg_pid() {
  local f="$DBROOT/pg/data/postmaster.pid" p
  [ -f "$f" ] || return 1
  p=$(head -n1 "$f" 2>/dev/null) || return 1
  pid_alive "$p" && grep -qF "$DBROOT/pg/data" "/proc/$p/cmdline" 2>/dev/null && echo "$p"
}
my_pid() {
  local f p
  for f in "$DBROOT/my/mariadbd.pid" "$DBROOT/my/launch.pid"; do
    [ -f "$f" ] || continue
    p=$(head -n1 "$f" 2>/dev/null) || continue
    if pid_alive "$p" && grep -qF "$DBROOT/my" "/proc/$p/cmdline" 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

# First free TCP port on 127.0.0.1 at or above $1 (nothing answers a connect).
free_port() {
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do
    p=$((p + 1))
    [ "$p" -lt 65535 ] || die "no free port found"
  done
  echo "$p"
}

# ---- serialize concurrent db-up runs: two DBROOTs must not pick the same port ----
exec 9>>"$PORT_LOCK"
flock -w 600 9 || die "timed out waiting for $PORT_LOCK (another db-up running?)"

# ---- refuse if this DBROOT already has running servers ----
running=""
if p=$(pg_pid); then running+=" postgres(pid $p)"; fi
if p=$(my_pid); then running+=" mariadbd(pid $p)"; fi
if [ -n "$running" ]; then
  echo "db-up: $DBROOT already holds running servers:$running" >&2
  echo "db-up: use them (source $DBROOT/env) or stop them first: DBROOT=$DBROOT $(dirname "$0")/db-down.sh" >&2
  exit 1
fi
if [ -e "$DBROOT/pg" ] || [ -e "$DBROOT/my" ] || [ -e "$DBROOT/env" ]; then
  log "removing stale leftovers of an earlier run in $DBROOT"
  rm -rf "$DBROOT/pg" "$DBROOT/my" "$DBROOT/env"
fi

mkdir -p "$DBROOT"
chmod 755 "$DBROOT"   # the postgres user must be able to traverse it
cd "$DBROOT"          # runuser keeps the cwd; postgres may not be able to read the caller's

# ---- on failure: show the logs, stop whatever this run started ----
STARTED_PG=0
STARTED_MY=0
on_exit() {
  local rc=$?
  exec 9>&-   # release the port lock
  [ "$rc" = 0 ] && return 0
  {
    echo "db-up: FAILED (exit $rc) after $(ms "$T0") ms; server logs follow"
    local f files=("$DBROOT/apt.log")
    # initdb / install-db logs only matter if that step is where it failed
    [ "$STARTED_PG" = 1 ] || files+=("$DBROOT/pg/initdb.log")
    files+=("$DBROOT/pg/server.log" "$DBROOT/pg/psql.log")
    [ "$STARTED_MY" = 1 ] || files+=("$DBROOT/my/install.log")
    files+=("$DBROOT/my/error.log" "$DBROOT/my/stdout.log" "$DBROOT/my/setup.log")
    for f in "${files[@]}"; do
      [ -s "$f" ] || continue
      echo "----- tail $f -----"
      tail -n 30 "$f"
    done
  } >&2
  if [ "$STARTED_PG" = 1 ] && pg_pid >/dev/null; then
    as_pg "$PGBIN/pg_ctl" -D "$DBROOT/pg/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  local p
  if [ "$STARTED_MY" = 1 ] && p=$(my_pid); then
    kill -KILL "$p" 2>/dev/null || true
  fi
  echo "db-up: stopped what this run started; files kept in $DBROOT (remove with db-down.sh)" >&2
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[ -x "$PGBIN/pg_ctl" ] || die "PostgreSQL server binaries not found in $PGBIN"
if [ "$(id -u)" = 0 ]; then
  runuser -u postgres -- test -x "$DBROOT" \
    || die "user postgres cannot enter $DBROOT: every parent directory must be mode 755"
fi

# ---- MariaDB install (only if missing; ~20 s) ----
wait_apt() {  # another apt/dpkg may be running (e.g. installing mariadb right now)
  local i
  for i in $(seq 300); do
    fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock >/dev/null 2>&1 || return 0
    [ "$i" = 1 ] && log "waiting for another apt/dpkg to finish"
    sleep 2
  done
  return 0
}
if ! command -v mariadbd >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || die "mariadbd is missing and we are not root: apt-get install mariadb-server"
  T=$(now)
  if [ ! -e /usr/sbin/policy-rc.d ]; then   # keep apt from starting the distro's own mariadb service
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
  fi
  export DEBIAN_FRONTEND=noninteractive
  ok=0
  for attempt in 1 2 3; do
    wait_apt
    if command -v mariadbd >/dev/null 2>&1; then ok=1; break; fi   # someone else just installed it
    log "installing mariadb-server with apt (attempt $attempt)"
    if apt-get -o DPkg::Lock::Timeout=300 update -qq >>"$DBROOT/apt.log" 2>&1 \
       && apt-get -o DPkg::Lock::Timeout=300 install -y -qq mariadb-server </dev/null >>"$DBROOT/apt.log" 2>&1 \
       && command -v mariadbd >/dev/null 2>&1; then
      ok=1; break
    fi
    sleep 5
  done
  [ "$ok" = 1 ] || die "could not install mariadb-server (see $DBROOT/apt.log)"
  log "mariadb-server installed: $(ms "$T") ms"
fi

# ---- PostgreSQL 15 ----
T=$(now)
PG_PORT=$(free_port 54329)
mkdir -p "$DBROOT/pg"
chmod 755 "$DBROOT/pg"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$DBROOT/pg"
PWFILE="$DBROOT/pg/pwfile"
( umask 077; printf '%s\n' "$PG_PW" > "$PWFILE" )
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PWFILE"
as_pg "$PGBIN/initdb" -D "$DBROOT/pg/data" -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
  --auth-local=trust --auth-host=scram-sha-256 --pwfile="$PWFILE" >"$DBROOT/pg/initdb.log" 2>&1
rm -f "$PWFILE"
log "postgres initdb: $(ms "$T") ms"
# Settings go in postgresql.conf, not `pg_ctl -o "-c ..."` (command-line -c beats ALTER SYSTEM).
cat >>"$DBROOT/pg/data/postgresql.conf" <<CONF

# --- added by scripts/db-up.sh (throwaway test server) ---
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$DBROOT/pg'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
CONF
STARTED_PG=1
# 9>&- : the server must not inherit the port lock
as_pg "$PGBIN/pg_ctl" -D "$DBROOT/pg/data" -l "$DBROOT/pg/server.log" -w -t 120 start >/dev/null 9>&-
PGPASSWORD=$PG_PW "$PGBIN/psql" -X -w -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
  -qc 'CREATE DATABASE orm_test' >"$DBROOT/pg/psql.log" 2>&1
log "postgres $("$PGBIN/postgres" --version | awk '{print $3}') up on 127.0.0.1:$PG_PORT: $(ms "$T") ms"

# ---- MariaDB ----
T=$(now)
MY_PORT=$(free_port 33069)
mkdir -p "$DBROOT/my"
chmod 755 "$DBROOT/my"
# --no-defaults must be the FIRST argument (else /etc/mysql/*.cnf is read)
mariadb-install-db --no-defaults --datadir="$DBROOT/my/data" "${MY_USER_ARG[@]}" \
  --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve >"$DBROOT/my/install.log" 2>&1
log "mariadb install-db: $(ms "$T") ms"
STARTED_MY=1
nohup mariadbd --no-defaults --datadir="$DBROOT/my/data" "${MY_USER_ARG[@]}" \
  --bind-address=127.0.0.1 --port="$MY_PORT" --socket="$DBROOT/my/mysqld.sock" \
  --pid-file="$DBROOT/my/mariadbd.pid" --log-error="$DBROOT/my/error.log" --skip-name-resolve \
  --innodb-flush-log-at-trx-commit=0 --sync-binlog=0 --innodb-doublewrite=0 --innodb-buffer-pool-size=128M \
  --innodb-fast-shutdown=3 --innodb-buffer-pool-dump-at-shutdown=0 --innodb-buffer-pool-load-at-startup=0 \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --max-connections=500 \
  >"$DBROOT/my/stdout.log" 2>&1 </dev/null 9>&- &
MY_LAUNCH_PID=$!
echo "$MY_LAUNCH_PID" >"$DBROOT/my/launch.pid"
MYROOT=(mariadb --no-defaults -h127.0.0.1 -P"$MY_PORT" -uroot)
ready=0
for i in $(seq 1200); do   # up to ~60 s
  if mariadb-admin --no-defaults -h127.0.0.1 -P"$MY_PORT" -uroot --connect-timeout=2 ping >/dev/null 2>&1; then
    ready=1; break
  fi
  pid_alive "$MY_LAUNCH_PID" || die "mariadbd exited during start-up"
  sleep 0.05
done
[ "$ready" = 1 ] || die "mariadbd not ready on port $MY_PORT after 60 s"
"${MYROOT[@]}" >"$DBROOT/my/setup.log" 2>&1 -e "
  DROP USER IF EXISTS ''@'localhost';
  CREATE DATABASE orm_test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER '$MY_USER'@'%' IDENTIFIED BY '$MY_PW';
  GRANT ALL PRIVILEGES ON *.* TO '$MY_USER'@'%' WITH GRANT OPTION;
  FLUSH PRIVILEGES;"
log "mariadb $("${MYROOT[@]}" -N -e 'select version()') up on 127.0.0.1:$MY_PORT: $(ms "$T") ms"

cat >"$DBROOT/env" <<ENV
export SEQUELIZE_TEST_POSTGRES='postgres://postgres:$PG_PW@127.0.0.1:$PG_PORT/orm_test?sslmode=disable'
export SEQUELIZE_TEST_MYSQL='mariadb://$MY_USER:$MY_PW@127.0.0.1:$MY_PORT/orm_test'
ENV
log "all up in $(ms "$T0") ms; source $DBROOT/env"
