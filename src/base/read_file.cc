#include "base/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace fulint {

bool ReadWholeFile(const std::string& path, std::string* out) {
  out->clear();
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    ::close(fd);
    return false;
  }
  size_t chunk = S_ISREG(st.st_mode) ? static_cast<size_t>(st.st_size) + 1 : 1 << 16;
  for (;;) {
    size_t at = out->size();
    out->resize(at + chunk);
    ssize_t n = ::read(fd, out->data() + at, chunk);
    if (n < 0 && errno == EINTR) {
      out->resize(at);
      continue;
    }
    if (n < 0) {
      ::close(fd);
      out->clear();
      return false;
    }
    out->resize(at + static_cast<size_t>(n));
    if (n == 0 || (S_ISREG(st.st_mode) && static_cast<size_t>(n) < chunk)) break;
    chunk = 1 << 16;
  }
  ::close(fd);
  return true;
}

}  // namespace fulint
