#!/usr/bin/env python3
"""Checks text-direction features as evidence of which document is the origin.

Issue 4 asks for the task source to be named the origin of its Clough &
Stevenson story in 5 of 5 tasks; the reuse rule of core/src/story/origin.cc
(the member that holds the most of what the others reuse) names an answer in
tasks c and d. Before any direction feature becomes an origin rule, this
script measures it on ALL derived answer-source pairs that share a passage:
how often does it point at the source? Then it shows what it says in the
two failing tasks. Plain Python over the scan JSON; it changes nothing.

Pairwise features (x = source, y = answer; "points right" = says x):
  containment  the origin is the side with more word 3-grams of its own
               (less contained in the other): excerpts lose text;
  added text   the reverse: the derivative adds its own words;
  specificity  the origin's unshared words are rarer (mean IDF over the
               input) than the derivative's;
  density      the derivative's passages sit closer together: the share of
               the stretch from its first to its last passage that the
               passages cover is higher on the derivative's side.
Story features (each task's story of `neardup scan`):
  holds        share of the text the other members reuse that a member also
               shares with them (the rule in origin.cc; here over bytes);
  disorder     passage order disagreement with the other members (pairs of
               passages in opposite order, weighted by the shorter one):
               an origin's order should be the one derivatives keep.
  window rule  among members within `d` of the best `holds`, the least
               disorder (for d = 0 .. 0.10).

  neardup scan ../shared/datasets/clough-stevenson-2011/text_utf8 \\
      --format json > /tmp/clough.json
  python3 scripts/fit_direction.py /tmp/clough.json \\
      ../shared/datasets/clough-stevenson-2011/pairs_answer_source.csv
"""

import collections
import csv
import json
import math
import re
import sys

WORD = re.compile(r"[a-z0-9]+")


def words(text):
  return WORD.findall(text.lower())


class Scan:
  """The documents, their texts (bytes) and the pairs of a scan JSON."""

  def __init__(self, path):
    report = json.load(open(path, encoding="utf-8"))
    self.texts = {}
    for d in report["documents"]:
      with open(d["file"], "rb") as f:
        self.texts[d["id"]] = f.read()
    self.pairs = {(p["a"], p["b"]): p for p in report["pairs"]}
    self.stories = [[m["id"] for m in s["members"]] for s in report["stories"]]
    df = collections.Counter()
    for t in self.texts.values():
      df.update(set(words(t.decode("utf-8", "replace"))))
    n = len(self.texts)
    self.idf = {w: math.log((n + 1) / (c + 1)) + 1 for w, c in df.items()}

  def pair(self, x, y):
    """The pair of x and y, and x's side ("a" or "b")."""
    if (x, y) in self.pairs:
      return self.pairs[(x, y)], "a", "b"
    return self.pairs[(y, x)], "b", "a"

  def spans(self, x, y):
    """Passages of (x, y) as ((x begin, x end), (y begin, y end), words)."""
    p, sx, sy = self.pair(x, y)
    return [((q[sx]["begin"], q[sx]["end"]), (q[sy]["begin"], q[sy]["end"]),
             q["words"]) for q in p["passages"]]


def unshared_words(text, spans):
  out, last = [], 0
  for begin, end in sorted(spans):
    out.append(text[last:begin])
    last = max(last, end)
  out.append(text[last:])
  return words(b" ".join(out).decode("utf-8", "replace"))


def density(spans):
  if not spans:
    return 0.0
  spans = sorted(spans)
  stretch = spans[-1][1] - spans[0][0]
  covered = sum(e - b for b, e in spans)
  return min(1.0, covered / stretch) if stretch else 0.0


def pairwise(scan, x, y):
  """Each pairwise feature's vote: True = says x is the origin."""
  p, sx, sy = scan.pair(x, y)
  spans = scan.spans(x, y)
  x_in_y = p["shingle_a_in_b"] if sx == "a" else p["shingle_b_in_a"]
  y_in_x = p["shingle_b_in_a"] if sx == "a" else p["shingle_a_in_b"]
  ux = unshared_words(scan.texts[x], [s[0] for s in spans])
  uy = unshared_words(scan.texts[y], [s[1] for s in spans])

  def rarity(u):
    return sum(scan.idf.get(w, 0) for w in u) / len(u) if u else 0.0

  return {
      "containment": x_in_y < y_in_x,
      "added text": x_in_y > y_in_x,
      "specificity": rarity(ux) > rarity(uy),
      "density": density([s[0] for s in spans]) <
                 density([s[1] for s in spans]),
  }


def holds(scan, members):
  cover = {}
  for x in members:
    for z in members:
      if x != z:
        cover[(x, z)] = set()
        for (b, e), _, _ in scan.spans(x, z):
          cover[(x, z)].update(range(b, e))
  out = {}
  for i in members:
    held = total = 0
    for j in members:
      if j == i:
        continue
      reused = set()
      for k in members:
        if k not in (i, j):
          reused |= cover[(j, k)]
      total += len(reused)
      held += len(reused & cover[(j, i)])
    out[i] = held / total if total else 0.0
  return out


def disorder(scan, x, members):
  inverted = total = 0
  for z in members:
    if z == x:
      continue
    q = sorted((sx[0], sz[0], w) for sx, sz, w in scan.spans(x, z))
    for i in range(len(q)):
      for k in range(i + 1, len(q)):
        w = min(q[i][2], q[k][2])
        total += w
        inverted += w if q[i][1] > q[k][1] else 0
  return inverted / total if total else 0.0


def main():
  if len(sys.argv) != 3:
    sys.exit(__doc__)
  scan = Scan(sys.argv[1])
  labels = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
  strip = lambda f: f[:-4] if f.endswith(".txt") else f

  right = collections.Counter()
  counted = 0
  for row in labels:
    if row["category"] == "non":
      continue
    x, y = strip(row["source_file"]), strip(row["derived_file"])
    if not scan.spans(x, y):
      continue
    counted += 1
    for name, says_x in pairwise(scan, x, y).items():
      right[name] += says_x
  print("pairwise features on the %d derived answer-source pairs that share "
        "a passage (points at the source):" % counted)
  for name in ["containment", "added text", "specificity", "density"]:
    print("  %-12s %2d of %d" % (name, right[name], counted))

  print("story features per task (the source, and the top members by holds):")
  windows = [0.0, 0.02, 0.04, 0.06, 0.07, 0.08, 0.1]
  picks = collections.defaultdict(int)
  for members in scan.stories:
    sources = [m for m in members if m.startswith("orig_")]
    if len(sources) != 1 or len(members) < 5:
      continue
    source = sources[0]
    h = holds(scan, members)
    d = {m: disorder(scan, m, members) for m in members}
    top = sorted(members, key=lambda m: (-h[m], m))
    hub = top[0]
    line = ["  %s:" % source[5:]]
    for m in top[:4]:
      line.append("%s holds %.3f disorder %.3f" % (m, h[m], d[m]))
    print("  ".join(line))
    if hub != source:
      print("    %s vs %s, pairwise: %s" % (
          source, hub, ", ".join(
              "%s %s" % (k, "source" if v else "answer")
              for k, v in pairwise(scan, source, hub).items())))
    best = h[hub]
    for w in windows:
      window = [m for m in members if h[m] >= best - w]
      pick = min(window, key=lambda m: (d[m], -h[m], m))
      picks[w] += pick == source
  print("window rule (least disorder within d of the best holds), tasks "
        "whose source is picked:")
  print("  " + "  ".join("d=%.2f: %d" % (w, picks[w]) for w in windows))


if __name__ == "__main__":
  main()
