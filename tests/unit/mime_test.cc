// Tests for src/mime/: quoted-printable and base64 decoding, RFC 2047 encoded words, charsets,
// HTML to text, and DecodeMessage's choice of the text part, all with exact origins (the raw
// byte ranges each decoded byte came from); then, through ParseDocument, quoted replies and
// "-- " signatures in a decoded .eml.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "mime/charset.h"
#include "mime/encoded_words.h"
#include "mime/html_text.h"
#include "mime/mapped_text.h"
#include "mime/message.h"
#include "mime/transfer_encoding.h"
#include "parse/parse.h"
#include "report/position.h"
#include "test_util.h"

namespace fulint {
namespace {

using test::ParseString;

MappedText Raw(std::string_view s, uint32_t base = 0) { return MappedText::Identity(s, base); }

uint32_t At(std::string_view haystack, std::string_view needle, size_t from = 0) {
  size_t at = haystack.find(needle, from);
  REQUIRE(at != std::string_view::npos);
  return static_cast<uint32_t>(at);
}

// Raw range of the decoded bytes [begin, begin + len) of a decoded message.
Range RawOf(const MimeMessage& m, uint32_t begin, uint32_t len) {
  return m.decoded.map.ToRaw(Range{begin, begin + len});
}

// The body of a decoded message: what follows the blank line after its headers.
std::string Body(const MimeMessage& m) {
  size_t blank = m.decoded.text.find("\n\n");
  REQUIRE(blank != std::string::npos);
  return m.decoded.text.substr(blank + 2);
}

// ---------------------------------------------------------------------------------------------
// Quoted-printable

TEST_CASE("QP: a soft line break inside a word joins it; each byte maps to its raw byte",
          "[mime]") {
  std::vector<MimeProblem> problems;
  //                   0123 4 5 6789012
  MappedText in = Raw("lapa=\r\nroscopy", 100);
  MappedText out = DecodeQuotedPrintable(in, &problems);
  CHECK(out.bytes == "laparoscopy");
  CHECK(problems.empty());
  REQUIRE(out.origin.size() == 11);
  CHECK(out.origin[0] == Range{100, 101});
  CHECK(out.origin[3] == Range{103, 104});  // the 'a' before "="
  CHECK(out.origin[4] == Range{107, 108});  // the 'r' after "=\r\n"
  CHECK(out.origin[10] == Range{113, 114});

  // An LF-only soft break, and white space between '=' and the line end (RFC 2045 6.7 rule 5).
  CHECK(DecodeQuotedPrintable(Raw("rank your pro=\ngram"), &problems).bytes == "rank your program");
  MappedText spaced = DecodeQuotedPrintable(Raw("fir= \t\r\nst"), &problems);
  CHECK(spaced.bytes == "first");
  CHECK(spaced.origin[3] == Range{8, 9});
  CHECK(problems.empty());
  // A hard line break stays.
  CHECK(DecodeQuotedPrintable(Raw("Best,\r\nAna"), &problems).bytes == "Best,\r\nAna");
}

TEST_CASE("QP: =C3=A9 decodes to the two bytes of é, each mapped to its escape", "[mime]") {
  std::vector<MimeProblem> problems;
  //                   012345678901
  MappedText out = DecodeQuotedPrintable(Raw("caf=C3=A9 or=3D"), &problems);
  CHECK(out.bytes == "caf\xC3\xA9 or=");
  CHECK(problems.empty());
  REQUIRE(out.origin.size() == 9);
  CHECK(out.origin[3] == Range{3, 6});
  CHECK(out.origin[4] == Range{6, 9});
  CHECK(out.origin[5] == Range{9, 10});
  CHECK(out.origin[8] == Range{12, 15});  // "=3D"
  // Lower-case hex digits are accepted as well (RFC 2045 says decoders should).
  CHECK(DecodeQuotedPrintable(Raw("caf=c3=a9"), &problems).bytes == "caf\xC3\xA9");

  // Through the charset step and the source map, é as a whole maps to both escapes.
  MappedText utf8 = ToUtf8(out, "utf-8", 0, &problems);
  SourceMap map;
  utf8.AppendTo(&map);
  CHECK(map.ToRaw(Range{3, 5}) == Range{3, 9});
  CHECK(map.ToRaw(Range{0, 3}) == Range{0, 3});
  CHECK(map.ToRaw(Range{6, 8}) == Range{10, 12});
}

TEST_CASE("QP: a malformed escape is kept as it is, with a problem at the '='", "[mime]") {
  std::vector<MimeProblem> problems;
  MappedText out = DecodeQuotedPrintable(Raw("50=ZZ done", 40), &problems);
  CHECK(out.bytes == "50=ZZ done");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].raw_offset == 42);
  CHECK(out.origin[2] == Range{42, 43});
}

// ---------------------------------------------------------------------------------------------
// Base64

TEST_CASE("base64: a body decodes across line breaks, each byte mapped inside its group",
          "[mime]") {
  std::vector<MimeProblem> problems;
  // "Thank you" = "VGhh" "bmsg" "eW91"; a CRLF after the second group.
  //                   0   4   8 9 10
  MappedText in = Raw("VGhhbmsg\r\neW91", 200);
  MappedText out = DecodeBase64(in, &problems);
  CHECK(out.bytes == "Thank you");
  CHECK(problems.empty());
  REQUIRE(out.origin.size() == 9);
  // Every byte starts at its group's first character and ends inside the group.
  const uint32_t group_of[9] = {200, 200, 200, 204, 204, 204, 210, 210, 210};
  for (size_t i = 0; i < 9; ++i) {
    INFO("byte " << i);
    CHECK(out.origin[i].begin == group_of[i]);
    CHECK(out.origin[i].end > group_of[i]);
    CHECK(out.origin[i].end <= group_of[i] + 4);
  }
  CHECK(out.origin[2].end == 204);  // the last byte of a group needs its fourth character
  CHECK(out.origin[8].end == 214);

  // A group split by a line break still maps from its first character.
  MappedText split = DecodeBase64(Raw("VG\r\nhh"), &problems);
  CHECK(split.bytes == "Tha");
  CHECK(split.origin[2] == Range{0, 6});
  // Padding ends the data; a truncated final group decodes as far as it goes.
  CHECK(DecodeBase64(Raw("eW91IQ=="), &problems).bytes == "you!");
  CHECK(DecodeBase64(Raw("VGhhbm"), &problems).bytes == "Than");
  CHECK(problems.empty());
}

