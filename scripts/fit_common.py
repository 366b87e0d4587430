"""What the fit_*.py scripts share: the per-pair lines of
`neardup eval --only semeval -v` and rank statistics (plain Python)."""

import csv
import math
import re

_PAIR = re.compile(r"^  (\S+)/1 overall=(\S+) story=(\S+) cos=(\S+) names=(\S+) "
                   r"cov=(\S+)/(\S+) \S+ rest=(\S+)$")


def read_pairs(path):
  """The SemEval pairs of an `eval -v` output: id, human Overall score,
  story score, cosine, names, larger (hi) and smaller (lo) coverage, rest
  cosine."""
  rows = []
  for line in open(path, encoding="utf-8"):
    m = _PAIR.match(line.rstrip("\n"))
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


def ranks(x):
  """Ranks from 1, ties sharing their mean rank."""
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


def spearman(a, b):
  return pearson(ranks(a), ranks(b))


def read_semeval_texts(directory, stopwords_cc):
  """The SemEval English pairs with their texts (pairs_en_en.csv rows), the
  pair ids of the team's training file, and the tokenizer's stopwords read
  from core/src/text/stopwords.cc."""
  stop = set(re.findall(r'^\s*"([^"]*)",', open(stopwords_cc).read(), re.M))
  csv.field_size_limit(1 << 30)
  with open(directory + "/pairs_en_en.csv", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
  with open(directory + "/original/training_set.csv", encoding="utf-8") as f:
    train = {r["pair_id"] for r in csv.DictReader(f)}
  return rows, train, stop
