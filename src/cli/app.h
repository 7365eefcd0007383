#pragma once
// The `fulint` command line: options, the file loop, exit status.
namespace fulint {

// Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, config
// or I/O error.
int RunCli(int argc, char** argv);

}  // namespace fulint
