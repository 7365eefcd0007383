#include "rules/phrase_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

#include "rules/automaton_cache.h"

namespace fulint {
namespace {

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

// ICU's answer for ASCII, without the call: letters and digits are word characters.
bool IsAsciiWordByte(unsigned char b) {
  return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

bool IsWordCodePoint(UChar32 c) {
  return c >= 0 && (u_isalnum(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) &
                                        U_GC_M_MASK);
}

// Stable-sorts `v` by `before` through an index, moving each element once: moving strings
// about inside the sort was most of its time. Nothing to do when `v` is sorted already.
template <typename T, typename Before>
void StableSortByIndex(std::vector<T>* v, Before before) {
  if (std::is_sorted(v->begin(), v->end(), before)) return;
  std::vector<uint32_t> order(v->size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return before((*v)[a], (*v)[b]); });
  std::vector<T> sorted;
  sorted.reserve(v->size());
  for (uint32_t i : order) sorted.push_back(std::move((*v)[i]));
  *v = std::move(sorted);
}

}  // namespace

bool IsWordCharAt(std::string_view text, uint32_t off) {
  if (off >= text.size()) return false;
  unsigned char b = static_cast<unsigned char>(text[off]);
  if (b < 0x80) return IsAsciiWordByte(b);
  int32_t i = static_cast<int32_t>(off);
  UChar32 c;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  return IsWordCodePoint(c);
}

bool IsWordCharBefore(std::string_view text, uint32_t off) {
  if (off == 0 || off > text.size()) return false;
  unsigned char b = static_cast<unsigned char>(text[off - 1]);
  if (b < 0x80) return IsAsciiWordByte(b);
  int32_t i = static_cast<int32_t>(off);
  UChar32 c;
  U8_PREV(text.data(), 0, i, c);
  return IsWordCodePoint(c);
}

std::string NormalizePhrase(std::string_view phrase, bool ignore_case) {
  // Written into a buffer of the phrase's size (the result is never longer): a push_back per
  // byte was a noticeable part of loading the built-in word lists.
  std::string norm(phrase.size(), '\0');
  size_t n = 0;
  for (size_t i = 0; i < phrase.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(phrase[i]);
    if (c == 0xE2 && phrase.substr(i).starts_with(kCurlyApostrophe)) {
      c = '\'';
      i += 2;
    } else if (IsSpace(c)) {
      if (n > 0 && norm[n - 1] != ' ') norm[n++] = ' ';
      continue;
    } else if (ignore_case && c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c - 'A' + 'a');
    }
    norm[n++] = static_cast<char>(c);
  }
  if (n > 0 && norm[n - 1] == ' ') --n;
  norm.resize(n);
  return norm;
}

void PhraseMatcher::Add(std::string_view phrase, int id) {
  std::string norm = NormalizePhrase(phrase, ignore_case_);
  if (!norm.empty()) phrases_.push_back({std::move(norm), id});
}

