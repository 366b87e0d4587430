// Copyright 2026 The neardup Authors.
//
// The tokenizer: one pass over the bytes, line by line. A word is a maximal
// run of letters, digits and combining marks, with an apostrophe kept between
// letters ("don't", "O’Brien") and '.' or ',' kept between digits ("3.5",
// "1,000"). Han, Hiragana and Katakana characters are one token each. All
// other characters, and invalid UTF-8 bytes, separate words.
//
// ASCII words of up to 15 bytes take the fast path: two 8-byte loads,
// classified and lower-cased in registers (SWAR), hashed from the registers
// (text/hash.h). Longer words, apostrophes, decimal points and words near the
// end of the text take WordSlow(), still without allocation for ASCII; a word
// with any non-ASCII character is normalised by utf8proc
// (text/normalize.cc).

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/base/optimization.h"

#include "neardup/text.h"

#include "text/byte_classes.h"
#include "text/char_class.h"
#include "text/hash.h"
#include "text/normalize.h"
#include "text/stopwords.h"
#include "text/token_hashes.h"
#include "text/word_hash_kernels.h"

namespace neardup {
namespace {

using internal::CodePointClass;
using internal::kByteAlnum;
using internal::kByteClass;
using internal::kByteDigit;
using internal::kByteLetter;
using internal::kByteNonAscii;
using internal::kByteSentenceEnd;
using internal::kByteUpper;
using internal::LoadLittleEndian64;

// ASCII words up to this length are lower-cased on the stack.
constexpr size_t kStackWordBytes = 128;
// No stopword is longer than this (in bytes, normalised).
constexpr size_t kMaxStopwordBytes = 10;

// SWAR ("SIMD within a register") classification of 8 ASCII bytes at once.
// Each result has 0x80 set in the bytes that qualify. The bytes are first
// cleared of their top bit, so adding a constant <= 0x80 never carries into
// the next byte; non-ASCII bytes are masked out at the end.
struct AsciiBlock {
  uint64_t alnum;  // [0-9A-Za-z]
  uint64_t upper;  // [A-Z]
  uint64_t digit;  // [0-9]
};

constexpr uint64_t kHigh = 0x8080808080808080ULL;
constexpr uint64_t Repeat(uint8_t b) { return 0x0101010101010101ULL * b; }

// 0x80 in each byte of y (top bits clear) that lies in [lo, hi].
constexpr uint64_t InRange(uint64_t y, uint8_t lo, uint8_t hi) {
  const uint64_t ge = y + Repeat(static_cast<uint8_t>(0x80 - lo));
  const uint64_t gt = y + Repeat(static_cast<uint8_t>(0x7F - hi));
  return ge & ~gt & kHigh;
}

inline AsciiBlock ClassifyAscii(uint64_t x) {
  const uint64_t ascii = ~x & kHigh;
  const uint64_t y = x & ~kHigh;
  AsciiBlock b;
  b.upper = InRange(y, 'A', 'Z') & ascii;
  b.digit = InRange(y, '0', '9') & ascii;
  b.alnum = (b.upper | b.digit | InRange(y, 'a', 'z')) & ascii;
  return b;
}

inline void StoreLittleEndian64(char* p, uint64_t x) {
  if constexpr (std::endian::native == std::endian::big) {
    x = __builtin_bswap64(x);
  }
  std::memcpy(p, &x, sizeof(x));
}

// kWordMasks[n] keeps the first n < 16 bytes of two little-endian 8-byte
// words: a load instead of two shifts and two selects per word.
constexpr std::array<std::array<uint64_t, 2>, 16> MakeWordMasks() {
  std::array<std::array<uint64_t, 2>, 16> t{};
  for (size_t n = 0; n < 16; ++n) {
    t[n][0] = n >= 8 ? ~uint64_t{0} : ~(~uint64_t{0} << (8 * n));
    t[n][1] = n <= 8 ? 0 : ~(~uint64_t{0} << (8 * (n - 8)));
  }
  return t;
}
alignas(64) constexpr std::array<std::array<uint64_t, 2>, 16> kWordMasks =
    MakeWordMasks();

// Where the tokenizer's words go: Token records (Tokenize()) ...
struct TokenVectorSink {
  std::vector<Token>* tokens;
  ABSL_ATTRIBUTE_ALWAYS_INLINE void Add(uint32_t begin, uint32_t end,
                                        uint64_t hash, uint8_t flags) {
    tokens->push_back(Token{begin, end, hash, flags});
  }
};

// ... or only the hashes and the stopword bit (TokenizeHashes()); the other
// flags are then dead code the compiler drops.
struct HashSink {
  internal::TokenHashBuffer* buffer;
  ABSL_ATTRIBUTE_ALWAYS_INLINE void Add(uint32_t /*begin*/, uint32_t /*end*/,
                                        uint64_t hash, uint8_t flags) {
    buffer->Add(hash, (flags & kTokenStopword) != 0);
  }
};

template <class Sink>
class Tokenizer {
 public:
  Tokenizer(std::string_view text, Sink sink)
      : s_(reinterpret_cast<const uint8_t*>(text.data())),
        size_(std::min<size_t>(text.size(), UINT32_MAX)),
        sink_(sink),
        stopwords_(internal::StopwordTable::Get()),
        probe_(stopwords_.probe()),
        hash_words_(std::is_same_v<Sink, HashSink> && stopwords_.perfect() &&
                            internal::AsciiWordBatchPays()
                        ? internal::HashAsciiWordsKernel()
                        : nullptr),
        scan_words_(hash_words_ != nullptr ? internal::ScanAsciiWordsKernel()
                                           : nullptr),
        classify_(std::is_same_v<Sink, HashSink>
                      ? internal::ClassifyBytesKernel()
                      : nullptr) {}

