#include "segment/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <array>
#include <cctype>
#include <cstdint>

#include "base/byte_words.h"

namespace fulint {
namespace {

// Runs `iter` over text[within] and calls `emit(begin, end, status)` per segment with offsets
// into `text`. UText over UTF-8 reports native (byte) indexes, so no offset conversion.
template <typename Emit>
void Walk(icu::BreakIterator* iter, const char* data, Range within, Emit emit) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, data + within.begin, within.size(), &status);
  if (U_FAILURE(status)) return;
  iter->setText(ut, status);
  if (U_SUCCESS(status)) {
    int32_t start = iter->first();
    for (int32_t end = iter->next(); end != icu::BreakIterator::DONE; start = end, end = iter->next()) {
      emit(within.begin + static_cast<uint32_t>(start), within.begin + static_cast<uint32_t>(end),
           iter->getRuleStatus());
    }
  }
  utext_close(ut);
}

}  // namespace

// The break iterators are made on first use: most drafts are ASCII and never need the word
// iterator, and making both took about a millisecond of a one-draft run.
Segmenter::Segmenter() = default;

icu::BreakIterator* Segmenter::SentenceIterator() {
  if (!sentences_made_) {
    sentences_made_ = true;
    UErrorCode status = U_ZERO_ERROR;
    // "ss=standard" suppresses breaks after common abbreviations such as "Dr." and "e.g.".
    sentences_.reset(icu::BreakIterator::createSentenceInstance(
        icu::Locale("en_US@ss=standard"), status));
    if (U_FAILURE(status)) sentences_.reset();
  }
  return sentences_.get();
}

icu::BreakIterator* Segmenter::WordIterator() {
  if (!words_made_) {
    words_made_ = true;
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getUS(), status));
    if (U_FAILURE(status)) words_.reset();
  }
  return words_.get();
}

Segmenter::~Segmenter() = default;

std::vector<Range> Segmenter::Sentences(const std::string& text, Range within) {
  std::vector<Range> out;
  if (within.empty() || !SentenceIterator()) return out;
  // Single line breaks are wrapping, not sentence ends: hide them from ICU (same length).
  std::string flat = text.substr(within.begin, within.size());
  for (size_t i = 0; i < flat.size(); ++i) {
    bool blank_line_next = i + 1 < flat.size() && flat[i + 1] == '\n';
    bool blank_line_prev = i > 0 && flat[i - 1] == '\n';
    if (flat[i] == '\n' && !blank_line_next && !blank_line_prev) flat[i] = ' ';
  }
  Walk(SentenceIterator(), flat.data() - within.begin, within,
       [&](uint32_t b, uint32_t e, int32_t) {
         while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
         while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
         if (b < e) out.push_back({b, e});
       });
  return out;
}

