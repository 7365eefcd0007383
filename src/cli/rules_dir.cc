#include "cli/rules_dir.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace fulint {

std::string DefaultRulesDir() {
  if (const char* env = std::getenv("FULINT_RULES"); env && *env) return env;
  // readlink and stat rather than std::filesystem: every run asks this before anything else,
  // and building the candidate path with std::filesystem::path took 0.2 ms of a 1,000-draft
  // run's serial start on our build VM (BENCHMARKS.md, "Session 13").
  char exe[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe);
  if (n > 0 && static_cast<size_t>(n) < sizeof exe) {
    std::string installed(exe, static_cast<size_t>(n));
    installed.resize(installed.rfind('/') + 1);  // the executable's folder; the link is absolute
    installed += "../share/fulint/rules";
    struct stat st;
    if (::stat(installed.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      std::error_code ec;
      return std::filesystem::weakly_canonical(installed, ec).string();
    }
  }
  return FULINT_DEFAULT_RULES_DIR;
}

}  // namespace fulint
