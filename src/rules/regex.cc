#include "rules/regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <boost/regex/icu.hpp>
#include <algorithm>
#include <atomic>
#include <mutex>

#include "base/run_once.h"
#include "rules/regex_facts_cache.h"
#include "rules/regex_prefilter.h"

namespace fulint {

// Two engines with the same Perl syntax and meaning. PCRE2 with its JIT compiler runs every
// pattern of the built-in style 10 to 80 times faster than Boost.Regex over ICU (measured on a
// 100 KB draft file, BENCHMARKS.md), so it is used whenever it accepts the pattern; Boost.Regex
// over ICU takes the patterns PCRE2 rejects (Boost-only syntax) and gives the error messages
// for invalid ones. Both see text[within] as a whole text, match `^`/`$` at line breaks (Boost's
// Perl default), let `.` stop at line breaks, and apply Unicode classes and case folding.
struct Regex::Impl {
  pcre2_code* code = nullptr;  // interpreted
  // The JIT-compiled copy, made once the pattern has searched enough text to pay for it: JIT
  // compiling every pattern up front was a fifth of a one-draft run. Published atomically, so
  // threads matching with `code` meanwhile are not disturbed.
  std::atomic<pcre2_code*> jitted{nullptr};
  std::atomic<size_t> seen{0};      // bytes of the texts asked about (for Analyze)
  std::atomic<size_t> searched{0};  // what the interpreter was given to search (for the JIT)
  std::atomic<bool> analyze_claimed{false};  // a thread is analyzing, or has
  std::atomic<bool> jit_claimed{false};      // a thread is compiling, or has
  boost::u32regex boost_re;
  // What every match needs (regex_prefilter.h), for PCRE2 patterns that have it: text without
  // a required literal is skipped, and texts are searched only in the stretch before each
  // literal occurrence that may precede it in a match (after the last barrier). Worked out
  // once the pattern has been asked about a kilobyte of text (reading every pattern up front
  // was a quarter of a one-draft run), and published atomically like the JIT's copy.
  struct Prefilter {
    std::vector<std::string> literals;  // what `required` finds (for a LiteralUnion)
    LiteralScanner required;
    bool barrier[256] = {};  // ASCII bytes that cannot come before the literal in a match
    bool has_barriers = false;
    bool or_at_start = false;   // RegexFacts::or_at_start: a match may also start at 0
    bool shared_only = false;   // RegexFacts::shared_only: `required` is empty, not used
    bool end_anchored = false;  // RegexFacts::end_anchored
    uint32_t head_max = 0;
  };
  std::string pattern;
  bool ignore_case = false;
  bool analyze = true;
  std::unique_ptr<Prefilter> prefilter_storage;
  std::atomic<const Prefilter*> prefilter{nullptr};
  RunOnce analyzed;  // Analyze() has run (for the JIT, or for a LiteralUnion)
  ~Impl() {
    if (code) pcre2_code_free(code);
    if (pcre2_code* j = jitted.load()) pcre2_code_free(j);
  }
  void EnsureAnalyzed() {
    analyzed([&] { Analyze(); });
  }
  void Analyze() {
    if (!analyze) return;
    RegexFacts facts = RegexFactsOf(pattern, ignore_case);  // from the cache when it has them
    if (facts.end_anchored) {
      auto p = std::make_unique<Prefilter>();
      p->end_anchored = true;
      p->head_max = facts.head_max;
      prefilter_storage = std::move(p);
      prefilter.store(prefilter_storage.get(), std::memory_order_release);
      return;
    }
    if (facts.literals.empty()) return;
    // Ignoring case, PCRE2 also matches 'k' to the Kelvin sign and 's' to the long s, which
    // ASCII folding does not: text with either is searched as if it held a literal.
    if (ignore_case) {
      // The sign can stand for any 'k' or 's' of a literal, so a match may start anywhere in
      // the literal before it: every literal byte may come before these hits.
      for (const auto& literal : facts.literals)
        for (unsigned char c : literal)
          if (c < 0x80) {
            facts.before.set(c);
            if (c >= 'a' && c <= 'z') facts.before.set(c - 32);
          }
      facts.literals.push_back("\xE2\x84\xAA");
      facts.literals.push_back("\xC5\xBF");
    }
    auto p = std::make_unique<Prefilter>();
    p->shared_only = facts.shared_only;
    if (!p->shared_only) p->required = LiteralScanner(facts.literals);
    p->literals = std::move(facts.literals);
    // A match starts after the last byte before its literal that cannot come before one.
    for (int b = 0; b < 128; ++b) p->barrier[b] = !facts.before[b];
    p->has_barriers = (~facts.before).any();
    p->or_at_start = facts.or_at_start;
    prefilter_storage = std::move(p);
    prefilter.store(prefilter_storage.get(), std::memory_order_release);
  }
  // The code to match with. Asked about a text of `length` bytes: reads the pattern for its
  // prefilter once the texts asked about pass kAnalyzeAfterBytes. The first thread over the
  // line does the work; others go on without the prefilter meanwhile instead of waiting for
  // it (both are correct, only slower).
  pcre2_code* ForText(size_t length) {
    if (pcre2_code* j = jitted.load(std::memory_order_acquire)) return j;
    // Counted only until the line: threads linting side by side share these counters, and an
    // atomic add on every call moves the line between their cores each time (a plain load
    // does not).
    if (!analyze_claimed.load(std::memory_order_relaxed) &&
        seen.fetch_add(length, std::memory_order_relaxed) + length >= kAnalyzeAfterBytes &&
        !analyze_claimed.exchange(true, std::memory_order_acq_rel))
      EnsureAnalyzed();
    return code;
  }
  // After the interpreter was given `cost` bytes to search: JIT-compiles the pattern once the
  // searches pass kJitAfterBytes. Counted after the prefilter, so a pattern whose literals
  // rule out nearly every text (most of a style's long alternations) is never compiled:
  // counting the texts asked about compiled all 31 patterns of the built-in style in a run
  // over 1,000 drafts, a dozen of which then searched under 3 KB in all.
  void Searched(size_t cost) {
    if (jit_claimed.load(std::memory_order_relaxed) ||
        searched.fetch_add(cost, std::memory_order_relaxed) + cost < kJitAfterBytes ||
        jit_claimed.exchange(true, std::memory_order_acq_rel))
      return;
    pcre2_code* copy = pcre2_code_copy(code);
    if (copy && pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) == 0)
      jitted.store(copy, std::memory_order_release);
    else if (copy)
      pcre2_code_free(copy);
  }
  // What a search of `windows` costs the interpreter, in bytes: each call also pays a fixed
  // start-up.
  static size_t SearchCost(const std::vector<Range>& windows) {
    size_t cost = 0;
    for (const Range& w : windows) cost += w.size() + kCallCost;
    return cost;
  }
  // Where in text[within] a match may start, as offsets into text[within]; false when the
  // text has none of the required literals, so nothing can match.
  bool SearchWindows(std::string_view text, Range within, const std::vector<LiteralHit>* shared,
                     std::vector<Range>* windows) const {
    const uint32_t length = within.size();
    const Prefilter* p = prefilter.load(std::memory_order_acquire);
    if (p && p->shared_only && !shared) p = nullptr;  // its literals only pay in a shared scan
    // The literal occurrences inside text[within], from the shared scan when there is one
    // (the same hits in the same order: literal_union.h) or from this regex's own.
    auto for_each_hit = [&](auto on_hit) {
      if (!shared) {
        p->required.ForEachHit(text, within, on_hit);
        return;
      }
      auto it = std::lower_bound(shared->begin(), shared->end(), within.begin + 1,
                                 [](const LiteralHit& h, uint32_t end) { return h.end < end; });
      for (; it != shared->end() && it->end <= within.end; ++it)
        if (it->begin >= within.begin && !on_hit(it->begin, it->end)) return;
    };
    if (!p) {
      windows->push_back({0, length});
      return true;
    }
    if (p->end_anchored) {
      // A match ends at the end: it starts at most 4 * head_max bytes (head_max characters)
      // before the last stretch of white space and non-ASCII bytes. A paragraph's final
      // punctuation is then checked in its last few bytes, not at each of its positions.
      const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
      uint32_t t = within.end;
      while (t > within.begin && (bytes[t - 1] >= 0x80 || bytes[t - 1] == ' ' ||
                                  (bytes[t - 1] >= '\t' && bytes[t - 1] <= '\r')))
        --t;
      uint64_t back = uint64_t{4} * p->head_max;
      uint32_t start = t - within.begin > back ? t - static_cast<uint32_t>(back) : within.begin;
      while (start > within.begin && (bytes[start] & 0xC0) == 0x80) --start;  // a character's start
      windows->push_back({start - within.begin, length});
      return true;
    }
    // A match may only start in the stretch between barriers before each literal; without
    // barriers, anywhere once a literal is seen.
    if (!p->has_barriers) {
      bool any = false;
      for_each_hit([&](uint32_t, uint32_t) { return !(any = true); });
      if (!any) {
        if (!p->or_at_start) return false;
        windows->push_back({0, 0});  // only the \A branch can match
        return true;
      }
      windows->push_back({0, length});
      return true;
    }
    if (p->or_at_start) windows->push_back({0, 0});
    // A match contains the literal occurrence and no barrier, so it starts between the last
    // barrier before the occurrence and the occurrence itself. Hits in one stretch between
    // barriers extend one window; each byte is looked at once on the way back.
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    bool have_hit = false;
    uint32_t last_hit = 0;  // the begin of the last hit
    for_each_hit([&](uint32_t begin, uint32_t) {
      if (have_hit && begin <= last_hit) return true;
      uint32_t lower = have_hit ? last_hit : within.begin;
      uint32_t b = begin;
      while (b > lower && !p->barrier[bytes[b - 1]]) --b;
      if (have_hit && b == lower && !p->barrier[bytes[lower]])
        windows->back().end = begin - within.begin;  // same stretch as the last hit
      else
        windows->push_back({b - within.begin, begin - within.begin});
      have_hit = true;
      last_hit = begin;
      return true;
    });
    return !windows->empty();
  }
  static constexpr uint32_t kOneCallFrom = 64 * 1024;
  // JIT-compiling a pattern (about 200,000 instructions) costs about as much as interpreting
  // it over one or two kilobytes. At 1 KB, a run over 1,000 drafts interprets the patterns over
  // its first draft or two only (callgrind: 432.5 -> 423.8 M instructions against 2 KB), and a
  // 559-byte draft alone still compiles none (17.3 M either way); at 512 bytes that draft paid
  // for compiling them (30.2 M).
  static constexpr size_t kJitAfterBytes = 1024;
  static constexpr size_t kAnalyzeAfterBytes = 1024;
  static constexpr size_t kCallCost = 32;
};

