#pragma once
// Starting a thread on another core than the one starting it.
//
// On our build VM (2 vCPUs) Linux put a new thread on its creator's core, where it ran for a
// whole scheduler tick (4 ms) before one of the two moved to the idle core: a two-core run
// over 1,000 drafts lost up to 4 ms of its 45 at the start of every parallel loop, either on
// the main thread or on the worker (BENCHMARKS.md, "Session 11"). A thread started with its
// affinity set to another allowed core ran there within 0.3-0.6 ms, and its creator was not
// interrupted. The thread then widens its affinity to the creator's, so the scheduler may
// move it later as usual.
#include <functional>

namespace fulint {

// Runs `body` on a new detached thread, first placed on the `nth` allowed core other than the
// caller's (counting round the list, so successive threads spread out). Where the caller may
// run on one core only, or affinity cannot be read, the thread starts wherever Linux puts it.
void StartDetachedThreadElsewhere(std::function<void()> body, unsigned nth);

}  // namespace fulint