  // The end of the line at `pos` (< size_): the position of the first '\n'
  // at or after it, or size_. From the byte masks of the classified window
  // (which must hold pos; MasksAt() classifies), else memchr.
  size_t LineEnd(size_t pos) {
    size_t k = pos >> 6;
    EnsureClassified(k);
    uint64_t nl = masks_[k - window_].newline & (~uint64_t{0} << (pos & 63));
    while (nl == 0) {
      ++k;
      if (64 * k >= size_) return size_;
      if (k >= window_end_) {  // Past the window: a long line.
        const void* newline = std::memchr(s_ + 64 * k, '\n', size_ - 64 * k);
        return newline ? static_cast<size_t>(
                             static_cast<const uint8_t*>(newline) - s_)
                       : size_;
      }
      nl = masks_[k - window_].newline;
    }
    return 64 * k + static_cast<size_t>(std::countr_zero(nl));
  }

  // Tokenises the line [begin, end), which holds no '\n'.
  void TokenizeLine(size_t i, size_t end) {
    bool sentence_start = true;
    while (i < end) i = Step(i, end, sentence_start);
  }

  // TokenizeLine() for the hashes-only sink, which needs no sentence starts:
  // 64 bytes at a time, the ASCII letters and digits and the non-ASCII bytes
  // become bit masks, and the loop jumps from word to word by bit scans
  // instead of testing every separator byte (a branch per byte whose outcome
  // follows the text, so mispredicted often). A plain ASCII word of at most
  // 15 bytes is hashed right there; anything else (a word that a following
  // ', ., , or non-ASCII byte may continue, a long word, a non-ASCII byte)
  // goes through Step(), as in TokenizeLine().
  // kBatch: the words go through the batch (batching()); without it the
  // loop is the one word at a time, with no trace of the batch.
  template <bool kBatch>
  void TokenizeLineBlocks(size_t i, size_t end) {
    bool sentence_start = false;  // Unused by this sink.
    internal::TokenHashBuffer& buffer = *sink_.buffer;
    // The words of the fast path go straight through `cursor`, which lives in
    // registers; Step() and Word() append through the buffer, so the cursor
    // is written back before and read again after them.
    internal::TokenHashBuffer::Cursor cursor = buffer.GetCursor();
    auto flush = [&] {
      if constexpr (kBatch) FlushBatch(buffer, cursor);
    };
    auto slow = [&](auto step) {
      flush();
      buffer.Commit(cursor);
      const size_t next = step();
      cursor = buffer.GetCursor();
      buffer.EnsureRoom(cursor, 32);
      return next;
    };
    while (i < end) {
      // Bits [0, limit) stand for bytes [i, i + limit) of the line; the
      // masks are cut there, so the line's last block is no special case.
      size_t limit = std::min<size_t>(64, end - i);
      internal::ByteClassMasks m = MasksAt(i);
      if (limit < 64) CutMasks(limit, m);
      if (m.non_ascii != 0) {
        // A block with a non-ASCII byte: the bytes before the run of
        // letters, digits, ' . and , that leads up to its first one (a word
        // it may belong to or continue) are plain ASCII and end at a
        // separator that continues no word, so they take the plain ASCII
        // loop as a block cut there; the rest is the next block's.
        const int first = std::countr_zero(m.non_ascii);
        const uint64_t separators =
            ~(m.letter | m.digit | m.apostrophe | m.point) &
            ((uint64_t{1} << first) - 1);
        if (separators != 0) {
          limit = static_cast<size_t>(64 - std::countl_zero(separators));
          CutMasks(limit, m);
        }
      }
      const uint64_t alnum = m.letter | m.digit;
      const uint64_t non_ascii = m.non_ascii;
      size_t p = 0;  // Bytes of the block done.
      if (non_ascii == 0) {
        // Plain ASCII (most blocks of English): the words are the runs of
        // `alnum`. Their first and last bytes come from two bit masks whose
        // lowest bits are cleared word by word, so no step waits on the
        // previous word's length.
        uint64_t starts = alnum & ~(alnum << 1);
        uint64_t lasts = alnum & ~(alnum >> 1);
        // The bytes that continue a word ending right before them: an
        // apostrophe between letters, '.' or ',' between digits. The masks
        // are 0 past the line, so a byte whose next one is past it is in
        // none (as in Continues()).
        const uint64_t continues =
            (m.apostrophe & (m.letter << 1) & (m.letter >> 1)) |
            (m.point & (m.digit << 1) & (m.digit >> 1));
        // The last bytes of the words the loop below may not take as they
        // are, all decided here so that a word costs one test: a word the
        // next byte continues, one that may run on past a full block (last
        // byte at bit 62 or 63), and every word of 16 bytes or more. The
        // rare branch sorts them out.
        // A last byte whose 16 bytes up to it are all letters or digits
        // ends a word of 16 or more: runs of 2, 4, 8, then 16.
        uint64_t long_runs = alnum & (alnum << 1);
        long_runs &= long_runs << 2;
        long_runs &= long_runs << 4;
        long_runs &= long_runs << 8;
        const uint64_t rare_lasts =
            lasts & ((continues >> 1) | long_runs |
                     (limit == 64 ? uint64_t{3} << 62 : 0));
        // A 64-byte block holds at most 32 words.
        buffer.EnsureRoom(cursor, 32);
        // The words' bytes, 16 readable from each word's start: near the
        // text's end, a copy padded with zeros.
        const uint8_t* const block =
            ABSL_PREDICT_TRUE(i + 64 + 16 <= size_) ? s_ + i : TailCopy(i);
        p = limit;
        if constexpr (kBatch) {
          // The words before the first rare one join the batch: by the
          // stage-2 kernel where the target has one (AVX3_DL: the starts
          // and lasts compressed to byte indices, the words' bytes
          // permuted out of the block), else by bit scans alone; their
          // hashes and stopword flags come 8 at a time in FlushBatch().
          const int cut = std::countr_zero(rare_lasts);  // 64 when none.
          const uint64_t before =
              cut >= 64 ? ~uint64_t{0} : (uint64_t{1} << cut) - 1;
          uint64_t batch = lasts & before;
          if (scan_words_ != nullptr && batch != 0) {
            // The batch's starts: those up to its last word's last byte.
            const int top = 63 - std::countl_zero(batch);
            const uint64_t through = (uint64_t{2} << top) - 1;
            const uint64_t batch_starts = starts & through;
            pending_ +=
                scan_words_(block, batch_starts, batch, &word_lo_[pending_],
                            &word_hi_[pending_], &word_lens_[pending_]);
            starts &= ~through;
            batch = 0;
          }
          // The count in a local: pending_ is a size_t, the type of the
          // uint64_t stores, so the member would be reloaded and stored at
          // every word (a store-to-load chain across the words).
          size_t pending = pending_;
          while (batch != 0) {
            const uint32_t s = static_cast<uint32_t>(std::countr_zero(starts));
            word_lo_[pending] = LoadLittleEndian64(block + s);
            word_hi_[pending] = LoadLittleEndian64(block + s + 8);
            word_lens_[pending] =
                static_cast<uint32_t>(std::countr_zero(batch)) + 1 - s;
            ++pending;
            starts &= starts - 1;
            batch &= batch - 1;
          }
          pending_ = pending;
          lasts &= ~before;
          if (pending_ > kBatchWords - 32) flush();
        }
        while (starts != 0) {
          const size_t s = static_cast<size_t>(std::countr_zero(starts));
          const size_t last = static_cast<size_t>(std::countr_zero(lasts));
          const size_t n = last + 1 - s;
          if (ABSL_PREDICT_FALSE(((rare_lasts >> last) & 1) != 0)) {
            const size_t e = last + 1;
            // A word that may run on past the block, or one whose next
            // byte but one (for ContinuesInBlock) is past it: the next
            // block starts with it.
            if (e >= 63 && limit == 64 && s != 0) {
              p = s;
              break;
            }
            // e <= 63 unless the word fills the block (then n >= 16).
            const bool continued = ((continues >> (e & 63)) & 1) != 0;
            if (continued | (n >= 16)) {
              const size_t next =
                  slow([&] { return Word(i + s, end, sentence_start); }) - i;
              // With the batch, the rest of the block is a new block, so
              // its words join the batch instead of going one at a time.
              if (kBatch || next >= limit) {
                p = next;
                break;
              }
              // Words end at a byte that is not a letter or digit, so
              // `next` starts no run in the middle.
              const uint64_t rest = ~uint64_t{0} << next;
              starts &= rest;
              lasts &= rest;
              continue;
            }
          }
          flush();
          AppendAsciiRun(block + s, n, cursor);
          starts &= starts - 1;
          lasts &= lasts - 1;
        }
        i += p;
        continue;
      }
      flush();
      while (p < limit) {
        const uint64_t from_p = ~uint64_t{0} << p;
        const uint64_t a = alnum & from_p;
        const uint64_t na = non_ascii & from_p;
        if (ABSL_PREDICT_FALSE(na != 0) &&
            (a == 0 || std::countr_zero(na) < std::countr_zero(a))) {
          const size_t at = i + static_cast<size_t>(std::countr_zero(na));
          p = slow([&] { return Step(at, end, sentence_start); }) - i;
          break;  // The rest is a new block (plain ASCII up to the next one).
        }
        if (a == 0) {
          p = limit;
          break;
        }
        const size_t s = static_cast<size_t>(std::countr_zero(a));
        // One past the word's last letter or digit; 64 when it runs on past
        // the block.
        const size_t e = s + static_cast<size_t>(std::countr_zero(~alnum >> s));
        if (e >= 64) {
          if (s == 0) {  // A word of 64+ bytes.
            p = slow([&] { return Word(i, end, sentence_start); }) - i;
            continue;
          }
          p = s;  // Next block from the word's start.
          break;
        }
        const size_t n = e - s;
        // The byte after the word (a separator, '\n', or past the text when
        // e == limit < 64) may continue it: ', ., , or non-ASCII.
        const bool may_continue =
            e < limit && (kByteClass[s_[i + e]] &
                          (internal::kByteInfix | kByteNonAscii)) != 0;
        if (ABSL_PREDICT_FALSE(may_continue || n >= 16 || i + s + 16 > size_)) {
          p = slow([&] { return Word(i + s, end, sentence_start); }) - i;
          break;
        }
        buffer.EnsureRoom(cursor, 1);
        AppendAsciiRun(s_ + i + s, n, cursor);
        p = e;
      }
      i += p;
    }
    // The batch may wait for the next lines' words: FinishBatch().
    buffer.Commit(cursor);
  }

