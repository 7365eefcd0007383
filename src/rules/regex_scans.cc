#include "rules/regex_scans.h"

#include <algorithm>

#include "rules/regex.h"

namespace fulint {

const RegexUnion::Built* RegexUnion::Note(size_t bytes) {
  if (const Built* b = built_.load(std::memory_order_acquire)) return b;
  if (linted_.fetch_add(bytes, std::memory_order_relaxed) + bytes < kBuildAfterBytes)
    return nullptr;
  if (claimed_.exchange(true, std::memory_order_acq_rel))
    return built_.load(std::memory_order_acquire);
  return BuildNow();
}

const RegexUnion::Built* RegexUnion::BuildNow() {
  if (const Built* b = built_.load(std::memory_order_acquire)) return b;
  claimed_.store(true, std::memory_order_relaxed);
  std::unordered_map<const Regex*, uint32_t> slot_of;
  std::vector<std::vector<std::string>> literals;
  for (const Regex* re : regexes_) {
    if (slot_of.count(re)) continue;
    const std::vector<std::string>& own = re->ScanLiterals();
    if (own.empty()) continue;
    slot_of.emplace(re, static_cast<uint32_t>(literals.size()));
    literals.push_back(own);
  }
  storage_ = std::make_unique<Built>(Built{std::move(slot_of), LiteralUnion(literals, AutomatonCache::Installed())});
  built_.store(storage_.get(), std::memory_order_release);
  return storage_.get();
}

RegexScans::RegexScans(RegexUnion* regex_union, std::vector<std::string_view> views, size_t bytes)
    : views_(std::move(views)) {
  if (!regex_union) return;
  built_ = regex_union->Note(bytes);
  if (!built_ || built_->slot_of.empty()) {
    built_ = nullptr;
    return;
  }
  scans_.resize(views_.size());
  for (auto& s : scans_) s = std::make_unique<Scan>();
}

const std::vector<LiteralHit>* RegexScans::Hits(const Regex& regex, std::string_view text) {
  if (!built_) return nullptr;
  auto found = built_->slot_of.find(&regex);
  if (found == built_->slot_of.end()) return nullptr;
  auto view = std::find_if(views_.begin(), views_.end(), [&](std::string_view v) {
    return v.data() == text.data() && v.size() == text.size();
  });
  if (view == views_.end()) return nullptr;
  const size_t index = static_cast<size_t>(view - views_.begin());
  Scan& scan = *scans_[index];
  if (index > 0 && views_[0].size() == text.size()) {
    // A later view of the same length (the decoded text, beside the masked text) differs from
    // the first only where parts are masked: its hits come from the first view's, with only
    // the masked places scanned again (a whole second scan was 22 ms of a 10 MB file).
    Scan& first = *scans_[0];
    first.done([&] { built_->literals.Scan(views_[0], &first.per_slot); });
    scan.done([&] {
      built_->literals.ScanLike(text, views_[0], first.per_slot, &scan.per_slot);
    });
  } else {
    scan.done([&] { built_->literals.Scan(text, &scan.per_slot); });
  }
  return &scan.per_slot[found->second];
}

}  // namespace fulint