TEST_CASE("base64: invalid characters are skipped with one problem at the first", "[mime]") {
  std::vector<MimeProblem> problems;
  //                   0123456789
  MappedText out = DecodeBase64(Raw("VGhh*bm!sg", 10), &problems);
  CHECK(out.bytes == "Thank ");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].raw_offset == 14);
  CHECK(out.origin[3].begin == 15);  // the group "bmsg" starts at 'b'
}

// ---------------------------------------------------------------------------------------------
// RFC 2047 encoded words

TEST_CASE("RFC 2047: a Q word decodes and every character maps to the whole word", "[mime]") {
  std::vector<MimeProblem> problems;
  std::string value = " =?UTF-8?Q?Thank_you_=E2=80=93_Lakeshore?= interview";
  MappedText out = DecodeHeaderValue(Raw(value, 8), &problems);
  CHECK(out.bytes == " Thank you \xE2\x80\x93 Lakeshore interview");
  CHECK(problems.empty());
  Range word{9, 9 + At(value, "?= ") + 2 - 1};
  CHECK(out.origin[0] == Range{8, 9});
  for (size_t i = 1; i < out.bytes.size() - 10; ++i) {
    INFO("byte " << i);
    CHECK(out.origin[i] == word);
  }
  // The plain text after the word keeps its own bytes.
  CHECK(out.origin[out.bytes.size() - 9] == Range{8 + At(value, "interview"), 9 + At(value, "interview")});
}

TEST_CASE("RFC 2047: B words decode; adjacent encoded words join without the space", "[mime]") {
  std::vector<MimeProblem> problems;
  CHECK(DecodeHeaderValue(Raw("=?utf-8?B?VGhhbmsgeW91?="), &problems).bytes == "Thank you");
  // Apple Mail splits a long subject into words on folded lines (unfolded: a space stays).
  std::string folded = "=?utf-8?B?U3VtbWl0IENoaQ==?= =?utf-8?B?bGRyZW7igJlz?=";
  MappedText out = DecodeHeaderValue(Raw(folded), &problems);
  CHECK(out.bytes == "Summit Children\xE2\x80\x99s");
  uint32_t second = At(folded, " =?") + 1;
  CHECK(out.origin[0] == Range{0, second - 1});
  CHECK(out.origin[10] == Range{second, static_cast<uint32_t>(folded.size())});  // "ldren"
  // Several spaces or a tab between words go too, and a lower-case 'q' is a Q word.
  CHECK(DecodeHeaderValue(Raw("=?utf-8?q?Thank_?=\t  =?iso-8859-1?Q?Dr=2E_Lef=E8vre?="),
                          &problems)
            .bytes == "Thank Dr. Lef\xC3\xA8vre");
  // White space next to plain text stays.
  CHECK(DecodeHeaderValue(Raw("Re: =?utf-8?Q?caf=C3=A9?= visit"), &problems).bytes ==
        "Re: caf\xC3\xA9 visit");
  CHECK(DecodeHeaderValue(Raw("=?utf-8?Q?a?= b =?utf-8?Q?c?="), &problems).bytes == "a b c");
  // Not an encoded word (a space inside): left as it is.
  CHECK(DecodeHeaderValue(Raw("=?utf-8?Q?a b?="), &problems).bytes == "=?utf-8?Q?a b?=");
  CHECK(problems.empty());
}

// ---------------------------------------------------------------------------------------------
// Charsets

TEST_CASE("charset: windows-1252 =92 becomes U+2019 mapped to the escape", "[mime]") {
  std::vector<MimeProblem> problems;
  MappedText bytes = DecodeQuotedPrintable(Raw("I=92m here"), &problems);
  MappedText out = ToUtf8(bytes, "windows-1252", 0, &problems);
  CHECK(out.bytes == "I\xE2\x80\x99m here");
  CHECK(problems.empty());
  REQUIRE(out.origin.size() == 10);
  CHECK(out.origin[0] == Range{0, 1});
  CHECK(out.origin[1] == Range{1, 4});
  CHECK(out.origin[2] == Range{1, 4});
  CHECK(out.origin[3] == Range{1, 4});
  CHECK(out.origin[4] == Range{4, 5});
  // The name is case-insensitive, and cp1252 is an alias.
  CHECK(ToUtf8(Raw("\x93Hi\x94"), "Windows-1252", 0, &problems).bytes ==
        "\xE2\x80\x9CHi\xE2\x80\x9D");
  CHECK(ToUtf8(Raw("\x92"), "cp1252", 0, &problems).bytes == "\xE2\x80\x99");
  CHECK(problems.empty());
}

