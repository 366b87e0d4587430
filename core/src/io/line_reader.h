// Copyright 2026 The neardup Authors.
//
// Buffered, streaming line reading over a file descriptor or a std::istream.
// Lines are handed out as views into one reused buffer, each followed by
// readable padding so that simdjson can parse it in place.

#ifndef NEARDUP_IO_LINE_READER_H_
#define NEARDUP_IO_LINE_READER_H_

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace neardup::internal {

// Bytes readable after every line LineReader hands out (simdjson needs
// SIMDJSON_PADDING of them; jsonl_reader.cc checks the two agree).
inline constexpr size_t kLinePadding = 64;

// A sequential source of bytes. Not thread-safe.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`. Returns the count, 0 at the end, or -1
  // on a read error (then error() says why).
  virtual int64_t Read(char* buf, size_t n) = 0;
  virtual std::string error() const = 0;
};

// Reads a file through POSIX read(2), so read errors are told apart from the
// end of the file. Owns the descriptor.
class FileSource final : public ByteSource {
 public:
  FileSource() = default;
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  // Opens `path` for reading. NotFound or PermissionDenied/Internal with the
  // system's message on failure.
  [[nodiscard]] absl::Status Open(const std::string& path);
  // The file's size when it is a regular file, else -1.
  int64_t RegularFileSize() const;

  int64_t Read(char* buf, size_t n) override;
  std::string error() const override { return error_; }

 private:
  int fd_ = -1;
  std::string error_;
};

// Reads a std::istream (standard input, or a std::stringstream in tests)
// through its stream buffer. Does not own the stream.
class IstreamSource final : public ByteSource {
 public:
  explicit IstreamSource(std::istream* in) : in_(in) {}
  int64_t Read(char* buf, size_t n) override;
  std::string error() const override;

 private:
  std::istream* in_;
};

// Splits a ByteSource into lines. A line ends at '\n' (a '\r' before it is
// dropped); the last line need not end with one. Holds one line (or
// `chunk_bytes`, whichever is larger) in memory; a line longer than
// `max_line_bytes` is skipped without being kept. Not thread-safe.
class LineReader {
 public:
  enum class Result { kLine, kTooLong, kEnd, kError };

  struct Line {
    // The line without its terminator; valid until the next call, and followed
    // by at least kLinePadding readable bytes. Empty when kTooLong.
    std::string_view text;
    int64_t number = 0;  // 1-based.
    int64_t bytes = 0;   // Its length, also when kTooLong.
  };

  // `source` is not owned and must outlive the reader.
  LineReader(ByteSource* source, int64_t max_line_bytes,
             size_t chunk_bytes = size_t{1} << 20);
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Starts over on `source`, keeping the buffer.
  void Reset(ByteSource* source);

  // Reads the next line into *line. kEnd at the end of the source; kError on
  // a read error (source->error() says why; nothing more is read).
  Result Next(Line* line);

  // Up to `n` first bytes of the source, read ahead without consuming them.
  // Only before the first Next().
  std::string_view Peek(size_t n);

 private:
  // Reads more bytes after end_, growing the buffer when it is full. Returns
  // false on a read error.
  bool Fill();
  Result Emit(size_t line_end, Line* line);

  ByteSource* source_;
  int64_t max_line_bytes_;
  std::unique_ptr<char[]> buf_;
  size_t capacity_;     // Usable bytes; the allocation adds kLinePadding.
  size_t begin_ = 0;    // Start of the unconsumed bytes.
  size_t end_ = 0;      // End of the bytes read.
  size_t scanned_ = 0;  // [begin_, scanned_) holds no '\n'.
  bool eof_ = false;
  bool failed_ = false;
  int64_t discarded_ = 0;  // Bytes dropped from an over-long line so far.
  bool discarding_ = false;
  int64_t number_ = 0;
};

}  // namespace neardup::internal

#endif  // NEARDUP_IO_LINE_READER_H_
