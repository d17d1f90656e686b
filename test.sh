#!/usr/bin/env bash
# The one test command (README): installs what is missing from Debian's packages, starts PostgreSQL,
# then runs the suite twice: on SQLite (all test projects) and on PostgreSQL (EduCloud.Tests only; the
# architecture and browser tests do not depend on the database). Ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The browser tests use Debian's chromium; Playwright must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
PG_VERSION="${PG_VERSION:-15}"
PG_CONNECTION="Host=127.0.0.1;Username=postgres;Password=postgres"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

ensure_packages() {
  local missing=()
  for pkg in postgresql chromium fonts-noto-cjk clamav libreoffice-calc-nogui libhttp-oai-perl \
      fonts-droid-fallback fonts-dejavu-core libgdiplus poppler-utils; do
    installed "$pkg" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    as_root apt-get update -q </dev/null
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
  fi
}

ensure_postgres() {
  local version="$PG_VERSION"
  if [ ! -d "/etc/postgresql/$version" ]; then
    # Use whatever major version Debian installed if it is not 15.
    version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1 || true)"
  fi
  if [ -z "$version" ] || ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
    version="${version:-$PG_VERSION}"
    echo "test.sh: creating PostgreSQL $version cluster"
    as_root pg_createcluster "$version" main </dev/null
  fi
  if ! pg_lsclusters -h | grep "^$version main" | grep -q online; then
    as_root pg_ctlcluster "$version" main start </dev/null
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
  done
  pg_isready -h 127.0.0.1 -p 5432
  # Idempotent: the tests connect over TCP with a password.
  as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -c "ALTER USER postgres PASSWORD 'postgres'" </dev/null
}

# The blob-store tests run against s3rver, an S3-compatible server in plain JavaScript (pinned with its lock file in
# tools/s3rver): node from Debian if the machine has none, then `npm ci` once (about 14 MB, no native code).
ensure_s3rver() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "test.sh: installing nodejs npm"
    as_root apt-get update -q </dev/null
    as_root apt-get install -y -q --no-install-recommends nodejs npm </dev/null
  fi
  if [ ! -f tools/s3rver/node_modules/s3rver/bin/s3rver.js ]; then
    echo "test.sh: installing s3rver (tools/s3rver)"
    npm ci --prefix tools/s3rver --no-audit --no-fund </dev/null
  fi
}

# Sums one counter (passed or failed) over the TRX files of one lane, from their <Counters .../> summaries.
count_outcome() {
  local dir="$1" counter="$2" total=0 n
  for trx in "$dir"/*.trx; do
    [ -f "$trx" ] || continue
    n="$(grep -o '<Counters [^>]*>' "$trx" | grep -o " $counter=\"[0-9]*\"" | grep -o '[0-9]\+' || true)"
    total=$(( total + ${n:-0} ))
  done
  echo "$total"
}

ensure_packages
ensure_postgres
ensure_s3rver

rm -rf TestResults
dotnet build EduCloud.slnx -c Debug </dev/null

status=0
echo "test.sh: lane 1/2, SQLite (all test projects)"
env -u EDUCLOUD_TEST_POSTGRES dotnet test EduCloud.slnx --no-build \
  --logger "trx" --logger "console;verbosity=normal" --results-directory TestResults/sqlite </dev/null || status=1

echo "test.sh: lane 2/2, PostgreSQL (EduCloud.Tests)"
EDUCLOUD_TEST_POSTGRES="$PG_CONNECTION" dotnet test tests/EduCloud.Tests/EduCloud.Tests.csproj --no-build \
  --logger "trx" --logger "console;verbosity=normal" --results-directory TestResults/postgres </dev/null || status=1

passed=$(( $(count_outcome TestResults/sqlite passed) + $(count_outcome TestResults/postgres passed) ))
failed=$(( $(count_outcome TestResults/sqlite failed) + $(count_outcome TestResults/postgres failed) ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A lane failed without a failing test (build, crash, fixture error): still report a failure.
  failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"
