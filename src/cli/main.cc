#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "cli/app.h"
#include "cli/huge_pages.h"

namespace {

// A reader that stops early (`fulint drafts/ | head -1`, an editor that quits) closes our
// standard output. Nothing more can be delivered, so fulint stops at once, quietly (no
// "Broken pipe" message, no core), with exit status 2 like other I/O errors. Files are only
// ever replaced by rename (--fix), so stopping here cannot leave one half written.
extern "C" void OnBrokenPipe(int) { _exit(2); }

}  // namespace

int main(int argc, char** argv) {
  fulint::MaybeRestartWithHugePages(argc, argv);
  // Big buffers (a long file's text, its words, its findings) are made and freed for every
  // file. By default glibc maps each one afresh and unmaps it when freed, and every page of
  // it faults in again on the next file; page faults were a fifth of a 10 MB run's time on
  // our build VM. Keeping freed memory in the heap lets the next file reuse it.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  // Output to a pipe or file goes out in 256 KB writes instead of stdio's 4 KB: a long
  // file's 26 MB of findings were 6,400 write calls. A terminal keeps its line buffering,
  // and the language server flushes each message itself.
  if (!isatty(STDOUT_FILENO)) {
    static char out_buffer[256 << 10];
    setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  }
  struct sigaction sa = {};
  sa.sa_handler = OnBrokenPipe;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGPIPE, &sa, nullptr);
  return fulint::RunCli(argc, argv);
}
