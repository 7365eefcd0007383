#pragma once
// Debounced background work by key (a document URI): Schedule() (re)starts a key's timer and
// one worker thread runs the work for each key whose timer ran out, earliest first. The
// server's lints run here, so the thread reading the client never waits for one.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace fulint::lsp {

class Scheduler {
 public:
  // `work` runs on the worker thread, never for two keys at once; it must not throw.
  explicit Scheduler(std::function<void(const std::string&)> work);
  ~Scheduler() { Stop(); }
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Runs the work for `key` after `delay_ms`, replacing a pending run of the same key.
  void Schedule(const std::string& key, int delay_ms);
  void Cancel(const std::string& key);
  // Waits for the running work (pending runs are dropped) and ends the thread.
  void Stop();

 private:
  using Clock = std::chrono::steady_clock;
  void Loop();

  std::function<void(const std::string&)> work_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, Clock::time_point> due_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace fulint::lsp