TEST_CASE("charset: iso-8859-1 é becomes two UTF-8 bytes mapped to its one raw byte", "[mime]") {
  std::vector<MimeProblem> problems;
  MappedText out = ToUtf8(Raw("caf\xE9 Lef\xE8vre", 50), "ISO-8859-1", 50, &problems);
  CHECK(out.bytes == "caf\xC3\xA9 Lef\xC3\xA8vre");
  CHECK(problems.empty());
  CHECK(out.origin[3] == Range{53, 54});
  CHECK(out.origin[4] == Range{53, 54});
  CHECK(out.origin[5] == Range{54, 55});
  CHECK(out.origin[9] == Range{58, 59});
  CHECK(out.origin[10] == Range{58, 59});
}

TEST_CASE("charset: utf-16 with a byte-order mark, both byte orders", "[mime]") {
  std::vector<MimeProblem> problems;
  MappedText le = ToUtf8(Raw(std::string("\xFF\xFEH\0i\0\x19\x20", 8)), "utf-16", 0, &problems);
  CHECK(le.bytes == "Hi\xE2\x80\x99");  // the BOM is not text
  REQUIRE(le.origin.size() == 5);
  CHECK(le.origin[0] == Range{2, 4});
  CHECK(le.origin[1] == Range{4, 6});
  CHECK(le.origin[2] == Range{6, 8});
  CHECK(le.origin[4] == Range{6, 8});
  MappedText be = ToUtf8(Raw(std::string("\xFE\xFF\0H\0i", 6)), "UTF-16", 0, &problems);
  CHECK(be.bytes == "Hi");
  CHECK(be.origin[1] == Range{4, 6});
  // A character outside the BMP: a surrogate pair is one character of four bytes.
  MappedText emoji = ToUtf8(Raw(std::string("\xFF\xFE\x3D\xD8\x00\xDE!\0", 8)), "utf-16", 0,
                            &problems);
  CHECK(emoji.bytes == "\xF0\x9F\x98\x80!");
  CHECK(emoji.origin[0] == Range{2, 6});
  CHECK(emoji.origin[4] == Range{6, 8});
  CHECK(problems.empty());
}

TEST_CASE("charset: an unknown charset is a problem at the given offset; read as UTF-8",
          "[mime]") {
  std::vector<MimeProblem> problems;
  MappedText out = ToUtf8(Raw("Dr. L\xC3\xA9vesque", 300), "x-unknown-42", 250, &problems);
  CHECK(out.bytes == "Dr. L\xC3\xA9vesque");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].raw_offset == 250);
  CHECK(problems[0].message == "unknown charset 'x-unknown-42'; read as UTF-8");
  CHECK(out.origin[5] == Range{305, 306});
}

TEST_CASE("charset: invalid UTF-8 becomes U+FFFD with one problem at the first bad byte",
          "[mime]") {
  std::vector<MimeProblem> problems;
  MappedText out = ToUtf8(Raw("caf\xE9 \xFF", 10), "utf-8", 10, &problems);
  CHECK(out.bytes == "caf\xEF\xBF\xBD \xEF\xBF\xBD");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].raw_offset == 13);
  CHECK(out.origin[3] == Range{13, 14});
  CHECK(out.origin[5] == Range{13, 14});
}

// ---------------------------------------------------------------------------------------------
// HTML to text

TEST_CASE("HTML: paragraphs become blank-line-separated blocks, <br> a line break, entities "
          "decoded, <style> dropped",
          "[mime]") {
  std::string html =
      "<html><head><style>p { margin: 0; }</style></head><body>\n"
      "<style>.sig { color: #555; }</style>\n"
      "<p>Dear Dr. Lee,</p>\n"
      "<p>The stroke &amp; neurocritical\n   care team&rsquo;s  rounds.</p>\n"
      "<p>Best regards,<br>\nAna Ruiz<br>ana@example.org</p>\n"
      "</body></html>\n";
  MappedText out = HtmlToText(Raw(html, 1000));
  CHECK(out.bytes ==
        "Dear Dr. Lee,\n\nThe stroke & neurocritical care team\xE2\x80\x99s rounds.\n\n"
        "Best regards,\nAna Ruiz\nana@example.org\n\n");
  uint32_t amp = At(out.bytes, "&");
  CHECK(out.origin[amp] == Range{1000 + At(html, "&amp;"), 1000 + At(html, "&amp;") + 5});
  uint32_t rsquo = At(out.bytes, "\xE2\x80\x99");
  CHECK(out.origin[rsquo + 2] ==
        Range{1000 + At(html, "&rsquo;"), 1000 + At(html, "&rsquo;") + 7});
  uint32_t dear = At(out.bytes, "Dear");
  CHECK(out.origin[dear] == Range{1000 + At(html, "Dear"), 1001 + At(html, "Dear")});
  // Comments go too.
  CHECK(HtmlToText(Raw("<div>A<!-- note -->B</div><div>C</div>")).bytes == "AB\n\nC\n\n");
}

TEST_CASE("HTML: numeric character references and &ndash; decode", "[mime]") {
  // What web composers write for an apostrophe, a dash and an accented name.
  std::string html = "<p>the program&#8217;s clinic &ndash; Montr&#xE9;al</p>";
  MappedText out = HtmlToText(Raw(html));
  CHECK(out.bytes == "the program\xE2\x80\x99s clinic \xE2\x80\x93 Montr\xC3\xA9" "al\n\n");
}

// ---------------------------------------------------------------------------------------------
// DecodeMessage

const char kAlternative[] =
    "From: Ana Ruiz <ana@example.org>\r\n"
    "Subject: Thank you\r\n"
    "Content-Type: multipart/alternative; boundary=\"000000000000a1b2c3\"\r\n"
    "\r\n"
    "--000000000000a1b2c3\r\n"
    "Content-Type: text/html; charset=\"UTF-8\"\r\n"
    "\r\n"
    "<div>HTML version</div>\r\n"
    "--000000000000a1b2c3\r\n"
    "Content-Type: text/plain; charset=\"UTF-8\"\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "Dear Dr. Lee,\r\n"
    "\r\n"
    "The lapa=\r\n"
    "roscopy caf=C3=A9.\r\n"
    "--000000000000a1b2c3--\r\n";

