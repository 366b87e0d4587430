// Copyright 2026 The neardup Authors.

#include "io/line_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <istream>
#include <system_error>

namespace neardup::internal {
namespace {

std::string ErrnoMessage(int error) {
  return std::error_code(error, std::generic_category()).message();
}

}  // namespace

FileSource::~FileSource() {
  if (fd_ >= 0) ::close(fd_);
}

absl::Status FileSource::Open(const std::string& path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ >= 0) return absl::OkStatus();
  const int error = errno;
  error_ = ErrnoMessage(error);
  if (error == ENOENT || error == ENOTDIR) return absl::NotFoundError(error_);
  if (error == EACCES || error == EPERM) {
    return absl::PermissionDeniedError(error_);
  }
  return absl::InternalError(error_);
}

int64_t FileSource::RegularFileSize() const {
  struct stat st;
  if (fd_ < 0 || ::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) return -1;
  return static_cast<int64_t>(st.st_size);
}

int64_t FileSource::Read(char* buf, size_t n) {
  if (fd_ < 0) {
    error_ = "file not open";
    return -1;
  }
  for (;;) {
    const ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return got;
    if (errno == EINTR) continue;
    error_ = ErrnoMessage(errno);
    return -1;
  }
}

int64_t IstreamSource::Read(char* buf, size_t n) {
  std::streambuf* sb = in_ == nullptr ? nullptr : in_->rdbuf();
  if (sb == nullptr) return -1;
  return static_cast<int64_t>(sb->sgetn(buf, static_cast<std::streamsize>(n)));
}

std::string IstreamSource::error() const {
  return in_ == nullptr || in_->rdbuf() == nullptr ? "no input stream" : "";
}

LineReader::LineReader(ByteSource* source, int64_t max_line_bytes,
                       size_t chunk_bytes)
    : source_(source),
      max_line_bytes_(std::max<int64_t>(max_line_bytes, 0)),
      buf_(new char[std::max<size_t>(chunk_bytes, 64) + kLinePadding]()),
      capacity_(std::max<size_t>(chunk_bytes, 64)) {}

void LineReader::Reset(ByteSource* source) {
  source_ = source;
  begin_ = end_ = scanned_ = 0;
  eof_ = failed_ = discarding_ = false;
  discarded_ = 0;
  number_ = 0;
}

bool LineReader::Fill() {
  if (begin_ > 0) {
    // Keep only the partial line: move it to the front.
    std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    scanned_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity_) {
    // Never beyond one byte over the longest line kept: a longer line is
    // counted, not held (Next() discards it once the buffer is full), so a
    // 200 MB line costs max_line_bytes + 1 of buffer, not 200 MB.
    const size_t limit =
        static_cast<size_t>(std::min<int64_t>(max_line_bytes_, INT64_MAX - 1)) +
        1;
    const size_t grown =
        std::max(capacity_ + 1, std::min(capacity_ * 2, limit));
    std::unique_ptr<char[]> bigger(new char[grown + kLinePadding]());
    std::memcpy(bigger.get(), buf_.get(), end_);
    buf_ = std::move(bigger);
    capacity_ = grown;
  }
  const int64_t got = source_->Read(buf_.get() + end_, capacity_ - end_);
  if (got < 0) {
    failed_ = true;
    return false;
  }
  if (got == 0) eof_ = true;
  end_ += static_cast<size_t>(got);
  return true;
}

LineReader::Result LineReader::Emit(size_t line_end, Line* line) {
  const size_t length = line_end - begin_;
  const int64_t total = discarded_ + static_cast<int64_t>(length);
  const size_t next = std::min(line_end + 1, end_);  // Past the '\n'.
  line->number = ++number_;
  line->bytes = total;
  if (discarding_ || total > max_line_bytes_) {
    discarding_ = false;
    discarded_ = 0;
    begin_ = scanned_ = next;
    line->text = {};
    return Result::kTooLong;
  }
  std::string_view text(buf_.get() + begin_, length);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  begin_ = scanned_ = next;
  line->text = text;
  line->bytes = static_cast<int64_t>(text.size());
  return Result::kLine;
}

LineReader::Result LineReader::Next(Line* line) {
  if (failed_) return Result::kError;
  for (;;) {
    const void* newline =
        std::memchr(buf_.get() + scanned_, '\n', end_ - scanned_);
    if (newline != nullptr) {
      return Emit(static_cast<const char*>(newline) - buf_.get(), line);
    }
    scanned_ = end_;
    if (eof_) {
      if (begin_ < end_ || discarding_) return Emit(end_, line);
      return Result::kEnd;
    }
    if (discarding_ || static_cast<int64_t>(end_ - begin_) > max_line_bytes_) {
      // Too long already: count the bytes instead of keeping them.
      discarding_ = true;
      discarded_ += static_cast<int64_t>(end_ - begin_);
      begin_ = end_ = scanned_ = 0;
    }
    if (!Fill()) return Result::kError;
  }
}

std::string_view LineReader::Peek(size_t n) {
  n = std::min(n, capacity_);
  while (end_ - begin_ < n && !eof_ && !failed_) {
    if (!Fill()) break;
  }
  return std::string_view(buf_.get() + begin_, std::min(n, end_ - begin_));
}

}  // namespace neardup::internal
