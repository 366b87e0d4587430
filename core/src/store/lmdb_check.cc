// Copyright 2026 The neardup Authors.

#include "store/lmdb_check.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>

#include "absl/strings/str_cat.h"

#include "store/lmdb_util.h"

namespace neardup::internal {
namespace {

// LMDB 0.9 on-disk layout (little-endian, 64-bit page numbers).
constexpr size_t kPageHeader = 16;  // pgno u64, pad u16, flags u16, bounds.
constexpr size_t kNodeHeader = 8;   // lo u16, hi u16, flags u16, ksize u16.
constexpr size_t kDbRecord = 48;    // MDB_db.
constexpr size_t kMetaOffset = kPageHeader;
constexpr uint32_t kMagic = 0xBEEFC0DE;
constexpr uint32_t kDataVersion = 1;
constexpr uint64_t kInvalidPage = ~uint64_t{0};
constexpr int kMaxDepth = 32;  // LMDB's cursor stack.

constexpr uint16_t kBranch = 0x01;
constexpr uint16_t kLeaf = 0x02;
constexpr uint16_t kOverflow = 0x04;
constexpr uint16_t kMeta = 0x08;
constexpr uint16_t kLeaf2 = 0x20;
constexpr uint16_t kSubPage = 0x40;
constexpr uint16_t kTypeBits =
    kBranch | kLeaf | kOverflow | kMeta | kLeaf2 | kSubPage;

constexpr uint16_t kBigData = 0x01;
constexpr uint16_t kSubData = 0x02;
constexpr uint16_t kDupData = 0x04;

constexpr uint16_t kDupFixed = 0x10;  // MDB_DUPFIXED, in MDB_db flags.

template <typename T>
T Load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

struct Db {
  uint32_t pad = 0;  // Key size of LEAF2 pages.
  uint16_t flags = 0;
  uint16_t depth = 0;
  uint64_t root = kInvalidPage;
};

Db LoadDb(const char* p) {
  Db db;
  db.pad = Load<uint32_t>(p);
  db.flags = Load<uint16_t>(p + 4);
  db.depth = Load<uint16_t>(p + 6);
  db.root = Load<uint64_t>(p + 40);
  return db;
}

class Checker {
 public:
  Checker(const char* data, size_t size) : data_(data), size_(size) {}

  absl::Status Run() {
    if (size_ < kPageHeader + 136) {
      return Fail(absl::StrCat("file of ", size_, " bytes has no meta pages"));
    }
    const uint32_t psize = Load<uint32_t>(data_ + kMetaOffset + 24);
    if (psize < 512 || psize > 32768 || (psize & (psize - 1)) != 0) {
      return Fail(absl::StrCat("meta page 0: bad page size ", psize));
    }
    psize_ = psize;
    if (size_ < 2 * size_t{psize_}) {
      return Fail(absl::StrCat("file of ", size_, " bytes is shorter than ",
                               "its two meta pages"));
    }
    uint64_t txnid[2];
    for (int i = 0; i < 2; ++i) {
      const char* page = data_ + static_cast<size_t>(i) * psize_;
      if ((Load<uint16_t>(page + 10) & kMeta) == 0) {
        return Fail(absl::StrCat("page ", i, " is not a meta page"));
      }
      const char* meta = page + kMetaOffset;
      if (Load<uint32_t>(meta) != kMagic) {
        return Fail(absl::StrCat("meta page ", i, ": not an LMDB file"));
      }
      if (Load<uint32_t>(meta + 4) != kDataVersion) {
        return Fail(absl::StrCat("meta page ", i, ": LMDB format version ",
                                 Load<uint32_t>(meta + 4)));
      }
      txnid[i] = Load<uint64_t>(meta + 128);
    }
    // As LMDB picks it: the later transaction, page 0 on a tie.
    const char* meta = data_ + (txnid[0] < txnid[1] ? psize_ : 0) + kMetaOffset;
    last_page_ = Load<uint64_t>(meta + 120);
    if (last_page_ < 1 || last_page_ >= size_ / psize_) {
      return Fail(absl::StrCat("last page ", last_page_, " is outside the ",
                               size_ / psize_, "-page file (truncated?)"));
    }
    seen_.assign(last_page_ + 1, false);
    seen_[0] = seen_[1] = true;
    Tree free_tree = {LoadDb(meta + 24), /*free=*/true, /*main=*/false};
    Tree main_tree = {LoadDb(meta + 72), /*free=*/false, /*main=*/true};
    if (absl::Status s = WalkTree(free_tree, "free pages"); !s.ok()) return s;
    if (absl::Status s = WalkTree(main_tree, "main"); !s.ok()) return s;
    // A page listed as free is not part of the current trees.
    for (const uint64_t page : free_pages_) {
      if (seen_[page]) {
        return Fail(absl::StrCat("page ", page, " is both free and in use"));
      }
    }
    return absl::OkStatus();
  }

