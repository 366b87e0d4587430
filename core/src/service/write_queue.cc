// Copyright 2026 The neardup Authors.

#include "service/write_queue.h"

#include <utility>

#include "absl/types/span.h"

namespace neardup::internal {

struct WriteQueue::Writer {
  std::vector<Document>* docs = nullptr;  // An ingest; nullptr: a delete.
  std::string_view delete_id;
  absl::StatusOr<std::vector<IndexVerdict>> verdicts;
  absl::Status status;  // Of a delete.
  bool done = false;
  std::condition_variable cv;
};

WriteQueue::WriteQueue(StreamIndex* index, size_t max_group_documents,
                       CommitObserver observer, void* context)
    : index_(index),
      max_group_documents_(max_group_documents),
      observer_(observer),
      context_(context) {}

absl::Status WriteQueue::Enqueue(Writer* w) {
  std::unique_lock<std::mutex> lock(mu_);
  if (closing_) {
    return absl::UnavailableError("the service is shutting down");
  }
  writers_.push_back(w);
  while (!w->done && w != writers_.front()) w->cv.wait(lock);
  if (!w->done) Lead(w, lock);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<IndexVerdict>> WriteQueue::Ingest(
    std::vector<Document>* docs) {
  Writer w;
  w.docs = docs;
  const absl::Status queued = Enqueue(&w);
  if (!queued.ok()) return queued;
  return std::move(w.verdicts);
}

absl::Status WriteQueue::Delete(std::string_view id) {
  Writer w;
  w.delete_id = id;
  const absl::Status queued = Enqueue(&w);
  if (!queued.ok()) return queued;
  return w.status;
}

void WriteQueue::Lead(Writer* leader, std::unique_lock<std::mutex>& lock) {
  // The group: the leader, then the ingests behind it while they fit.
  std::vector<Writer*> group = {leader};
  if (leader->docs != nullptr) {
    size_t total = leader->docs->size();
    for (size_t i = 1; i < writers_.size(); ++i) {
      Writer* w = writers_[i];
      if (w->docs == nullptr) break;  // Deletes keep their turn.
      if (total + w->docs->size() > max_group_documents_) break;
      total += w->docs->size();
      group.push_back(w);
    }
  }
  // Writers only join at the back, so the group stays at the front while
  // the lock is released for the commit.
  lock.unlock();
  if (leader->docs == nullptr) {
    leader->status = index_->Delete(leader->delete_id);
  } else if (group.size() == 1) {
    leader->verdicts = index_->Ingest(*leader->docs);
    if (leader->verdicts.ok() && observer_ != nullptr) {
      observer_(context_, leader->docs->size(), 1);
    }
  } else {
    std::vector<Document> all;
    size_t total = 0;
    for (const Writer* w : group) total += w->docs->size();
    all.reserve(total);
    for (Writer* w : group) {
      for (Document& d : *w->docs) all.push_back(std::move(d));
    }
    absl::StatusOr<std::vector<IndexVerdict>> verdicts = index_->Ingest(all);
    if (verdicts.ok() && verdicts->size() != total) {
      verdicts = absl::InternalError(
          "the index returned a verdict count "
          "that differs from the documents");
    }
    size_t begin = 0;
    for (Writer* w : group) {
      const size_t n = w->docs->size();
      if (verdicts.ok()) {
        std::vector<IndexVerdict> mine;
        mine.reserve(n);
        for (size_t i = begin; i < begin + n; ++i) {
          mine.push_back(std::move((*verdicts)[i]));
        }
        w->verdicts = std::move(mine);
      } else {
        w->verdicts = verdicts.status();
      }
      begin += n;
    }
    if (verdicts.ok() && observer_ != nullptr) {
      observer_(context_, total, group.size());
    }
  }
  lock.lock();
  for (Writer* w : group) {
    writers_.pop_front();
    w->done = true;
    if (w != leader) w->cv.notify_one();
  }
  if (writers_.empty()) {
    drained_.notify_all();
  } else {
    writers_.front()->cv.notify_one();  // The next leader.
  }
}

void WriteQueue::Shutdown() {
  std::unique_lock<std::mutex> lock(mu_);
  closing_ = true;
  drained_.wait(lock, [this] { return writers_.empty(); });
}

}  // namespace neardup::internal
