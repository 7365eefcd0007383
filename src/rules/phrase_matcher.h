#pragma once
// Matches a list of literal phrases in one pass (Aho-Corasick compiled to a DFA), the way
// rules' word lists are matched instead of one giant regex alternation. Case-insensitive for
// ASCII when asked; runs of white space (including line breaks) match a single space, and a
// typographic apostrophe matches a straight one. A phrase that starts or ends with a word
// character only matches at a word boundary on that side.
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/range.h"
#include "base/run_once.h"
#include "rules/automaton_cache.h"
#include "rules/table_view.h"

namespace fulint {

struct PhraseMatch {
  Range range;
  int id;  // the id given to Add
};

// Puts a scan's candidates in leftmost-longest order: begin ascending, longest first. Taking
// each one that starts at or after the end of the last one taken then gives the
// leftmost-longest matches without overlaps (PhraseAutomaton::FindAll, PhraseScans::FindAll).
void SortCandidates(std::vector<PhraseMatch>* candidates);

class PhraseAutomaton {
 public:
  explicit PhraseAutomaton(bool ignore_case) : ignore_case_(ignore_case) {}
  // Adds a phrase for list `slot` (an automaton can hold several lists; see Scan).
  void Add(std::string_view phrase, int id, int slot = 0);
  // The same for a phrase NormalizePhrase gave, in this case mode. Not copied: `norm` must
  // stay as it is until Build returns (a rule's list outlives the union built from it; copying
  // the built-in style's ten thousand phrases was a fifth of building it from the cache).
  void AddNormalized(std::string_view norm, int id, int slot);
  // Builds the automaton from the phrases added; call once after the last Add. With a
  // cache (rules/automaton_cache.h), a copy of the same automaton stored by an earlier run is
  // read back instead when there is one, and one is stored when there is not.
  void Build(AutomatonCache* cache = nullptr);
  bool empty() const { return pending_.empty() && patterns_.empty(); }
  bool ignore_case() const { return ignore_case_; }
  // Scans of at least this many bytes run on full rows (see full_); tests set it to 0 (every
  // scan) or UINT32_MAX (none) to compare the two ways. Not to be changed during a scan.
  static uint32_t full_rows_from;
  // Leftmost-longest, non-overlapping matches inside text[within] (of slot 0).
  std::vector<PhraseMatch> FindAll(std::string_view text, Range within) const;
  // Every occurrence inside text[within] of every phrase, overlapping ones included, appended
  // to *sinks[slot] in the order the scan meets their ends; word boundaries are checked
  // against the whole text, so candidates inside a sub-range are the same as a scan of that
  // sub-range would find. sinks[slot] must exist for every slot added.
  void Scan(std::string_view text, Range within, std::vector<PhraseMatch>* const* sinks) const;

 private:
  // Tables are read through views (rules/table_view.h): of the vectors Build made, or of a
  // cache file's mapping (Restore).
  struct Pattern {
    int32_t id;
    int32_t slot;
    uint32_t length;  // in normalized bytes
    uint8_t word_start, word_end;
    uint8_t more;  // the next pattern is the same phrase in another slot
    uint8_t unused = 0;
  };
  struct Child {
    uint32_t cls;
    int32_t state;
  };
  // What Build makes (the views then show it).
  struct Tables {
    std::vector<int32_t> delta, dense_row, row_state;
    std::vector<uint32_t> edge_begin;
    std::vector<Child> edges;
    std::vector<int32_t> fail, output, dict, first_output;
    std::vector<Pattern> patterns;
  };
  void ShowTables();
  void BuildTables();
  // The cache key of the phrases added (with the program's build id).
  uint64_t KeyOf(const std::string& build_id) const;
  // The built tables as bytes, and back (false when `body` is not the shape Serialize gives;
  // BuildTables then starts afresh).
  std::string Serialize() const;
  bool Restore(std::unique_ptr<AutomatonCache::Mapped> mapped);
  // The scan loop; with `full` (FullRows()), every state has a row.
  template <bool kFull>
  void ScanLoop(std::string_view text, Range within, std::vector<PhraseMatch>* const* sinks,
                const int32_t* full) const;
  // Every state's row, made on first use (thread-safe); null when it would be too big.
  const int32_t* FullRows() const;
  [[gnu::noinline]] void Emit(int32_t state, std::string_view text, uint32_t end_at,
                              const uint32_t* ring, uint32_t count,
                              std::vector<PhraseMatch>* const* sinks) const;
  static constexpr uint32_t kMaxRing = 256;

