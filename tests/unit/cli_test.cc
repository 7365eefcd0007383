// End-to-end tests of the real fulint binary: exit status, output lines, stdin, folders,
// I/O and configuration errors, colour and output formats. Drafts live in tests/e2e/.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_util.h"

namespace fulint {
namespace {

using test::Lines;
using test::RunFulint;
using test::RunResult;
using test::TempDir;

const std::string kSrc = FULINT_SOURCE_DIR;
const std::string kPlaceholderMessage =
    "Unfilled template slot '[Last Name]': replace it with the real value before sending.";
const std::string kFillerMessage =
    "'I am writing to' is a stock phrase; say the specific thing instead.";

RunResult Run(const std::vector<std::string>& args, const std::string& env = "") {
  return RunFulint(args, kSrc, env);
}

TEST_CASE("cli: a clean draft exits 0 with no output", "[cli]") {
  RunResult r = Run({"tests/e2e/clean.txt"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "no problems in 1 file\n");
}

TEST_CASE("cli: a placeholder is an error with a caret line, exit 1", "[cli]") {
  RunResult r = Run({"tests/e2e/placeholder.txt"});
  CHECK(r.status == 1);
  auto lines = Lines(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "tests/e2e/placeholder.txt:3:10: error: " + kPlaceholderMessage +
                        " [FollowUp.Placeholder]");
  CHECK(lines[1] == "Dear Dr. [Last Name],");
  CHECK(lines[2] == "         ^~~~~~~~~~~");
  CHECK(r.err == "1 error in 1 file\n");
}

TEST_CASE("cli: --fail-on warning turns a warning-only draft into exit 1", "[cli]") {
  RunResult plain = Run({"tests/e2e/warning-only.txt"});
  CHECK(plain.status == 0);
  CHECK(Lines(plain.out).at(0) == "tests/e2e/warning-only.txt:5:1: warning: " + kFillerMessage +
                                      " [FollowUp.Filler]");
  CHECK(plain.err == "1 warning in 1 file\n");
  RunResult strict = Run({"--fail-on", "warning", "tests/e2e/warning-only.txt"});
  CHECK(strict.status == 1);
  CHECK(strict.out == plain.out);
  CHECK(Run({"--fail-on", "error", "tests/e2e/warning-only.txt"}).status == 0);
}

TEST_CASE("cli: the summary counts errors and warnings", "[cli]") {
  RunResult r = Run({"tests/e2e/mixed.txt"});
  CHECK(r.status == 1);
  CHECK(r.err == "1 error, 1 warning in 1 file\n");
  CHECK(Lines(r.out).size() == 6);
  RunResult quiet = Run({"-q", "tests/e2e/mixed.txt"});
  CHECK(quiet.err.empty());
  CHECK(quiet.out == r.out);
}

TEST_CASE("cli: --min-level error hides warnings", "[cli]") {
  RunResult r = Run({"--min-level", "error", "tests/e2e/mixed.txt"});
  CHECK(r.status == 1);
  auto lines = Lines(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "tests/e2e/mixed.txt:3:10: error: " + kPlaceholderMessage +
                        " [FollowUp.Placeholder]");
  CHECK(r.out.find("warning") == std::string::npos);
  CHECK(r.err == "1 error in 1 file\n");
  RunResult w = Run({"--min-level", "error", "--fail-on", "warning", "tests/e2e/warning-only.txt"});
  CHECK(w.out.empty());
  CHECK(w.status == 0);
}

TEST_CASE("cli: --format line prints path:line:col:rule:message", "[cli]") {
  RunResult r = Run({"--format", "line", "tests/e2e/mixed.txt"});
  CHECK(r.status == 1);
  CHECK(r.out == "tests/e2e/mixed.txt:3:10:FollowUp.Placeholder:" + kPlaceholderMessage + "\n" +
                     "tests/e2e/mixed.txt:5:1:FollowUp.Filler:" + kFillerMessage + "\n");
}

TEST_CASE("cli: '-' reads stdin named by --stdin-filename, front matter parsed", "[cli]") {
  std::string md = test::ReadFile(kSrc + "/tests/e2e/front-matter.md");
  RunResult r = RunFulint({"--format", "line", "--stdin-filename", "x.md", "-"}, kSrc, "", &md);
  CHECK(r.status == 1);
  // Line 4 after three front-matter lines; no missing-subject warning: the subject was read.
  CHECK(r.out == "x.md:4:10:FollowUp.Placeholder:" + kPlaceholderMessage + "\n");
  CHECK(r.err == "1 error in 1 file\n");
  RunResult txt = RunFulint({"--format", "line", "-"}, kSrc, "", &md);
  // As plain text the front matter is not read, so the subject is missing.
  CHECK(txt.out.find("stdin.txt:1:1:FollowUp.SubjectMissing:") != std::string::npos);
}

const std::vector<std::string> kTreeErrors = {
    "tests/e2e/tree/a/sub/v.txt", "tests/e2e/tree/a/sub/y.md", "tests/e2e/tree/a/x.eml",
    "tests/e2e/tree/b/z.txt", "tests/e2e/tree/top.markdown"};

std::string TreeOutput(const std::vector<std::string>& paths) {
  std::string out;
  for (const auto& p : paths) out += p + ":3:10:FollowUp.Placeholder:" + kPlaceholderMessage + "\n";
  return out;
}

TEST_CASE("cli: a folder is recursed for .txt/.md/.eml in sorted order", "[cli]") {
  RunResult r = Run({"--format", "line", "--min-level", "error", "tests/e2e/tree"});
  CHECK(r.status == 1);
  CHECK(r.out == TreeOutput(kTreeErrors));  // not w.doc, not .hidden/
  CHECK(r.err == "5 errors in 5 files\n");
}

TEST_CASE("cli: --exclude skips folders and files", "[cli]") {
  // Paths first: see the next test for --exclude before a path.
  RunResult r = Run({"--format", "line", "--min-level", "error", "tests/e2e/tree",
                     "--exclude=sub", "--exclude=z.txt"});
  CHECK(r.out == TreeOutput({"tests/e2e/tree/a/x.eml", "tests/e2e/tree/top.markdown"}));
  RunResult file = Run({"tests/e2e/placeholder.txt", "--exclude=*.txt"});
  CHECK(file.out.empty());
  CHECK(file.status == 0);
}

TEST_CASE("cli: --exclude and --glob take one pattern, the folder after is a path", "[cli]") {
  // The help calls --exclude "repeatable": one value per use, as in --fail-on warning notes/.
  std::string expected = TreeOutput(
      {"tests/e2e/tree/a/x.eml", "tests/e2e/tree/b/z.txt", "tests/e2e/tree/top.markdown"});
  RunResult r = Run({"--format", "line", "--min-level", "error", "--exclude", "sub",
                     "tests/e2e/tree"});
  CHECK(r.status == 1);
  CHECK(r.out == expected);
  RunResult eq = Run({"--format", "line", "--min-level", "error", "--exclude=sub",
                      "tests/e2e/tree"});
  CHECK(eq.out == expected);
  RunResult glob = Run({"--format", "line", "--min-level", "error", "--glob", "*.eml",
                        "tests/e2e/tree"});
  CHECK(glob.out == TreeOutput({"tests/e2e/tree/a/x.eml"}));
}

TEST_CASE("cli: --glob picks the file names linted inside folders", "[cli]") {
  RunResult r = Run({"--format", "line", "--min-level", "error", "tests/e2e/tree",
                     "--glob=*.md", "--glob=*.doc"});
  CHECK(r.out == TreeOutput({"tests/e2e/tree/a/sub/y.md", "tests/e2e/tree/a/w.doc"}));
}

TEST_CASE("cli: a missing file is reported, the others are linted, exit 2", "[cli]") {
  RunResult r = Run({"--format", "line", "no/such/draft.txt", "tests/e2e/placeholder.txt"});
  CHECK(r.status == 2);
  CHECK(r.out == "tests/e2e/placeholder.txt:3:10:FollowUp.Placeholder:" + kPlaceholderMessage +
                     "\n");
  CHECK(r.err ==
        "fulint: no/such/draft.txt: no such file or directory\n"
        "1 error in 1 file (1 file could not be linted)\n");
}

TEST_CASE("cli: invalid UTF-8 is a located error on stderr, exit 2", "[cli]") {
  TempDir dir;
  std::string bad = dir.Write("bad.txt", "Subject: Hi\r\n\r\nDear \xFF Lee,\n");
  std::string good = dir.Write("good.txt", test::ReadFile(kSrc + "/tests/e2e/clean.txt"));
  RunResult r = RunFulint({bad, good});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  auto err = Lines(r.err);
  REQUIRE(err.size() == 2);
  CHECK(err[0] == bad + ":3:6: error: invalid UTF-8: byte 0xFF at byte offset 20");
  std::string zoe = dir.Write("zoe.txt", "Dear Zo\xC3\xAB \xFF\n");  // columns count code points
  CHECK(RunFulint({zoe}).err.rfind(zoe + ":1:10: error: invalid UTF-8: byte 0xFF at byte "
                                          "offset 10\n", 0) == 0);
}

TEST_CASE("cli: positions count code points after emoji, CRLF and a BOM", "[cli]") {
  TempDir dir;
  std::string path = dir.Write(
      "crlf.txt", "\xEF\xBB\xBFSubject: Lakeshore IM interview, Jan 14\r\n\r\n"
                  "Dear Dr. \xF0\x9F\x98\x80 [Last Name],\r\n");
  RunResult r = RunFulint({"--min-level", "error", path});
  auto lines = Lines(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == path + ":3:12: error: " + kPlaceholderMessage + " [FollowUp.Placeholder]");
  CHECK(lines[1] == "Dear Dr. \xF0\x9F\x98\x80 [Last Name],");
  CHECK(lines[2] == std::string(12, ' ') + "^~~~~~~~~~~");
}

TEST_CASE("cli: a UTF-16LE draft is linted with positions in its lines", "[cli]") {
  TempDir dir;
  std::string utf8 = "Subject: Lakeshore IM interview, Jan 14\r\n\r\nDear Dr. [Last Name],\r\n";
  std::string utf16 = "\xFF\xFE";
  for (char c : utf8) utf16 += std::string{c, '\0'};
  std::string path = dir.Write("utf16.txt", utf16);
  RunResult r = RunFulint({"--format", "line", path});
  CHECK(r.status == 1);
  // The draft is a fragment (no body, no signature); only the slot's position matters here.
  CHECK(r.out.find(path + ":3:10:FollowUp.Placeholder:" + kPlaceholderMessage + "\n") !=
        std::string::npos);
}

TEST_CASE("cli: --version, --help and usage errors", "[cli]") {
  RunResult v = Run({"--version"});
  CHECK(v.status == 0);
  CHECK(v.out == std::string("fulint ") + FULINT_VERSION + "\n");
  RunResult h = Run({"--help"});
  CHECK(h.status == 0);
  CHECK(h.out.find("Examples:") != std::string::npos);
  CHECK(h.out.find("fulint --fail-on warning notes/") != std::string::npos);
  CHECK(h.out.find("--stdin-filename") != std::string::npos);
  RunResult none = Run({});
  CHECK(none.status == 2);
  CHECK(none.err == "fulint: no files given (try 'fulint --help')\n");
  CHECK(Run({"--fail-on", "sometimes", "tests/e2e/clean.txt"}).status == 2);
  CHECK(Run({"--no-such-flag", "tests/e2e/clean.txt"}).status == 2);
}

TEST_CASE("cli: --list-rules lists the built-in rules", "[cli]") {
  RunResult r = Run({"--list-rules"});
  CHECK(r.status == 0);
  bool found = false;
  for (const auto& line : Lines(r.out)) {
    if (line.rfind("FollowUp.Placeholder ", 0) != 0) continue;
    found = true;
    CHECK(line.find(" error ") != std::string::npos);
    CHECK(line.find(" existence ") != std::string::npos);
  }
  CHECK(found);
  CHECK(r.out.back() == '\n');
}

bool HasLine(const std::string& text, const std::string& line) {
  for (const auto& l : Lines(text))
    if (l == line) return true;
  return false;
}

TEST_CASE("cli: an unknown rule key is a located config error, exit 2", "[cli]") {
  TempDir rules;
  std::string rule = rules.Write("Style/Rule.yml",
                                 "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\n"
                                 "tokns:\n  - foo\n");
  RunResult r = RunFulint({"--rules", rules.path().string(), kSrc + "/tests/e2e/clean.txt"});
  CHECK(r.status == 2);
  INFO("stderr: " << r.err);
  CHECK(HasLine(r.err, rule + ":4:1: error: unknown key 'tokns' (did you mean 'tokens'?)"));
  RunResult list = RunFulint({"--rules", rules.path().string(), "--list-rules"});
  CHECK(list.status == 2);
  CHECK(HasLine(list.err, rule + ":4:1: error: unknown key 'tokns' (did you mean 'tokens'?)"));
}

TEST_CASE("cli: a bad regex names the rule file and position", "[cli]") {
  TempDir rules;
  std::string rule = rules.Write("Style/Rule.yml",
                                 "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\n"
                                 "raw: 'foo(bar'\n");
  RunResult r = RunFulint({"--rules", rules.path().string(), kSrc + "/tests/e2e/clean.txt"});
  CHECK(r.status == 2);
  INFO("stderr: " << r.err);
  auto err = Lines(r.err);
  REQUIRE_FALSE(err.empty());
  // Line 4 is the raw: line; the column is the key, the value or the bad character in it.
  CHECK(err[0].rfind(rule + ":4:", 0) == 0);
  CHECK(err[0].find(": error: bad regex") != std::string::npos);
}

TEST_CASE("cli: colour only when forced, never with --no-color or NO_COLOR", "[cli]") {
  RunResult plain = Run({"tests/e2e/placeholder.txt"});
  CHECK(plain.out.find('\x1b') == std::string::npos);
  RunResult no_color = Run({"--no-color", "tests/e2e/placeholder.txt"});
  CHECK(no_color.out == plain.out);
  RunResult env = Run({"tests/e2e/placeholder.txt"}, "NO_COLOR=1");
  CHECK(env.out == plain.out);
  RunResult forced = Run({"--color", "tests/e2e/placeholder.txt"});
  auto lines = Lines(forced.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "\x1b[1mtests/e2e/placeholder.txt:3:10: \x1b[0m\x1b[0;1;31merror: \x1b[0m"
                    "\x1b[1m" + kPlaceholderMessage + " [FollowUp.Placeholder]\x1b[0m");
  CHECK(lines[2] == "         \x1b[0;1;32m^~~~~~~~~~~\x1b[0m");
}

TEST_CASE("cli: --explain works for every rule --list-rules prints", "[cli]") {
  RunResult list = RunFulint({"--list-rules"});
  REQUIRE(list.status == 0);
  auto lines = Lines(list.out);
  REQUIRE(lines.size() >= 16);
  for (const auto& line : lines) {
    std::string id = line.substr(0, line.find(' '));
    RunResult r = RunFulint({"--explain", id});
    INFO(id);
    CHECK(r.status == 0);
    CHECK(r.out.rfind(id + " (", 0) == 0);
    CHECK(r.out.find("(no description)") == std::string::npos);
    CHECK(r.out.find("Bad (reported):") != std::string::npos);
    CHECK(r.out.find("Good (not reported):") != std::string::npos);
  }
  RunResult unknown = RunFulint({"--explain", "FollowUp.Subjet"});
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("did you mean 'FollowUp.Subject'?") != std::string::npos);
}


TEST_CASE("cli: fulint lsp answers initialize and ends cleanly after shutdown and exit", "[cli]") {
  auto frame = [](const std::string& body) {
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  };
  std::string in = frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})") +
                   frame(R"({"jsonrpc":"2.0","method":"initialized","params":{}})") +
                   frame(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") +
                   frame(R"({"jsonrpc":"2.0","method":"exit"})");
  RunResult r = RunFulint({"lsp"}, kSrc, "", &in);
  CHECK(r.status == 0);
  CHECK(r.out.find(R"("positionEncoding":"utf-16")") != std::string::npos);
  CHECK(r.out.find(R"("id":2,"jsonrpc":"2.0","result":null)") != std::string::npos);
}


TEST_CASE("cli: --fix --dry-run prints a diff; --fix writes atomically and a second run is a no-op",
          "[cli]") {
  TempDir dir;
  std::string text =
      "Subject: Thank you - Lakeshore IM interview, January 14\r\n\r\nDear Dr. Okafor,\r\n\r\n"
      "Thank you for showing me the the anticoagulation clinic and the night  float schedule\r\n"
      "on January 14; the way interns follow their own patients on warfarin made continuity\r\n"
      "of care concrete, and it fits the discharge medication project I led this year.\r\n\r\n"
      "Best regards,\r\nAna Ruiz\r\nana@example.org\r\n";
  std::string path = dir.Write("d.txt", text);
  RunResult dry = RunFulint({"--fix", "--dry-run", path});
  CHECK(dry.status == 1);
  CHECK(dry.out.find("-Thank you for showing me the the anticoagulation clinic and the night  "
                     "float schedule\r\n") != std::string::npos);
  CHECK(dry.out.find("+Thank you for showing me the anticoagulation clinic and the night float "
                     "schedule\r\n") != std::string::npos);
  CHECK(test::ReadFile(path) == text);  // a dry run writes nothing

  RunResult fix = RunFulint({"--fix", "--format", "line", path});
  CHECK(fix.status == 0);
  CHECK(fix.err.find("fixed 2 problems in 1 file") != std::string::npos);
  std::string fixed = test::ReadFile(path);
  CHECK(fixed.find("me the anticoagulation clinic and the night float schedule\r\n") !=
        std::string::npos);
  RunResult again = RunFulint({"--fix", path});
  CHECK(again.err.find("fixed 0 problems in 0 files") != std::string::npos);
  CHECK(test::ReadFile(path) == fixed);
  CHECK(RunFulint({"--fix", "--staged"}).status == 2);
}

}  // namespace
}  // namespace fulint