TEST_CASE("DecodeMessage: headers, then the text/plain part of a multipart/alternative",
          "[mime]") {
  std::string raw = kAlternative;
  MimeMessage m = DecodeMessage(raw);
  CHECK(m.problems.empty());
  CHECK(m.decoded.text ==
        "From: Ana Ruiz <ana@example.org>\n"
        "Subject: Thank you\n"
        "Content-Type: multipart/alternative; boundary=\"000000000000a1b2c3\"\n"
        "\n"
        "Dear Dr. Lee,\n\nThe laparoscopy caf\xC3\xA9.");
  const std::string& t = m.decoded.text;
  CHECK(RawOf(m, At(t, "Dear"), 4) == Range{At(raw, "Dear"), At(raw, "Dear") + 4});
  // The word split by the soft break starts on the raw line where it starts...
  CHECK(RawOf(m, At(t, "laparoscopy"), 1).begin == At(raw, "lapa="));
  // ...and its continuation maps past the "=\r\n".
  CHECK(RawOf(m, At(t, "roscopy"), 1).begin == At(raw, "roscopy"));
  CHECK(RawOf(m, At(t, "\xC3\xA9"), 2) == Range{At(raw, "=C3"), At(raw, "=C3") + 6});
  CHECK(RawOf(m, At(t, "Thank"), 5) == Range{At(raw, "Thank"), At(raw, "Thank") + 5});
}

TEST_CASE("DecodeMessage: the preamble and epilogue of a multipart are not text", "[mime]") {
  // Thunderbird writes a preamble line before the first boundary.
  std::string raw =
      "Content-Type: multipart/alternative;\r\n"
      " boundary=\"------------A1B2C3D4E5F6A7B8C9D0E1F2\"\r\n"
      "\r\n"
      "This is a multi-part message in MIME format.\r\n"
      "--------------A1B2C3D4E5F6A7B8C9D0E1F2\r\n"
      "Content-Type: text/plain; charset=UTF-8; format=flowed\r\n"
      "Content-Transfer-Encoding: 7bit\r\n"
      "\r\n"
      "Dear Dr. Lee,\r\n"
      "--------------A1B2C3D4E5F6A7B8C9D0E1F2--\r\n"
      "\r\n"
      "Epilogue.\r\n";
  MimeMessage m = DecodeMessage(raw);
  CHECK(m.problems.empty());
  CHECK(Body(m) == "Dear Dr. Lee,");
}

TEST_CASE("DecodeMessage: an encoded-word subject maps to where the encoded word starts",
          "[mime]") {
  std::string raw =
      "Subject: =?UTF-8?Q?Thank_you_=E2=80=93_Riverside?=\r\n"
      " =?UTF-8?Q?_interview?=\r\n"
      "To: Dr. Lee <lee@example.org>\r\n"
      "\r\n"
      "Dear Dr. Lee,\r\n";
  MimeMessage m = DecodeMessage(raw);
  CHECK(m.problems.empty());
  const std::string& t = m.decoded.text;
  CHECK(t.starts_with("Subject: Thank you \xE2\x80\x93 Riverside interview\nTo: Dr. Lee"));
  CHECK(RawOf(m, At(t, "Thank"), 5).begin == At(raw, "=?UTF-8?Q?Thank"));
  CHECK(RawOf(m, At(t, "Riverside"), 9).begin == At(raw, "=?UTF-8?Q?Thank"));
  CHECK(RawOf(m, At(t, " interview"), 10).begin == At(raw, "=?UTF-8?Q?_interview"));

  auto p = ParseString(raw, "note.eml");
  REQUIRE(p.doc->subject.has_value());
  CHECK(p.doc->Slice(*p.doc->subject) == "Thank you \xE2\x80\x93 Riverside interview");
  CHECK(p.doc->decoded.map.ToRaw(*p.doc->subject).begin == At(raw, "=?UTF-8"));
  CHECK(p.doc->headers.at("subject").value == "Thank you \xE2\x80\x93 Riverside interview");
}

TEST_CASE("DecodeMessage: base64 body, each decoded byte inside its raw group", "[mime]") {
  std::string raw =
      "Content-Type: text/plain; charset=utf-8\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "\r\n"
      "VGhhbmsg\r\n"
      "eW91IQ==\r\n";
  MimeMessage m = DecodeMessage(raw);
  CHECK(m.problems.empty());
  CHECK(Body(m) == "Thank you!");
  uint32_t you = At(m.decoded.text, "you");
  CHECK(RawOf(m, you, 1).begin == At(raw, "eW91"));
  CHECK(RawOf(m, you, 3).end <= At(raw, "eW91") + 4);
}

TEST_CASE("DecodeMessage: windows-1252 and iso-8859-1 bodies become UTF-8", "[mime]") {
  MimeMessage q = DecodeMessage(
      "Content-Type: text/plain; charset=\"windows-1252\"\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n"
      "\r\n"
      "I=92m grateful.\r\n");
  CHECK(q.problems.empty());
  CHECK(Body(q) == "I\xE2\x80\x99m grateful.\n");
  std::string raw =
      "Content-Type: text/plain; charset=ISO-8859-1\r\n"
      "Content-Transfer-Encoding: 8bit\r\n"
      "\r\n"
      "Dear Dr. Lef\xE8vre,\r\n";
  MimeMessage l = DecodeMessage(raw);
  CHECK(l.problems.empty());
  CHECK(Body(l) == "Dear Dr. Lef\xC3\xA8vre,\n");
  CHECK(RawOf(l, At(l.decoded.text, "\xC3\xA8"), 2) ==
        Range{At(raw, "\xE8"), At(raw, "\xE8") + 1});
}

