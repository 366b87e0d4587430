#!/usr/bin/python3
"""Peer baselines with scikit-learn's TF-IDF cosine (Debian python3-sklearn).

  sklearn_tfidf.py semeval PAIRS_EN_EN.csv
      Spearman of the pair cosine against -Overall, and at cosine >= 0.2 the
      share of same-story pairs (Overall <= 1.5) and of different-story pairs
      (Overall >= 3.5) joined. IDF from all the pairs' texts, the set-up the
      issue quotes (default TfidfVectorizer, English stop words).
  sklearn_tfidf.py dedup CORPUS.jsonl OUT.jsonl [THRESHOLD]
      Cosine deduplication as one would write it with scikit-learn: TF-IDF of
      every document, all pairs by one sparse product, a document is a
      duplicate of its earliest earlier neighbour at cosine >= THRESHOLD
      (0.6, as `neardup dedup --cosine 0.6`); clusters are the connected
      components. Output in the shape bench/dedup_eval.py reads; CPU seconds
      of each stage on stderr.
"""
import csv
import json
import sys
import time

import numpy as np
from scipy.sparse.csgraph import connected_components
from scipy.stats import spearmanr
from sklearn.feature_extraction.text import TfidfVectorizer


def semeval(path):
    csv.field_size_limit(1 << 30)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    texts = [r["text1"] for r in rows] + [r["text2"] for r in rows]
    x = TfidfVectorizer(stop_words="english").fit_transform(texts)
    n = len(rows)
    cos = np.asarray(x[:n].multiply(x[n:]).sum(axis=1)).ravel()
    overall = np.array([float(r["Overall"]) for r in rows])
    rho = spearmanr(cos, -overall).correlation
    same = overall <= 1.5
    diff = overall >= 3.5
    joined = cos >= 0.2
    print(f"pairs {n} spearman {rho:.3f} "
          f"same_joined {int((joined & same).sum())}/{int(same.sum())} "
          f"different_joined {int((joined & diff).sum())}/{int(diff.sum())}")


def dedup(corpus, out, threshold):
    t0 = time.process_time()
    ids, texts = [], []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            ids.append(d["id"])
            texts.append(d["text"])
    t1 = time.process_time()
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    t2 = time.process_time()
    sim = (x @ x.T).tocoo()
    keep = (sim.data >= threshold) & (sim.row > sim.col)
    rows, cols = sim.row[keep], sim.col[keep]
    t3 = time.process_time()
    n = len(ids)
    dup_of = np.full(n, n, dtype=np.int64)
    np.minimum.at(dup_of, rows, cols)
    graph = sim.copy()
    graph.data = keep.astype(np.int8)
    graph.eliminate_zeros()
    _, label = connected_components(graph.tocsr(), directed=False)
    with open(out, "w", encoding="utf-8") as w:
        for i in range(n):
            dup = int(dup_of[i]) if dup_of[i] < n else None
            w.write(json.dumps({
                "id": ids[i], "cluster": int(label[i]), "keep": dup is None,
                "duplicate_of": ids[dup] if dup is not None else None,
                "relation": "rewrite" if dup is not None else "none"}) + "\n")
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"docs {n} MB {mb:.1f} read_s {t1 - t0:.2f} tfidf_s {t2 - t1:.2f} "
          f"pairs_s {t3 - t2:.2f} tfidf_MBps {mb / (t2 - t1):.1f} "
          f"docs_per_cpu_s {n / (t3 - t0):.0f} candidate_pairs {int(keep.sum())}",
          file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "semeval":
        semeval(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == "dedup":
        dedup(sys.argv[2], sys.argv[3],
              float(sys.argv[4]) if len(sys.argv) > 4 else 0.6)
    else:
        sys.exit(__doc__)
