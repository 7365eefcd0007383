// `fulint --fix` through the real binary loses nothing: a read-only file is reported and left
// as it was, a run killed mid-way leaves every file wholly old or wholly new, and line ends,
// byte-order marks and permission bits are kept (the library-level tests are in fix_test.cc).
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>

#include "test_util.h"

namespace fulint {
namespace {

using test::ReadFile;
using test::RunFulint;
using test::TempDir;

// "the the" and a double space: two safe fixes.
const std::string kDraft =
    "Subject: Thank you - Lakeshore IM interview, January 14\n\nDear Dr. Okafor,\n\n"
    "Thank you for showing me the the anticoagulation clinic and the night  float schedule\n"
    "on January 14; the way interns follow their own patients on warfarin made continuity\n"
    "of care concrete, and it fits the discharge medication project I led this year.\n\n"
    "Best regards,\nAna Ruiz\nana@example.org\n";

std::string Fixed(std::string text) {
  auto replace = [&](const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  replace("me the the anticoagulation", "me the anticoagulation");
  replace("night  float", "night float");
  return text;
}

std::string WithCrlf(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return out;
}

// UTF-16LE of ASCII text, after a byte-order mark.
std::string Utf16Le(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) out += std::string{c, '\0'};
  return out;
}

int Mode(const std::string& path) {
  struct stat st;
  REQUIRE(stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

TEST_CASE("fix cli: a read-only file is reported and unchanged; the other files are fixed",
          "[cli][fix]") {
  TempDir dir;
  std::string a = dir.Write("a.txt", kDraft), b = dir.Write("b.txt", kDraft);
  REQUIRE(chmod(b.c_str(), 0444) == 0);
  test::RunResult r = RunFulint({"--fix", a, b});
  CHECK(r.status == 2);
  CHECK(r.err.find(b + ": cannot fix:") != std::string::npos);
  CHECK(r.err.find("read-only") != std::string::npos);
  CHECK(r.err.find("fixed 2 problems in 1 file (1 could not be written)") != std::string::npos);
  CHECK(ReadFile(a) == Fixed(kDraft));
  CHECK(ReadFile(b) == kDraft);
  CHECK(Mode(b) == 0444);
}

TEST_CASE("fix cli: CRLF, a UTF-8 byte-order mark and permission bits are kept", "[cli][fix]") {
  TempDir dir;
  std::string original = "\xEF\xBB\xBF" + WithCrlf(kDraft);
  std::string path = dir.Write("bom-crlf.txt", original);
  REQUIRE(chmod(path.c_str(), 0640) == 0);
  test::RunResult r = RunFulint({"--fix", path});
  CHECK(r.status == 0);
  CHECK(ReadFile(path) == "\xEF\xBB\xBF" + WithCrlf(Fixed(kDraft)));
  CHECK(Mode(path) == 0640);
}

TEST_CASE("fix cli: a UTF-16LE file stays UTF-16LE with its byte-order mark", "[cli][fix]") {
  TempDir dir;
  std::string path = dir.Write("utf16.txt", Utf16Le(WithCrlf(kDraft)));
  test::RunResult r = RunFulint({"--fix", path});
  CHECK(r.status == 0);
  CHECK(ReadFile(path) == Utf16Le(WithCrlf(Fixed(kDraft))));
}

TEST_CASE("fix cli: a run killed mid-way leaves each file wholly old or wholly new", "[cli][fix]") {
  // Files are written one by one after all are linted. A file size limit kills fulint
  // (SIGXFSZ) while it writes the temporary copy of the large second file: the first file is
  // already replaced, the second keeps every old byte; the killed write is only ever the
  // hidden temporary file beside it.
  TempDir dir;
  std::string big;
  while (big.size() < 128 * 1024) big += kDraft;  // over the limit in 512- or 1024-byte blocks
  std::string a = dir.Write("a.txt", kDraft), b = dir.Write("b.txt", big);
  std::string cmd = "cd " + test::Quote(dir.path().string()) + " && ulimit -f 64 && exec " +
                    test::Quote(FULINT_BINARY) + " --fix a.txt b.txt >/dev/null 2>&1";
  int raw = std::system(cmd.c_str());
  REQUIRE(raw != -1);
  CHECK((WIFSIGNALED(raw) && WTERMSIG(raw) == SIGXFSZ));
  CHECK(ReadFile(a) == Fixed(kDraft));
  CHECK(ReadFile(b) == big);
  // Without the limit the same run completes, and b is wholly new.
  CHECK(RunFulint({"--fix", "a.txt", "b.txt"}, dir.path().string()).status != 2);
  std::string fixed_b = ReadFile(b);
  CHECK(fixed_b.find("the the") == std::string::npos);
  CHECK(fixed_b.size() < big.size());
}

}  // namespace
}  // namespace fulint
