#pragma once
// Worker threads kept for the life of the process, reused by every parallel loop instead of
// a thread started and joined each time. A thread that ends makes mimalloc tidy its heap and
// scan its 160 KB segment cache, which had never been touched: 40 page faults, and joining the
// second worker of a 1,000-draft run took 0.6-0.85 ms on our build VM (BENCHMARKS.md,
// "Session 9"), all of it after the last file was linted. Kept threads never end: they wait
// for the next loop, and vanish when the process exits.
#include <functional>

namespace fulint {

// Calls work(id) for every id in [0, threads): id 0 on the calling thread, the others on
// kept threads (started on first need). Returns when every call has returned. When the kept
// threads are busy (a loop started inside another, or from two threads at once) the others
// run on threads started and joined for this call, as before.
void RunOnKeptThreads(unsigned threads, const std::function<void(unsigned)>& work);

}  // namespace fulint
