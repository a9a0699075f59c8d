#!/usr/bin/env bash
# Runs every test against the real local servers: starts them (scripts/services.sh), builds, tests, stops them,
# and ends with one summary line "N passed, N failed, N skipped".
#
#   scripts/test.sh                      all tests
#   scripts/test.sh --filter 'Category!=Integration'   extra arguments go to `dotnet test`
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
RESULTS=$ROOT/artifacts/test-results
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }

# Tools the tests drive besides the servers: headless Chromium (report and web-view tests) and Debian's docker-compose
# (validates docker-compose.yml without an engine; --no-install-recommends keeps the engine out).
install_tools() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null | grep -q "install ok installed" || missing+=(fonts-wqy-microhei)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || { echo "missing: ${missing[*]} (run as root, or install them)" >&2; exit 1; }
  echo "[test] installing ${missing[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}
install_tools

# Servers that were already running (a developer's session) stay running; those started here are stopped at the end.
if scripts/services.sh running; then started_here=0; else started_here=1; fi
services_env=$(scripts/services.sh up) || { echo "scripts/services.sh up failed (see above)" >&2; exit 1; }
eval "$services_env"
if [ "$started_here" = 1 ]; then trap "scripts/services.sh down" EXIT; fi

dotnet build ClassroomFleet.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed, 0 skipped (the build failed)"; exit 1; }
status=0
dotnet test ClassroomFleet.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" "$@" || status=$?

# One closing line for CI and people: sums the counters of every test assembly's TRX file.
awk -F'"' '/<Counters /{
    for (i = 1; i < NF; i++) {
      if ($i ~ /passed=$/) p += $(i+1); if ($i ~ / failed=$/) f += $(i+1); if ($i ~ /notExecuted=$/) s += $(i+1)
    }
  } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$RESULTS"/*.trx 2>/dev/null || echo "0 passed, 1 failed"
if [ "$status" != 0 ]; then python3 scripts/failed-tests.py "$RESULTS"/*.trx; fi
exit $status
