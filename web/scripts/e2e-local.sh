#!/usr/bin/env bash
# Runs the browser tests against a server jar serving *this* web/dist (which may be newer than
# the client packed in the jar): `npm run build` first, then `npm run e2e:local`.
# The jar is extracted (the packed jar's loader can stall virtual threads: spring-boot#51379) and
# web/dist goes first on the classpath as static/, on a free port with a throw-away data directory.
#   JAR=path/to/bharatbuild.jar  (default: ../server/target/bharatbuild.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${JAR:-../server/target/bharatbuild.jar}"
[ -f "$jar" ] || { echo "e2e-local: no server jar at $jar (build the server first)"; exit 1; }
[ -f dist/index.html ] || { echo "e2e-local: no dist/index.html (run npm run build first)"; exit 1; }

java_bin=""
for home in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
  if [ -n "$home" ] && [ -x "$home/bin/java" ] && "$home/bin/java" -version 2>&1 | grep -q 'version "25'; then
    java_bin="$home/bin/java"
    break
  fi
done
[ -n "$java_bin" ] || { echo "e2e-local: set JAVA_HOME to a JDK 25"; exit 1; }

work="$(mktemp -d /tmp/bb-e2e-XXXXXX)"
chmod 711 "$work" # the sandbox user must reach the workspaces inside
mkdir -p "$work/cp"
ln -s "$PWD/dist" "$work/cp/static"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

"$java_bin" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
"$java_bin" -cp "$work/cp:$work/app/bharatbuild.jar" com.bharatbuild.BharatBuildApplication \
  --server.port="$port" --server.address=127.0.0.1 --bharatbuild.data-dir="$work/data" --bharatbuild.limits.requests-per-window=100000 >"$work/server.log" 2>&1 &
server_pid=$!
cleanup() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
echo "e2e-local: server pid $server_pid on port $port, log $work/server.log"

status=0
BHARATBUILD_URL="http://127.0.0.1:$port" npm run --silent e2e || status=$?
if [ "$status" -ne 0 ]; then
  echo "e2e-local: last server log lines:"
  tail -n 20 "$work/server.log" | cut -c1-400
fi
exit "$status"
