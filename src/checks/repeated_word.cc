#include "checks/repeated_word.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <type_traits>

#include "base/ascii.h"
#include "checks/existence.h"

namespace fulint {
namespace {

// PCRE2 10.42 with UCP: [[:alpha:]] is \p{L}; \w (and so \b) is \p{L}, \p{N} and '_'.
bool IsLetter(UChar32 c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(c);
}
bool IsWordChar(UChar32 c) {
  if (c < 0x80) return IsLetter(c) || (c >= '0' && c <= '9') || c == '_';
  return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_N_MASK) != 0;
}

// The code point at `*i` (U+FFFD for a malformed byte, which is neither letter nor word
// character), moving `*i` past it.
UChar32 Next(std::string_view t, uint32_t end, uint32_t* i) {
  int32_t at = static_cast<int32_t>(*i);
  UChar32 c;
  U8_NEXT(t.data(), at, static_cast<int32_t>(end), c);
  *i = static_cast<uint32_t>(at);
  return c < 0 ? 0xFFFD : c;
}

UChar32 Fold(UChar32 c, bool ignore_case) {
  if (!ignore_case) return c;
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return u_foldCase(c, U_FOLD_CASE_DEFAULT);
}

// After a copy ends at `at` (with the word's first copy in text[first]): the space before the
// next copy and the copy itself; the end of that copy, or 0 when there is none.
uint32_t NextCopy(std::string_view t, uint32_t end, Range first, uint32_t at, bool ignore_case) {
  // Spaces and tabs with at most one line break; at least one character.
  uint32_t i = at;
  bool newline = false;
  while (i < end && (t[i] == ' ' || t[i] == '\t' || (t[i] == '\n' && !newline))) {
    newline |= t[i] == '\n';
    ++i;
  }
  if (i == at || i >= end) return 0;
  // Nearly every word differs from the next in its first byte: tell that without decoding.
  const unsigned char a = static_cast<unsigned char>(t[first.begin]);
  const unsigned char g = static_cast<unsigned char>(t[i]);
  if (a < 0x80 && g < 0x80 && Fold(a, ignore_case) != Fold(g, ignore_case)) return 0;
  // The same letters, then no word character.
  for (uint32_t w = first.begin; w < first.end;) {
    if (i >= end) return 0;
    UChar32 want = Next(t, first.end, &w);
    UChar32 got = Next(t, end, &i);
    if (Fold(want, ignore_case) != Fold(got, ignore_case)) return 0;
  }
  if (i < end) {
    uint32_t j = i;
    if (IsWordChar(Next(t, end, &j))) return 0;
  }
  return i;
}

class RepeatedWord : public Check {
 public:
  bool ignore_case = false;
  bool fix_safe = false, has_fix = false;
  std::vector<std::string> exceptions;  // lower-cased when ignoring case

  void Run(LintContext& ctx, const std::vector<Range>& units,
           std::vector<Finding>* out) const override {
    std::string_view text = ctx.view();
    const Document& doc = ctx.doc();
    for (const Range& unit : units) {
      for (const RepeatedWordMatch& m : FindRepeatedWords(text, unit, ignore_case)) {
        std::string matched(text.substr(m.whole.begin, m.whole.size()));
        std::string key = ignore_case ? LowerAscii(matched) : matched;
        if (std::find(exceptions.begin(), exceptions.end(), key) != exceptions.end()) continue;
        std::vector<Fix> fixes;
        if (has_fix) {
          std::string first(text.substr(m.first.begin, m.first.size()));
          fixes.push_back({"Replace with '" + first + "'",
                           {{m.whole, first}},
                           fix_safe && IsUnmaskedMatch(doc, m.whole)});
        }
        out->push_back({m.whole, {matched}, std::move(fixes), ""});
      }
    }
  }
};

}  // namespace

namespace {

// What the scan needs to know of a byte: ASCII letters, ASCII digits and '_' (word characters
// that are not letters), the first bytes of multi-byte characters (decoded to tell), and the
// rest. One table load a byte instead of range checks: this scan reads every byte of a note.
enum ByteKind : uint8_t { kOtherByte, kAsciiLetter, kAsciiWordChar, kMultiByte };
constexpr auto kByteKinds = [] {
  std::array<uint8_t, 256> kinds{};
  for (int b = 0; b < 256; ++b) {
    if (b >= 0x80) kinds[b] = kMultiByte;
    else if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') kinds[b] = kAsciiLetter;
    else if ((b >= '0' && b <= '9') || b == '_') kinds[b] = kAsciiWordChar;
  }
  return kinds;
}();

}  // namespace

std::vector<RepeatedWordMatch> FindRepeatedWords(std::string_view text, Range within,
                                                 bool ignore_case) {
  std::vector<RepeatedWordMatch> found;
  const uint32_t end = std::min<uint32_t>(within.end, static_cast<uint32_t>(text.size()));
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  bool after_word_char = false;  // \b: the text before `within` does not count, as for a regex
  uint32_t i = within.begin;
  while (i < end) {
    // The common case first: ASCII that is not a letter.
    uint8_t kind = kByteKinds[bytes[i]];
    if (kind == kOtherByte || kind == kAsciiWordChar) {
      after_word_char = kind == kAsciiWordChar;
      ++i;
      continue;
    }
    uint32_t start = i;
    if (kind == kMultiByte) {
      UChar32 c = Next(text, end, &i);
      if (!IsLetter(c)) {
        after_word_char = IsWordChar(c);
        continue;
      }
    } else {
      ++i;
    }
    // A run of letters (ASCII ones a byte at a time, without decoding).
    uint32_t run_end = i;
    while (run_end < end) {
      kind = kByteKinds[bytes[run_end]];
      if (kind == kAsciiLetter) {
        ++run_end;
        continue;
      }
      if (kind != kMultiByte) break;
      uint32_t j = run_end;
      if (!IsLetter(Next(text, end, &j))) break;
      run_end = j;
    }
    bool starts_word = !after_word_char;
    after_word_char = true;
    i = run_end;
    if (!starts_word) continue;
    Range first{start, run_end};
    uint32_t copy_end = run_end, next;
    while ((next = NextCopy(text, end, first, copy_end, ignore_case)) != 0) copy_end = next;
    if (copy_end == run_end) continue;
    found.push_back({{start, copy_end}, first});
    i = copy_end;  // the search goes on after the match, as a regex's does
  }
  return found;
}

std::unique_ptr<Check> LoadRepeatedWord(YamlReader& reader, const std::string& /*rule_dir*/) {
  auto check = std::make_unique<RepeatedWord>();
  if (!reader.Bool("ignorecase", &check->ignore_case) ||
      !reader.Strings("exceptions", &check->exceptions))
    return nullptr;
  if (check->ignore_case)
    for (auto& e : check->exceptions) e = LowerAscii(e);
  const YamlValue& fix = reader.Get("fix");
  if (fix) {
    bool ok = fix.IsMap();
    static const std::remove_cvref_t<decltype(fix.entries())> kNone;
    for (const auto& kv : ok ? fix.entries() : kNone) {
      if (kv.first.IsScalar() && kv.first.text() == "safe" && kv.second.IsScalar() &&
          kv.second.AsBool(&check->fix_safe))
        continue;
      ok = false;
    }
    if (!ok) {
      reader.Error(fix.Mark(),
                   "a repeated_word rule's 'fix' is {safe: true} or {safe: false} "
                   "(the fix keeps the first copy)");
      return nullptr;
    }
    check->has_fix = true;
  }
  return check;
}

}  // namespace fulint
