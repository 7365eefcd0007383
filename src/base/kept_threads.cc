#include "base/kept_threads.h"

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "base/start_thread.h"

namespace fulint {
namespace {

struct Pool {
  std::mutex mutex;
  std::condition_variable wake;  // a loop has ids to hand out
  std::condition_variable done;  // the last call of a loop has returned
  const std::function<void(unsigned)>* work = nullptr;
  bool busy = false;    // a loop is using the pool
  unsigned next = 1;    // the next id to hand out
  unsigned last = 0;    // the loop's highest id (ids 1..last run on kept threads)
  unsigned running = 0;  // calls handed out or running, not yet returned
  unsigned started = 0;  // threads in the pool
};

// Never destroyed: its threads wait on it until the process exits, after static destructors.
Pool& ThePool() {
  static Pool* pool = new Pool;
  return *pool;
}

void KeptThreadLoop(Pool& pool) {
  std::unique_lock<std::mutex> lock(pool.mutex);
  for (;;) {
    pool.wake.wait(lock, [&] { return pool.next <= pool.last; });
    unsigned id = pool.next++;
    const auto* work = pool.work;
    lock.unlock();
    (*work)(id);
    lock.lock();
    if (--pool.running == 0) pool.done.notify_all();
  }
}

void RunOnNewThreads(unsigned threads, const std::function<void(unsigned)>& work) {
  std::vector<std::thread> started;
  for (unsigned id = 1; id < threads; ++id) started.emplace_back(work, id);
  work(0);
  for (auto& t : started) t.join();
}

}  // namespace

void RunOnKeptThreads(unsigned threads, const std::function<void(unsigned)>& work) {
  if (threads <= 1) {
    work(0);
    return;
  }
  Pool& pool = ThePool();
  bool pooled;
  {
    std::lock_guard<std::mutex> lock(pool.mutex);
    // Another loop has the pool: this one must not wait for it (it may be this loop's caller).
    pooled = !pool.busy;
    if (pooled) {
      pool.busy = true;
      pool.work = &work;
      pool.next = 1;
      pool.last = threads - 1;
      pool.running = threads - 1;
      for (; pool.started < threads - 1; ++pool.started)
        StartDetachedThreadElsewhere([&pool] { KeptThreadLoop(pool); }, pool.started);
    }
  }
  if (!pooled) {
    RunOnNewThreads(threads, work);
    return;
  }
  pool.wake.notify_all();
  work(0);
  std::unique_lock<std::mutex> lock(pool.mutex);
  pool.done.wait(lock, [&] { return pool.running == 0; });
  pool.last = 0;  // nothing more to hand out: the threads wait for the next loop
  pool.work = nullptr;
  pool.busy = false;
}

}  // namespace fulint