  // Clears the bits from `limit` (< 64) on of the masks the block loop
  // reads (not the newline mask).
  ABSL_ATTRIBUTE_ALWAYS_INLINE static void CutMasks(
      size_t limit, internal::ByteClassMasks& m) {
    const uint64_t keep = (uint64_t{1} << limit) - 1;
    m.letter &= keep;
    m.digit &= keep;
    m.non_ascii &= keep;
    m.apostrophe &= keep;
    m.point &= keep;
  }

  // The byte masks of text bytes [i, i + 64) (i < size_), 0 past the text,
  // from the classified window.
  ABSL_ATTRIBUTE_ALWAYS_INLINE internal::ByteClassMasks MasksAt(size_t i) {
    const size_t k = i >> 6;
    EnsureClassified(k);
    const internal::ByteClassMasks* const b = &masks_[k - window_];
    const unsigned off = static_cast<unsigned>(i & 63);
    if (off == 0) return b[0];
    auto join = [off](uint64_t lo, uint64_t hi) {
      return (lo >> off) | (hi << (64 - off));
    };
    internal::ByteClassMasks m;
    m.letter = join(b[0].letter, b[1].letter);
    m.digit = join(b[0].digit, b[1].digit);
    m.non_ascii = join(b[0].non_ascii, b[1].non_ascii);
    m.apostrophe = join(b[0].apostrophe, b[1].apostrophe);
    m.point = join(b[0].point, b[1].point);
    m.newline = join(b[0].newline, b[1].newline);
    return m;
  }