namespace {

// Bounds that turn catastrophic backtracking into an error instead of a hang (Boost has its
// own, which it reports by throwing).
constexpr uint32_t kMatchLimit = 10'000'000, kDepthLimit = 100'000;

// Boost escapes that PCRE2 would read as plain characters instead of rejecting: \< and \>
// (start and end of a word), \` and \' (start and end of the text). Such patterns go to Boost.
bool UsesBoostOnlyEscapes(const std::string& pattern) {
  for (size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] != '\\') continue;
    char next = pattern[i + 1];
    if (next == '<' || next == '>' || next == '`' || next == '\'') return true;
    ++i;  // skip the escaped character (so "\\<" is a backslash and a '<')
  }
  return false;
}

pcre2_code* CompilePcre2(const std::string& pattern, bool ignore_case) {
  if (UsesBoostOnlyEscapes(pattern)) return nullptr;
  uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE | PCRE2_MATCH_INVALID_UTF |
                     PCRE2_USE_OFFSET_LIMIT;
  if (ignore_case) options |= PCRE2_CASELESS;
  int error = 0;
  PCRE2_SIZE at = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   options, &error, &at, nullptr);
  return code;
}

// One match context per thread, holding the limits.
pcre2_match_context* MatchContext() {
  thread_local struct Holder {
    pcre2_match_context* context = pcre2_match_context_create(nullptr);
    Holder() {
      pcre2_set_match_limit(context, kMatchLimit);
      pcre2_set_depth_limit(context, kDepthLimit);
    }
    ~Holder() { pcre2_match_context_free(context); }
  } holder;
  return holder.context;
}

