#!/usr/bin/env python3
"""Checks whether sentence-level matching finds Clough's heavy revisions.

Against its source, one heavy answer (g4pE_taska) shares no passage and one
non answer (g1pD_taskd) shares 13% of its words; they keep the derived vs
not F1 at 0.964 (target 0.97). A heavy revision rewrites each sentence of
the source, so its sentences should each have a close counterpart there,
while an answer written from other material should not. For every answer
this script measures, against its task's source: the share of its words in
sentences whose best TF-IDF cosine with a source sentence is at least TAU
(IDF over the 100 texts; sentences of 3 words or more), and the mean of
those best cosines. It prints the answers in order of the share with
their labels: a usable feature puts every derived answer above every non
answer. Plain Python; it changes nothing.

  python3 scripts/fit_heavy.py ../shared/datasets/clough-stevenson-2011
"""

import collections
import csv
import math
import os
import re
import sys

TAU = 0.4
WORD = re.compile(r"[a-z0-9]+")
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")


def words(text):
  return WORD.findall(text.lower())


def main():
  if len(sys.argv) != 2:
    sys.exit(__doc__)
  root = sys.argv[1]
  text_dir = os.path.join(root, "text_utf8")
  texts = {}
  for name in sorted(os.listdir(text_dir)):
    with open(os.path.join(text_dir, name), encoding="utf-8") as f:
      texts[name] = f.read()
  df = collections.Counter()
  for t in texts.values():
    df.update(set(words(t)))
  n = len(texts)
  idf = {w: math.log((n + 1) / (c + 1)) + 1 for w, c in df.items()}

  def sentences(t):
    return [s for s in SENTENCE_END.split(t) if len(words(s)) >= 3]

  def vector(s):
    v = {w: c * idf[w] for w, c in collections.Counter(words(s)).items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / norm for w, x in v.items()}

  def cosine(a, b):
    return sum(x * b.get(w, 0.0) for w, x in a.items())

  rows = []
  with open(os.path.join(root, "pairs_answer_source.csv"),
            encoding="utf-8") as f:
    for r in csv.DictReader(f):
      source = [vector(s) for s in sentences(texts[r["source_file"]])]
      total = matched = 0
      best = []
      for s in sentences(texts[r["derived_file"]]):
        m = max(cosine(vector(s), x) for x in source)
        size = len(words(s))
        total += size
        matched += size if m >= TAU else 0
        best.append(m)
      rows.append((matched / total if total else 0.0,
                   sum(best) / len(best) if best else 0.0, r["category"],
                   r["derived_file"]))
  rows.sort()
  print("share of words in sentences matched at cosine >= %.2f, mean best "
        "cosine, label, answer (ascending):" % TAU)
  for i, (share, mean, category, name) in enumerate(rows, 1):
    print("%3d  %.3f  %.3f  %-5s  %s" % (i, share, mean, category, name))
  for name in ("g4pE_taska.txt", "g1pD_taskd.txt"):
    share = next(r[0] for r in rows if r[3] == name)
    above = sum(1 for r in rows if r[2] == "non" and r[0] > share)
    below = sum(1 for r in rows if r[2] != "non" and r[0] < share)
    print("%s: %.3f; non answers above it %d, derived answers below it %d" %
          (name, share, above, below))


if __name__ == "__main__":
  main()
