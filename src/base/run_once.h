#pragma once
// A one-time initialisation whose calls make no system call. glibc's std::call_once ends the
// call that does the work with a futex wake for any waiters, whether or not there are some;
// the per-document scans and segmentation made on first use cost one such system call per
// draft (1,000 in a 1,000-draft run). Here the work is done under a mutex, whose unlock wakes
// only when another thread is waiting, and later calls see a flag.
#include <atomic>
#include <mutex>

namespace fulint {

class RunOnce {
 public:
  // Runs `work` unless a call has finished it; concurrent callers wait for the one doing it.
  // If `work` throws, a later call tries again (as with std::call_once).
  template <typename Work>
  void operator()(Work&& work) {
    if (done_.load(std::memory_order_acquire)) return;
    std::lock_guard<std::mutex> lock(mutex_);
    if (done_.load(std::memory_order_relaxed)) return;
    work();
    done_.store(true, std::memory_order_release);
  }

 private:
  std::atomic<bool> done_{false};
  std::mutex mutex_;
};

}  // namespace fulint