  // True when the window holds the block of `pos` and the one after it.
  bool Classified(size_t pos) const {
    const size_t k = pos >> 6;
    return k >= window_ && k + 1 < window_end_;
  }

  // Makes the window hold text blocks k and k + 1 (a block past the text is
  // all zeros). Blocks are asked for in increasing order (TokenizeLines()
  // sees to it; a block before the window would be classified again).
  ABSL_ATTRIBUTE_ALWAYS_INLINE void EnsureClassified(size_t k) {
    if (ABSL_PREDICT_FALSE(k + 1 >= window_end_ || k < window_)) Classify(k);
  }

  // Classifies up to kWindowBlocks blocks from block k into the window.
  ABSL_ATTRIBUTE_NOINLINE void Classify(size_t k) {
    const size_t bytes = std::min(size_ - 64 * k, 64 * kWindowBlocks);
    classify_(s_ + 64 * k, bytes, masks_.data());
    const size_t blocks = (bytes + 63) / 64;
    window_ = k;
    window_end_ = k + blocks;
    if (blocks < kWindowBlocks) {  // The text ends in the window.
      masks_[blocks] = internal::ByteClassMasks{};
      ++window_end_;
    }
  }

  // Text bytes [i, size_) (fewer than 80) followed by zeros: 80 readable
  // bytes for the words of the block at i.
  ABSL_ATTRIBUTE_NOINLINE const uint8_t* TailCopy(size_t i) {
    std::memset(tail_.data(), 0, tail_.size());
    std::memcpy(tail_.data(), s_ + i, size_ - i);
    return tail_.data();
  }

  // True when TokenizeLineBlocks<true>() is the one to call.
  bool batching() const { return hash_words_ != nullptr; }

  // Hashes the batch's words into `buffer` (TokenizeLineBlocks() ends with
  // them pending).
  void FinishBatch() {
    internal::TokenHashBuffer& buffer = *sink_.buffer;
    internal::TokenHashBuffer::Cursor cursor = buffer.GetCursor();
    FlushBatch(buffer, cursor);
    buffer.Commit(cursor);
  }

  // Hashes the batch's words through `cursor`, leaving room for 32 more.
  ABSL_ATTRIBUTE_ALWAYS_INLINE void FlushBatch(
      internal::TokenHashBuffer& buffer,
      internal::TokenHashBuffer::Cursor& cursor) {
    if (pending_ == 0) return;
    // The kernel writes whole vectors; the block being scanned may add 32
    // words after the batch's.
    buffer.EnsureRoom(cursor, ((pending_ + 7) & ~size_t{7}) + 32);
    // The kernel reads whole vectors: the lanes past the batch get defined
    // (unused) values.
    std::memset(&word_lo_[pending_], 0, 8 * sizeof(word_lo_[0]));
    std::memset(&word_hi_[pending_], 0, 8 * sizeof(word_hi_[0]));
    std::memset(&word_lens_[pending_], 0, 8 * sizeof(word_lens_[0]));
    const size_t num_content =
        hash_words_(word_lo_.data(), word_hi_.data(), word_lens_.data(),
                    pending_, probe_, cursor.all, cursor.content);
    cursor.all += pending_;
    cursor.content += num_content;
    pending_ = 0;
  }

  // Appends the hash of the n < 16 ASCII letters and digits at `begin` (16
  // readable bytes) to `cursor` (with room for it), and to its content words
  // unless a stopword.
  ABSL_ATTRIBUTE_ALWAYS_INLINE void AppendAsciiRun(
      const uint8_t* begin, size_t n,
      internal::TokenHashBuffer::Cursor& cursor) const {
    const uint64_t hash = HashAsciiRun(begin, n);
    const bool stopword = (n <= kMaxStopwordBytes) & stopwords_.Contains(hash);
    *cursor.all++ = hash;
    *cursor.content = hash;
    cursor.content += !stopword;
  }

