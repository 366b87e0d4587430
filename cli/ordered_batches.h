// Copyright 2026 The neardup Authors.
//
// Batch work over a stream on worker threads, in input order: each worker
// in turn reads a batch, processes it on its own thread (the batch is still
// in that core's cache: handing 4 MB batches from a reader thread to other
// threads cost `neardup sketch` 1.7x the CPU time and `neardup dedup -j1`
// 1.3x), then emits it once every earlier batch is emitted.

#ifndef NEARDUP_CLI_ORDERED_BATCHES_H_
#define NEARDUP_CLI_ORDERED_BATCHES_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace neardup::cli {

// A worker's batch closes at this many documents or bytes of text: small
// enough to stay in the worker's cache between reading and processing
// (`neardup dedup --batch`, measured in bench/README.md "CLI pipelines,
// session 10": 64 and 256 documents cost the same CPU, 2,048 7% more).
constexpr size_t kBatchDocs = 64;
constexpr size_t kBatchBytes = size_t{256} << 10;

// Runs `threads` workers (the calling thread is one of them), each with a
// Batch of its own that it reuses. read(Batch*) fills the next batch and
// returns false at the end of the input; emit(Batch*) takes the batches in
// the order they were read. read and emit run under one mutex, so state
// they share needs no lock of its own; process(Batch*) runs unlocked, in
// parallel with other batches, and must touch only its batch (or
// thread-safe state). The result does not depend on `threads`.
template <typename Batch, typename Read, typename Process, typename Emit>
void RunOrderedBatches(int threads, const Read& read, const Process& process,
                       const Emit& emit) {
  std::mutex mu;
  std::condition_variable turn;
  uint64_t next_read = 0;  // Guarded by mu, as are:
  uint64_t next_emit = 0;
  auto work = [&] {
    Batch batch;
    for (;;) {
      uint64_t number;
      {
        std::lock_guard<std::mutex> lock(mu);
        if (!read(&batch)) return;
        number = next_read++;
      }
      process(&batch);
      std::unique_lock<std::mutex> lock(mu);
      turn.wait(lock, [&] { return next_emit == number; });
      emit(&batch);
      ++next_emit;
      turn.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();
}

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_ORDERED_BATCHES_H_
