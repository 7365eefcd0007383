#include "rules/scopes.h"

#include <algorithm>

namespace fulint {
namespace {

std::vector<Range> Optional(const std::optional<Range>& r) {
  return r ? std::vector<Range>{*r} : std::vector<Range>{};
}

std::vector<Range> LinesOf(const std::string& text, Range r) {
  std::vector<Range> out;
  uint32_t pos = r.begin;
  while (pos < r.end) {
    size_t nl = text.find('\n', pos);
    uint32_t end = (nl == std::string::npos || nl > r.end) ? r.end : static_cast<uint32_t>(nl);
    if (end > pos) out.push_back({pos, end});
    pos = end + 1;
  }
  return out;
}

// The first element of [lo, end) for which `pred` is false (it is true on a prefix), found by
// galloping from `lo`: a few steps when the answer is near.
template <typename Pred>
const Range* Gallop(const Range* lo, const Range* end, Pred pred) {
  const Range* hi = lo;
  for (size_t step = 1; hi < end && pred(*hi); step *= 2) {
    lo = hi + 1;  // pred holds up to hi
    hi = static_cast<size_t>(end - lo) > step ? lo + step : end;
  }
  return std::partition_point(lo, hi, pred);
}

}  // namespace

const std::vector<std::string>& ScopeNames() {
  static const std::vector<std::string> kNames = {
      "body",  "heading",  "list",      "note",    "paragraph", "prose",
      "salutation", "sentence", "signature", "signoff", "subject",   "text", "word"};
  return kNames;
}

bool IsValidScope(const std::string& name) {
  const auto& names = ScopeNames();
  if (std::binary_search(names.begin(), names.end(), name)) return true;
  if (name.starts_with("frontmatter.") && name.size() > 12) return true;
  if (name.starts_with("header.") && name.size() > 7) return true;
  for (const char* unit : {".sentence", ".word", ".line"}) {
    if (name.ends_with(unit)) {
      std::string base = name.substr(0, name.size() - std::string(unit).size());
      return base != "sentence" && base != "word" && IsValidScope(base);
    }
  }
  return false;
}

const std::vector<Range>& ScopeResolver::Resolve(const std::string& name) {
  auto it = cache_.find(name);
  if (it != cache_.end()) return it->second;
  return cache_[name] = Compute(name);
}

std::span<const Range> ScopeResolver::Units(const std::string& unit, Range range) {
  if (unit == "sentence") {
    auto key = std::make_pair(range.begin, range.end);
    auto it = sentences_.find(key);
    if (it != sentences_.end()) return it->second;
    return sentences_[key] = segmenter_.Sentences(doc_.lintable, range);
  }
  if (unit == "word") return WordsOf(range);
  if (unit == "line") return Keep(LinesOf(doc_.lintable, range));
  std::vector<Range> out;
  const std::vector<Range>* all = unit == "paragraph" ? &doc_.paragraphs
                                  : unit == "list"    ? &doc_.list_items
                                  : unit == "heading" ? &doc_.headings
                                                      : nullptr;
  if (!all) return {};
  for (const Range& r : *all)
    if (r.begin >= range.begin && r.end <= range.end) out.push_back(r);
  return Keep(std::move(out));
}

std::span<const Range> ScopeResolver::WordsOf(Range range) {
  // Words never cross ASCII white space (segmenter.h), so the words of a range that starts
  // and ends at white space or at the text's ends are the document's words inside it: the
  // document is segmented once, however many sections rules ask about.
  const std::string& text = doc_.lintable;
  auto at_gap = [&](uint32_t off) {
    if (off == 0 || off >= text.size()) return true;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    return space(text[off - 1]) || space(text[off]);
  };
  if (range.end > text.size() || !at_gap(range.begin) || !at_gap(range.end))
    return Keep(segmenter_.Words(text, range));
  const std::vector<Range>& all = AllWords();
  // Rules ask for the words of sections in text order (a rule over paragraphs, one after the
  // other), so the search gallops on from where the last answer ended when it can: binary
  // searches over a long file's two million words missed the cache at every step.
  const Range* const words_end = all.data() + all.size();
  const Range* from = all.data();
  if (word_hint_ <= all.size() && (word_hint_ == 0 || all[word_hint_ - 1].begin < range.begin))
    from += word_hint_;
  const Range* first =
      Gallop(from, words_end, [&](const Range& w) { return w.begin < range.begin; });
  // Words end in order too.
  const Range* last = Gallop(first, words_end, [&](const Range& w) { return w.end <= range.end; });
  word_hint_ = static_cast<size_t>(last - all.data());
  return {first, last};
}

const std::vector<Range>& ScopeResolver::AllWords() {
  const std::string& text = doc_.lintable;
  const Range whole{0, static_cast<uint32_t>(text.size())};
  if (shared_words_) {
    shared_words_->once([&] { shared_words_->words = segmenter_.Words(text, whole); });
    return shared_words_->words;
  }
  if (!all_words_) all_words_ = segmenter_.Words(text, whole);
  return *all_words_;
}

std::vector<Range> ScopeResolver::Compute(const std::string& name) {
  for (const char* unit : {"sentence", "word", "line"}) {
    std::string suffix = std::string(".") + unit;
    if (name.ends_with(suffix)) {
      std::vector<Range> out;
      for (const Range& r : Resolve(name.substr(0, name.size() - suffix.size()))) {
        auto units = Units(unit, r);
        out.insert(out.end(), units.begin(), units.end());
      }
      return out;
    }
  }
  if (name == "subject") return Optional(doc_.subject);
  if (name == "salutation") return Optional(doc_.salutation);
  if (name == "signoff") return Optional(doc_.signoff);
  if (name == "signature") return Optional(doc_.signature);
  if (name == "paragraph") return doc_.paragraphs;
  if (name == "prose") {
    // Body paragraphs that are not Markdown lists: lists need no capitals or final stops.
    std::vector<Range> out;
    for (const Range& p : doc_.paragraphs) {
      bool list = false;
      for (const Range& item : doc_.list_items) list |= item.begin >= p.begin && item.begin < p.end;
      if (!list) out.push_back(p);
    }
    return out;
  }
  if (name == "heading") return doc_.headings;
  if (name == "list") return doc_.list_items;
  if (name == "note") return doc_.note.empty() ? std::vector<Range>{} : std::vector<Range>{doc_.note};
  if (name == "body") {
    if (doc_.paragraphs.empty()) return {};
    return {Range{doc_.paragraphs.front().begin, doc_.paragraphs.back().end}};
  }
  if (name == "text") {
    std::vector<Range> out = Optional(doc_.subject);
    if (!doc_.note.empty()) out.push_back(doc_.note);
    return out;
  }
  if (name == "sentence") return Resolve("text.sentence");
  if (name == "word") return Resolve("text.word");
  if (name.starts_with("frontmatter.")) {
    auto it = doc_.front_matter.find(name.substr(12));
    if (it == doc_.front_matter.end()) return {};
    return {it->second.range};
  }
  if (name.starts_with("header.")) {
    auto it = doc_.headers.find(name.substr(7));
    if (it == doc_.headers.end()) return {};
    return {it->second.range};
  }
  return {};
}

}  // namespace fulint