  // The token hash of the n < 16 ASCII letters and digits at begin (16
  // readable bytes). Lower-case: letters gain 0x20; digits have it already.
  ABSL_ATTRIBUTE_ALWAYS_INLINE static uint64_t HashAsciiRun(
      const uint8_t* begin, size_t n) {
    const uint64_t lo =
        (LoadLittleEndian64(begin) | Repeat(0x20)) & kWordMasks[n][0];
    const uint64_t hi =
        (LoadLittleEndian64(begin + 8) | Repeat(0x20)) & kWordMasks[n][1];
    return internal::HashShortWord(lo, hi, n);
  }

  // One step of TokenizeLine() at i < end: a word, a CJK character, or a
  // separator. Returns the position after it.
  ABSL_ATTRIBUTE_ALWAYS_INLINE size_t Step(size_t i, size_t end,
                                           bool& sentence_start) {
    const uint8_t k = kByteClass[s_[i]];
    if (k & kByteAlnum) {
      i = Word(i, end, sentence_start);
      sentence_start = false;
      return i;
    }
    if (!(k & kByteNonAscii)) {
      if ((k & kByteSentenceEnd) && !(s_[i] == '.' && AfterAbbreviation(i))) {
        sentence_start = true;
      }
      return i + 1;
    }
    int32_t cp;
    const size_t len = internal::DecodeUtf8(s_ + i, end - i, &cp);
    if (len == 0) return i + 1;  // Invalid byte: a separator.
    switch (internal::ClassifyCodePoint(cp)) {
      case CodePointClass::kLetter:
      case CodePointClass::kUpperLetter:
      case CodePointClass::kDigit:
        i = Word(i, end, sentence_start);
        sentence_start = false;
        return i;
      case CodePointClass::kCjk:
        Emit(i, i + len, internal::HashWord(Bytes(i, i + len)),
             sentence_start ? kTokenSentenceStart : 0);
        sentence_start = false;
        return i + len;
      case CodePointClass::kSentenceEnd:
        sentence_start = true;
        return i + len;
      default:
        return i + len;
    }
  }

 private:
  // True when the '.' at `dot` ends an initial ("J.", "U.S.") or a title or
  // month abbreviation ("Mr.", "Gen.", "Jan."): the next word does not start
  // a sentence. (An initial that really ends a sentence is missed; a name
  // after "Mr." flagged as a sentence start would be worse for callers that
  // discount capitals there.)
  bool AfterAbbreviation(size_t dot) const {
    if (last_end_ != dot) return false;
    if (last_end_ - last_begin_ == 1 &&
        (kByteClass[s_[last_begin_]] & kByteLetter)) {
      return true;
    }
    for (uint64_t h : AbbreviationHashes()) {
      if (h == last_hash_) return true;
    }
    return false;
  }

  static const std::array<uint64_t, 27>& AbbreviationHashes() {
    static const std::array<uint64_t, 27> hashes = [] {
      constexpr std::string_view kAbbreviations[] = {
          "mr",  "mrs", "ms",  "dr",  "st",   "jr",   "sr",  "gen", "gov",
          "sen", "rep", "rev", "hon", "prof", "lt",   "col", "sgt", "capt",
          "mt",  "ft",  "jan", "feb", "aug",  "sept", "oct", "nov", "dec"};
      std::array<uint64_t, 27> h{};
      static_assert(std::size(kAbbreviations) == h.size());
      for (size_t i = 0; i < h.size(); ++i) h[i] = TokenHash(kAbbreviations[i]);
      return h;
    }();
    return hashes;
  }

  std::string_view Bytes(size_t begin, size_t end) const {
    return std::string_view(reinterpret_cast<const char*>(s_) + begin,
                            end - begin);
  }

  // Every word goes out through here; the last one is remembered for
  // AfterAbbreviation().
  ABSL_ATTRIBUTE_ALWAYS_INLINE void Add(size_t begin, size_t end, uint64_t hash,
                                        uint8_t flags) {
    if constexpr (!std::is_same_v<Sink, HashSink>) {  // No sentence starts.
      last_begin_ = begin;
      last_end_ = end;
      last_hash_ = hash;
    }
    sink_.Add(static_cast<uint32_t>(begin), static_cast<uint32_t>(end), hash,
              flags);
  }

  void Emit(size_t begin, size_t end, uint64_t hash, uint8_t flags) {
    if (stopwords_.Contains(hash)) flags |= kTokenStopword;
    Add(begin, end, hash, flags);
  }

  // True when the code point at i (< end) is a letter.
  bool LetterAt(size_t i, size_t end) const {
    const uint8_t k = kByteClass[s_[i]];
    if (k & kByteLetter) return true;
    if (!(k & kByteNonAscii)) return false;
    int32_t cp;
    if (internal::DecodeUtf8(s_ + i, end - i, &cp) == 0) return false;
    const CodePointClass c = internal::ClassifyCodePoint(cp);
    return c == CodePointClass::kLetter || c == CodePointClass::kUpperLetter;
  }

