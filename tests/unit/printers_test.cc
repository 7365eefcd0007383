// The JSON-based printers (json, lsp, sarif), the GitHub Actions printer, their URI helpers and
// the printer table. Each test builds Documents by hand and compares the exact output.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "decode/decode.h"
#include "report/github_printer.h"
#include "report/json_printer.h"
#include "report/lsp_printer.h"
#include "report/printer.h"
#include "report/sarif_printer.h"

namespace fulint {
namespace {

using Json = nlohmann::ordered_json;

// "Hi " 0-2, U+1F389 3-6, ' ' 7, "team" 8-11, CR 12, LF 13, "Second" 14-19, ' ' 20,
// "line" 21-24, CR 25, LF 26. Before "team": 5 code points, 6 UTF-16 units, 8 bytes.
constexpr const char* kEmojiCrlf = "Hi \xF0\x9F\x8E\x89 team\r\nSecond line\r\n";

Document MakeDoc(std::string raw, std::string path = "draft.txt") {
  Document doc;
  doc.path = std::move(path);
  doc.raw = std::move(raw);
  DecodeError error;
  REQUIRE(Decode(doc.raw, &doc.decoded, &error));
  doc.lintable = doc.decoded.text;
  return doc;
}

Diagnostic Diag(uint32_t begin, uint32_t end, Severity severity = Severity::kWarning,
                std::string rule = "Test.Rule") {
  Diagnostic d;
  d.rule_id = std::move(rule);
  d.severity = severity;
  d.raw = {begin, end};
  d.message = "msg";
  return d;
}

FileResult Result(const Document& doc, std::vector<Diagnostic> diagnostics) {
  FileResult r;
  r.path = doc.path;
  r.doc = &doc;
  r.diagnostics = std::move(diagnostics);
  return r;
}

FileResult Failed(std::string path, std::string error, const Document* doc = nullptr,
                  uint32_t offset = 0) {
  FileResult r;
  r.path = std::move(path);
  r.doc = doc;
  r.error = std::move(error);
  r.error_raw_offset = offset;
  return r;
}

std::string Run(const std::string& format, const std::vector<FileResult>& results,
                const PrintOptions& options = {}) {
  char* buf = nullptr;
  size_t len = 0;
  FILE* out = open_memstream(&buf, &len);
  std::unique_ptr<Printer> printer = MakePrinter(format, options);
  REQUIRE(printer);
  for (const FileResult& r : results) printer->File(r, out);
  printer->Finish(out);
  std::fclose(out);
  std::string text(buf, len);
  std::free(buf);
  return text;
}

// The printers' layout of a JSON value written compactly in a test: two-space indents and a
// final newline. Comparing strings checks values, key order and layout.
std::string Pretty(const char* json) { return Json::parse(json).dump(2) + "\n"; }

// --- json -------------------------------------------------------------------------------------

TEST_CASE("json: exact document with an emoji before the range, CRLF and a fix", "[printers]") {
  Document doc = MakeDoc(kEmojiCrlf);
  Diagnostic team = Diag(8, 12);
  team.matched = "team";
  team.link = "docs/rules/Test.md";
  team.fixes.push_back({"Replace with 'crew'", {{{8, 12}, "crew"}}, true});
  Diagnostic line = Diag(21, 25, Severity::kSuggestion);
  line.matched = "line";
  PrintOptions options;
  options.tool_version = "9.9.9";
  CHECK(Run("json", {Result(doc, {team, line})}, options) == R"({
  "version": 1,
  "tool": {
    "name": "fulint",
    "version": "9.9.9"
  },
  "files": [
    {
      "path": "draft.txt",
      "diagnostics": [
        {
          "rule": "Test.Rule",
          "severity": "warning",
          "message": "msg",
          "start": {
            "line": 1,
            "column": 6,
            "offset": 8
          },
          "end": {
            "line": 1,
            "column": 10,
            "offset": 12
          },
          "matched": "team",
          "link": "docs/rules/Test.md",
          "fixes": [
            {
              "title": "Replace with 'crew'",
              "safe": true,
              "edits": [
                {
                  "start": {
                    "line": 1,
                    "column": 6,
                    "offset": 8
                  },
                  "end": {
                    "line": 1,
                    "column": 10,
                    "offset": 12
                  },
                  "replacement": "crew"
                }
              ]
            }
          ]
        },
        {
          "rule": "Test.Rule",
          "severity": "suggestion",
          "message": "msg",
          "start": {
            "line": 2,
            "column": 8,
            "offset": 21
          },
          "end": {
            "line": 2,
            "column": 12,
            "offset": 25
          },
          "matched": "line",
          "fixes": []
        }
      ]
    }
  ]
}
)");
}

TEST_CASE("json: no diagnostics, errors with and without a document, no files", "[printers]") {
  Document clean = MakeDoc("Fine.\n", "clean.txt");
  Document broken;  // what LintBytes keeps of a file that does not decode
  broken.path = "broken.txt";
  broken.raw = "ab\ncd \xC3\x28";
  CHECK(Run("json", {Result(clean, {}), Failed("broken.txt", "invalid UTF-8", &broken, 6),
                     Failed("gone.txt", "No such file or directory")}) ==
        Pretty(R"({"version": 1, "tool": {"name": "fulint", "version": ""}, "files": [
          {"path": "clean.txt", "diagnostics": []},
          {"path": "broken.txt", "error": "invalid UTF-8",
           "errorPosition": {"line": 2, "column": 4, "offset": 6}},
          {"path": "gone.txt", "error": "No such file or directory"}]})"));
  CHECK(Run("json", {}) ==
        Pretty(R"({"version": 1, "tool": {"name": "fulint", "version": ""}, "files": []})"));
}

