#!/usr/bin/env bash
# Local real servers for development, the demo and the tests: mosquitto, influxd, net-snmp snmpd, snmpsim, iperf3,
# PostgreSQL (the fleet registry's provider for larger deployments), and the device simulators of simulators/ (PJLink
# panels, RTSP/ONVIF recorders, the HTTP probe target).
#
#   scripts/services.sh up     install what is missing, start every server on 127.0.0.1, wait until each answers,
#                              print the endpoints as `export CF_...=...` lines (eval "$(scripts/services.sh up)")
#   scripts/services.sh env    print the endpoints of the running servers
#   scripts/services.sh down   stop every server by its PID and remove the state folder
#   scripts/services.sh status show which servers run
#   scripts/services.sh running exit 0 when all of them run
#
# State, configuration and logs live in $CF_SERVICES_DIR (default /tmp/classroomfleet-services). Ports are not the
# defaults, so a system copy of any of these servers does not collide. Idempotent: `up` twice starts nothing twice.
# Works as root on a fresh Debian 12 / Ubuntu with no systemd; as a normal user it needs the packages installed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${CF_SERVICES_DIR:-/tmp/classroomfleet-services}
MQTT_PORT=${CF_MQTT_PORT:-18830}
INFLUX_PORT=${CF_INFLUX_PORT:-18086}
INFLUX_RPC_PORT=${CF_INFLUX_RPC_PORT:-18088}
SNMPD_PORT=${CF_SNMPD_PORT:-11610}
SNMPSIM_PORT=${CF_SNMPSIM_PORT:-11611}
IPERF3_PORT=${CF_IPERF3_PORT:-15201}
HOST=127.0.0.1
SERVICES=(mosquitto influxd snmpd snmpsim iperf3)
PACKAGES=(mosquitto mosquitto-clients influxdb influxdb-client snmpd snmp snmpsim iperf3 curl iproute2)

# --- PostgreSQL (registry provider for larger deployments) -------------------------------------------------------
# A private cluster in $DIR/postgres on 127.0.0.1:$CF_POSTGRES_PORT with one superuser (password auth over TCP). As root
# it runs as the Debian user `postgres`, since initdb and postgres refuse root; setpriv execs, so the recorded PID is the
# postmaster's own. Stopped with SIGINT (fast shutdown: SIGTERM would wait for every client to disconnect).
POSTGRES_PORT=${CF_POSTGRES_PORT:-15432}
POSTGRES_USER=cf
POSTGRES_PASSWORD=cf-registry-test
SERVICES+=(postgres)
PACKAGES+=(postgresql)

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
  else
    "$@"
  fi
}

# For spawn (a background subshell): exec, so that the PID spawn records is the postmaster's.
exec_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
  fi
  exec "$@"
}

start_postgres() {
  local d=$DIR/postgres bin
  bin=$(postgres_bin)
  [ -n "$bin" ] || die "PostgreSQL binaries not found under /usr/lib/postgresql"
  mkdir -p "$d"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$d"; fi
  if [ ! -s "$d/data/PG_VERSION" ]; then
    printf '%s\n' "$POSTGRES_PASSWORD" > "$d/pwfile"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$d/pwfile"; fi
    as_postgres "$bin/initdb" -D "$d/data" -U "$POSTGRES_USER" --pwfile="$d/pwfile" --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 > "$d/initdb.log" 2>&1 || { tail -n 20 "$d/initdb.log" >&2; die "initdb failed"; }
    rm -f "$d/pwfile"
  fi
  # Test settings: durability off (fsync, synchronous commit) for speed; the data is thrown away at `down`.
  spawn postgres exec_as_postgres "$bin/postgres" -D "$d/data" -c listen_addresses=$HOST -c port="$POSTGRES_PORT" \
    -c unix_socket_directories="$d" -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off
  wait_until postgres 30 "$bin/pg_isready" -q -h $HOST -p "$POSTGRES_PORT" -U "$POSTGRES_USER"
}

stop_postgres_signal() { echo INT; }