TEST_CASE("DecodeMessage: a utf-16 body in base64 with a BOM; each CRLF is one line break",
          "[mime]") {
  // "Dear Dr. Lee,\r\n\r\nThank you.\r\n" in UTF-16LE with a BOM.
  std::u16string text = u"Dear Dr. Lee,\r\n\r\nThank you.\r\n";
  std::string bytes = "\xFF\xFE";
  for (char16_t c : text) {
    bytes.push_back(static_cast<char>(c & 0xFF));
    bytes.push_back(static_cast<char>(c >> 8));
  }
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b64;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    b64 += kAlphabet[(n >> 18) & 63];
    b64 += kAlphabet[(n >> 12) & 63];
    b64 += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    b64 += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  std::string raw =
      "Content-Type: text/plain; charset=\"utf-16\"\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "\r\n" +
      b64.substr(0, 40) + "\r\n" + b64.substr(40) + "\r\n";
  MimeMessage m = DecodeMessage(raw);
  CHECK(m.problems.empty());
  // Line ends are folded after the charset is decoded: "\r\0\n\0" is one CRLF, not two breaks.
  CHECK(Body(m) == "Dear Dr. Lee,\n\nThank you.\n");
  uint32_t body = At(raw, "\r\n\r\n") + 4;
  CHECK(RawOf(m, At(m.decoded.text, "Dear"), 1).begin == body);  // "//5E": BOM and 'D'
}

TEST_CASE("DecodeMessage: HTML-only message becomes paragraphs of text", "[mime]") {
  std::string raw =
      "Subject: Thanks\n"
      "Content-Type: text/html; charset=utf-8\n"
      "\n"
      "<html><head><style>p{margin:0}</style></head><body>"
      "<p>Dear Dr. Lee,</p><p>Q&amp;A with the residents.<br>Thanks again</p></body></html>\n";
  MimeMessage m = DecodeMessage(raw);
  CHECK(m.problems.empty());
  REQUIRE(Body(m) == "Dear Dr. Lee,\n\nQ&A with the residents.\nThanks again\n\n");
  CHECK(RawOf(m, At(m.decoded.text, "&"), 1) == Range{At(raw, "&amp;"), At(raw, "&amp;") + 5});
  CHECK(RawOf(m, At(m.decoded.text, "residents"), 9).begin == At(raw, "residents"));
}

TEST_CASE("DecodeMessage: an attachment is skipped even when it is text/plain", "[mime]") {
  std::string raw =
      "Content-Type: multipart/mixed; boundary=\"_004_X_\"\r\n"
      "\r\n"
      "--_004_X_\r\n"
      "Content-Type: text/plain; name=\"notes.txt\"\r\n"
      "Content-Disposition: attachment; filename=\"notes.txt\"\r\n"
      "\r\n"
      "Dear [Program Name], attached.\r\n"
      "--_004_X_\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "\r\n"
      "The real note.\r\n"
      "--_004_X_--\r\n";
  MimeMessage m = DecodeMessage(raw);
  CHECK(m.problems.empty());
  CHECK(Body(m) == "The real note.");

  // Only an attachment: nothing to lint, said at the body.
  std::string only =
      "Content-Type: multipart/mixed; boundary=b\r\n"
      "\r\n"
      "--b\r\n"
      "Content-Type: text/plain\r\n"
      "Content-Disposition: attachment; filename=cv.txt\r\n"
      "\r\n"
      "CV\r\n"
      "--b--\r\n";
  MimeMessage none = DecodeMessage(only);
  REQUIRE(none.problems.size() == 1);
  CHECK(none.problems[0].raw_offset == At(only, "--b\r\n"));
  CHECK(none.problems[0].message == "no text/plain or text/html part to lint");
}

TEST_CASE("DecodeMessage: an inline part whose file name says 'attachment' is still the body",
          "[mime]") {
  std::string raw =
      "Content-Type: multipart/mixed; boundary=b\r\n"
      "\r\n"
      "--b\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "Content-Disposition: inline; filename=\"thank-you-no-attachment.txt\"\r\n"
      "\r\n"
      "The real note.\r\n"
      "--b--\r\n";
  MimeMessage m = DecodeMessage(raw);
  CHECK(m.problems.empty());
  CHECK(Body(m) == "The real note.");
}

TEST_CASE("DecodeMessage: nested multipart/mixed > multipart/alternative > text/plain",
          "[mime]") {
  std::string raw =
      "Content-Type: multipart/mixed;\r\n"
      "\tboundary=\"_004_OUTER_\"\r\n"
      "\r\n"
      "--_004_OUTER_\r\n"
      "Content-Type: multipart/alternative;\r\n"
      "\tboundary=\"_000_INNER_\"\r\n"
      "\r\n"
      "--_000_INNER_\r\n"
      "Content-Type: text/plain; charset=\"windows-1252\"\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n"
      "\r\n"
      "Dear Dr. Whitaker,\r\n"
      "\r\n"
      "I=92m grateful.\r\n"
      "\r\n"
      "--_000_INNER_\r\n"
      "Content-Type: text/html; charset=\"windows-1252\"\r\n"
      "\r\n"
      "<p>HTML</p>\r\n"
      "--_000_INNER_--\r\n"
      "\r\n"
      "--_004_OUTER_\r\n"
      "Content-Type: application/pdf; name=\"cv.pdf\"\r\n"
      "Content-Disposition: attachment; filename=\"cv.pdf\"\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "\r\n"
      "JVBERi0xLjQK\r\n"
      "--_004_OUTER_--\r\n";
  MimeMessage m = DecodeMessage(raw);
  CHECK(m.problems.empty());
  CHECK(Body(m) == "Dear Dr. Whitaker,\n\nI\xE2\x80\x99m grateful.\n");
  CHECK(RawOf(m, At(m.decoded.text, "grateful"), 8).begin == At(raw, "grateful"));
  CHECK(RawOf(m, At(m.decoded.text, "\xE2\x80\x99"), 3) ==
        Range{At(raw, "=92"), At(raw, "=92") + 3});
}

