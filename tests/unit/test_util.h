#pragma once
// Helpers shared by the unit and end-to-end tests: parsing a draft from a string, temporary
// folders, and running the real fulint binary with its output captured.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "base/range.h"
#include "parse/parse.h"

namespace fulint::test {

// A random text of 1 to `max_pieces` pieces, and a random range in it whose ends are on
// character boundaries (as a scope unit's are), for comparing two ways of matching.
struct RandomText {
  std::string text;
  Range range;
};
inline RandomText RandomPieces(std::mt19937& rng, const std::vector<std::string>& pieces,
                               int max_pieces) {
  RandomText r;
  int n = 1 + static_cast<int>(rng() % static_cast<unsigned>(max_pieces));
  for (int i = 0; i < n; ++i) r.text += pieces[rng() % pieces.size()];
  uint32_t size = static_cast<uint32_t>(r.text.size());
  uint32_t a = static_cast<uint32_t>(rng() % (size + 1)), b = static_cast<uint32_t>(rng() % (size + 1));
  auto boundary = [&](uint32_t& x) {
    while (x < size && (static_cast<unsigned char>(r.text[x]) & 0xC0) == 0x80) ++x;
  };
  boundary(a), boundary(b);
  r.range = {std::min(a, b), std::max(a, b)};
  return r;
}

// A Document parsed from `raw` as if read from `path` (the extension picks the format).
struct Parsed {
  std::unique_ptr<Document> doc = std::make_unique<Document>();
  ParseOutcome outcome;
};

inline Parsed ParseString(const std::string& raw, const std::string& path = "draft.txt") {
  Parsed p;
  p.doc->path = path;
  p.doc->format = FormatForPath(path);
  p.doc->raw = raw;
  p.outcome = ParseDocument(p.doc.get());
  return p;
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// A fresh folder under the system temp dir, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "fulint-test-XXXXXX").string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    path_ = mkdtemp(buf.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& rel) const { return path_ / rel; }
  // Writes `bytes` to `rel` inside the folder and returns its full path as a string.
  std::string Write(const std::string& rel, const std::string& bytes) const {
    WriteFile(path_ / rel, bytes);
    return (path_ / rel).string();
  }

 private:
  std::filesystem::path path_;
};

inline std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

struct RunResult {
  int status = -1;  // exit status, or -1 when the process did not exit normally
  std::string out, err;
};

// Runs the built fulint with `args` (each quoted for the shell) in `cwd`. `env` is a prefix
// such as "NO_COLOR=1" and `stdin_text`, when given, is fed to standard input.
inline RunResult RunFulint(const std::vector<std::string>& args, const std::string& cwd = "",
                           const std::string& env = "",
                           const std::string* stdin_text = nullptr) {
  TempDir io;
  std::string cmd;
  if (!cwd.empty()) cmd += "cd " + Quote(cwd) + " && ";
  // No user config folder unless a test gives one: results must not depend on the machine.
  cmd += "env -u NO_COLOR -u FULINT_RULES XDG_CONFIG_HOME=/nonexistent-fulint-config " + env +
         " " + Quote(FULINT_BINARY);
  for (const auto& a : args) cmd += " " + Quote(a);
  std::string in_path = (io / "stdin").string();
  WriteFile(in_path, stdin_text ? *stdin_text : "");
  cmd += " <" + Quote(in_path) + " >" + Quote((io / "stdout").string()) + " 2>" +
         Quote((io / "stderr").string());
  RunResult r;
  int raw = std::system(cmd.c_str());
  if (raw != -1 && WIFEXITED(raw)) r.status = WEXITSTATUS(raw);
  r.out = ReadFile(io / "stdout");
  r.err = ReadFile(io / "stderr");
  return r;
}

// The lines of `s` without their '\n'.
inline std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string::npos) nl = s.size();
    out.push_back(s.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

inline std::string SourcePath(const std::string& rel) {
  return std::string(FULINT_SOURCE_DIR) + "/" + rel;
}

}  // namespace fulint::test

// Readable ranges in Catch's failure messages: [begin, end).
namespace Catch {
template <>
struct StringMaker<fulint::Range> {
  static std::string convert(const fulint::Range& r) {
    return "[" + std::to_string(r.begin) + ", " + std::to_string(r.end) + ")";
  }
};
template <>
struct StringMaker<std::optional<fulint::Range>> {
  static std::string convert(const std::optional<fulint::Range>& r) {
    return r ? StringMaker<fulint::Range>::convert(*r) : "nullopt";
  }
};
}  // namespace Catch
