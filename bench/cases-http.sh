#!/usr/bin/env bash
# HTTP benchmark of the cases module on the million cases CaseBenchmark generated (docs/benchmarks.md, "Cases"):
# the staff inbox and an applicant's list over the API, online submissions over the JSON API for $DURATION seconds,
# then the same rows inserted through bare JDBC at the same concurrency in the same run.
# Needs wrk, a JDK 21+ as JAVA_HOME and the packaged application (./mvnw -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${BENCH_DATA:-bench-data/cases}
DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-32}
SESSIONS=${SESSIONS:-32}
PORT=${PORT:-18080}
# PARTS: which parts to run, of "submit bare lists" (all by default; bare copies rows that submit created).
PARTS=${PARTS:-submit bare lists}
# AUTH: how the submitting clients authenticate: "bearer" (Authorization: Bearer, no session) or "session" (the
# session cookie and X-CSRF-TOKEN, a database session read and written on every request).
export AUTH=${AUTH:-bearer}
export PGPORT=${PGPORT:-54329}
export PGDATA_DIR="$DATA/postgres"
JAR=${JAR:-target/tongban/tongban.jar}
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JDBC=("$JAVA" -cp 'target/tongban/lib/*' bench/CasesJdbc.java)
BASE="http://localhost:$PORT"
# CPU ticks used so far by the embedded PostgreSQL: the postmaster of $DATA and its children.
pg_cpu() {
  local master
  master=$(head -1 "$DATA/postgres/postmaster.pid")
  { echo "$master"; pgrep -P "$master"; } | while read -r pid; do awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null; done \
    | awk '{t += $1} END {print t + 0}'
}
[[ -d "$DATA/postgres" ]] || { echo "No cases in $DATA: run CaseBenchmark first (docs/benchmarks.md)"; exit 1; }
mkdir -p target/bench
bodies=bench
[[ -s target/bench/cases-applications-person.txt ]] && bodies=target/bench
export PERSON_BODIES=$bodies/cases-applications-person.txt ORGANISATION_BODIES=$bodies/cases-applications-organisation.txt

# JAVA_OPTS: e.g. -XX:StartFlightRecording=filename=target/bench/cases.jfr to see where the time goes.
TONGBAN_DATA_DIR="$DATA" PORT=$PORT "$JAVA" -Xmx2g ${JAVA_OPTS:-} -jar "$JAR" --tongban.embedded-postgres.port="$PGPORT" \
    ${APP_ARGS:-} > target/bench/cases-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$BASE/"; do
  kill -0 $app 2>/dev/null || { echo "The application stopped, see target/bench/cases-app.log"; exit 1; }
  sleep 0.5
done
echo "== the database"
"${JDBC[@]}" settings

# Signs in through the login form as a browser would, asks /api/v1/session for the CSRF token and then
# /api/v1/session/token for a bearer token (docs/cases.md). Prints "<SESSION cookie> <CSRF token> <bearer token>".
sign_in() {
  local jar page csrf token
  jar=$(mktemp)
  page=$(curl -sf -c "$jar" -b "$jar" "$BASE/login")
  csrf=$(grep -oE 'name="_csrf" value="[^"]+"|value="[^"]+" name="_csrf"' <<< "$page" | head -1 | grep -oE 'value="[^"]+"' | cut -d'"' -f2)
  curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=tongban2026" \
      --data-urlencode "_csrf=$csrf" "$BASE/login"
  token=$(curl -sf -c "$jar" -b "$jar" -H 'Accept: application/json' "$BASE/api/v1/session" | grep -o '"csrfToken":"[^"]*"' | cut -d'"' -f4)
  bearer=$(curl -sf -c "$jar" -b "$jar" -X POST -H 'Accept: application/json' -H "X-CSRF-TOKEN: $token" \
      "$BASE/api/v1/session/token" | grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4)
  # The file the applications attach by its hash (CaseBenchmark.BENCH_FILE_SHA256), uploaded once as an app would.
  curl -sf -o /dev/null -c "$jar" -b "$jar" -H "Authorization: Bearer $bearer" -F "file=@bench/material.pdf;filename=材料.pdf" \
      "$BASE/api/v1/cases/files" || true  # staff (the list part) may not upload
  echo "$(awk '$6 == "SESSION" {print $7}' "$jar") $token $bearer"
  rm -f "$jar"
}