TEST_CASE("json: strings are escaped, and bytes that are not UTF-8 do not throw", "[printers]") {
  Document doc = MakeDoc("say \"hi\"\tnow\n", "a\xFFz.txt");
  Diagnostic d = Diag(4, 8);
  d.message = "quote \"\\\" and tab\t";
  d.matched = "\"hi\"";
  std::string out = Run("json", {Result(doc, {d})});
  CHECK(out.find(R"("message": "quote \"\\\" and tab\t")") != std::string::npos);
  CHECK(out.find(R"("matched": "\"hi\"")") != std::string::npos);
  CHECK(out.find("\"path\": \"a\xEF\xBF\xBDz.txt\"") != std::string::npos);  // U+FFFD
}

// --- lsp --------------------------------------------------------------------------------------

TEST_CASE("lsp: UTF-16 characters by default; utf-8 and utf-32 when negotiated", "[printers]") {
  Document doc = MakeDoc(kEmojiCrlf, "/tmp/notes/draft.txt");
  std::vector<FileResult> results = {Result(doc, {Diag(8, 12), Diag(21, 25)})};
  auto ranges = [&](PositionEncoding encoding) {
    PrintOptions options;
    options.position_encoding = encoding;
    Json files = Json::parse(Run("lsp", results, options));
    std::vector<std::vector<int>> out;
    for (const Json& d : files[0]["diagnostics"]) {
      const Json& r = d["range"];
      out.push_back({r["start"]["line"].get<int>(), r["start"]["character"].get<int>(),
                     r["end"]["line"].get<int>(), r["end"]["character"].get<int>()});
    }
    return out;
  };
  using V = std::vector<std::vector<int>>;
  CHECK(ranges(PositionEncoding::kUtf16) == V{{0, 6, 0, 10}, {1, 7, 1, 11}});
  CHECK(ranges(PositionEncoding::kUtf8) == V{{0, 8, 0, 12}, {1, 7, 1, 11}});
  CHECK(ranges(PositionEncoding::kUtf32) == V{{0, 5, 0, 9}, {1, 7, 1, 11}});
  CHECK(PrintOptions{}.position_encoding == PositionEncoding::kUtf16);
}

TEST_CASE("lsp: exact output, severities, codeDescription only for absolute links", "[printers]") {
  Document doc = MakeDoc(kEmojiCrlf, "/tmp/my notes/\xC3\xA9t\xC3\xA9 draft.txt");
  Diagnostic error = Diag(0, 2, Severity::kError, "Style.Absolute");
  error.link = "https://example.org/rules/absolute";
  Diagnostic warning = Diag(8, 12, Severity::kWarning, "Style.Relative");
  warning.link = "docs/rules/Relative.md";
  Diagnostic suggestion = Diag(21, 25, Severity::kSuggestion, "Style.None");
  Document empty = MakeDoc("", "/tmp/empty.txt");
  CHECK(Run("lsp", {Result(doc, {error, warning, suggestion}), Result(empty, {})}) == Pretty(R"([
    {"uri": "file:///tmp/my%20notes/%C3%A9t%C3%A9%20draft.txt", "diagnostics": [
      {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 2}},
       "severity": 1, "code": "Style.Absolute",
       "codeDescription": {"href": "https://example.org/rules/absolute"},
       "source": "fulint", "message": "msg"},
      {"range": {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 10}},
       "severity": 2, "code": "Style.Relative", "source": "fulint", "message": "msg"},
      {"range": {"start": {"line": 1, "character": 7}, "end": {"line": 1, "character": 11}},
       "severity": 3, "code": "Style.None", "source": "fulint", "message": "msg"}]},
    {"uri": "file:///tmp/empty.txt", "diagnostics": []}])"));

  // With a link base, relative links resolve to absolute URIs.
  PrintOptions options;
  options.link_base = "file:///usr/share/doc/fulint/";
  Json files = Json::parse(Run("lsp", {Result(doc, {warning})}, options));
  CHECK(files[0]["diagnostics"][0]["codeDescription"]["href"] ==
        "file:///usr/share/doc/fulint/docs/rules/Relative.md");
}

