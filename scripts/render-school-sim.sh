#!/usr/bin/env bash
# Writes the school file of one simulated school (simulators/demo/school-sim.yaml.in) to stdout, with the endpoints of
# the servers and device simulators that `scripts/services.sh up` started (the CF_* variables it prints).
#
#   scripts/render-school-sim.sh COUNTY SCHOOL [SLOT] [CATEGORY] [NAME] > school.yaml
#
#   COUNTY    6-digit county code, e.g. 410323
#   SCHOOL    10-digit school code, e.g. 4141032301
#   SLOT      the school's port offset, 0 .. CF_SIM_SCHOOLS-1 (default 0): its panels are the PJLink emulators on
#             CF_PJLINK_PORT+10×SLOT .. +9 and its recorders CF_RECORDER_PORT+2×SLOT and +1. For a county of 4 schools:
#             CF_SIM_SCHOOLS=4 scripts/services.sh up, then slots 0..3.
#   CATEGORY  urban (default), rural or teaching_point
#   NAME      the school's name (default 模拟学校 SCHOOL)
#
# The agent then needs the switch credential: Credentials__core-ro__Community=school-core.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -ge 2 ] || { sed -n '2,17p' "$0" >&2; exit 2; }
COUNTY=$1 SCHOOL=$2 SLOT=${3:-0} CATEGORY=${4:-urban} NAME=${5:-模拟学校 $2}
fail() { echo "render-school-sim: $*" >&2; exit 2; }
[[ $COUNTY =~ ^[0-9]{6}$ ]] || fail "COUNTY must be 6 digits"
[[ $SCHOOL =~ ^[0-9]{10}$ ]] || fail "SCHOOL must be 10 digits"
[[ $SLOT =~ ^[0-9]+$ ]] || fail "SLOT must be a number"
for v in CF_SNMPSIM_ENDPOINT CF_IPERF3_ENDPOINT CF_PROBE_URL CF_PJLINK_PORT CF_RECORDER_PORT; do
  [ -n "${!v:-}" ] || fail "$v is not set: eval \"\$(scripts/services.sh up)\" first"
done
schools=${CF_SIM_SCHOOLS:-1}
[ "$SLOT" -lt "$schools" ] || fail "slot $SLOT needs CF_SIM_SCHOOLS > $SLOT (the services run $schools simulated school(s))"
case $CATEGORY in
  urban) code=111 ;;
  rural) code=210 ;;
  teaching_point) code=220 ;;
  *) fail "CATEGORY must be urban, rural or teaching_point" ;;
esac

args=(-e "s|@COUNTY@|$COUNTY|" -e "s|@SCHOOL@|$SCHOOL|" -e "s|@NAME@|$NAME|" -e "s|@CATEGORY@|$CATEGORY|"
  -e "s|@URBAN_RURAL_CODE@|$code|" -e "s|@SNMPSIM@|$CF_SNMPSIM_ENDPOINT|" -e "s|@IPERF3@|$CF_IPERF3_ENDPOINT|"
  -e "s|@PROBE_URL@|$CF_PROBE_URL|")
for i in $(seq 1 10); do args+=(-e "s|@PANEL_PORT_$i@|$((CF_PJLINK_PORT + 10 * SLOT + i - 1))|"); done
for i in 1 2; do args+=(-e "s|@RECORDER_PORT_$i@|$((CF_RECORDER_PORT + 2 * SLOT + i - 1))|"); done
sed "${args[@]}" "$ROOT/simulators/demo/school-sim.yaml.in"