print_env_postgres() {
  echo "export CF_POSTGRES_CONNECTION='Host=$HOST;Port=$POSTGRES_PORT;Username=$POSTGRES_USER;Password=$POSTGRES_PASSWORD;Database=postgres'"
}
# --- end PostgreSQL ---------------------------------------------------------------------------------------------

# --- Device simulators (PJLink panels, RTSP/ONVIF recorders, HTTP probe target) -----------------------------------
# Our own emulators from simulators/, built once into $DIR/build with the .NET SDK and run as real network servers on
# 127.0.0.1: CF_SIM_SCHOOLS simulated schools (default 1), each with 10 PJLink panels on consecutive ports from
# CF_PJLINK_PORT and 2 recorders (RTSP and ONVIF on one port) from CF_RECORDER_PORT; school i (from 0) takes panels
# CF_PJLINK_PORT+10i.. and recorders CF_RECORDER_PORT+2i.. (scripts/render-school-sim.sh writes its school file).
# One HTTP probe target (GET /download?bytes=N, POST /upload) on CF_PROBE_PORT. CF_SIMULATORS=0 leaves them out.
SIM_SCHOOLS=${CF_SIM_SCHOOLS:-1}
PJLINK_PORT=${CF_PJLINK_PORT:-14352}
PJLINK_COUNT=$((10 * SIM_SCHOOLS))
RECORDER_PORT=${CF_RECORDER_PORT:-10554}
RECORDER_COUNT=$((2 * SIM_SCHOOLS))
PROBE_PORT=${CF_PROBE_PORT:-18080}
if [ "${CF_SIMULATORS:-1}" != 0 ]; then
  SERVICES+=(pjlink recorders probe)
fi

build_simulator() {
  local folder=$1 out=$DIR/build/$1
  [ -s "$out/.built" ] && return 0
  command -v dotnet >/dev/null || die "the .NET SDK is needed for the device simulators (or set CF_SIMULATORS=0)"
  mkdir -p "$DIR/build"
  dotnet build "$ROOT/simulators/$folder" -c Release -nologo -v q -o "$out" > "$DIR/build/$folder.log" 2>&1 \
    || { tail -n 20 "$DIR/build/$folder.log" >&2; die "building simulators/$folder failed"; }
  date > "$out/.built"
}

tcp_open() { bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null; }

start_pjlink() {
  build_simulator pjlink
  spawn pjlink dotnet "$DIR/build/pjlink/cf-pjlink-sim.dll" --port "$PJLINK_PORT" --count "$PJLINK_COUNT" --bind $HOST
  wait_until pjlink 30 tcp_open $((PJLINK_PORT + PJLINK_COUNT - 1))
}

start_recorders() {
  build_simulator rtsp-onvif
  spawn recorders dotnet "$DIR/build/rtsp-onvif/cf-rtsp-onvif-sim.dll" --port "$RECORDER_PORT" --count "$RECORDER_COUNT" --bind $HOST
  wait_until recorders 30 tcp_open $((RECORDER_PORT + RECORDER_COUNT - 1))
}

start_probe() {
  build_simulator probe
  spawn probe dotnet "$DIR/build/probe/cf-probe-sim.dll" --port "$PROBE_PORT" --bind $HOST
  wait_until probe 30 curl -sf -o /dev/null "http://$HOST:$PROBE_PORT/download?bytes=1"
}

print_env_simulators() {
  [ "${CF_SIMULATORS:-1}" != 0 ] || return 0
  cat <<EOF
export CF_SIM_SCHOOLS=$SIM_SCHOOLS
export CF_PJLINK_HOST=$HOST
export CF_PJLINK_PORT=$PJLINK_PORT
export CF_PJLINK_COUNT=$PJLINK_COUNT
export CF_RECORDER_HOST=$HOST
export CF_RECORDER_PORT=$RECORDER_PORT
export CF_RECORDER_COUNT=$RECORDER_COUNT
export CF_PROBE_URL=http://$HOST:$PROBE_PORT/
EOF
}
# --- end device simulators ------------------------------------------------------------------------------------

log() { printf '[services] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
  log "installing ${missing[*]}"
  # Servers must not start themselves on their default ports: we run our own copies.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    local remove_policy=1
  fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  [ "${remove_policy:-0}" = 1 ] && rm -f /usr/sbin/policy-rc.d
  return 0
}