TEST_CASE("lsp: relative paths become absolute file URIs; errors are diagnostics", "[printers]") {
  Document doc = MakeDoc("ab\ncd \xF0\x9F\x8E\x89!\n", "sub/./draft.txt");
  Document broken;
  broken.path = "broken.txt";
  broken.raw = "ab\ncd \xF0\x9F\x8E\x89 \xC3\x28";
  std::string cwd = PercentEncodePath(std::filesystem::current_path().string());
  CHECK(Run("lsp", {Result(doc, {}), Failed("broken.txt", "invalid UTF-8", &broken, 11),
                    Failed("/gone.txt", "cannot read")}) ==
        Pretty(("[{\"uri\": \"file://" + cwd + "/sub/draft.txt\", \"diagnostics\": []}," +
                "{\"uri\": \"file://" + cwd + R"(/broken.txt", "diagnostics": [
                   {"range": {"start": {"line": 1, "character": 6},
                              "end": {"line": 1, "character": 6}},
                    "severity": 1, "source": "fulint", "message": "invalid UTF-8"}]},
                 {"uri": "file:///gone.txt", "diagnostics": [
                   {"range": {"start": {"line": 0, "character": 0},
                              "end": {"line": 0, "character": 0}},
                    "severity": 1, "source": "fulint", "message": "cannot read"}]}])")
                   .c_str()));
}

// --- sarif ------------------------------------------------------------------------------------

