#pragma once
// Writing one of the files fulint keeps between runs in the user's cache folder. A cache is
// only ever a shortcut, so there is no fsync: a crash may lose the new file, never leave half
// of one, because it is written beside its name and renamed over it.
#include <cstddef>
#include <string>

namespace fulint {

// Replaces `file` with `data` (creating its folder), atomically. False when it could not,
// or when `data` would pass the file size limit (see FitsFileSizeLimit).
bool ReplaceCacheFile(const std::string& file, const std::string& data);

// Whether a file of `bytes` bytes may be written under the process's file size limit
// (`ulimit -f`). A write past it raises SIGXFSZ, which ends the process: a cache is never
// worth that, so cache writers ask first and keep no cache instead.
bool FitsFileSizeLimit(size_t bytes);

}  // namespace fulint
