// The text (clang-style) and line printers, and the printer table.
#include "report/text_printer.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "decode/decode.h"
#include "report/printer.h"

namespace fulint {
namespace {

Document MakeDoc(std::string raw) {
  Document doc;
  doc.path = "draft.txt";
  doc.raw = std::move(raw);
  DecodeError error;
  REQUIRE(Decode(doc.raw, &doc.decoded, &error));
  doc.lintable = doc.decoded.text;
  return doc;
}

Diagnostic Diag(uint32_t begin, uint32_t end, Severity severity = Severity::kWarning) {
  Diagnostic d;
  d.rule_id = "Test.Rule";
  d.severity = severity;
  d.raw = {begin, end};
  d.message = "msg";
  return d;
}

std::string Print(const Document& doc, std::vector<Diagnostic> diagnostics,
                  PrintOptions options = {}, const std::string& format = "text") {
  char* buf = nullptr;
  size_t len = 0;
  FILE* out = open_memstream(&buf, &len);
  std::unique_ptr<Printer> printer = MakePrinter(format, options);
  REQUIRE(printer);
  FileResult result;
  result.path = doc.path;
  result.doc = &doc;
  result.diagnostics = std::move(diagnostics);
  printer->File(result, out);
  printer->Finish(out);
  std::fclose(out);
  std::string text(buf, len);
  std::free(buf);
  return text;
}

TEST_CASE("text: ASCII line with caret and tildes", "[printer]") {
  Document doc = MakeDoc("Dear team,\nSubject: Thank you\n");
  Diagnostic d = Diag(20, 29);
  d.rule_id = "FollowUp.Subject";
  d.message = "subject names no program or date";
  CHECK(Print(doc, {d}) ==
        "draft.txt:2:10: warning: subject names no program or date [FollowUp.Subject]\n"
        "Subject: Thank you\n"
        "         ^~~~~~~~~\n");
}

TEST_CASE("text: CRLF file shows the line without CR", "[printer]") {
  Document doc = MakeDoc("Hi\r\nSubject: Thank you\r\n");
  CHECK(Print(doc, {Diag(13, 22)}) ==
        "draft.txt:2:10: warning: msg [Test.Rule]\n"
        "Subject: Thank you\n"
        "         ^~~~~~~~~\n");
}

TEST_CASE("text: tabs expand to tab stops and the caret follows", "[printer]") {
  Document doc = MakeDoc("\tfoo bar");
  CHECK(Print(doc, {Diag(5, 8)}) ==
        "draft.txt:1:6: warning: msg [Test.Rule]\n"
        "        foo bar\n"
        "            ^~~\n");
  PrintOptions four;
  four.tab_width = 4;
  Document inside = MakeDoc("ab\tc d");  // the tab inside the range fills cells 2-3
  CHECK(Print(inside, {Diag(1, 4), Diag(5, 6)}, four) ==
        "draft.txt:1:2: warning: msg [Test.Rule]\n"
        "ab  c d\n"
        " ^~~~\n"
        "draft.txt:1:6: warning: msg [Test.Rule]\n"
        "ab  c d\n"
        "      ^\n");
}

TEST_CASE("text: a tab, a control character or a wide letter at any offset of a long line",
          "[printer]") {
  // Printable ASCII is copied eight bytes at a time: whatever the alignment, the one byte that
  // is not must still be expanded, and the caret must land under the finding after it.
  const std::string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";  // 40 bytes
  struct Odd {
    std::string bytes, shown;
  };
  for (const Odd& odd : {Odd{"\x7f", "<U+007F>"}, Odd{"\x1f", "<U+001F>"},
                         Odd{"\xC3\xA9", "\xC3\xA9"}, Odd{"~", "~"}}) {
    for (size_t at = 0; at < letters.size(); ++at) {
      std::string line = letters.substr(0, at) + odd.bytes + letters.substr(at);
      Document doc = MakeDoc(line);
      // A finding on the last letter: its caret sits one cell before the line's end.
      uint32_t last = static_cast<uint32_t>(line.size() - 1);
      std::string shown = letters.substr(0, at) + odd.shown + letters.substr(at);
      size_t cells = shown.size() - (odd.bytes == "\xC3\xA9" ? 1 : 0);  // é: 2 bytes, 1 cell
      INFO("odd byte(s) at " << at);
      // The last letter is the line's 41st character, wherever the odd one is.
      CHECK(Print(doc, {Diag(last, last + 1)}) ==
            "draft.txt:1:41: warning: msg [Test.Rule]\n" + shown + "\n" +
                std::string(cells - 1, ' ') + "^\n");
    }
  }
  for (size_t at = 0; at < letters.size(); ++at) {  // a tab to the next stop of 8
    std::string line = letters.substr(0, at) + "\t" + letters.substr(at);
    size_t spaces = 8 - at % 8;
    std::string shown = letters.substr(0, at) + std::string(spaces, ' ') + letters.substr(at);
    uint32_t last = static_cast<uint32_t>(line.size() - 1);
    INFO("tab at " << at);
    CHECK(Print(MakeDoc(line), {Diag(last, last + 1)}) ==
          "draft.txt:1:41: warning: msg [Test.Rule]\n" + shown + "\n" +
              std::string(shown.size() - 1, ' ') + "^\n");
  }
}

TEST_CASE("text: CJK characters take two cells", "[printer]") {
  // 会議は明日です: 3 bytes each; the range is 明日 (bytes 9-15).
  Document doc = MakeDoc(
      "\xE4\xBC\x9A\xE8\xAD\xB0\xE3\x81\xAF\xE6\x98\x8E\xE6\x97\xA5"
      "\xE3\x81\xA7\xE3\x81\x99");
  CHECK(Print(doc, {Diag(9, 15)}) ==
        "draft.txt:1:4: warning: msg [Test.Rule]\n" + doc.raw + "\n" + "      ^~~~\n");
}

TEST_CASE("text: an emoji takes two cells", "[printer]") {
  // "Great " 0-5, U+1F389 6-9, ' ' 10, "news" 11-14.
  Document doc = MakeDoc("Great \xF0\x9F\x8E\x89 news");
  CHECK(Print(doc, {Diag(6, 10), Diag(11, 15)}) ==
        "draft.txt:1:7: warning: msg [Test.Rule]\n"
        "Great \xF0\x9F\x8E\x89 news\n"
        "      ^~\n"
        "draft.txt:1:9: warning: msg [Test.Rule]\n"
        "Great \xF0\x9F\x8E\x89 news\n"
        "         ^~~~\n");
}

TEST_CASE("text: a combining mark takes no cell but counts as a column", "[printer]") {
  // "cafe" + U+0301 (bytes 4-5), ' ' 6, "menu" 7-10.
  Document doc = MakeDoc("cafe\xCC\x81 menu");
  CHECK(Print(doc, {Diag(0, 6), Diag(7, 11)}) ==
        "draft.txt:1:1: warning: msg [Test.Rule]\n"
        "cafe\xCC\x81 menu\n"
        "^~~~\n"
        "draft.txt:1:7: warning: msg [Test.Rule]\n"
        "cafe\xCC\x81 menu\n"
        "     ^~~~\n");
}

TEST_CASE("text: a UTF-8 BOM does not shift line 1", "[printer]") {
  Document doc = MakeDoc("\xEF\xBB\xBFHello world\n");
  CHECK(Print(doc, {Diag(9, 14)}) ==
        "draft.txt:1:7: warning: msg [Test.Rule]\n"
        "Hello world\n"
        "      ^~~~~\n");
}

TEST_CASE("text: a UTF-16LE file prints its decoded line", "[printer]") {
  // "Hi\r\nSee 日本 soon": BOM 0-1, H 2, i 4, CR 6, LF 8, "See " 10-17, 日 18, 本 20.
  std::u16string units = u"Hi\r\nSee \u65E5\u672C soon";
  std::string raw = "\xFF\xFE";
  for (char16_t u : units) {
    raw.push_back(static_cast<char>(u & 0xFF));
    raw.push_back(static_cast<char>(u >> 8));
  }
  Document doc = MakeDoc(raw);
  CHECK(Print(doc, {Diag(18, 22)}) ==
        "draft.txt:2:5: warning: msg [Test.Rule]\n"
        "See \xE6\x97\xA5\xE6\x9C\xAC soon\n"
        "    ^~~~\n");
}

TEST_CASE("text: ranges at end of file, empty and spanning lines", "[printer]") {
  Document doc = MakeDoc("abc def\ntwo");
  CHECK(Print(doc, {Diag(8, 11), Diag(11, 11), Diag(3, 3), Diag(4, 10)}) ==
        "draft.txt:2:1: warning: msg [Test.Rule]\n"
        "two\n"
        "^~~\n"
        "draft.txt:2:4: warning: msg [Test.Rule]\n"
        "two\n"
        "   ^\n"
        "draft.txt:1:4: warning: msg [Test.Rule]\n"
        "abc def\n"
        "   ^\n"
        "draft.txt:1:5: warning: msg [Test.Rule]\n"
        "abc def\n"
        "    ^~~\n");
}

TEST_CASE("text: colour only when asked", "[printer]") {
  Document doc = MakeDoc("one two\n");
  std::vector<Diagnostic> diags = {Diag(0, 3, Severity::kError), Diag(4, 7, Severity::kSuggestion)};
  CHECK(Print(doc, diags) ==
        "draft.txt:1:1: error: msg [Test.Rule]\none two\n^~~\n"
        "draft.txt:1:5: suggestion: msg [Test.Rule]\none two\n    ^~~\n");
  PrintOptions color;
  color.color = true;
  CHECK(Print(doc, {Diag(0, 3, Severity::kError), Diag(4, 7)}, color) ==
        "\x1b[1mdraft.txt:1:1: \x1b[0m\x1b[0;1;31merror: \x1b[0m\x1b[1mmsg [Test.Rule]\x1b[0m\n"
        "one two\n"
        "\x1b[0;1;32m^~~\x1b[0m\n"
        "\x1b[1mdraft.txt:1:5: \x1b[0m\x1b[0;1;35mwarning: \x1b[0m\x1b[1mmsg [Test.Rule]\x1b[0m\n"
        "one two\n"
        "    \x1b[0;1;32m^~~\x1b[0m\n");
}

TEST_CASE("text: control characters are shown, not sent to the terminal", "[printer]") {
  Document doc = MakeDoc("a\x1b[2Jb");
  CHECK(Print(doc, {Diag(5, 6)}) ==
        "draft.txt:1:6: warning: msg [Test.Rule]\n"
        "a<U+001B>[2Jb\n"
        "            ^\n");
}

TEST_CASE("text: results with an error or no document print nothing", "[printer]") {
  std::unique_ptr<Printer> printer = MakePrinter("text", {});
  char* buf = nullptr;
  size_t len = 0;
  FILE* out = open_memstream(&buf, &len);
  FileResult failed;
  failed.path = "missing.txt";
  failed.error = "cannot open";
  printer->File(failed, out);
  printer->Finish(out);
  std::fclose(out);
  CHECK(std::string(buf, len) == "");
  std::free(buf);
}

TEST_CASE("line: path:line:col:Rule:message", "[printer]") {
  Document doc = MakeDoc("Dear team,\r\nSubject: \xF0\x9F\x8E\x89 Thanks\r\n");
  Diagnostic d = Diag(26, 32);
  d.rule_id = "FollowUp.Subject";
  d.message = "subject names no program or date";
  CHECK(Print(doc, {Diag(0, 4), d}, {}, "line") ==
        "draft.txt:1:1:Test.Rule:msg\n"
        "draft.txt:2:12:FollowUp.Subject:subject names no program or date\n");
}

TEST_CASE("printer table: sorted names, unknown is null", "[printer]") {
  CHECK(PrinterNames() ==
        std::vector<std::string>{"github", "json", "line", "lsp", "sarif", "text"});
  CHECK(MakePrinter("text", {}) != nullptr);
  CHECK(MakePrinter("line", {}) != nullptr);
  CHECK(MakePrinter("json-ish", {}) == nullptr);
}

TEST_CASE("CellWidth: wide, emoji, zero-width and narrow", "[printer]") {
  CHECK(CellWidth('a') == 1);
  CHECK(CellWidth(0x65E5) == 2);   // 日
  CHECK(CellWidth(0xFF21) == 2);   // fullwidth A
  CHECK(CellWidth(0x1F600) == 2);  // grinning face
  CHECK(CellWidth(0x0301) == 0);   // combining acute
  CHECK(CellWidth(0x20DD) == 0);   // combining enclosing circle (Me)
  CHECK(CellWidth(0x200D) == 0);   // zero width joiner
  CHECK(CellWidth(0x00AD) == 1);   // soft hyphen
  CHECK(CellWidth(0x00E9) == 1);   // é precomposed
}

TEST_CASE("text: thousands of findings print the same as one at a time", "[printer]") {
  // Past a few thousand findings the text is rendered in parts on other cores; the bytes
  // must be those of printing each finding on its own, in order.
  std::string raw;
  for (int i = 0; i < 800; ++i)
    raw +=
        "Line " + std::to_string(i) + "\tof caf\xC3\xA9 text, with a tab and \xE2\x80\x99 quote.\n";
  Document doc = MakeDoc(raw);
  std::vector<Diagnostic> all;
  for (uint32_t at = 0; at + 3 < raw.size(); at += 7)
    all.push_back(Diag(at, at + 3, at % 2 ? Severity::kError : Severity::kWarning));
  REQUIRE(all.size() > 5000);
  std::string one_by_one;
  for (const Diagnostic& d : all) one_by_one += Print(doc, {d});
  PrintOptions color;
  color.color = true;
  CHECK(Print(doc, all) == one_by_one);
  std::string colored_one_by_one;
  for (const Diagnostic& d : all) colored_one_by_one += Print(doc, {d}, color);
  CHECK(Print(doc, all, color) == colored_one_by_one);
}

TEST_CASE("text: a long file's findings, rendered in chunks on several cores, keep their order",
          "[printer]") {
  // 6,000 lines, one finding each (more than the 4,096 from which the printer splits the work
  // into chunks of 1,024), with colour: the same text as printing them one at a time.
  std::string raw;
  std::vector<Diagnostic> all;
  for (int i = 0; i < 6000; ++i) {
    std::string line = "Line " + std::to_string(i) + " has a word.\n";
    Diagnostic d = Diag(static_cast<uint32_t>(raw.size() + 5),
                        static_cast<uint32_t>(raw.size() + 5 + std::to_string(i).size()),
                        i % 3 == 0 ? Severity::kError : Severity::kWarning);
    d.message = "finding " + std::to_string(i);
    all.push_back(d);
    raw += line;
  }
  Document doc = MakeDoc(raw);
  PrintOptions options;
  options.color = true;
  std::string one_by_one;
  for (const Diagnostic& d : all) one_by_one += Print(doc, {d}, options);
  std::string whole = Print(doc, all, options);
  CHECK(whole.size() == one_by_one.size());
  CHECK(whole == one_by_one);
  CHECK(whole.find("finding 5999") != std::string::npos);
}

}  // namespace
}  // namespace fulint
