#!/usr/bin/env python3
"""Checks whether stemming content words helps the story cosine (SemEval).

A plain-Python TF-IDF cosine of content words (the tokenizer's stopword list
left out, sublinear tf, the first 12 words counted three times, IDF from all
708 texts), with and without the Snowball English stemmer (python3-stemmer,
the binding to Debian's libstemmer), ranked against the human Overall score
of the SemEval-2022 Task 8 English pairs: the team's training-file half, the
held-out half and all pairs. Run with the system Python (the Debian module):

  /usr/bin/python3 scripts/fit_stem.py \\
      ../shared/datasets/semeval2022-task8-sample core/src/text/stopwords.cc

With two more arguments, the `neardup eval --only semeval -v` outputs of a
base build and of a build with stemming, it also bootstraps the gain of the
C++ story score on the training-file half (same seed and method):

  /usr/bin/python3 scripts/fit_stem.py DIR core/src/text/stopwords.cc \\
      /tmp/base_v.txt /tmp/stem_v.txt
"""

import collections
import math
import random
import re
import sys

from fit_common import read_pairs, read_semeval_texts, spearman

import Stemmer

WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?")
LEAD_WORDS, LEAD_WEIGHT = 12, 3


def tokens(text, stop):
  out = []
  for m in WORD.finditer(text):
    w = m.group(0).replace("\u2019", "'")
    raw = w
    w = w.lower()
    if w.endswith("'s"):
      w = w[:-2]
    out.append((w, raw, w in stop))
  return out


def main():
  rows, train, stop = read_semeval_texts(sys.argv[1], sys.argv[2])
  stemmer = Stemmer.Stemmer("english")
  toks = [[tokens(r["text1"], stop), tokens(r["text2"], stop)] for r in rows]

  def term(w, raw, mode):
    if mode == "raw" or w.isdigit() or any(c.isdigit() for c in w):
      return w
    if mode == "stem lower-case only" and raw[:1].isupper():
      return w
    return stemmer.stemWord(w)

  modes = ["raw", "stem all words", "stem lower-case only"]
  cosines = {}
  print("mode | training half | held out | all  (Spearman cosine, -Overall)")
  for mode in modes:
    docs = []
    for pair in toks:
      for ts in pair:
        seq = [term(w, raw, mode) for w, raw, s in ts if not s]
        lead = [term(w, raw, mode) for w, raw, s in ts[:LEAD_WORDS] if not s]
        docs.append(collections.Counter(seq + lead * (LEAD_WEIGHT - 1)))
    df = collections.Counter()
    for c in docs:
      df.update(c.keys())
    n = len(docs)
    idf = {t: math.log((n + 1) / (v + 1)) + 1 for t, v in df.items()}

    def vec(c):
      v = {t: (1 + math.log(k)) * idf[t] for t, k in c.items()}
      norm = math.sqrt(sum(x * x for x in v.values()))
      return {t: x / norm for t, x in v.items()} if norm else {}

    vs = [vec(c) for c in docs]
    cos = [sum(x * vs[2 * i + 1].get(t, 0.0) for t, x in vs[2 * i].items())
           for i in range(len(rows))]
    neg = [-float(r["Overall"]) for r in rows]
    cosines[mode] = cos
    out = []
    for keep in (lambda r: r["pair_id"] in train,
                 lambda r: r["pair_id"] not in train, lambda r: True):
      idx = [i for i, r in enumerate(rows) if keep(r)]
      out.append("%.3f (%d)" % (spearman([cos[i] for i in idx],
                                         [neg[i] for i in idx]), len(idx)))
    print("%s | %s" % (mode, " | ".join(out)))
  # How often a resample of the training-file half (seeded bootstrap over
  # pairs, 1000 draws) ranks the stemmed cosine above the raw one.
  rng = random.Random(20260124)
  idx = [i for i, r in enumerate(rows) if r["pair_id"] in train]
  for mode in modes[1:]:
    wins, gains = 0, []
    for _ in range(1000):
      s = [idx[rng.randrange(len(idx))] for _ in idx]
      y = [neg[i] for i in s]
      g = (spearman([cosines[mode][i] for i in s], y) -
           spearman([cosines["raw"][i] for i in s], y))
      gains.append(g)
      wins += g > 0
    gains.sort()
    print("%s vs raw, training half: gain > 0 in %d of 1000 resamples, "
          "90%% interval [%.3f, %.3f]" % (mode, wins, gains[50], gains[949]))

  if len(sys.argv) > 4:
    base = {r["id"]: r for r in read_pairs(sys.argv[3])}
    stem = {r["id"]: r for r in read_pairs(sys.argv[4])}
    ids = [i for i in base if i.split("/")[0] in train]
    rng = random.Random(20260124)
    wins, gains = 0, []
    for _ in range(1000):
      s = [ids[rng.randrange(len(ids))] for _ in ids]
      y = [-base[i]["overall"] for i in s]
      g = (spearman([stem[i]["story"] for i in s], y) -
           spearman([base[i]["story"] for i in s], y))
      gains.append(g)
      wins += g > 0
    gains.sort()
    y = [-base[i]["overall"] for i in ids]
    print("C++ story score, training half (%d pairs): %.3f -> %.3f; gain > 0 "
          "in %d of 1000 resamples, 90%% interval [%.3f, %.3f]" % (
              len(ids), spearman([base[i]["story"] for i in ids], y),
              spearman([stem[i]["story"] for i in ids], y), wins, gains[50],
              gains[949]))


if __name__ == "__main__":
  main()
