#!/usr/bin/env bash
# neardup against its peers on one generated corpus, one thread each, CPU
# time (user + sys), quality scored against the gold labels by
# bench/dedup_eval.py; and scikit-learn's TF-IDF cosine on SemEval-2022
# Task 8 when ../shared/datasets is there.
#
#   bench/peers/setup.sh && bench/peers/run.sh [SIZE]     default 10000
#
# Environment: BUILD_DIR (default build; needs the neardup and gen_corpus
# targets), WORK (default /tmp/neardup-dedup: corpora are shared with
# bench/dedup_macro.sh), SHARED (default ../shared/datasets).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${BUILD_DIR:-$root/build}
work=${WORK:-/tmp/neardup-dedup}
shared=${SHARED:-$root/../shared/datasets}
n=${1:-10000}
peers=$work/peers
mkdir -p "$peers"

cmake --build "$build" --target neardup gen_corpus >/dev/null
corpus=$work/corpus_$n.jsonl gold=$work/gold_$n.jsonl
if [[ ! -s $corpus ]]; then
  "$build/datasets/generator/gen_corpus" -n "$n" --seed 1 -o "$corpus" --gold "$gold"
fi
(cd "$root/bench/peers/minhash_lsh" &&
  GO111MODULE=off GOPATH=/usr/share/gocode GOPROXY=off GOFLAGS='' \
    go build -o "$peers/minhash_lsh" .)
/usr/bin/python3 -c "
import json, sys
with open(sys.argv[2], 'w') as w:
    for line in open(sys.argv[1]):
        w.write(json.loads(line)['text'] + '\n')" "$corpus" "$peers/texts_$n.txt"
bytes=$(stat -c %s "$peers/texts_$n.txt")
echo "git $(git -C "$root" rev-parse --short HEAD), $n documents, $((bytes / 1000000)) MB of text, load $(cut -d' ' -f1-3 /proc/loadavg)"

# run NAME COMMAND...: times one command, prints CPU seconds, MB/s and
# documents per CPU-second.
run() {
  local name=$1
  shift
  /usr/bin/time -f "%U %S %M" -o "$peers/time" "$@" >"$peers/$name.stdout" 2>"$peers/$name.stderr"
  read -r user sys rss <"$peers/time"
  awk -v name="$name" -v n="$n" -v b="$bytes" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN { c = u + s; printf "%-28s %7.2f CPU-s %8.1f MB/s %9.0f docs/CPU-s  peak RSS %5.0f MB\n",
             name, c, b / c / 1e6, n / c, r / 1024 }'
}

echo "-- signing (one thread)"
run "neardup sketch (classic)" "$build/cli/neardup" sketch -j1 "$corpus" -o "$peers/sketch.jsonl"
run "neardup sketch (oph)" "$build/cli/neardup" sketch -j1 --mode oph "$corpus" -o "$peers/sketch_oph.jsonl"
run "simhash -f 128 (Debian)" simhash -f 128 "$peers/texts_$n.txt"
run "ekzhu minhash-lsh (Go)" "$peers/minhash_lsh" "$corpus"
echo "   Go stage split: $(cat "$peers/ekzhu minhash-lsh (Go).stderr")"

echo "-- deduplication at Jaccard 0.8 (one thread)"
run "neardup dedup" "$build/cli/neardup" dedup "$corpus" -o "$peers/neardup_dedup.jsonl" \
  --threads 1 --progress never
python3 "$root/bench/dedup_eval.py" "$gold" "$peers/neardup_dedup.jsonl" | grep -E "recall|precision of"
run "ekzhu minhash-lsh dedup" "$peers/minhash_lsh" -o "$peers/go_dedup.jsonl" "$corpus"
python3 "$root/bench/dedup_eval.py" "$gold" "$peers/go_dedup.jsonl" | grep -E "recall|precision of"

