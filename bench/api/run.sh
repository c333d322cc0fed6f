#!/usr/bin/env bash
# The API load benchmark: our server against PostGraphile 4 (one process, and two cluster workers)
# and the raw SQL through pgbench, on one generated PostgreSQL, in alternating rounds.
#
#   bench/api/run.sh           fill the database if it is empty, then run the benchmark
#   bench/api/run.sh fill      only fill the database
#   bench/api/run.sh db        only start the database (until Ctrl-C), e.g. to look at it with psql
#
# Settings (environment): ARTICLES (1000000), SOURCES (5000), DURATION seconds per run (20),
# WARMUP seconds per system and query (20), ROUNDS (2), CONNECTIONS (16), QUERIES, SYSTEMS,
# BENCH_WORK (bench/api/work: database, logs, results), OURS_JAVA_OPTS (a 160 MB heap, serial
# GC, capped code cache, metaspace and direct memory), ports PG_PORT (18510), OURS_PORT (18520),
# PEER_PORT (18530), PEER2_PORT (18531).
# Needs: a JDK 17+, wrk, pgbench and psql (postgresql-client), jq, curl, Node.js 18+ with npm.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${BENCH_WORK:-$here/work}
ARTICLES=${ARTICLES:-1000000}
SOURCES=${SOURCES:-5000}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-20}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-16}
QUERIES=${QUERIES:-latest source-page by-id search count}
SYSTEMS=${SYSTEMS:-ours peer peer2 sql}
PG_PORT=${PG_PORT:-18510}
OURS_PORT=${OURS_PORT:-18520}
PEER_PORT=${PEER_PORT:-18530}
PEER2_PORT=${PEER2_PORT:-18531}
OURS_JAVA_OPTS=${OURS_JAVA_OPTS:--Xmx160m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xss512k -XX:MaxDirectMemorySize=64m}
# The source whose page 3 and article count are asked for (about 1,200 articles at 1M), and the
# common search term (in about two thirds of the articles).
SOURCE_ID=${SOURCE_ID:-100}
SLUG=$(printf 'source-%04d.example' "$SOURCE_ID")
TERM_=${TERM_:-government}

mode=${1:-all}
mkdir -p "$work"
bench_jar="$root/bench/target/benchmarks.jar"
api_jar="$root/api/target/quarkus-app/quarkus-run.jar"
psql_=(psql -X -q -t -A -h 127.0.0.1 -p "$PG_PORT" -U postgres -d newsdesk)
pids=()

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[$i]}" 2>/dev/null || true
    wait "${pids[$i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null || { echo "run.sh: '$1' is needed ($2)" >&2; exit 1; }; }
need java "a JDK 17 or newer"
need psql "apt-get install postgresql-client"
if [ "$mode" = all ]; then
  need wrk "apt-get install wrk"
  need pgbench "apt-get install postgresql-client"
  need jq "apt-get install jq"
  need curl "apt-get install curl"
  need npm "apt-get install nodejs npm"
fi

if [ ! -f "$bench_jar" ] || [ ! -f "$api_jar" ]; then
  log "building the server and the benchmark jar"
  (cd "$root" && ./mvnw -B -q -pl api,bench -am package -DskipTests)
fi
# A copy, so that a build during a long run does not pull the jar away from under it.
cp "$bench_jar" "$work/bench.jar"
bench_jar="$work/bench.jar"

