#include "spelling/words.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>
#include <cctype>
#include <cstdint>

namespace fulint {

std::string ToNfc(std::string_view s) {
  bool ascii = true;
  for (char c : s) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(s);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  icu::UnicodeString normalized = nfc->normalize(in, status);
  if (U_FAILURE(status)) return std::string(s);
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

// ASCII tests written out: the program runs in the "C" locale, where <cctype> means exactly
// these, and the calls were a few percent of spelling a long file.
namespace {
bool Upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool Lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
}  // namespace

bool HasLatinLetter(std::string_view s) {
  for (char c : s)
    if (Upper(static_cast<unsigned char>(c)) || Lower(static_cast<unsigned char>(c))) return true;
  return false;
}

std::string NormalizeApostrophes(std::string_view s) {
  // Most text has none of the three: then it is a plain copy (dictionary word lists are read
  // through here, a line at a time, when the rules load).
  bool any = false;
  for (char c : s)
    if (c == '\xE2' || c == '\xCA') {
      any = true;
      break;
    }
  if (!any) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i).starts_with("\xE2\x80\x99") || s.substr(i).starts_with("\xE2\x80\x98")) {
      out += '\'';
      i += 2;
    } else if (s.substr(i).starts_with("\xCA\xBC")) {
      out += '\'';
      i += 1;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool IsCapitalized(std::string_view s) {
  if (s.empty() || !Upper(static_cast<unsigned char>(s[0]))) return false;
  for (size_t i = 1; i < s.size(); ++i)
    if (Lower(static_cast<unsigned char>(s[i]))) return true;
  return false;
}

bool IsAllCaps(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (Lower(u)) return false;
    if (Upper(u)) ++letters;
  }
  return letters >= 2;
}

bool HasDigit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

namespace {
enum : uint8_t { kUpper = 1, kLower = 2, kDigit = 4, kDotOrUnderscore = 8 };
constexpr auto kShapeBits = [] {
  std::array<uint8_t, 256> bits{};
  for (int c = 'A'; c <= 'Z'; ++c) bits[c] = kUpper;
  for (int c = 'a'; c <= 'z'; ++c) bits[c] = kLower;
  for (int c = '0'; c <= '9'; ++c) bits[c] = kDigit;
  bits['.'] = bits['_'] = kDotOrUnderscore;
  return bits;
}();
}  // namespace

WordShape ShapeOf(std::string_view s) {
  WordShape shape;
  if (s.empty()) return shape;
  // One table load and one OR a byte; the upper-case letters are counted only for a word
  // with no lower-case one (few are).
  const uint8_t first = kShapeBits[static_cast<unsigned char>(s[0])];
  uint8_t rest = 0;
  for (size_t i = 1; i < s.size(); ++i) rest |= kShapeBits[static_cast<unsigned char>(s[i])];
  const uint8_t seen = first | rest;
  shape.latin_letter = (seen & (kUpper | kLower)) != 0;
  shape.digit = (seen & kDigit) != 0;
  shape.capitalized = first == kUpper && (rest & kLower) != 0;
  shape.dot_or_underscore = (seen & kDotOrUnderscore) != 0;
  if (!(seen & kLower) && (rest & kUpper)) {
    int uppers = 0;
    for (char c : s) uppers += Upper(static_cast<unsigned char>(c));
    shape.all_caps = uppers >= 2;
  }
  return shape;
}

}  // namespace fulint
