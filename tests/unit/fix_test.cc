// Fixes: applying them to raw bytes (LF, CRLF, BOM, UTF-16, e-mail), overlaps, idempotence
// with the real rules, writing files atomically, the unified diff of --fix --dry-run, and the
// existence check's `fix` key.
#include "fix/fix.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "checks/existence.h"
#include "cli/lint_file.h"
#include "fix/atomic_write.h"
#include "fix/unified_diff.h"
#include "rules/rule_set.h"
#include "test_util.h"

namespace fulint {
namespace {

namespace fs = std::filesystem;
using test::ReadFile;
using test::TempDir;

const RuleSet& Rules() {
  static RuleSet* rules = [] {
    auto* r = new RuleSet;
    std::vector<ConfigError> errors;
    LoadRules(FULINT_SOURCE_DIR "/rules", r, &errors);
    return r;
  }();
  return *rules;
}

Segmenter& TheSegmenter() {
  static Segmenter segmenter;
  return segmenter;
}

LintedFile LintText(const std::string& name, const std::string& bytes,
                    const RuleSet& rules = Rules()) {
  return LintBytes(name, bytes, rules, TheSegmenter(), LintOptions{});
}

// One pass of `fulint --fix` over `bytes`: lint with the real rules, apply the safe fixes.
FixOutcome FixPassFor(const std::string& name, const std::string& bytes) {
  LintedFile f = LintText(name, bytes);
  if (!f.result.error.empty()) return {bytes, 0, 0, 0, f.result.error};
  return ApplyFixes(f.doc->raw, f.doc->decoded, f.result.diagnostics, /*safe_only=*/true);
}

int SafeFixesIn(const std::string& name, const std::string& bytes) {
  LintedFile f = LintText(name, bytes);
  int n = 0;
  for (const auto& d : f.result.diagnostics)
    for (const auto& fix : d.fixes) n += fix.safe;
  return n;
}

std::string Crlf(const std::string& lf) {
  std::string out;
  for (char c : lf) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::string Utf16Le(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

Diagnostic WithFix(Range raw, std::string replacement, bool safe = true) {
  Diagnostic d;
  d.rule_id = "Test.Fix";
  d.raw = raw;
  d.fixes.push_back({"fix", {{raw, std::move(replacement)}}, safe});
  return d;
}

const char* kDraft = "Dear Dr. Lee,\n\nThank you for the the tour.  I enjoyed it.\n";
const char* kFixed = "Dear Dr. Lee,\n\nThank you for the tour. I enjoyed it.\n";

TEST_CASE("fix: 'the the' and a double space in an LF file") {
  FixOutcome out = FixPassFor("draft.txt", kDraft);
  CHECK(out.error.empty());
  CHECK(out.applied == 2);
  CHECK(out.skipped_overlapping == 0);
  CHECK(out.new_bytes == kFixed);
}

TEST_CASE("fix: CRLF files keep CRLF") {
  FixOutcome out = FixPassFor("draft.txt", Crlf(kDraft));
  CHECK(out.applied == 2);
  CHECK(out.new_bytes == Crlf(kFixed));

  // A repeat across a wrapped line: the line end goes with the second copy.
  out = FixPassFor("draft.txt", "Dear Dr. Lee,\r\n\r\nThank you for the\r\nthe tour.\r\n");
  CHECK(out.applied == 1);
  CHECK(out.new_bytes == "Dear Dr. Lee,\r\n\r\nThank you for the tour.\r\n");

  // A replacement with "\n" gets the file's line end.
  std::string raw = "one two\r\nthree\r\n";
  out = ApplyFixes(raw, {WithFix({3, 4}, "\n")}, true);
  CHECK(out.new_bytes == "one\r\ntwo\r\nthree\r\n");
}

TEST_CASE("fix: a UTF-8 byte-order mark is kept") {
  std::string bom = "\xEF\xBB\xBF";
  FixOutcome out = FixPassFor("draft.txt", bom + kDraft);
  CHECK(out.applied == 2);
  CHECK(out.new_bytes == bom + kFixed);
  out = FixPassFor("draft.txt", bom + Crlf(kDraft));
  CHECK(out.new_bytes == bom + Crlf(kFixed));

  // An edit reaching into the mark is refused.
  std::string raw = bom + "the the\n";
  out = ApplyFixes(raw, {WithFix({0, 6}, "x")}, true);
  CHECK(out.applied == 0);
  CHECK(out.skipped_unmappable == 1);
  CHECK(out.new_bytes == raw);
}

TEST_CASE("fix: UTF-16 files get replacements re-encoded") {
  FixOutcome out = FixPassFor("draft.txt", Utf16Le(Crlf(kDraft)));
  CHECK(out.error.empty());
  CHECK(out.applied == 2);
  CHECK(out.new_bytes == Utf16Le(Crlf(kFixed)));

  std::string raw = Utf16Le("ab\r\ncd\r\n");
  out = ApplyFixes(raw, {WithFix({4, 6}, "\xC3\xA9\nx")}, true);  // "b" -> "é\nx"
  CHECK(out.new_bytes == std::string("\xFF\xFE"
                                     "a\0\xE9\0\r\0\n\0x\0\r\0\n\0c\0d\0\r\0\n\0",
                                     24));
  std::string be("\xFE\xFF\0a\0b", 6);
  CHECK(ApplyFixes(be, {WithFix({4, 6}, "\xE2\x82\xAC")}, true).new_bytes ==  // "b" -> "€"
        std::string("\xFE\xFF\0a\x20\xAC", 6));
  // Half a code unit is not an edit.
  out = ApplyFixes(raw, {WithFix({3, 4}, "x")}, true);
  CHECK(out.skipped_unmappable == 1);
  CHECK(out.new_bytes == raw);
}

TEST_CASE("fix: edits that split a line end or fall on MIME-encoded bytes are refused") {
  std::string raw = "a\r\nb\n";
  FixOutcome out = ApplyFixes(raw, {WithFix({2, 3}, "")}, true);
  CHECK(out.skipped_unmappable == 1);
  CHECK(out.new_bytes == raw);

  // Quoted-printable: the repeat spans a soft line break, so the raw bytes are not the text.
  std::string eml =
      "From: a@example.org\r\nTo: b@example.org\r\nSubject: Thanks\r\n"
      "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
      "\r\nDear Dr. Lee,\r\n\r\nThank you for the =\r\nthe tour.\r\n";
  LintedFile f = LintText("mail.eml", eml);
  REQUIRE(f.result.error.empty());
  bool reported = false;
  for (const auto& d : f.result.diagnostics) reported |= d.rule_id == "FollowUp.Proofread";
  REQUIRE(reported);
  out = ApplyFixes(f.doc->raw, f.doc->decoded, f.result.diagnostics, true);
  CHECK(out.applied == 0);
  CHECK(out.skipped_unmappable >= 1);
  CHECK(out.new_bytes == eml);

  // Where the quoted-printable bytes are the text itself, the fix applies.
  std::string plain = eml;
  plain.replace(plain.find("the =\r\nthe"), 10, "the the");
  out = FixPassFor("mail.eml", plain);
  CHECK(out.applied == 1);
  CHECK(out.new_bytes.find("Thank you for the tour.\r\n") != std::string::npos);
}

TEST_CASE("fix: overlapping fixes are left out whole, the first one wins") {
  std::string raw = "0123456789";
  std::vector<Diagnostic> ds = {WithFix({0, 5}, "A"), WithFix({3, 8}, "B"), WithFix({8, 10}, "C"),
                                WithFix({8, 8}, "D")};
  FixOutcome out = ApplyFixes(raw, ds, true);
  CHECK(out.applied == 3);  // A, the insertion D before C, C
  CHECK(out.skipped_overlapping == 1);
  CHECK(out.new_bytes == "A567DC");

  // A fix with two edits is skipped whole when one of them overlaps.
  Diagnostic two;
  two.fixes.push_back({"two", {{{6, 7}, "x"}, {{1, 2}, "y"}}, true});
  out = ApplyFixes(raw, {WithFix({0, 2}, "Z"), two}, true);
  CHECK(out.applied == 1);
  CHECK(out.skipped_overlapping == 1);
  CHECK(out.new_bytes == "Z23456789");

  // Real rules: "the  the" is both a repeat and a double space; the repeat wins.
  out = FixPassFor("draft.txt", "Dear Dr. Lee,\n\nThank you for the  the tour.\n");
  CHECK(out.applied == 1);
  CHECK(out.skipped_overlapping == 1);
  CHECK(out.new_bytes == "Dear Dr. Lee,\n\nThank you for the tour.\n");
}

TEST_CASE("fix: safe_only applies only safe fixes; otherwise the first fix") {
  std::string raw = "abc";
  Diagnostic d = WithFix({0, 1}, "X", /*safe=*/false);
  d.fixes.push_back({"safe one", {{{0, 1}, "Y"}}, true});
  CHECK(ApplyFixes(raw, {d}, true).new_bytes == "Ybc");
  CHECK(ApplyFixes(raw, {d}, false).new_bytes == "Xbc");
  CHECK(ApplyFixes(raw, {WithFix({1, 2}, "Q", false)}, true).applied == 0);
  // Spelling suggestions are never safe.
  LintedFile f = LintText("draft.txt", "Dear Dr. Lee,\n\nThank you for the interveiw.\n");
  for (const auto& diag : f.result.diagnostics)
    for (const auto& fix : diag.fixes) CHECK_FALSE(fix.safe);
}

TEST_CASE("fix: matches next to masked text (markup, code) get no safe fix") {
  // "the **the**": the repeat is seen through masked markup; deleting it would break the bold.
  std::string md = "Dear Dr. Lee,\n\nThank you for the **the** tour and `a  b` code.\n";
  FixOutcome out = FixPassFor("draft.md", md);
  CHECK(out.applied == 0);
  CHECK(out.new_bytes == md);
}

TEST_CASE("fix: a second pass changes nothing (idempotence with the real rules)") {
  std::vector<std::pair<std::string, std::string>> drafts = {
      {"draft.txt", kDraft},
      {"draft.txt", Crlf(kDraft)},
      {"draft.txt", "Dear Dr. Lee,\n\nThe the the tour was  great, and  and the the\nthe staff.\n"},
      {"draft.txt", "Dear Dr. Lee,\n\nThank you for the  the tour.  It was good good.\n"},
      {"draft.md", "---\nprogram: X\n---\nDear Dr. Lee,\n\nThank you for the the tour.\n"},
  };
  for (const auto& rule : Rules().rules)
    for (const auto& bad : rule->examples.bad)
      drafts.push_back({bad.starts_with("---\n") ? "example.md" : "example.txt", bad});
  for (const auto& entry : fs::recursive_directory_iterator(FULINT_SOURCE_DIR "/tests/fixtures")) {
    std::string ext = entry.path().extension().string();
    if (ext == ".txt" || ext == ".md" || ext == ".eml")
      drafts.push_back({entry.path().filename().string(), ReadFile(entry.path())});
  }
  int fixed_files = 0;
  for (const auto& [draft_name, bytes] : drafts) {
    const std::string name = draft_name;
    INFO(name << ":\n" << bytes);
    FixOutcome once = FixPassFor(name, bytes);
    if (!once.error.empty()) continue;
    fixed_files += once.applied > 0;
    // One pass leaves no safe fix unless one was skipped for overlapping.
    if (once.skipped_overlapping == 0) CHECK(SafeFixesIn(name, once.new_bytes) == 0);
    auto pass = [&](const std::string& b) { return FixPassFor(name, b); };
    FixOutcome stable = FixUntilStable(bytes, pass);
    CHECK(SafeFixesIn(name, stable.new_bytes) == 0);
    FixOutcome again = FixUntilStable(stable.new_bytes, pass);
    CHECK(again.applied == 0);
    CHECK(again.new_bytes == stable.new_bytes);
  }
  CHECK(fixed_files >= 5);
}

TEST_CASE("fix: FixUntilStable applies what one pass skipped, and stops on an error") {
  std::string raw = "0123456789";
  int calls = 0;
  auto pass = [&](const std::string& b) {
    ++calls;
    // Every pass proposes two overlapping fixes while the text still starts with "01".
    if (!b.starts_with("01")) return ApplyFixes(b, {}, true);
    return ApplyFixes(b, {WithFix({0, 2}, "a"), WithFix({1, 3}, "b")}, true);
  };
  FixOutcome out = FixUntilStable(raw, pass);
  CHECK(out.new_bytes == "a23456789");
  CHECK(out.applied == 1);
  CHECK(calls == 2);

  auto failing = [&](const std::string& b) {
    FixOutcome o = ApplyFixes(b, {WithFix({0, 1}, "x")}, true);
    if (b.starts_with("x")) o.error = "broken";
    return o;
  };
  out = FixUntilStable(raw, failing);
  CHECK(out.error == "broken");
  CHECK(out.new_bytes == raw);
  CHECK(out.applied == 0);
}

// --- atomic writes ---

int Mode(const std::string& path) {
  struct stat st;
  REQUIRE(stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

size_t EntriesIn(const fs::path& dir) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST_CASE("atomic write: replaces the contents and keeps permission bits and owner") {
  TempDir dir;
  std::string path = dir.Write("draft.txt", "old\n");
  REQUIRE(chmod(path.c_str(), 0640) == 0);
  struct stat before;
  REQUIRE(stat(path.c_str(), &before) == 0);
  std::string error;
  REQUIRE(WriteFileAtomically(path, "new\n", &error));
  CHECK(error.empty());
  CHECK(ReadFile(path) == "new\n");
  CHECK(Mode(path) == 0640);
  struct stat after;
  REQUIRE(stat(path.c_str(), &after) == 0);
  CHECK(after.st_uid == before.st_uid);
  CHECK(after.st_gid == before.st_gid);
  CHECK(EntriesIn(dir.path()) == 1);  // no temporary file left
}

TEST_CASE("atomic write: a symbolic link keeps pointing at the rewritten target") {
  TempDir dir;
  std::string target = dir.Write("real.txt", "old\n");
  fs::create_symlink(target, dir / "link.txt");
  std::string error;
  REQUIRE(WriteFileAtomically((dir / "link.txt").string(), "new\n", &error));
  CHECK(fs::is_symlink(dir / "link.txt"));
  CHECK(ReadFile(target) == "new\n");
}

TEST_CASE("atomic write: a read-only file is reported and left unchanged") {
  TempDir dir;
  std::string path = dir.Write("draft.txt", "old\n");
  REQUIRE(chmod(path.c_str(), 0444) == 0);
  std::string error;
  CHECK_FALSE(WriteFileAtomically(path, "new\n", &error));
  CHECK(error.find("read-only") != std::string::npos);
  CHECK(ReadFile(path) == "old\n");
  CHECK(Mode(path) == 0444);
  CHECK(EntriesIn(dir.path()) == 1);
}

TEST_CASE("atomic write: a file changed since it was read is left alone") {
  TempDir dir;
  std::string path = dir.Write("draft.txt", "edited meanwhile\n");
  std::string expected = "as read\n", error;
  CHECK_FALSE(WriteFileAtomically(path, "fixed\n", &error, &expected));
  CHECK(error.find("changed since it was read") != std::string::npos);
  CHECK(ReadFile(path) == "edited meanwhile\n");
  CHECK(EntriesIn(dir.path()) == 1);
}

TEST_CASE("atomic write: a failure mid-way leaves the original byte-identical") {
  TempDir dir;
  std::string original = "Dear Dr. Lee,\r\n\r\nthe the\r\n";
  std::string path = dir.Write("draft.txt", original);
  std::string error;

  SECTION("the temporary file cannot be created (read-only folder)") {
    if (geteuid() == 0) {
      // Root creates files in a read-only folder; a missing folder fails the same way.
      CHECK_FALSE(WriteFileAtomically((dir / "gone" / "draft.txt").string(), "x", &error));
      CHECK(error.find("cannot create a temporary file") != std::string::npos);
    } else {
      REQUIRE(chmod(dir.path().c_str(), 0555) == 0);
      CHECK_FALSE(WriteFileAtomically(path, "new bytes\n", &error));
      chmod(dir.path().c_str(), 0755);
      CHECK(error.find("cannot create a temporary file") != std::string::npos);
    }
  }
  SECTION("writing the temporary file fails (file size limit)") {
    struct rlimit old_limit;
    REQUIRE(getrlimit(RLIMIT_FSIZE, &old_limit) == 0);
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old_limit;
    small.rlim_cur = 8;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
    bool ok = WriteFileAtomically(path, std::string(100, 'x'), &error);
    setrlimit(RLIMIT_FSIZE, &old_limit);
    signal(SIGXFSZ, old_handler);
    CHECK_FALSE(ok);
    CHECK(error.find("cannot write the temporary file") != std::string::npos);
  }
  CHECK(ReadFile(path) == original);
  CHECK(EntriesIn(dir.path()) == 1);  // the temporary file was removed
}

TEST_CASE("atomic write: fixing several files writes each one atomically") {
  // The CLI computes every file's new bytes first, then writes them one by one; a failed
  // write leaves that file as it was and the others written.
  TempDir dir;
  std::string a = dir.Write("a.txt", kDraft), b = dir.Write("b.txt", kDraft);
  REQUIRE(chmod(b.c_str(), 0444) == 0);
  std::vector<std::pair<std::string, FixOutcome>> planned;
  for (const auto& path : {a, b}) planned.push_back({path, FixPassFor(path, ReadFile(path))});
  int written = 0, failed = 0;
  for (const auto& [path, outcome] : planned) {
    std::string error;
    (WriteFileAtomically(path, outcome.new_bytes, &error) ? written : failed)++;
  }
  CHECK(written == 1);
  CHECK(failed == 1);
  CHECK(ReadFile(a) == kFixed);
  CHECK(ReadFile(b) == kDraft);
}

// --- unified diff ---

TEST_CASE("unified diff: exact text") {
  CHECK(UnifiedDiff("draft.txt", "same\n", "same\n").empty());
  CHECK(UnifiedDiff("./draft.txt", kDraft, kFixed) ==
        "--- a/draft.txt\n"
        "+++ b/draft.txt\n"
        "@@ -1,3 +1,3 @@\n"
        " Dear Dr. Lee,\n"
        " \n"
        "-Thank you for the the tour.  I enjoyed it.\n"
        "+Thank you for the tour. I enjoyed it.\n");

  std::string old_text = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
  std::string new_text = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nK\nl\n";
  CHECK(UnifiedDiff("notes/n.md", old_text, new_text) ==
        "--- a/notes/n.md\n+++ b/notes/n.md\n"
        "@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n"
        "@@ -8,5 +8,5 @@\n h\n i\n j\n-k\n+K\n l\n");

  // Changes 6 lines apart share one hunk; a joined line; CRLF kept; no newline at the end.
  CHECK(UnifiedDiff("x", "1\n2\n3\n4\n5\n6\n7\n8\n", "0\n2\n3\n4\n5\n6\n7\n9\n") ==
        "--- a/x\n+++ b/x\n@@ -1,8 +1,8 @@\n-1\n+0\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+9\n");
  CHECK(UnifiedDiff("x", "the\r\nthe tour\r\nend\r\n", "the tour\r\nend\r\n") ==
        "--- a/x\n+++ b/x\n@@ -1,3 +1,2 @@\n-the\r\n the tour\r\n end\r\n");
  CHECK(UnifiedDiff("x", "a\nb", "a\nc") ==
        "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n"
        "\\ No newline at end of file\n");
  CHECK(UnifiedDiff("x", "", "new\n") == "--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+new\n");
  CHECK(UnifiedDiff("x", "a\nb\nc\nd\n", "a\nc\nd\n") ==
        "--- a/x\n+++ b/x\n@@ -1,4 +1,3 @@\n a\n-b\n c\n d\n");
  // UTF-16 is shown decoded.
  CHECK(UnifiedDiff("x", Utf16Le("a\r\nb\r\n"), Utf16Le("a\r\nc\r\n")) ==
        "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n");
}

// --- the existence check's `fix` key ---

std::vector<ConfigError> LoadOne(const std::string& yaml, RuleSet* rules) {
  TempDir dir;
  dir.Write("Test/Rule.yml", yaml);
  std::vector<ConfigError> errors;
  LoadRules(dir.path().string(), rules, &errors);
  return errors;
}

TEST_CASE("existence fix: group references, safety and located errors") {
  RuleSet rules;
  auto errors = LoadOne(
      "extends: existence\nmessage: \"'%s'\"\nscope: text\n"
      "raw: '(\\w+)-(\\w+)'\nfix: {replace: \"$2 $1 $$ $0\", safe: true}\n",
      &rules);
  REQUIRE(errors.empty());
  LintedFile f = LintText("draft.txt", "say left-right now\n", rules);
  REQUIRE(f.result.diagnostics.size() == 1);
  const Diagnostic& d = f.result.diagnostics[0];
  REQUIRE(d.fixes.size() == 1);
  CHECK(d.fixes[0].safe);
  Range where{4, 14};
  CHECK(d.fixes[0].edits[0].raw == where);
  CHECK(d.fixes[0].edits[0].replacement == "right left $ left-right");

  RuleSet unsafe_rules;
  REQUIRE(LoadOne("extends: existence\nmessage: m\nscope: text\ntokens: [utilize]\n"
                  "fix: {replace: \"\"}\n",
                  &unsafe_rules)
              .empty());
  f = LintText("draft.txt", "We utilize it.\n", unsafe_rules);
  REQUIRE(f.result.diagnostics.size() == 1);
  REQUIRE(f.result.diagnostics[0].fixes.size() == 1);
  CHECK_FALSE(f.result.diagnostics[0].fixes[0].safe);  // safe defaults to false
  CHECK(f.result.diagnostics[0].fixes[0].title == "Delete 'utilize'");

  auto message_of = [](const std::string& yaml) {
    RuleSet r;
    auto errs = LoadOne(yaml, &r);
    return errs.empty() ? std::string() : errs[0].message;
  };
  std::string head = "extends: existence\nmessage: m\n";
  CHECK(message_of(head + "raw: '(a)'\nfix: {replce: x}\n").find("did you mean 'replace'") !=
        std::string::npos);
  CHECK(message_of(head + "tokens: [a]\nfix: {replace: \"$1\"}\n").find("no 'raw' pattern") !=
        std::string::npos);
  CHECK(message_of(head + "raw: '(a)'\nfix: {replace: \"$x\"}\n").find("'$'") != std::string::npos);
  CHECK(message_of(head + "raw: '(a)'\nfix: {safe: true}\n").find("needs a 'replace'") !=
        std::string::npos);
  CHECK(message_of(head + "raw: '(a)'\nfix: \"$1\"\n").find("must be a mapping") !=
        std::string::npos);
}

TEST_CASE("substitution: swaps are safe fixes unless the replacement matches again") {
  RuleSet rules;
  REQUIRE(LoadOne("extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
                  "scope: text\nswap: {utilize: use, Dr: Dr.}\n",
                  &rules)
              .empty());
  LintedFile f = LintText("draft.txt", "We utilize Dr Lee.\n", rules);
  REQUIRE(f.result.diagnostics.size() == 2);
  CHECK(f.result.diagnostics[0].fixes[0].safe);        // utilize -> use
  CHECK_FALSE(f.result.diagnostics[1].fixes[0].safe);  // Dr -> Dr. would match again
  FixOutcome out = ApplyFixes(f.doc->raw, f.doc->decoded, f.result.diagnostics, true);
  CHECK(out.new_bytes == "We use Dr Lee.\n");
}

}  // namespace
}  // namespace fulint