// This thread's match data, with room for at least `pairs` offset pairs: made once, not per
// call (a rule's condition on a field is searched for every draft). Shared by every match on
// the thread, so ForEach's on_match must not start another match (TokenMatcher's only
// collects the ranges).
pcre2_match_data* MatchData(uint32_t pairs) {
  thread_local struct Data {
    pcre2_match_data* data = nullptr;
    uint32_t pairs = 0;
    ~Data() { pcre2_match_data_free(data); }
  } cached;
  if (!cached.data || cached.pairs < pairs) {
    pcre2_match_data_free(cached.data);
    cached.data = pcre2_match_data_create(pairs, nullptr);
    cached.pairs = pairs;
  }
  return cached.data;
}

}  // namespace

Regex::Regex() = default;
Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

bool Regex::Compile(const std::string& pattern, bool ignore_case, std::string* error,
                    int* error_at, bool prefilter) {
  auto impl = std::make_unique<Impl>();
  impl->code = CompilePcre2(pattern, ignore_case);
  if (impl->code) {
    impl->pattern = pattern;
    impl->ignore_case = ignore_case;
    impl->analyze = prefilter;
    impl_ = std::move(impl);
    return true;
  }
  try {
    boost::regex_constants::syntax_option_type flags = boost::regex_constants::perl;
    if (ignore_case) flags = flags | boost::regex_constants::icase;
    impl->boost_re = boost::make_u32regex(pattern.data(), pattern.data() + pattern.size(), flags);
    impl_ = std::move(impl);
    return true;
  } catch (const boost::regex_error& e) {
    *error = e.what();
    *error_at = static_cast<int>(e.position());
    return false;
  } catch (const std::exception& e) {
    *error = e.what();
    *error_at = 0;
    return false;
  }
}

