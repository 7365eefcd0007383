#pragma once
// Transparent huge pages for long inputs, when asked (see huge_pages.cc).

namespace fulint {

// When asked (FULINT_HUGE_PAGES=1) and the files named on the command line add up to many
// megabytes, restarts this program with glibc's malloc asked to back its heaps with
// transparent huge pages; returns otherwise (also when the restart is not possible). Call
// first thing in main.
void MaybeRestartWithHugePages(int argc, char** argv);

}  // namespace fulint
