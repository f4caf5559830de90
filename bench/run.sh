#!/usr/bin/env bash
# One benchmark run on this machine: the reference server, the Prism mock and a hello-world ceiling on the same
# runtime, measured with wrk on loopback; cold start (plain, and with a class-data archive); profiles of the start
# and of contact get under load; scale (100 000 messages); the conformance suite's wall time.
# Writes BENCHMARKS.md at the repository root.
#
#   bash bench/run.sh
#
# Settings (environment): DURATION=10 ROUNDS=5 (measured rounds per server, the median is reported), WARMUP_MIN=15
# WARMUP_MAX=60 (warm-up in 5 s windows until the rate stops rising), CONNECTIONS=32 THREADS=2, COLD_RUNS=5, BIG=100000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-5}
WARMUP_MIN=${WARMUP_MIN:-15}
WARMUP_MAX=${WARMUP_MAX:-60}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
COLD_RUNS=${COLD_RUNS:-5}
BIG=${BIG:-100000}
ASYNC_PROFILER=tools.profiler:async-profiler:4.0
STUB_JAR=server-stub/target/chatwoot-stub-server.jar
SUITE_JAR=contract-tests/target/chatwoot-conformance.jar
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

say() { printf '==> %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
# URL [STATUS]: wait up to 60 s for an answer (with STATUS: that status). One process polling every 5 ms, so that
# the wait itself takes next to no CPU from the server it waits for.
wait_http() {
  python3 - "$1" "${2:-0}" <<'PY'
import http.client, sys, time, urllib.parse
url, want, deadline = urllib.parse.urlsplit(sys.argv[1]), int(sys.argv[2]), time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        connection.request('GET', url.path)
        status = connection.getresponse().status
        connection.close()
    except OSError:
        status = None
    if status is not None and (want == 0 or status == want):
        sys.exit(0)
    time.sleep(0.005)
sys.exit('no answer from ' + sys.argv[1])
PY
}
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
median_of() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)], v[1], v[NR]}'; } # -> median min max

say "tools"
if ! command -v wrk >/dev/null || ! command -v ab >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk apache2-utils >/dev/null
fi
[ -x node_modules/.bin/prism ] || npm ci --no-audit --no-fund >/dev/null
if [ ! -f "$STUB_JAR" ] || [ ! -f "$SUITE_JAR" ]; then ./mvnw -B -q install -DskipTests; fi
./mvnw -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy -Dartifact="$ASYNC_PROFILER" \
  -DoutputDirectory="$WORK/profiler"
unzip -q -o "$WORK"/profiler/async-profiler-*.jar "linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')/*" \
  -d "$WORK/profiler"
PROFILER=$(echo "$WORK"/profiler/linux-*/libasyncProfiler.so)
# PID OPTIONS: start or stop the profiler in a running JVM
profiler() { java bench/Attach.java "$1" "$PROFILER" "$2"; }

# --- cold start ----------------------------------------------------------------------------------------------
# [JAVA OPTIONS...]: ms from launching the jar to its first 200 answer
cold_start() {
  local port start pid ms
  port=$(free_port)
  start=$(date +%s%N)
  java "$@" -jar "$STUB_JAR" --port "$port" --inbox bench >"$WORK/cold.log" 2>&1 &
  pid=$!
  wait_http "http://127.0.0.1:$port/public/api/v1/inboxes/bench" 200
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms"
}
say "cold start, $COLD_RUNS runs"
read -r COLD COLD_MIN COLD_MAX < <(for _ in $(seq "$COLD_RUNS"); do cold_start; done | median_of)

say "cold start with a class-data archive (AppCDS), $COLD_RUNS runs after one training run"
CDS=$WORK/chatwoot-stub-server.jsa
port=$(free_port)
java -XX:ArchiveClassesAtExit="$CDS" -jar "$STUB_JAR" --port "$port" --inbox bench >"$WORK/cds.log" 2>&1 &
pid=$!
wait_http "http://127.0.0.1:$port/public/api/v1/inboxes/bench" 200
curl -sf -o /dev/null -X POST "http://127.0.0.1:$port/public/api/v1/inboxes/bench/contacts" \
  -H 'Content-Type: application/json' -d '{"name":"Training"}'
kill "$pid"; wait "$pid" 2>/dev/null || true # the archive is written as the JVM exits
read -r CDS_COLD CDS_COLD_MIN CDS_COLD_MAX < <(for _ in $(seq "$COLD_RUNS"); do cold_start -XX:SharedArchiveFile="$CDS"; done | median_of)

