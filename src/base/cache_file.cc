#include "base/cache_file.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <system_error>

namespace fulint {
namespace fs = std::filesystem;

bool ReplaceCacheFile(const std::string& file, const std::string& data) {
  std::error_code ec;
  fs::create_directories(fs::path(file).parent_path(), ec);
  // The process id keeps two runs saving at once from writing into one temporary file.
  std::string tmp = file + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
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
