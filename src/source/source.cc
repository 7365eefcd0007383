#include "source/source.h"

#include <fnmatch.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace fulint {
namespace fs = std::filesystem;
namespace {

bool MatchesAny(const std::vector<std::string>& patterns, const fs::path& p) {
  std::string full = p.generic_string(), name = p.filename().string();
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& g) {
    return fnmatch(g.c_str(), full.c_str(), 0) == 0 || fnmatch(g.c_str(), name.c_str(), 0) == 0;
  });
}

// Reads `f` to its end, refusing more than kMaxInputBytes (also for pipes and growing files).
bool ReadAll(FILE* f, std::string* bytes, std::string* error) {
  bytes->clear();
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (bytes->size() + n > kMaxInputBytes) {
      *error = "file too large (over " + std::to_string(kMaxInputBytes >> 20) +
               " MiB); not linted";
      return false;
    }
    bytes->append(buf, n);
  }
  if (std::ferror(f)) {
    *error = "read error";
    return false;
  }
  return true;
}

}  // namespace

bool MatchesFilter(const FileFilter& filter, const std::string& path) {
  return MatchesAny(filter.globs, path) && !MatchesAny(filter.excludes, path);
}

bool ReadFileBytes(const std::string& path, std::string* bytes, std::string* error) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    *error = "is a directory";
    return false;
  }
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    *error = std::strerror(errno);
    return false;
  }
  bool ok = ReadAll(f, bytes, error);
  std::fclose(f);
  return ok;
}

bool ReadStdinBytes(std::string* bytes, std::string* error) {
  if (!ReadAll(stdin, bytes, error)) {
    if (*error == "read error") *error = "cannot read standard input";
    return false;
  }
  return true;
}

std::optional<size_t> BinaryByteOffset(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return std::nullopt;
  size_t nul = bytes.find('\0');
  if (nul == std::string_view::npos) return std::nullopt;
  return nul;
}

std::vector<std::string> CollectFiles(const std::vector<std::string>& paths,
                                      const FileFilter& filter, std::vector<std::string>* errors) {
  std::vector<std::string> out;
  for (const auto& path : paths) {
    if (path == "-") {
      out.push_back(path);
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
      if (!MatchesAny(filter.excludes, path)) out.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      errors->push_back(path + ": " + ec.message());
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        errors->push_back(path + ": " + ec.message());
        break;
      }
      const fs::path& p = it->path();
      bool hidden = p.filename().string().starts_with(".");
      if (it->is_directory(ec)) {
        if (hidden || MatchesAny(filter.excludes, p)) it.disable_recursion_pending();
        continue;
      }
      if (hidden || !it->is_regular_file(ec)) continue;
      if (MatchesAny(filter.globs, p) && !MatchesAny(filter.excludes, p))
        found.push_back(p.string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace fulint
