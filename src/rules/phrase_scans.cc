#include "rules/phrase_scans.h"

#include <algorithm>

#include "rules/automaton_cache.h"

namespace fulint {

PhraseUnion::PhraseUnion(const std::vector<const PhraseMatcher*>& lists) {
  std::vector<bool> group_ignores_case;
  for (const PhraseMatcher* list : lists) {
    if (list->empty() || slot_of_.count(list)) continue;
    auto g = std::find(group_ignores_case.begin(), group_ignores_case.end(), list->ignore_case()) -
             group_ignores_case.begin();
    if (static_cast<size_t>(g) == group_ignores_case.size()) {
      group_ignores_case.push_back(list->ignore_case());
      groups_.emplace_back(list->ignore_case());
      slots_.push_back(0);
    }
    int slot = slots_[g]++;
    slot_of_[list] = {static_cast<int>(g), slot};
    for (const auto& [phrase, id] : list->phrases()) groups_[g].AddNormalized(phrase, id, slot);
  }
  for (PhraseAutomaton& g : groups_) g.Build(AutomatonCache::Installed());
}

PhraseScans::PhraseScans(const PhraseUnion* phrase_union, std::vector<std::string_view> views)
    : union_(phrase_union), views_(std::move(views)) {
  if (!union_) return;
  scans_.resize(views_.size() * union_->groups_.size());
  for (auto& s : scans_) s = std::make_unique<Scan>();
}

std::vector<PhraseMatch> PhraseScans::FindAll(const PhraseMatcher& list, std::string_view text,
                                              Range within) {
  if (!union_) return list.FindAll(text, within);
  auto found = union_->slot_of_.find(&list);
  auto view = std::find_if(views_.begin(), views_.end(), [&](std::string_view v) {
    return v.data() == text.data() && v.size() == text.size();
  });
  if (found == union_->slot_of_.end() || view == views_.end()) return list.FindAll(text, within);
  const auto [group, slot] = found->second;
  Scan& scan = *scans_[static_cast<size_t>(view - views_.begin()) * union_->groups_.size() +
                       static_cast<size_t>(group)];
  EnsureScanned(scan, group, text);
  // The candidates inside `within`, then leftmost-longest among them (SortCandidates' rule).
  const std::vector<PhraseMatch>& candidates = scan.per_slot[static_cast<size_t>(slot)];
  const uint32_t end = std::min<uint32_t>(within.end, static_cast<uint32_t>(text.size()));
  auto it = std::partition_point(candidates.begin(), candidates.end(), [&](const PhraseMatch& m) {
    return m.range.begin < within.begin;
  });
  std::vector<PhraseMatch> out;
  for (; it != candidates.end() && it->range.begin < end; ++it) {
    if (it->range.end > end) continue;
    if (!out.empty() && it->range.begin < out.back().range.end) continue;
    out.push_back(*it);
  }
  return out;
}

void PhraseScans::EnsureScanned(Scan& scan, int group, std::string_view text) {
  scan.done([&] {
    scan.per_slot.resize(static_cast<size_t>(union_->slots_[group]));
    std::vector<std::vector<PhraseMatch>*> sinks;
    for (auto& v : scan.per_slot) sinks.push_back(&v);
    union_->groups_[group].Scan(text, {0, static_cast<uint32_t>(text.size())}, sinks.data());
    for (auto& v : scan.per_slot) SortCandidates(&v);
  });
}

void PhraseScans::ScanAll(std::string_view view) {
  if (!union_) return;
  for (size_t v = 0; v < views_.size(); ++v) {
    if (views_[v].data() != view.data() || views_[v].size() != view.size()) continue;
    for (size_t g = 0; g < union_->groups_.size(); ++g)
      EnsureScanned(*scans_[v * union_->groups_.size() + g], static_cast<int>(g), view);
    return;
  }
}

}  // namespace fulint
