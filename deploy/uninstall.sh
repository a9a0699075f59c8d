#!/usr/bin/env bash
# Removes the ClassroomFleet agent installed by deploy/install.sh.
#
#   sudo deploy/uninstall.sh            stop and disable the service, remove the binaries and the unit; keep the
#                                       configuration (/etc/classroomfleet) and the state (/var/lib/classroomfleet),
#                                       so that a reinstall replays what the fleet has not acknowledged yet
#   sudo deploy/uninstall.sh --purge    also remove the configuration, the state (the outbox: unacknowledged telemetry
#                                       is lost, the script says how much) and the system user
#
# CF_PREFIX works as for install.sh (tests): the same tree under another root, nothing outside it touched.
set -euo pipefail

die() { printf 'uninstall: error: %s\n' "$*" >&2; exit 1; }
log() { printf 'uninstall: %s\n' "$*" >&2; }

PURGE=0
while [ $# -gt 0 ]; do
  case $1 in
    --purge) PURGE=1; shift ;;
    *) die "unknown option $1 (usage: $0 [--purge])" ;;
  esac
done

PREFIX=${CF_PREFIX:-}
APP=$PREFIX/opt/classroomfleet/agent
ETC=$PREFIX/etc/classroomfleet
STATE=$PREFIX/var/lib/classroomfleet
UNIT=$PREFIX/etc/systemd/system/classroomfleet-agent.service

[ -n "$PREFIX" ] || [ "$(id -u)" -eq 0 ] || die "run as root (sudo)"

if [ -z "$PREFIX" ] && [ -d /run/systemd/system ] && [ -e "$UNIT" ]; then
  # The agent's graceful stop closes the outbox after its last fsync and sends its goodbye status.
  systemctl disable --now classroomfleet-agent.service || log "warning: could not stop the service"
fi

rm -f "$UNIT"
rm -rf "$APP"
rmdir "$PREFIX/opt/classroomfleet" 2>/dev/null || true
if [ -z "$PREFIX" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
fi
log "removed the binaries and the unit"

if [ "$PURGE" = 1 ]; then
  if [ -d "$STATE/outbox" ]; then
    segments=$(find "$STATE/outbox" -maxdepth 1 -name 'seg-*.log' | wc -l)
    bytes=$(find "$STATE/outbox" -maxdepth 1 -name 'seg-*.log' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    [ "$segments" -eq 0 ] || log "warning: purging $segments outbox segment(s), $bytes bytes of telemetry the fleet may not have acknowledged"
  fi
  rm -rf "$ETC" "$STATE"
  if [ -z "$PREFIX" ]; then
    getent passwd classroomfleet >/dev/null && userdel classroomfleet
    getent group classroomfleet >/dev/null && groupdel classroomfleet
  fi
  log "purged the configuration, the state and the system user"
else
  log "kept $ETC and $STATE (remove them with --purge)"
fi
log "done"
