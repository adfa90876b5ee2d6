#!/usr/bin/env bash
# test.sh: the project's test command. Works from any directory.
#
#   ./scripts/test.sh                 # gofmt, go vet, staticcheck, go test -race ./...
#   ./scripts/test.sh -run TestX -v   # extra arguments go to `go test`
#
# Databases: if SEQUELIZE_TEST_POSTGRES and SEQUELIZE_TEST_MYSQL are both set, those
# servers are used as they are. Otherwise a throwaway PostgreSQL 15 and MariaDB are
# started with scripts/db-up.sh (per-run DBROOT) and always stopped on exit
# (success, failure or Ctrl-C) with scripts/db-down.sh.
# CI is passed through unchanged (with CI=true the tests fail, not skip, without a DSN).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd -P)
export PATH="$PATH:/usr/sbin:/sbin"
if [ -n "${CI+x}" ]; then export CI; fi   # passed through unchanged

STATICCHECK_VERSION=v0.8.2   # = staticcheck 2026.2.2 (the proxy serves only the v0.x.y name)

now() { date +%s%N; }
secs() { local d=$(( ($(now) - $1) / 1000000 )); printf '%d.%01ds' $((d / 1000)) $(( (d % 1000) / 100 )); }
T0=$(now)
STEP="setup"
PASSED=()
DBROOT_RUN=""

step() {  # step NAME: announce and remember the current step
  STEP=$1
  STEP_T=$(now)
  echo
  echo "==> $STEP"
}
pass() { PASSED+=("$STEP ($(secs "$STEP_T"))"); }
join() { [ $# -gt 0 ] || { echo nothing; return; }; local out=$1; shift; for x in "$@"; do out+=", $x"; done; echo "$out"; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$DBROOT_RUN" ]; then
    echo
    echo "==> stopping test databases"
    DBROOT=$DBROOT_RUN bash "$ROOT/scripts/db-down.sh" || echo "test.sh: WARNING: db-down.sh failed for $DBROOT_RUN" >&2
  fi
  echo
  if [ "$rc" = 0 ]; then
    echo "test.sh: PASSED in $(secs "$T0"): $(join "${PASSED[@]}")"
  else
    echo "test.sh: FAILED at step '$STEP' (exit $rc) after $(secs "$T0");" \
         "passed before it: $(join "${PASSED[@]}")" >&2
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v go >/dev/null || { echo "test.sh: go not found on PATH" >&2; exit 1; }
GOPATH_BIN="$(go env GOPATH | cut -d: -f1)/bin"
GOBIN_DIR=$(go env GOBIN)
export PATH="${GOBIN_DIR:+$GOBIN_DIR:}$GOPATH_BIN:$PATH"
echo "test.sh: $(go version) in $ROOT"

# ---- gofmt ----
step "gofmt"
if ! unformatted=$(gofmt -l .); then
  echo "gofmt failed (syntax error?)" >&2
  exit 1
fi
if [ -n "$unformatted" ]; then
  echo "These files are not gofmt-formatted (run: gofmt -w <file>):" >&2
  echo "$unformatted" >&2
  exit 1
fi
pass

# ---- go vet ----
step "go vet"
go vet ./...
pass

if [ -f bench/go.mod ]; then
  step "go vet (bench module)"
  (cd bench && go vet ./...)
  pass
fi

# ---- staticcheck ----
step "staticcheck"
if ! command -v staticcheck >/dev/null; then
  echo "installing staticcheck $STATICCHECK_VERSION"
  go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION" \
    || go install honnef.co/go/tools/cmd/staticcheck@latest
fi
staticcheck -version
# The conformance packages (tests only) hold about a thousand model types, and
# staticcheck analyses each generic instantiation of Model[T] on its own: over
# five minutes of CI's two cores. go vet checks them above; run
# `staticcheck ./conformance/...` by hand when changing them.
mapfile -t lint_pkgs < <(go list ./... | grep -v '/conformance/')
staticcheck "${lint_pkgs[@]}" ./conformance/internal/harness
pass

# ---- databases ----
if [ -n "${SEQUELIZE_TEST_POSTGRES:-}" ] && [ -n "${SEQUELIZE_TEST_MYSQL:-}" ]; then
  echo
  echo "==> using the databases from SEQUELIZE_TEST_POSTGRES / SEQUELIZE_TEST_MYSQL"
else
  step "start test databases"
  if [ -n "${SEQUELIZE_TEST_POSTGRES:-}${SEQUELIZE_TEST_MYSQL:-}" ]; then
    echo "note: only one of SEQUELIZE_TEST_POSTGRES / SEQUELIZE_TEST_MYSQL is set; starting local servers for both"
  fi
  DBROOT_RUN=/tmp/sequelize-testdb-$$
  DBROOT=$DBROOT_RUN bash "$ROOT/scripts/db-up.sh"
  # shellcheck disable=SC1091
  source "$DBROOT_RUN/env"
  pass
fi
export SEQUELIZE_TEST_POSTGRES SEQUELIZE_TEST_MYSQL

# ---- go test ----
step "go test -race"
go test -race -count=1 ./... "$@"
pass