  bool ignore_case_;
  // Normalized phrases, ids and slots until Build.
  struct Pending {
    std::string_view norm;  // into owned_norms_, or the caller's (AddNormalized)
    int id, slot;
  };
  std::vector<Pending> pending_;
  std::deque<std::string> owned_norms_;  // what Add normalized (a deque: they never move)
  void DropPending();
  // The compiled automaton. Bytes fold into classes (one per byte that occurs in a phrase,
  // class 0 for the rest). States near the root, where a scan spends nearly all its time, get
  // a full row of transitions, delta_[dense_row_[s] * classes_ + class]; deeper states (the
  // tails of long phrases, most of a big list's states) keep only their children, in
  // edges_[edge_begin_[s] .. edge_begin_[s + 1]), and fall back along their failure links.
  // A full table for every state was megabytes for the built-in style: slow to build and to
  // page in for each short run. An entry of delta_ is the target's row offset when the target
  // is shallow and ends no phrase, so most bytes cost one load; else -(target state + 1).
  int32_t Next(int32_t state, uint32_t cls) const {
    while (dense_row_[state] < 0) {
      for (uint32_t e = edge_begin_[state]; e < edge_begin_[state + 1]; ++e)
        if (edges_[e].cls == cls) return edges_[e].state;
      state = fail_[state];
    }
    int32_t v = delta_[static_cast<size_t>(dense_row_[state]) * classes_ + cls];
    return v >= 0 ? row_state_[static_cast<uint32_t>(v) / classes_] : -v - 1;
  }
  static constexpr int kDenseDepth = 2;
  uint8_t byte_class_[256] = {};
  bool is_space_[256] = {};
  bool is_word_byte_[256] = {};  // ASCII letters and digits
  bool is_special_[256] = {};    // white space, and the first byte of U+2019
  int32_t root_in_word_row_ = 0;
  uint32_t classes_ = 1;
  uint32_t apostrophe_class_ = 0;
  TableView<int32_t> delta_;
  TableView<int32_t> dense_row_;  // -1: a deep state
  TableView<int32_t> row_state_;  // the state of each row
  TableView<uint32_t> edge_begin_;
  TableView<Child> edges_;
  TableView<int32_t> fail_;
  TableView<int32_t> output_;        // the pattern ending exactly at a state, or -1
  TableView<int32_t> dict_;          // the next state with an output on the failure chain
  TableView<int32_t> first_output_;  // the first state on a state's output chain, or -1
  TableView<Pattern> patterns_;
  std::unique_ptr<Tables> built_;                  // what the views show after Build,
  std::unique_ptr<AutomatonCache::Mapped> mapped_;  // or after Restore
  uint32_t ring_mask_ = 0;  // match starts are remembered for the last ring_mask_+1 bytes
  // A row of classes_ entries for every state, encoded as delta_'s (a target with no output
  // by its row offset, else -(state + 1)), made on the first long scan. With rows for the
  // shallow states only, the bytes read in a deep state walk its children and failure links:
  // on the 10 MB benchmark file that was 45% of the bytes, and the one scan of every phrase
  // list took 125 ms; on full rows 59 ms. They take 1.7 MB for the built-in style (and about
  // 1.5 ms to make), too much for a draft of a few kilobytes, so only scans of at least
  // full_rows_from bytes use them.
  struct Full {
    RunOnce once;
    std::vector<int32_t> rows;
  };
  std::unique_ptr<Full> full_ = std::make_unique<Full>();
};

// A rule's phrase list. Its own automaton is compiled on first use: in a lint run the rule
// set's PhraseUnion answers for the list from one scan of all lists (rules/phrase_scans.h),
// so a list's own automaton is only made for texts other than a document's (and in tests).
class PhraseMatcher {
 public:
  explicit PhraseMatcher(bool ignore_case) : ignore_case_(ignore_case) {}
  void Add(std::string_view phrase, int id);
  // Sorts the phrases; call once after the last Add.
  void Build();
  bool empty() const { return phrases_.empty(); }
  bool ignore_case() const { return ignore_case_; }
  // Leftmost-longest, non-overlapping matches inside text[within].
  std::vector<PhraseMatch> FindAll(std::string_view text, Range within) const;
  // The normalized phrases and their ids (sorted, each phrase once, with its first id).
  const std::vector<std::pair<std::string, int>>& phrases() const { return phrases_; }

 private:
  struct Lazy {
    RunOnce once;
    std::optional<PhraseAutomaton> automaton;
  };
  bool ignore_case_;
  std::vector<std::pair<std::string, int>> phrases_;
  std::unique_ptr<Lazy> lazy_ = std::make_unique<Lazy>();
};

// Trims a phrase, collapses its white space to single spaces, makes a curly apostrophe
// straight and, when ignoring case, lower-cases ASCII: the form phrases are matched in.
std::string NormalizePhrase(std::string_view phrase, bool ignore_case);

// True when the code point at/before `off` in `text` is a letter, digit or mark.
bool IsWordCharAt(std::string_view text, uint32_t off);
bool IsWordCharBefore(std::string_view text, uint32_t off);

}  // namespace fulint
