#!/usr/bin/env bash
# Macro benchmark of `neardup dedup`: generates corpora with planted
# duplicate clusters (datasets/generator), dedups them end to end, and scores
# the output against the gold labels (bench/dedup_eval.py).
#
#   bench/dedup_macro.sh [SIZES...]      default: 10000 100000 1000000
#
# Environment: BUILD_DIR (default build), WORK (default /tmp/neardup-dedup),
# THREADS (default: all cores), EXTRA (extra dedup flags).
# Prints, per size: wall and CPU seconds, peak RSS, documents/s, MB/s, and
# the quality figures. Needs GNU time (/usr/bin/time) and python3.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build}
work=${WORK:-/tmp/neardup-dedup}
threads=${THREADS:-$(nproc)}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 100000 1000000)

cmake --build "$build" --target neardup gen_corpus >/dev/null
mkdir -p "$work"
echo "git $(git -C "$root" rev-parse --short HEAD), $(nproc) cores, threads=$threads"
for n in "${sizes[@]}"; do
  corpus=$work/corpus_$n.jsonl gold=$work/gold_$n.jsonl out=$work/dedup_$n.jsonl
  if [[ ! -s $corpus ]]; then
    /usr/bin/time -f "gen_corpus: %e s wall, %U s user" \
      "$build/datasets/generator/gen_corpus" -n "$n" --seed 1 -o "$corpus" \
      --gold "$gold"
  fi
  bytes=$(stat -L -c %s "$corpus")
  echo "== $n documents, $((bytes / 1000000)) MB"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %U %S %M" -o "$work/time_$n" \
    "$build/cli/neardup" dedup "$corpus" -o "$out" --threads "$threads" \
    --progress never ${EXTRA:-}
  read -r wall user sys rss <"$work/time_$n"
  awk -v n="$n" -v b="$bytes" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN { printf "dedup: %.2f s wall, %.2f s CPU, peak RSS %.0f MB, %.0f docs/s, %.1f MB/s\n",
             w, u + s, r / 1024, n / w, b / w / 1e6 }'
  python3 "$root/bench/dedup_eval.py" "$gold" "$out"
done