namespace {

// Matches starting inside each window (offsets into text[within], in order, not
// overlapping; a match may not run past its window's end, which the caller guarantees), until
// `on_match` returns false.
bool ForEachPcre2(pcre2_code* code, std::string_view text, Range within,
                  const std::vector<Range>& windows,
                  const std::function<bool(Range, const std::vector<Range>&)>& on_match,
                  std::string* error) {
  auto subject = reinterpret_cast<PCRE2_SPTR>(text.data() + within.begin);
  const size_t length = within.size();
  pcre2_match_context* context = MatchContext();
  uint32_t needed = 0;
  pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &needed);
  pcre2_match_data* data = MatchData(needed + 1);
  std::vector<Range> groups;
  size_t start = 0;
  bool ok = true, stopped = false;
  for (const Range& window : windows) {
    pcre2_set_offset_limit(context, window.end);  // the last offset a match may start at
    start = std::max<size_t>(start, window.begin);
    uint32_t options = 0;
    while (ok && start <= window.end) {
      int rc = pcre2_match(code, subject, length, start, options, data, context);
      if (rc == PCRE2_ERROR_NOMATCH) {
        if (options == 0) break;
        // An empty match was just found here and nothing longer starts here: move one character.
        options = 0;
        ++start;
        while (start < length && (subject[start] & 0xC0) == 0x80) ++start;
        continue;
      }
      if (rc < 0) {
        if (error) {
          PCRE2_UCHAR message[256];
          pcre2_get_error_message(rc, message, sizeof message);
          *error = reinterpret_cast<const char*>(message);
        }
        ok = false;
        break;
      }
      const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(data);
      auto at = [&](PCRE2_SIZE offset) { return static_cast<uint32_t>(within.begin + offset); };
      groups.clear();
      for (uint32_t g = 1; g <= needed; ++g) {  // groups from rc on took no part in the match
        if (g >= static_cast<uint32_t>(rc) || ov[2 * g] == PCRE2_UNSET) groups.push_back({0, 0});
        else groups.push_back({at(ov[2 * g]), at(ov[2 * g + 1])});
      }
      if (!on_match({at(ov[0]), at(ov[1])}, groups)) {
        stopped = true;
        break;
      }
      start = ov[1];
      // After an empty match, first look for a non-empty one at the same place.
      options = ov[0] == ov[1] ? (PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED) : 0;
    }
    if (!ok || stopped) break;
  }
  pcre2_set_offset_limit(context, PCRE2_UNSET);
  return ok;
}

// A vector borrowed from a per-thread spare and given back on scope exit, so a regex run on
// each short paragraph does not allocate its scratch every time (a nested run on the same
// thread finds the spare taken and makes its own).
class BorrowedRanges {
 public:
  BorrowedRanges() : v_(std::move(Spare())) { v_.clear(); }
  ~BorrowedRanges() { Spare() = std::move(v_); }
  std::vector<Range>& get() { return v_; }

