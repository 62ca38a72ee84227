#!/usr/bin/env bash
# The gateway beside nginx, in one run, on loopback: throughput and latency of the same provider page
# served through `nginx proxy_pass` and through RouteMCP (a live key and an imported HubSpot
# connection whose API base is an nginx static page), plus the sandbox path; the gateway's CPU per
# request and RSS. Installs nginx and wrk when missing. Usage: bench/run.sh [seconds per run, default 10]
# ROUTEMCP_BENCH_JAR measures another build of the gateway (e.g. an older commit's) against the same page.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNECTIONS=32

need() {
  command -v "$1" >/dev/null 2>&1 && return
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  else
    echo "bench needs $1: sudo apt-get install -y $2" >&2; exit 1
  fi
}
need nginx nginx
need wrk wrk
need curl curl
[ -f gateway/target/routemcp.jar ] && [ -f demo/target/routemcp-demo.jar ] || mvn -B -q -DskipTests package
GATEWAY_JAR=${ROUTEMCP_BENCH_JAR:-gateway/target/routemcp.jar}

WORK=$(mktemp -d /tmp/routemcp-bench.XXXXXX)
chmod 755 "$WORK" # nginx's workers read the page as another user
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 1 120); do curl -sf -o /dev/null "$1" && return; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }

# 1. A real provider page: 25 contacts from the HubSpot simulator, asked for exactly as the adapter asks.
SIM_PORT=$(free_port)
java -cp demo/target/routemcp-demo.jar io.routemcp.simulators.SimulatorMain "$SIM_PORT" 0 0 0 > "$WORK/simulators.txt" 2>/dev/null &
PIDS+=($!)
for _ in $(seq 1 60); do grep -q "^ROUTEMCP_PROVIDER" "$WORK/simulators.txt" 2>/dev/null && break; sleep 0.5; done
HS_TOKEN=$(awk '/^HubSpot simulator/{f=1} f && /access token/{print $3; exit}' "$WORK/simulators.txt")
PROPS=$(python3 -c '
import json
m = json.load(open("adapters/hubspot/src/main/resources/routemcp/mappings/hubspot/contact.json"))
print(",".join(sorted({i["providerField"].split(".", 1)[1] for i in m["items"] if i["providerField"].startswith("properties.")})))')
curl -sf "http://127.0.0.1:$SIM_PORT/crm/v3/objects/contacts?limit=25&properties=$PROPS&associations=companies" \
  -H "Authorization: Bearer $HS_TOKEN" > "$WORK/contacts.json"
kill "${PIDS[0]}"; PIDS=()
python3 -c "import json,sys; d=json.load(open('$WORK/contacts.json')); d.pop('paging', None); assert len(d['results'])==25; json.dump(d, open('$WORK/contacts.json','w'))"
chmod 644 "$WORK/contacts.json"

# 2. nginx: the provider (static page) and a reverse proxy in front of it.
PROVIDER_PORT=$(free_port); PROXY_PORT=$(free_port)
cat > "$WORK/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream provider { server 127.0.0.1:$PROVIDER_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$PROVIDER_PORT;
    location /crm/v3/objects/contacts { default_type application/json; alias $WORK/contacts.json; }
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / { proxy_pass http://provider; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
EOF
nginx -c "$WORK/nginx.conf" -p "$WORK"
wait_http "http://127.0.0.1:$PROXY_PORT/crm/v3/objects/contacts"

# 3. The gateway jar, its HubSpot pointed at the nginx page.
API_PORT=$(free_port); CONNECT_PORT=$(free_port)
ADMIN=$(head -c 32 /dev/urandom | base64 | tr -d '/+=')
ROUTEMCP_HTTP_PORT=$API_PORT ROUTEMCP_CONNECT_PORT=$CONNECT_PORT ROUTEMCP_DATA_DIR="$WORK/data" ROUTEMCP_ADMIN_TOKEN=$ADMIN \
ROUTEMCP_PROVIDER_HUBSPOT_API_BASE_URL="http://127.0.0.1:$PROVIDER_PORT" \
ROUTEMCP_JAR="$GATEWAY_JAR" ROUTEMCP_JAVA_OPTS="${ROUTEMCP_BENCH_JAVA_OPTS:-}" ./routemcp > "$WORK/gateway.log" 2>&1 &
GATEWAY=$!; PIDS+=($GATEWAY)
for _ in $(seq 1 120); do grep -q "RouteMCP listening on" "$WORK/gateway.log" && break; sleep 0.5; done
admin() { curl -sf -X "$1" "http://127.0.0.1:$API_PORT$2" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' ${3:+-d "$3"}; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
ORG=$(admin POST /admin/v1/organizations '{"name":"bench","rateLimitPerMinute":100000000}' | json "['data']['id']")
LIVE=$(admin POST "/admin/v1/organizations/$ORG/api-keys" '{"environment":"live"}' | json "['data']['key']")
TEST=$(admin POST "/admin/v1/organizations/$ORG/api-keys" '{"environment":"test"}' | json "['data']['key']")
EXPIRES=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
admin POST "/admin/v1/organizations/$ORG/connections" "{\"provider\":\"hubspot\",\"authType\":\"oauth2\",\"environment\":\"live\",\"endUserId\":\"bench\",
  \"credentials\":{\"access_token\":\"bench-token\",\"refresh_token\":\"bench-refresh\",\"expires_at\":\"$EXPIRES\"}}" >/dev/null

HUBSPOT="http://127.0.0.1:$API_PORT/api/v1/crm/contact?provider=hubspot"
SANDBOX="http://127.0.0.1:$API_PORT/api/v1/crm/contact?provider=sandbox"
check() { local code; code=$(curl -s -o "$WORK/check.json" -w '%{http_code}' "$1" -H "Authorization: Bearer $2" -H 'X-End-User-Id: bench')
  [ "$code" = 200 ] || { echo "$1 answered $code: $(cat "$WORK/check.json")" >&2; exit 1; }; }
check "$HUBSPOT" "$LIVE"; check "$SANDBOX" "$TEST"

# 4. Load: wrk at 32 connections (throughput, p50, p99) and at 1 connection (p50).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$GATEWAY/stat"; }
rss_mb() { awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$GATEWAY/status"; }
TICK=$(getconf CLK_TCK)
run() { # url key connections -> "rps p50 p99 requests"
  local args=(-t"$(( $3 < 2 ? 1 : 2 ))" -c"$3" -d"${DURATION}s" --latency "$1")
  [ -n "$2" ] && args+=(-H "Authorization: Bearer $2" -H "X-End-User-Id: bench")
  wrk "${args[@]}" | awk '/Requests\/sec/{rps=$2} /^ +50%/{p50=$2} /^ +99%/{p99=$2} / requests in /{n=$1} /Non-2xx/{bad=$NF}
    END{print rps, p50, p99, n, (bad==""?0:bad)}'
}
row() { # name url key gateway?
  wrk -t1 -c4 -d2s ${3:+-H "Authorization: Bearer $3" -H "X-End-User-Id: bench"} "$2" >/dev/null
  local before after loaded single cpu=""
  before=$(cpu_ticks)
  read -r rps p50 p99 n bad <<<"$(run "$2" "$3" $CONNECTIONS)"
  after=$(cpu_ticks)
  read -r _ single _ _ _ <<<"$(run "$2" "$3" 1)"
  if [ "$4" = gateway ]; then cpu=$(python3 -c "print(round(($after-$before)/$TICK/$n*1e6))"); fi
  printf '%-28s %10s %9s %9s %11s %9s %8s\n' "$1" "$rps" "$p50" "$p99" "$single" "${cpu:--}" "$bad"
}
echo
echo "RouteMCP vs nginx, $(nproc) cores, wrk ${DURATION}s per run, $CONNECTIONS connections (p50 1c: one connection)"
printf '%-28s %10s %9s %9s %11s %9s %8s\n' "path" "req/s" "p50" "p99" "p50 1c" "CPU us/rq" "non-2xx"
row "nginx proxy_pass (HubSpot)" "http://127.0.0.1:$PROXY_PORT/crm/v3/objects/contacts" "" nginx
row "gateway HubSpot contacts" "$HUBSPOT" "$LIVE" gateway
row "gateway sandbox contacts" "$SANDBOX" "$TEST" gateway
echo "gateway RSS after load: $(rss_mb) MB (./routemcp ${ROUTEMCP_BENCH_JAVA_OPTS:-})"
