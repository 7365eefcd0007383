#pragma once
// Runs `produce(i, worker)` for i in [0, count) on `jobs` threads and hands each result to
// `consume(i, result)` in index order, one call at a time (on whichever worker thread has the
// turn; each call happens after the one before it), so output is the same whatever the
// number of threads. At most `limits.items` results wait to be consumed, and workers take no
// new item while the waiting ones weigh more than `limits.bytes` (by `weigh(result)`), so
// memory stays flat however many files there are: a worker that gets that far ahead waits.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

#include "base/kept_threads.h"

namespace fulint {

// Each worker first calls `before(worker)`, on its own thread (worker 0 is the calling thread,
// which runs it even when there is nothing to produce): work that must precede the loop, such
// as loading the rules, overlapped with work the other workers can do meanwhile, such as
// reading the first files. `before` must see to it that nothing is produced too early.
struct InOrderLimits {
  size_t items = 8;          // results waiting to be consumed, at most
  size_t bytes = SIZE_MAX;   // their weight beyond which no new item is taken
};

template <typename T, typename Weigh, typename Produce, typename Consume, typename Before>
void ForEachInOrder(size_t count, unsigned jobs, InOrderLimits limits, Weigh weigh,
                    Produce produce, Consume consume, Before before) {
  jobs = static_cast<unsigned>(std::clamp<size_t>(jobs, 1, std::max<size_t>(count, 1)));
  if (jobs == 1) {  // no threads to start or synchronise
    before(0u);
    for (size_t i = 0; i < count; ++i) consume(i, produce(i, 0u));
    return;
  }
  const size_t window = std::max<size_t>(limits.items, jobs);
  std::mutex mutex;
  std::condition_variable room;
  std::vector<std::optional<T>> slots(window);  // result i lives in slots[i % window]
  std::vector<size_t> weights(window);          // and its weight in weights[i % window]
  size_t next = 0;                              // next index to hand to a worker
  size_t consumed = 0;                          // results consumed so far
  size_t waiting_bytes = 0;                     // weight of the results stored, not consumed
  bool consuming = false;   // a worker is consuming: results stored now are its to take
  size_t room_waiters = 0;  // workers waiting for the window to move
  // The worker that stores the next result in order consumes it, and every result after it
  // that is ready, one at a time; the others only store theirs. Handing each result to the
  // calling thread instead cost a wake-up (a futex call and an interrupt between processors)
  // per file, a quarter of a two-core run over 1,000 drafts on our VM.
  auto worker = [&](unsigned id) {
    before(id);
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mutex);
        // A result that is not stored yet is one being produced, whose storing lets the
        // window move: waiting here cannot block the loop.
        auto room_left = [&] {
          return next >= count || (next < consumed + window && waiting_bytes <= limits.bytes);
        };
        if (!room_left()) {
          ++room_waiters;
          room.wait(lock, room_left);
          --room_waiters;
        }
        if (next >= count) return;
        i = next++;
      }
      T result = produce(i, id);
      const size_t weight = weigh(result);
      std::unique_lock<std::mutex> lock(mutex);
      slots[i % window].emplace(std::move(result));
      weights[i % window] = weight;
      waiting_bytes += weight;
      if (consuming) continue;  // the consuming worker takes it (it looks again before it stops)
      consuming = true;
      while (consumed < count && slots[consumed % window].has_value()) {
        size_t index = consumed;
        T item = std::move(*slots[index % window]);
        slots[index % window].reset();
        waiting_bytes -= weights[index % window];
        lock.unlock();
        consume(index, std::move(item));
        lock.lock();
        ++consumed;
        if (room_waiters) room.notify_all();
      }
      consuming = false;
    }
  };
  // The calling thread is worker 0: it starts on the files at once, while the others start
  // (on our build VM a new thread began running 0.3-0.6 ms later, started on another core by
  // kept_threads.h). The others are kept threads: the loop returns when they are done,
  // without waiting for them to end.
  RunOnKeptThreads(jobs, worker);
}

// Items [0, count) taken `chunk` at a time: make(from, to) returns a chunk's T on up to `jobs`
// threads, use(from, to, T&&) takes them in order, two chunks a thread at most waiting (so a
// long list's rendered text in memory stays small).
template <typename T, typename Make, typename Use>
void ForEachChunkInOrder(size_t count, size_t chunk, unsigned jobs, Make make, Use use) {
  auto end = [&](size_t c) { return std::min(count, (c + 1) * chunk); };
  ForEachInOrder<T>(
      (count + chunk - 1) / chunk, jobs, InOrderLimits{size_t{2} * jobs},
      [](const T&) { return size_t{0}; },
      [&](size_t c, unsigned) { return make(c * chunk, end(c)); },
      [&](size_t c, T&& item) { use(c * chunk, end(c), std::move(item)); }, [](unsigned) {});
}

template <typename T, typename Produce, typename Consume, typename Before>
void ForEachInOrder(size_t count, unsigned jobs, size_t window, Produce produce, Consume consume,
                    Before before) {
  ForEachInOrder<T>(count, jobs, InOrderLimits{window}, [](const T&) { return size_t{0}; },
                    produce, consume, before);
}

template <typename T, typename Produce, typename Consume>
void ForEachInOrder(size_t count, unsigned jobs, size_t window, Produce produce, Consume consume) {
  ForEachInOrder<T>(count, jobs, window, produce, consume, [](unsigned) {});
}

}  // namespace fulint
