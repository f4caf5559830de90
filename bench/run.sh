#!/usr/bin/env bash
# One benchmark run on this machine: the reference server, the Prism mock and a hello-world ceiling on the same
# runtime, measured with wrk on loopback; then scale (100 000 messages), cold start and the conformance suite's
# wall time. Writes BENCHMARKS.md at the repository root.
#
#   bash bench/run.sh            (DURATION=10 WARMUP=10 CONNECTIONS=32 THREADS=2 to change the wrk settings)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
BIG=${BIG:-100000}
STUB_JAR=server-stub/target/chatwoot-stub-server.jar
SUITE_JAR=contract-tests/target/chatwoot-conformance.jar
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

say() { printf '==> %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_http() { # URL: wait up to 60 s for any HTTP answer
  for _ in $(seq 1 600); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "no answer from $1" >&2; return 1
}
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

say "tools"
if ! command -v wrk >/dev/null || ! command -v ab >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk apache2-utils >/dev/null
fi
[ -x node_modules/.bin/prism ] || npm ci --no-audit --no-fund >/dev/null
if [ ! -f "$STUB_JAR" ] || [ ! -f "$SUITE_JAR" ]; then ./mvnw -B -q install -DskipTests; fi

# --- servers -------------------------------------------------------------------------------------------------
STUB_PORT=$(free_port)
say "reference server on $STUB_PORT (cold start timed)"
start_ns=$(date +%s%N)
java -jar "$STUB_JAR" --port "$STUB_PORT" --inbox bench --messages-per-minute 0 >"$WORK/stub.log" 2>&1 &
STUB_PID=$!; PIDS+=("$STUB_PID")
until curl -sf -o /dev/null "http://127.0.0.1:$STUB_PORT/public/api/v1/inboxes/bench"; do sleep 0.005; done
COLD_START_MS=$(( ($(date +%s%N) - start_ns) / 1000000 ))
STUB=http://127.0.0.1:$STUB_PORT

PRISM_PORT=$(free_port)
say "Prism mock on $PRISM_PORT"
node_modules/.bin/prism mock -h 127.0.0.1 -p "$PRISM_PORT" openapi.yaml >"$WORK/prism.log" 2>&1 &
PIDS+=($!)

CEIL_PORT=$(free_port)
say "ceiling (hello-world JSON on Jersey + Jetty) on $CEIL_PORT"
java -cp "$STUB_JAR" bench/Ceiling.java "$CEIL_PORT" >"$WORK/ceiling.log" 2>&1 &
PIDS+=($!)
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

cat >"$WORK/post.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"content":"benchmark message with a realistic length, about sixty characters"}'
EOF

# wrk URL [LUA] -> "req/s p50_ms p99_ms"
measure() {
  local url=$1 lua=${2:-} args=(-t"$THREADS" -c"$CONNECTIONS" --latency)
  [ -n "$lua" ] && args+=(-s "$lua")
  wrk "${args[@]}" -d"${WARMUP}s" "$url" >/dev/null
  wrk "${args[@]}" -d"${DURATION}s" "$url" >"$WORK/wrk.out"
  python3 - "$WORK/wrk.out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r'^\s*' + label + r'%\s+([\d.]+)(us|ms|s)\s*$', text, re.M)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == 'us' else v * 1000 if unit == 's' else v
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1))
errors = re.search(r'Non-2xx or 3xx responses: (\d+)', text)
if errors:
    sys.exit('unexpected non-2xx answers: ' + errors.group(1) + '\n' + text)
print(f"{rps:.0f} {ms('50'):.2f} {ms('99'):.2f}")
PY
}

say "contact get"
read -r STUB_GET STUB_GET_P50 STUB_GET_P99 < <(measure "$STUB$PATH_CONTACT")
read -r PRISM_GET PRISM_GET_P50 PRISM_GET_P99 < <(measure "http://127.0.0.1:$PRISM_PORT$PATH_CONTACT")
read -r CEIL_GET CEIL_GET_P50 CEIL_GET_P99 < <(measure "http://127.0.0.1:$CEIL_PORT/hello")
say "message list (100 messages)"
read -r STUB_LIST STUB_LIST_P50 STUB_LIST_P99 < <(measure "$STUB$PATH_LIST")
read -r PRISM_LIST PRISM_LIST_P50 PRISM_LIST_P99 < <(measure "http://127.0.0.1:$PRISM_PORT$PATH_LIST")
say "message create"
read -r STUB_POST STUB_POST_P50 STUB_POST_P99 < <(measure "$STUB$PATH_CREATE" "$WORK/post.lua")
read -r PRISM_POST PRISM_POST_P50 PRISM_POST_P99 < <(measure "http://127.0.0.1:$PRISM_PORT$PATH_CREATE" "$WORK/post.lua")

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
read -r SMALL_LIST SMALL_LIST_P50 SMALL_LIST_P99 < <(measure "$SCALE_CONV/$SCALE_SMALL/messages")
read -r BIG_LIST BIG_LIST_P50 BIG_LIST_P99 < <(measure "$SCALE_CONV/$SCALE_BIG/messages")

