// Copyright 2026 The neardup Authors.
//
// The merge of two sorted lists of distinct terms: the one home of the
// sparse dot product's walk (tfidf.h's Cosine(), topic_terms.h's
// TopicCosine()).

#ifndef NEARDUP_INTERNAL_SORTED_MERGE_H_
#define NEARDUP_INTERNAL_SORTED_MERGE_H_

#include <cstddef>
#include <vector>

namespace neardup::internal {

// Calls f(i, j) for every term in both ascending lists (a[i] == b[j]), in
// ascending term order.
template <typename T, typename F>
inline void ForEachCommonTerm(const std::vector<T>& a, const std::vector<T>& b,
                              F&& f) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      f(i++, j++);
    }
  }
}

}  // namespace neardup::internal

#endif  // NEARDUP_INTERNAL_SORTED_MERGE_H_