say "profile of one start"
cold_start -agentpath:"$PROFILER"=start,event=cpu,interval=1ms,threads,file="$WORK/start.collapsed",collapsed >/dev/null
PROFILE_START=$(python3 bench/hotspots.py start "$WORK/start.collapsed")

# --- servers -------------------------------------------------------------------------------------------------
STUB_PORT=$(free_port)
say "reference server on $STUB_PORT"
java -jar "$STUB_JAR" --port "$STUB_PORT" --inbox bench --messages-per-minute 0 >"$WORK/stub.log" 2>&1 &
STUB_PID=$!; PIDS+=("$STUB_PID")
STUB=http://127.0.0.1:$STUB_PORT

PRISM_PORT=$(free_port)
say "Prism mock on $PRISM_PORT"
node_modules/.bin/prism mock -h 127.0.0.1 -p "$PRISM_PORT" openapi.yaml >"$WORK/prism.log" 2>&1 &
PIDS+=($!)

CEIL_PORT=$(free_port)
say "ceiling (hello-world JSON on Jersey + Jetty) on $CEIL_PORT"
java -cp "$STUB_JAR" bench/Ceiling.java "$CEIL_PORT" >"$WORK/ceiling.log" 2>&1 &
CEIL_PID=$!; PIDS+=("$CEIL_PID")
wait_http "$STUB/public/api/v1/inboxes/bench"
wait_http "http://127.0.0.1:$PRISM_PORT/public/api/v1/inboxes/bench"
wait_http "http://127.0.0.1:$CEIL_PORT/hello"

# --- data ----------------------------------------------------------------------------------------------------
say "seeding: a contact, a conversation with 100 messages, one to write into"
API=$STUB/public/api/v1/inboxes/bench
SOURCE_ID=$(curl -sf -X POST "$API/contacts" -H 'Content-Type: application/json' -d '{"name":"Bench"}' | json "['source_id']")
CONV=$API/contacts/$SOURCE_ID/conversations
SMALL_ID=$(curl -sf -X POST "$CONV" | json "['id']")
WRITE_ID=$(curl -sf -X POST "$CONV" | json "['id']")
printf '{"content":"benchmark message with a realistic length, about sixty characters"}' >"$WORK/message.json"
ab -q -k -n 100 -c 1 -p "$WORK/message.json" -T application/json "$CONV/$SMALL_ID/messages" >/dev/null
PATH_CONTACT=/public/api/v1/inboxes/bench/contacts/$SOURCE_ID
PATH_LIST=$PATH_CONTACT/conversations/$SMALL_ID/messages
PATH_CREATE=$PATH_CONTACT/conversations/$WRITE_ID/messages

cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$(cat "$WORK/message.json")'
LUA

# --- throughput ----------------------------------------------------------------------------------------------
# URL [LUA] [SECONDS]: one wrk run -> "req/s p50_ms p99_ms"
wrk_run() {
  local args=(-t"$THREADS" -c"$CONNECTIONS" --latency -d"${3:-$DURATION}s")
  [ -n "${2:-}" ] && args+=(-s "$2")
  wrk "${args[@]}" "$1" | python3 bench/rounds.py parse
}
# URL [LUA] -> seconds of warm-up: 5 s windows until the rate rises by less than 3 % (at least WARMUP_MIN s, at most
# WARMUP_MAX s), since a JIT-cold JVM measures several times slower
warm_up() {
  local warm=0 previous=0 rate
  while :; do
    read -r rate _ < <(wrk_run "$1" "${2:-}" 5)
    warm=$((warm + 5))
    if [ "$warm" -ge "$WARMUP_MAX" ] || { [ "$warm" -ge "$WARMUP_MIN" ] && [ "$rate" -lt $((previous * 103 / 100)) ]; }; then
      break
    fi
    previous=$rate
  done
  echo "$warm"
}
# LUA NAME=URL...: warm every server up, then ROUNDS rounds in which each is measured in turn, so that the servers
# compared share the machine's ups and downs (loopback on a shared machine drifts by tens of percent over minutes);
# the rounds go to $WORK/NAME.rounds and the warm-up to $WORK/NAME.warm
compare() {
  local lua=$1 target
  shift
  for target in "$@"; do warm_up "${target#*=}" "$lua" >"$WORK/${target%%=*}.warm"; done
  for _ in $(seq "$ROUNDS"); do
    for target in "$@"; do wrk_run "${target#*=}" "$lua" >>"$WORK/${target%%=*}.rounds"; done
  done
}
# NAME LABEL -> a table row
row() {
  local rate p50 p99 low high
  read -r rate p50 p99 low high < <(python3 bench/rounds.py summary "$WORK/$1.rounds")
  echo "| $2 | $rate ($low–$high) | $p50 / $p99 | $(cat "$WORK/$1.warm") |"
}
ratio() { python3 bench/rounds.py ratio "$WORK/$1.rounds" "$WORK/$2.rounds" "${3:-1}"; }