if [[ $n -le 10000 ]]; then  # the sparse all-pairs product holds ~3.6 GB at 10,000
  echo "-- deduplication by TF-IDF cosine >= 0.6 (one thread)"
  run "neardup dedup --cosine 0.6" "$build/cli/neardup" dedup "$corpus" --cosine 0.6 \
    -o "$peers/neardup_cosine.jsonl" --threads 1 --progress never
  python3 "$root/bench/dedup_eval.py" "$gold" "$peers/neardup_cosine.jsonl" | grep -E "recall|precision of"
  run "scikit-learn cosine dedup" env OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
    /usr/bin/python3 "$root/bench/peers/sklearn_tfidf.py" dedup "$corpus" "$peers/sk_dedup.jsonl" 0.6
  python3 "$root/bench/dedup_eval.py" "$gold" "$peers/sk_dedup.jsonl" | grep -E "recall|precision of"
fi

semeval=$shared/semeval2022-task8-sample/pairs_en_en.csv
if [[ -s $semeval ]]; then
  echo "-- SemEval-2022 Task 8, 354 English pairs (Spearman with -Overall; joined at the default decision)"
  echo "scikit-learn TF-IDF cosine >= 0.2: $(/usr/bin/python3 "$root/bench/peers/sklearn_tfidf.py" semeval "$semeval")"
  echo "neardup (each pair alone, and all texts together):"
  "$build/cli/neardup" eval --only semeval --shared "$shared" |
    awk '/the 161 pairs/ { skip = 1 } /all 708/ { skip = 0 }
         !skip && /analysed alone|all 708|Spearman\(story|one story:/'
fi

echo "-- datasets/seeds (five rewrites of one scoop) + 14 unrelated fixture articles,"
echo "   8 of them about Anthropic, Microsoft or Nvidia: the groups each tool forms"
/usr/bin/python3 -c "
import glob, json, sys
with open(sys.argv[1], 'w') as w:
    for d in sys.argv[2:]:
        for f in sorted(glob.glob(d + '/*.txt')):
            w.write(json.dumps({'id': f[len(d) + 1:], 'text': open(f).read()}) + '\n')
" "$peers/seeds.jsonl" "$root/datasets/seeds" "$root/tests/fixtures/story" \
  "$root/tests/fixtures/controls"
# groups FILE: the sizes of the groups of more than one document.
groups() {
  /usr/bin/python3 -c "
import collections, json, sys
c = collections.Counter(json.loads(l)['cluster'] for l in open(sys.argv[1]))
print(sorted((v for v in c.values() if v > 1), reverse=True), 'and', sum(v == 1 for v in c.values()), 'alone')" "$1"
}
"$peers/minhash_lsh" -o "$peers/seeds_go.jsonl" "$peers/seeds.jsonl" 2>/dev/null
echo "ekzhu minhash-lsh at Jaccard 0.8:   $(groups "$peers/seeds_go.jsonl")"
for t in 0.6 0.2; do
  /usr/bin/python3 "$root/bench/peers/sklearn_tfidf.py" dedup "$peers/seeds.jsonl" \
    "$peers/seeds_sk.jsonl" "$t" 2>/dev/null
  echo "scikit-learn TF-IDF cosine >= $t: $(groups "$peers/seeds_sk.jsonl")"
done
"$build/cli/neardup" scan --format json "$root/datasets/seeds" "$root/tests/fixtures/story" \
  "$root/tests/fixtures/controls" 2>/dev/null | /usr/bin/python3 -c "
import json, sys
r = json.load(sys.stdin)
big = [s for s in r['stories'] if len(s['members']) > 1]
print('neardup scan:                      ', sorted((len(s['members']) for s in big), reverse=True),
      'and', len(r['stories']) - len(big), 'alone; origin',
      [(s['origin']['kind'], s['origin'].get('outlet')) for s in big],
      'roles', sorted({m['role'] for s in big for m in s['members']}))"
