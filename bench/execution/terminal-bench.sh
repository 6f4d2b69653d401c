#!/usr/bin/env bash
# Starts the built jar on a free port with a throw-away data folder and runs TerminalBench against it.
#   ./mvnw -DskipTests package && bench/execution/terminal-bench.sh [megabytes] [keystrokes]
set -euo pipefail
cd "$(dirname "$0")/../.."
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
work="$(mktemp -d /tmp/bb-bench-XXXXXX)"
chmod 711 "$work" # the sandbox user must reach the workspaces inside
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
"$java" -jar server/target/bharatbuild.jar --server.port="$port" --bharatbuild.data-dir="$work/data" \
  --bharatbuild.execution.preview.port=0 >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do sleep 0.2; done
"$java" bench/execution/TerminalBench.java "http://127.0.0.1:$port" "${1:-100}" "${2:-1000}"
