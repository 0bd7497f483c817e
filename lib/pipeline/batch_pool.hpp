// Internal: the worker threads of pipeline::analyze_batch, owned by one pipeline.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace sayso::detail {

/// Runs the items of a batch on the calling thread and on worker threads. Workers start on first
/// need and are kept from one batch to the next: a thread's state (its segmentation memo, its
/// workspace, its ICU iterator) stays warm, where threads started for each batch would begin
/// cold every time. The destructor joins them, so no thread outlives the pool's owner.
///
/// Thread safety: run() may be called from several threads at once (their jobs share the
/// workers). The destructor must not run while a run() is in progress.
class batch_pool {
 public:
  batch_pool() = default;
  batch_pool(const batch_pool&) = delete;
  batch_pool& operator=(const batch_pool&) = delete;
  ~batch_pool();

  /// Calls task(i) for every i in [0, count), on the calling thread and on up to `helpers`
  /// worker threads; returns when all calls have returned.
  void run(std::size_t count, unsigned helpers, const std::function<void(std::size_t)>& task);

 private:
  static constexpr unsigned kMaxThreads = 256;
  struct job;

  void work();

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::deque<std::shared_ptr<job>> queue_;  // jobs that want more helpers
  std::vector<std::thread> threads_;
  bool stopping_ = false;
};

}  // namespace sayso::detail
