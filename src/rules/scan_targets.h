#pragma once
// What a rule set's checks give to the scans shared by all of a document's rules: phrase
// lists (one automaton for all, phrase_scans.h) and regexes, whose required literals are
// found in one pass too (regex_scans.h).
#include <vector>

namespace fulint {

class PhraseMatcher;
class Regex;

struct ScanTargets {
  std::vector<const PhraseMatcher*> phrase_lists;
  std::vector<const Regex*> regexes;
};

}  // namespace fulint
