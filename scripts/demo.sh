#!/usr/bin/env bash
# Runs the whole system on the simulated demo county 新安县 (410323), with real servers: mosquitto, influxd, snmpd,
# snmpsim and iperf3 from Debian packages (scripts/services.sh), the fleet, one agent per reporting site
# (simulators/demo/county: an urban school, a rural school, a teaching point; the fourth site's agent is "offline"),
# the device emulators (PJLink panels, an RTSP/ONVIF recorder, a simulated cabinet) and four school weeks of history
# replayed through the broker (simulators/county), so that the county audit has its 20-school-day window at any hour.
# The agents run with remote configuration on (they pin the fleet's signing key from GET /api/v1/config/signing-key),
# so the README's technician sequence (fleetctl config pull/push, rollout) works against them with the token printed.
# Says where to look, then runs until Ctrl-C and stops everything it started.
#
#   scripts/demo.sh            run until Ctrl-C
#   scripts/demo.sh --check    start, wait for live telemetry and the audit, print them, stop; exit 0 only when the
#                              bandwidth rule's verdicts are PASS, FAIL, PASS, UNKNOWN for the county's four schools
#
# Environment (optional): CF_DEMO_PORT (fleet, default 5080), CF_DEMO_DATABASE (default classroomfleet).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
MODE=${1:-run}
STATE=$ROOT/.state/demo
PORT=${CF_DEMO_PORT:-5080}
FLEET_URL=http://127.0.0.1:$PORT
DATABASE=${CF_DEMO_DATABASE:-classroomfleet}
COUNTY=410323
SCHOOLS=(4141032301 4141032302 4141032303)
FACTS=fleet/ClassroomFleet.Fleet/Compliance/demo/county-410323.yaml
BIN=bin/Release/net10.0

command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
log() { printf '[demo] %s\n' "$*" >&2; }

# Servers that were already running stay running; those started here are stopped at the end.
if scripts/services.sh running; then started_here=0; else started_here=1; fi
services_env=$(scripts/services.sh up) || { echo "scripts/services.sh up failed (see above)" >&2; exit 1; }
eval "$services_env"
rm -rf "$STATE"
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
for sim in pjlink rtsp-onvif; do dotnet build "simulators/$sim" -c Release -nologo -clp:ErrorsOnly >&2; done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for_port() {
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  log "nothing listens on port $1; see $STATE/*.log"; exit 1
}

log "starting the device emulators"
PJLINK_PORT=$(free_port)
dotnet simulators/pjlink/$BIN/cf-pjlink-sim.dll --port "$PJLINK_PORT" --lamp-hours 1234 > "$STATE/pjlink.log" 2>&1 < /dev/null &
pids+=($!)
RECORDER_PORT=$(free_port)
dotnet simulators/rtsp-onvif/$BIN/cf-rtsp-onvif-sim.dll --port "$RECORDER_PORT" --password demo > "$STATE/recorder.log" 2>&1 < /dev/null &
pids+=($!)
DARK_PORT=$(free_port) # nothing listens here: the classroom whose whiteboard is dark
wait_for_port "$PJLINK_PORT"
wait_for_port "$RECORDER_PORT"

# An API token for this run only: its SHA-256 is configured, the token itself is printed below.
TOKEN=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
TOKEN_SHA=$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)
TECH_TOKEN=cft_$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
TECH_TOKEN_SHA=$(printf '%s' "$TECH_TOKEN" | sha256sum | cut -d' ' -f1)

log "starting the fleet on $FLEET_URL"
Mqtt__Host=$CF_MQTT_HOST Mqtt__Port=$CF_MQTT_PORT Mqtt__ClientId=demo-fleet \
  Influx__BaseAddress=$CF_INFLUX_URL Influx__Database=$DATABASE Fleet__DataDirectory="$STATE/fleet" \
  Compliance__Schedule__FirstRunDelay=00:00:45 Compliance__Schedule__Interval=00:05:00 \
  Auth__Tokens__0__Name=demo-admin Auth__Tokens__0__Sha256="$TOKEN_SHA" Auth__Tokens__0__Role=Admin \
  Auth__Tokens__1__Name=demo-technician Auth__Tokens__1__Sha256="$TECH_TOKEN_SHA" Auth__Tokens__1__Role=Technician \
  Auth__Tokens__1__County=$COUNTY RemoteConfig__RolloutTick=00:00:01 \
  dotnet fleet/ClassroomFleet.Fleet/$BIN/classroomfleet-fleet.dll --urls "$FLEET_URL" \
  > "$STATE/fleet.log" 2>&1 < /dev/null &
