#!/usr/bin/env python3
"""The streaming index's rewrites by topic terms on SemEval-2022 Task 8.

Each English pair goes alone into a fresh index (`neardup index create
--topic-cosine 0.01`, then `index ingest` of its two texts): the second
text's match on the first carries their topic cosine (no match: no shared
key, so never a candidate; counted as cosine 0). A pair is one story at
threshold t when its cosine is >= t, or when an index with the topic rule
off (`--topic-cosine 0`) already joins it through shingles or SimHash. Prints, for the team's training-file half, the held-out
half and all pairs: the Spearman of the cosine against the human Overall
score (lower = more similar) and, per threshold, the share of clearly
same-story pairs (Overall <= 1.5) and clearly different ones (>= 3.5) put
in one story.

  python3 scripts/eval_index_topic.py build/cli/neardup \\
      ../shared/datasets/semeval2022-task8-sample core/src/text/stopwords.cc
"""

import json
import os
import subprocess
import sys
import tempfile

from fit_common import read_semeval_texts, spearman

THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45)


def ingest_pair(neardup, a, b, work, topic_cosine):
  """The two verdicts of the pair ingested into a fresh index."""
  index = os.path.join(work, "index")
  subprocess.run(["rm", "-rf", index], check=True)
  subprocess.run([neardup, "index", "create", "--index", index,
                  "--topic-cosine", str(topic_cosine)], check=True,
                 stdout=subprocess.DEVNULL)
  docs = os.path.join(work, "pair.jsonl")
  with open(docs, "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "a", "text": a}) + "\n")
    f.write(json.dumps({"id": "b", "text": b}) + "\n")
  out = subprocess.run([neardup, "index", "ingest", "-q", "--no-sync",
                        "--index", index, docs], check=True,
                       capture_output=True, text=True).stdout
  return [json.loads(line) for line in out.splitlines()]


def judge(neardup, a, b, work):
  """(topic cosine, one story without the topic rule) of the pair."""
  first, second = ingest_pair(neardup, a, b, work, 0)
  sketches = first.get("story") is not None and (
      second.get("story") == first.get("story"))
  first, second = ingest_pair(neardup, a, b, work, 0.01)
  match = next((m for m in second["matches"] if m["id"] == "a"), None)
  return (match.get("cosine", 0.0) if match else 0.0), sketches


def main():
  neardup, directory, stopwords = sys.argv[1:4]
  rows, train, _ = read_semeval_texts(directory, stopwords)
  results = []
  with tempfile.TemporaryDirectory() as work:
    for r in rows:
      cos, sketch = judge(neardup, r["text1"], r["text2"], work)
      results.append((r["pair_id"] in train, float(r["Overall"]), cos, sketch))
  for name, keep in (("training-file half", lambda t: t),
                     ("held out", lambda t: not t), ("all", lambda t: True)):
    part = [x for x in results if keep(x[0])]
    rho = spearman([x[2] for x in part], [-x[1] for x in part])
    same = [x for x in part if x[1] <= 1.5]
    diff = [x for x in part if x[1] >= 3.5]
    print(f"{name} ({len(part)} pairs): Spearman(cosine, -Overall) {rho:.3f}")
    for t in THRESHOLDS:
      js = sum(1 for x in same if x[3] or x[2] >= t)
      jd = sum(1 for x in diff if x[3] or x[2] >= t)
      print(f"  t={t:.2f}: same-story joined {js}/{len(same)} = "
            f"{100 * js / len(same):.1f}%, different joined {jd}/{len(diff)}"
            f" = {100 * jd / len(diff):.1f}%")


if __name__ == "__main__":
  main()
