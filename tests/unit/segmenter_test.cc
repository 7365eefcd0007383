// The ASCII fast path of Segmenter::Words gives exactly ICU's words: on every fixture draft and
// on random text made of the characters its rules treat specially.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "segment/segmenter.h"

using fulint::Range;
using fulint::Segmenter;

namespace {

bool IsAscii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

std::vector<std::string> Texts(const std::string& text, const std::vector<Range>& ranges) {
  std::vector<std::string> out;
  for (Range r : ranges) out.push_back(text.substr(r.begin, r.size()));
  return out;
}

TEST_CASE("segmenter: mixed ASCII and non-ASCII chunks agree with ICU", "[segment]") {
  // Words() sends only the white-space-separated chunks with '@', '_' or non-ASCII to ICU.
  Segmenter s;
  std::mt19937 rng(20261204);
  const std::vector<std::string> pieces = {
      "a", "Z", "0", "9", "_", ".", "'", ",", ":", "-", " ", "  ", "\n", "\t", "@", "!",
      "\xC3\xA9",          // é
      "\xE2\x80\x99",      // ’
      "\xCC\x81",          // combining acute accent
      "\xF0\x9F\x98\x80",  // emoji
      "\xE6\x97\xA5",      // CJK
      "\xC2\xA0"};         // no-break space
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    int n = 1 + static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    Range all{0, static_cast<uint32_t>(text.size())};
    INFO("text: \"" << text << "\"");
    REQUIRE(s.Words(text, all) == s.IcuWords(text, all));
  }
}

}  // namespace

TEST_CASE("segmenter: ASCII words as ICU splits them", "[segment]") {
  Segmenter s;
  std::string text = "Dr. O'Neil's e.g. 3.14, 1,000; PGY-2 don't a:b x.5 it's--fine";
  CHECK(Texts(text, s.Words(text, {0, static_cast<uint32_t>(text.size())})) ==
        Texts(text, s.IcuWords(text, {0, static_cast<uint32_t>(text.size())})));
  CHECK(Texts(text, s.Words(text, {0, 14})) ==
        std::vector<std::string>{"Dr", "O'Neil's", "e"});
}

TEST_CASE("segmenter: the ASCII fast path agrees with ICU on every fixture", "[segment]") {
  Segmenter s;
  size_t compared = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::string(FULINT_SOURCE_DIR) + "/tests/fixtures")) {
    if (!entry.is_regular_file() || entry.path().extension() == ".expected") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    if (!IsAscii(text)) continue;
    Range all{0, static_cast<uint32_t>(text.size())};
    INFO(entry.path().string());
    CHECK(s.Words(text, all) == s.IcuWords(text, all));
    ++compared;
  }
  CHECK(compared > 20);
}

TEST_CASE("segmenter: the ASCII fast path agrees with ICU on random text", "[segment]") {
  Segmenter s;
  std::mt19937 rng(12345);
  const std::string alphabet = "aZ09_.',:;- \n\t!?\"()/@#%&=+~*$`[]{}<>|\\";
  for (int round = 0; round < 20000; ++round) {
    std::string text(1 + rng() % 24, ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    Range all{0, static_cast<uint32_t>(text.size())};
    INFO("text: \"" << text << "\"");
    REQUIRE(s.Words(text, all) == s.IcuWords(text, all));
  }
}
