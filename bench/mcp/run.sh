#!/usr/bin/env bash
# The added latency of MCP: a list_contacts tool call (POST /mcp, tools/call) against the same REST
# call (GET /api/v1/crm/contacts?limit=25) on the sandbox, one keep-alive connection each, requests
# interleaved, after a warm-up. Starts the fat jar on the embedded database in a temporary data
# directory. Usage: bench/mcp/run.sh [requests per kind, default 1000]
set -euo pipefail
cd "$(dirname "$0")/../.."
REQUESTS=${1:-1000}
[ -f gateway/target/routemcp.jar ] || mvn -B -q -DskipTests package -pl gateway -am

WORK=$(mktemp -d /tmp/routemcp-mcp-bench.XXXXXX)
GATEWAY_PID=""
cleanup() {
  [ -n "$GATEWAY_PID" ] && kill "$GATEWAY_PID" 2>/dev/null && wait "$GATEWAY_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
ADMIN=$(head -c 32 /dev/urandom | base64 | tr -d "/+=")
ROUTEMCP_HTTP_PORT=$PORT ROUTEMCP_CONNECT_PORT=$(free_port) ROUTEMCP_DATA_DIR="$WORK/data" ROUTEMCP_ADMIN_TOKEN=$ADMIN \
  java -jar gateway/target/routemcp.jar > "$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 240); do grep -q "RouteMCP listening" "$WORK/gateway.log" && break; sleep 0.5; done
grep -q "RouteMCP listening" "$WORK/gateway.log" || { cat "$WORK/gateway.log" >&2; exit 1; }

python3 - "$PORT" "$ADMIN" "$REQUESTS" <<'PY'
import http.client, json, statistics, sys, time
port, admin, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])

def call(conn, method, path, headers, body=None):
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    r = conn.getresponse()
    data = r.read()
    assert r.status < 300, (r.status, data[:300])
    return json.loads(data)

c = http.client.HTTPConnection("127.0.0.1", port)
auth = {"Authorization": "Bearer " + admin, "Content-Type": "application/json"}
org = call(c, "POST", "/admin/v1/organizations", auth, {"name": "Bench", "rateLimitPerMinute": 10000000})["data"]["id"]
key = call(c, "POST", f"/admin/v1/organizations/{org}/api-keys", auth, {"environment": "test"})["data"]["key"]
headers = {"Authorization": "Bearer " + key, "X-End-User-Id": "bench-user", "Content-Type": "application/json",
           "Accept": "application/json, text/event-stream"}
rest_conn = http.client.HTTPConnection("127.0.0.1", port)
mcp_conn = http.client.HTTPConnection("127.0.0.1", port)
tool_call = {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "list_contacts", "arguments": {"limit": 25}}}

def rest():
    body = call(rest_conn, "GET", "/api/v1/crm/contacts?limit=25", headers)
    assert len(body["data"]["data"]) == 25

def mcp():
    body = call(mcp_conn, "POST", "/mcp", headers, tool_call)
    assert not body["result"]["isError"] and len(body["result"]["structuredContent"]["data"]) == 25, body

def timed(f):
    t = time.perf_counter(); f(); return (time.perf_counter() - t) * 1000

for _ in range(300):
    rest(); mcp()
times = {"rest": [], "mcp": []}
for _ in range(n):
    times["rest"].append(timed(rest))
    times["mcp"].append(timed(mcp))

def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(len(xs) * p))]
print(f"{n} requests each, sequential, one keep-alive connection per kind, sandbox list of 25 contacts")
print(f"{'':22}{'p50 ms':>8}{'p90 ms':>8}{'p99 ms':>8}{'mean ms':>9}")
for name, label in (("rest", "REST GET /contacts"), ("mcp", "MCP list_contacts")):
    xs = times[name]
    print(f"{label:22}{pct(xs,.5):8.2f}{pct(xs,.9):8.2f}{pct(xs,.99):8.2f}{statistics.mean(xs):9.2f}")
print(f"{'added by MCP':22}{pct(times['mcp'],.5)-pct(times['rest'],.5):8.2f}{pct(times['mcp'],.9)-pct(times['rest'],.9):8.2f}"
      f"{pct(times['mcp'],.99)-pct(times['rest'],.99):8.2f}{statistics.mean(times['mcp'])-statistics.mean(times['rest']):9.2f}")
PY
