#pragma once
// Stage 1: bytes from files, folders and stdin. Errors are values (the run goes on).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fulint {

// The largest input read. Offsets are 32-bit (Range), and linting takes memory proportional
// to the input (docs/RELIABILITY.md: a 100 MB file peaks near 1 GB); a note is a few KB.
constexpr size_t kMaxInputBytes = size_t{128} << 20;

// Reads a whole file; false with a readable `error` ("No such file or directory", or "file
// too large" beyond kMaxInputBytes).
bool ReadFileBytes(const std::string& path, std::string* bytes, std::string* error,
                   bool known_regular = false);
bool ReadStdinBytes(std::string* bytes, std::string* error);

// The offset of the first NUL byte when `bytes` look binary: text never holds NUL, except
// UTF-16 (which Decode recognises by its byte-order mark). Empty when the bytes can be text.
std::optional<size_t> BinaryByteOffset(std::string_view bytes);

struct FileFilter {
  std::vector<std::string> globs = {"*.txt", "*.md", "*.markdown", "*.eml"};  // for folders
  std::vector<std::string> excludes;  // matched against the path and the file name
};

// True when a file path passes the filter (a glob matches and no exclude does).
bool MatchesFilter(const FileFilter& filter, const std::string& path);

// Expands `paths` into files: files as given (unless excluded), folders recursed (sorted,
// symlinked folders not followed) for files matching the filter. "-" is kept as is.
// Problems (missing path, unreadable folder) go to `errors` as "path: message".
// `regular`, when given, gets one flag per file: true when it is known to be a regular file
// (ReadFileBytes can then read it with one system call fewer).
std::vector<std::string> CollectFiles(const std::vector<std::string>& paths,
                                      const FileFilter& filter, std::vector<std::string>* errors,
                                      std::vector<char>* regular = nullptr);

}  // namespace fulint
