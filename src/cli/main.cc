#include <signal.h>
#include <unistd.h>

#include "cli/app.h"

namespace {

// A reader that stops early (`fulint drafts/ | head -1`, an editor that quits) closes our
// standard output. Nothing more can be delivered, so fulint stops at once, quietly (no
// "Broken pipe" message, no core), with exit status 2 like other I/O errors. Files are only
// ever replaced by rename (--fix), so stopping here cannot leave one half written.
extern "C" void OnBrokenPipe(int) { _exit(2); }

}  // namespace

int main(int argc, char** argv) {
  struct sigaction sa = {};
  sa.sa_handler = OnBrokenPipe;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGPIPE, &sa, nullptr);
  return fulint::RunCli(argc, argv);
}
