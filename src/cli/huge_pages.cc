#include "cli/huge_pages.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace fulint {
namespace {

// Below this, the restart (an exec, about a millisecond) costs more than the page faults it
// saves: a draft is a few kilobytes.
constexpr long long kHugeInputBytes = 8ll << 20;

constexpr const char* kTunable = "glibc.malloc.hugetlb=1";
constexpr const char* kMarker = "FULINT_RESTARTED_FOR_HUGE_PAGES";

}  // namespace

void MaybeRestartWithHugePages(int argc, char** argv) {
  // A long file's lint touches about ten bytes of fresh memory per input byte (its text three
  // times over, its words, findings and output), and every 4 KB page of that costs a page
  // fault: on an early build VM, 40,000 faults and a third of a 10 MB file's time. glibc
  // backs its heaps with 2 MB pages when the tunable glibc.malloc.hugetlb=1 is set, but
  // tunables are read only when a program starts (glibc 2.36 has no call to set one), hence
  // the restart.
  if (const char* saved = std::getenv(kMarker)) {
    // The restarted process: the tunable is in effect now; give children (git, editors) the
    // environment as it was.
    if (std::strcmp(saved, "-") == 0)
      unsetenv("GLIBC_TUNABLES");
    else
      setenv("GLIBC_TUNABLES", saved, 1);
    unsetenv(kMarker);
    return;
  }
  // Only when asked: huge pages come from the free 2 MB blocks a ballooned VM has handed back
  // to its host, and fault there again (src/cli/main.cc; BENCHMARKS.md, "Session 15").
  const char* on = std::getenv("FULINT_HUGE_PAGES");
  if (!on || std::strcmp(on, "1") != 0) return;
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb")) return;  // the user's choice
  long long total = 0;
  for (int i = 1; i < argc && total < kHugeInputBytes; ++i) {
    struct stat st;
    if (argv[i][0] != '-' && ::stat(argv[i], &st) == 0 && S_ISREG(st.st_mode)) total += st.st_size;
  }
  if (total < kHugeInputBytes) return;
  std::string value = tunables && *tunables ? std::string(tunables) + ":" + kTunable : kTunable;
  setenv(kMarker, tunables ? tunables : "-", 1);
  setenv("GLIBC_TUNABLES", value.c_str(), 1);
  ::execv("/proc/self/exe", argv);
  // Not restarted (no /proc, say): go on as we are, with the environment as it was.
  if (tunables)
    setenv("GLIBC_TUNABLES", tunables, 1);
  else
    unsetenv("GLIBC_TUNABLES");
  unsetenv(kMarker);
}

}  // namespace fulint