say "conformance suite wall time"
suite_time() { local s e; s=$(date +%s%N); "$@" >"$WORK/suite.out" 2>&1 || { cat "$WORK/suite.out"; exit 1; }; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
SUITE_LOCAL_MS=$(suite_time java -jar "$SUITE_JAR" --base-url "$STUB" --inbox bench --report-dir "$WORK/report1")
SUITE_LINE=$(tail -n 1 "$WORK/suite.out")
SUITE_INPROC_MS=$(suite_time java -jar "$SUITE_JAR" --report-dir "$WORK/report2")

ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
JAVA=$(java -version 2>&1 | head -n 1)
cat >BENCHMARKS.md <<EOF
# Benchmarks

One run of \`bash bench/run.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores ($CPU), $(free -g | awk '/Mem:/{print $2}') GiB,
$JAVA. Load from \`wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency\` on loopback after a ${WARMUP} s warm-up
of the same endpoint (a JIT-cold JVM measures several times slower); wrk shares the two cores with the server.

## Throughput and latency

| operation | reference server req/s | p50 / p99 ms | Prism mock req/s | p50 / p99 ms | stub / Prism |
|---|---:|---:|---:|---:|---:|
| contact get | $STUB_GET | $STUB_GET_P50 / $STUB_GET_P99 | $PRISM_GET | $PRISM_GET_P50 / $PRISM_GET_P99 | $(ratio "$STUB_GET" "$PRISM_GET") |
| message list (100 messages, page of 20) | $STUB_LIST | $STUB_LIST_P50 / $STUB_LIST_P99 | $PRISM_LIST | $PRISM_LIST_P50 / $PRISM_LIST_P99 | $(ratio "$STUB_LIST" "$PRISM_LIST") |
| message create | $STUB_POST | $STUB_POST_P50 / $STUB_POST_P99 | $PRISM_POST | $PRISM_POST_P50 / $PRISM_POST_P99 | $(ratio "$STUB_POST" "$PRISM_POST") |

Ceiling — a hello-world JSON resource of the same size on the same Jersey + Jetty runtime (\`bench/Ceiling.java\`):
$CEIL_GET req/s, p50 / p99 $CEIL_GET_P50 / $CEIL_GET_P99 ms. Contact get reaches **$(ratio "$STUB_GET*100" "$CEIL_GET") %** of it
(target ≥ 60 %); stub / Prism on contact get: **$(ratio "$STUB_GET" "$PRISM_GET")×** (target ≥ 10×).

## Scale

| messages in the conversation | list req/s | p50 / p99 ms |
|---:|---:|---:|
| 100 | $SMALL_LIST | $SMALL_LIST_P50 / $SMALL_LIST_P99 |
| $BIG | $BIG_LIST | $BIG_LIST_P50 / $BIG_LIST_P99 |

Measured on a fresh reference server. Loading the $BIG messages over HTTP (\`ab -k -n $BIG -c 8\`) ran at
$LOAD_RPS messages/s. Heap in use after a full GC with them stored: **$HEAP_MB MiB** (\`jcmd <pid> GC.heap_info\`).

## Start and suite

- Cold start of \`java -jar $STUB_JAR\` to its first 200 answer: **$COLD_START_MS ms** (target ≤ 1 s).
- Full conformance run against the running reference server, JVM start included: **$SUITE_LOCAL_MS ms**
  (\`java -jar $SUITE_JAR --base-url … --inbox bench\`; it printed \`$SUITE_LINE\`).
- Full conformance run with its own in-process reference server (the main job, \`java -jar $SUITE_JAR\`):
  **$SUITE_INPROC_MS ms** (target < 15 s).

Reproduce: \`bash bench/run.sh\` (installs wrk and apache2-utils from apt and the pinned Prism from npm if
missing, builds the jars if missing, and rewrites this file).
EOF
say "wrote BENCHMARKS.md"
cat BENCHMARKS.md