namespace {

// The Unicode word-break classes (UAX #29) of ASCII characters that words are made of.
enum class WordClass { kOther, kLetter, kNumeric, kMidNum, kMidNumLet };

constexpr WordClass ClassOfByte(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return WordClass::kLetter;
  if (c >= '0' && c <= '9') return WordClass::kNumeric;
  switch (c) {
    case ',': case ';': return WordClass::kMidNum;
    case '.': case '\'': return WordClass::kMidNumLet;
    default: return WordClass::kOther;
  }
}

// A table, not calls to isalpha and isdigit: this runs for every byte of every draft.
constexpr auto kClassTable = [] {
  std::array<WordClass, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = ClassOfByte(static_cast<unsigned char>(c));
  return t;
}();

inline WordClass ClassOf(unsigned char c) { return kClassTable[c]; }

// ICU's word breaks for pure-ASCII text, written out: about ten times cheaper than the break
// iterator, and a re-lint in an editor segments every word of the draft. Letters and digits
// run together (WB5, WB8-WB10), and a letter or digit continues across one inner '.' or '\''
// (letters; ICU's en_US rules leave ':' out) or ',', ';', '.', '\'' (digits) when the same kind
// follows (WB6/WB7, WB11/WB12).
// tests/unit/segmenter_test.cc checks it against ICU on fixtures and random text.
void AsciiWords(const std::string& text, Range within, std::vector<Range>* out) {
  auto is_alnum = [](WordClass k) { return k == WordClass::kLetter || k == WordClass::kNumeric; };
  uint32_t i = within.begin;
  while (i < within.end) {
    WordClass k = ClassOf(static_cast<unsigned char>(text[i]));
    if (!is_alnum(k)) {
      ++i;
      continue;
    }
    uint32_t begin = i;
    WordClass last = k;  // class of the last letter or digit taken
    ++i;
    while (i < within.end) {
      WordClass c = ClassOf(static_cast<unsigned char>(text[i]));
      if (is_alnum(c)) {
        last = c;
        ++i;
        continue;
      }
      // One inner punctuation mark between two of the same kind.
      if (i + 1 < within.end) {
        WordClass next = ClassOf(static_cast<unsigned char>(text[i + 1]));
        bool letters = last == WordClass::kLetter && next == WordClass::kLetter &&
                       c == WordClass::kMidNumLet;
        bool digits = last == WordClass::kNumeric && next == WordClass::kNumeric &&
                      (c == WordClass::kMidNum || c == WordClass::kMidNumLet);
        if (letters || digits) {
          i += 2;
          continue;
        }
      }
      break;
    }
    out->push_back({begin, i});
  }
}

// True when the fast path gives ICU's answer for this byte: ASCII, not '@' (ICU 72 keeps an
// e-mail address as one word) and not '_' (whether underscores make a word depends on their
// context).
constexpr bool FastPathByte(unsigned char c) { return c < 0x80 && c != '@' && c != '_'; }

constexpr bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// What Words' chunk loop needs of a byte, in one table lookup: white space between chunks, a
// byte the fast path handles, or one that sends its chunk to ICU.
enum class ChunkByte : uint8_t { kFast, kSpace, kIcu };
constexpr auto kChunkTable = [] {
  std::array<ChunkByte, 256> t{};
  for (int c = 0; c < 256; ++c) {
    auto b = static_cast<unsigned char>(c);
    t[c] = IsAsciiSpace(b)   ? ChunkByte::kSpace
           : FastPathByte(b) ? ChunkByte::kFast
                             : ChunkByte::kIcu;
  }
  return t;
}();
inline ChunkByte ChunkByteOf(char c) { return kChunkTable[static_cast<unsigned char>(c)]; }

// The first offset in [i, end) of a byte that sends its chunk to ICU (ChunkByte::kIcu), or
// `end`. Eight bytes at a time: none has its high bit set and none is '@' or '_'.
uint32_t NextIcuByte(const std::string& text, uint32_t i, uint32_t end) {
  for (; i + 8 <= end; i += 8) {
    const uint64_t x = bytes8::Load(text.data() + i);
    if (bytes8::AnyNonAscii(x) || bytes8::AnyEqual(x, '@') || bytes8::AnyEqual(x, '_')) break;
  }
  for (; i < end; ++i)
    if (ChunkByteOf(text[i]) == ChunkByte::kIcu) return i;
  return end;
}

}  // namespace

std::vector<Range> Segmenter::Words(const std::string& text, Range within) {
  std::vector<Range> out;
  if (within.empty()) return out;
  out.reserve(within.size() / 5 + 8);  // English prose: a word per six bytes or so
  // ICU never joins a word across ASCII white space, so the range splits into runs of
  // white-space-separated chunks: chunks the fast path handles are segmented in one stretch,
  // and only a chunk with an e-mail address, an underscore or non-ASCII text goes to ICU
  // (a signature's address no longer sends the whole draft there).
  // The chunks ICU must see are found from their bytes, eight at a time, and the stretches
  // between them go to the fast path whole: nearly every draft is ASCII with at most a few
  // such chunks, and looking at each chunk in turn cost as much as segmenting it.
  uint32_t fast_begin = within.begin;  // start of the pending fast-path stretch
  for (uint32_t at; (at = NextIcuByte(text, fast_begin, within.end)) < within.end;) {
    uint32_t chunk = at, chunk_end = at + 1;
    while (chunk > fast_begin && ChunkByteOf(text[chunk - 1]) != ChunkByte::kSpace) --chunk;
    while (chunk_end < within.end && ChunkByteOf(text[chunk_end]) != ChunkByte::kSpace)
      ++chunk_end;
    if (chunk > fast_begin) AsciiWords(text, {fast_begin, chunk}, &out);
    auto icu = IcuWords(text, {chunk, chunk_end});
    out.insert(out.end(), icu.begin(), icu.end());
    fast_begin = chunk_end;
  }
  if (within.end > fast_begin) AsciiWords(text, {fast_begin, within.end}, &out);
  return out;
}

std::vector<Range> Segmenter::IcuWords(const std::string& text, Range within) {
  std::vector<Range> out;
  if (within.empty() || !WordIterator()) return out;
  Walk(WordIterator(), text.data(), within, [&](uint32_t b, uint32_t e, int32_t status) {
    if (status >= UBRK_WORD_NONE_LIMIT) out.push_back({b, e});
  });
  return out;
}

}  // namespace fulint
