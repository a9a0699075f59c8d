#!/usr/bin/env bash
# Runs the whole system on a simulated county, with real servers: mosquitto, influxd and snmpsim from Debian packages
# (scripts/services.sh), the fleet, and one agent polling a simulated school. Says where to look, then runs until Ctrl-C
# and stops everything it started.
#
#   scripts/demo.sh            run until Ctrl-C
#   scripts/demo.sh --check    start, wait for the first telemetry in InfluxDB, print it, stop (exit 0 on success)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
MODE=${1:-run}
STATE=$ROOT/.state/demo
FLEET_URL=http://127.0.0.1:5080
DATABASE=classroomfleet
COUNTY=410323
SCHOOL=4141032301

command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
log() { printf '[demo] %s\n' "$*" >&2; }

# Servers that were already running stay running; those started here are stopped at the end.
if scripts/services.sh running; then started_here=0; else started_here=1; fi
services_env=$(scripts/services.sh up) || { echo "scripts/services.sh up failed (see above)" >&2; exit 1; }
eval "$services_env"
mkdir -p "$STATE"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$started_here" = 1 ]; then scripts/services.sh down; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building (Release)"
dotnet build ClassroomFleet.sln -c Release -nologo -clp:ErrorsOnly >&2

sed -e "s/@COUNTY@/$COUNTY/; s/@SCHOOL@/$SCHOOL/; s/@SNMPSIM@/$CF_SNMPSIM_ENDPOINT/" \
  simulators/demo/school.yaml.in > "$STATE/school.yaml"

log "starting the fleet on $FLEET_URL"
Mqtt__Host=$CF_MQTT_HOST Mqtt__Port=$CF_MQTT_PORT Mqtt__ClientId=demo-fleet \
  Influx__BaseAddress=$CF_INFLUX_URL Influx__Database=$DATABASE Fleet__DataDirectory="$STATE/fleet" \
  dotnet fleet/ClassroomFleet.Fleet/bin/Release/net10.0/classroomfleet-fleet.dll --urls "$FLEET_URL" \
  > "$STATE/fleet.log" 2>&1 &
pids+=($!)

log "starting the agent of school $SCHOOL"
env Agent__SchoolFile="$STATE/school.yaml" Agent__StateDirectory="$STATE/agent" Agent__AgentId=demo-agent Agent__DefaultInterval=00:00:05 \
  Credentials__switch-ro__Community=switch48 \
  Mqtt__Host=$CF_MQTT_HOST Mqtt__Port=$CF_MQTT_PORT Mqtt__ClientId=demo-agent-$SCHOOL \
  dotnet agent/ClassroomFleet.Agent/bin/Release/net10.0/classroomfleet-agent.dll \
  > "$STATE/agent.log" 2>&1 &
pids+=($!)

query() { curl -sG "$CF_INFLUX_URL/query" --data-urlencode "db=$DATABASE" --data-urlencode "q=$1"; }
uplink_query="SELECT last(in_bps) / 1000000 AS in_mbps, last(out_bps) / 1000000 AS out_mbps FROM uplink WHERE time > now() - 5m GROUP BY school, device, if_name"

log "waiting for the first uplink rate in InfluxDB"
for _ in $(seq 1 120); do
  if query "$uplink_query" | grep -q '"in_mbps"'; then ok=1; break; fi
  sleep 1
done
[ "${ok:-0}" = 1 ] || { log "no telemetry after 120 s; see $STATE/agent.log and $STATE/fleet.log"; tail -n 20 "$STATE/agent.log" "$STATE/fleet.log" >&2; exit 1; }

cat <<EOF

ClassroomFleet demo is running: one simulated school ($SCHOOL, county $COUNTY) with a 48-port core switch (snmpsim).

Uplink bandwidth now (InfluxQL against $CF_INFLUX_URL, database $DATABASE):
$(influx -host 127.0.0.1 -port "${CF_INFLUX_URL##*:}" -database $DATABASE -format column -execute "$uplink_query")

Where to look:
  fleet health      curl $FLEET_URL/healthz
  telemetry (MQTT)  mosquitto_sub -h $CF_MQTT_HOST -p $CF_MQTT_PORT -t 'cf/v1/#' -v
  InfluxDB          influx -host 127.0.0.1 -port ${CF_INFLUX_URL##*:} -database $DATABASE -execute 'SHOW MEASUREMENTS'
  logs              $STATE/agent.log  $STATE/fleet.log
  school file       $STATE/school.yaml

EOF

if [ "$MODE" = "--check" ]; then
  log "check passed"
  exit 0
fi
log "press Ctrl-C to stop"
wait "${pids[0]}"
