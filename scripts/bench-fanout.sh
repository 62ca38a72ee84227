#!/usr/bin/env bash
# Fan-out latency: one end user connected to the four simulated providers at 50 ms each, the whole gateway
# in one JVM. Usage: scripts/bench-fanout.sh [requests=1000] [concurrency=16]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install
mvn -B -q -pl gateway test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.routemcp.gateway.bench.FanOutLatencyBenchmark -Dexec.args="${1:-1000} ${2:-16}" \
  -Dlogback.configurationFile=conf/logback.xml -DROUTEMCP_LOG_LEVEL=WARN