 private:
  struct Tree {
    Db db;
    bool free;  // The free-page tree: its records list page numbers.
    bool main;  // The main tree: its records may be named tables.
  };

  static absl::Status Fail(std::string_view what) {
    return absl::DataLossError(Sv(what));
  }

  absl::Status WalkTree(const Tree& tree, std::string_view name) {
    if (tree.db.root == kInvalidPage) return absl::OkStatus();
    if (tree.db.depth < 1 || tree.db.depth > kMaxDepth) {
      return Fail(absl::StrCat("table ", Sv(name), ": depth ", tree.db.depth));
    }
    return WalkPage(tree, tree.db.root, tree.db.depth);
  }

  // Marks `count` pages from `page` as reached; fails if any is outside
  // the file or reached before.
  absl::Status Reach(uint64_t page, uint64_t count) {
    if (page < 2 || page > last_page_ || count > last_page_ - page + 1) {
      return Fail(
          absl::StrCat("page ", page, " (+", count, ") is outside the file"));
    }
    for (uint64_t p = page; p < page + count; ++p) {
      if (seen_[p]) {
        return Fail(absl::StrCat("page ", p, " is reached twice"));
      }
      seen_[p] = true;
    }
    return absl::OkStatus();
  }

  const char* PageAt(uint64_t page) const {
    return data_ + page * size_t{psize_};
  }

  absl::Status WalkPage(const Tree& tree, uint64_t page, int level) {
    if (absl::Status s = Reach(page, 1); !s.ok()) return s;
    const char* p = PageAt(page);
    if (Load<uint64_t>(p) != page) {
      return Fail(
          absl::StrCat("page ", page, " says it is page ", Load<uint64_t>(p)));
    }
    const uint16_t type = Load<uint16_t>(p + 10) & kTypeBits;
    const bool leaf2 =
        (tree.db.flags & kDupFixed) != 0 && type == kLeaf2 + kLeaf;
    const uint16_t want = level > 1 ? kBranch : kLeaf;
    if (type != want && !(level == 1 && leaf2)) {
      return Fail(absl::StrCat("page ", page, ": type ", type, " where a ",
                               level > 1 ? "branch" : "leaf", " belongs"));
    }
    const uint16_t lower = Load<uint16_t>(p + 12);
    const uint16_t upper = Load<uint16_t>(p + 14);
    if (lower < kPageHeader || (lower - kPageHeader) % 2 != 0 ||
        lower > upper || upper > psize_) {
      return Fail(absl::StrCat("page ", page, ": bounds ", lower, "..", upper));
    }
    const size_t keys = (lower - kPageHeader) / 2;
    if (leaf2) {
      if (kPageHeader + keys * tree.db.pad > psize_) {
        return Fail(absl::StrCat("page ", page, ": fixed keys overflow"));
      }
      return absl::OkStatus();
    }
    for (size_t i = 0; i < keys; ++i) {
      const uint16_t offset = Load<uint16_t>(p + kPageHeader + 2 * i);
      if (offset < upper || offset % 2 != 0 ||
          size_t{offset} + kNodeHeader > psize_) {
        return Fail(absl::StrCat("page ", page, ": node ", i, " at ", offset));
      }
      const char* node = p + offset;
      const uint16_t ksize = Load<uint16_t>(node + 6);
      const size_t key_end = size_t{offset} + kNodeHeader + ksize;
      if (key_end > psize_) {
        return Fail(absl::StrCat("page ", page, ": key ", i, " overflows"));
      }
      const uint64_t lo = Load<uint16_t>(node);
      const uint64_t hi = Load<uint16_t>(node + 2);
      const uint16_t flags = Load<uint16_t>(node + 4);
      if (level > 1) {
        const uint64_t child = lo | (hi << 16) | (uint64_t{flags} << 32);
        if (absl::Status s = WalkPage(tree, child, level - 1); !s.ok()) {
          return s;
        }
        continue;
      }
      const size_t dsize = lo | (hi << 16);
      if (absl::Status s = CheckLeafData(
              tree, page, i, node + kNodeHeader + ksize, key_end, dsize, flags);
          !s.ok()) {
        return s;
      }
    }
    return absl::OkStatus();
  }