TEST_CASE("sarif: exact log with rule metadata, code-point columns and a fix", "[printers]") {
  Document doc = MakeDoc(kEmojiCrlf, "notes/my draft.txt");
  Diagnostic team = Diag(8, 12, Severity::kWarning, "Style.B");
  team.fixes.push_back({"Replace with 'crew'", {{{8, 12}, "crew"}}});
  team.fixes.push_back({"Replace with 'crew'", {{{8, 12}, "crew"}}, true});  // same for SARIF
  team.fixes.push_back({"No edits", {}});  // SARIF needs a replacement: left out
  Diagnostic line = Diag(21, 25, Severity::kSuggestion, "Style.A");
  line.link = "docs/rules/A.md";
  PrintOptions options;
  options.tool_version = "9.9.9";
  options.information_uri = "https://example.org/fulint";
  options.rules = {
      {"Style.A", "Say what you mean.  Dr. Lee\nagrees.", "docs/rules/A.md", Severity::kSuggestion},
      {"Style.B", "", "https://example.org/rules/B", Severity::kError},
      {"Style.Unused", "Never reported.", "", Severity::kWarning}};
  CHECK(Run("sarif", {Result(doc, {team, line})}, options) == Pretty(R"({
    "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
    "version": "2.1.0",
    "runs": [{
      "tool": {"driver": {
        "name": "fulint", "version": "9.9.9", "informationUri": "https://example.org/fulint",
        "rules": [
          {"id": "Style.A",
           "shortDescription": {"text": "Say what you mean."},
           "fullDescription": {"text": "Say what you mean. Dr. Lee agrees."},
           "help": {"text": "Say what you mean. Dr. Lee agrees.\n\nMore: docs/rules/A.md"},
           "defaultConfiguration": {"level": "note"}},
          {"id": "Style.B",
           "shortDescription": {"text": "Style.B"},
           "fullDescription": {"text": "Style.B"},
           "help": {"text": "Style.B\n\nMore: https://example.org/rules/B"},
           "helpUri": "https://example.org/rules/B",
           "defaultConfiguration": {"level": "error"}},
          {"id": "Style.Unused",
           "shortDescription": {"text": "Never reported."},
           "fullDescription": {"text": "Never reported."},
           "help": {"text": "Never reported."},
           "defaultConfiguration": {"level": "warning"}}]}},
      "columnKind": "unicodeCodePoints",
      "results": [
        {"ruleId": "Style.B", "ruleIndex": 1, "level": "warning", "message": {"text": "msg"},
         "locations": [{"physicalLocation": {
           "artifactLocation": {"uri": "notes/my%20draft.txt", "uriBaseId": "%SRCROOT%"},
           "region": {"startLine": 1, "startColumn": 6, "endLine": 1, "endColumn": 10,
                      "byteOffset": 8, "byteLength": 4}}}],
         "fixes": [{"description": {"text": "Replace with 'crew'"}, "artifactChanges": [{
           "artifactLocation": {"uri": "notes/my%20draft.txt", "uriBaseId": "%SRCROOT%"},
           "replacements": [{
             "deletedRegion": {"startLine": 1, "startColumn": 6, "endLine": 1, "endColumn": 10,
                               "byteOffset": 8, "byteLength": 4},
             "insertedContent": {"text": "crew"}}]}]}]},
        {"ruleId": "Style.A", "ruleIndex": 0, "level": "note", "message": {"text": "msg"},
         "locations": [{"physicalLocation": {
           "artifactLocation": {"uri": "notes/my%20draft.txt", "uriBaseId": "%SRCROOT%"},
           "region": {"startLine": 2, "startColumn": 8, "endLine": 2, "endColumn": 12,
                      "byteOffset": 21, "byteLength": 4}}}]}],
      "invocations": [{"executionSuccessful": true}]}]})"));
}

TEST_CASE("sarif: results of unknown rules have no ruleIndex; errors are notifications",
          "[printers]") {
  Document doc = MakeDoc("one two\n", "/abs/draft.txt");
  Diagnostic d = Diag(4, 7, Severity::kError, "Other.Rule");
  d.link = "docs/rules/Other.md";
  Document broken;
  broken.path = "broken.txt";
  broken.raw = "ab \xC3\x28";
  PrintOptions options;
  options.link_base = "https://example.org/fulint/";
  CHECK(Run("sarif",
            {Result(doc, {d}), Failed("broken.txt", "invalid UTF-8", &broken, 3),
             Failed("gone.txt", "cannot read")},
            options) == Pretty(R"({
    "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
    "version": "2.1.0",
    "runs": [{
      "tool": {"driver": {"name": "fulint", "rules": []}},
      "columnKind": "unicodeCodePoints",
      "results": [
        {"ruleId": "Other.Rule", "level": "error", "message": {"text": "msg"},
         "locations": [{"physicalLocation": {
           "artifactLocation": {"uri": "file:///abs/draft.txt"},
           "region": {"startLine": 1, "startColumn": 5, "endLine": 1, "endColumn": 8,
                      "byteOffset": 4, "byteLength": 3}}}]}],
      "invocations": [{"executionSuccessful": false, "toolExecutionNotifications": [
        {"level": "error", "message": {"text": "invalid UTF-8"}, "locations": [{
          "physicalLocation": {
            "artifactLocation": {"uri": "broken.txt", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 1, "startColumn": 4, "endLine": 1, "endColumn": 4,
                       "byteOffset": 3, "byteLength": 0}}}]},
        {"level": "error", "message": {"text": "cannot read"}, "locations": [{
          "physicalLocation": {
            "artifactLocation": {"uri": "gone.txt", "uriBaseId": "%SRCROOT%"}}}]}]}]}]})"));
}