// ---------------------------------------------------------------------------------------------
// DecodeMessage on broken input: a located problem, and the text that can be read.

TEST_CASE("DecodeMessage broken: truncated inside a part, no closing boundary", "[mime]") {
  std::string raw =
      "Content-Type: multipart/alternative; boundary=\"b1\"\r\n"
      "\r\n"
      "--b1\r\n"
      "Content-Type: text/plain; charset=UTF-8\r\n"
      "\r\n"
      "Dear Dr. Lee,\r\n"
      "\r\n"
      "Our talk about regional anesthesia reminded me of my";
  MimeMessage m = DecodeMessage(raw);
  REQUIRE(m.problems.size() == 1);
  CHECK(m.problems[0].raw_offset == raw.size());
  CHECK(m.problems[0].message == "multipart message is truncated: no closing boundary");
  CHECK(Body(m) == "Dear Dr. Lee,\n\nOur talk about regional anesthesia reminded me of my");
}

TEST_CASE("DecodeMessage broken: multipart without a boundary parameter", "[mime]") {
  std::string raw =
      "Content-Type: multipart/alternative\r\n"
      "\r\n"
      "Dear Dr. Lee,\r\n";
  MimeMessage m = DecodeMessage(raw);
  REQUIRE(m.problems.size() == 1);
  CHECK(m.problems[0].raw_offset == At(raw, "Dear"));
  // No "--" line to take as the delimiter either: the body is read as text.
  CHECK(m.problems[0].message == "multipart message without a boundary");
  CHECK(Body(m) == "Dear Dr. Lee,\n");
}

TEST_CASE("DecodeMessage broken: a boundary that never appears", "[mime]") {
  std::string raw =
      "Content-Type: multipart/alternative; boundary=\"never\"\r\n"
      "\r\n"
      "--other\r\n"
      "\r\n"
      "Dear Dr. Lee,\r\n";
  MimeMessage m = DecodeMessage(raw);
  // The first "--" line is taken as the real delimiter: its part (with no closing line) is
  // read, so the note is linted without the boundary line.
  REQUIRE(m.problems.size() == 2);
  CHECK(m.problems[0].raw_offset == At(raw, "--other"));
  CHECK(m.problems[0].message == "boundary 'never' never appears");
  CHECK(m.problems[1].message == "multipart message is truncated: no closing boundary");
  CHECK(Body(m) == "Dear Dr. Lee,\n");
}

TEST_CASE("DecodeMessage broken: invalid base64 characters, unknown charset, unknown encoding",
          "[mime]") {
  std::string raw =
      "Content-Type: text/plain; charset=utf-8\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "\r\n"
      "VGhh*bmsg\r\n";
  MimeMessage b = DecodeMessage(raw);
  REQUIRE(b.problems.size() == 1);
  CHECK(b.problems[0].raw_offset == At(raw, "*"));
  CHECK(b.problems[0].message == "invalid base64 character; skipped");
  CHECK(Body(b) == "Thank ");

  std::string cs =
      "Content-Type: text/plain; charset=x-unknown-42\r\n"
      "\r\n"
      "Dear Dr. L\xC3\xA9vesque,\r\n";
  MimeMessage c = DecodeMessage(cs);
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0].raw_offset == At(cs, "Dear"));
  CHECK(c.problems[0].message == "unknown charset 'x-unknown-42'; read as UTF-8");
  CHECK(Body(c) == "Dear Dr. L\xC3\xA9vesque,\n");

  std::string te =
      "Content-Type: text/plain\r\n"
      "Content-Transfer-Encoding: x-uuencode\r\n"
      "\r\n"
      "Dear Dr. Lee,\r\n";
  MimeMessage u = DecodeMessage(te);
  REQUIRE(u.problems.size() == 1);
  CHECK(u.problems[0].raw_offset == At(te, "Dear"));
  CHECK(Body(u) == "Dear Dr. Lee,\n");
}

TEST_CASE("DecodeMessage broken: headers with no blank line before the body", "[mime]") {
  std::string raw =
      "Subject: Thank you\r\n"
      "Content-Type: text/plain; charset=UTF-8\r\n"
      "Dear Dr. Lee,\r\n"
      "\r\n"
      "Thank you.\r\n";
  MimeMessage m = DecodeMessage(raw);
  REQUIRE(m.problems.size() == 1);
  CHECK(m.problems[0].raw_offset == At(raw, "Dear"));
  CHECK(m.problems[0].message ==
        "header block ends without a blank line; reading the body from here");
  CHECK(m.decoded.text ==
        "Subject: Thank you\nContent-Type: text/plain; charset=UTF-8\n\n"
        "Dear Dr. Lee,\n\nThank you.\n");
}

TEST_CASE("DecodeMessage broken: a salutation with a colon right after the headers is body, "
          "not a header",
          "[mime]") {
  // RFC 5322 2.2: a field name is printable ASCII without spaces; "Dear Dr. Lee" is not one.
  std::string raw =
      "Subject: Thank you\r\n"
      "Content-Type: text/plain; charset=UTF-8\r\n"
      "Dear Dr. Lee:\r\n"
      "\r\n"
      "Thank you.\r\n";
  MimeMessage m = DecodeMessage(raw);
  REQUIRE(m.problems.size() == 1);
  CHECK(m.problems[0].raw_offset == At(raw, "Dear"));
  CHECK(Body(m) == "Dear Dr. Lee:\n\nThank you.\n");
}