  ABSL_ATTRIBUTE_NOINLINE uint64_t HashLongAsciiWord(size_t begin,
                                                     size_t end) const {
    std::string word(Bytes(begin, end));
    for (char& ch : word) ch = internal::kAsciiLower[static_cast<uint8_t>(ch)];
    return internal::HashTokenBytes(word.data(), word.size());
  }

  // Emits the ASCII word [begin, end), whose normalised form is the first
  // norm_end - begin bytes of `lower` (when they fit). Returns `end`.
  ABSL_ATTRIBUTE_ALWAYS_INLINE size_t EmitAscii(size_t begin, size_t end,
                                                size_t norm_end,
                                                const char* lower,
                                                bool has_digit,
                                                bool sentence_start) {
    uint8_t flags = sentence_start ? kTokenSentenceStart : 0;
    if (has_digit) flags |= kTokenNumber;
    if (kByteClass[s_[begin]] & kByteUpper) flags |= kTokenCapitalized;
    const size_t norm_len = norm_end - begin;
    const uint64_t hash = ABSL_PREDICT_TRUE(norm_len <= kStackWordBytes)
                              ? internal::HashTokenBytes(lower, norm_len)
                              : HashLongAsciiWord(begin, norm_end);
    // Branch-free: about half of English tokens are stopwords.
    flags |= static_cast<uint8_t>((norm_len <= kMaxStopwordBytes) &
                                  stopwords_.Contains(hash)) *
             kTokenStopword;
    Add(begin, end, hash, flags);
    return end;
  }

  // Scans the word starting at `begin` (a letter or digit), emits its token,
  // and returns the position after it.
  ABSL_ATTRIBUTE_ALWAYS_INLINE size_t Word(size_t begin, size_t end,
                                           bool sentence_start) {
    // Fast path: an ASCII word of at most 15 bytes that nothing after it can
    // continue. It reads 16 bytes, which may run past the line (never past
    // the text): the line's '\n' ends the word like any separator.
    if (ABSL_PREDICT_TRUE(begin + 16 <= size_)) {
      const uint64_t x0 = LoadLittleEndian64(s_ + begin);
      const uint64_t x1 = LoadLittleEndian64(s_ + begin + 8);
      const AsciiBlock b0 = ClassifyAscii(x0);
      const AsciiBlock b1 = ClassifyAscii(x1);
      const uint64_t stop0 = ~b0.alnum & kHigh;
      const uint64_t stop1 = ~b1.alnum & kHigh;
      // Word length: the first non-alnum byte (16 when there is none; a
      // 0 is a non-ASCII first byte). countr_zero(0) is 64.
      const size_t n = stop0 != 0 ? std::countr_zero(stop0) >> 3
                                  : 8 + (std::countr_zero(stop1) >> 3);
      if (n != 0 && n < 16 && !Continues(begin + n, end)) {
        // Masks of the word's bytes in each half (n <= 15: no shift by 64).
        const uint64_t m0 = n >= 8 ? ~uint64_t{0} : ~(~uint64_t{0} << (8 * n));
        const uint64_t m1 = n <= 8 ? 0 : ~(~uint64_t{0} << (8 * (n - 8)));
        // Lower-case: an upper-case byte gains 0x20 (its 0x80 flag >> 2).
        const uint64_t lo = (x0 | (b0.upper >> 2)) & m0;
        const uint64_t hi = (x1 | (b1.upper >> 2)) & m1;
        const uint64_t hash = internal::HashShortWord(lo, hi, n);
        const bool has_digit = ((b0.digit & m0) | (b1.digit & m1)) != 0;
        uint8_t flags = static_cast<uint8_t>(
            (sentence_start ? kTokenSentenceStart : 0) |
            (has_digit ? kTokenNumber : 0) |
            ((b0.upper & 0x80) != 0 ? kTokenCapitalized : 0));
        flags |= static_cast<uint8_t>((n <= kMaxStopwordBytes) &
                                      stopwords_.Contains(hash)) *
                 kTokenStopword;
        Add(begin, begin + n, hash, flags);
        return begin + n;
      }
    }
    return WordSlow(begin, end, sentence_start);
  }

  // True when the byte at i, right after an ASCII letter or digit, may
  // continue the word: an apostrophe before a letter (or any non-ASCII
  // byte), '.' or ',' between digits, or non-ASCII (a letter, a mark, U+2019,
  // ...). Conservative: WordSlow() decides.
  bool Continues(size_t i, size_t end) const {
    const uint8_t k = kByteClass[s_[i]];
    if (ABSL_PREDICT_TRUE(!(k & (internal::kByteInfix | kByteNonAscii)))) {
      return false;
    }
    if (k & kByteNonAscii) return true;
    if (i + 1 >= end) return false;
    const uint8_t next = kByteClass[s_[i + 1]];
    if (s_[i] == '\'') {
      return (kByteClass[s_[i - 1]] & kByteLetter) &&
             (next & (kByteLetter | kByteNonAscii));
    }
    return (kByteClass[s_[i - 1]] & kByteDigit) && (next & kByteDigit);
  }

