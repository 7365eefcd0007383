#include "base/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "base/prefault.h"

namespace fulint {
namespace {

// The reading loop; kOpenFailed here means fstat failed (errno in `*error_number`).
ReadStatus ReadFd(int fd, std::string* out, size_t max_bytes, int* error_number) {
  out->clear();
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    if (error_number) *error_number = errno;
    return ReadStatus::kOpenFailed;
  }
  if (S_ISDIR(st.st_mode)) return ReadStatus::kIsDirectory;
  const bool known_size = S_ISREG(st.st_mode);
  // One byte over the size, so a read that comes back short proves the end.
  size_t want = known_size ? static_cast<size_t>(st.st_size) + 1 : size_t{1} << 16;
  const size_t limit = max_bytes == SIZE_MAX ? SIZE_MAX : max_bytes + 1;
  ReadStatus status = ReadStatus::kOk;
  if (known_size && want <= limit) {
    out->reserve(want);
    PrefaultCapacity(out);
  }
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
  if (status == ReadStatus::kOk && out->size() > max_bytes) status = ReadStatus::kTooLarge;
  if (status != ReadStatus::kOk) out->clear();
  return status;
}

}  // namespace

ReadStatus ReadWholeFile(const std::string& path, std::string* out, size_t max_bytes,
                         int* error_number) {
  out->clear();
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (error_number) *error_number = errno;
    return ReadStatus::kOpenFailed;
  }
  ReadStatus status = ReadFd(fd, out, max_bytes, error_number);
  ::close(fd);
  return status;
}

ReadStatus ReadRegularFile(const std::string& path, std::string* out, size_t max_bytes,
                           int* error_number) {
  constexpr size_t kScratch = size_t{1} << 16;
  thread_local std::unique_ptr<char[]> scratch;  // per thread: files are read on every worker
  if (!scratch) scratch = std::make_unique<char[]>(kScratch);
  out->clear();
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (error_number) *error_number = errno;
    return ReadStatus::kOpenFailed;
  }
  ssize_t n = ::read(fd, scratch.get(), kScratch);
  ReadStatus status;
  if (n >= 0 && static_cast<size_t>(n) < kScratch) {
    // A short read: the end of a regular file. Over the limit is refused as ReadFd does.
    if (static_cast<size_t>(n) > max_bytes) {
      status = ReadStatus::kTooLarge;
    } else {
      out->assign(scratch.get(), static_cast<size_t>(n));
      status = ReadStatus::kOk;
    }
  } else if (n < 0 && errno == EISDIR) {
    status = ReadStatus::kIsDirectory;
  } else {
    // A long file, an interrupted read, or not a regular file after all: from the start.
    status = ::lseek(fd, 0, SEEK_SET) == 0 ? ReadFd(fd, out, max_bytes, error_number)
                                           : ReadStatus::kReadFailed;
  }
  ::close(fd);
  return status;
}

ReadStatus ReadWholeFd(int fd, std::string* out, size_t max_bytes) {
  return ReadFd(fd, out, max_bytes, nullptr);
}

}  // namespace fulint