 private:
  static std::vector<Range>& Spare() {
    thread_local std::vector<Range> spare;
    return spare;
  }
  std::vector<Range> v_;
};

}  // namespace

bool Regex::ForEach(std::string_view text, Range within,
                    const std::function<void(Range, const std::vector<Range>&)>& on_match,
                    std::string* error) const {
  return ForEachUntil(
      text, within,
      [&](Range whole, const std::vector<Range>& groups) {
        on_match(whole, groups);
        return true;
      },
      error);
}

bool Regex::ForEachUntil(std::string_view text, Range within,
                         const std::function<bool(Range, const std::vector<Range>&)>& on_match,
                         std::string* error, const std::vector<LiteralHit>* shared_hits) const {
  if (!impl_) return true;
  if (impl_->code) {
    pcre2_code* code = impl_->ForText(within.size());
    BorrowedRanges borrowed;
    std::vector<Range>& windows = borrowed.get();
    if (!impl_->SearchWindows(text, within, shared_hits, &windows)) return true;  // no literal: no match
    if (code == impl_->code) {
      // A long text costs the interpreter in proportion to its whole length at every call
      // (below), so it counts whole.
      impl_->Searched(within.size() > Impl::kOneCallFrom ? within.size()
                                                         : Impl::SearchCost(windows));
      if (pcre2_code* j = impl_->jitted.load(std::memory_order_acquire)) code = j;
    }
    // The interpreter costs time in proportion to the whole text at every call (about 0.3 ms
    // a megabyte), so a long text it would search window by window is searched in one call.
    // A text that long has the JIT already (it counted whole, above); this is for a platform
    // without one.
    if (windows.size() > 1 && within.size() > Impl::kOneCallFrom &&
        code != impl_->jitted.load(std::memory_order_acquire))
      windows = {Range{0, within.size()}};
    return ForEachPcre2(code, text, within, windows, on_match, error);
  }
  const char* base = text.data();
  const char* first = base + within.begin;
  const char* last = base + within.end;
  boost::match_flag_type flags = boost::match_not_dot_newline;
  try {
    boost::u32regex_iterator<const char*> it(first, last, impl_->boost_re, flags), end;
    std::vector<Range> groups;
    for (; it != end; ++it) {
      const auto& m = *it;
      Range whole{static_cast<uint32_t>(m[0].first - base), static_cast<uint32_t>(m[0].second - base)};
      groups.clear();
      for (size_t g = 1; g < m.size(); ++g) {
        if (m[g].matched)
          groups.push_back({static_cast<uint32_t>(m[g].first - base),
                            static_cast<uint32_t>(m[g].second - base)});
        else
          groups.push_back({0, 0});
      }
      if (!on_match(whole, groups)) break;
    }
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    return false;
  }
  return true;
}

const std::vector<std::string>& Regex::ScanLiterals() const {
  static const std::vector<std::string> kNone;
  if (!impl_ || !impl_->code) return kNone;
  impl_->EnsureAnalyzed();
  const Impl::Prefilter* p = impl_->prefilter.load(std::memory_order_acquire);
  return p && !p->end_anchored ? p->literals : kNone;
}

const char* Regex::engine() const {
  if (!impl_ || !impl_->code) return "boost";
  return impl_->jitted.load() ? "pcre2-jit" : "pcre2";
}

bool Regex::Search(std::string_view text, Range within) const {
  if (!impl_) return false;
  if (impl_->code) {
    pcre2_code* code = impl_->ForText(within.size());
    if (code == impl_->code) {
      impl_->Searched(within.size() + Impl::kCallCost);
      if (pcre2_code* j = impl_->jitted.load(std::memory_order_acquire)) code = j;
    }
    uint32_t groups = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
    int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(text.data() + within.begin),
                         within.size(), 0, 0, MatchData(groups + 1), MatchContext());
    return rc >= 0;
  }
  bool found = false;
  try {
    boost::match_results<const char*> m;
    boost::match_flag_type flags = boost::match_not_dot_newline | boost::match_any;
    found = boost::u32regex_search(text.data() + within.begin, text.data() + within.end, m,
                                   impl_->boost_re, flags);
  } catch (const std::exception&) {
    return false;
  }
  return found;
}

}  // namespace fulint
