#!/usr/bin/env python3
"""Checks whether character n-grams rank SemEval pairs better than words.

Plain-Python TF-IDF cosines over all 708 texts of the SemEval-2022 Task 8
English pairs (sublinear tf, smoothed IDF from the 708 texts, the first 12
words counted three times, the tokenizer's stopwords left out): content
words, character 4-grams and 3- to 5-grams of the content words (each word
padded with a space on both sides, as scikit-learn's char_wb), and mixes of
words with 3-5-grams; Spearman against -Overall on the team's training-file
half, the held-out half and all pairs.

  python3 scripts/fit_charngram.py \\
      ../shared/datasets/semeval2022-task8-sample core/src/text/stopwords.cc
"""

import collections
import math
import re
import sys

from fit_common import read_semeval_texts, spearman

WORD = re.compile(r"[a-z0-9]+")
LEAD_WORDS, LEAD_WEIGHT = 12, 3


def features(text, stop, grams):
  """Term counts of `text`: content words (grams None) or their character
  n-grams for n in grams."""
  counts = collections.Counter()
  for i, w in enumerate(WORD.findall(text.lower())):
    if w in stop:
      continue
    weight = LEAD_WEIGHT if i < LEAD_WORDS else 1
    if grams is None:
      counts[w] += weight
      continue
    s = " " + w + " "
    for n in grams:
      for j in range(max(1, len(s) - n + 1)):
        counts[s[j:j + n]] += weight
  return counts


def cosines(rows, stop, grams):
  docs = []
  for r in rows:
    docs += [features(r["text1"], stop, grams), features(r["text2"], stop, grams)]
  df = collections.Counter()
  for c in docs:
    df.update(c.keys())
  n = len(docs)
  vectors = []
  for c in docs:
    v = {k: (1 + math.log(x)) * (math.log((n + 1) / (df[k] + 1)) + 1)
         for k, x in c.items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1
    vectors.append({k: x / norm for k, x in v.items()})
  out = []
  for i in range(len(rows)):
    a, b = vectors[2 * i], vectors[2 * i + 1]
    if len(a) > len(b):
      a, b = b, a
    out.append(sum(x * b.get(k, 0) for k, x in a.items()))
  return out


def main():
  rows, train, stop = read_semeval_texts(sys.argv[1], sys.argv[2])
  overall = [-float(r["Overall"]) for r in rows]
  halves = {
      "training-file half": [i for i, r in enumerate(rows)
                             if r["pair_id"] in train],
      "held out": [i for i, r in enumerate(rows) if r["pair_id"] not in train],
      "all": list(range(len(rows))),
  }

  def report(name, score):
    cells = ["%s %.3f" % (h, spearman([score[i] for i in idx],
                                      [overall[i] for i in idx]))
             for h, idx in halves.items()]
    print("%-22s %s" % (name, "  ".join(cells)))

  words = cosines(rows, stop, None)
  report("words", words)
  report("char 4-grams", cosines(rows, stop, (4,)))
  chars = cosines(rows, stop, (3, 4, 5))
  report("char 3-5-grams", chars)
  for w in (0.3, 0.5, 0.7):
    report("%.1f words + %.1f chars" % (w, 1 - w),
           [w * x + (1 - w) * y for x, y in zip(words, chars)])


if __name__ == "__main__":
  main()
