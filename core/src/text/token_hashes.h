// Copyright 2026 The neardup Authors.
//
// The hashes-only tokenizer: the same words as Tokenize(), but only their
// hashes, into a buffer the caller reuses from document to document. The
// signing pipeline (Sketcher::Sketch) needs no offsets or flags beyond the
// stopword bit, and skipping the 24-byte Token records halves the memory the
// tokenizer writes; reusing the buffer removes the per-document allocation.
//
//   internal::TokenHashBuffer buffer;  // One per thread, kept across calls.
//   internal::TokenizeHashes(text, options, &buffer);
//   buffer.all();      // Every word's hash, in text order: Token::hash.
//   buffer.content();  // The same without stopwords (kTokenStopword).

#ifndef NEARDUP_TEXT_TOKEN_HASHES_H_
#define NEARDUP_TEXT_TOKEN_HASHES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/base/optimization.h"
#include "absl/types/span.h"

#include "neardup/text.h"

namespace neardup::internal {

class TokenHashBuffer {
 public:
  absl::Span<const uint64_t> all() const {
    return absl::MakeConstSpan(all_.data(), size_);
  }
  absl::Span<const uint64_t> content() const {
    return absl::MakeConstSpan(content_.data(), num_content_);
  }
  size_t capacity() const { return all_.size(); }

  void Clear() {
    size_ = 0;
    num_content_ = 0;
  }
  // Room for at least `n` words without growing.
  void Reserve(size_t n) {
    if (all_.size() < n) {
      all_.resize(n);
      content_.resize(n);
    }
  }
  // Frees the memory (for a buffer grown by one huge document).
  void Release() {
    Clear();
    all_ = std::vector<uint64_t>();
    content_ = std::vector<uint64_t>();
  }

  // Raw access for the tokenizer's inner loop, which keeps the cursor in
  // registers: GetCursor() hands out the state, the loop appends through it
  // (after EnsureRoom() for as many words as it may append), and Commit()
  // writes it back before anything else touches the buffer.
  struct Cursor {
    uint64_t* all;      // The next entry of all().
    uint64_t* content;  // The next entry of content().
    uint64_t* all_end;  // One past the last entry of the capacity.
  };
  Cursor GetCursor() {
    return Cursor{all_.data() + size_, content_.data() + num_content_,
                  all_.data() + all_.size()};
  }
  void Commit(const Cursor& c) {
    size_ = static_cast<size_t>(c.all - all_.data());
    num_content_ = static_cast<size_t>(c.content - content_.data());
  }
  // Makes room for `n` more words through `c` (committing and growing the
  // buffer when needed).
  ABSL_ATTRIBUTE_ALWAYS_INLINE void EnsureRoom(Cursor& c, size_t n) {
    if (ABSL_PREDICT_FALSE(static_cast<size_t>(c.all_end - c.all) < n)) {
      Commit(c);
      while (all_.size() - size_ < n) Grow();
      c = GetCursor();
    }
  }
  // Doubles the capacity (at least 256 words).
  void Grow();

  // Appends a word. Branch-free on the stopword bit: the hash is stored in
  // `content_` either way and kept only for a content word.
  ABSL_ATTRIBUTE_ALWAYS_INLINE void Add(uint64_t hash, bool stopword) {
    if (ABSL_PREDICT_FALSE(size_ == all_.size())) Grow();
    all_[size_] = hash;
    content_[num_content_] = hash;
    ++size_;
    num_content_ += !stopword;
  }

 private:
  // all_ and content_ have the same size, the capacity; the first size_
  // (num_content_) entries hold words.
  std::vector<uint64_t> all_;
  std::vector<uint64_t> content_;
  size_t size_ = 0;
  size_t num_content_ = 0;
};

// Tokenize(text, options), hashes only: out->all() gets the hash of every
// token of Tokenize(text, options).tokens, in order, and out->content() those
// of the tokens without kTokenStopword. Clears `out` first; allocates only
// when the buffer must grow.
void TokenizeHashes(std::string_view text, const TokenizeOptions& options,
                    TokenHashBuffer* out);

}  // namespace neardup::internal

#endif  // NEARDUP_TEXT_TOKEN_HASHES_H_