TEST_CASE("sarif: a run without results still lists results and rules", "[printers]") {
  Document doc = MakeDoc("Fine.\n");
  PrintOptions options;
  options.rules = {{"Style.B", "", "", Severity::kError}, {"Style.A", "", "", Severity::kWarning},
                   {"Style.B", "again", "", Severity::kWarning}};
  for (const std::vector<FileResult>& results : {std::vector<FileResult>{Result(doc, {})},
                                                  std::vector<FileResult>{}}) {
    Json log = Json::parse(Run("sarif", results, options));
    CHECK(log["runs"][0]["results"] == Json::array());
    Json rules = log["runs"][0]["tool"]["driver"]["rules"];
    REQUIRE(rules.size() == 2);  // sorted by id; the first of a repeated id wins
    CHECK(rules[0]["id"] == "Style.A");
    CHECK(rules[1]["defaultConfiguration"]["level"] == "error");
    CHECK(log["runs"][0]["invocations"][0]["executionSuccessful"] == true);
  }
}

TEST_CASE("sarif: first sentences skip abbreviations", "[printers]") {
  CHECK(FirstSentence("A warm \"Dear Dr. Lee,\" helps. Then more.") ==
        "A warm \"Dear Dr. Lee,\" helps.");
  CHECK(FirstSentence("Abbreviations (e.g. a.m. and p.m.) stay. Rest.") ==
        "Abbreviations (e.g. a.m. and p.m.) stay.");
  CHECK(FirstSentence("Really?  Yes!") == "Really?");
  CHECK(FirstSentence("  No period at all  ") == "No period at all");
  CHECK(FirstSentence("") == "");
}

// --- github -----------------------------------------------------------------------------------

TEST_CASE("github: one workflow command per diagnostic, severities mapped", "[printers]") {
  Document doc = MakeDoc(kEmojiCrlf, "notes/draft.txt");
  CHECK(
      Run("github",
          {Result(doc, {Diag(8, 12, Severity::kError), Diag(21, 25),
                        Diag(3, 7, Severity::kSuggestion), Diag(8, 21), Diag(25, 25)})}) ==
      "::error file=notes/draft.txt,line=1,col=6,endLine=1,endColumn=9,title=Test.Rule::msg\n"
      "::warning file=notes/draft.txt,line=2,col=8,endLine=2,endColumn=11,title=Test.Rule::msg\n"
      "::notice file=notes/draft.txt,line=1,col=4,endLine=1,endColumn=4,title=Test.Rule::msg\n"
      "::warning file=notes/draft.txt,line=1,endLine=2,title=Test.Rule::msg\n"
      "::warning file=notes/draft.txt,line=2,col=12,endLine=2,endColumn=12,title=Test.Rule::msg\n");
}

TEST_CASE("github: % CR LF escaped in messages; : and , too in properties", "[printers]") {
  Document doc = MakeDoc("a, b: c\n", "dir,x/a:b 100%.txt");
  Diagnostic d = Diag(0, 1, Severity::kWarning, "Style.Rule:odd,id");
  d.message = "100% sure: a, b\r\nnext line\n";
  CHECK(Run("github", {Result(doc, {d})}) ==
        "::warning file=dir%2Cx/a%3Ab 100%25.txt,line=1,col=1,endLine=1,endColumn=1,"
        "title=Style.Rule%3Aodd%2Cid::100%25 sure: a, b%0D%0Anext line%0A\n");
  CHECK(EscapeGithubData("%\r\n:,") == "%25%0D%0A:,");
  CHECK(EscapeGithubProperty("%\r\n:,") == "%25%0D%0A%3A%2C");
}

