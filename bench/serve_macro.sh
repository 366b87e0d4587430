#!/usr/bin/env bash
# Macro benchmark of `neardup serve` on loopback: builds an index of N
# generated documents through POST /v1/ingest (JSONL batches of 1,000, two
# clients), then drives POST /v1/query with wrk (bench/serve_query.lua) and
# reports requests/s and latency percentiles; then the same for single-
# article ingests, with and without group commit.
#
#   bench/serve_macro.sh [N]        default N: 100000
#
# Environment: BUILD_DIR (default build), WORK (default /tmp/neardup-serve),
# THREADS (server HTTP threads, default 64), CONNECTIONS (wrk, default 64),
# DURATION (wrk seconds, default 30), QUERIES (distinct query texts, 1000).
# Needs wrk, curl, python3 and GNU time.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build}
work=${WORK:-/tmp/neardup-serve}
n=${1:-100000}
threads=${THREADS:-64}
connections=${CONNECTIONS:-64}
duration=${DURATION:-30}
queries=${QUERIES:-1000}
neardup=$build/cli/neardup

cmake --build "$build" --target neardup gen_corpus >/dev/null
mkdir -p "$work"
echo "git $(git -C "$root" rev-parse --short HEAD), $(nproc) cores," \
  "server threads=$threads, wrk -t2 -c$connections -d${duration}s"

corpus=$work/corpus_$n.jsonl
if [[ ! -s $corpus ]]; then
  "$build/datasets/generator/gen_corpus" -n "$n" --seed 1 -o "$corpus"
fi
# Query texts: JSON string literals of the first QUERIES articles.
texts=$work/texts_$queries.txt
head -n "$queries" "$corpus" |
  python3 -c 'import sys, json
for line in sys.stdin: print(json.dumps(json.loads(line)["text"]))' >"$texts"

pid=
port=
start_server() {  # index_dir [flags...]
  local log=$work/serve.log
  "$neardup" serve --index "$@" --port 0 --threads "$threads" 2>"$log" &
  pid=$!
  # Opening rebuilds the in-memory postings: ~25 s at 1M documents.
  for _ in $(seq 6000); do
    port=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$log")
    [[ -n $port ]] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "serve did not start:" >&2
  cat "$log" >&2
  exit 1
}
stop_server() {
  kill -TERM "$pid"
  wait "$pid"
}
trap '[[ -n $pid ]] && kill -TERM $pid 2>/dev/null || true' EXIT

index=$work/index_$n
if [[ ! -d $index ]]; then
  echo "== building the index: $n documents through POST /v1/ingest"
  chunks=$work/chunks_$n
  rm -rf "$chunks" && mkdir -p "$chunks"
  split -l 1000 -d -a 5 "$corpus" "$chunks/c"
  start_server "$index" --create
  t0=$(date +%s.%N)
  cpu0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  find "$chunks" -type f | sort |
    xargs -P 2 -I{} curl -sS -o /dev/null -w '%{http_code}\n' \
      -H 'Content-Type: application/x-ndjson' --data-binary @{} \
      "http://127.0.0.1:$port/v1/ingest" | sort | uniq -c
  cpu1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  t1=$(date +%s.%N)
  awk -v n="$n" -v t0="$t0" -v t1="$t1" -v c="$(((cpu1 - cpu0)))" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN {
      printf "ingest: %.1f s wall, %.1f s server CPU, %.0f docs/s, %.0f docs per CPU-s\n",
             t1 - t0, c / hz, n / (t1 - t0), n / (c / hz) }'
  curl -s "http://127.0.0.1:$port/healthz"
  stop_server
  rm -rf "$chunks"
fi
du -sh "$index"

echo "== POST /v1/query, $queries distinct texts"
start_server "$index"
grep -E '^Vm(RSS|HWM)' "/proc/$pid/status" | tr '\n' ' '
echo
wrk -t2 -c"$connections" -d5s -s "$root/bench/serve_query.lua" \
  "http://127.0.0.1:$port" -- "$texts" >/dev/null  # warm-up
wrk -t2 -c"$connections" -d"${duration}s" --latency \
  -s "$root/bench/serve_query.lua" "http://127.0.0.1:$port" -- "$texts"
grep -E '^Vm(RSS|HWM)' "/proc/$pid/status" | tr '\n' ' '
echo
curl -s "http://127.0.0.1:$port/metrics" | grep -E 'endpoint="/v1/query",(status|le="0.01")'
stop_server

for commit in 4096 1; do
  echo "== POST /v1/ingest, one article per request, --max-commit-docs $commit"
  cp -r "$index" "$work/ingest_index"
  start_server "$work/ingest_index" --max-commit-docs "$commit"
  wrk -t2 -c"$connections" -d"$((duration / 2))s" --latency \
    -s "$root/bench/serve_query.lua" "http://127.0.0.1:$port" -- "$texts" ingest
  curl -s "http://127.0.0.1:$port/metrics" | grep -E '^neardup_ingest_'
  stop_server
  rm -rf "$work/ingest_index"
done
