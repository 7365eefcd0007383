// Tests for ParseDocument: headers, front matter, note structure (salutation, paragraphs,
// sign-off, signature) and URL / e-mail masking, all as exact ranges of the decoded text.
#include "parse/parse.h"

#include <catch2/catch.hpp>
#include <string>

#include "test_util.h"

namespace fulint {
namespace {

using test::ParseString;

std::string S(const Document& doc, std::optional<Range> r) {
  REQUIRE(r.has_value());
  return std::string(doc.Slice(*r));
}

const char kPlain[] =
    "Subject: Thank you - Lakeshore IM interview\n"
    "To: Dr. Okafor <okafor@lakeshore.example.org>\n"
    "\n"
    "Dear Dr. Okafor,\n"
    "\n"
    "Thank you for meeting me on January 14.\n"
    "The clinic tour was the highlight.\n"
    "\n"
    "I look forward to hearing from you.\n"
    "\n"
    "Warm regards,\n"
    "Daniel Reyes\n"
    "(614) 555-0132\n";

TEST_CASE("Plain text headers: subject, header map, masked header lines", "[parse]") {
  auto p = ParseString(kPlain);
  const Document& doc = *p.doc;
  REQUIRE(p.outcome.ok);
  CHECK(p.outcome.problems.empty());
  CHECK(doc.subject == Range{9, 43});
  CHECK(S(doc, doc.subject) == "Thank you - Lakeshore IM interview");
  REQUIRE(doc.headers.size() == 2);
  CHECK(doc.headers.at("subject").value == "Thank you - Lakeshore IM interview");
  CHECK(doc.headers.at("to").value == "Dr. Okafor <okafor@lakeshore.example.org>");
  CHECK(doc.headers.at("to").range == Range{48, 89});
  CHECK(doc.Metadata("To") == &doc.headers.at("to"));
  CHECK(doc.note == Range{91, 264});
  // Header names and other headers are masked; the subject value, the one prose header, is not.
  REQUIRE(doc.lintable.size() == doc.text().size());
  CHECK(doc.lintable.substr(0, 44) == std::string(9, ' ') + S(doc, doc.subject) + "\n");
  CHECK(doc.lintable.substr(44, 46) == std::string(45, ' ') + "\n");
  CHECK(doc.lintable.substr(91) == doc.text().substr(91));
  CHECK(doc.emails.empty());  // the address in To: is in the masked header block
}

TEST_CASE("Plain text note structure: salutation, paragraphs, sign-off, signature",
          "[parse]") {
  auto p = ParseString(kPlain);
  const Document& doc = *p.doc;
  CHECK(doc.salutation == Range{91, 107});
  CHECK(S(doc, doc.salutation) == "Dear Dr. Okafor,");
  REQUIRE(doc.paragraphs.size() == 2);
  CHECK(doc.paragraphs[0] == Range{109, 183});
  CHECK(doc.Slice(doc.paragraphs[0]) ==
        "Thank you for meeting me on January 14.\nThe clinic tour was the highlight.");
  CHECK(doc.Slice(doc.paragraphs[1]) == "I look forward to hearing from you.");
  CHECK(doc.signoff == Range{222, 235});
  CHECK(S(doc, doc.signoff) == "Warm regards,");
  CHECK(doc.signature == Range{236, 263});
  CHECK(S(doc, doc.signature) == "Daniel Reyes\n(614) 555-0132");
}

TEST_CASE("A .txt without headers is all note", "[parse]") {
  std::string raw = "Note: bring the badge.\n\nDear Dr. Lee,\n\nThanks for the tour.\n";
  auto p = ParseString(raw);
  CHECK(p.doc->headers.empty());
  CHECK_FALSE(p.doc->subject.has_value());
  CHECK(p.doc->note == Range{0, static_cast<uint32_t>(raw.size())});
  CHECK(p.doc->lintable == raw);
}

TEST_CASE("An .eml accepts any field and unfolds continuation lines", "[parse]") {
  std::string raw =
      "X-Mailer: Thunder\nSubject: Thank you -\n Lakeshore interview\n\nDear Dr. Lee,\n\nHi.\n";
  auto p = ParseString(raw, "note.eml");
  const Document& doc = *p.doc;
  CHECK(doc.headers.at("x-mailer").value == "Thunder");
  // RFC 5322 unfolding removes the line break, keeping the one space that starts the line.
  CHECK(doc.headers.at("subject").value == "Thank you - Lakeshore interview");
  // The MIME decoder unfolds headers, so the subject is one line of the decoded text; its
  // range still maps back to the raw value, from "Thank" to "interview".
  CHECK(S(doc, doc.subject) == "Thank you - Lakeshore interview");
  fulint::Range in_raw = doc.decoded.map.ToRaw(*doc.subject);
  CHECK(in_raw.begin == 27);
  CHECK(in_raw.end == 59);
  CHECK(doc.Slice(doc.note).substr(0, 13) == "Dear Dr. Lee,");
}

TEST_CASE("A note without sign-off: the trailing name block is the signature", "[parse]") {
  std::string raw =
      "Dear Dr. Lee,\n\nThank you for the tour of the cardiology clinic today.\n\n"
      "Ana Ruiz\nMS4, Ohio State\n(614) 555-0100\n";
  auto p = ParseString(raw);
  const Document& doc = *p.doc;
  CHECK_FALSE(doc.signoff.has_value());
  REQUIRE(doc.paragraphs.size() == 1);
  CHECK(doc.Slice(doc.paragraphs[0]) == "Thank you for the tour of the cardiology clinic today.");
  CHECK(doc.signature == Range{71, 110});
  CHECK(S(doc, doc.signature) == "Ana Ruiz\nMS4, Ohio State\n(614) 555-0100");
}

TEST_CASE("A masked e-mail line does not end the signature block", "[parse]") {
  SECTION("no sign-off: the whole trailing block is the signature") {
    auto p = ParseString("Dear Dr. Lee,\n\nThank you for the tour of the clinic today.\n\n"
                         "Ana Ruiz\nana.ruiz@example.org\n(614) 555-0100\n");
    REQUIRE(p.doc->emails == std::vector<Range>{Range{69, 89}});
    CHECK(p.doc->paragraphs.size() == 1);
    CHECK(S(*p.doc, p.doc->signature) == "Ana Ruiz\nana.ruiz@example.org\n(614) 555-0100");
  }
  SECTION("after a sign-off: the address ends the signature") {
    auto p = ParseString("Dear Dr. Lee,\n\nThank you for the tour.\n\nBest,\nAna Ruiz\nana@x.org\n");
    CHECK(S(*p.doc, p.doc->signoff) == "Best,");
    CHECK(S(*p.doc, p.doc->signature) == "Ana Ruiz\nana@x.org");
  }
}

TEST_CASE("A sign-off inside the last paragraph block splits it", "[parse]") {
  std::string raw =
      "Dear Dr. Lee,\n\nI enjoyed the clinic tour and our talk about the QI project.\n"
      "Thank you again.\nBest,\nAna\n";
  auto p = ParseString(raw);
  const Document& doc = *p.doc;
  CHECK(S(doc, doc.salutation) == "Dear Dr. Lee,");
  REQUIRE(doc.paragraphs.size() == 1);
  CHECK(doc.paragraphs[0] == Range{15, 92});
  CHECK(doc.Slice(doc.paragraphs[0]) ==
        "I enjoyed the clinic tour and our talk about the QI project.\nThank you again.");
  CHECK(doc.signoff == Range{93, 98});
  CHECK(doc.signature == Range{99, 102});
  CHECK(S(doc, doc.signature) == "Ana");
}

TEST_CASE("Salutations with and without a comma", "[parse]") {
  SECTION("without a comma, standing alone") {
    auto p = ParseString("Dear Dr. Prior\n\nThank you for the tour.\n\nBest,\nAna\n");
    CHECK(p.doc->salutation == Range{0, 14});
    CHECK(p.doc->paragraphs == std::vector<Range>{Range{16, 39}});
    CHECK(p.doc->signoff == Range{41, 46});
  }
  SECTION("with a comma, on the first line of the first block") {
    auto p = ParseString("Dear Dr. Lee,\nThank you for the tour.\n\nBest,\nAna\n");
    CHECK(p.doc->salutation == Range{0, 13});
    CHECK(p.doc->paragraphs == std::vector<Range>{Range{14, 37}});
  }
  SECTION("a first sentence is not a salutation") {
    auto p = ParseString("Thank you for the tour.\n\nBest,\nAna\n");
    CHECK_FALSE(p.doc->salutation.has_value());
    CHECK(p.doc->paragraphs == std::vector<Range>{Range{0, 23}});
  }
}

TEST_CASE("A note in one block still has a salutation", "[parse]") {
  // "a short first line that ends in a comma" (note_structure.cc), even with no blank line.
  auto p = ParseString("Dear Dr. Lee,\nThank you for the tour.\nBest,\nAna\n");
  CHECK(p.doc->salutation == Range{0, 13});
  CHECK(p.doc->paragraphs == std::vector<Range>{Range{14, 37}});
  CHECK(p.doc->signoff == Range{38, 43});
  CHECK(p.doc->signature == Range{44, 47});
}

const char kMarkdown[] =
    "---\n"
    "subject: \"Lakeshore IM interview, January 14\"\n"
    "to: Dr. Okafor\n"
    "program: 'Lakeshore IM'\n"
    "tags: [a, b]\n"
    "---\n"
    "Dear Dr. Okafor,\n"
    "\n"
    "Thank you for the **clinic** tour.\n"
    "\n"
    "Best,\n"
    "Ana Ruiz\n";

TEST_CASE("Markdown front matter fields carry values and ranges", "[parse][front_matter]") {
  auto p = ParseString(kMarkdown, "note.md");
  const Document& doc = *p.doc;
  REQUIRE(p.outcome.ok);
  CHECK(p.outcome.problems.empty());
  CHECK(doc.headers.empty());
  REQUIRE(doc.front_matter.size() == 4);
  const Field& subject = doc.front_matter.at("subject");
  CHECK(subject.value == "Lakeshore IM interview, January 14");
  CHECK(subject.range == Range{14, 48});
  CHECK(doc.Slice(subject.range) == subject.value);
  CHECK(doc.front_matter.at("to").range == Range{54, 64});
  CHECK(doc.Slice(doc.front_matter.at("to").range) == "Dr. Okafor");
  CHECK(doc.front_matter.at("program").value == "Lakeshore IM");
  CHECK(doc.front_matter.at("program").range == Range{75, 87});
  CHECK(doc.Slice(doc.front_matter.at("program").range) == "Lakeshore IM");
  CHECK(doc.front_matter.at("tags").value == "a, b");
  CHECK(doc.Metadata("program") == &doc.front_matter.at("program"));
}

TEST_CASE("Markdown subject comes from front matter, the rest is masked", "[parse][front_matter]") {
  auto p = ParseString(kMarkdown, "note.md");
  const Document& doc = *p.doc;
  CHECK(doc.subject == Range{14, 48});
  CHECK(doc.note == Range{106, 175});
  std::string expected_fm = std::string(3, ' ') + "\n" + std::string(10, ' ') +
                            "Lakeshore IM interview, January 14" + " \n" +
                            std::string(14, ' ') + "\n" + std::string(23, ' ') + "\n" +
                            std::string(12, ' ') + "\n" + std::string(3, ' ') + "\n";
  CHECK(doc.lintable.substr(0, 106) == expected_fm);
  CHECK(S(doc, doc.salutation) == "Dear Dr. Okafor,");
  REQUIRE(doc.paragraphs.size() == 1);
  CHECK(doc.Slice(doc.paragraphs[0]) == "Thank you for the **clinic** tour.");
  CHECK(doc.lintable.substr(124, 34) == "Thank you for the   clinic   tour.");
  CHECK(S(doc, doc.signoff) == "Best,");
  CHECK(S(doc, doc.signature) == "Ana Ruiz");
}

TEST_CASE("A front matter comment is not part of the value or its range", "[parse][front_matter]") {
  std::string raw = "---\nsubject: Lakeshore interview # draft 2\n---\nHi.\n";
  auto p = ParseString(raw, "note.md");
  const Document& doc = *p.doc;
  const Field& subject = doc.front_matter.at("subject");
  CHECK(subject.value == "Lakeshore interview");
  CHECK(subject.range == Range{13, 32});
  CHECK(doc.Slice(subject.range) == "Lakeshore interview");
  CHECK(doc.lintable.substr(4, 38) == std::string(9, ' ') + "Lakeshore interview" +
                                          std::string(10, ' '));
}

TEST_CASE("A folded block scalar subject covers its text", "[parse][front_matter]") {
  auto p = ParseString("---\nsubject: >-\n  Lakeshore IM\n  interview\n---\nHi.\n", "note.md");
  const Document& doc = *p.doc;
  CHECK(doc.front_matter.at("subject").value == "Lakeshore IM interview");
  CHECK(doc.subject == Range{18, 42});
  CHECK(S(doc, doc.subject) == "Lakeshore IM\n  interview");
}

TEST_CASE("Unterminated front matter is a parse problem", "[parse][front_matter]") {
  auto p = ParseString("---\nsubject: Lakeshore\n\nDear Dr. Lee,\n", "note.md");
  const Document& doc = *p.doc;
  CHECK(p.outcome.ok);
  REQUIRE(p.outcome.problems.size() == 1);
  CHECK(p.outcome.problems[0].range == Range{0, 3});
  CHECK(p.outcome.problems[0].message == "front matter is not closed: no '---' line ends it");
  CHECK(doc.front_matter.empty());
  CHECK(doc.note.begin == 0);
}

TEST_CASE("Invalid YAML in front matter is a located parse problem", "[parse][front_matter]") {
  auto p = ParseString("---\nsubject: [oops\n---\nHi.\n", "note.md");
  REQUIRE(p.outcome.problems.size() == 1);
  CHECK(p.outcome.problems[0].message.rfind("front matter is not valid YAML", 0) == 0);
  CHECK(p.doc->note.begin == 23);
}

TEST_CASE("URLs and e-mail addresses are masked and recorded", "[parse][links]") {
  std::string raw =
      "Dear Dr. Lee,\n\nSee https://lakeshore.example.org/im?x=1, or www.example.com. "
      "Write to ana.ruiz+im@example.org.\n\nBest,\nAna\n";
  auto p = ParseString(raw);
  const Document& doc = *p.doc;
  CHECK(doc.urls == std::vector<Range>{Range{19, 55}, Range{60, 75}});  // without ',' and '.'
  CHECK(doc.emails == std::vector<Range>{Range{86, 109}});
  CHECK(doc.text() == raw);
  CHECK(doc.lintable.substr(15, 96) == "See " + std::string(36, ' ') + ", or " +
                                           std::string(15, ' ') + ". Write to " +
                                           std::string(23, ' ') + ".\n");
  CHECK(doc.paragraphs.size() == 1);
}

TEST_CASE("URLs and e-mail addresses in Markdown prose are recorded too", "[parse][links]") {
  std::string raw = "Dear Dr. Lee,\n\nSee https://x.org/a and mail ana@example.org.\n";
  auto p = ParseString(raw, "note.md");
  const Document& doc = *p.doc;
  // Masked either way...
  CHECK(doc.lintable.substr(15, 45) ==
        "See " + std::string(15, ' ') + " and mail " + std::string(15, ' ') + ".");
  // ...and recorded, as in plain text.
  CHECK(doc.urls == std::vector<Range>{Range{19, 34}});
  CHECK(doc.emails == std::vector<Range>{Range{44, 59}});
}

TEST_CASE("A word@word without a dotted domain is not an e-mail", "[parse][links]") {
  auto p = ParseString("Dear Dr. Lee,\n\nMeet me @noon or at x@y today.\n");
  CHECK(p.doc->emails.empty());
  CHECK(p.doc->lintable == p.doc->text());
}

TEST_CASE("CRLF input gives the same structure as LF", "[parse]") {
  std::string lf = kPlain, crlf;
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  auto a = ParseString(lf);
  auto b = ParseString(crlf);
  CHECK(b.doc->text() == lf);
  CHECK(b.doc->lintable == a.doc->lintable);
  CHECK(b.doc->subject == a.doc->subject);
  CHECK(b.doc->headers.at("to").range == a.doc->headers.at("to").range);
  CHECK(b.doc->note == a.doc->note);
  CHECK(b.doc->salutation == a.doc->salutation);
  CHECK(b.doc->paragraphs == a.doc->paragraphs);
  CHECK(b.doc->signoff == a.doc->signoff);
  CHECK(b.doc->signature == a.doc->signature);
  // Raw positions account for the CRs before them: "Warm regards," is on line 11.
  CHECK(b.doc->decoded.map.ToRaw(*b.doc->signoff) == Range{232, 245});
  CHECK(crlf.substr(232, 13) == "Warm regards,");
}

TEST_CASE("Invalid UTF-8 stops the parse with the raw offset", "[parse]") {
  auto p = ParseString("Subject: Hi\r\n\r\nDear \xFF\n");
  CHECK_FALSE(p.outcome.ok);
  CHECK(p.outcome.error_raw_offset == 20);
  CHECK(p.outcome.error == "invalid UTF-8: byte 0xFF at byte offset 20");
}

TEST_CASE("FormatForPath picks the format from the extension", "[parse]") {
  CHECK((FormatForPath("a.md") == Format::kMarkdown && FormatForPath("x/A.MARKDOWN") ==
         Format::kMarkdown));
  CHECK((FormatForPath("m.eml") == Format::kEmail && FormatForPath("n.txt") == Format::kPlain));
  CHECK(FormatForPath("README") == Format::kPlain);
}

}  // namespace
}  // namespace fulint

TEST_CASE("A Markdown heading before the salutation is not the salutation") {
  fulint::Document doc;
  doc.path = "note.md";
  doc.format = fulint::Format::kMarkdown;
  doc.raw = "# Thank you\n\nDear Dr. Lee,\n\nThank you for the tour of the clinic.\n\nBest,\nAna Ruiz\n";
  REQUIRE(fulint::ParseDocument(&doc).ok);
  REQUIRE(doc.salutation);
  CHECK(doc.Slice(*doc.salutation) == "Dear Dr. Lee,");
  REQUIRE(doc.paragraphs.size() == 1);
  CHECK(doc.Slice(doc.paragraphs[0]) == "Thank you for the tour of the clinic.");
}