: > target/bench/cases-sessions.txt
"${JDBC[@]}" applicants $((SESSIONS / 2)) | while read -r kind login; do
  echo "$kind $(sign_in "$login")" >> target/bench/cases-sessions.txt
done
echo "$(wc -l < target/bench/cases-sessions.txt) applicants signed in; applications from $bodies"
export SESSIONS=target/bench/cases-sessions.txt

if [[ " $PARTS " == *" lists "* ]]; then
echo "== lists over HTTP (the API's JSON), reviewer.scj and the applicant with the most cases"
reviewer=$(sign_in reviewer.scj | cut -d' ' -f1)
for view in ALL DUE_SOON OVERDUE MINE UNASSIGNED; do echo "/api/v1/cases?view=$view&size=20"; done > target/bench/cases-inbox-paths.txt
PATHS=target/bench/cases-inbox-paths.txt COOKIE=$reviewer wrk -t1 -c4 -d20s -s bench/cases-lists.lua "$BASE" > /dev/null
echo "  inbox, five views, first page (after 20 s to warm up):"
PATHS=target/bench/cases-inbox-paths.txt COOKIE=$reviewer wrk -t1 -c4 -d20s -s bench/cases-lists.lua "$BASE" | tail -1
heavy=$(sign_in 91377002HC10000182 | cut -d' ' -f1)
for page in 1 2 3 10 50; do echo "/api/v1/cases?mine&size=20&page=$page"; done > target/bench/cases-mine-paths.txt
PATHS=target/bench/cases-mine-paths.txt COOKIE=$heavy wrk -t1 -c4 -d20s -s bench/cases-lists.lua "$BASE" > /dev/null
echo "  mine (91377002HC10000182), pages 1, 2, 3, 10, 50 (after 20 s to warm up):"
PATHS=target/bench/cases-mine-paths.txt COOKIE=$heavy wrk -t1 -c4 -d20s -s bench/cases-lists.lua "$BASE" | tail -1
fi

if [[ " $PARTS " == *" submit "* ]]; then
echo "== warm-up (${WARM_UP:-40} s)"
RUN_ID=warm$(date +%s) wrk -t2 -c"$CONNECTIONS" -d"${WARM_UP:-40}s" -s bench/cases-submit.lua "$BASE" | tail -1
sleep 5
fi

if [[ " $PARTS " == *" submit "* ]]; then
echo "== submissions: $CONNECTIONS connections, ${DURATION} s, clients authenticated by $AUTH"
"${JDBC[@]}" stats > target/bench/cases-stats-before.txt
since=$(date +%s%3N)
read -r _ u0 n0 s0 i0 w0 _ < /proc/stat
jvm0=$(awk '{print $14 + $15}' /proc/$app/stat)
pg0=$(pg_cpu)
TIMEFORMAT='wrk itself used %U s user + %S s system CPU'
time RUN_ID=run$since wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s bench/cases-submit.lua "$BASE"
read -r _ u1 n1 s1 i1 w1 _ < /proc/stat
jvm1=$(awk '{print $14 + $15}' /proc/$app/stat)
pg1=$(pg_cpu)
hz=$(getconf CLK_TCK)
awk -v busy=$(( (u1 + n1 + s1) - (u0 + n0 + s0) )) -v idle=$(( (i1 + w1) - (i0 + w0) )) -v jvm=$((jvm1 - jvm0)) \
    -v pg=$((pg1 - pg0)) -v hz="$hz" -v d="$DURATION" 'BEGIN {
  printf "CPU during the run (2 cores = %d s): busy %.0f s, idle %.0f s (of which I/O wait counted idle); JVM %.0f s, PostgreSQL %.0f s\n",
    2 * d, busy / hz, idle / hz, jvm / hz, pg / hz }'
"${JDBC[@]}" stats > target/bench/cases-stats-after.txt
created=$("${JDBC[@]}" cases-since "$since")
echo "cases in the database submitted during the run: $created"
echo "written per case created (from PostgreSQL's counters):"
join <(sort target/bench/cases-stats-before.txt) <(sort target/bench/cases-stats-after.txt) \
  | awk -v n="$created" '$3 != $2 {printf "  %-36s %8.2f\n", $1, ($3 - $2) / n}'

fi

if [[ " $PARTS " == *" bare "* ]]; then
echo "== bare JDBC: the same rows (case, idempotency, audit entry, event publication), one transaction each"
"${JDBC[@]}" bare "$CONNECTIONS" "$DURATION" "${since:-0}"
fi