  absl::Status CheckLeafData(const Tree& tree, uint64_t page, size_t i,
                             const char* data, size_t data_offset, size_t dsize,
                             uint16_t flags) {
    if ((flags & ~(kBigData | kSubData | kDupData)) != 0) {
      return Fail(absl::StrCat("page ", page, ": node ", i, " flags ", flags));
    }
    if ((flags & kBigData) != 0) {
      if (flags != kBigData || data_offset + 8 > psize_) {
        return Fail(absl::StrCat("page ", page, ": node ", i, " big data"));
      }
      const uint64_t first = Load<uint64_t>(data);
      if (first < 2 || first > last_page_) {
        return Fail(absl::StrCat("page ", page, ": node ", i, " overflow page ",
                                 first));
      }
      const char* o = PageAt(first);
      const uint32_t pages = Load<uint32_t>(o + 12);
      if ((Load<uint16_t>(o + 10) & kTypeBits) != kOverflow || pages < 1 ||
          Load<uint64_t>(o) != first ||
          dsize > uint64_t{pages} * psize_ - kPageHeader) {
        return Fail(absl::StrCat("overflow page ", first, " of page ", page,
                                 " does not hold ", dsize, " bytes"));
      }
      if (absl::Status s = Reach(first, pages); !s.ok()) return s;
      return tree.free ? CheckFreeList(o + kPageHeader, dsize)
                       : absl::OkStatus();
    }
    if (data_offset + dsize > psize_) {
      return Fail(absl::StrCat("page ", page, ": node ", i, " data of ", dsize,
                               " bytes overflows"));
    }
    if (tree.free) return CheckFreeList(data, dsize);
    if ((flags & kSubData) != 0) {
      // A named table (main tree) or a tree of duplicates.
      if (dsize != kDbRecord || (!tree.main && (flags & kDupData) == 0)) {
        return Fail(absl::StrCat("page ", page, ": node ", i, " table"));
      }
      const Tree sub = {LoadDb(data), false, false};
      return WalkTree(sub, "named");
    }
    if ((flags & kDupData) != 0) return CheckSubPage(page, i, data, dsize);
    return absl::OkStatus();
  }

  // Duplicates stored inline: a small page inside the node's data.
  absl::Status CheckSubPage(uint64_t page, size_t i, const char* sub,
                            size_t size) {
    if (size < kPageHeader) {
      return Fail(absl::StrCat("page ", page, ": node ", i, " sub-page"));
    }
    const uint16_t lower = Load<uint16_t>(sub + 12);
    const uint16_t upper = Load<uint16_t>(sub + 14);
    if (lower < kPageHeader || lower > upper || upper > size) {
      return Fail(absl::StrCat("page ", page, ": node ", i, " sub-page"));
    }
    if ((Load<uint16_t>(sub + 10) & kLeaf2) != 0) return absl::OkStatus();
    for (size_t k = 0; k < (lower - kPageHeader) / 2u; ++k) {
      const uint16_t offset = Load<uint16_t>(sub + kPageHeader + 2 * k);
      if (offset < upper || size_t{offset} + kNodeHeader > size ||
          size_t{offset} + kNodeHeader + Load<uint16_t>(sub + offset + 6) >
              size) {
        return Fail(absl::StrCat("page ", page, ": node ", i, " sub-page"));
      }
    }
    return absl::OkStatus();
  }

  // A free-page record: a count, then that many page numbers.
  absl::Status CheckFreeList(const char* data, size_t size) {
    if (size < 8) return Fail("free-page record too short");
    const uint64_t count = Load<uint64_t>(data);
    if (count > size / 8 - 1) return Fail("free-page record overflows");
    for (uint64_t k = 1; k <= count; ++k) {
      const uint64_t page = Load<uint64_t>(data + 8 * k);
      if (page < 2 || page > last_page_) {
        return Fail(absl::StrCat("free page ", page, " is outside the file"));
      }
      free_pages_.push_back(page);
    }
    return absl::OkStatus();
  }

  const char* data_;
  size_t size_;
  uint32_t psize_ = 0;
  uint64_t last_page_ = 0;
  std::vector<bool> seen_;
  std::vector<uint64_t> free_pages_;
};

}  // namespace

absl::Status CheckLmdbBytes(const char* data, size_t size) {
  return Checker(data, size).Run();
}

absl::Status CheckLmdbFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    const std::string message = absl::StrCat(path, ": ", std::strerror(err));
    return err == ENOENT ? absl::NotFoundError(message)
                         : absl::InternalError(message);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return absl::InternalError(absl::StrCat(path, ": ", std::strerror(err)));
  }
  const size_t size = static_cast<size_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    return absl::DataLossError(absl::StrCat(path, " is damaged: empty"));
  }
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  const int err = errno;
  ::close(fd);
  if (map == MAP_FAILED) {
    return absl::InternalError(
        absl::StrCat(path, ": map: ", std::strerror(err)));
  }
  const absl::Status status =
      CheckLmdbBytes(static_cast<const char*>(map), size);
  ::munmap(map, size);
  if (status.ok()) return status;
  return absl::DataLossError(
      absl::StrCat(path, " is damaged: ", status.message()));
}

}  // namespace neardup::internal
