#!/usr/bin/env bash
# Makes the secrets of the docker-compose stack, none of which is ever committed:
#   .env                          random passwords for MQTT, InfluxDB and Grafana, and Grafana's secret key
#   secrets/mosquitto/passwd      mosquitto users `fleet` and the demo school `4141032301` (hashed by mosquitto_passwd)
#   secrets/mosquitto/certs/      a private CA (ca.crt, ca.key) and the broker's TLS certificate for port 8883
#                                 (server.crt/.key, names mosquitto, localhost, 127.0.0.1 and MQTT_HOSTNAME if set)
#
#   scripts/compose-secrets.sh [--dir DIR] [--force]     DIR defaults to the repository root (where docker-compose.yml is)
#
# The alert contact points' URLs are taken from the environment if set (DINGTALK_ROBOT_URL, WECOM_ROBOT_URL,
# ALERT_WEBHOOK_URL); otherwise they are left empty in .env, and docker compose refuses to start until they are filled in.
# An existing .env is kept unless --force. Needs openssl and mosquitto_passwd (Debian: apt-get install mosquitto).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=$ROOT
FORCE=0
while [ $# -gt 0 ]; do
  case $1 in
    --dir) DIR=$2; shift 2 ;;
    --force) FORCE=1; shift ;;
    *) echo "usage: scripts/compose-secrets.sh [--dir DIR] [--force]" >&2; exit 2 ;;
  esac
done
command -v openssl >/dev/null || { echo "openssl is required" >&2; exit 1; }
command -v mosquitto_passwd >/dev/null || { echo "mosquitto_passwd is required (apt-get install mosquitto)" >&2; exit 1; }
if [ -e "$DIR/.env" ] && [ "$FORCE" = 0 ]; then
  echo "$DIR/.env exists; keeping it and its secrets (use --force to make new ones)" >&2
  exit 1
fi

umask 077
mkdir -p "$DIR/secrets/mosquitto/certs"
secret() { openssl rand -hex "${1:-24}"; }

FLEET_MQTT_PASSWORD=$(secret)
SCHOOL_MQTT_PASSWORD=$(secret)
cat > "$DIR/.env" <<EOF
# Made by scripts/compose-secrets.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ). Never commit this file.
FLEET_MQTT_PASSWORD=$FLEET_MQTT_PASSWORD
SCHOOL_MQTT_PASSWORD=$SCHOOL_MQTT_PASSWORD
INFLUX_ADMIN_PASSWORD=$(secret)
INFLUX_FLEET_PASSWORD=$(secret)
INFLUX_READ_PASSWORD=$(secret)
GRAFANA_ADMIN_PASSWORD=$(secret 16)
GRAFANA_SECRET_KEY=$(secret 32)
# Alert contact points, URLs with the robots' access tokens (required; see .env.example for their shape):
# DingTalk robot of the county bureau, WeCom robot of the school IT centre, ticketing webhook for critical alerts.
DINGTALK_ROBOT_URL=${DINGTALK_ROBOT_URL:-}
WECOM_ROBOT_URL=${WECOM_ROBOT_URL:-}
ALERT_WEBHOOK_URL=${ALERT_WEBHOOK_URL:-}
EOF
for url in DINGTALK_ROBOT_URL WECOM_ROBOT_URL ALERT_WEBHOOK_URL; do
  [ -n "${!url:-}" ] || echo "note: $url is empty in $DIR/.env; docker compose will not start until it is set" >&2
done

passwd=$DIR/secrets/mosquitto/passwd
rm -f "$passwd"
touch "$passwd"
mosquitto_passwd -b "$passwd" fleet "$FLEET_MQTT_PASSWORD"
mosquitto_passwd -b "$passwd" 4141032301 "$SCHOOL_MQTT_PASSWORD"

certs=$DIR/secrets/mosquitto/certs
san="DNS:mosquitto,DNS:localhost,IP:127.0.0.1${MQTT_HOSTNAME:+,DNS:$MQTT_HOSTNAME}"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 -subj "/CN=ClassroomFleet MQTT CA" \
  -keyout "$certs/ca.key" -out "$certs/ca.crt" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=mosquitto" \
  -keyout "$certs/server.key" -out "$certs/server.csr" 2>/dev/null
openssl x509 -req -in "$certs/server.csr" -CA "$certs/ca.crt" -CAkey "$certs/ca.key" -CAcreateserial -days 825 \
  -extfile <(printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$san") -out "$certs/server.crt" 2>/dev/null
rm -f "$certs/server.csr" "$certs/ca.srl"

# The broker runs as user mosquitto (uid 1883) in its image: it must read its password file and key, nobody else may.
chmod 755 "$DIR/secrets" "$DIR/secrets/mosquitto" "$certs"
chmod 644 "$certs/ca.crt" "$certs/server.crt"
chmod 640 "$passwd" "$certs/server.key"
if [ "$(id -u)" -eq 0 ]; then chown 1883:1883 "$passwd" "$certs/server.key"; fi

echo "wrote $DIR/.env, $passwd and $certs (agents verify the broker with ca.crt)" >&2
