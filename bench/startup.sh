#!/usr/bin/env bash
# Time from starting the JVM to the first HTTP 200 on / (the home page), on the embedded default.
# Usage: bench/startup.sh [runs] ; env: JAR, DATA (default ./data), PORT (default 18081), JAVA_OPTS
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR="${JAR:-target/tongban/tongban.jar}"
DATA="${DATA:-./data}"
PORT="${PORT:-18081}"
RUNS="${1:-3}"
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" ${APP_ARGS:-} --tongban.data-dir="$DATA" \
      --tongban.embedded-postgres.data-dir="$DATA/postgres" > "target/startup-$run.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$PORT/"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "run $run: the application stopped, see target/startup-$run.log"; exit 1; fi
    sleep 0.05
  done
  end=$(date +%s%N)
  # CPU time the JVM used until then (user + system, in clock ticks): steadier than wall time on a shared machine.
  cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
  echo "run $run: first page after $(( (end - start) / 1000000 )) ms, JVM CPU ${cpu_ms} ms ($(grep -o 'Started Tongban in [0-9.]* seconds' "target/startup-$run.log" || true))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
