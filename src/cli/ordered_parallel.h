#pragma once
// Runs `produce(i, worker)` for i in [0, count) on `jobs` threads and hands each result to
// `consume(i, result)` on the calling thread in index order, so output is the same whatever the
// number of threads. At most `window` results wait to be consumed, so memory stays flat however
// many files there are: a worker that gets that far ahead waits.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace fulint {

template <typename T, typename Produce, typename Consume>
void ForEachInOrder(size_t count, unsigned jobs, size_t window, Produce produce, Consume consume) {
  jobs = static_cast<unsigned>(std::clamp<size_t>(jobs, 1, std::max<size_t>(count, 1)));
  if (jobs == 1) {  // no threads to start or synchronise
    for (size_t i = 0; i < count; ++i) consume(i, produce(i, 0u));
    return;
  }
  window = std::max<size_t>(window, jobs);
  std::mutex mutex;
  std::condition_variable ready, room;
  std::vector<std::optional<T>> slots(window);  // result i lives in slots[i % window]
  size_t next = 0;      // next index to hand to a worker
  size_t consumed = 0;  // results consumed so far
  auto worker = [&](unsigned id) {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mutex);
        room.wait(lock, [&] { return next >= count || next < consumed + window; });
        if (next >= count) return;
        i = next++;
      }
      T result = produce(i, id);
      {
        std::lock_guard<std::mutex> lock(mutex);
        slots[i % window].emplace(std::move(result));
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned id = 0; id < jobs; ++id) threads.emplace_back(worker, id);
  for (size_t i = 0; i < count; ++i) {
    std::optional<T> result;
    {
      std::unique_lock<std::mutex> lock(mutex);
      ready.wait(lock, [&] { return slots[i % window].has_value(); });
      result = std::move(slots[i % window]);
      slots[i % window].reset();
      ++consumed;
    }
    room.notify_all();
    consume(i, std::move(*result));
  }
  for (auto& t : threads) t.join();
}

}  // namespace fulint
