#!/usr/bin/env python3
"""Fits the sentence-level same-content model of neardup's story analysis.

Reads the per-pair measurements that `neardup eval --only msrp -v` prints
for the MSRP train and test splits, fits a logistic regression on the TRAIN
split only (Newton's method with a small L2 penalty; plain Python, no numpy)
and prints the weights for kSentenceWeights in core/src/story/features.cc,
with the train accuracy, a seeded 5-fold cross-validation on train, and the
test accuracy (reported, never used to choose anything).

  neardup eval --only msrp -v > /tmp/msrp.txt
  python3 scripts/fit_sentence.py /tmp/msrp.txt
"""

import math
import random
import re
import sys

# In the order of kSentenceWeights (after the bias).
FEATURES = [
    "unigrams", "words", "bigrams", "trigrams", "numbers_any",
    "length_ratio", "words_lo", "words_hi", "cov_lo", "cov_hi"
]
L2 = 1e-2
SEED = 20260101


def read(path):
  """{"train": [(x, y)], "test": [(x, y)]} from the -v lines."""
  rows = {"train": [], "test": []}
  pattern = re.compile(r"^\s+(train|test) \S+ truth=(\d) (.*)$")
  for line in open(path, encoding="utf-8"):
    m = pattern.match(line)
    if not m:
      continue
    kv = dict(x.split("=", 1) for x in m.group(3).split() if "=" in x)
    a, b = (float(v) for v in kv["cov"].split("/"))
    values = {k: float(v) for k, v in kv.items() if k != "cov"}
    values["numbers_any"] = 1.0 if values["numbers_differ"] > 0 else 0.0
    values["cov_lo"], values["cov_hi"] = min(a, b), max(a, b)
    x = [1.0] + [values[f] for f in FEATURES]
    rows[m.group(1)].append((x, int(m.group(2))))
  return rows


def sigmoid(z):
  return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def solve(a, b):
  """Solves a x = b (Gauss-Jordan with partial pivoting)."""
  n = len(b)
  m = [a[i][:] + [b[i]] for i in range(n)]
  for c in range(n):
    p = max(range(c, n), key=lambda r: abs(m[r][c]))
    m[c], m[p] = m[p], m[c]
    for r in range(n):
      if r != c:
        f = m[r][c] / m[c][c]
        for k in range(c, n + 1):
          m[r][k] -= f * m[c][k]
  return [m[i][n] / m[i][i] for i in range(n)]


def fit(data, iterations=20):
  d = len(data[0][0])
  w = [0.0] * d
  for _ in range(iterations):
    h = [[0.0] * d for _ in range(d)]
    g = [0.0] * d
    for x, y in data:
      p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
      e, s = p - y, p * (1 - p)
      for i in range(d):
        g[i] += e * x[i]
        for j in range(d):
          h[i][j] += s * x[i] * x[j]
    for i in range(1, d):  # The bias is not penalised.
      g[i] += L2 * w[i]
      h[i][i] += L2
    step = solve(h, g)
    w = [wi - si for wi, si in zip(w, step)]
  return w


def accuracy(w, data):
  hits = sum((sigmoid(sum(wi * xi for wi, xi in zip(w, x))) >= 0.5) == (y == 1)
             for x, y in data)
  return hits / len(data)


def main():
  rows = read(sys.argv[1])
  train, test = rows["train"], rows["test"]
  order = list(range(len(train)))
  random.Random(SEED).shuffle(order)
  folds = [order[k::5] for k in range(5)]
  cv = []
  for k in range(5):
    held = set(folds[k])
    w = fit([train[i] for i in order if i not in held])
    cv.append(accuracy(w, [train[i] for i in folds[k]]))
  w = fit(train)
  print("features: bias, " + ", ".join(FEATURES))
  print("constexpr double kSentenceWeights[] = {" +
        ", ".join("%.4f" % x for x in w) + "};")
  print("train %d pairs: accuracy %.4f; 5-fold CV %.4f (%s)" %
        (len(train), accuracy(w, train), sum(cv) / 5,
         " ".join("%.3f" % c for c in cv)))
  print("test %d pairs: accuracy %.4f" % (len(test), accuracy(w, test)))


if __name__ == "__main__":
  main()
