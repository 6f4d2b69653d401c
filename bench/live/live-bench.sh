#!/usr/bin/env bash
# Starts the built jar on a free port and runs LiveFanoutBench against it; while the tabs are idle,
# measures the server's heap after a full GC with and without them.
#   ./mvnw -DskipTests package && bench/live/live-bench.sh [projects] [tabsPerProject] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="$(mktemp -d /tmp/bb-bench-XXXXXX)"
chmod 711 "$work"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
# the extracted layout: the packed jar's nested class loading can deadlock with virtual threads on
# two cores (spring-boot#51379)
"$jdk/bin/java" -Djarmode=tools -jar server/target/bharatbuild.jar extract --destination "$work/jar" >/dev/null
"$jdk/bin/java" -Xmx1g -jar "$work/jar/bharatbuild.jar" --server.port="$port" --bharatbuild.data-dir="$work/data" \
  --bharatbuild.execution.preview.port=0 >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do sleep 0.2; done
# with HISTOGRAMS=dir, a class histogram at each point shows what the tabs hold
heap() { "$jdk/bin/jcmd" "$server" GC.run >/dev/null; sleep 1
  if [ -n "${HISTOGRAMS:-}" ]; then "$jdk/bin/jcmd" "$server" GC.class_histogram > "$HISTOGRAMS/histogram-$1.txt"; fi
  "$jdk/bin/jcmd" "$server" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}'; }
"$jdk/bin/java" bench/live/LiveFanoutBench.java "http://127.0.0.1:$port" "${1:-100}" "${2:-10}" "${3:-20}" > "$work/bench.out" &
bench=$!
until grep -q CREATED "$work/bench.out" 2>/dev/null; do sleep 0.5; done
sleep 2
before=$(heap before)
until grep -q IDLE "$work/bench.out" 2>/dev/null; do sleep 0.5; done
sleep 3
with=$(heap with)
wait $bench
cat "$work/bench.out"
tabs=$(( ${1:-100} * ${2:-10} ))
echo "server heap after full GC: $before with the projects and no tabs, $with with $tabs idle tabs"