TEST_CASE("github: files that could not be linted are errors", "[printers]") {
  Document broken;
  broken.path = "broken.txt";
  broken.raw = "ok\nab \xC3\x28";
  CHECK(Run("github", {Failed("broken.txt", "invalid UTF-8: byte 0xC3", &broken, 6),
                       Failed("gone.txt", "cannot read")}) ==
        "::error file=broken.txt,line=2,col=4,endLine=2,endColumn=4,title=fulint::"
        "invalid UTF-8: byte 0xC3\n"
        "::error file=gone.txt,title=fulint::cannot read\n");
}

// --- helpers and the table --------------------------------------------------------------------

TEST_CASE("printers: URIs, links and position encodings", "[printers]") {
  CHECK(PercentEncodePath("/a b/\xC3\xA9/100%#?:x~_.-") == "/a%20b/%C3%A9/100%25%23%3F%3Ax~_.-");
  CHECK(FileUri("/tmp/a b.txt") == "file:///tmp/a%20b.txt");
  CHECK(FileUri("/tmp/./x/../y.txt") == "file:///tmp/y.txt");
  CHECK(IsAbsoluteUri("https://example.org"));
  CHECK(IsAbsoluteUri("file:///x"));
  CHECK(IsAbsoluteUri("mailto:a@b.org"));
  CHECK_FALSE(IsAbsoluteUri("docs/rules/A.md"));
  CHECK_FALSE(IsAbsoluteUri("C:\\notes"));
  CHECK_FALSE(IsAbsoluteUri(":x"));
  CHECK(ResolveLink("https://example.org/a b", "") == "https://example.org/a%20b");
  CHECK(ResolveLink("docs/A.md#why", "") == "");
  CHECK(ResolveLink("./docs/A.md#why", "https://example.org/f") ==
        "https://example.org/f/docs/A.md#why");
  CHECK(ResolveLink("", "https://example.org/") == "");
  PositionEncoding e = PositionEncoding::kUtf16;
  CHECK(ParsePositionEncoding("utf-8", &e));
  CHECK(e == PositionEncoding::kUtf8);
  CHECK(ParsePositionEncoding("utf-32", &e));
  CHECK(e == PositionEncoding::kUtf32);
  CHECK_FALSE(ParsePositionEncoding("utf16", &e));
  CHECK(std::string(PositionEncodingName(PositionEncoding::kUtf16)) == "utf-16");
}

// What the CLI does for PerFile printers: each file rendered on its own thread (here all at
// once, started last file first), the pieces emitted in input order, File for the rest.
std::string RunRendered(const std::string& format, const std::vector<FileResult>& results,
                        const PrintOptions& options = {}) {
  std::unique_ptr<Printer> printer = MakePrinter(format, options);
  REQUIRE(printer);
  REQUIRE(printer->PerFile());
  std::vector<std::string> pieces(results.size());
  std::vector<char> rendered(results.size(), 0);
  std::vector<std::thread> workers;
  for (size_t i = results.size(); i-- > 0;)
    workers.emplace_back([&, i] { rendered[i] = printer->Render(results[i], &pieces[i]); });
  for (auto& w : workers) w.join();
  char* buf = nullptr;
  size_t len = 0;
  FILE* out = open_memstream(&buf, &len);
  for (size_t i = 0; i < results.size(); ++i) {
    if (rendered[i]) printer->Emit(pieces[i], out);
    else printer->File(results[i], out);  // as the CLI does (sarif: a file not linted)
  }
  printer->Finish(out);
  std::fclose(out);
  std::string text(buf, len);
  std::free(buf);
  return text;
}

