# syntax=docker/dockerfile:1
#
# Packages the jar the build already made and tested, so the image holds exactly what the tests ran
# against; it compiles nothing. Build the jar first, then the image:
#
#   ./mvnw -B -DskipTests package          # makes server/target/bharatbuild.jar
#   docker build -t bharatbuild .
#
# compose.yaml and deploy/k8s run it. Started by hand, the sandbox that runs users' commands
# (bubblewrap) needs the same relaxations compose.yaml explains:
#
#   docker run --security-opt seccomp=unconfined --security-opt apparmor=unconfined \
#     --security-opt systempaths=unconfined -p 8080:8080 -p 8081:8081 \
#     -v bharatbuild-data:/data bharatbuild
#
# Without them the server still runs and answers run and terminal requests with 503 and the reason;
# BHARATBUILD_EXECUTION_SANDBOX=none runs commands unisolated, which is only for a single-user
# install on your own machine.

# The JRE runs the server and nothing else Java: projects built with Maven or Gradle need a JDK,
# so pass --build-arg JAVA_IMAGE=eclipse-temurin:25-jdk and add Maven if you use the Java template.
ARG JAVA_IMAGE=eclipse-temurin:25-jre
# Vite 7 needs Node 20.19+, newer than Ubuntu's own nodejs package, so Node comes from its image.
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS node

FROM ${JAVA_IMAGE} AS layers
WORKDIR /build
COPY server/target/bharatbuild.jar bharatbuild.jar
# The packed jar's nested-jar loader holds a lock while it reads; with virtual threads that stalled
# the whole server (spring-boot#51379), so the image runs the extracted layout: the application
# jar beside plain jars in lib/, the same layout ./bharatbuild run uses.
RUN java -Djarmode=tools -jar bharatbuild.jar extract --destination /app

FROM ${JAVA_IMAGE}

# bubblewrap is the sandbox; tini is PID 1 so that processes orphaned by users' commands are
# reaped and SIGTERM still reaches the JVM; python3-venv and git are what the templates' install
# steps and the terminal expect. Everything under /usr is what a sandboxed command can see.
RUN set -eux; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        bubblewrap tini python3 python3-venv git; \
    rm -rf /var/lib/apt/lists/*

COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
# The node image's npm, npx and corepack are symbolic links, which COPY would turn into copies
# that no longer find their modules.
RUN set -eux; \
    ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm; \
    ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx; \
    ln -s ../lib/node_modules/corepack/dist/corepack.js /usr/local/bin/corepack; \
    corepack enable; \
    # fail the build here rather than at a user's first run if a tool the sandbox uses is missing
    bwrap --version; prlimit --version; node --version; npm --version; python3 --version

# A fixed uid that is not root, so bubblewrap never needs setuid and volume ownership is stable.
RUN set -eux; \
    groupadd --system --gid 10001 bharatbuild; \
    useradd --system --uid 10001 --gid 10001 --home-dir /data --no-create-home \
        --shell /usr/sbin/nologin bharatbuild; \
    mkdir -p /data; \
    chown 10001:10001 /data

WORKDIR /app
COPY --from=layers /app /app

# JDK 25's ahead-of-time class cache more than halves start-up (docs/BENCHMARKS.md), which is
# what a new replica waits for before it takes traffic. It is trained here, like ./bharatbuild
# run does, by starting the app once on a throw-away data directory up to its refresh; this also
# fails the build when the jar cannot start. It must be made by this very JVM against these very
# files, hence in this stage.
RUN set -eux; \
    scratch="$(mktemp -d)"; \
    java -XX:AOTCacheOutput=/app/bharatbuild.aot -Dspring.context.exit=onRefresh \
        -jar /app/bharatbuild.jar --bharatbuild.data-dir="$scratch" --server.port=0 \
        --bharatbuild.execution.preview.port=0 > "$scratch/aot.log" 2>&1 \
      || { tail -n 50 "$scratch/aot.log"; exit 1; }; \
    rm -rf "$scratch"

# The preview listener must answer on the container's own address, not only its loopback, for a
# published port to reach it.
ENV BHARATBUILD_DATA_DIR=/data \
    BHARATBUILD_EXECUTION_PREVIEW_BINDADDRESS=0.0.0.0 \
    JAVA_OPTS=""

VOLUME ["/data"]
# 8080: the app, API and /actuator; 8081: the preview origin (<secret>.localhost:8081).
EXPOSE 8080 8081

USER 10001:10001

# The JRE image has neither curl nor wget (its build removes wget after downloading the JDK), so
# the check speaks HTTP through bash's /dev/tcp rather than adding a client to the image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /actuator/health/readiness HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q '^HTTP/1\\.[01] 200'"]

# sh -c so that JAVA_OPTS is split into options; it comes after the defaults so that an operator's
# -XX:MaxRAMPercentage wins (users' commands share the container's memory with the JVM). exec
# makes the JVM tini's child, so a stop is a graceful Spring shutdown.
ENTRYPOINT ["/usr/bin/tini", "--", "/bin/sh", "-c", "exec java -XX:AOTCache=/app/bharatbuild.aot -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar /app/bharatbuild.jar \"$@\"", "bharatbuild"]