TEST_CASE("DecodeMessage broken: headers only, no body", "[mime]") {
  std::string raw = "Subject: Thank you\r\nTo: lee@example.org\r\n";
  MimeMessage m = DecodeMessage(raw);
  REQUIRE(m.problems.size() == 1);
  CHECK(m.problems[0].raw_offset == raw.size());
  CHECK(m.problems[0].message == "message has no body");
  CHECK(m.decoded.text == "Subject: Thank you\nTo: lee@example.org\n");
}

TEST_CASE("ParseDocument .eml: a problem in an encoded-word subject is located at that word",
          "[mime]") {
  std::string raw =
      "From: Ana Ruiz <ana@example.org>\r\n"
      "Subject: =?x-unknown-42?Q?Thank_you?=\r\n"
      "\r\n"
      "Dear Dr. Lee,\r\n";
  auto p = ParseString(raw, "note.eml");
  REQUIRE(p.outcome.problems.size() == 1);
  CHECK(p.outcome.problems[0].message == "unknown charset 'x-unknown-42'; read as UTF-8");
  Range at = p.doc->decoded.map.ToRaw(p.outcome.problems[0].range);
  CHECK(at.begin == At(raw, "=?x-unknown"));
}

TEST_CASE("ParseDocument .eml: a MIME problem is located at its exact raw offset", "[mime]") {
  // The problem is at the '*'; it has no decoded text of its own, but the warning must still
  // point at it, not at the next group that decodes.
  std::string raw =
      "Content-Type: text/plain; charset=utf-8\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "\r\n"
      "VGhhbmsg*#!eW91\r\n";
  auto p = ParseString(raw, "note.eml");
  REQUIRE(p.outcome.problems.size() == 1);
  CHECK(p.outcome.problems[0].message == "invalid base64 character; skipped");
  // No decoded text comes from the '*', so the problem carries its raw offset itself.
  REQUIRE(p.outcome.problems[0].raw_offset);
  CHECK(*p.outcome.problems[0].raw_offset == At(raw, "*"));
}

TEST_CASE("LineIndex on an 8bit .eml: a raw windows-1252 or iso-8859-1 byte is one column",
          "[mime]") {
  // The raw line is not UTF-8: its bytes 0x80-0xBF are characters of the file's charset (here
  // U+2019 and U+00B0), not UTF-8 continuation bytes, and each is one column.
  std::string raw =
      "Content-Type: text/plain; charset=\"windows-1252\"\r\n"
      "Content-Transfer-Encoding: 8bit\r\n"
      "\r\n"
      "I\x92m glad the program\x92s 360\xB0 review helps.\r\n";
  auto p = ParseString(raw, "note.eml");
  REQUIRE(p.outcome.problems.empty());
  LineIndex index(*p.doc);
  CHECK(index.Locate(At(raw, "glad")).line == 4);
  CHECK(index.Locate(At(raw, "glad")).column == 5);
  CHECK(index.Locate(At(raw, "review")).column == 29);
}

// ---------------------------------------------------------------------------------------------
// Through ParseDocument: replies and signatures

TEST_CASE("ParseDocument .eml: quoted lines and everything after 'On ... wrote:' are masked "
          "and outside the note",
          "[mime][parse]") {
  std::string raw =
      "Subject: Re: Thank you for interviewing\r\n"
      "Content-Type: text/plain; charset=\"UTF-8\"\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n"
      "\r\n"
      "Dear Dr. Lindqvist,\r\n"
      "\r\n"
      "> You asked about [Topic].\r\n"
      "Thank you for the consultation-liaison rounds.\r\n"
      "\r\n"
      "Best regards,\r\n"
      "Hannah Cho\r\n"
      "\r\n"
      "On Tue, Jan 7, 2025 at 9:14 AM Dr. Maya Lindqvist <mlindqvist@northfield.exam=\r\n"
      "ple.org> wrote:\r\n"
      "\r\n"
      "> Dear [Last Name],\r\n"
      ">\r\n"
      "> I hope this email finds you well.\r\n";
  auto p = ParseString(raw, "reply.eml");
  const Document& doc = *p.doc;
  CHECK(p.outcome.problems.empty());
  const std::string& t = doc.text();
  uint32_t quote = At(t, "> You asked");
  uint32_t on = At(t, "On Tue");
  CHECK(t.substr(on, t.find('\n', on) - on) ==
        "On Tue, Jan 7, 2025 at 9:14 AM Dr. Maya Lindqvist <mlindqvist@northfield.example.org> "
        "wrote:");
  CHECK(doc.note == Range{At(t, "Dear"), on});
  REQUIRE(doc.quoted.size() == 2);
  CHECK(doc.quoted[0] == Range{quote, At(t, "\n", quote)});
  CHECK(doc.quoted[1] == Range{on, static_cast<uint32_t>(t.size())});
  REQUIRE(doc.lintable.size() == t.size());
  // Masked: spaces, newlines kept.
  std::string masked = doc.lintable.substr(on);
  for (size_t i = 0; i < masked.size(); ++i) {
    INFO("offset " << on + i);
    CHECK(masked[i] == (t[on + i] == '\n' ? '\n' : ' '));
  }
  CHECK(doc.lintable.substr(quote, 26) == std::string(26, ' '));
  CHECK(doc.lintable.find("[Last Name]") == std::string::npos);
  CHECK(doc.lintable.find("finds you well") == std::string::npos);
  CHECK(doc.lintable.find("[Topic]") == std::string::npos);
  // The applicant's own lines are not masked.
  uint32_t thanks = At(t, "Thank you for the consultation");
  CHECK(doc.lintable.substr(thanks, 9) == "Thank you");
  REQUIRE(doc.signoff.has_value());
  CHECK(doc.Slice(*doc.signoff) == "Best regards,");
}

