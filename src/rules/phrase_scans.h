#pragma once
// One scan of a document for all of a rule set's phrase lists, instead of one per list.
//
// Each rule with a word list (Filler, Tone, Negativity and its neutral phrases, Specific...)
// used to run its own automaton over the same text: about ten passes per draft, the largest
// single cost in a profile of a folder of drafts. PhraseUnion compiles every list into one
// automaton per case mode, each list a slot of it; PhraseScans runs it once over a view of a
// document on the first request, keeps each list's candidates, and answers each rule's
// FindAll(text, within) from them. The answers are the lists' own: a scan finds every
// occurrence with word boundaries judged against the whole text, so the candidates inside
// `within` are exactly those a scan of `within` alone would find, and the leftmost-longest
// choice among them is made per request, as before. (Ranges start and end on character
// boundaries, as scopes do: a range ending inside a curly apostrophe would let a list's own
// scan read past its end, which the shared one does not.)
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/run_once.h"
#include "rules/phrase_matcher.h"

namespace fulint {

class PhraseUnion {
 public:
  // `lists`: the rule set's phrase matchers (built), each compiled into the union as a slot.
  explicit PhraseUnion(const std::vector<const PhraseMatcher*>& lists);
  size_t lists() const { return slot_of_.size(); }

 private:
  friend class PhraseScans;
  struct Slot {
    int group;  // index into groups_
    int slot;
  };
  std::unordered_map<const PhraseMatcher*, Slot> slot_of_;
  std::vector<PhraseAutomaton> groups_;  // one per case mode that occurs
  std::vector<int> slots_;               // slots per group
};

// A document's scans, made on first use and shared by its rules (and by the threads linting
// one long document). `views` are the texts rules match (the masked text, the decoded text);
// a request on any other text (a check's own copy) is answered by the list's own scan.
class PhraseScans {
 public:
  PhraseScans(const PhraseUnion* phrase_union, std::vector<std::string_view> views);
  PhraseScans(const PhraseScans&) = delete;
  PhraseScans& operator=(const PhraseScans&) = delete;
  // The same as list.FindAll(text, within).
  std::vector<PhraseMatch> FindAll(const PhraseMatcher& list, std::string_view text, Range within);
  // Makes the scans of `view` now (on a thread with nothing else to do yet), not at the first
  // request.
  void ScanAll(std::string_view view);

 private:
  struct Scan {  // one view's scan for one case mode
    RunOnce done;
    std::vector<std::vector<PhraseMatch>> per_slot;  // sorted, overlapping candidates
  };
  const PhraseUnion* union_;
  std::vector<std::string_view> views_;
  std::vector<std::unique_ptr<Scan>> scans_;  // [view * groups + group]
  void EnsureScanned(Scan& scan, int group, std::string_view text);
};

}  // namespace fulint
