#!/usr/bin/env bash
# HTTP benchmark of the search API and the guide page, on the catalogue loaded by CatalogBenchmark
# (docs/benchmarks.md). Needs wrk (Debian package wrk) and a JDK 21+ as JAVA_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${BENCH_DATA:-target/bench-data}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18080}
JAR=${JAR:-target/tongban/tongban.jar}
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[[ -d "$DATA/postgres" ]] || { echo "No catalogue in $DATA: run CatalogBenchmark first (docs/benchmarks.md)"; exit 1; }
mkdir -p target/bench

started=$(date +%s%N)
# APP_ARGS: extra application arguments, e.g. --tongban.catalog.search-cache-size=0 to measure every search.
TONGBAN_DATA_DIR="$DATA" PORT=$PORT "$JAVA" -Xmx2g -jar "$JAR" ${APP_ARGS:-} > target/bench/app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://localhost:$PORT/"; do
  kill -0 $app 2>/dev/null || { echo "The application stopped, see target/bench/app.log"; exit 1; }
  sleep 0.2
done
echo "first page served $(( ($(date +%s%N) - started) / 1000000 )) ms after start"

# The guide pages to visit: 2,000 items, taken from the API's browse order.
: > target/bench/codes.txt
for page in $(seq 1 20); do
  curl -sf "http://localhost:$PORT/api/v1/catalog/items?size=100&page=$page" \
    | grep -o '"code":"[0-9A-Z]*"' | cut -d'"' -f4 >> target/bench/codes.txt
done
echo "$(wc -l < target/bench/codes.txt) guide pages to visit"

# The realistic search mix: the 25 everyday queries first, then 4,975 item names as people copy them, most popular
# first (bench/search-mix.lua draws them with Zipf's law).
sed -n 's/^local queries = {\(.*\)/\1/p; /^  "/p' bench/search.lua | grep -o '"[^"]*"' | tr -d '"' > target/bench/queries.txt
for page in $(seq 1 60); do
  curl -sf "http://localhost:$PORT/api/v1/catalog/items?size=100&page=$page" | grep -o '"name":"[^"]*"' | cut -d'"' -f4
done | awk '!seen[$0]++' | { grep -vxFf target/bench/queries.txt || true; } > target/bench/names.txt
# shuf -n rather than | head: head closing the pipe early would fail the script under pipefail.
shuf -n $((5000 - $(wc -l < target/bench/queries.txt))) --random-source=<(yes) target/bench/names.txt \
  >> target/bench/queries.txt
echo "$(wc -l < target/bench/queries.txt) distinct queries in the realistic mix"

# Warm up the JIT on both paths before measuring.
wrk -t2 -c8 -d30s -s bench/search.lua "http://localhost:$PORT" > /dev/null
CODES=target/bench/codes.txt wrk -t2 -c8 -d30s -s bench/guide.lua "http://localhost:$PORT" > /dev/null

echo "== search API (/api/v1/catalog/items?q=…)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/search.lua "http://localhost:$PORT"
echo "== search API, realistic mix (5,000 distinct queries, Zipf)"
QUERIES=target/bench/queries.txt wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/search-mix.lua "http://localhost:$PORT"
echo "== guide page (/items/{code})"
CODES=target/bench/codes.txt wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/guide.lua "http://localhost:$PORT"
