#pragma once
// Reading a file whole: open, fstat, one read when the size is known (one more for a file that
// grows under us, a pipe or a device), close. Drafts and rule files are small, so system calls
// were most of the cost of reading one (stdio made eight per draft, and std::stringstream copied
// a rule file twice).
#include <cstddef>
#include <cstdint>
#include <string>

namespace fulint {

enum class ReadStatus { kOk, kOpenFailed, kIsDirectory, kTooLarge, kReadFailed };

// Reads `path` into `*out`, refusing more than `max_bytes`. On kOpenFailed, `*error_number` (if
// given) is errno; on anything but kOk, `*out` is empty.
ReadStatus ReadWholeFile(const std::string& path, std::string* out, size_t max_bytes = SIZE_MAX,
                         int* error_number = nullptr);

// The same for a path known to name a regular file (the type a folder listing gave): one
// read into a scratch buffer, without the fstat, since a short read of a regular file is its
// end. Three system calls instead of four; on our build VM each costs over a microsecond, and
// a folder of 1,000 drafts made 4,000 of them. Longer files (over 64 KB) and anything that is
// not a regular file after all are read as ReadWholeFile reads them.
ReadStatus ReadRegularFile(const std::string& path, std::string* out, size_t max_bytes = SIZE_MAX,
                           int* error_number = nullptr);

// The same for an open descriptor (standard input), read to its end; `fd` stays open.
ReadStatus ReadWholeFd(int fd, std::string* out, size_t max_bytes = SIZE_MAX);

}  // namespace fulint
