// Copyright 2026 The neardup Authors.
//
// Expanding one input path (a file, a directory, "-") into the files to read,
// in order, with the metadata of directory manifests.

#ifndef NEARDUP_IO_INPUT_WALK_H_
#define NEARDUP_IO_INPUT_WALK_H_

#include <string>
#include <vector>

#include "neardup/document.h"
#include "neardup/io.h"

namespace neardup::internal {

// One thing to read, or a problem already found.
struct FileTask {
  enum class Kind {
    kText,   // A whole file, one document.
    kJsonl,  // A JSONL file.
    kStdin,  // Standard input, as JSONL.
    kSkip,   // `skip` is the finished item.
  };
  Kind kind = Kind::kText;
  std::string path;  // As shown in locations: the input joined with the
                     // path below it.
  // kText: the document's id and its manifest metadata (title, outlet, url,
  // published), when any.
  std::string id;
  Document metadata;
  ReadItem skip;
};

// The files `path` stands for, in reading order. Never fails: a missing
// path, an unreadable or empty directory, a bad manifest line, or a manifest
// entry whose file is missing become kSkip tasks.
//
// A directory is walked recursively, without following symbolic links to
// directories and skipping names that start with '.'. Its .txt, .md, .jsonl
// and .ndjson files (any letter case) are read in byte order of their paths,
// except README files (README.md, readme.txt, ...) which document the folder.
// `manifest.jsonl` in any folder gives metadata for the files it lists
// (paths relative to that folder); a listed file is read whatever its
// extension. A text file's id is its manifest id, or else its path below
// the directory without the extension ("a.txt" -> "a", "sub/b.md" ->
// "sub/b").
//
// A file given by itself is JSONL when it ends in .jsonl or .ndjson, and one
// text document otherwise; its id is its file name without the extension,
// or its id in a manifest.jsonl beside it.
std::vector<FileTask> ExpandInput(const std::string& path);

}  // namespace neardup::internal

#endif  // NEARDUP_IO_INPUT_WALK_H_