  // Word() for everything else: words near the end of the text, long words,
  // apostrophes, decimal points, non-ASCII.
  ABSL_ATTRIBUTE_NOINLINE size_t WordSlow(size_t begin, size_t end,
                                          bool sentence_start) {
    // 8 spare bytes: the SWAR loop stores whole blocks.
    char lower[kStackWordBytes + 8];
    size_t i = begin;
    bool has_digit = false;
    // Fast path: ASCII letters and digits, 8 bytes a step, lower-cased on
    // the way (an upper-case byte gains 0x20).
    while (i + 8 <= end && i - begin + 8 <= kStackWordBytes) {
      const uint64_t x = LoadLittleEndian64(s_ + i);
      const AsciiBlock b = ClassifyAscii(x);
      StoreLittleEndian64(lower + (i - begin), x | (b.upper >> 2));
      const uint64_t stop = ~b.alnum & kHigh;
      if (stop != 0) {
        const int n = std::countr_zero(stop) >> 3;  // Alnum bytes before it.
        has_digit |= (b.digit & ((uint64_t{1} << (8 * n)) - 1)) != 0;
        i += n;
        break;
      }
      has_digit |= b.digit != 0;
      i += 8;
    }
    // Most words end here, at a space or a punctuation mark that cannot
    // continue them.
    if (i > begin && i < end) {
      if (!(kByteClass[s_[i]] &
            (kByteAlnum | internal::kByteInfix | kByteNonAscii))) {
        return EmitAscii(begin, i, i, lower, has_digit, sentence_start);
      }
    }
    return WordGeneral(begin, i, end, lower, has_digit, sentence_start);
  }

  // The rest of Word() once the fast path has scanned [begin, i) into
  // `lower`: apostrophes, decimal points, non-ASCII, long words.
  ABSL_ATTRIBUTE_NOINLINE size_t WordGeneral(size_t begin, size_t i, size_t end,
                                             char* lower, bool has_digit,
                                             bool sentence_start) {
    bool ascii = true;
    const uint8_t prev = i > begin ? kByteClass[s_[i - 1]] : 0;
    bool last_letter = (prev & kByteLetter) != 0;  // Previous code point.
    bool last_digit = (prev & kByteDigit) != 0;
    size_t apostrophe_begin = 0, apostrophe_end = 0;  // The last apostrophe.
    size_t content_end = i;  // After the last letter, digit or mark.
    while (i < end) {
      const uint8_t c = s_[i];
      const uint8_t k = kByteClass[c];
      if (k & kByteAlnum) {
        if (i - begin < kStackWordBytes)
          lower[i - begin] = internal::kAsciiLower[c];
        has_digit |= (k & kByteDigit) != 0;
        last_letter = (k & kByteLetter) != 0;
        last_digit = !last_letter;
        content_end = ++i;
        continue;
      }
      if (c == '\'') {
        if (!last_letter || i + 1 >= end || !LetterAt(i + 1, end)) break;
        if (i - begin < kStackWordBytes) lower[i - begin] = '\'';
        apostrophe_begin = i;
        apostrophe_end = ++i;
        last_letter = false;
        continue;
      }
      if (c == '.' || c == ',') {
        if (!last_digit || i + 1 >= end ||
            !(kByteClass[s_[i + 1]] & kByteDigit))
          break;
        if (i - begin < kStackWordBytes)
          lower[i - begin] = static_cast<char>(c);
        ++i;
        last_digit = false;
        continue;
      }
      if (!(k & kByteNonAscii)) break;
      int32_t cp;
      const size_t len = internal::DecodeUtf8(s_ + i, end - i, &cp);
      if (len == 0) break;
      if (cp == internal::kRightSingleQuote) {
        if (!last_letter || i + len >= end || !LetterAt(i + len, end)) break;
        ascii = false;
        apostrophe_begin = i;
        apostrophe_end = i += len;
        last_letter = false;
        continue;
      }
      const CodePointClass cls = internal::ClassifyCodePoint(cp);
      if (cls == CodePointClass::kLetter ||
          cls == CodePointClass::kUpperLetter) {
        last_letter = true;
        last_digit = false;
      } else if (cls == CodePointClass::kDigit) {
        has_digit = true;
        last_letter = false;
        last_digit = true;
      } else if (cls == CodePointClass::kMark ||
                 cls == CodePointClass::kJoiner) {
        // Continues the word; a mark belongs to the code point before it.
      } else {
        break;
      }
      ascii = false;
      i += len;
      if (cls != CodePointClass::kJoiner) content_end = i;
    }
    // A trailing joiner (soft hyphen at a line break) is not part of the word.
    i = content_end;
    // Possessive "'s": the token covers it; the normalised form drops it.
    size_t norm_end = i;
    if (apostrophe_end != 0 && apostrophe_end + 1 == i &&
        (s_[i - 1] == 's' || s_[i - 1] == 'S')) {
      norm_end = apostrophe_begin;
    }

    if (ascii) {
      return EmitAscii(begin, i, norm_end, lower, has_digit, sentence_start);
    }
    uint8_t flags = sentence_start ? kTokenSentenceStart : 0;
    if (has_digit) flags |= kTokenNumber;
    int32_t first;
    if (internal::DecodeUtf8(s_ + begin, end - begin, &first) != 0 &&
        (first < 0x80 ? (kByteClass[first] & kByteUpper) != 0
                      : internal::ClassifyCodePoint(first) ==
                            CodePointClass::kUpperLetter)) {
      flags |= kTokenCapitalized;
    }
    Emit(begin, i, internal::HashWord(Bytes(begin, norm_end)), flags);
    return i;
  }

