#pragma once
// Spelling suggestions without Hunspell's suggest(): every word one edit away (a swap of
// neighbouring letters, a replaced, deleted or inserted letter or apostrophe, or a space that
// splits it into two known words), kept when the dictionary knows it and ranked by how likely
// the slip is. Hunspell's suggest() costs tens of milliseconds per word (it scores n-grams
// against the whole dictionary); this costs a few hundred lookups in the memory-mapped word
// caches, so an adviser's folder of drafts is not dominated by suggestions. Words two or more
// edits away get no suggestion.
#include <functional>
#include <string>
#include <vector>

namespace fulint {

// Up to `max` known words near `word`, most likely first. `known` answers for one candidate
// (with the capitalisation the suggestion would have).
std::vector<std::string> SuggestNearby(const std::string& word,
                                       const std::function<bool(const std::string&)>& known,
                                       size_t max);

}  // namespace fulint
