#pragma once
// Running a program (git) without a shell: arguments are passed as they are, so paths with
// spaces or non-ASCII characters need no quoting.
#include <string>
#include <vector>

namespace fulint {

struct ProcessResult {
  int status = -1;  // exit status, or -1 when the program could not be run
  std::string out;  // standard output (standard error is passed through)
};

ProcessResult RunProgram(const std::vector<std::string>& argv, const std::string& cwd = "");

}  // namespace fulint
