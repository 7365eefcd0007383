#pragma once
// What git has staged: the drafts a commit would record, read from the index (not the working
// tree), so a partially staged file is judged by its staged content.
#include <functional>
#include <string>
#include <vector>

namespace fulint {

struct StagedFile {
  std::string path;  // relative to the repository root, as git names it (after a rename: the new name)
  std::string bytes; // the staged content
};

// The repository root of `cwd`, or "" outside a repository.
std::string GitTopLevel(const std::string& cwd = "");

// Staged added, copied, modified and renamed files (deletions skipped) whose names match
// `accept`; false with `error` when git fails.
bool ReadStagedFiles(const std::string& top,
                     const std::function<bool(const std::string& path)>& accept,
                     std::vector<StagedFile>* out, std::string* error);

// The hooks folder git uses for this repository (honours core.hooksPath and worktrees).
std::string GitHooksDir(const std::string& cwd = "");

}  // namespace fulint