# --- the database -------------------------------------------------------------------------------
start_db() {
  if "${psql_[@]}" -c 'SELECT 1' >/dev/null 2>&1; then
    log "database already running on $PG_PORT"
    return
  fi
  java -cp "$bench_jar" org.newsdesk.bench.api.BenchDatabase "$work/pg" "$PG_PORT" \
    >"$work/db.log" 2>&1 &
  pids+=($!)
  db_pid=$!
  for _ in $(seq 1 120); do
    if grep -q 'bench database ready' "$work/db.log"; then return; fi
    kill -0 "$db_pid" 2>/dev/null || { cat "$work/db.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "run.sh: the database did not start (see $work/db.log)" >&2
  exit 1
}

start_db
if [ "$mode" = db ]; then
  log "database on jdbc:postgresql://127.0.0.1:$PG_PORT/newsdesk (user postgres); Ctrl-C stops it"
  wait
  exit 0
fi

count=0
if [ "$("${psql_[@]}" -c "SELECT to_regclass('article') IS NOT NULL")" = t ]; then
  count=$("${psql_[@]}" -c 'SELECT count(*) FROM article')
fi
if [ "$count" = 0 ]; then
  log "filling $ARTICLES articles from $SOURCES sources"
  java -cp "$bench_jar" org.newsdesk.bench.api.ArticleFill \
    --jdbc-url "jdbc:postgresql://127.0.0.1:$PG_PORT/newsdesk" \
    --articles "$ARTICLES" --sources "$SOURCES" | tee "$work/fill.log"
  count=$ARTICLES
else
  log "database holds $count articles (delete $work/pg to generate it again)"
fi
[ "$mode" = fill ] && exit 0
max_id=$("${psql_[@]}" -c 'SELECT max(id) FROM article')
"${psql_[@]}" -f "$here/peer.sql"

# --- the servers --------------------------------------------------------------------------------
if [ ! -x "$here/.node/node_modules/.bin/postgraphile" ]; then
  log "installing PostGraphile 4 into $here/.node"
  npm install --prefix "$here/.node" --no-audit --no-fund --loglevel=error postgraphile@4
fi

wait_http() { # url, body, pid, log: waits until the server answers a query
  for _ in $(seq 1 600); do
    if curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$2" "$1"; then return; fi
    kill -0 "$3" 2>/dev/null || { tail -50 "$4" >&2; exit 1; }
    sleep 0.05
  done
  echo "run.sh: $1 did not answer (see $4)" >&2
  exit 1
}

probe='{"query":"{ __typename }"}'
t_start=$(date +%s.%N)
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/newsdesk" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$OURS_PORT" \
  NEWSDESK_SAMPLES_ENABLED=false NEWSDESK_IMPORTER_ENABLED=false \
  NEWSDESK_DATA_DIR="$work/server-data" \
  java $OURS_JAVA_OPTS -jar "$api_jar" >"$work/ours.log" 2>&1 &
pids+=($!)
ours_pid=$!
wait_http "http://127.0.0.1:$OURS_PORT/graphql" "$probe" "$ours_pid" "$work/ours.log"
first_response=$(awk -v a="$t_start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}')
log "our server answers after ${first_response}s (pid $ours_pid)"

start_peer() { # port, extra args...; sets started_pid
  local port=$1
  shift
  NODE_ENV=production "$here/.node/node_modules/.bin/postgraphile" \
    -c "postgres://postgres@127.0.0.1:$PG_PORT/newsdesk" --schema public \
    --host 127.0.0.1 --port "$port" --disable-query-log --disable-graphiql "$@" \
    >"$work/peer-$port.log" 2>&1 &
  pids+=($!)
  started_pid=$!
  wait_http "http://127.0.0.1:$port/graphql" "$probe" "$started_pid" "$work/peer-$port.log"
}
start_peer "$PEER_PORT"
peer_pid=$started_pid
start_peer "$PEER2_PORT" --cluster-workers 2
peer2_pid=$started_pid
log "PostGraphile $(jq -r .version "$here/.node/node_modules/postgraphile/package.json") answers (pids $peer_pid, $peer2_pid)"

# --- the requests -------------------------------------------------------------------------------
bodies="$work/bodies"
mkdir -p "$bodies"
body() { # document file, variables JSON
  jq -c -n --rawfile q "$1" --argjson v "$2" '{query: $q, variables: $v}'
}
post() { # url, body file: the answer (three tries: a server that just started may be warming up)
  local i
  for i in 1 2 3; do
    curl -sf -m 30 -H 'Content-Type: application/json' --data-binary @"$2" "$1" && return
    sleep 1
  done
  echo "run.sh: $1 failed on $(cat "$2")" >&2
  return 1
}

ours_url="http://127.0.0.1:$OURS_PORT/graphql"
peer_url="http://127.0.0.1:$PEER_PORT/graphql"
q="$here/queries"
# Page 3 of the source starts after page 2's end cursor, asked of each system in its own format.
body "$q/source-page.ours.graphql" "{\"slug\":\"$SLUG\"}" >"$bodies/tmp.json"
c1=$(post "$ours_url" "$bodies/tmp.json" | jq -r .data.source.articles.pageInfo.endCursor)
body "$q/source-page.ours.graphql" "{\"slug\":\"$SLUG\",\"after\":\"$c1\"}" >"$bodies/tmp.json"
ours_cursor=$(post "$ours_url" "$bodies/tmp.json" | jq -r .data.source.articles.pageInfo.endCursor)
body "$q/source-page.peer.graphql" "{\"slug\":\"$SLUG\"}" >"$bodies/tmp.json"
c1=$(post "$peer_url" "$bodies/tmp.json" | jq -r .data.sourceBySlug.articlesBySourceId.pageInfo.endCursor)
body "$q/source-page.peer.graphql" "{\"slug\":\"$SLUG\",\"after\":\"$c1\"}" >"$bodies/tmp.json"
peer_cursor=$(post "$peer_url" "$bodies/tmp.json" | jq -r .data.sourceBySlug.articlesBySourceId.pageInfo.endCursor)
IFS='|' read -r cursor_at cursor_id < <("${psql_[@]}" -c "SELECT sort_at, id FROM article WHERE source_id = $SOURCE_ID ORDER BY sort_at DESC, id DESC OFFSET 39 LIMIT 1") || true
if [ -z "${cursor_id:-}" ]; then
  echo "run.sh: source $SOURCE_ID has fewer than 60 articles; choose another with SOURCE_ID" >&2
  exit 1
fi

body "$q/latest.ours.graphql" '{}' >"$bodies/latest.ours.json"
body "$q/latest.peer.graphql" '{}' >"$bodies/latest.peer.json"
body "$q/source-page.ours.graphql" "{\"slug\":\"$SLUG\",\"after\":\"$ours_cursor\"}" >"$bodies/source-page.ours.json"
body "$q/source-page.peer.graphql" "{\"slug\":\"$SLUG\",\"after\":\"$peer_cursor\"}" >"$bodies/source-page.peer.json"
body "$q/by-id.ours.graphql" '{"id":"__ID__"}' >"$bodies/by-id.ours.json"
body "$q/by-id.peer.graphql" '{"id":"__ID__"}' >"$bodies/by-id.peer.json"
body "$q/search.ours.graphql" "{\"term\":\"$TERM_\"}" >"$bodies/search.ours.json"
body "$q/search.peer.graphql" "{\"term\":\"$TERM_\"}" >"$bodies/search.peer.json"
body "$q/count.ours.graphql" "{\"slug\":\"$SLUG\"}" >"$bodies/count.ours.json"
body "$q/count.peer.graphql" "{\"sourceId\":\"$SOURCE_ID\"}" >"$bodies/count.peer.json"
for f in latest source-page by-id search count; do
  sed -e "s/__SLUG__/$SLUG/g" -e "s/__SOURCE_ID__/$SOURCE_ID/g" -e "s/__CURSOR_AT__/$cursor_at/g" \
    -e "s/__CURSOR_ID__/$cursor_id/g" -e "s/__MAX_ID__/$max_id/g" -e "s/__TERM__/$TERM_/g" \
    "$q/$f.sql" >"$bodies/$f.sql"
done

# Every request once: it must answer data without errors; the sizes show the answers match.
for f in latest source-page by-id search count; do
  for side in ours peer; do
    url=$([ $side = ours ] && echo "$ours_url" || echo "$peer_url")
    sed 's/__ID__/12345/' "$bodies/$f.$side.json" >"$bodies/tmp.json"
    answer=$(post "$url" "$bodies/tmp.json") || { echo "run.sh: $f failed on $side" >&2; exit 1; }
    if ! echo "$answer" | jq -e '(has("errors") | not) and (.data | to_entries | all(.value != null))' >/dev/null; then
      echo "run.sh: $f on $side answered errors: $answer" >&2
      exit 1
    fi
    log "$f on $side: $(echo -n "$answer" | wc -c) bytes"
  done
  "${psql_[@]}" -f "$bodies/$f.sql" >/dev/null
done

# --- measuring ----------------------------------------------------------------------------------
usage() { # pids...: "cpu_ticks rss_kb" of each process with its descendants, from /proc (one awk)
  awk -v roots="$*" '
    FNR == 1 {
      pid = FILENAME; sub(/^\/proc\//, "", pid); sub(/\/stat$/, "", pid)
      line = $0; sub(/^.*\) /, "", line); split(line, f, " ")
      parent[pid] = f[2]; cpu[pid] = f[12] + f[13]; rss[pid] = f[22] * 4
    }
    END {
      n = split(roots, r, " ")
      for (p in parent) {
        for (q = p; q != "" && q != 0; q = parent[q]) {
          for (i = 1; i <= n; i++) if (q == r[i]) { c[i] += cpu[p]; m[i] += rss[p] }
          if (!(q in parent)) break
        }
      }
      for (i = 1; i <= n; i++) printf "%d %d ", c[i], m[i]
      print ""
    }' /proc/[0-9]*/stat 2>/dev/null
}
rss_kb() { usage "$1" | awk '{print $2}'; }
postmaster=$(head -1 "$work/pg/postmaster.pid")
hz=$(getconf CLK_TCK)

sample() { # app pid (or 0), output file: "time app_ticks app_rss_kb db_ticks" every second
  while true; do
    echo "$(date +%s.%N) $(usage "$1" "$postmaster" | awk '{print $1, $2, $3}')"
    sleep 1
  done >"$2"
}

run_one() { # system, query, seconds -> "rps p50 p95 p99 requests bad app_cores rss_mb db_cores"
  local system=$1 query=$2 seconds=$3 pid url out samples
  out="$work/run.out"
  samples="$work/run.samples"
  case $system in
    ours) pid=$ours_pid url=$ours_url body="$bodies/$query.ours.json" ;;
    peer) pid=$peer_pid url=$peer_url body="$bodies/$query.peer.json" ;;
    peer2) pid=$peer2_pid url="http://127.0.0.1:$PEER2_PORT/graphql" body="$bodies/$query.peer.json" ;;
    sql) pid=0 ;;
  esac
  sample "$pid" "$samples" &
  local sampler=$!
  if [ "$system" = sql ]; then
    rm -f "$work"/pgb.*
    (cd "$work" && pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -c "$CONNECTIONS" -j 2 \
      -T "$seconds" -M prepared -f "$bodies/$query.sql" -l --log-prefix=pgb newsdesk) >"$out" 2>&1
  else
    BENCH_BODY="$body" BENCH_MAX_ID="$max_id" wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" \
      --timeout 10s -s "$here/graphql.lua" "$url" >"$out" 2>&1
  fi
  kill "$sampler"
  wait "$sampler" 2>/dev/null || true
  local usage
  usage=$(awk -v hz="$hz" 'NR == 2 {t0 = $1; a0 = $2; d0 = $4} {t = $1; a = $2; d = $4; if ($3 > rss) rss = $3}
    END {dt = t - t0; if (dt <= 0) dt = 1; printf "%.2f %.0f %.2f", (a - a0) / hz / dt, rss / 1024, (d - d0) / hz / dt}' "$samples")
  if [ "$system" = sql ]; then
    local tps
    tps=$(awk '/^tps =/ {print $3; exit}' "$out")
    cat "$work"/pgb.* | awk '{print $3}' | sort -n | awk -v tps="$tps" -v u="$usage" \
      '{v[NR] = $1} END {printf "%.1f %d %d %d %d 0 %s\n", tps, v[int(NR*0.50)], v[int(NR*0.95)], v[int(NR*0.99)], NR, u}'
  else
    grep '^RESULT' "$out" | sed 's/[a-z_0-9]*=//g; s/^RESULT //' |
      awk -v u="$usage" '{print $1, $2, $3, $4, $5, $6 + $7, u}'
  fi
}