TEST_CASE("printers: files rendered apart and emitted in order make the same output",
          "[printers]") {
  Document doc = MakeDoc(kEmojiCrlf);
  Diagnostic team = Diag(8, 12);
  team.message = "two\nlines";  // a newline inside a string stays escaped, not indented
  team.fixes.push_back({"Replace", {{{8, 12}, "crew"}}, true});
  Document clean = MakeDoc("Fine.\n", "clean.txt");
  std::vector<FileResult> results = {Result(doc, {team, Diag(21, 25)}), Result(clean, {}),
                                     Failed("gone.txt", "No such file or directory"),
                                     Result(doc, {Diag(0, 2, Severity::kError)})};
  PrintOptions options;
  options.tool_version = "1.2.3";
  options.link_base = "https://example.org/";
  options.rules = {{"Test.Rule", "A rule.", "", Severity::kWarning}};
  for (const char* format : {"github", "json", "line", "lsp", "sarif", "text"}) {
    INFO(format);
    std::string whole = Run(format, results, options);
    CHECK(RunRendered(format, results, options) == whole);
    CHECK(RunRendered(format, {}, options) == Run(format, {}, options));
    CHECK(RunRendered(format, {results[1]}, options) == Run(format, {results[1]}, options));
  }
  // The streamed JSON documents are still one valid document each.
  CHECK(Json::parse(RunRendered("json", results, options))["files"].size() == 4);
  CHECK(Json::parse(RunRendered("lsp", results, options)).size() == 4);
  // sarif: the file that could not be read is a notification, not a result.
  Json sarif = Json::parse(Run("sarif", results, options));
  CHECK(sarif["runs"][0]["results"].size() == 3);
  CHECK(sarif["runs"][0]["results"][2]["ruleIndex"] == 0);
  CHECK(sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"].size() == 1);
  CHECK(Json::parse(RunRendered("json", results, options))["files"][0]["diagnostics"][0]
            ["message"] == "two\nlines");
}

TEST_CASE("printers: a long file's findings, laid out in chunks on several cores, keep their "
          "order", "[printers]") {
  // 6,000 findings (the JSON printers split the work from 4,096, in chunks of 1,024): File
  // (chunks on every core) writes what Render (one thread) makes, and the documents parse.
  std::string raw;
  std::vector<Diagnostic> all;
  for (int i = 0; i < 6000; ++i) {
    Diagnostic d = Diag(static_cast<uint32_t>(raw.size()), static_cast<uint32_t>(raw.size() + 4),
                        i % 2 ? Severity::kWarning : Severity::kSuggestion);
    d.message = "finding " + std::to_string(i);
    if (i % 7 == 0) d.fixes.push_back({"Replace", {{d.raw, "Text"}}, true});
    all.push_back(d);
    raw += "Line " + std::to_string(i) + "\n";
  }
  Document doc = MakeDoc(raw);
  std::vector<FileResult> results = {Result(doc, {Diag(0, 4)}), Result(doc, all)};
  PrintOptions options;
  options.rules = {{"Test.Rule", "A rule.", "", Severity::kWarning}};
  for (const char* format : {"json", "lsp", "sarif"}) {
    INFO(format);
    std::string whole = Run(format, results, options);
    CHECK(RunRendered(format, results, options) == whole);
    Json parsed = Json::parse(whole);
    if (std::string(format) == "json") {
      REQUIRE(parsed["files"][1]["diagnostics"].size() == 6000);
      CHECK(parsed["files"][1]["diagnostics"][5999]["message"] == "finding 5999");
    } else if (std::string(format) == "lsp") {
      REQUIRE(parsed[1]["diagnostics"].size() == 6000);
      CHECK(parsed[1]["diagnostics"][4096]["message"] == "finding 4096");
    } else {
      REQUIRE(parsed["runs"][0]["results"].size() == 6001);
      CHECK(parsed["runs"][0]["results"][1025]["message"]["text"] == "finding 1024");
    }
  }
}

TEST_CASE("printers: the table lists every format, sorted", "[printers]") {
  std::vector<std::string> names = PrinterNames();
  CHECK(names == std::vector<std::string>{"github", "json", "line", "lsp", "sarif", "text"});
  for (const std::string& name : names) CHECK(MakePrinter(name, {}) != nullptr);
}

}  // namespace
}  // namespace fulint
