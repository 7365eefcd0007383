// A thread started elsewhere runs its body, and ends up with its creator's affinity (it is
// placed on another core only to start), including when the creator may use one core only.
#include <catch2/catch.hpp>
#include <sched.h>

#include <future>

#include "base/start_thread.h"

namespace {

cpu_set_t Affinity() {
  cpu_set_t set;
  CPU_ZERO(&set);
  REQUIRE(sched_getaffinity(0, sizeof set, &set) == 0);
  return set;
}

// The affinity the started thread has while its body runs.
cpu_set_t AffinityOfStartedThread(unsigned nth) {
  std::promise<cpu_set_t> seen;
  auto future = seen.get_future();
  fulint::StartDetachedThreadElsewhere([&seen] { seen.set_value(Affinity()); }, nth);
  return future.get();
}

}  // namespace

TEST_CASE("start thread: the body runs with the creator's affinity", "[threads]") {
  cpu_set_t mine = Affinity();
  for (unsigned nth : {0u, 1u, 7u}) {
    cpu_set_t theirs = AffinityOfStartedThread(nth);
    CHECK(CPU_EQUAL(&mine, &theirs));
  }
}

TEST_CASE("start thread: a creator on one core", "[threads]") {
  cpu_set_t original = Affinity();
  int cpu = sched_getcpu();
  REQUIRE(cpu >= 0);
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(cpu, &one);
  REQUIRE(sched_setaffinity(0, sizeof one, &one) == 0);
  cpu_set_t theirs = AffinityOfStartedThread(0);
  REQUIRE(sched_setaffinity(0, sizeof original, &original) == 0);
  CHECK(CPU_EQUAL(&one, &theirs));
}