pids+=($!)
for _ in $(seq 1 100); do curl -sf "$FLEET_URL/healthz" >/dev/null && break; sleep 0.3; done
curl -sf "$FLEET_URL/healthz" >/dev/null || { log "the fleet did not become healthy; see $STATE/fleet.log"; tail -n 20 "$STATE/fleet.log" >&2; exit 1; }

# The agents pin the public half of the fleet's configuration signing key, as a county's installer would.
FLEET_KEY=$STATE/fleet-config.pub.pem
curl -sf -H "Authorization: Bearer $TOKEN" "$FLEET_URL/api/v1/config/signing-key" > "$FLEET_KEY" && grep -q 'BEGIN PUBLIC KEY' "$FLEET_KEY" \
  || { log "could not fetch the fleet's signing key from $FLEET_URL/api/v1/config/signing-key"; exit 1; }

log "replaying four school weeks of the county's history through the broker"
dotnet simulators/county/$BIN/cf-county-sim.dll history --facts "$FACTS" --mqtt "$CF_MQTT_HOST:$CF_MQTT_PORT" \
  --share 4141032302=0.35 --offline 4141032304 >&2

health=9464
for school in "${SCHOOLS[@]}"; do
  health=$((health + 1))
  dir=$STATE/agent-$school
  mkdir -p "$dir"
  sed -e "s/@SNMPSIM@/$CF_SNMPSIM_ENDPOINT/; s/@PJLINK@/127.0.0.1:$PJLINK_PORT/; s/@DARK@/127.0.0.1:$DARK_PORT/" \
      -e "s/@RECORDER@/127.0.0.1/; s/@RECORDER_PORT@/$RECORDER_PORT/g; s/@IPERF3@/$CF_IPERF3_ENDPOINT/; s/@SNMPD_PORT@/${CF_SNMPD_ENDPOINT##*:}/" \
      "simulators/demo/county/$school.yaml.in" > "$dir/school.yaml"
  cabinet=()
  if [ "$school" = "${SCHOOLS[0]}" ]; then
    # A network cabinet without hardware: an SHT3x-like hwmon chip and a simulated GPIO chip (door closed, mains on).
    mkdir -p "$dir/sysfs/sys/class/hwmon/hwmon0" "$dir/sysfs/gpio-sim/chip0"
    echo sht3x > "$dir/sysfs/sys/class/hwmon/hwmon0/name"
    echo 31500 > "$dir/sysfs/sys/class/hwmon/hwmon0/temp1_input"
    echo 55000 > "$dir/sysfs/sys/class/hwmon/hwmon0/humidity1_input"
    echo 0 > "$dir/sysfs/gpio-sim/chip0/line17"
    echo 0 > "$dir/sysfs/gpio-sim/chip0/line27"
    cabinet=(Cabinet__Enabled=true Cabinet__Driver=Simulated Cabinet__Model=demo-gw Cabinet__SysfsRoot="$dir/sysfs"
      Cabinet__Interval=00:00:10 Cabinet__Sensors__0__Id=rack Cabinet__Sensors__0__Type=Hwmon Cabinet__Sensors__0__Device=sht3x
      Cabinet__Models__demo-gw__Pins__door__Role=Door Cabinet__Models__demo-gw__Pins__door__Line=17 Cabinet__Models__demo-gw__Pins__door__Pull=Up
      Cabinet__Models__demo-gw__Pins__mains__Role=Mains Cabinet__Models__demo-gw__Pins__mains__Line=27 Cabinet__Models__demo-gw__Pins__mains__Pull=Up
      Cabinet__Models__demo-gw__Pins__mains__ActiveLow=true)
  fi
  log "starting the agent of school $school"
  env Agent__SchoolFile="$dir/school.yaml" Agent__StateDirectory="$dir/state" Agent__AgentId="gw-$school" \
    Agent__SelfTelemetryInterval=00:00:15 Agent__ConfigVersion=1 Agent__HealthEndpoint=127.0.0.1:$health \
    Credentials__switch-ro__Community=switch48 Credentials__recorder__User=admin Credentials__recorder__Password=demo \
    Credentials__recorder-ro__Community=public \
    Mqtt__Host=$CF_MQTT_HOST Mqtt__Port=$CF_MQTT_PORT Mqtt__ClientId="gw-$school" "${cabinet[@]}" \
    RemoteConfig__Enabled=true RemoteConfig__FleetPublicKeyFile="$FLEET_KEY" \
    dotnet agent/ClassroomFleet.Agent/$BIN/classroomfleet-agent.dll > "$dir/agent.log" 2>&1 < /dev/null &
  pids+=($!)
