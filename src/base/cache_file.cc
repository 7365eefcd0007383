#include "base/cache_file.h"

#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <system_error>

namespace fulint {
namespace fs = std::filesystem;

// The compiled automata are hundreds of kilobytes: under a 64 KB limit the first run of a new
// build was killed before it linted anything. Asked of the limit rather than by ignoring the
// signal, which is process-wide (the literal union is stored while other threads lint).
bool FitsFileSizeLimit(size_t bytes) {
  struct rlimit limit;
  return getrlimit(RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY ||
         bytes <= limit.rlim_cur;
}

bool ReplaceCacheFile(const std::string& file, const std::string& data) {
  if (!FitsFileSizeLimit(data.size())) return false;
  std::error_code ec;
  fs::create_directories(fs::path(file).parent_path(), ec);
  // The process id keeps two runs saving at once from writing into one temporary file.
  std::string tmp = file + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.close();  // the last of the bytes are written here: checked too
    if (!out) {
      fs::remove(tmp, ec);
      return false;
    }
  }
  fs::rename(tmp, file, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

}  // namespace fulint
