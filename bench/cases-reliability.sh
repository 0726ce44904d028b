#!/usr/bin/env bash
# Reliability of online submission (docs/benchmarks.md, "Cases"): a client submits without pause, retrying on
# timeouts and refused connections with the same Idempotency-Key; after $KILL_AFTER seconds the application is killed
# with kill -9 (and its embedded PostgreSQL too, unless KILL_DATABASE=0), started again on the same data, and the
# client carries on. At the end the database is checked: every key answered 201 or 200 has exactly one case, with the
# number the client was given, no key has two cases and no case of the run lacks its key.
# Needs a JDK 21+ as JAVA_HOME and the packaged application (./mvnw -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${RELIABILITY_DATA:-target/bench/reliability}
SECONDS_TOTAL=${DURATION:-60}
KILL_AFTER=${KILL_AFTER:-20}
WORKERS=${WORKERS:-16}
KILL_DATABASE=${KILL_DATABASE:-1}
PORT=${PORT:-18090}
export PGPORT=${PGPORT:-54339}
export PGDATA_DIR="$DATA/postgres"
JAR=${JAR:-target/tongban/tongban.jar}
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
BASE="http://localhost:$PORT"
RUN=rel$(date +%s)
LOG=target/bench/reliability-app.log
mkdir -p target/bench "$DATA"
bodies=bench
[[ -s target/bench/cases-applications-person.txt ]] && bodies=target/bench

app=
start_app() {
  TONGBAN_DATA_DIR="$DATA" PORT=$PORT "$JAVA" -Xmx1g -jar "$JAR" --tongban.embedded-postgres.port="$PGPORT" >> "$LOG" 2>&1 &
  app=$!
  local started=$(date +%s%N)
  until curl -sf -o /dev/null "$BASE/login"; do
    kill -0 "$app" 2>/dev/null || { echo "The application stopped, see $LOG"; exit 1; }
    sleep 0.2
  done
  echo "application up (pid $app) after $(( ($(date +%s%N) - started) / 1000000 )) ms"
}
cleanup() {
  [[ -n "$app" ]] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  [[ -n "${client:-}" ]] && kill "$client" 2>/dev/null || true
}
trap cleanup EXIT

: > "$LOG"
start_app
"$JAVA" bench/ReliabilityClient.java "$BASE" "$RUN" "$SECONDS_TOTAL" "$WORKERS" target/bench/reliability-answers.txt "$bodies" &
client=$!
sleep "$KILL_AFTER"
answered=$(wc -l < target/bench/reliability-answers.txt)
postmaster=$(head -1 "$DATA/postgres/postmaster.pid")
kill -9 "$app"
if [[ "$KILL_DATABASE" == 1 ]]; then
  kill -9 "$postmaster"
  echo "kill -9 of the application (pid $app) and its PostgreSQL (pid $postmaster) after $answered answers"
else
  echo "kill -9 of the application (pid $app) after $answered answers; its PostgreSQL (pid $postmaster) runs on"
fi
wait "$app" 2>/dev/null || true
app=
sleep 1
start_app
wait "$client"
client=
echo "== check"
"$JAVA" -cp 'target/tongban/lib/*' bench/CasesJdbc.java check target/bench/reliability-answers.txt "$RUN"