  const uint8_t* s_;
  size_t size_;
  Sink sink_;
  const internal::StopwordTable& stopwords_;
  // The batch word hasher (word_hash_kernels.h) when it pays on this
  // target; null: each word is hashed as the bit scan finds it.
  internal::StopwordProbe probe_;
  internal::HashAsciiWordsFn hash_words_;
  // The stage-2 kernel (word_hash_kernels.h) when batching on a target that
  // has one; null: the batch's words come from the bit scan loop.
  internal::ScanAsciiWordsFn scan_words_;
  // The hashes-only path's byte classifier, and the window of the text it
  // classified: blocks [window_, window_end_) are masks_[0, ...), the last
  // one all zeros when the text ends in the window.
  internal::ClassifyBytesFn classify_;
  static constexpr size_t kWindowBlocks = 128;  // 8 KB of text.
  alignas(64) std::array<internal::ByteClassMasks, kWindowBlocks + 1> masks_;
  size_t window_ = 0;
  size_t window_end_ = 0;  // 0: nothing classified.
  alignas(16) std::array<uint8_t, 80> tail_;
  // The batch: the first 16 bytes and the lengths of words not yet hashed,
  // and room for HashAsciiWords() to read whole vectors past them.
  static constexpr size_t kBatchWords = 256;
  // (Not cleared on construction: a few KB per document.)
  alignas(64) std::array<uint64_t, kBatchWords + 8> word_lo_;
  alignas(64) std::array<uint64_t, kBatchWords + 8> word_hi_;
  alignas(64) std::array<uint32_t, kBatchWords + 8> word_lens_;
  size_t pending_ = 0;  // Words in the batch.
  // The last word emitted ([begin, end) and hash); no word ends at SIZE_MAX.
  size_t last_begin_ = 0;
  size_t last_end_ = SIZE_MAX;
  uint64_t last_hash_ = 0;
};

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Runs `tokenizer` over the lines of text[0, n) that are not boilerplate
// (those go to `boilerplate`, when not null).
template <class Sink>
void TokenizeLines(std::string_view text, const TokenizeOptions& options,
                   Tokenizer<Sink>& tokenizer,
                   std::vector<ByteSpan>* boilerplate) {
  // Offsets are 32-bit: text past 4 GiB is not tokenised.
  const size_t n = std::min<size_t>(text.size(), UINT32_MAX);
  auto is_boilerplate = [&](size_t line_begin, size_t line_end) {
    size_t b = line_begin, e = line_end;
    while (b < e && IsSpace(text[b])) ++b;
    while (e > b && IsSpace(text[e - 1])) --e;
    if (e > b && IsBoilerplateLine(text.substr(b, e - b))) {
      if (boilerplate != nullptr) {
        boilerplate->push_back(
            ByteSpan{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
      }
      return true;
    }
    return false;
  };
  if constexpr (std::is_same_v<Sink, HashSink>) {
    // Hashes only: the lines between boilerplate lines are tokenised as one
    // run, so blocks are not cut at every line end ('\n' separates words like
    // any separator, and no word goes on across it). Line ends come from the
    // byte masks; a run ends before a line outside the classified window,
    // so the window only moves forward.
    auto run = [&](size_t begin, size_t end) {
      if (begin >= end) return;
      if (tokenizer.batching()) {
        tokenizer.template TokenizeLineBlocks<true>(begin, end);
      } else {
        tokenizer.template TokenizeLineBlocks<false>(begin, end);
      }
    };
    size_t from = 0;  // The run not tokenised yet: [from, pos).
    if (options.skip_boilerplate) {
      size_t pos = 0;
      while (pos < n) {
        if (!tokenizer.Classified(pos)) {
          run(from, pos);
          from = pos;
        }
        const size_t line_end = tokenizer.LineEnd(pos);
        if (is_boilerplate(pos, line_end)) {
          run(from, pos);
          from = line_end + 1;
        }
        pos = line_end + 1;
      }
    }
    run(from, n);
    if (tokenizer.batching()) tokenizer.FinishBatch();
  } else {
    size_t pos = 0;
    while (pos < n) {
      const void* newline = std::memchr(text.data() + pos, '\n', n - pos);
      const size_t line_end =
          newline ? static_cast<const char*>(newline) - text.data() : n;
      if (!options.skip_boilerplate || !is_boilerplate(pos, line_end)) {
        tokenizer.TokenizeLine(pos, line_end);
      }
      pos = line_end + 1;
    }
  }
}

}  // namespace

TokenizedText Tokenize(std::string_view text, const TokenizeOptions& options) {
  TokenizedText result;
  // English averages about 6 bytes a word with its space and punctuation.
  result.tokens.reserve(std::min<size_t>(text.size(), UINT32_MAX) / 5 + 4);
  Tokenizer<TokenVectorSink> tokenizer(text, TokenVectorSink{&result.tokens});
  TokenizeLines(text, options, tokenizer, &result.boilerplate);
  return result;
}

namespace internal {

void TokenHashBuffer::Grow() {
  const size_t capacity = std::max<size_t>(256, 2 * all_.size());
  all_.resize(capacity);
  content_.resize(capacity);
}

void TokenizeHashes(std::string_view text, const TokenizeOptions& options,
                    TokenHashBuffer* out) {
  out->Clear();
  // About 6.5 bytes a word in English: one growth step at most, usually.
  out->Reserve(std::min<size_t>(text.size(), UINT32_MAX) / 6 + 4);
  Tokenizer<HashSink> tokenizer(text, HashSink{out});
  TokenizeLines(text, options, tokenizer, nullptr);
}

}  // namespace internal

}  // namespace neardup
