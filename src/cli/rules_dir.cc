#include "cli/rules_dir.h"

#include <cstdlib>
#include <filesystem>

namespace fulint {
namespace fs = std::filesystem;

std::string DefaultRulesDir() {
  if (const char* env = std::getenv("FULINT_RULES"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path() / ".." / "share" / "fulint" / "rules";
    if (fs::is_directory(installed, ec)) return fs::weakly_canonical(installed, ec).string();
  }
  return FULINT_DEFAULT_RULES_DIR;
}

}  // namespace fulint