say "contact get"
compare "" stub-get="$STUB$PATH_CONTACT" prism-get="http://127.0.0.1:$PRISM_PORT$PATH_CONTACT" \
  ceiling="http://127.0.0.1:$CEIL_PORT/hello"
say "message list (100 messages)"
compare "" stub-list="$STUB$PATH_LIST" prism-list="http://127.0.0.1:$PRISM_PORT$PATH_LIST"
say "message create"
compare "$WORK/post.lua" stub-create="$STUB$PATH_CREATE" prism-create="http://127.0.0.1:$PRISM_PORT$PATH_CREATE"

say "profiles of contact get and of the ceiling, warm, under the same load"
# PID URL NAME -> hotspot rows of a CPU profile over DURATION s of load
profile_load() {
  profiler "$1" start,event=cpu,interval=1ms,threads
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" "$2" >/dev/null
  profiler "$1" stop,file="$WORK/$3.collapsed",collapsed
  python3 bench/hotspots.py load "$WORK/$3.collapsed"
}
PROFILE_GET=$(profile_load "$STUB_PID" "$STUB$PATH_CONTACT" get)
PROFILE_CEIL=$(profile_load "$CEIL_PID" "http://127.0.0.1:$CEIL_PORT/hello" ceiling)

say "scale: a fresh reference server, $BIG messages in one conversation and 100 in another"
SCALE_PORT=$(free_port)
java -jar "$STUB_JAR" --port "$SCALE_PORT" --inbox bench --messages-per-minute 0 >"$WORK/scale.log" 2>&1 &
SCALE_PID=$!; PIDS+=("$SCALE_PID")
wait_http "http://127.0.0.1:$SCALE_PORT/public/api/v1/inboxes/bench"
SCALE=http://127.0.0.1:$SCALE_PORT
SCALE_API=$SCALE/public/api/v1/inboxes/bench
SCALE_SOURCE_ID=$(curl -sf -X POST "$SCALE_API/contacts" | json "['source_id']")
SCALE_CONV=$SCALE_API/contacts/$SCALE_SOURCE_ID/conversations
SCALE_SMALL=$(curl -sf -X POST "$SCALE_CONV" | json "['id']")
SCALE_BIG=$(curl -sf -X POST "$SCALE_CONV" | json "['id']")
ab -q -k -n 100 -c 1 -p "$WORK/message.json" -T application/json "$SCALE_CONV/$SCALE_SMALL/messages" >/dev/null
ab -q -k -n "$BIG" -c 8 -p "$WORK/message.json" -T application/json "$SCALE_CONV/$SCALE_BIG/messages" >"$WORK/ab.out"
if grep -q "^Non-2xx responses" "$WORK/ab.out"; then cat "$WORK/ab.out"; exit 1; fi
LOAD_RPS=$(awk '/^Requests per second/{printf "%.0f", $4}' "$WORK/ab.out")
jcmd "$SCALE_PID" GC.run >/dev/null
HEAP_MB=$(jcmd "$SCALE_PID" GC.heap_info | python3 -c "
import re, sys
t = sys.stdin.read()
m = re.search(r'used (\d+)K', t)
print(round(int(m.group(1)) / 1024))")
compare "" scale-small="$SCALE_CONV/$SCALE_SMALL/messages" scale-big="$SCALE_CONV/$SCALE_BIG/messages"

say "conformance suite wall time, 3 runs each"
# COMMAND... -> ms of one run (it must pass)
suite_time() {
  local s e
  s=$(date +%s%N)
  "$@" >"$WORK/suite.out" 2>&1 || { cat "$WORK/suite.out"; exit 1; }
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}
read -r SUITE_LOCAL SUITE_LOCAL_MIN SUITE_LOCAL_MAX < <(for i in 1 2 3; do
  suite_time java -jar "$SUITE_JAR" --base-url "$STUB" --inbox bench --report-dir "$WORK/report-local-$i"; done | median_of)
SUITE_LINE=$(tail -n 1 "$WORK/suite.out")
read -r SUITE_INPROC SUITE_INPROC_MIN SUITE_INPROC_MAX < <(for i in 1 2 3; do
  suite_time java -jar "$SUITE_JAR" --report-dir "$WORK/report-inproc-$i"; done | median_of)

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
JAVA=$(java -version 2>&1 | head -n 1)
cat >BENCHMARKS.md <<EOF
# Benchmarks

One run of \`bash bench/run.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores ($CPU), $(free -g | awk '/Mem:/{print $2}') GiB,
$JAVA. Every figure below comes from that run; the script rewrites this file.

Load is \`wrk -t$THREADS -c$CONNECTIONS --latency\` on loopback; wrk shares the two cores with the server. Every server
is first warmed up on the operation in 5 s windows until its rate rises by less than 3 % (at least $WARMUP_MIN s, at
most $WARMUP_MAX s: the reference server's JIT needs about 30 s of this load to settle, and a cold JVM measures several
times slower). Then come $ROUNDS rounds; in each round every server compared on the operation gets $DURATION s in
turn, so that they share the machine's drift (on this shared machine a server's rate moves by tens of percent over
minutes). A row gives the round with the median rate and the range of all rounds; a ratio is the median of the
ratios within each round.

## Throughput and latency

| operation, server | req/s (range) | p50 / p99 ms | warm-up s |
|---|---:|---:|---:|
$(row stub-get "contact get, reference server")
$(row prism-get "contact get, Prism mock")
$(row ceiling "contact get, ceiling")
$(row stub-list "message list (100 messages, page of 20), reference server")
$(row prism-list "message list, Prism mock")
$(row stub-create "message create, reference server")
$(row prism-create "message create, Prism mock")

The ceiling is a hello-world JSON resource answering a body of the contact's size on the same Jersey + Jetty runtime
(\`bench/Ceiling.java\`, run from the stub's own jar).

| ratio | contact get | message list | message create | target |
|---|---:|---:|---:|---|
| reference server / Prism | **$(ratio stub-get prism-get)×** | $(ratio stub-list prism-list)× | $(ratio stub-create prism-create)× | ≥ 10× on contact get |
| reference server / ceiling | **$(ratio stub-get ceiling 100) %** | | | ≥ 60 % on contact get |

Where the CPU goes under the contact-get load, for the reference server and for the ceiling: async-profiler
($ASYNC_PROFILER, CPU samples every 1 ms over $DURATION s of the same load, \`bench/hotspots.py load\`). The servers'
threads only; wrk's own CPU is not in it.

| reference server, contact get | share | samples |
|---|---:|---:|
$PROFILE_GET

| ceiling | share | samples |
|---|---:|---:|
$PROFILE_CEIL

## Scale

| messages in the conversation | list req/s (range) | p50 / p99 ms | warm-up s |
|---:|---:|---:|---:|
$(row scale-small 100)
$(row scale-big "$BIG")

Measured on a fresh reference server. Loading the $BIG messages over HTTP (\`ab -k -n $BIG -c 8\`) ran at
$LOAD_RPS messages/s. Heap in use after a full GC with them stored: **$HEAP_MB MiB** (\`jcmd <pid> GC.heap_info\`).

## Start

Time from launching the jar to its first 200 answer (\`GET /public/api/v1/inboxes/bench\`), polled every 5 ms by one
process; median of $COLD_RUNS starts, with the range. Target: ≤ 1 s.

| command | first 200 after |
|---|---:|
| \`java -jar $STUB_JAR\` | **$COLD ms** ($COLD_MIN–$COLD_MAX) |
| \`java -XX:SharedArchiveFile=chatwoot-stub-server.jsa -jar $STUB_JAR\` | **$CDS_COLD ms** ($CDS_COLD_MIN–$CDS_COLD_MAX) |

The archive of the second row is the JVM's class-data sharing (AppCDS), made once by a training run
(\`java -XX:ArchiveClassesAtExit=chatwoot-stub-server.jsa -jar $STUB_JAR\`, one request, then stopped); see
server-stub/README.md. Where the CPU of one plain start goes (async-profiler, \`bench/hotspots.py start\`, whole
process, from JVM start to the first answer; the profiler slows the start down, so read shares, not times):

| part of the start | share | samples |
|---|---:|---:|
$PROFILE_START

## Conformance suite

- Against the running reference server, JVM start included: **$SUITE_LOCAL ms** ($SUITE_LOCAL_MIN–$SUITE_LOCAL_MAX,
  3 runs; \`java -jar $SUITE_JAR --base-url … --inbox bench\`, which printed \`$SUITE_LINE\`).
- With its own in-process reference server (the main job, \`java -jar $SUITE_JAR\`): **$SUITE_INPROC ms**
  ($SUITE_INPROC_MIN–$SUITE_INPROC_MAX, 3 runs). Target: < 15 s.

Reproduce: \`bash bench/run.sh\` on an otherwise idle machine (about 20 minutes). It installs wrk and apache2-utils
from apt and the pinned Prism from npm if missing, builds the jars if missing, fetches async-profiler from Maven
Central, and rewrites this file.
EOF
say "wrote BENCHMARKS.md"
cat BENCHMARKS.md
