#!/usr/bin/env bash
# Test-environment storage: rows and bytes of the sandbox tables after N new end users each list
# contacts once, then after each lists every resource. Usage: scripts/bench-sandbox-footprint.sh [end users=200]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install
mvn -B -q -pl gateway test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.routemcp.gateway.bench.SandboxFootprintBenchmark -Dexec.args="${1:-200}" \
  -Dlogback.configurationFile=conf/logback.xml -DROUTEMCP_LOG_LEVEL=WARN
