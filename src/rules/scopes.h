#pragma once
// Resolves scope names to the ranges of one document that a rule runs over. Sentences and
// words are segmented lazily, only when a loaded rule asks for them.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parse/document.h"
#include "segment/segmenter.h"

namespace fulint {

// The scope names rules may use, sorted; "sentence" and "word" combine with a section as
// "body.sentence" to mean the sentences of that section.
const std::vector<std::string>& ScopeNames();
// True when `name` is a valid scope expression (a known name, "frontmatter.<key>" or
// "header.<name>", or "<section>.sentence|word").
bool IsValidScope(const std::string& name);

class ScopeResolver {
 public:
  ScopeResolver(const Document& doc, Segmenter& segmenter) : doc_(doc), segmenter_(segmenter) {}
  // The ranges of `name` in doc text order; empty when the section is absent.
  const std::vector<Range>& Resolve(const std::string& name);
  // The units of `unit` ("paragraph", "sentence", "word", "line", "list") inside `range`.
  // Words come from one segmentation of the document; sentences are kept per range once
  // asked (ICU's sentence iterator is the costly one).
  std::vector<Range> Units(const std::string& unit, Range range);

 private:
  std::vector<Range> Compute(const std::string& name);
  std::vector<Range> WordsOf(Range range);
  const Document& doc_;
  Segmenter& segmenter_;
  std::map<std::string, std::vector<Range>> cache_;
  std::optional<std::vector<Range>> all_words_;  // the whole text's words, once asked
  std::map<std::pair<uint32_t, uint32_t>, std::vector<Range>> sentences_;
};

}  // namespace fulint
