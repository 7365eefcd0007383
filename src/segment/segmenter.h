#pragma once
// Stage 4: ICU sentence and word boundaries over ranges of a UTF-8 text. Break iterators are
// costly to create, so one Segmenter is made per thread and reused across documents, and each
// iterator is made only when first needed.
#include <memory>
#include <string>
#include <vector>

#include <unicode/uversion.h>

#include "base/range.h"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace fulint {

class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Sentences inside `within`, trimmed of surrounding white space. Line breaks inside the range
  // do not end a sentence (drafts wrap lines); blank lines do.
  std::vector<Range> Sentences(const std::string& text, Range within);
  // Words (letters or digits, with inner apostrophes and hyphens as ICU keeps them).
  // Pure-ASCII ranges take a written-out copy of ICU's rules (segmenter.cc), others ICU.
  std::vector<Range> Words(const std::string& text, Range within);
  // Words by ICU's break iterator whatever the text (the reference the fast path is tested on).
  std::vector<Range> IcuWords(const std::string& text, Range within);

 private:
  icu::BreakIterator* SentenceIterator();
  icu::BreakIterator* WordIterator();
  std::unique_ptr<icu::BreakIterator> sentences_;
  std::unique_ptr<icu::BreakIterator> words_;
  bool sentences_made_ = false, words_made_ = false;
};

}  // namespace fulint
