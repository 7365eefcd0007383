#include "lsp/scheduler.h"

#include <algorithm>

namespace fulint::lsp {

Scheduler::Scheduler(std::function<void(const std::string&)> work) : work_(std::move(work)) {
  thread_ = std::thread([this] { Loop(); });
}

void Scheduler::Schedule(const std::string& key, int delay_ms) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    due_[key] = Clock::now() + std::chrono::milliseconds(std::max(delay_ms, 0));
  }
  cv_.notify_all();
}

void Scheduler::Cancel(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  due_.erase(key);
}

void Scheduler::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Scheduler::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    if (due_.empty()) {
      cv_.wait(lock);
      continue;
    }
    auto next = std::min_element(due_.begin(), due_.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    Clock::time_point when = next->second;  // a copy: Schedule() may free the entry
    if (when > Clock::now()) {
      cv_.wait_until(lock, when);
      continue;
    }
    std::string key = next->first;
    due_.erase(next);
    lock.unlock();
    work_(key);
    lock.lock();
  }
}

}  // namespace fulint::lsp
