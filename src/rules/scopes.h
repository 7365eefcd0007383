#pragma once
// Resolves scope names to the ranges of one document that a rule runs over. Sentences and
// words are segmented lazily, only when a loaded rule asks for them.
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/run_once.h"
#include "parse/document.h"
#include "segment/segmenter.h"

namespace fulint {

// The scope names rules may use, sorted; "sentence" and "word" combine with a section as
// "body.sentence" to mean the sentences of that section.
const std::vector<std::string>& ScopeNames();
// True when `name` is a valid scope expression (a known name, "frontmatter.<key>" or
// "header.<name>", or "<section>.sentence|word").
bool IsValidScope(const std::string& name);

// A document's words, segmented once for all the threads linting it (engine.h: one long
// document's rules run on several threads, each with its own resolver).
struct SharedWords {
  RunOnce once;
  std::vector<Range> words;
};

class ScopeResolver {
 public:
  ScopeResolver(const Document& doc, Segmenter& segmenter, SharedWords* shared_words = nullptr)
      : doc_(doc), segmenter_(segmenter), shared_words_(shared_words) {}
  // The ranges of `name` in doc text order; empty when the section is absent.
  const std::vector<Range>& Resolve(const std::string& name);
  // The units of `unit` ("paragraph", "sentence", "word", "line", "list") inside `range`,
  // valid while the resolver lives. Words come from one segmentation of the document, and
  // a section's words are a slice of it, not a copy (a rule asking for the words of a long
  // file's note copied two million of them); sentences are kept per range once asked (ICU's
  // sentence iterator is the costly one).
  std::span<const Range> Units(const std::string& unit, Range range);
  // Segments the document's words now rather than on the first request.
  void PrepareWords() { AllWords(); }

 private:
  std::vector<Range> Compute(const std::string& name);
  std::span<const Range> WordsOf(Range range);
  const std::vector<Range>& AllWords();
  std::span<const Range> Keep(std::vector<Range> units) {
    return owned_.emplace_back(std::move(units));
  }
  const Document& doc_;
  Segmenter& segmenter_;
  SharedWords* shared_words_;
  // Hashed: a rule set asks for about 60 scopes a document, each looked up by name.
  std::unordered_map<std::string, std::vector<Range>> cache_;
  std::optional<std::vector<Range>> all_words_;  // the whole text's words, once asked
  size_t word_hint_ = 0;                         // where in them the last WordsOf answer ended
  std::map<std::pair<uint32_t, uint32_t>, std::vector<Range>> sentences_;
  std::deque<std::vector<Range>> owned_;  // units made for one request (Units' results)
};

}  // namespace fulint
