#pragma once
// How many processors this process may run on.

namespace fulint {

// The processors in this process's affinity mask (what `taskset` or a container's cpuset
// allows), at least 1. std::thread::hardware_concurrency counts every processor of the
// machine, so a run confined to one core started a worker per core anyway and they took
// turns on it.
unsigned UsableCpus();

}  // namespace fulint
