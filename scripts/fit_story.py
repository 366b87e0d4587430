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
      ../shared/datasets/semeval2022-task8-sample/original/training_set.csv
"""

import csv
import math
import re
import sys

THRESHOLD = 0.5  # the current score's decision threshold (features.cc)


def read(path):
  pattern = re.compile(
      r"^  (\S+)/1 overall=(\S+) story=(\S+) cos=(\S+) names=(\S+) "
      r"cov=(\S+)/(\S+) \S+ rest=(\S+)$")
  rows = []
  for line in open(path, encoding="utf-8"):
    m = pattern.match(line.rstrip("\n"))
    if m:
      a, b = float(m.group(6)), float(m.group(7))
      rows.append({
          "id": m.group(1),
          "overall": float(m.group(2)),
          "story": float(m.group(3)),
          "cos": float(m.group(4)),
          "names": float(m.group(5)),
          "hi": max(a, b),
          "lo": min(a, b),
          "rest": float(m.group(8)),
      })
  return rows


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


def ranks(x):
  order = sorted(range(len(x)), key=lambda i: x[i])
  r = [0.0] * len(x)
  i = 0
  while i < len(order):
    j = i
    while j < len(order) and x[order[j]] == x[order[i]]:
      j += 1
    for k in range(i, j):
      r[order[k]] = (i + j - 1) / 2 + 1
    i = j
  return r


def pearson(a, b):
  n = len(a)
  ma, mb = sum(a) / n, sum(b) / n
  sab = sum((x - ma) * (y - mb) for x, y in zip(a, b))
  saa = sum((x - ma)**2 for x in a)
  sbb = sum((y - mb)**2 for y in b)
  return sab / math.sqrt(saa * sbb) if saa > 0 and sbb > 0 else 0.0


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
  rho = pearson(ranks(scores), ranks([-r["overall"] for r in rows]))
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


def main():
  rows = read(sys.argv[1])
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
