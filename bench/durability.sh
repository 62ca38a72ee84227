#!/usr/bin/env bash
# What durable commits cost: sandbox contact creation (POST /api/v1/contact?provider=sandbox) through
# the gateway jar, against one PostgreSQL run durable (fsync, synchronous_commit, full_page_writes
# on: what the embedded server does) and one run with them off (what it did before). The same
# server binaries, data on the same disk; wrk drives the load. Needs root (the server runs as the
# postgres user) and PostgreSQL server binaries (apt-get install postgresql).
# Usage: bench/durability.sh [seconds per run, default 10] [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNECTIONS=${2:-16}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PG_BIN/postgres" ] || { echo "no PostgreSQL server binaries (set PG_BIN or apt-get install postgresql)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench needs wrk: apt-get install -y wrk" >&2; exit 1; }
[ -f ${ROUTEMCP_JAR:-gateway/target/routemcp.jar} ] || mvn -B -q -DskipTests package

WORK=$(mktemp -d /tmp/routemcp-durability.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
wait_http() { for _ in $(seq 1 240); do curl -s -o /dev/null "$1" && return; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }

cat > "$WORK/create.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, nil, nil, '{"first_name":"Bench","last_name":"C' .. counter .. '"}')
end
LUA

# run NAME SETTINGS...: a fresh cluster started with SETTINGS, the gateway on it, wrk; prints one line
run() {
  local name=$1; shift
  local pgdata="$WORK/$name/pg" pg_port api_port admin key org
  mkdir -p "$WORK/$name" && chown postgres "$WORK/$name"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$pgdata" -U postgres -A trust >/dev/null
  pg_port=$(free_port)
  local settings=()
  for s in "$@"; do settings+=(-c "$s"); done
  runuser -u postgres -- "$PG_BIN/postgres" -D "$pgdata" -p "$pg_port" -c listen_addresses=127.0.0.1 \
    -c unix_socket_directories="$WORK/$name" "${settings[@]}" > "$WORK/$name/postgres.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 60); do grep -q ready "$pgdata/postmaster.pid" 2>/dev/null && break; sleep 0.5; done

  api_port=$(free_port)
  admin=$(head -c 32 /dev/urandom | base64 | tr -d '/+=')
  ROUTEMCP_HTTP_PORT=$api_port ROUTEMCP_CONNECT_PORT=$(free_port) ROUTEMCP_DATA_DIR="$WORK/$name/data" ROUTEMCP_ADMIN_TOKEN=$admin \
    ROUTEMCP_DATABASE_URL="postgresql://postgres@127.0.0.1:$pg_port/postgres" ROUTEMCP_MASTER_KEY=$(openssl rand -base64 32) \
    java -jar ${ROUTEMCP_JAR:-gateway/target/routemcp.jar} > "$WORK/$name/gateway.log" 2>&1 &
  local gateway=$!
  PIDS+=($gateway)
  wait_http "http://127.0.0.1:$api_port/"
  org=$(curl -sf -X POST "http://127.0.0.1:$api_port/admin/v1/organizations" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -d '{"name":"bench","rateLimitPerMinute":100000000}' | json "['data']['id']")
  key=$(curl -sf -X POST "http://127.0.0.1:$api_port/admin/v1/organizations/$org/api-keys" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -d '{"environment":"test"}' | json "['data']['key']")
  local url="http://127.0.0.1:$api_port/api/v1/contact?provider=sandbox"
  wrk -t2 -c4 -d2s -s "$WORK/create.lua" -H "Authorization: Bearer $key" -H "X-End-User-Id: bench" "$url" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/create.lua" -H "Authorization: Bearer $key" -H "X-End-User-Id: bench" "$url" \
    | awk -v name="$name" '/Requests\/sec/{rps=$2} /^ +50%/{p50=$2} /^ +99%/{p99=$2} /Non-2xx/{bad=$NF}
        END {printf "%-9s %10.0f creates/s   p50 %-9s p99 %-9s non-2xx %s\n", name, rps, p50, p99, bad+0}'
  kill "$gateway"; wait "$gateway" 2>/dev/null || true
}

echo "Sandbox creates, $(nproc) cores, $CONNECTIONS connections, ${DURATION}s per run, PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')"
run durable fsync=on synchronous_commit=on full_page_writes=on
run fast fsync=off synchronous_commit=off full_page_writes=off