void PhraseMatcher::Build() {
  // Equal phrases keep the first id: the sort is stable.
  StableSortByIndex(&phrases_, [](const auto& a, const auto& b) { return a.first < b.first; });
  phrases_.erase(std::unique(phrases_.begin(), phrases_.end(),
                             [](const auto& a, const auto& b) { return a.first == b.first; }),
                 phrases_.end());
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(std::string_view text, Range within) const {
  if (phrases_.empty()) return {};
  lazy_->once([&] {
    lazy_->automaton.emplace(ignore_case_);
    for (const auto& [norm, id] : phrases_) lazy_->automaton->AddNormalized(norm, id, 0);
    lazy_->automaton->Build();
  });
  return lazy_->automaton->FindAll(text, within);
}

void PhraseAutomaton::Add(std::string_view phrase, int id, int slot) {
  std::string norm = NormalizePhrase(phrase, ignore_case_);
  if (norm.empty()) return;
  owned_norms_.push_back(std::move(norm));
  pending_.push_back({owned_norms_.back(), id, slot});
}

void PhraseAutomaton::AddNormalized(std::string_view norm, int id, int slot) {
  if (!norm.empty()) pending_.push_back({norm, id, slot});
}

void PhraseAutomaton::DropPending() {
  pending_.clear();
  pending_.shrink_to_fit();
  owned_norms_.clear();
  owned_norms_.shrink_to_fit();
}

void PhraseAutomaton::Build(AutomatonCache* cache) {
  if (!cache || pending_.empty()) return BuildTables();
  const uint64_t key = KeyOf(cache->build_id());
  if (auto stored = cache->Load(key); stored && Restore(std::move(stored))) {
    DropPending();
    return;
  }
  BuildTables();
  cache->Store(key, Serialize());
}

uint64_t PhraseAutomaton::KeyOf(const std::string& build_id) const {
  KeyHasher key;
  key.Add(std::string_view("PhraseAutomaton"));
  key.Add(build_id);
  key.Add(ignore_case_ ? 1 : 0);
  key.Add(kDenseDepth);
  key.Add(pending_.size());
  for (const Pending& p : pending_) {
    key.Add(p.norm);
    key.Add(static_cast<uint64_t>(static_cast<uint32_t>(p.id)) << 32 | static_cast<uint32_t>(p.slot));
  }
  return key.value();
}

namespace {

// The layout of Serialize's bytes: the counts, then the byte tables, then int32 arrays. A
// file is only ever read by the build that wrote it (its build id is in the key), so the
// integers are in this machine's order.
constexpr size_t kCounts = 9;

}  // namespace

std::string PhraseAutomaton::Serialize() const {
  const size_t n = fail_.size();
  std::string out;
  const uint64_t counts[kCounts] = {classes_,        apostrophe_class_,
                                    static_cast<uint32_t>(root_in_word_row_), ring_mask_,
                                    n,               row_state_.size(),
                                    edges_.size(),   patterns_.size(),
                                    delta_.size()};
  AppendTable(TableView<uint64_t>(counts, kCounts), &out);
  AppendTable(TableView<uint8_t>(byte_class_, 256), &out);
  for (const bool* table : {is_space_, is_word_byte_, is_special_})
    for (int b = 0; b < 256; ++b) out.push_back(table[b] ? 1 : 0);
  AppendTable(delta_, &out);
  AppendTable(dense_row_, &out);
  AppendTable(row_state_, &out);
  AppendTable(edge_begin_, &out);
  AppendTable(edges_, &out);
  for (const TableView<int32_t>* v : {&fail_, &output_, &dict_, &first_output_})
    AppendTable(*v, &out);
  AppendTable(patterns_, &out);
  return out;
}

bool PhraseAutomaton::Restore(std::unique_ptr<AutomatonCache::Mapped> mapped) {
  const std::string_view body = mapped->body();
  uint64_t counts[kCounts];
  constexpr size_t kFixed = sizeof counts + 1024;
  if (body.size() < kFixed) return false;
  std::memcpy(counts, body.data(), sizeof counts);
  const auto [classes, apostrophe, root_row, ring_mask, n, rows, edge_count, pattern_count,
              delta_count] = counts;
  // The sizes must agree with each other and with the body (the checksum has vouched for the
  // bytes; this keeps a body of another shape from being read past its end).
  TableReader tables(body, kFixed);
  if (classes == 0 || classes > 256 || apostrophe >= classes || n < 2 || n > INT32_MAX ||
      rows > n || delta_count != rows * classes || edge_count >= n || ring_mask > UINT32_MAX ||
      root_row >= delta_count || pattern_count == 0 || pattern_count > INT32_MAX ||
      !tables.Fits(4 * (delta_count + n + rows + (n + 1) + 4 * n) + sizeof(Child) * edge_count +
                   sizeof(Pattern) * pattern_count))
    return false;
  std::memcpy(byte_class_, body.data() + sizeof counts, 256);
  size_t at = sizeof counts + 256;
  for (bool* table : {is_space_, is_word_byte_, is_special_}) {
    for (int b = 0; b < 256; ++b) table[b] = body[at + b] != 0;
    at += 256;
  }
  classes_ = static_cast<uint32_t>(classes);
  apostrophe_class_ = static_cast<uint32_t>(apostrophe);
  root_in_word_row_ = static_cast<int32_t>(root_row);
  ring_mask_ = static_cast<uint32_t>(ring_mask);
  tables.Next(&delta_, delta_count);
  tables.Next(&dense_row_, n);
  tables.Next(&row_state_, rows);
  tables.Next(&edge_begin_, n + 1);
  tables.Next(&edges_, edge_count);
  for (TableView<int32_t>* v : {&fail_, &output_, &dict_, &first_output_}) tables.Next(v, n);
  tables.Next(&patterns_, pattern_count);
  built_.reset();
  mapped_ = std::move(mapped);
  return true;
}

void PhraseAutomaton::BuildTables() {
  auto tables = std::make_unique<Tables>();
  Tables& out = *tables;
  // The trie, from the phrases in sorted order: each phrase shares its prefix with the one
  // before it, so states are made in one pass and every state's children come out sorted.
  // (Inserting phrase by phrase into per-state child vectors was half of a one-draft run's
  // rule loading.) Equal phrases of a slot keep the first id: the sort is stable. The same
  // phrase in several slots ends at one state, as consecutive patterns.
  // (Not sorted at all when they come sorted, as one list's do.)
  StableSortByIndex(&pending_, [](const Pending& a, const Pending& b) {
    int c = a.norm.compare(b.norm);
    return c != 0 ? c < 0 : a.slot < b.slot;
  });
  uint8_t class_of_folded[256] = {};
  classes_ = 1;
  for (const Pending& p : pending_)
    for (unsigned char c : p.norm)
      if (class_of_folded[c] == 0) class_of_folded[c] = static_cast<uint8_t>(classes_++);
  // ASCII letters and digits in no phrase share one class of their own, so the automaton can
  // tell a word byte from any other byte.
  if (classes_ < 256) {
    uint32_t other_word = classes_;
    for (int b = 0; b < 128; ++b)
      if (IsAsciiWordByte(static_cast<unsigned char>(b)) && class_of_folded[b] == 0)
        class_of_folded[b] = static_cast<uint8_t>(other_word), classes_ = other_word + 1;
  }
  struct Edge {
    int32_t parent;
    uint8_t cls;
    int32_t child;
  };
  // At most one state per phrase byte: reserved, so building a big union does not spend
  // its time regrowing these.
  size_t bytes = 0;
  for (const Pending& p : pending_) bytes += p.norm.size();
  std::vector<Edge> tree;
  tree.reserve(bytes);
  std::vector<int32_t> depth = {0};
  depth.reserve(bytes + 2);
  out.output.assign(1, -1);
  out.output.reserve(bytes + 2);
  out.patterns.reserve(pending_.size());
  std::vector<int32_t> path = {0};  // states along the previous phrase
  const Pending* previous = nullptr;
  for (const Pending& pending : pending_) {
    const std::string_view norm = pending.norm;
    if (previous && previous->norm == norm) {
      if (previous->slot == pending.slot) continue;  // a duplicate in the same slot
      out.patterns.back().more = true;
      out.patterns.push_back(out.patterns.back());
      out.patterns.back().id = pending.id;
      out.patterns.back().slot = pending.slot;
      out.patterns.back().more = false;
      previous = &pending;
      continue;
    }
    size_t shared = 0;
    if (previous)
      while (shared < norm.size() && shared < previous->norm.size() &&
             norm[shared] == previous->norm[shared])
        ++shared;
    path.resize(shared + 1);
    for (size_t d = shared; d < norm.size(); ++d) {
      int32_t child = static_cast<int32_t>(depth.size());
      tree.push_back({path.back(), class_of_folded[static_cast<unsigned char>(norm[d])], child});
      depth.push_back(static_cast<int32_t>(d + 1));
      out.output.push_back(-1);
      path.push_back(child);
    }
    out.output[path.back()] = static_cast<int32_t>(out.patterns.size());
    out.patterns.push_back({pending.id, pending.slot, static_cast<uint32_t>(norm.size()),
                         IsWordCharAt(norm, 0),
                         IsWordCharBefore(norm, static_cast<uint32_t>(norm.size())), false});
    previous = &pending;
  }
  // The second root: no phrase under way and the last byte a word byte. A phrase that starts
  // with a word character cannot start here (no word boundary), so this root ignores word
  // bytes; failure links never lead to a suffix that starts inside a word, for the same reason.
  // A scan spends most of its time in the middle of words that start no phrase, and that is
  // now one state whose row stays in cache, with the rest of the word skipped (FindAll).
  // Non-ASCII bytes count as non-word bytes here: that only lets more candidates through to
  // the exact (Unicode) boundary test made on each match.
  const int32_t root_in_word = static_cast<int32_t>(depth.size());
  depth.push_back(0);
  out.output.push_back(-1);
  const size_t n = depth.size();
  // Children grouped by parent (a counting sort keeps each parent's children sorted).
  out.edge_begin.assign(n + 1, 0);
  for (const Edge& e : tree) ++out.edge_begin[e.parent + 1];
  for (size_t s = 0; s < n; ++s) out.edge_begin[s + 1] += out.edge_begin[s];
  out.edges.assign(tree.size(), {0, 0});
  {
    std::vector<uint32_t> next(out.edge_begin.begin(), out.edge_begin.end() - 1);
    for (const Edge& e : tree) out.edges[next[e.parent]++] = {e.cls, e.child};
  }
  // A class is a word class when every byte in it is a word byte.
  std::vector<bool> class_is_word(classes_, true);
  for (int b = 0; b < 256; ++b) {
    unsigned char folded = static_cast<unsigned char>(b);
    if (IsSpace(folded)) folded = ' ';
    if (ignore_case_ && folded >= 'A' && folded <= 'Z') folded = folded - 'A' + 'a';
    byte_class_[b] = class_of_folded[folded];
    is_space_[b] = IsSpace(static_cast<unsigned char>(b));
    is_word_byte_[b] = b < 0x80 && IsAsciiWordByte(static_cast<unsigned char>(b));
    is_special_[b] = is_space_[b] || b == 0xE2;
    if (!is_word_byte_[b]) class_is_word[byte_class_[b]] = false;
  }
  apostrophe_class_ = class_of_folded[static_cast<unsigned char>('\'')];
  // Breadth-first order (states by depth), then failure and output links. States up to
  // kDenseDepth get full rows as they are reached: a row is its failure state's row (complete,
  // being shallower) with its own children written over it.
  std::vector<int32_t> order(n);
  {
    std::vector<uint32_t> per_depth(static_cast<size_t>(*std::max_element(depth.begin(), depth.end())) + 2, 0);
    for (int32_t d : depth) ++per_depth[d + 1];
    for (size_t d = 1; d < per_depth.size(); ++d) per_depth[d] += per_depth[d - 1];
    for (size_t s = 0; s < n; ++s) order[per_depth[depth[s]]++] = static_cast<int32_t>(s);
  }
  out.fail.assign(n, 0);
  out.dict.assign(n, -1);
  out.dense_row.assign(n, -1);
  int32_t rows = 0;
  for (size_t s = 0; s < n; ++s)
    if (depth[s] <= kDenseDepth) out.dense_row[s] = rows++;
  out.row_state.assign(static_cast<size_t>(rows), 0);
  for (size_t s = 0; s < n; ++s)
    if (out.dense_row[s] >= 0) out.row_state[out.dense_row[s]] = static_cast<int32_t>(s);
  out.delta.assign(static_cast<size_t>(rows) * classes_, 0);  // state ids for now
  auto child_of = [&](int32_t s, uint32_t cls) {
    for (uint32_t e = out.edge_begin[s]; e < out.edge_begin[s + 1]; ++e)
      if (out.edges[e].cls == cls) return out.edges[e].state;
    return -1;
  };
  // The goto-or-fail transition from `s` on `cls`, for states whose links are known.
  auto delta = [&](int32_t s, uint32_t cls) {
    while (out.dense_row[s] < 0) {
      int32_t child = child_of(s, cls);
      if (child >= 0) return child;
      s = out.fail[s];
    }
    return out.delta[static_cast<size_t>(out.dense_row[s]) * classes_ + cls];
  };
  for (int32_t s : order) {
    if (out.dense_row[s] >= 0) {
      int32_t* row = &out.delta[static_cast<size_t>(out.dense_row[s]) * classes_];
      if (s == 0) {
        for (uint32_t c = 0; c < classes_; ++c) row[c] = class_is_word[c] ? root_in_word : 0;
      } else if (s == root_in_word) {
        // Its children are the root's on a non-word byte; a word byte keeps it here.
        const int32_t* root_row = &out.delta[static_cast<size_t>(out.dense_row[0]) * classes_];
        for (uint32_t c = 0; c < classes_; ++c)
          row[c] = class_is_word[c] ? root_in_word : root_row[c];
      } else {
        const int32_t* fail_row = &out.delta[static_cast<size_t>(out.dense_row[out.fail[s]]) * classes_];
        std::copy(fail_row, fail_row + classes_, row);
      }
      for (uint32_t e = out.edge_begin[s]; e < out.edge_begin[s + 1]; ++e)
        row[out.edges[e].cls] = out.edges[e].state;
    }
    for (uint32_t e = out.edge_begin[s]; e < out.edge_begin[s + 1]; ++e) {
      int32_t child = out.edges[e].state;
      int32_t f = s != 0 ? delta(out.fail[s], out.edges[e].cls)
                  : class_is_word[out.edges[e].cls] ? root_in_word
                                                   : 0;
      out.fail[child] = f;
      out.dict[child] = out.output[f] >= 0 ? f : out.dict[f];
    }
  }
  out.first_output.assign(n, -1);
  for (size_t s = 1; s < n; ++s)
    out.first_output[s] = out.output[s] >= 0 ? static_cast<int32_t>(s) : out.dict[s];
  // Entries name their target by its row when it is shallow and ends no phrase (the scan
  // then needs nothing else), and as -(state + 1) otherwise.
  for (int32_t& t : out.delta)
    t = out.dense_row[t] >= 0 && out.first_output[t] < 0 ? out.dense_row[t] * static_cast<int32_t>(classes_)
                                                    : -(t + 1);
  root_in_word_row_ = out.dense_row[root_in_word] * static_cast<int32_t>(classes_);
  uint32_t longest = 1;
  for (const Pattern& p : out.patterns) longest = std::max(longest, p.length);
  uint32_t ring = 1;
  while (ring < longest) ring <<= 1;
  ring_mask_ = ring - 1;
  DropPending();
  built_ = std::move(tables);
  mapped_.reset();
  ShowTables();
}

void PhraseAutomaton::ShowTables() {
  const Tables& b = *built_;
  delta_ = b.delta;
  dense_row_ = b.dense_row;
  row_state_ = b.row_state;
  edge_begin_ = b.edge_begin;
  edges_ = b.edges;
  fail_ = b.fail;
  output_ = b.output;
  dict_ = b.dict;
  first_output_ = b.first_output;
  patterns_ = b.patterns;
}

void PhraseAutomaton::Emit(int32_t state, std::string_view text, uint32_t end_at,
                           const uint32_t* ring, uint32_t count,
                           std::vector<PhraseMatch>* const* sinks) const {
  for (int32_t s = first_output_[state]; s > 0; s = dict_[s]) {
    const Pattern* p = &patterns_[output_[s]];
    uint32_t begin = ring[(count - p->length) & ring_mask_];
    if (p->word_start && IsWordCharBefore(text, begin)) continue;
    if (p->word_end && end_at < text.size() && IsWordCharAt(text, end_at)) continue;
    for (;; ++p) {  // the same phrase in each slot that has it
      sinks[p->slot]->push_back({{begin, end_at}, p->id});
      if (!p->more) break;
    }
  }
}

void SortCandidates(std::vector<PhraseMatch>* candidates) {
  auto before = [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.range.begin != b.range.begin ? a.range.begin < b.range.begin
                                          : a.range.end > b.range.end;
  };
  // A scan emits candidates in the order it meets their ends, so each is out of place only
  // among the few earlier ones it overlaps: an insertion sort moves it a short way (on the
  // 10 MB benchmark file, 705,829 candidates: 13-16 ms with std::sort). Past a bound on the
  // moves (many long overlapping phrases) the rest is left to std::sort. No two candidates
  // of a list share a range (equal normalized phrases are one), so the order is the same.
  std::vector<PhraseMatch>& v = *candidates;
  size_t budget = 4 * v.size() + 64;
  for (size_t i = 1; i < v.size(); ++i) {
    if (!before(v[i], v[i - 1])) continue;
    const PhraseMatch moving = v[i];
    size_t j = i;
    do {
      v[j] = v[j - 1];
      --j;
    } while (j > 0 && before(moving, v[j - 1]) && --budget > 0);
    v[j] = moving;
    if (budget == 0) {
      std::sort(v.begin(), v.end(), before);
      return;
    }
  }
}

namespace {

std::vector<PhraseMatch> LeftmostLongest(std::vector<PhraseMatch> found) {
  SortCandidates(&found);
  size_t kept = 0;
  for (const auto& m : found)
    if (kept == 0 || m.range.begin >= found[kept - 1].range.end) found[kept++] = m;
  found.resize(kept);
  return found;
}

}  // namespace

std::vector<PhraseMatch> PhraseAutomaton::FindAll(std::string_view text, Range within) const {
  std::vector<PhraseMatch> found;
  if (patterns_.empty()) return found;
  std::vector<PhraseMatch>* sinks[1] = {&found};
  Scan(text, within, sinks);
  return LeftmostLongest(std::move(found));
}

void PhraseAutomaton::Scan(std::string_view text, Range within,
                           std::vector<PhraseMatch>* const* sinks) const {
  if (patterns_.empty()) return;
  const uint32_t end = std::min<uint32_t>(within.end, static_cast<uint32_t>(text.size()));
  if (end >= within.begin && end - within.begin >= full_rows_from) {
    if (const int32_t* full = FullRows()) return ScanLoop<true>(text, within, sinks, full);
  }
  ScanLoop<false>(text, within, sinks, nullptr);
}

uint32_t PhraseAutomaton::full_rows_from = 256 << 10;

const int32_t* PhraseAutomaton::FullRows() const {
  const size_t n = fail_.size(), classes = classes_;
  // Past 64 MB of rows (a style of some hundred thousand phrase bytes) the shallow rows do;
  // below it, row offsets fit an int32_t.
  if (n * classes > (size_t{16} << 20)) return nullptr;
  full_->once([&] {
    std::vector<int32_t>& rows = full_->rows;
    rows.resize(n * classes);  // target states for now
    auto copy_dense = [&](int32_t s) {
      const int32_t* from = &delta_[static_cast<size_t>(dense_row_[s]) * classes];
      for (size_t c = 0; c < classes; ++c)
        rows[static_cast<size_t>(s) * classes + c] =
            from[c] >= 0 ? row_state_[static_cast<uint32_t>(from[c]) / classes_] : -from[c] - 1;
    };
    // The two roots' rows are special (built by Build); every other state's row is its
    // failure state's row with its own children written over it, made in breadth-first
    // order so the failure state's row (shallower) is complete.
    const int32_t root_in_word = static_cast<int32_t>(n) - 1;
    copy_dense(0);
    copy_dense(root_in_word);
    std::vector<int32_t> queue;
    queue.reserve(n);
    for (uint32_t e = edge_begin_[0]; e < edge_begin_[1]; ++e) queue.push_back(edges_[e].state);
    for (size_t q = 0; q < queue.size(); ++q) {
      const int32_t s = queue[q];
      int32_t* row = &rows[static_cast<size_t>(s) * classes];
      const int32_t* fail_row = &rows[static_cast<size_t>(fail_[s]) * classes];
      std::copy(fail_row, fail_row + classes, row);
      for (uint32_t e = edge_begin_[s]; e < edge_begin_[s + 1]; ++e) {
        row[edges_[e].cls] = edges_[e].state;
        queue.push_back(edges_[e].state);
      }
    }
    for (int32_t& t : rows)
      t = first_output_[t] < 0 ? t * static_cast<int32_t>(classes_) : -(t + 1);
  });
  return full_->rows.data();
}

template <bool kFull>
void PhraseAutomaton::ScanLoop(std::string_view text, Range within,
                               std::vector<PhraseMatch>* const* sinks,
                               const int32_t* full) const {
  // ring[k & mask] is the text offset of the k-th normalized byte (a curly apostrophe and a
  // run of spaces are one byte each), to recover where a match starts.
  uint32_t ring[kMaxRing];
  std::vector<uint32_t> long_ring;
  uint32_t* const ring_at = ring_mask_ < kMaxRing ? ring : (long_ring.resize(ring_mask_ + 1), long_ring.data());
  // Locals, so the compiler keeps them in registers: it cannot tell the stores into the ring
  // from the tables and would reload them for every byte. Matches are emitted out of line for
  // the same reason.
  const int32_t* const delta = kFull ? full : delta_.data();
  const uint8_t* const byte_class = byte_class_;
  const bool* const is_space = is_space_;
  const bool* const is_word_byte = is_word_byte_;
  const bool* const is_special = is_special_;
  const int32_t root_in_word_row =
      kFull ? static_cast<int32_t>((fail_.size() - 1) * classes_) : root_in_word_row_;
  const uint32_t mask = ring_mask_;
  uint32_t count = 0;
  int32_t state = 0;  // the current state when it is deep (row < 0)
  int32_t row = 0;    // the current state's row in delta_ when it is shallow
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const uint32_t end = std::min<uint32_t>(within.end, static_cast<uint32_t>(text.size()));
  uint32_t i = within.begin;
  while (i < end && is_space[bytes[i]]) ++i;  // leading white space is no byte at all
  while (i < end) {
    const uint32_t at = i;
    const unsigned char b = bytes[i++];
    uint32_t cls = byte_class[b];
    if (is_special[b]) {
      if (is_space[b]) {
        while (i < end && is_space[bytes[i]]) ++i;  // a run of white space is one space
      } else if (b == 0xE2 && i + 1 < text.size() && bytes[i] == 0x80 && bytes[i + 1] == 0x99) {
        cls = apostrophe_class_;  // U+2019 matches a straight apostrophe
        i += 2;
      }
    }
    ring_at[count & mask] = at;
    ++count;
    // The common case, one load: a shallow state with no output goes to another such state.
    if (kFull || row >= 0) {
      const int32_t v = delta[static_cast<uint32_t>(row) + cls];
      if (v >= 0) {
        row = v;
        // Inside a word that starts no phrase: nothing can start before the word ends.
        if (v == root_in_word_row)
          while (i < end && is_word_byte[bytes[i]]) ++i;
        continue;
      }
      state = -v - 1;
      if constexpr (kFull) {  // every state has a row; this one ends a phrase
        row = state * static_cast<int32_t>(classes_);
        Emit(state, text, i, ring_at, count, sinks);
        continue;
      }
    } else {
      state = Next(state, cls);
    }
    // A deep state, or a shallow one where a phrase ends: outputs, then on from here.
    row = dense_row_[state] >= 0 ? dense_row_[state] * static_cast<int32_t>(classes_) : -1;
    if (first_output_[state] > 0) Emit(state, text, i, ring_at, count, sinks);
  }
}

}  // namespace fulint
