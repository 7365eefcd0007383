#include "rules/regex_facts_cache.h"

#include <atomic>
#include <cstdlib>

#include "base/byte_codec.h"
#include "base/cache_file.h"
#include "base/read_file.h"
#include "spelling/word_cache.h"

namespace fulint {
namespace {

// Changes whenever the layout of the file changes (what the facts mean is the build id's).
constexpr std::string_view kMagic = "fulint-regex-facts-1\n";
// A file grown past this (rule authors trying many patterns) is started afresh on saving.
constexpr size_t kMaxFileBytes = 8 << 20;

std::atomic<RegexFactsCache*> installed{nullptr};

std::string Key(std::string_view pattern, bool ignore_case) {
  std::string key(1, ignore_case ? 'i' : 'c');
  key.append(pattern);
  return key;
}

std::string Encode(const RegexFacts& f) {
  std::string out;
  PutU64((f.end_anchored ? 1u : 0u) | (f.or_at_start ? 2u : 0u) | (f.shared_only ? 4u : 0u),
         &out);
  PutU64(f.head_max, &out);
  uint64_t low = 0, high = 0;
  for (int b = 0; b < 64; ++b) {
    if (f.before[b]) low |= uint64_t{1} << b;
    if (f.before[b + 64]) high |= uint64_t{1} << b;
  }
  PutU64(low, &out);
  PutU64(high, &out);
  PutU64(f.literals.size(), &out);
  for (const auto& literal : f.literals) PutString(literal, &out);
  return out;
}

bool Decode(std::string_view data, RegexFacts* f) {
  size_t at = 0;
  uint64_t flags, head_max, low, high, count;
  if (!GetU64(data, &at, &flags) || !GetU64(data, &at, &head_max) ||
      !GetU64(data, &at, &low) || !GetU64(data, &at, &high) || !GetU64(data, &at, &count) ||
      flags > 7 || head_max > UINT32_MAX || count > data.size())
    return false;
  f->end_anchored = flags & 1;
  f->or_at_start = flags & 2;
  f->shared_only = flags & 4;
  f->head_max = static_cast<uint32_t>(head_max);
  for (int b = 0; b < 64; ++b) {
    f->before[b] = (low >> b) & 1;
    f->before[b + 64] = (high >> b) & 1;
  }
  f->literals.resize(count);
  for (auto& literal : f->literals) {
    std::string_view s;
    if (!GetString(data, &at, &s)) return false;
    literal.assign(s);
  }
  return at == data.size();
}

}  // namespace

RegexFactsCache::RegexFactsCache(std::string file, std::string build_id)
    : file_(std::move(file)), build_id_(std::move(build_id)) {
  if (file_.empty() || build_id_.empty()) return;
  if (ReadWholeFile(file_, &data_, kMaxFileBytes) != ReadStatus::kOk) return;
  std::string_view data(data_);
  std::string_view id;
  uint64_t check;
  size_t at = kMagic.size();
  if (!data.starts_with(kMagic) || !GetString(data, &at, &id) || id != build_id_ ||
      !GetU64(data, &at, &check) || Fnv1a(data.substr(at)) != check)
    return;  // another build's, or damaged
  while (at < data.size()) {
    std::string_view key, facts;
    if (!GetString(data, &at, &key) || !GetString(data, &at, &facts)) {
      loaded_.clear();  // corrupt: analyse afresh
      return;
    }
    loaded_.emplace(key, facts);
  }
}

std::string RegexFactsCache::DefaultFile() {
  if (std::getenv("FULINT_NO_RULE_CACHE")) return "";
  std::string dir = WordCacheDir();
  return dir.empty() ? "" : dir + "/regex.facts";
}

RegexFacts RegexFactsCache::Facts(std::string_view pattern, bool ignore_case) {
  std::string key = Key(pattern, ignore_case);
  RegexFacts facts;
  if (auto it = loaded_.find(key); it != loaded_.end()) {
    if (Decode(it->second, &facts)) {
      hits_.fetch_add(1, std::memory_order_relaxed);
      return facts;
    }
    facts = RegexFacts();
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = added_.find(key); it != added_.end() && Decode(it->second, &facts))
      return facts;
  }
  facts = AnalyzeRegex(pattern, ignore_case);  // outside the lock: other patterns go on
  if (!file_.empty() && !build_id_.empty()) {
    std::lock_guard<std::mutex> lock(mutex_);
    dirty_ |= added_.emplace(std::move(key), Encode(facts)).second;
  }
  return facts;
}

void RegexFactsCache::Save() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (file_.empty() || build_id_.empty() || !dirty_) return;
  std::string body;
  size_t total = data_.size();
  for (const auto& [key, facts] : added_) total += key.size() + facts.size() + 16;
  if (total <= kMaxFileBytes)
    for (const auto& [key, facts] : loaded_)
      if (!added_.count(std::string(key))) {
        PutString(key, &body);
        PutString(facts, &body);
      }
  for (const auto& [key, facts] : added_) {
    PutString(key, &body);
    PutString(facts, &body);
  }
  std::string data(kMagic);
  PutString(build_id_, &data);
  PutU64(Fnv1a(body), &data);
  data += body;
  if (ReplaceCacheFile(file_, data)) dirty_ = false;
}

size_t RegexFactsCache::hits() const { return hits_.load(std::memory_order_relaxed); }

void RegexFactsCache::Install(RegexFactsCache* cache) {
  installed.store(cache, std::memory_order_release);
}

RegexFactsCache* RegexFactsCache::Installed() {
  return installed.load(std::memory_order_acquire);
}

RegexFacts RegexFactsOf(std::string_view pattern, bool ignore_case) {
  if (RegexFactsCache* cache = RegexFactsCache::Installed())
    return cache->Facts(pattern, ignore_case);
  return AnalyzeRegex(pattern, ignore_case);
}

}  // namespace fulint
