#include "base/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace fulint {

ReadStatus ReadWholeFile(const std::string& path, std::string* out, size_t max_bytes,
                         int* error_number) {
  out->clear();
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || ::fstat(fd, &st) != 0) {
    if (error_number) *error_number = errno;
    if (fd >= 0) ::close(fd);
    return ReadStatus::kOpenFailed;
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return ReadStatus::kIsDirectory;
  }
  const bool known_size = S_ISREG(st.st_mode);
  // One byte over the size, so a read that comes back short proves the end.
  size_t want = known_size ? static_cast<size_t>(st.st_size) + 1 : size_t{1} << 16;
  const size_t limit = max_bytes == SIZE_MAX ? SIZE_MAX : max_bytes + 1;
  ReadStatus status = ReadStatus::kOk;
  for (;;) {
    size_t at = out->size();
    if (at >= limit) {
      status = ReadStatus::kTooLarge;
      break;
    }
    want = std::min(want, limit - at);
    out->resize(at + want);
    ssize_t n = ::read(fd, out->data() + at, want);
    if (n < 0 && errno == EINTR) {
      out->resize(at);
      continue;
    }
    if (n < 0) {
      status = ReadStatus::kReadFailed;
      break;
    }
    out->resize(at + static_cast<size_t>(n));
    if (n == 0 || (known_size && static_cast<size_t>(n) < want)) break;
    want = size_t{1} << 16;
  }
  ::close(fd);
  if (status == ReadStatus::kOk && out->size() > max_bytes) status = ReadStatus::kTooLarge;
  if (status != ReadStatus::kOk) out->clear();
  return status;
}

}  // namespace fulint
