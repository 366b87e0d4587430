// Copyright 2026 The neardup Authors.

#include "io/input_walk.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "simdjson.h"

#include "io/items.h"
#include "io/json_fields.h"
#include "io/line_reader.h"
#include "io/text_checks.h"

namespace neardup::internal {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kManifestName = "manifest.jsonl";
constexpr int64_t kMaxManifestLine = int64_t{1} << 20;

std::string LowerExtension(const std::string& name) {
  return absl::AsciiStrToLower(fs::path(name).extension().string());
}

bool IsJsonlExtension(std::string_view ext) {
  return ext == ".jsonl" || ext == ".ndjson";
}

bool IsTextExtension(std::string_view ext) {
  return ext == ".txt" || ext == ".md";
}

bool IsReadme(const std::string& name) {
  return absl::AsciiStrToLower(fs::path(name).stem().string()) == "readme";
}

// `relative` without its extension: the default id of a text file.
std::string DefaultId(const std::string& relative) {
  const std::string ext = fs::path(relative).extension().string();
  return relative.substr(0, relative.size() - ext.size());
}

std::string Join(const std::string& root, const std::string& relative) {
  if (relative.empty()) return root;
  return (fs::path(root) / relative).generic_string();
}

FileTask SkipTask(ReadItem item) {
  FileTask task;
  task.kind = FileTask::Kind::kSkip;
  task.path = item.where.file;
  task.skip = std::move(item);
  return task;
}

// A problem on line `line` of a manifest.
FileTask ManifestProblem(const std::string& manifest, int64_t line,
                         SkipReason reason, std::string detail) {
  ReadItem item;
  item.document.id = absl::StrCat(manifest, ":", line);
  item.where = {manifest, line};
  item.skip = {reason, absl::StrCat("manifest: ", detail)};
  return SkipTask(std::move(item));
}

struct ManifestEntry {
  std::string id;  // Empty: the file's default id.
  Document metadata;
  std::string manifest;  // Where the entry was, for messages.
  int64_t line = 0;
  std::string file;  // As written in the manifest.
  bool used = false;
};

// The entries of the manifests in one directory tree, by the path of the
// file they describe below the tree's root.
class Manifests {
 public:
  // Reads the manifest at `shown` (a path to open), whose file names are
  // relative to `relative_dir` below the root. Bad lines become tasks in
  // *problems when it is not null.
  void Load(const std::string& shown, const std::string& relative_dir,
            std::vector<FileTask>* problems);

  ManifestEntry* Find(const std::string& relative) {
    const auto it = by_path_.find(relative);
    return it == by_path_.end() ? nullptr : &entries_[it->second];
  }

  // In the order they were loaded.
  std::vector<ManifestEntry>& entries() { return entries_; }

