#!/usr/bin/env bash
# Redis for tests/CpaasGen.AspNetCore.Tests (the distributed duplicate store, two app instances sharing one Redis).
# Idempotent: installs redis-server only when missing, starts it only when nothing answers on 127.0.0.1:6379.
set -euo pipefail

host=127.0.0.1
port=6379

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

answers() {
  [ "$(redis-cli -h "$host" -p "$port" ping 2>/dev/null || true)" = "PONG" ]
}

if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
  echo "installing redis-server"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

if answers; then
  echo "redis already answers on $host:$port"
  exit 0
fi

echo "starting redis-server on $host:$port"
redis-server --daemonize yes --bind "$host" --port "$port" --save '' --appendonly no \
  --logfile /tmp/cpaasgen-redis.log --pidfile /tmp/cpaasgen-redis.pid

for _ in $(seq 1 40); do
  if answers; then
    echo "redis answers PONG on $host:$port"
    exit 0
  fi
  sleep 0.5
done

echo "redis-server did not answer PING on $host:$port within 20 s" >&2
tail -n 20 /tmp/cpaasgen-redis.log >&2 2>/dev/null || true
exit 1
