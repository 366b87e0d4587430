#!/usr/bin/env python3
"""Checks whether a learned story score beats the hand-made StoryScore.

Reads the per-pair measurements `neardup eval --only semeval -v` prints for
each SemEval pair analysed alone (cosine, rest cosine, shared rare names,
shared-passage coverage both ways), fits on the pairs of the team's
training file only (original/training_set.csv) either a ridge regression on
the Overall rating (1 = same story, 4 = different) or a logistic on
same (Overall <= 2) / different, chooses the decision threshold on that
half (among the cuts keeping >= 90% of its clearly same-story pairs
joined: fewest clearly different pairs joined, then the highest cut), and prints the
held-out half and all pairs, which choose nothing. Plain Python.

  neardup eval --only semeval -v > /tmp/semeval.txt
  python3 scripts/fit_story.py /tmp/semeval.txt \\
      ../shared/datasets/semeval2022-task8-sample/original/training_set.csv \\
      ../shared/datasets/semeval2022-task8-sample/pairs_en_en.csv

The third argument (optional) adds event features computed from the texts
(numbers, dates, places, rare names, titles: see text_features).
"""

import collections
import csv
import math
import re
import sys

from fit_common import read_pairs, spearman

THRESHOLD = 0.5  # the current score's decision threshold (features.cc)


FEATURE_SETS = {
    "cos": lambda r: [r["cos"]],
    "cos rest": lambda r: [r["cos"], r["rest"]],
    "cos rest names": lambda r: [r["cos"], r["rest"], r["names"]],
    "cos rest names cov": lambda r: [r["cos"], r["rest"], r["names"],
                                     r["hi"], r["lo"]],
    "+ gated cov, sqrt": lambda r: [
        r["cos"], r["rest"], r["names"], math.sqrt(r["cos"]),
        math.sqrt(r["rest"]), r["hi"] if r["rest"] >= 0.25 else 0.0],
}


def solve(a, b):
  n = len(b)
  m = [row[:] + [b[i]] for i, row in enumerate(a)]
  for c in range(n):
    p = max(range(c, n), key=lambda r: abs(m[r][c]))
    m[c], m[p] = m[p], m[c]
    for r in range(n):
      if r != c and m[c][c] != 0:
        f = m[r][c] / m[c][c]
        for k in range(c, n + 1):
          m[r][k] -= f * m[c][k]
  return [m[i][n] / m[i][i] for i in range(n)]


def ridge(xs, ys, l2=0.01):
  d = len(xs[0])
  a = [[sum(x[i] * x[j] for x in xs) + (l2 if i == j and i else 0.0)
        for j in range(d)] for i in range(d)]
  b = [sum(x[i] * y for x, y in zip(xs, ys)) for i in range(d)]
  return solve(a, b)


def logistic(xs, ys, l2=0.01, iters=50):
  d = len(xs[0])
  w = [0.0] * d
  for _ in range(iters):
    g = [0.0] * d
    h = [[0.0] * d for _ in range(d)]
    for x, y in zip(xs, ys):
      z = sum(wi * xi for wi, xi in zip(w, x))
      p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
      for i in range(d):
        g[i] += (p - y) * x[i]
        for j in range(d):
          h[i][j] += p * (1 - p) * x[i] * x[j]
    for i in range(1, d):
      g[i] += l2 * w[i]
      h[i][i] += l2
    step = solve(h, g)
    w = [wi - si for wi, si in zip(w, step)]
  return w


def metrics(rows, scores, cut):
  rho = spearman(scores, [-r["overall"] for r in rows])
  same = [s >= cut for s, r in zip(scores, rows) if r["overall"] <= 1.5]
  diff = [s >= cut for s, r in zip(scores, rows) if r["overall"] >= 3.5]
  return rho, sum(same), len(same), sum(diff), len(diff)


def choose_cut(rows, scores):
  best = None
  for cut in sorted(set(scores)):
    m = metrics(rows, scores, cut)
    if m[1] >= 0.9 * m[2]:
      key = (-m[3], cut)
      if best is None or key > best[0]:
        best = (key, cut)
  return best[1]


def fmt(m):
  return "%.3f same %d/%d diff %d/%d" % m


MONTHS = ("january february march april may june july august september "
          "october november december jan feb mar apr jun jul aug sep sept "
          "oct nov dec").split()
YEAR = re.compile(r"^(19|20)[0-9][0-9]$")
TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|[0-9][0-9,.]*[0-9]|[0-9]")
PLACE_CUE = {"in", "at", "from", "near", "of"}


