// ForEachInOrder: results arrive in index order whatever the threads do, and no more than the
// window are ever waiting.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/ordered_parallel.h"
#include "test_util.h"

using fulint::ForEachInOrder;

TEST_CASE("ordered parallel: consumed in order with several workers", "[parallel]") {
  for (unsigned jobs : {1u, 2u, 4u}) {
    std::vector<size_t> seen;
    std::atomic<int> produced_by_other_thread{0}, id_mismatches{0}, bad_ids{0};
    auto main_thread = std::this_thread::get_id();
    ForEachInOrder<size_t>(
        200, jobs, 8,
        [&](size_t i, unsigned worker) {
          // The calling thread is worker 0 (it starts at once); the others are new threads.
          bool on_caller = std::this_thread::get_id() == main_thread;
          if (!on_caller) ++produced_by_other_thread;
          if (on_caller != (worker == 0)) ++id_mismatches;
          if (worker >= jobs) ++bad_ids;
          // Early items are slow, so later ones finish first and must wait their turn.
          if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
          return i * 3;
        },
        [&](size_t i, size_t value) {
          CHECK(value == i * 3);
          seen.push_back(i);
        });
    REQUIRE(seen.size() == 200);
    for (size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
    CHECK(id_mismatches == 0);
    CHECK(bad_ids == 0);
    // Items 0, 7, 14... sleep 300 us, ample time for the other threads to take some.
    if (jobs > 1) CHECK(produced_by_other_thread > 0);
    if (jobs == 1) CHECK(produced_by_other_thread == 0);
  }
}

TEST_CASE("ordered parallel: memory is bounded by the window", "[parallel]") {
  std::atomic<int> live{0}, peak{0};
  ForEachInOrder<int>(
      500, 4, 8,
      [&](size_t, unsigned) {
        int now = ++live;
        int old = peak.load();
        while (now > old && !peak.compare_exchange_weak(old, now)) {
        }
        return 1;
      },
      [&](size_t i, int) {
        if (i % 50 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));  // slow reader
        --live;
      });
  // Results made but not yet consumed never exceed the window (plus the one being consumed).
  CHECK(peak <= 9);
  CHECK(live == 0);
}

TEST_CASE("ordered parallel: memory is bounded by the waiting results' weight", "[parallel]") {
  // A window of 100 items, but no new item once the waiting results weigh over 25 bytes:
  // besides those, only the items in progress (one a worker) and the one being consumed.
  constexpr int kWeight = 10, kJobs = 4;
  std::atomic<int> live{0}, peak{0};
  std::vector<int> seen;
  ForEachInOrder<int>(
      500, kJobs, fulint::InOrderLimits{100, 25}, [](const int& w) { return size_t(w); },
      [&](size_t, unsigned) {
        int now = (live += kWeight);
        int old = peak.load();
        while (now > old && !peak.compare_exchange_weak(old, now)) {
        }
        return kWeight;
      },
      [&](size_t i, int w) {
        if (i % 50 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));  // slow reader
        seen.push_back(static_cast<int>(i));
        live -= w;
      },
      [](unsigned) {});
  CHECK(peak <= 25 + kWeight * (kJobs + 1));
  CHECK(live == 0);
  REQUIRE(seen.size() == 500);
  for (int i = 0; i < 500; ++i) REQUIRE(seen[i] == i);
}

TEST_CASE("ordered parallel: zero items and more jobs than items", "[parallel]") {
  int calls = 0;
  ForEachInOrder<int>(0, 4, 8, [&](size_t, unsigned) { return ++calls; }, [&](size_t, int) {});
  CHECK(calls == 0);
  std::vector<size_t> seen;
  ForEachInOrder<int>(2, 16, 1, [&](size_t i, unsigned) { return static_cast<int>(i); },
                      [&](size_t i, int v) { seen.push_back(i + v); });
  CHECK(seen == std::vector<size_t>{0, 2});
}

TEST_CASE("ordered parallel: each worker runs `before` once, before it produces", "[parallel]") {
  // Nothing to produce: the calling thread still runs it (the CLI loads its rules there).
  std::vector<unsigned> before_ids;
  ForEachInOrder<int>(
      0, 4, 8, [&](size_t, unsigned) { return 0; }, [&](size_t, int) {},
      [&](unsigned id) { before_ids.push_back(id); });
  CHECK(before_ids == std::vector<unsigned>{0});

  // As the CLI uses it: worker 0 prepares (slowly), the others wait for it in `before`.
  for (unsigned jobs : {1u, 2u, 3u}) {
    std::mutex mutex;
    std::condition_variable ready_cv;
    bool ready = false;
    std::atomic<int> befores{0}, early{0};
    std::vector<int> seen;
    ForEachInOrder<int>(
        200, jobs, 8,
        [&](size_t i, unsigned) {
          std::lock_guard<std::mutex> lock(mutex);
          if (!ready) ++early;
          return static_cast<int>(i);
        },
        [&](size_t, int v) { seen.push_back(v); },
        [&](unsigned id) {
          ++befores;
          std::unique_lock<std::mutex> lock(mutex);
          if (id == 0) {
            lock.unlock();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            lock.lock();
            ready = true;
            ready_cv.notify_all();
          } else {
            ready_cv.wait(lock, [&] { return ready; });
          }
        });
    CHECK(befores == static_cast<int>(jobs));
    CHECK(early == 0);
    REQUIRE(seen.size() == 200);
    for (int i = 0; i < 200; ++i) REQUIRE(seen[i] == i);
  }
}

TEST_CASE("cli: --jobs 1 and --jobs 2 print the same output for a folder", "[parallel][cli]") {
  std::string dir = std::string(FULINT_SOURCE_DIR) + "/tests/fixtures";
  auto one = fulint::test::RunFulint({"--jobs", "1", "--format", "line", dir});
  auto two = fulint::test::RunFulint({"--jobs", "2", "--format", "line", dir});
  CHECK(one.status == two.status);
  CHECK(one.out == two.out);
  CHECK(one.out.size() > 1000);  // the fixtures have findings
}
