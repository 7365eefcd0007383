#include "cli/git.h"

#include <filesystem>

#include "cli/subprocess.h"

namespace fulint {

std::string GitTopLevel(const std::string& cwd) {
  ProcessResult r = RunProgram({"git", "rev-parse", "--show-toplevel"}, cwd);
  if (r.status != 0) return "";
  while (!r.out.empty() && (r.out.back() == '\n' || r.out.back() == '\r')) r.out.pop_back();
  return r.out;
}

std::string GitHooksDir(const std::string& cwd) {
  ProcessResult r = RunProgram({"git", "rev-parse", "--git-path", "hooks"}, cwd);
  if (r.status != 0) return "";
  while (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
  std::filesystem::path p(r.out);
  if (p.is_relative()) p = std::filesystem::path(cwd.empty() ? "." : cwd) / p;
  std::error_code ec;
  return std::filesystem::absolute(p, ec).lexically_normal().string();
}

bool ReadStagedFiles(const std::string& top,
                     const std::function<bool(const std::string& path)>& accept,
                     std::vector<StagedFile>* out, std::string* error) {
  // -z: NUL-separated, unquoted names (spaces, non-ASCII); -M: renames as one entry.
  ProcessResult list = RunProgram(
      {"git", "diff", "--cached", "--name-status", "-z", "-M", "--diff-filter=ACMR"}, top);
  if (list.status != 0) {
    *error = "git diff --cached failed (is this a git repository?)";
    return false;
  }
  std::vector<std::string> fields;
  size_t pos = 0;
  while (pos < list.out.size()) {
    size_t nul = list.out.find('\0', pos);
    if (nul == std::string::npos) nul = list.out.size();
    fields.push_back(list.out.substr(pos, nul - pos));
    pos = nul + 1;
  }
  for (size_t i = 0; i < fields.size();) {
    const std::string& status = fields[i];
    bool two_paths = !status.empty() && (status[0] == 'R' || status[0] == 'C');
    size_t entry = two_paths ? 3 : 2;  // status, [old path,] path
    if (i + entry > fields.size()) break;
    std::string path = fields[i + entry - 1];
    i += entry;
    if (!accept(path)) continue;
    ProcessResult blob = RunProgram({"git", "show", ":" + path}, top);
    if (blob.status != 0) {
      *error = "cannot read the staged version of " + path;
      return false;
    }
    out->push_back({path, std::move(blob.out)});
  }
  return true;
}

}  // namespace fulint
