#!/usr/bin/env bash
# Installs the ClassroomFleet agent on a Debian 12 / Raspberry Pi OS (bookworm) gateway.
#
#   sudo deploy/install.sh PUBLISH_DIR [--school-file FILE] [--env-file FILE] [--no-start]
#
# PUBLISH_DIR is the output of `dotnet publish agent/ClassroomFleet.Agent -c Release -o PUBLISH_DIR` (framework-dependent:
# the .NET 10 runtime must be installed, e.g. from packages.microsoft.com or the dotnet-install script).
# Idempotent: a second run updates the binaries and keeps configuration, credentials and the outbox.
#
# Creates:  system user/group classroomfleet (no login, no home)
#           /opt/classroomfleet/agent             binaries (root-owned, read-only for the service)
#           /etc/classroomfleet/appsettings.json  settings (0640 root:classroomfleet)
#           /etc/classroomfleet/agent.env         credentials as environment variables (0600 root:root, read by systemd)
#           /etc/classroomfleet/school.yaml       the school file
#           /var/lib/classroomfleet               state: the outbox (0750 classroomfleet)
#           /etc/systemd/system/classroomfleet-agent.service
set -euo pipefail

die() { printf 'install: error: %s\n' "$*" >&2; exit 1; }
log() { printf 'install: %s\n' "$*" >&2; }

[ $# -ge 1 ] || die "usage: $0 PUBLISH_DIR [--school-file FILE] [--env-file FILE] [--no-start]"
PUBLISH=$1; shift
SCHOOL_FILE=""; ENV_FILE=""; START=1
while [ $# -gt 0 ]; do
  case $1 in
    --school-file) SCHOOL_FILE=$2; shift 2 ;;
    --env-file) ENV_FILE=$2; shift 2 ;;
    --no-start) START=0; shift ;;
    *) die "unknown option $1" ;;
  esac
done

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# For tests: CF_PREFIX installs the same tree under another root, as the user running the script. Nothing outside the
# prefix is touched: no system user, no chown, no systemctl. Owners are then only reported (install: would own ...).
PREFIX=${CF_PREFIX:-}
APP=$PREFIX/opt/classroomfleet/agent
ETC=$PREFIX/etc/classroomfleet
STATE=$PREFIX/var/lib/classroomfleet
UNIT=$PREFIX/etc/systemd/system/classroomfleet-agent.service

if [ -n "$PREFIX" ]; then
  OWN() { log "would own $3 as $1:$2"; }
  INSTALL_AS() { local owner=$1 group=$2; shift 2; install "$@"; log "would own ${*: -1} as $owner:$group"; }
else
  [ "$(id -u)" -eq 0 ] || die "run as root (sudo)"
  OWN() { chown "$1:$2" "$3"; }
  INSTALL_AS() { local owner=$1 group=$2; shift 2; install -o "$owner" -g "$group" "$@"; }
fi
[ -f "$PUBLISH/classroomfleet-agent.dll" ] || die "$PUBLISH has no classroomfleet-agent.dll (dotnet publish first)"
if [ -r /etc/os-release ]; then
  . /etc/os-release
  case "${ID:-}:${VERSION_CODENAME:-}" in
    debian:bookworm|raspbian:bookworm|debian:trixie) ;;
    *) log "warning: tested on Debian 12 / Raspberry Pi OS bookworm, this is ${PRETTY_NAME:-unknown}" ;;
  esac
fi
command -v dotnet >/dev/null || log "warning: 'dotnet' is not on PATH; install the .NET 10 runtime before starting"

if [ -z "$PREFIX" ]; then
  if ! getent group classroomfleet >/dev/null; then
    groupadd --system classroomfleet
  fi
  if ! getent passwd classroomfleet >/dev/null; then
    useradd --system --gid classroomfleet --no-create-home --home-dir /var/lib/classroomfleet \
      --shell /usr/sbin/nologin --comment "ClassroomFleet agent" classroomfleet
    log "created system user classroomfleet"
  fi
fi

INSTALL_AS root root -d -m 0755 "$APP"
# Replace the binaries, never the configuration.
find "$APP" -mindepth 1 -delete
cp -a "$PUBLISH"/. "$APP"/
rm -f "$APP/appsettings.Development.json"
[ -n "$PREFIX" ] || chown -R root:root "$APP"
chmod -R u=rwX,go=rX "$APP"

INSTALL_AS root classroomfleet -d -m 0750 "$ETC"
if [ ! -e "$ETC/appsettings.json" ]; then
  INSTALL_AS root classroomfleet -m 0640 "$HERE/appsettings.production.json" "$ETC/appsettings.json"
  log "wrote $ETC/appsettings.json (edit Mqtt:Host, Agent:AgentId)"
fi
# The service reads its settings from /etc: link them where the host looks (the content root).
ln -sf /etc/classroomfleet/appsettings.json "$APP/appsettings.Production.json"

if [ -n "$ENV_FILE" ]; then
  INSTALL_AS root root -m 0600 "$ENV_FILE" "$ETC/agent.env"
elif [ ! -e "$ETC/agent.env" ]; then
  INSTALL_AS root root -m 0600 "$HERE/agent.env.example" "$ETC/agent.env"
  log "wrote $ETC/agent.env from the example: put the MQTT password and SNMP communities there"
fi
chmod 0600 "$ETC/agent.env"; OWN root root "$ETC/agent.env"

if [ -n "$SCHOOL_FILE" ]; then
  INSTALL_AS root classroomfleet -m 0640 "$SCHOOL_FILE" "$ETC/school.yaml"
fi
[ -e "$ETC/school.yaml" ] || log "warning: no $ETC/school.yaml yet: the agent starts but polls nothing"

INSTALL_AS classroomfleet classroomfleet -d -m 0750 "$STATE"
INSTALL_AS classroomfleet classroomfleet -d -m 0750 "$STATE/outbox"

INSTALL_AS root root -D -m 0644 "$HERE/systemd/classroomfleet-agent.service" "$UNIT"

if [ -z "$PREFIX" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable classroomfleet-agent.service
  if [ "$START" = 1 ]; then
    systemctl restart classroomfleet-agent.service
    log "started; check: systemctl status classroomfleet-agent; curl -s 127.0.0.1:9464/healthz"
  fi
else
  log "systemd is not running here: unit installed, not enabled"
fi
log "done"