TEST_CASE("ParseDocument .eml: an 'On ... wrote:' attribution wrapped onto two lines ends the "
          "note where it starts",
          "[mime][parse]") {
  // Gmail's text/plain breaks a long attribution before the address.
  std::string raw =
      "Subject: Re: Thank you for interviewing\r\n"
      "Content-Type: text/plain; charset=\"UTF-8\"\r\n"
      "\r\n"
      "Dear Dr. Lindqvist,\r\n"
      "\r\n"
      "Thank you for the consultation-liaison rounds.\r\n"
      "\r\n"
      "Best regards,\r\n"
      "Hannah Cho\r\n"
      "\r\n"
      "On Tue, Jan 7, 2025 at 9:14 AM Dr. Maya Lindqvist <\r\n"
      "mlindqvist@northfield.example.org> wrote:\r\n"
      "\r\n"
      "> Dear [Last Name],\r\n";
  auto p = ParseString(raw, "reply.eml");
  const Document& doc = *p.doc;
  const std::string& t = doc.text();
  uint32_t on = At(t, "On Tue");
  CHECK(doc.note.end == on);
  REQUIRE(!doc.quoted.empty());
  CHECK(doc.quoted.back() == Range{on, static_cast<uint32_t>(t.size())});
  CHECK(doc.lintable.find("On Tue") == std::string::npos);
  REQUIRE(doc.signature.has_value());
  CHECK(doc.Slice(*doc.signature) == "Hannah Cho");
}

TEST_CASE("ParseDocument .eml: Outlook's reply separator and From:/Sent: block end the note",
          "[mime][parse]") {
  // Outlook (desktop and web) quotes the message it answers below a line of underscores and a
  // From/Sent/To/Subject block, without "> " marks.
  std::string raw =
      "Subject: RE: Thank you for interviewing with Northfield Psychiatry\r\n"
      "Content-Type: text/plain; charset=\"us-ascii\"\r\n"
      "\r\n"
      "Dear Dr. Lindqvist,\r\n"
      "\r\n"
      "Thank you for the consultation-liaison rounds.\r\n"
      "\r\n"
      "Best regards,\r\n"
      "Hannah Cho\r\n"
      "\r\n"
      "________________________________\r\n"
      "From: Maya Lindqvist <mlindqvist@northfield.example.org>\r\n"
      "Sent: Tuesday, January 7, 2025 9:14 AM\r\n"
      "To: Hannah Cho <hannah.cho@med.example.edu>\r\n"
      "Subject: Thank you for interviewing with Northfield Psychiatry\r\n"
      "\r\n"
      "Dear [Last Name],\r\n"
      "\r\n"
      "I hope this email finds you well.\r\n";
  auto p = ParseString(raw, "reply.eml");
  const Document& doc = *p.doc;
  const std::string& t = doc.text();
  uint32_t rule = At(t, "____");
  CHECK(doc.note.end == rule);
  CHECK(doc.lintable.find("[Last Name]") == std::string::npos);
  CHECK(doc.lintable.find("finds you well") == std::string::npos);
}

TEST_CASE("ParseDocument .eml: the lines after a '-- ' delimiter are the signature",
          "[mime][parse]") {
  std::string raw =
      "Subject: Thank you for the pediatrics interview\r\n"
      "Content-Type: text/plain; charset=UTF-8; format=flowed\r\n"
      "Content-Transfer-Encoding: 7bit\r\n"
      "\r\n"
      "Dear Dr. Nakamura,\r\n"
      "\r\n"
      "Thank you for showing me the complex care clinic.\r\n"
      "\r\n"
      "Sincerely,\r\n"
      "Jordan Ellis\r\n"
      "-- \r\n"
      "Jordan Ellis, MS4\r\n"
      "jordan.ellis@cvsom.example.edu | (503) 555-0148\r\n";
  auto p = ParseString(raw, "sig.eml");
  const Document& doc = *p.doc;
  const std::string& t = doc.text();
  REQUIRE(doc.signature_delimiter.has_value());
  CHECK(*doc.signature_delimiter == At(t, "-- \n"));
  REQUIRE(doc.signature.has_value());
  CHECK(doc.signature->end == At(t, "0148") + 4);
  CHECK(doc.Slice(*doc.signature).ends_with(
      "Jordan Ellis, MS4\njordan.ellis@cvsom.example.edu | (503) 555-0148"));
  CHECK(doc.signature->begin <= At(t, "Jordan Ellis, MS4"));

  // Quoted-printable writes the delimiter's trailing space as "=20".
  std::string qp =
      "Content-Type: text/plain; charset=UTF-8\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n"
      "\r\n"
      "Dear Dr. Nakamura,\r\n"
      "\r\n"
      "Thank you for showing me the complex care clinic.\r\n"
      "\r\n"
      "Sincerely,\r\n"
      "Jordan Ellis\r\n"
      "--=20\r\n"
      "Jordan Ellis, MS4\r\n"
      "(503) 555-0148\r\n";
  auto q = ParseString(qp, "sig.eml");
  REQUIRE(q.doc->signature_delimiter.has_value());
  CHECK(*q.doc->signature_delimiter == At(q.doc->text(), "-- \n"));
  REQUIRE(q.doc->signature.has_value());
  CHECK(q.doc->Slice(*q.doc->signature).ends_with("Jordan Ellis, MS4\n(503) 555-0148"));
}

}  // namespace
}  // namespace fulint
