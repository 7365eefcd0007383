#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>

#include "base/exit_cleanup.h"
#include "cli/app.h"
#include "cli/huge_pages.h"

#ifdef FULINT_WITH_MIMALLOC
#include <mimalloc.h>

#include <cstdlib>
#include <cstring>
#endif


namespace {

#ifdef FULINT_WITH_MIMALLOC
// fulint is linked with mimalloc (CMakeLists.txt, FULINT_MIMALLOC). It can back its memory
// with 2 MB transparent huge pages, but only when asked (FULINT_HUGE_PAGES=1): a huge page
// needs a free 2 MB block, and on a VM whose balloon reports free memory to the host (ours
// does, two seconds after it is freed) those blocks are the ones the host has taken back, so
// every huge page faults on the host as it is zeroed. After a few idle seconds, as in a git
// hook or an adviser's one run, 1,000 drafts took 89.5 ms with huge pages against 44.1 ms
// without and the 10 MB file 0.91 s against 0.40 s; only runs back to back, which reuse the
// pages the last run freed, gained (one draft 5%). BENCHMARKS.md, "Session 15".
// Asked, a thread's first memory segment is committed at once too (eager_commit_delay 0).
// Run as a constructor, before the C++ library's own start-up allocates; an explicit
// MIMALLOC_LARGE_OS_PAGES in the environment wins.
[[gnu::constructor(101)]] void MaybeAskForHugePages() {
  const char* on = std::getenv("FULINT_HUGE_PAGES");
  if (!on || std::strcmp(on, "1") != 0 || std::getenv("MIMALLOC_LARGE_OS_PAGES")) return;
  mi_option_enable(mi_option_large_os_pages);
  if (!std::getenv("MIMALLOC_EAGER_COMMIT_DELAY")) mi_option_set(mi_option_eager_commit_delay, 0);
}
#endif

// A reader that stops early (`fulint drafts/ | head -1`, an editor that quits) closes our
// standard output. Nothing more can be delivered, so fulint stops at once, quietly (no
// "Broken pipe" message, no core), with exit status 2 like other I/O errors. Files are only
// ever replaced by rename (--fix), so stopping here cannot leave one half written.
extern "C" void OnBrokenPipe(int) { _exit(2); }

}  // namespace

int main(int argc, char** argv) {
#ifndef FULINT_WITH_MIMALLOC
  // glibc's malloc: huge pages only through a restart, when asked (FULINT_HUGE_PAGES=1).
  fulint::MaybeRestartWithHugePages(argc, argv);
  // Big buffers (a long file's text, its words, its findings) are made and freed for every
  // file. By default glibc maps each one afresh and unmaps it when freed, and every page of
  // it faults in again on the next file; page faults were a fifth of a 10 MB run's time on
  // our build VM. Keeping freed memory in the heap lets the next file reuse it.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
  // Output to a pipe or file goes out in 256 KB writes instead of stdio's 4 KB: a long
  // file's 26 MB of findings were 6,400 write calls. A terminal keeps its line buffering,
  // and the language server flushes each message itself.
  // From the heap, not static storage: the heap may be on huge pages, and 64 fresh 4 KB pages
  // were a tenth of a one-draft run's page faults. Never freed: stdout uses it to the end.
  if (!isatty(STDOUT_FILENO)) {
    constexpr size_t kOutBuffer = 256 << 10;
    if (char* out_buffer = static_cast<char*>(malloc(kOutBuffer)))
      setvbuf(stdout, out_buffer, _IOFBF, kOutBuffer);
  }
  struct sigaction sa = {};
  sa.sa_handler = OnBrokenPipe;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGPIPE, &sa, nullptr);
  int status = fulint::RunCli(argc, argv);
#if !FULINT_EXIT_WITH_CLEANUP
  // Everything is written and every file closed or renamed by now; what exit() would add is
  // static destructors and atexit handlers tidying memory the kernel is about to drop
  // (0.3 ms of a 1,000-draft run's 1.4 ms after its last file, BENCHMARKS.md). So flush the
  // C streams (std::cout writes through to them) and leave at once.
  std::fflush(nullptr);
  _exit(status);
#else
  return status;  // sanitizers check for leaks in exit()'s handlers
#endif
}
