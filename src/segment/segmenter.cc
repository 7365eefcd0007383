#include "segment/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cctype>

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

Segmenter::Segmenter() {
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard" suppresses breaks after common abbreviations such as "Dr." and "e.g.".
  sentences_.reset(icu::BreakIterator::createSentenceInstance(
      icu::Locale("en_US@ss=standard"), status));
  status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getUS(), status));
}

Segmenter::~Segmenter() = default;

std::vector<Range> Segmenter::Sentences(const std::string& text, Range within) {
  std::vector<Range> out;
  if (!sentences_ || within.empty()) return out;
  // Single line breaks are wrapping, not sentence ends: hide them from ICU (same length).
  std::string flat = text.substr(within.begin, within.size());
  for (size_t i = 0; i < flat.size(); ++i) {
    bool blank_line_next = i + 1 < flat.size() && flat[i + 1] == '\n';
    bool blank_line_prev = i > 0 && flat[i - 1] == '\n';
    if (flat[i] == '\n' && !blank_line_next && !blank_line_prev) flat[i] = ' ';
  }
  Walk(sentences_.get(), flat.data() - within.begin, within,
       [&](uint32_t b, uint32_t e, int32_t) {
         while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
         while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
         if (b < e) out.push_back({b, e});
       });
  return out;
}

std::vector<Range> Segmenter::Words(const std::string& text, Range within) {
  std::vector<Range> out;
  if (!words_ || within.empty()) return out;
  Walk(words_.get(), text.data(), within, [&](uint32_t b, uint32_t e, int32_t status) {
    if (status >= UBRK_WORD_NONE_LIMIT) out.push_back({b, e});
  });
  return out;
}

}  // namespace fulint
