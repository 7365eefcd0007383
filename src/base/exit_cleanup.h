#pragma once
// Whether the fulint process tidies its memory before it exits. Normally not: once the output
// is written, freeing what the kernel is about to drop only costs time (main() leaves with
// _exit, and the last file's result is not freed; BENCHMARKS.md). Sanitizer builds exit
// normally and free everything: LeakSanitizer looks for leaks from exit()'s handlers.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define FULINT_EXIT_WITH_CLEANUP 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define FULINT_EXIT_WITH_CLEANUP 1
#endif
#endif
#ifndef FULINT_EXIT_WITH_CLEANUP
#define FULINT_EXIT_WITH_CLEANUP 0
#endif
