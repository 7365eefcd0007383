#include "cli/hook_command.h"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/git.h"

namespace fulint {
namespace fs = std::filesystem;
namespace {

constexpr const char* kMarker = "# installed by fulint hook install";

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int RunHookCommand(const std::string& action, bool force) {
  std::string hooks = GitHooksDir();
  if (hooks.empty()) {
    std::fprintf(stderr, "fulint: not inside a git repository\n");
    return 2;
  }
  fs::path hook = fs::path(hooks) / "pre-commit";
  std::error_code ec;
  bool exists = fs::exists(hook, ec);
  bool ours = exists && ReadAll(hook).find(kMarker) != std::string::npos;
  if (action == "uninstall") {
    if (!exists) {
      std::printf("no pre-commit hook in %s\n", hooks.c_str());
      return 0;
    }
    if (!ours) {
      std::fprintf(stderr, "fulint: %s is not fulint's hook; left alone\n", hook.c_str());
      return 2;
    }
    fs::remove(hook, ec);
    std::printf("removed %s\n", hook.c_str());
    return ec ? 2 : 0;
  }
  if (exists && !ours && !force) {
    std::fprintf(stderr,
                 "fulint: %s already exists and is not fulint's; left alone (use --force to "
                 "replace it)\n",
                 hook.c_str());
    return 2;
  }
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  std::string binary = ec ? "fulint" : exe.string();
  fs::create_directories(hooks, ec);
  std::ofstream out(hook, std::ios::binary | std::ios::trunc);
  out << "#!/bin/sh\n"
      << kMarker << "\n"
      << "# Lints the staged version of each staged draft; the commit is refused when a finding\n"
      << "# reaches --fail-on (error by default). Skip once with: git commit --no-verify\n"
      << "FULINT=" << ShellQuote(binary) << "\n"
      << "[ -x \"$FULINT\" ] || FULINT=fulint\n"
      << "exec \"$FULINT\" --staged --quiet\n";
  out.close();
  if (!out) {
    std::fprintf(stderr, "fulint: cannot write %s\n", hook.c_str());
    return 2;
  }
  fs::permissions(hook, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec,
                  ec);
  std::printf("installed %s\n", hook.c_str());
  return 0;
}

}  // namespace fulint
