# Shared set-up for scripts/solieu and scripts/test: find Swift, install what the build needs.
# Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Swift may be installed outside PATH (for example under /opt/swift).
if ! command -v swift >/dev/null 2>&1; then
  for dir in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
    [ -x "$dir/swift" ] && PATH="$dir:$PATH" && break
  done
fi
if ! command -v swift >/dev/null 2>&1; then
  echo "solieu: Swift 6 is required but 'swift' was not found; install it from swift.org and retry." >&2
  exit 1
fi

# The C libraries the build links, found by pkg-config: libedit (the line editor), expat (reading .xlsx sheets
# as a stream), libxlsxwriter (writing .xlsx) and libpq (PostgreSQL's client library).
BUILD_PACKAGES="libedit-dev libexpat1-dev libxlsxwriter-dev libpq-dev pkg-config"
ensure_build_dependencies() {
  if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libedit expat xlsxwriter libpq; then return 0; fi
  # shellcheck disable=SC2086 # one word per package
  apt_install $BUILD_PACKAGES
}

# apt-get install as root, or through sudo; says what to run when neither is possible.
apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "solieu: run 'apt-get install $*' as root and retry." >&2
      exit 1
    fi
  fi
  echo "solieu: installing $* …" >&2
  $sudo apt-get update -qq >&2 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}

# The folder of PostgreSQL's server programs (initdb, pg_ctl, postgres): Debian keeps them out of PATH, under
# /usr/lib/postgresql/VERSION/bin. Prints nothing when no server is installed.
postgres_server_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; fi
}

# A PostgreSQL server of the tests' own: initdb in a temporary folder, listening on 127.0.0.1 only at a free
# port, password (scram-sha-256) authentication for a test role that owns a test database. Exports
# SOLIEU_TEST_POSTGRES=postgresql://ROLE@127.0.0.1:PORT/DB and PGPASSWORD; stop_test_postgres (also run at
# exit, even when the tests fail) stops the server and deletes the folder.
TEST_POSTGRES_DIR=""
start_test_postgres() {
  local bindir
  bindir="$(postgres_server_bindir)"
  if [ -z "$bindir" ]; then
    apt_install postgresql
    bindir="$(postgres_server_bindir)"
  fi
  TEST_POSTGRES_DIR="$(mktemp -d "${TMPDIR:-/tmp}/solieu-postgres.XXXXXX")"
  trap stop_test_postgres EXIT
  [ "$(id -u)" -eq 0 ] && chown postgres: "$TEST_POSTGRES_DIR"
  local role=solieu_test database=solieu_test password
  password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  mkdir -p "$TEST_POSTGRES_DIR/socket" && chown --reference="$TEST_POSTGRES_DIR" "$TEST_POSTGRES_DIR/socket"
  # The superuser is reached only through the folder's own socket (trust); TCP asks every role for a password.
  as_test_postgres_owner "$bindir/initdb" -D "$TEST_POSTGRES_DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$TEST_POSTGRES_DIR/initdb.log" 2>&1 || {
      cat "$TEST_POSTGRES_DIR/initdb.log" >&2; echo "solieu: initdb failed (above)." >&2; exit 1; }
  local port attempt
  for attempt in 1 2 3; do
    # A port the kernel just handed out and took back; another program may take it first, hence the retries.
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    if as_test_postgres_owner "$bindir/pg_ctl" -D "$TEST_POSTGRES_DIR/data" -l "$TEST_POSTGRES_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$TEST_POSTGRES_DIR/socket -c fsync=off" \
        start >/dev/null; then
      break
    fi
    [ "$attempt" -eq 3 ] && { cat "$TEST_POSTGRES_DIR/server.log" >&2; echo "solieu: the test PostgreSQL server did not start (log above)." >&2; exit 1; }
  done
  TEST_POSTGRES_PORT="$port"
  "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$TEST_POSTGRES_DIR/socket" -p "$port" -U postgres -d postgres <<SQL >&2
CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE $database OWNER $role;
SQL
  export SOLIEU_TEST_POSTGRES="postgresql://$role@127.0.0.1:$port/$database"
  export PGPASSWORD="$password"
  echo "solieu: a PostgreSQL server for the tests at $SOLIEU_TEST_POSTGRES" >&2
}

# Runs a server program as the owner of the test server's folder: initdb refuses to run as root, so under
# root that is the postgres system user, from inside the folder (it may not read the current one).
as_test_postgres_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$TEST_POSTGRES_DIR" && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

stop_test_postgres() {
  [ -n "$TEST_POSTGRES_DIR" ] || return 0
  local bindir
  bindir="$(postgres_server_bindir)"
  if [ -f "$TEST_POSTGRES_DIR/data/postmaster.pid" ]; then
    as_test_postgres_owner "$bindir/pg_ctl" -D "$TEST_POSTGRES_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$TEST_POSTGRES_DIR"
  TEST_POSTGRES_DIR=""
}

# Headless Chromium (Debian's chromium package) and the DejaVu fonts, with which scripts/checks/handout.py
# renders an HTML handout to a picture. Only the tests need them.
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then return 0; fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "solieu: the handout check needs chromium; run 'apt-get install chromium fonts-dejavu-core' as root and retry." >&2
      exit 1
    fi
  fi
  echo "solieu: installing chromium fonts-dejavu-core …" >&2
  $sudo apt-get update -qq >&2 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-dejavu-core >&2
}
