// RunOnce: the work runs once however many threads ask at the same time, every caller returns
// after it is done, and work that throws is tried again by the next call.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "base/run_once.h"

using fulint::RunOnce;

TEST_CASE("run once: many threads, one run, everyone sees its result", "[once]") {
  for (int round = 0; round < 20; ++round) {
    RunOnce once;
    std::atomic<int> runs{0};
    int value = 0;  // written by the work only; read by every caller after it returns
    std::atomic<int> saw_unfinished{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&] {
        while (!go.load()) std::this_thread::yield();
        once([&] {
          ++runs;
          std::this_thread::sleep_for(std::chrono::milliseconds(1));  // others arrive meanwhile
          value = 42;
        });
        if (value != 42) ++saw_unfinished;
      });
    go = true;
    for (auto& t : threads) t.join();
    CHECK(runs.load() == 1);
    CHECK(saw_unfinished.load() == 0);
  }
}

TEST_CASE("run once: later calls do nothing", "[once]") {
  RunOnce once;
  int runs = 0;
  for (int i = 0; i < 3; ++i) once([&] { ++runs; });
  CHECK(runs == 1);
}

TEST_CASE("run once: work that throws is tried again", "[once]") {
  RunOnce once;
  int attempts = 0;
  CHECK_THROWS_AS(once([&] {
                    ++attempts;
                    throw std::runtime_error("first try fails");
                  }),
                  std::runtime_error);
  once([&] { ++attempts; });
  once([&] { ++attempts; });
  CHECK(attempts == 2);
}
