#include "base/start_thread.h"

#include <pthread.h>
#include <sched.h>

#include <memory>
#include <system_error>
#include <vector>

namespace fulint {
namespace {

struct Start {
  std::function<void()> body;
  cpu_set_t allowed;  // the creator's affinity, restored once the thread runs
  bool restore = false;
};

void* RunStart(void* arg) {
  std::unique_ptr<Start> start(static_cast<Start*>(arg));
  if (start->restore) sched_setaffinity(0, sizeof start->allowed, &start->allowed);
  start->body();
  return nullptr;
}

}  // namespace

void StartDetachedThreadElsewhere(std::function<void()> body, unsigned nth) {
  auto start = std::make_unique<Start>();
  start->body = std::move(body);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  CPU_ZERO(&start->allowed);
  if (sched_getaffinity(0, sizeof start->allowed, &start->allowed) == 0) {
    const int here = sched_getcpu();
    std::vector<int> others;
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
      if (CPU_ISSET(cpu, &start->allowed) && cpu != here) others.push_back(cpu);
    if (!others.empty()) {
      cpu_set_t one;
      CPU_ZERO(&one);
      CPU_SET(others[nth % others.size()], &one);
      start->restore = pthread_attr_setaffinity_np(&attr, sizeof one, &one) == 0;
    }
  }
  pthread_t thread;
  int error = pthread_create(&thread, &attr, RunStart, start.get());
  pthread_attr_destroy(&attr);
  if (error != 0) throw std::system_error(error, std::generic_category(), "pthread_create");
  start.release();  // the thread owns it now
}

}  // namespace fulint
