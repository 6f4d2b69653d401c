#!/usr/bin/env bash
# Time from `java -jar` to a healthy server (readiness UP) on the embedded defaults.
# Usage: bench/startup/startup-bench.sh [runs]   (build first: ./mvnw -DskipTests package)
# Two modes are measured: the plain jar, and the extracted jar with JDK 25's AOT cache, which is
# what ./bharatbuild run starts.
# The first run starts on an empty data directory (database created, migrations applied);
# the others restart on the data the first one left, as a user's second start does.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
jar=server/target/bharatbuild.jar
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -DskipTests package" >&2; exit 1; }
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
work=$(mktemp -d)
"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
"$java" -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh -jar "$work/app/bharatbuild.jar" \
  --bharatbuild.data-dir="$work/training" --server.port=0 >"$work/training.log" 2>&1
port=18765

measure() { # label, then the java arguments before the application's own
  local mode=$1; shift
  local data times=() i start pid end ms rss label sorted
  data=$(mktemp -d)
  for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$java" "$@" --server.port=$port --bharatbuild.data-dir="$data" >"$data/run-$i.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { cat "$data/run-$i.log"; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  times+=("$ms")
  label=$([ "$i" = 1 ] && echo "first start (empty data dir)" || echo "restart")
  echo "$mode run $i: ${ms} ms to healthy, RSS $((rss / 1024)) MiB  [$label]"
  kill $pid; wait $pid 2>/dev/null || true
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "$mode: start-up to healthy over $runs runs: min ${sorted[0]} ms, median ${sorted[$((runs / 2))]} ms, max ${sorted[$((runs - 1))]} ms"
  rm -rf "$data"
}

measure "plain jar" -jar "$jar"
measure "AOT cache" -XX:AOTCache="$work/app.aot" -jar "$work/app/bharatbuild.jar"
rm -rf "$work"
