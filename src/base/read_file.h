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

// The same for an open descriptor (standard input), read to its end; `fd` stays open.
ReadStatus ReadWholeFd(int fd, std::string* out, size_t max_bytes = SIZE_MAX);

}  // namespace fulint