pidfile() { echo "$DIR/$1/$1.pid"; }

running() {
  local f
  f=$(pidfile "$1")
  [ -s "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null
}

# wait_until NAME SECONDS COMMAND...: polls COMMAND every 0.1 s until it succeeds; fails with the server's log.
wait_until() {
  local name=$1 seconds=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ! running "$name"; then
      tail -n 20 "$DIR/$name/$name.log" >&2 || true
      die "$name exited during start"
    fi
    [ $SECONDS -lt $deadline ] || { tail -n 20 "$DIR/$name/$name.log" >&2 || true; die "$name did not answer within ${seconds}s"; }
    sleep 0.1
  done
}

# spawn NAME COMMAND...: runs COMMAND in the background with its output in NAME.log and records its PID.
spawn() {
  local name=$1
  shift
  "$@" > "$DIR/$name/$name.log" 2>&1 < /dev/null &
  echo $! > "$(pidfile "$name")"
}

start_mosquitto() {
  local d=$DIR/mosquitto
  mkdir -p "$d/data"
  cat > "$d/mosquitto.conf" <<EOF
# Test and demo broker: anonymous, loopback only. provisioning/mosquitto/ holds the production configuration.
user root
listener $MQTT_PORT $HOST
allow_anonymous true
persistence true
persistence_location $d/data/
autosave_interval 1
log_dest file $d/mosquitto.broker.log
log_type error
log_type warning
log_type notice
log_timestamp_format %Y-%m-%dT%H:%M:%S
# The default of 1000 queued messages per client drops the rest silently; a fleet that is down must not lose telemetry.
max_queued_messages 0
max_inflight_messages 100
EOF
  spawn mosquitto mosquitto -c "$d/mosquitto.conf"
  wait_until mosquitto 15 mosquitto_pub -h $HOST -p "$MQTT_PORT" -t cf/ping -m ping -q 1
}

start_influxd() {
  local d=$DIR/influxd
  mkdir -p "$d/meta" "$d/data" "$d/wal"
  cat > "$d/influxdb.conf" <<EOF
reporting-enabled = false
bind-address = "$HOST:$INFLUX_RPC_PORT"
[meta]
  dir = "$d/meta"
[data]
  dir = "$d/data"
  wal-dir = "$d/wal"
  query-log-enabled = false
[monitor]
  store-enabled = false
[http]
  enabled = true
  bind-address = "$HOST:$INFLUX_PORT"
  auth-enabled = false
  log-enabled = false
  pprof-enabled = false
[logging]
  level = "warn"
  suppress-logo = true
[ifql]
  enabled = false
  bind-address = "$HOST:$((INFLUX_PORT + 2))"
[continuous_queries]
  enabled = false
EOF
  spawn influxd influxd run -config "$d/influxdb.conf"
  wait_until influxd 30 bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' http://$HOST:$INFLUX_PORT/ping)\" = 204 ]"
}

start_snmpd() {
  local d=$DIR/snmpd
  mkdir -p "$d/persist"
  chmod 700 "$d/persist"
  cat > "$d/snmpd.conf" <<EOF
agentAddress udp:$HOST:$SNMPD_PORT
rocommunity public $HOST
rwcommunity private $HOST
createUser cfmd5des MD5 "authpass123" DES "privpass123"
createUser cfshaaes SHA "authpass123" AES "privpass123"
createUser cfsha256aes256 SHA-256 "authpass123" AES-256 "privpass123"
createUser cfsha512aes SHA-512 "authpass123" AES "privpass123"
createUser cfauthonly SHA "authpass123"
createUser cfnoauth
rouser cfmd5des priv
rouser cfshaaes priv
rouser cfsha256aes256 priv
rouser cfsha512aes priv
rouser cfauthonly auth
rouser cfnoauth noauth
sysLocation "ClassroomFleet test rack"
sysContact "it-centre@school.example"
sysName cf-test-snmpd
dontLogTCPWrappersConnects yes
[snmp] mibs :
EOF
  SNMP_PERSISTENT_DIR=$d/persist MIBS=: spawn snmpd snmpd -f -Lo -C -c "$d/snmpd.conf" -I -smux,mteTrigger,mteTriggerConf -p "$d/snmpd.daemon.pid"
  wait_until snmpd 15 snmpget -v2c -c public -m '' -t 0.3 -r 0 "$HOST:$SNMPD_PORT" 1.3.6.1.2.1.1.3.0
}

start_snmpsim() {
  local d=$DIR/snmpsim
  mkdir -p "$d/cache" "$d/data"
  cp -r "$ROOT/simulators/snmpsim/data/." "$d/data/"
  # snmpsimd refuses to run as root: it drops to nobody, which must be able to write its cache and read the data.
  if [ "$(id -u)" -eq 0 ]; then
    chown -R nobody:nogroup "$d/cache" "$d/data"
    chmod 755 "$d"
    local drop=(--process-user=nobody --process-group=nogroup)
  fi
  spawn snmpsim snmpsimd "${drop[@]}" --data-dir="$d/data" --cache-dir="$d/cache" \
    --variation-modules-dir=/usr/share/snmpsim/variation \
    --agent-udpv4-endpoint="$HOST:$SNMPSIM_PORT" \
    --v3-user=cfshaaes --v3-auth-key=authpass123 --v3-auth-proto=SHA --v3-priv-key=privpass123 --v3-priv-proto=AES \
    --logging-method=null
  wait_until snmpsim 30 snmpget -v2c -c switch48 -m '' -t 0.5 -r 0 "$HOST:$SNMPSIM_PORT" 1.3.6.1.2.1.1.3.0
}

start_iperf3() {
  spawn iperf3 iperf3 -s -B $HOST -p "$IPERF3_PORT"
  wait_until iperf3 10 bash -c "exec 3<>/dev/tcp/$HOST/$IPERF3_PORT"
}

print_env() {
  cat <<EOF
export CF_SERVICES_DIR=$DIR
export CF_MQTT_HOST=$HOST
export CF_MQTT_PORT=$MQTT_PORT
export CF_INFLUX_URL=http://$HOST:$INFLUX_PORT
export CF_SNMPD_ENDPOINT=$HOST:$SNMPD_PORT
export CF_SNMPSIM_ENDPOINT=$HOST:$SNMPSIM_PORT
export CF_IPERF3_ENDPOINT=$HOST:$IPERF3_PORT
EOF
  print_env_postgres
  print_env_simulators
}

stop_one() {
  local name=$1 f pid
  f=$(pidfile "$name")
  [ -s "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    # A server may ask for another signal than SIGTERM with a function stop_<name>_signal.
    kill -"$(if declare -F "stop_${name}_signal" >/dev/null; then "stop_${name}_signal"; else echo TERM; fi)" "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { log "$name ($pid) did not stop on SIGTERM; killing"; kill -9 "$pid" 2>/dev/null || true; }
    log "stopped $name ($pid)"
  fi
  rm -f "$f"
}

up() {
  install_packages
  mkdir -p "$DIR"
  export MIBS=:
  for s in "${SERVICES[@]}"; do
    mkdir -p "$DIR/$s"
    if running "$s"; then
      log "$s already running (pid $(cat "$(pidfile "$s")"))"
      continue
    fi
    "start_$s"
    log "$s ready (pid $(cat "$(pidfile "$s")"))"
  done
  print_env
}

down() {
  [ -d "$DIR" ] || return 0
  for s in "${SERVICES[@]}"; do stop_one "$s"; done
  rm -rf "$DIR"
}

# Exit 0 when every server runs: scripts that find them running leave them running when they finish.
all_running() {
  for s in "${SERVICES[@]}"; do running "$s" || return 1; done
}

status() {
  for s in "${SERVICES[@]}"; do
    if running "$s"; then echo "$s running (pid $(cat "$(pidfile "$s")"))"; else echo "$s stopped"; fi
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  env) print_env ;;
  status) status ;;
  running) all_running ;;
  *) echo "usage: $0 up|down|env|status|running" >&2; exit 2 ;;
esac
