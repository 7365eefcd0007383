#include "source/source.h"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "base/read_file.h"

namespace fulint {
namespace fs = std::filesystem;
namespace {

// A glob matches the whole path or its last component (the file name). Split with plain
// string operations: std::filesystem::path parsed each path into components, twice per file,
// a millisecond of a 1,000-draft run before any file was read.
bool MatchesAny(const std::vector<std::string>& patterns, const std::string& path) {
  if (patterns.empty()) return false;
  // Repeated slashes count as one, as in the path's generic form ("a//b.txt" is "a/b.txt").
  std::string collapsed;
  if (path.find("//") != std::string::npos) {
    collapsed.reserve(path.size());
    for (char c : path)
      if (c != '/' || !collapsed.ends_with('/')) collapsed += c;
  }
  const std::string& full = collapsed.empty() ? path : collapsed;
  const char* name = full.c_str() + (full.rfind('/') + 1);  // npos + 1 == 0: no folder
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& g) {
    // "*.txt" and the like (every default glob): a `*` that also matches '/' (no
    // FNM_PATHNAME) and then plain characters match exactly the strings ending in those
    // characters, and the name ends as the path does. Eight fnmatch calls a file were half the
    // instructions of listing a folder of 1,000 drafts (the rest of its time is the kernel's).
    if (g.size() > 1 && g[0] == '*' && g.find_first_of("*?[\\", 1) == std::string::npos)
      return std::string_view(full).ends_with(std::string_view(g).substr(1));
    return fnmatch(g.c_str(), full.c_str(), 0) == 0 || fnmatch(g.c_str(), name, 0) == 0;
  });
}

// Files under `dir` that pass the filter, recursively; hidden entries and excluded folders
// are skipped, symbolic links to folders are not followed (links to files are kept). Reads
// each entry's type from the directory itself (d_type), so a folder of drafts costs no
// stat per file; std::filesystem's iterator made one for every entry.
void WalkFolder(const std::string& dir, const FileFilter& filter, std::vector<std::string>* found,
                std::vector<std::string>* errors, bool top) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) {
    // An unreadable sub-folder is skipped quietly; the folder asked for is an error.
    if (top || errno != EACCES) errors->push_back(dir + ": " + std::strerror(errno));
    return;
  }
  std::string prefix = dir.ends_with('/') ? dir : dir + "/";
  std::vector<std::string> subdirs;
  while (const dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name.starts_with(".")) continue;  // hidden, and . and ..
    std::string p = prefix + std::string(name);
    unsigned char type = e->d_type;
    bool is_dir = type == DT_DIR, is_file = type == DT_REG;
    if (type == DT_UNKNOWN || type == DT_LNK) {
      struct stat st;
      if (::stat(p.c_str(), &st) != 0) continue;  // a dangling link
      // A link to a folder is neither recursed nor linted.
      is_dir = type == DT_UNKNOWN && S_ISDIR(st.st_mode);
      is_file = S_ISREG(st.st_mode);
    }
    if (is_dir) {
      if (!MatchesAny(filter.excludes, p)) subdirs.push_back(std::move(p));
      continue;
    }
    if (is_file && MatchesAny(filter.globs, p) && !MatchesAny(filter.excludes, p))
      found->push_back(std::move(p));
  }
  ::closedir(d);
  for (const auto& sub : subdirs) WalkFolder(sub, filter, found, errors, false);
}

}  // namespace

bool MatchesFilter(const FileFilter& filter, const std::string& path) {
  return MatchesAny(filter.globs, path) && !MatchesAny(filter.excludes, path);
}

bool ReadFileBytes(const std::string& path, std::string* bytes, std::string* error,
                   bool known_regular) {
  int error_number = 0;
  ReadStatus status = known_regular
                          ? ReadRegularFile(path, bytes, kMaxInputBytes, &error_number)
                          : ReadWholeFile(path, bytes, kMaxInputBytes, &error_number);
  switch (status) {
    case ReadStatus::kOk:
      return true;
    case ReadStatus::kOpenFailed:
      *error = std::strerror(error_number);
      return false;
    case ReadStatus::kIsDirectory:
      *error = "is a directory";
      return false;
    case ReadStatus::kTooLarge:
      *error = "file too large (over " + std::to_string(kMaxInputBytes >> 20) +
               " MiB); not linted";
      return false;
    case ReadStatus::kReadFailed:
      break;
  }
  *error = "read error";
  return false;
}

bool ReadStdinBytes(std::string* bytes, std::string* error) {
  switch (ReadWholeFd(STDIN_FILENO, bytes, kMaxInputBytes)) {
    case ReadStatus::kOk:
      return true;
    case ReadStatus::kTooLarge:
      *error = "file too large (over " + std::to_string(kMaxInputBytes >> 20) +
               " MiB); not linted";
      return false;
    default:
      *error = "cannot read standard input";
      return false;
  }
}

std::optional<size_t> BinaryByteOffset(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return std::nullopt;
  size_t nul = bytes.find('\0');
  if (nul == std::string_view::npos) return std::nullopt;
  return nul;
}

std::vector<std::string> CollectFiles(const std::vector<std::string>& paths,
                                      const FileFilter& filter, std::vector<std::string>* errors,
                                      std::vector<char>* regular) {
  std::vector<std::string> out;
  std::vector<char> is_regular;
  for (const auto& path : paths) {
    if (path == "-") {
      out.push_back(path);
      is_regular.push_back(false);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      // ec says why: a missing file, a dangling link, a symbolic link loop, no permission.
      bool missing = !ec || ec == std::errc::no_such_file_or_directory;
      errors->push_back(path + ": " + (missing ? "no such file or directory" : ec.message()));
      continue;
    }
    if (!fs::is_directory(st)) {
      if (!MatchesAny(filter.excludes, path)) {
        out.push_back(path);
        is_regular.push_back(fs::is_regular_file(st));  // not a pipe such as <(cat draft.txt)
      }
      continue;
    }
    std::vector<std::string> found;
    WalkFolder(path, filter, &found, errors, true);  // regular files only
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
    is_regular.resize(out.size(), true);
  }
  if (regular) *regular = std::move(is_regular);
  return out;
}

}  // namespace fulint
