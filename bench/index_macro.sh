#!/usr/bin/env bash
# Macro benchmark of the streaming index: `neardup index ingest` of corpora
# with planted duplicate clusters (datasets/generator) into a fresh index,
# then single-query latency through the library (bench/index_bench.cc) on the
# index just built.
#
#   bench/index_macro.sh [SIZES...]      default: 100000 1000000
#
# Environment: BUILD_DIR (default build), WORK (default /tmp/neardup-index),
# CORPUS_DIR (where corpus_N.jsonl are, or are generated; default WORK),
# THREADS (ingest sketching threads, default 1: figures are per core),
# BATCH (documents per durable commit, default 1000), EXTRA (more ingest
# flags, e.g. --no-sync, or --expected-docs 0 for no postings size hint: the
# corpus is a file, so ingest sizes its postings from the file's size).
# Prints, per size: wall and CPU seconds, documents per CPU-second (per
# core), peak RSS, index bytes per document, the time and RSS of opening the
# index (`index stats`: the in-memory postings are rebuilt), then query
# p50/p99.
# Needs GNU time (/usr/bin/time).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build}
work=${WORK:-/tmp/neardup-index}
corpora=${CORPUS_DIR:-$work}
threads=${THREADS:-1}
batch=${BATCH:-1000}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(100000 1000000)

cmake --build "$build" --target neardup gen_corpus index_bench >/dev/null
mkdir -p "$work" "$corpora"
echo "git $(git -C "$root" rev-parse --short HEAD), $(nproc) cores," \
  "threads=$threads, batch=$batch, load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${sizes[@]}"; do
  corpus=$corpora/corpus_$n.jsonl index=$work/index_$n
  if [[ ! -s $corpus ]]; then
    "$build/datasets/generator/gen_corpus" -n "$n" --seed 1 -o "$corpus" \
      --gold "$corpora/gold_$n.jsonl"
  fi
  rm -rf "$index"
  "$build/cli/neardup" index create --index "$index" >/dev/null
  echo "== $n documents, $(($(stat -L -c %s "$corpus") / 1000000)) MB"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %U %S %M" -o "$work/time_$n" \
    "$build/cli/neardup" index ingest --index "$index" --threads "$threads" \
    --batch "$batch" --quiet ${EXTRA:-} "$corpus" >"$work/verdicts_$n.jsonl"
  read -r wall user sys rss <"$work/time_$n"
  # `index stats` opens the index: the postings are rebuilt in memory.
  stats=$(/usr/bin/time -f "%e %U %S %M" -o "$work/open_$n" \
    "$build/cli/neardup" index stats --index "$index")
  read -r owall ouser osys orss <"$work/open_$n"
  file_bytes=$(sed -E 's/.*"file_bytes":([0-9]+).*/\1/' <<<"$stats")
  used_bytes=$(sed -E 's/.*"used_bytes":([0-9]+).*/\1/' <<<"$stats")
  acked=$(wc -l <"$work/verdicts_$n.jsonl")
  awk -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    -v f="$file_bytes" -v d="$used_bytes" -v a="$acked" \
    'BEGIN { printf "ingest: %d verdicts, %.1f s wall, %.1f s CPU, %.0f docs/s wall, %.0f docs per CPU-s, peak RSS %.0f MB, index %.0f MB (%.0f B/doc, %.0f B/doc in use)\n",
             a, w, u + s, n / w, n / (u + s), r / 1024, f / 1e6, f / n, d / n }'
  awk -v w="$owall" -v u="$ouser" -v s="$osys" -v r="$orss" \
    'BEGIN { printf "open (index stats): %.2f s wall, %.2f s CPU, peak RSS %.0f MB\n", w, u + s, r / 1024 }'
  echo "stats: $stats"
  NEARDUP_BENCH_INDEX=$index NEARDUP_BENCH_CORPUS=$corpus \
    "$build/bench/index_bench" --benchmark_filter=BM_Index_Query \
    --benchmark_min_time=2
done