 private:
  std::vector<ManifestEntry> entries_;
  // Only looked up, never iterated.
  absl::flat_hash_map<std::string, size_t> by_path_;
};

void Manifests::Load(const std::string& shown, const std::string& relative_dir,
                     std::vector<FileTask>* problems) {
  std::vector<FileTask> ignored;
  if (problems == nullptr) problems = &ignored;
  FileSource source;
  const absl::Status opened = source.Open(shown);
  if (!opened.ok()) {
    problems->push_back(SkipTask(
        InputItem(shown, SkipReason::kUnreadable,
                  absl::StrCat("manifest: cannot open: ", opened.message()))));
    return;
  }
  LineReader lines(&source, kMaxManifestLine, size_t{1} << 16);
  simdjson::dom::parser parser;
  for (;;) {
    LineReader::Line line;
    const LineReader::Result result = lines.Next(&line);
    if (result == LineReader::Result::kEnd) return;
    if (result == LineReader::Result::kError) {
      problems->push_back(
          ManifestProblem(shown, line.number, SkipReason::kUnreadable,
                          absl::StrCat("read error: ", source.error())));
      return;
    }
    if (result == LineReader::Result::kTooLong) {
      problems->push_back(
          ManifestProblem(shown, line.number, SkipReason::kTooLarge,
                          absl::StrCat("line of ", line.bytes, " bytes")));
      continue;
    }
    const std::string_view json = StripBom(line.text);
    if (IsBlankLine(json)) continue;
    simdjson::dom::element root;
    const simdjson::error_code error =
        parser.parse(json.data(), json.size(), /*realloc_if_needed=*/false)
            .get(root);
    if (error != simdjson::SUCCESS) {
      problems->push_back(ManifestProblem(
          shown, line.number,
          error == simdjson::UTF8_ERROR ? SkipReason::kNotUtf8
                                        : SkipReason::kMalformedJson,
          absl::StrCat("malformed JSON: ", simdjson::error_message(error))));
      continue;
    }
    simdjson::dom::object object;
    std::string_view file;
    if (root.get_object().get(object) != simdjson::SUCCESS ||
        object["file"].get_string().get(file) != simdjson::SUCCESS) {
      problems->push_back(ManifestProblem(
          shown, line.number, SkipReason::kMalformedJson,
          "each line must be an object with a \"file\" string"));
      continue;
    }
    ManifestEntry entry;
    if (ReadId(object, &entry.id) == IdField::kBadType) {
      problems->push_back(
          ManifestProblem(shown, line.number, SkipReason::kMalformedJson,
                          "\"id\" must be a string or an integer"));
      continue;
    }
    ReadMetadata(object, &entry.metadata);
    entry.manifest = shown;
    entry.line = line.number;
    entry.file.assign(file.data(), file.size());
    const std::string key = (fs::path(relative_dir) / entry.file)
                                .lexically_normal()
                                .generic_string();
    by_path_[key] = entries_.size();  // A later entry for a file wins.
    entries_.push_back(std::move(entry));
  }
}

struct WalkEntry {
  std::string relative;  // Below the root, '/'-separated.
  std::string error;     // Set for a directory that could not be read.
};

// Appends the regular files below `root`/`relative_dir` to *out.
void Walk(const fs::path& root, const std::string& relative_dir,
          std::vector<WalkEntry>* out) {
  std::error_code ec;
  fs::directory_iterator it(relative_dir.empty() ? root : root / relative_dir,
                            ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    const std::string relative =
        relative_dir.empty() ? name : absl::StrCat(relative_dir, "/", name);
    std::error_code entry_ec;
    const bool is_link = it->is_symlink(entry_ec);
    const fs::file_status status = it->status(entry_ec);  // Follows links.
    if (fs::is_directory(status)) {
      if (!is_link) Walk(root, relative, out);
    } else if (fs::is_regular_file(status)) {
      out->push_back({relative, ""});
    }
  }
  if (ec) out->push_back({relative_dir, ec.message()});
}

std::vector<FileTask> ExpandDirectory(const std::string& path) {
  std::vector<WalkEntry> found;
  Walk(fs::path(path), "", &found);
  // Byte order of the paths (std::string compares like memcmp).
  std::sort(found.begin(), found.end(),
            [](const WalkEntry& a, const WalkEntry& b) {
              return a.relative < b.relative;
            });

  // Manifests first: one may describe files sorted before it.
  Manifests manifests;
  std::vector<std::vector<FileTask>> problems(found.size());
  for (size_t i = 0; i < found.size(); ++i) {
    const fs::path relative(found[i].relative);
    if (found[i].error.empty() && relative.filename() == kManifestName) {
      manifests.Load(Join(path, found[i].relative),
                     relative.parent_path().generic_string(), &problems[i]);
    }
  }

  std::vector<FileTask> tasks;
  size_t documents = 0;
  for (size_t i = 0; i < found.size(); ++i) {
    const WalkEntry& entry = found[i];
    const std::string shown = Join(path, entry.relative);
    if (!entry.error.empty()) {
      tasks.push_back(SkipTask(
          InputItem(shown, SkipReason::kUnreadable,
                    absl::StrCat("cannot read directory: ", entry.error))));
      continue;
    }
    const std::string name = fs::path(entry.relative).filename().string();
    if (name == kManifestName) {
      for (FileTask& problem : problems[i]) tasks.push_back(std::move(problem));
      continue;
    }
    const std::string ext = LowerExtension(name);
    ManifestEntry* listed = manifests.Find(entry.relative);
    if (listed != nullptr) listed->used = true;
    FileTask task;
    task.path = shown;
    if (IsJsonlExtension(ext)) {
      task.kind = FileTask::Kind::kJsonl;
    } else if (listed != nullptr || (IsTextExtension(ext) && !IsReadme(name))) {
      task.kind = FileTask::Kind::kText;
      if (listed != nullptr && !listed->id.empty()) {
        task.id = listed->id;
      } else {
        task.id = DefaultId(entry.relative);
      }
      if (listed != nullptr) task.metadata = listed->metadata;
    } else {
      continue;  // Not a document file.
    }
    ++documents;
    tasks.push_back(std::move(task));
  }
  if (documents == 0) {
    tasks.push_back(SkipTask(InputItem(path, SkipReason::kNoDocuments,
                                       "no .txt, .md or .jsonl files")));
  }
  for (const ManifestEntry& entry : manifests.entries()) {
    if (entry.used) continue;
    ReadItem item;
    item.document.id = entry.id.empty() ? entry.file : entry.id;
    item.where = {entry.manifest, entry.line};
    item.skip = {SkipReason::kNotFound,
                 absl::StrCat("manifest lists \"", entry.file,
                              "\", which is not in the directory")};
    tasks.push_back(SkipTask(std::move(item)));
  }
  return tasks;
}

FileTask ExpandFile(const std::string& path) {
  FileTask task;
  task.path = path;
  const std::string name = fs::path(path).filename().string();
  if (IsJsonlExtension(LowerExtension(name))) {
    task.kind = FileTask::Kind::kJsonl;
    return task;
  }
  task.kind = FileTask::Kind::kText;
  task.id = DefaultId(name);
  // A manifest beside the file may name it.
  const fs::path manifest = fs::path(path).parent_path() / kManifestName;
  std::error_code ec;
  if (name != kManifestName && fs::is_regular_file(manifest, ec)) {
    Manifests manifests;
    manifests.Load(manifest.generic_string(), "", /*problems=*/nullptr);
    if (const ManifestEntry* listed = manifests.Find(name)) {
      if (!listed->id.empty()) task.id = listed->id;
      task.metadata = listed->metadata;
    }
  }
  return task;
}

}  // namespace

std::vector<FileTask> ExpandInput(const std::string& path) {
  if (path == "-") {
    FileTask task;
    task.kind = FileTask::Kind::kStdin;
    task.path = "-";
    return {std::move(task)};
  }
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) {
    return {SkipTask(
        InputItem(path, SkipReason::kNotFound, "no such file or directory"))};
  }
  if (ec) {
    return {SkipTask(InputItem(path, SkipReason::kUnreadable, ec.message()))};
  }
  if (fs::is_directory(status)) return ExpandDirectory(path);
  return {ExpandFile(path)};
}

}  // namespace neardup::internal
