#pragma once
// The required literals of many regexes (regex_prefilter.h), found in one pass over a text.
//
// Each regex with a literal prefilter used to walk its own automaton over every text it was
// asked about: about thirty walks over each draft, a ninth of a folder run's instructions.
// A LiteralUnion compiles every regex's literals into one automaton, each regex a slot, and
// one Scan lists each slot's hits over the whole text. For any range of that text, the hits
// lying inside it are exactly those the regex's own LiteralScanner reports for the range
// (ForEachHit): at each end offset the shortest of the slot's literals ending there, ASCII case
// folded, in order of their ends.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/automaton_cache.h"
#include "rules/table_view.h"

namespace fulint {

struct LiteralHit {
  uint32_t begin, end;
};

class LiteralUnion {
 public:
  // `literals[slot]`: that slot's literals (may be empty: the slot never has a hit). With a
  // cache (rules/automaton_cache.h), the tables an earlier run built from the same literals
  // are read back instead when it has them, and stored when it has not.
  explicit LiteralUnion(const std::vector<std::vector<std::string>>& literals,
                        AutomatonCache* cache = nullptr);
  size_t slots() const { return slots_; }
  // Replaces (*per_slot)[slot] with the slot's hits in `text`, in order of their ends.
  void Scan(std::string_view text, std::vector<std::vector<LiteralHit>>* per_slot) const;
  // The same as Scan(text, per_slot), given the hits `like_hits` of `like`, a text of the
  // same length that differs from `text` in few places (a document's masked view and its
  // decoded text): a hit depends only on the longest() bytes before its end, so `text` is
  // scanned only around the bytes where the two differ and `like`'s hits serve elsewhere.
  void ScanLike(std::string_view text, std::string_view like,
                const std::vector<std::vector<LiteralHit>>& like_hits,
                std::vector<std::vector<LiteralHit>>* per_slot) const;
  uint32_t longest() const { return longest_; }  // the longest literal's length

 private:
  struct Output {
    uint32_t slot, length;
  };
  struct Tables {  // what the constructor builds; the views show it, or a cache file's copy
    std::vector<int32_t> delta;
    std::vector<uint32_t> output_begin;
    std::vector<Output> outputs;
  };
  void Build(const std::vector<std::vector<std::string>>& literals);
  static uint64_t KeyOf(const std::vector<std::vector<std::string>>& literals,
                        const std::string& build_id);
  std::string Serialize() const;
  bool Restore(std::unique_ptr<AutomatonCache::Mapped> mapped);
  size_t slots_ = 0;
  uint32_t longest_ = 0;
  // class_[byte]: its class, ASCII case folded (bytes in no literal share class 0);
  // delta_[row + class]: the next state's row (state * classes_), complemented when that state
  // has outputs; outputs_[output_begin_[state]..output_begin_[state + 1]): for each slot with
  // a literal ending at the state, the shortest such literal's length.
  uint8_t class_[256] = {};
  uint32_t classes_ = 1;
  TableView<int32_t> delta_;
  TableView<uint32_t> output_begin_;
  TableView<Output> outputs_;
  std::unique_ptr<Tables> built_;
  std::unique_ptr<AutomatonCache::Mapped> mapped_;
};

}  // namespace fulint
