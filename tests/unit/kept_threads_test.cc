// Kept threads: every id runs once per loop, on the caller for id 0; loops reuse the same
// threads; a loop started while the pool is busy (inside another, or from another thread)
// still runs every id, on threads of its own.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "base/kept_threads.h"

using fulint::RunOnKeptThreads;

TEST_CASE("kept threads: every id once, id 0 on the caller", "[kept-threads]") {
  for (unsigned threads : {1u, 2u, 3u, 5u}) {
    std::mutex mutex;
    std::vector<int> calls(threads, 0);
    bool zero_on_caller = false;
    const auto caller = std::this_thread::get_id();
    RunOnKeptThreads(threads, [&](unsigned id) {
      std::lock_guard<std::mutex> lock(mutex);
      REQUIRE(id < threads);
      ++calls[id];
      if (id == 0) zero_on_caller = std::this_thread::get_id() == caller;
    });
    CHECK(calls == std::vector<int>(threads, 1));
    CHECK(zero_on_caller);
  }
}

TEST_CASE("kept threads: loops reuse the same threads and wait for every call", "[kept-threads]") {
  std::mutex mutex;
  std::set<std::thread::id> seen;
  for (int loop = 0; loop < 50; ++loop) {
    std::atomic<int> finished{0};
    RunOnKeptThreads(3, [&](unsigned id) {
      if (id != 0) {
        std::lock_guard<std::mutex> lock(mutex);
        seen.insert(std::this_thread::get_id());
      }
      // The kept threads' calls take longer than the caller's: the loop still waits for them.
      if (id != 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
      ++finished;
    });
    REQUIRE(finished == 3);
  }
  // Earlier tests may have started more kept threads, but fifty loops never start new ones.
  CHECK(seen.size() <= 4);
}

TEST_CASE("kept threads: a loop inside a loop, and loops from two threads", "[kept-threads]") {
  std::atomic<int> inner_calls{0}, outer_calls{0};
  RunOnKeptThreads(2, [&](unsigned) {
    ++outer_calls;
    RunOnKeptThreads(3, [&](unsigned) { ++inner_calls; });
  });
  CHECK(outer_calls == 2);
  CHECK(inner_calls == 6);

  std::atomic<int> calls{0};
  auto many_loops = [&] {
    for (int i = 0; i < 100; ++i) RunOnKeptThreads(2, [&](unsigned) { ++calls; });
  };
  std::thread a(many_loops), b(many_loops);
  a.join();
  b.join();
  CHECK(calls == 400);
}