results="$work/results.tsv"
{
  echo "# $(date -u +%FT%TZ) articles=$count connections=$CONNECTIONS duration=${DURATION}s rounds=$ROUNDS warmup=${WARMUP}s cores=$(nproc) loadavg=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ,) first_response_s=$first_response"
  printf 'round\tquery\tsystem\trps\tp50_us\tp95_us\tp99_us\trequests\tbad\tapp_cores\tapp_rss_mb\tdb_cores\n'
} >"$results"

if [ "$WARMUP" -gt 0 ]; then
  log "warming up ${WARMUP}s per system and query"
  for query in $QUERIES; do
    for system in $SYSTEMS; do
      run_one "$system" "$query" "$WARMUP" >/dev/null
    done
  done
fi
order=($SYSTEMS)
for round in $(seq 1 "$ROUNDS"); do
  for query in $QUERIES; do
    for system in "${order[@]}"; do
      line=$(run_one "$system" "$query" "$DURATION")
      log "round $round $query $system: $line"
      printf '%s\t%s\t%s\t%s\n' "$round" "$query" "$system" "$(echo "$line" | tr ' ' '\t')" >>"$results"
    done
  done
  # Next round in the opposite order, so that drifts of the shared machine hit every system alike.
  order=($(printf '%s\n' "${order[@]}" | tac))
done
echo "# after: loadavg=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ,) ours_rss_mb=$(($(rss_kb "$ours_pid") / 1024))" >>"$results"
java -cp "$bench_jar" org.newsdesk.bench.api.BenchReport "$results" | tee "$work/report.md"
