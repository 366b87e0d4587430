// Copyright 2026 The neardup Authors.
//
// The service's serialised writer: ingests and deletes wait in one FIFO
// line. Whoever is at the front commits its ingest together with the
// ingests queued behind it in one StreamIndex::Ingest() call, i.e. one
// durable transaction (group commit, as leveldb's DBImpl::Write), then wakes
// them with their own verdicts. A delete is committed alone, in its turn.

#ifndef NEARDUP_SERVICE_WRITE_QUEUE_H_
#define NEARDUP_SERVICE_WRITE_QUEUE_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#include "neardup/document.h"
#include "neardup/index.h"

namespace neardup::internal {

// Thread-safe. Does not own the index.
class WriteQueue {
 public:
  // Called after each ingest commit with its documents and requests.
  using CommitObserver = void (*)(void* context, uint64_t documents,
                                  uint64_t requests);

  WriteQueue(StreamIndex* index, size_t max_group_documents,
             CommitObserver observer, void* context);

  // Ingests `docs` (moved from: their text is gone afterwards) and returns
  // one verdict per document, in order, once they are durable.
  // Unavailable once Shutdown() began; the index's errors otherwise.
  [[nodiscard]] absl::StatusOr<std::vector<IndexVerdict>> Ingest(
      std::vector<Document>* docs);

  // Deletes `id` in its turn. Unavailable once Shutdown() began.
  [[nodiscard]] absl::Status Delete(std::string_view id);

  // Refuses new writes and waits until the queue is empty. Idempotent.
  void Shutdown();

 private:
  struct Writer;
  // Runs the write at the front of the queue and those grouped with it;
  // called by the front writer with mu_ held, returns with it held.
  void Lead(Writer* leader, std::unique_lock<std::mutex>& lock);
  absl::Status Enqueue(Writer* writer);

  StreamIndex* const index_;
  const size_t max_group_documents_;
  const CommitObserver observer_;
  void* const context_;

  std::mutex mu_;
  std::condition_variable drained_;  // Signalled when writers_ empties.
  std::deque<Writer*> writers_;      // Guarded by mu_.
  bool closing_ = false;             // Guarded by mu_.
};

}  // namespace neardup::internal

#endif  // NEARDUP_SERVICE_WRITE_QUEUE_H_
