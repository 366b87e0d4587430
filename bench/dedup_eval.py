#!/usr/bin/env python3
"""Scores `neardup dedup` output against gen_corpus gold labels.

  bench/dedup_eval.py GOLD.jsonl OUT.jsonl

Recall per planted kind: a derivative is found when it lands in the same
predicted cluster as its original. Precision: of the documents marked as
duplicates (keep = false), the share whose representative is in the same
planted cluster; and over all pairs inside predicted clusters.
"""
import collections
import json
import sys


def main(gold_path, out_path):
    gold = {}
    for line in open(gold_path):
        g = json.loads(line)
        gold[g["id"]] = (g["cluster"], g["kind"])
    pred = {}
    dropped = []
    for line in open(out_path):
        r = json.loads(line)
        if r.get("skipped"):
            continue
        pred[r["id"]] = r["cluster"]
        if not r["keep"]:
            dropped.append((r["id"], r["duplicate_of"], r["relation"]))
    found = collections.Counter()
    total = collections.Counter()
    for doc, (cluster, kind) in gold.items():
        if kind in ("original", "unique"):
            continue
        total[kind] += 1
        if doc in pred and cluster in pred and pred[doc] == pred[cluster]:
            found[kind] += 1
    correct = sum(1 for d, rep, _ in dropped if gold[d][0] == gold[rep][0])
    by_relation = collections.Counter(rel for _, _, rel in dropped)
    wrong_by_relation = collections.Counter(
        rel for d, rep, rel in dropped if gold[d][0] != gold[rep][0])
    members = collections.defaultdict(list)
    for doc, c in pred.items():
        members[c].append(doc)
    pairs = good = 0
    for docs in members.values():
        for i in range(len(docs)):
            for j in range(i + 1, len(docs)):
                pairs += 1
                good += gold[docs[i]][0] == gold[docs[j]][0]
    gold_sizes = collections.Counter(c for c, _ in gold.values())
    print("documents %d, planted derivatives %d" % (len(pred), sum(total.values())))
    for kind in sorted(total):
        print("  recall %-18s %.4f  (%d/%d)" %
              (kind, found[kind] / total[kind], found[kind], total[kind]))
    ce = ("copy", "light_edit")
    f, t = sum(found[k] for k in ce), sum(total[k] for k in ce)
    print("  recall copy+light_edit  %.4f" % (f / t if t else 1))
    print("precision of duplicate_of %.4f  (%d/%d)" %
          (correct / len(dropped) if dropped else 1, correct, len(dropped)))
    for rel in sorted(by_relation):
        print("  %-15s %d marked, %d wrong" %
              (rel, by_relation[rel], wrong_by_relation[rel]))
    print("pairwise precision        %.4f  (%d/%d pairs)" %
          (good / pairs if pairs else 1, good, pairs))
    print("largest cluster: predicted %d, planted %d" %
          (max(len(m) for m in members.values()), max(gold_sizes.values())))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