done

query() { curl -sG "$CF_INFLUX_URL/query" --data-urlencode "db=$DATABASE" --data-urlencode "q=$1"; }
influxql() { influx -host 127.0.0.1 -port "${CF_INFLUX_URL##*:}" -database "$DATABASE" -format column -execute "$1"; }
uplink_query="SELECT last(in_bps) / 1000000 AS in_mbps, last(out_bps) / 1000000 AS out_mbps FROM uplink WHERE method = 'passive' AND time > now() - 5m GROUP BY school"
audit_query="SELECT last(state) AS state, last(value) AS mbps_per_class, last(threshold) AS target FROM compliance WHERE rule =~ /^ly15-265\.net\.bw/ AND state != 'NOT_APPLICABLE' GROUP BY school, rule"

# The bandwidth rule's verdict per school, e.g. "4141032301=PASS 4141032302=FAIL …" (one rule applies to each school).
verdicts() {
  query "$audit_query" | python3 -c '
import json, sys
series = (json.load(sys.stdin).get("results") or [{}])[0].get("series") or []
rows = sorted((s["tags"]["school"], s["values"][-1][s["columns"].index("state")]) for s in series)
print(" ".join(f"{school}={state}" for school, state in rows))'
}
EXPECTED_VERDICTS="4141032301=PASS 4141032302=FAIL 4141032303=PASS 4141032304=UNKNOWN"

log "waiting for live uplink rates of every school and for the county audit"
ok=0
for _ in $(seq 1 180); do
  if [ "$(query "$uplink_query" | grep -o '"school"' | wc -l)" -ge ${#SCHOOLS[@]} ] && query "$audit_query" | grep -q '"state"'; then ok=1; break; fi
  sleep 1
done
[ "$ok" = 1 ] || { log "no telemetry or no audit after 180 s; see the logs in $STATE"; tail -n 20 "$STATE"/agent-*/agent.log "$STATE/fleet.log" >&2; exit 1; }
if [ "$MODE" = "--check" ]; then
  # An audit that ran before the replay was in may be short of data: the next run (every 5 min) settles it.
  for _ in $(seq 1 80); do [ "$(verdicts)" = "$EXPECTED_VERDICTS" ] && break; sleep 5; done
fi

cat <<EOF

ClassroomFleet demo is running: county $COUNTY (新安县) with three reporting sites and one whose agent is offline.

Uplink bandwidth now (passive, from each school's core switch):
$(influxql "$uplink_query")

Bandwidth per class, county audit (宽带网络校校通; replayed probes of the last four school weeks):
$(influxql "$audit_query")

Where to look:
  web view          $FLEET_URL/   (log in with the token below)
  API token         $TOKEN   (role Admin, this run only)
  technician token  $TECH_TOKEN   (role Technician, county $COUNTY, this run only)
  push a change     fleetctl login --fleet $FLEET_URL --token $TECH_TOKEN   (fleetctl = dotnet run --project fleet/ClassroomFleet.Cli --)
                    fleetctl config pull --county $COUNTY --school ${SCHOOLS[0]} --out school.yaml   (README: "Pushing a configuration change")
  audit report      curl -H "Authorization: Bearer $TOKEN" $FLEET_URL/api/compliance/$COUNTY/report.html > report.html
  fleet health      curl $FLEET_URL/healthz
  telemetry (MQTT)  mosquitto_sub -h $CF_MQTT_HOST -p $CF_MQTT_PORT -t 'cf/v1/#' -v
  InfluxDB          influx -host 127.0.0.1 -port ${CF_INFLUX_URL##*:} -database $DATABASE -execute 'SHOW MEASUREMENTS'
  dark whiteboard   influx … -execute "SELECT last(error) FROM device WHERE available = 0 GROUP BY school, device"
  agent health      curl http://127.0.0.1:9465/healthz   (9466, 9467: the other two agents; /metrics beside it)
  logs              $STATE/fleet.log  $STATE/agent-*/agent.log
  school files      $STATE/agent-*/school.yaml (as installed); in force: $STATE/agent-*/state/remote-config/school.yaml
  Grafana           docker compose up (see README): the dashboards in dashboards/ read this same schema

EOF

if [ "$MODE" = "--check" ]; then
  got=$(verdicts || true)
  if [ "$got" != "$EXPECTED_VERDICTS" ]; then
    log "check failed: the bandwidth rule's verdicts are '$got', expected '$EXPECTED_VERDICTS'"
    exit 1
  fi
  log "check passed: $got"
  exit 0
fi
log "press Ctrl-C to stop"
wait "${pids[0]}"
