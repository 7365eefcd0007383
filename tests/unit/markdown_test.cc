// Tests for ParseMarkdown: what lintable keeps, and the heading and list-item ranges.
#include "parse/markdown.h"

#include <catch2/catch.hpp>
#include <string>

namespace fulint {
namespace {

Document Parse(const std::string& md) {
  Document doc;
  doc.format = Format::kMarkdown;
  doc.decoded.text = md;
  doc.lintable = md;
  ParseMarkdown(&doc, Range{0, static_cast<uint32_t>(md.size())});
  return doc;
}

TEST_CASE("ParseMarkdown masks heading markers and records heading text", "[markdown]") {
  Document doc = Parse("# Hello World #\n\nSub\n===\n");
  CHECK(doc.lintable == "  Hello World  \n\nSub\n   \n");
  REQUIRE(doc.headings.size() == 2);
  CHECK(doc.headings[0] == Range{2, 13});
  CHECK(doc.Slice(doc.headings[0]) == "Hello World");
  CHECK(doc.headings[1] == Range{17, 20});
  CHECK(doc.list_items.empty());
}

TEST_CASE("ParseMarkdown masks emphasis and strikethrough markers", "[markdown]") {
  Document doc = Parse("I *really* __want__ ~~it~~ \\*now\\*.\n");
  CHECK(doc.lintable == "I  really    want     it    *now *.\n");
}

TEST_CASE("ParseMarkdown masks inline code and fenced code blocks", "[markdown]") {
  Document doc = Parse("Run `make all` now.\n\n```sh\nrm -rf x\n```\nDone.\n");
  CHECK(doc.lintable == "Run            now.\n\n     \n        \n   \nDone.\n");
}

TEST_CASE("ParseMarkdown masks indented code blocks", "[markdown]") {
  Document doc = Parse("Text.\n\n    code here\n\nMore.\n");
  CHECK(doc.lintable == "Text.\n\n             \n\nMore.\n");
}

TEST_CASE("ParseMarkdown keeps link text and masks the destination", "[markdown]") {
  std::string md = "See my [LinkedIn](https://www.linkedin.com/in/x) page.\n";
  Document doc = Parse(md);
  CHECK(doc.lintable == "See my  LinkedIn" + std::string(33, ' ') + "page.\n");
  CHECK(doc.lintable.find("LinkedIn") == md.find("LinkedIn"));
}

TEST_CASE("ParseMarkdown masks link titles and reference definitions", "[markdown]") {
  Document doc = Parse("A [site][s] and [b](/x \"Title\").\n\n[s]: https://s.org \"T\"\n");
  CHECK(doc.lintable ==
        "A  site     and  b" + std::string(13, ' ') + ".\n\n" + std::string(22, ' ') + "\n");
}

TEST_CASE("ParseMarkdown masks autolinks, bare URLs and e-mail addresses", "[markdown]") {
  Document doc =
      Parse("Mail <a@b.org> or see https://x.org/p?q=1 and www.y.com or c@d.com today.\n");
  CHECK(doc.lintable == "Mail" + std::string(11, ' ') + "or see" + std::string(21, ' ') + "and" +
                            std::string(11, ' ') + "or" + std::string(9, ' ') + "today.\n");
}

TEST_CASE("ParseMarkdown masks a link whose text is its URL", "[markdown]") {
  Document doc = Parse("[https://q.com](https://q.com) ok\n");
  CHECK(doc.lintable == std::string(31, ' ') + "ok\n");
}

TEST_CASE("ParseMarkdown masks HTML comments and tags", "[markdown]") {
  Document doc = Parse("Hi <b>bold</b> <!-- note\nmore --> end.\n\n<!-- block -->\n");
  CHECK(doc.lintable ==
        "Hi    bold" + std::string(14, ' ') + "\n         end.\n\n" + std::string(14, ' ') + "\n");
}

TEST_CASE("ParseMarkdown keeps template slots that look like HTML", "[markdown]") {
  Document doc = Parse("Dear <Hiring Manager>, I love <Company>. <B>x</B> <Title>\n");
  CHECK(doc.lintable == "Dear <Hiring Manager>, I love <Company>.    x     <Title>\n");
}

TEST_CASE("ParseMarkdown reads an HTML block started by a slot", "[markdown]") {
  // A line holding only <Program Name> starts a CommonMark HTML block that runs to the blank
  // line, so the sentence after it arrives as HTML; it must still be prose.
  Document doc = Parse("<Program Name>\nI am <em>keen</em>.\n<!-- x -->\n\nNext.\n");
  CHECK(doc.lintable == "<Program Name>\nI am     keen     .\n          \n\nNext.\n");
}

TEST_CASE("ParseMarkdown masks script content in HTML blocks", "[markdown]") {
  Document doc = Parse("<script>\nvar x = 1;\n</script>\n\nText.\n");
  CHECK(doc.lintable == "        \n          \n         \n\nText.\n");
}

TEST_CASE("ParseMarkdown keeps brackets without a link definition", "[markdown]") {
  Document doc = Parse("I want to join [Program Name] soon.\n");
  CHECK(doc.lintable == "I want to join [Program Name] soon.\n");
}

TEST_CASE("ParseMarkdown records list item ranges", "[markdown]") {
  std::string md = "- one\n  - two\n    more\n- **three**\n\n1. first\n2) `x` y\n";
  Document doc = Parse(md);
  CHECK(doc.lintable == "  one\n    two\n    more\n    three  \n\n   first\n       y\n");
  REQUIRE(doc.list_items.size() == 5);
  CHECK(doc.list_items[0] == Range{2, 5});
  CHECK(doc.list_items[1] == Range{10, 22});
  CHECK(doc.Slice(doc.list_items[1]) == "two\n    more");
  CHECK(doc.Slice(doc.list_items[2]) == "three");
  CHECK(doc.list_items[2] == Range{27, 32});
  CHECK(doc.Slice(doc.list_items[3]) == "first");
  CHECK(doc.Slice(doc.list_items[4]) == "x` y");  // from the first text byte to the last
}

TEST_CASE("ParseMarkdown skips list items with no text of their own", "[markdown]") {
  Document doc = Parse("- - inner\n-\n");
  REQUIRE(doc.list_items.size() == 1);
  CHECK(doc.Slice(doc.list_items[0]) == "inner");
  CHECK(doc.list_items[0] == Range{4, 9});
}

TEST_CASE("ParseMarkdown orders an item resuming after its nested list", "[markdown]") {
  Document doc = Parse("- a\n  - b\n\n  c\n");
  REQUIRE(doc.list_items.size() == 2);
  CHECK(doc.list_items[0] == Range{2, 14});  // "a" ... "c" encloses the nested item
  CHECK(doc.list_items[1] == Range{8, 9});
  CHECK(doc.Slice(doc.list_items[1]) == "b");
}

TEST_CASE("ParseMarkdown keeps image alt text and styled link text", "[markdown]") {
  Document doc = Parse("![Alt *t*](x.png) [**Bold** l](u)\n");
  CHECK(doc.lintable == "  Alt  t             Bold   l    \n");
}

TEST_CASE("ParseMarkdown keeps slots inside emphasis, across lines and in headings", "[markdown]") {
  Document doc = Parse("## Apply to <Program Name>\n\nI **<Company>** and <Program\nName>.\n");
  CHECK(doc.lintable == "   Apply to <Program Name>\n\nI   <Company>   and <Program\nName>.\n");
  REQUIRE(doc.headings.size() == 1);
  CHECK(doc.headings[0] == Range{3, 26});
}

TEST_CASE("ParseMarkdown keeps prose inside HTML blocks", "[markdown]") {
  Document doc = Parse("<div class=\"x\">\nHello <span>there</span>\n</div>\n");
  CHECK(doc.lintable == std::string(15, ' ') + "\nHello       there       \n      \n");
}

TEST_CASE("ParseMarkdown masks block quote markers", "[markdown]") {
  Document doc = Parse("> Quoted *line*\n> two\n>\n> > deep\n");
  CHECK(doc.lintable == "  Quoted  line \n  two\n \n    deep\n");
}

TEST_CASE("ParseMarkdown masks table pipes and keeps cells", "[markdown]") {
  Document doc = Parse("| A | B |\n|---|---|\n| c | d |\n");
  CHECK(doc.lintable == "  A   B  \n         \n  c   d  \n");
}

TEST_CASE("ParseMarkdown keeps byte positions with emoji, CJK and combining marks", "[markdown]") {
  // U+1F600 (4 bytes), 日本 (3 bytes each), e + U+0301 combining acute (1 + 2 bytes).
  std::string md =
      "# \xF0\x9F\x98\x80 \xE6\x97\xA5\xE6\x9C\xAC\n\n*Cafe\xCC\x81* [r\xC3\xA9sum\xC3\xA9](u) "
      "ok\n";
  Document doc = Parse(md);
  CHECK(doc.lintable.size() == md.size());
  CHECK(doc.lintable ==
        "  \xF0\x9F\x98\x80 \xE6\x97\xA5\xE6\x9C\xAC\n\n Cafe\xCC\x81   r\xC3\xA9sum\xC3\xA9     "
        "ok\n");
  REQUIRE(doc.headings.size() == 1);
  CHECK(doc.headings[0] == Range{2, 13});
  CHECK(doc.lintable.find("ok") == md.find("ok"));
}

TEST_CASE("ParseMarkdown keeps entities and hard breaks", "[markdown]") {
  Document doc = Parse("Tom &amp; Jerry\\\nnext  \nlast\n");
  CHECK(doc.lintable == "Tom &amp; Jerry \nnext  \nlast\n");
}

TEST_CASE("ParseMarkdown touches only the note range", "[markdown]") {
  std::string md = "---\ntitle: `x`\n---\n# Head\n";
  Document doc;
  doc.decoded.text = md;
  doc.lintable = md;
  ParseMarkdown(&doc, Range{19, static_cast<uint32_t>(md.size())});
  CHECK(doc.lintable == "---\ntitle: `x`\n---\n  Head\n");
  REQUIRE(doc.headings.size() == 1);
  CHECK(doc.headings[0] == Range{21, 25});
}

TEST_CASE("ParseMarkdown handles an empty note and NUL bytes", "[markdown]") {
  Document empty = Parse("");
  CHECK(empty.lintable.empty());
  CHECK(empty.headings.empty());
  std::string md("a\0b\n", 4);
  Document doc = Parse(md);
  CHECK(doc.lintable == std::string("a b\n"));
}

}  // namespace
}  // namespace fulint