def text_features(texts):
  """Event features computed from the two texts of each pair (plain Python).

  numbers: Jaccard of the numbers of two digits or more (years left out);
  numbers_one_sided: 1 when both give such numbers and share none;
  dates: 1 when both give a month-day date and share one, -1 when both
  give dates and share none, else 0; places: IDF-weighted overlap of the
  capitalised words after "in/at/from/near/of" or before "(AP)"-style
  datelines; rare_names: IDF-weighted Dice of capitalised words (input
  IDF); title: cosine of the first lines when both are short (<= 25 words).
  """
  docs = {}
  df = collections.Counter()
  for pid, (t1, t2) in texts.items():
    for t in (t1, t2):
      df.update(set(w.lower() for w in TOKEN.findall(t)))
  n = 2 * len(texts)
  idf = lambda w: math.log((n + 1) / (df[w.lower()] + 1)) + 1

  def parse(t):
    toks = TOKEN.findall(t)
    nums = {x.replace(",", "").rstrip(".") for x in toks if x[0].isdigit()}
    nums = {x for x in nums if len(x) >= 2 and not YEAR.match(x)}
    dates = set()
    for i, w in enumerate(toks[:-1]):
      if w.lower().rstrip(".") in MONTHS and toks[i + 1].isdigit() and \
          len(toks[i + 1]) <= 2:
        dates.add((w.lower()[:3], toks[i + 1]))
    places = set()
    for i, w in enumerate(toks[1:], 1):
      if w[0].isupper() and toks[i - 1] in PLACE_CUE:
        places.add(w)
    names = {w for i, w in enumerate(toks) if w[0].isupper() and i > 0 and
             len(w) > 2 and w.lower() not in ("the", "and", "but")}
    first = t.strip().split("\n", 1)[0]
    title = [w.lower() for w in TOKEN.findall(first)]
    return nums, dates, places, names, title if len(title) <= 25 else []

  def weighted(a, b):
    if not a or not b:
      return 0.0
    s = sum(idf(w) for w in a & b)
    return 2 * s / (sum(idf(w) for w in a) + sum(idf(w) for w in b))

  def cosine(a, b):
    ca, cb = collections.Counter(a), collections.Counter(b)
    dot = sum(ca[w] * cb[w] * idf(w)**2 for w in ca)
    na = math.sqrt(sum((c * idf(w))**2 for w, c in ca.items()))
    nb = math.sqrt(sum((c * idf(w))**2 for w, c in cb.items()))
    return dot / (na * nb) if na and nb else 0.0

  for pid, (t1, t2) in texts.items():
    n1, d1, p1, m1, h1 = parse(t1)
    n2, d2, p2, m2, h2 = parse(t2)
    f = {}
    f["numbers"] = len(n1 & n2) / len(n1 | n2) if n1 and n2 else 0.0
    f["numbers_one_sided"] = 1.0 if n1 and n2 and not n1 & n2 else 0.0
    f["dates"] = (0.0 if not d1 or not d2 else 1.0 if d1 & d2 else -1.0)
    f["places"] = weighted(p1, p2)
    f["rare_names"] = weighted(m1, m2)
    f["title"] = cosine(h1, h2) if h1 and h2 else 0.0
    docs[pid] = f
  return docs


EVENT_SETS = {
    "cos rest + numbers": ["numbers", "numbers_one_sided"],
    "cos rest + dates": ["dates"],
    "cos rest + places": ["places"],
    "cos rest + rare names": ["rare_names"],
    "cos rest + title": ["title"],
    "cos rest + all event features": ["numbers", "numbers_one_sided", "dates",
                                      "places", "rare_names", "title"],
}


def main():
  rows = read_pairs(sys.argv[1])
  if len(sys.argv) > 3:
    # The pairs' texts: event features (see text_features).
    csv.field_size_limit(1 << 30)
    with open(sys.argv[3], encoding="utf-8") as f:
      texts = {r["pair_id"]: (r["text1"], r["text2"])
               for r in csv.DictReader(f)}
    extra = text_features(texts)
    for r in rows:
      r.update(extra[r["id"]])
    for name, keys in EVENT_SETS.items():
      FEATURE_SETS[name] = (
          lambda keys: lambda r: [r["cos"], r["rest"]] + [r[k] for k in keys]
      )(keys)
  with open(sys.argv[2], encoding="utf-8") as f:
    train_ids = {r["pair_id"] for r in csv.DictReader(f)}
  train = [r for r in rows if r["id"] in train_ids]
  held = [r for r in rows if r["id"] not in train_ids]
  print("%d pairs: %d in the training file, %d held out" %
        (len(rows), len(train), len(held)))
  print("model | train | held out | all")
  cur = lambda rs: [r["story"] for r in rs]
  print("current StoryScore (threshold 0.5) | %s | %s | %s" % tuple(
      fmt(metrics(h, cur(h), THRESHOLD)) for h in (train, held, rows)))
  for name, feat in FEATURE_SETS.items():
    xs = [[1.0] + feat(r) for r in train]
    for kind in ("ridge", "logistic"):
      if kind == "ridge":
        w = ridge(xs, [-r["overall"] for r in train])
      else:
        w = logistic(xs, [1.0 if r["overall"] <= 2.0 else 0.0 for r in train])
      score = lambda rs: [sum(wi * xi for wi, xi in zip(w, [1.0] + feat(r)))
                          for r in rs]
      cut = choose_cut(train, score(train))
      print("%s %s | %s | %s | %s  w=%s cut=%.4f" % (
          kind, name, fmt(metrics(train, score(train), cut)),
          fmt(metrics(held, score(held), cut)),
          fmt(metrics(rows, score(rows), cut)),
          " ".join("%.4f" % x for x in w), cut))


if __name__ == "__main__":
  main()
