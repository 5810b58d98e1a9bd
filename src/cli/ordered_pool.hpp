// Runs jobs on a fixed number of threads and hands their results back in the
// order the jobs were submitted, so a run's output does not depend on how
// many threads did the work.
//
// With one thread no thread is started: each job runs when it is submitted.
// At most `window` jobs are pending (submitted, result not yet taken), which
// bounds the memory their inputs and results hold.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace quotex::cli {

template <class Result>
class OrderedPool {
 public:
  explicit OrderedPool(unsigned threads) : threads_(threads == 0 ? 1 : threads) {
    if (threads_ == 1) return;
    for (unsigned i = 0; i < threads_; ++i) {
      try {
        workers_.emplace_back([this] { work(); });
      } catch (const std::system_error&) {
        break;  // no more threads to be had (a memory limit): work with those there are
      }
    }
    if (workers_.empty()) threads_ = 1;
  }
  ~OrderedPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      queue_.clear();  // results nobody will take: not worth computing
    }
    wake_.notify_all();
    for (std::thread& t : workers_) t.join();
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // How many jobs may be pending before submit() should wait for the oldest.
  std::size_t window() const { return 2 * std::size_t{threads_}; }
  std::size_t pending() const { return pending_.size(); }
  unsigned threads() const { return threads_; }

  void submit(std::function<Result()> job) {
    std::packaged_task<Result()> task(std::move(job));
    pending_.push_back(task.get_future());
    if (threads_ == 1) {
      task();
      return;
    }
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(std::move(task));
    }
    wake_.notify_one();
  }

  // The oldest pending job's result, waiting for it. Call only when
  // pending() > 0. An exception thrown by the job is rethrown here.
  Result take() {
    std::future<Result> f = std::move(pending_.front());
    pending_.pop_front();
    return f.get();
  }

 private:
  void work() {
    for (;;) {
      std::packaged_task<Result()> task;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        task = std::move(queue_.front());
        queue_.pop_front();
      }
      task();
    }
  }

  unsigned threads_;
  std::deque<std::future<Result>> pending_;  // submission order; touched by the caller only
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::packaged_task<Result()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace quotex::cli
