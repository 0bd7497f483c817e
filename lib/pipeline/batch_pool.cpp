// The worker threads of pipeline::analyze_batch (batch_pool.hpp).
#include "pipeline/batch_pool.hpp"

#include <algorithm>
#include <atomic>

namespace sayso::detail {

struct batch_pool::job {
  job(std::size_t n, unsigned h, const std::function<void(std::size_t)>* t)
      : count(n), helpers(h), task(t) {}
  // Takes items until there are none left; a helper that comes late finds none and never
  // touches `task` (which lives on the caller's stack).
  void work() {
    for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) {
      (*task)(i);
      if (done.fetch_add(1) + 1 == count) {
        const std::lock_guard lock(mutex);
        finished.notify_all();
      }
    }
  }
  const std::size_t count;
  const unsigned helpers;
  unsigned joined = 0;  // helpers that took the job (guarded by the pool's mutex)
  const std::function<void(std::size_t)>* const task;
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::mutex mutex;
  std::condition_variable finished;
};

batch_pool::~batch_pool() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void batch_pool::run(std::size_t count, unsigned helpers,
                     const std::function<void(std::size_t)>& task) {
  auto j = std::make_shared<job>(count, helpers, &task);
  {
    const std::lock_guard lock(mutex_);
    while (threads_.size() < std::min(helpers, kMaxThreads))
      threads_.emplace_back([this] { work(); });
    queue_.push_back(j);
  }
  work_ready_.notify_all();
  j->work();
  {
    // Helpers that have not come yet need not come.
    const std::lock_guard lock(mutex_);
    const auto it = std::find(queue_.begin(), queue_.end(), j);
    if (it != queue_.end()) queue_.erase(it);
  }
  std::unique_lock lock(j->mutex);
  j->finished.wait(lock, [&] { return j->done == j->count; });
}

void batch_pool::work() {
  for (;;) {
    std::shared_ptr<job> j;
    {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      j = queue_.front();
      if (++j->joined >= j->helpers) queue_.pop_front();
    }
    j->work();
  }
}

}  // namespace sayso::detail
