#include "rules/regex_prefilter.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cctype>

#include "rules/literal_trie.h"

namespace fulint {
namespace {

// Bounds that keep the sets small; past them a node is "not known", never wrong.
constexpr size_t kMaxExact = 64;         // strings in an exact set
constexpr size_t kMaxExactLength = 48;   // bytes in one of them
constexpr size_t kMaxRequired = 256;     // strings in a required set

using Strings = std::vector<std::string>;

// What one piece of a pattern can match.
struct Info {
  std::bitset<128> chars;    // ASCII bytes its consumed characters may be (a superset)
  bool exact_known = false;  // `exact` is every string it matches, ASCII lower-cased
  Strings exact;
  bool required_known = false;  // every match contains one of `required`
  Strings required;
  // ASCII bytes that may come between a match's start and the start of its `required`
  // occurrence (a subset of `chars`): the search for a match walks back from a literal
  // occurrence over these only.
  std::bitset<128> before;
  // Every match starts at the subject's start (\A).
  bool start_anchored = false;
  // Every match contains one of `required` or starts at the subject's start (an alternation
  // with \A branches, such as "a sentence's first word, or the text's").
  bool or_at_start = false;
  int max_chars = -1;  // the most characters a match consumes; -1: unbounded or not known
  // Every match ends at the end of the subject (\z, \Z), and consumes at most `head_max`
  // characters (-1: unbounded) before a last stretch of white space or non-ASCII characters.
  bool end_anchored = false;
  int head_max = -1;
  // Consumes characters `chars` does not show: a backreference, whose characters are counted
  // in its group.
  bool opaque = false;
};

Info EmptyMatch() {
  Info i;
  i.exact_known = true;
  i.exact = {""};
  i.max_chars = 0;
  return i;
}

Info OneChar(const std::bitset<128>& chars) {
  Info i;
  i.chars = chars;
  i.max_chars = 1;
  return i;
}

// A piece that consumes only ASCII white space or non-ASCII characters (or nothing).
bool WhiteSpaceOnly(const Info& i) {
  static const std::bitset<128> kNotSpace = [] {
    std::bitset<128> space;
    for (char x : {' ', '\t', '\n', '\r', '\f', '\v'}) space.set(static_cast<unsigned char>(x));
    return ~space;
  }();
  return !i.opaque && (i.chars & kNotSpace).none();
}

int AddMax(int a, int b) { return a < 0 || b < 0 ? -1 : a + b; }

void SortUnique(Strings* s) {
  std::sort(s->begin(), s->end());
  s->erase(std::unique(s->begin(), s->end()), s->end());
}

unsigned char Lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

// The strings every match is known to contain one of, if any, and what may come before the
// occurrence in a match.
bool Requirement(const Info& i, Strings* out, std::bitset<128>* before = nullptr) {
  if (i.exact_known && !i.exact.empty() &&
      std::none_of(i.exact.begin(), i.exact.end(), [](const auto& s) { return s.empty(); })) {
    *out = i.exact;
    if (before) before->reset();  // the whole match is the literal
    return true;
  }
  if (i.required_known && !i.or_at_start) {
    *out = i.required;
    if (before) *before = i.before;
    return true;
  }
  return false;
}

// Longer shortest strings filter more text; then fewer strings.
bool Better(const Strings& a, const Strings& b) {
  auto shortest = [](const Strings& s) {
    size_t m = SIZE_MAX;
    for (const auto& x : s) m = std::min(m, x.size());
    return m;
  };
  size_t la = shortest(a), lb = shortest(b);
  return la != lb ? la > lb : a.size() < b.size();
}

// Concatenations of one string from each set, or false when there would be too many.
bool Product(const Strings& a, const Strings& b, Strings* out) {
  if (a.size() * b.size() > kMaxExact) return false;
  // One string on either side (a pattern's literal characters, one at a time): the other
  // side's strings each get it added in place, without building and sorting a new set. A
  // common prefix keeps the order; a common suffix may not ("a" < "ab", "abc" < "ac").
  if (a.size() == 1 || b.size() == 1) {
    const bool suffix = b.size() == 1;
    const std::string& one = suffix ? b[0] : a[0];
    const Strings& many = suffix ? a : b;
    size_t longest = 0;
    for (const auto& x : many) longest = std::max(longest, x.size());
    if (longest + one.size() > kMaxExactLength) return false;
    Strings p;  // not `*out` yet: it may be `a` or `b`
    p.reserve(many.size());
    for (const auto& x : many) {
      std::string joined;
      joined.reserve(x.size() + one.size());
      joined.append(suffix ? x : one).append(suffix ? one : x);
      p.push_back(std::move(joined));
    }
    if (!std::is_sorted(p.begin(), p.end()) ||
        std::adjacent_find(p.begin(), p.end()) != p.end())
      SortUnique(&p);
    *out = std::move(p);
    return true;
  }
  Strings p;
  p.reserve(a.size() * b.size());
  for (const auto& x : a)
    for (const auto& y : b) {
      if (x.size() + y.size() > kMaxExactLength) return false;
      p.push_back(x + y);
    }
  SortUnique(&p);
  *out = std::move(p);
  return true;
}

std::bitset<128> AllChars() { return std::bitset<128>().set(); }

class Parser {
 public:
  Parser(std::string_view p, bool ignore_case) : p_(p), ignore_case_(ignore_case) {}

  bool Parse(Info* out) {
    *out = Alternation();
    return ok_ && pos_ == p_.size();
  }

 private:
  bool AtEnd() const { return pos_ >= p_.size(); }
  char Peek(size_t ahead = 0) const { return pos_ + ahead < p_.size() ? p_[pos_ + ahead] : '\0'; }
  bool Starts(std::string_view s) const {
    return pos_ <= p_.size() && p_.substr(pos_).starts_with(s);
  }
  void Fail() {
    ok_ = false;
    pos_ = p_.size();
  }

  Info Alternation() {
    std::vector<Info> branches{Sequence()};
    while (ok_ && Peek() == '|' && !AtEnd()) {
      ++pos_;
      branches.push_back(Sequence());
    }
    if (branches.size() == 1) return branches[0];
    Info out;
    out.exact_known = out.required_known = true;
    out.max_chars = 0;
    out.end_anchored = true;
    out.head_max = 0;
    for (const Info& b : branches) {
      out.chars |= b.chars;
      out.opaque |= b.opaque;
      out.max_chars = out.max_chars < 0 || b.max_chars < 0 ? -1 : std::max(out.max_chars, b.max_chars);
      out.end_anchored &= b.end_anchored;
      out.head_max = out.head_max < 0 || b.head_max < 0 ? -1 : std::max(out.head_max, b.head_max);
      if (b.exact_known && out.exact_known) {
        out.exact.insert(out.exact.end(), b.exact.begin(), b.exact.end());
      } else {
        out.exact_known = false;
      }
      Strings req;
      std::bitset<128> before;
      if (out.required_known && Requirement(b, &req, &before)) {
        out.required.insert(out.required.end(), req.begin(), req.end());
        out.before |= before;
      } else if (b.start_anchored) {
        out.or_at_start = true;  // this branch matches only at the start
      } else {
        out.required_known = false;
      }
    }
    out.start_anchored = std::all_of(branches.begin(), branches.end(),
                                     [](const Info& b) { return b.start_anchored; });
    if (out.required.empty()) out.required_known = out.or_at_start = false;
    if (!out.end_anchored) out.head_max = -1;
    SortUnique(&out.exact);
    if (out.exact.size() > kMaxExact) out.exact_known = false;
    SortUnique(&out.required);
    if (out.required.size() > kMaxRequired) out.required_known = false;
    if (!out.exact_known) out.exact.clear();
    if (!out.required_known) out.required.clear(), out.or_at_start = false;
    return out;
  }

  Info Sequence() {
    Info out = EmptyMatch();
    bool have_best = false;
    Strings best;
    std::bitset<128> best_before;
    auto consider = [&](const Strings& s, const std::bitset<128>& before) {
      if (!have_best || Better(s, best)) {
        best = s;
        best_before = before;
        have_best = true;
      }
    };
    // What the pieces so far may consume: before a later piece's literal. A backreference
    // consumes what its group did, which may come later: then anything.
    std::bitset<128> prefix;
    bool prefix_opaque = false, zero_width_so_far = true;
    auto prefix_chars = [&] { return prefix_opaque ? AllChars() : prefix; };
    // The product of the current run of consecutive exact pieces, and what comes before it.
    bool run_open = true;
    Strings run = {""};
    std::bitset<128> run_before;
    auto close_run = [&] {
      if (run_open && std::none_of(run.begin(), run.end(), [](auto& s) { return s.empty(); }))
        consider(run, run_before);
    };
    struct Shape {
      int max_chars;
      bool end_anchored, white_space_only;
      int head_max;
    };
    std::vector<Shape> shapes;
    while (ok_ && !AtEnd() && Peek() != '|' && Peek() != ')') {
      Info piece = Quantified();
      if (!ok_) break;
      shapes.push_back({piece.max_chars, piece.end_anchored, WhiteSpaceOnly(piece), piece.head_max});
      out.max_chars = AddMax(out.max_chars, piece.max_chars);
      out.chars |= piece.chars;
      out.opaque |= piece.opaque;
      if (piece.start_anchored && zero_width_so_far) out.start_anchored = true;
      zero_width_so_far &= piece.max_chars == 0 && !piece.opaque;
      Strings req;
      std::bitset<128> before;
      if (Requirement(piece, &req, &before)) consider(req, before | prefix_chars());
      if (piece.exact_known) {
        Strings joined;
        if (run_open && Product(run, piece.exact, &joined)) {
          if (run.size() == 1 && run[0].empty()) run_before = prefix_chars();
          run = std::move(joined);
        } else {
          close_run();
          run = piece.exact;
          run_before = prefix_chars();
          run_open = true;
        }
      } else {
        close_run();
        run = {""};
      }
      prefix |= piece.chars;
      prefix_opaque |= piece.opaque;
      if (out.exact_known && piece.exact_known) {
        Strings joined;
        if (Product(out.exact, piece.exact, &joined)) out.exact = std::move(joined);
        else out.exact_known = false;
      } else {
        out.exact_known = false;
      }
    }
    close_run();
    // Anchored at the end when the last piece is. White-space pieces just before a last piece
    // that is itself all white space (\s*\z) join the stretch not counted in head_max.
    if (!shapes.empty() && shapes.back().end_anchored) {
      size_t k = shapes.size() - 1;
      int head = shapes.back().white_space_only ? 0 : shapes.back().head_max;
      if (shapes.back().white_space_only)
        while (k > 0 && shapes[k - 1].white_space_only) --k;
      for (size_t j = 0; j < k; ++j) head = AddMax(head, shapes[j].max_chars);
      out.end_anchored = true;
      out.head_max = head;
    }
    if (!out.exact_known) out.exact.clear();
    if (have_best) {
      out.required_known = true;
      out.required = std::move(best);
      out.before = best_before;
    }
    return out;
  }

  // An atom and its quantifier, if any.
  Info Quantified() {
    Info atom = Atom();
    if (!ok_) return atom;
    int min = 1, max = 1;  // max -1: unbounded
    char c = Peek();
    if (c == '*') {
      min = 0, max = -1, ++pos_;
    } else if (c == '+') {
      min = 1, max = -1, ++pos_;
    } else if (c == '?') {
      min = 0, max = 1, ++pos_;
    } else if (c == '{') {
      if (!Counts(&min, &max)) {
        Fail();
        return atom;
      }
    } else {
      return atom;
    }
    if (Peek() == '?' || Peek() == '+') ++pos_;  // lazy or possessive: same strings
    if (Peek() == '*' || Peek() == '+' || Peek() == '?' || Peek() == '{') {
      Fail();  // a quantified quantifier is not worth reading
      return atom;
    }
    Info out;
    out.chars = atom.chars;
    out.opaque = atom.opaque;
    if (max == 0) return EmptyMatch();
    if (min == 1 && max == 1) return atom;
    if (atom.max_chars == 0) out.max_chars = 0;
    else if (atom.max_chars > 0 && max > 0) out.max_chars = atom.max_chars * max;
    if (atom.exact_known && min == 0 && max == 1) {
      out.exact_known = true;
      out.exact = atom.exact;
      out.exact.push_back("");
      SortUnique(&out.exact);
    } else if (atom.exact_known && min == max && min <= 4) {
      Strings p = {""};
      bool fits = true;
      for (int k = 0; k < min && fits; ++k) fits = Product(p, atom.exact, &p);
      if (fits) {
        out.exact_known = true;
        out.exact = std::move(p);
      }
    }
    // The first repetition holds the literal, so what comes before it is as in the atom.
    if (min >= 1) out.required_known = Requirement(atom, &out.required, &out.before);
    // At least two copies of an exact atom: a match holds two in a row ("  " for [ \t]{2,}),
    // a longer and rarer literal than one copy.
    if (min >= 2 && atom.exact_known && !out.exact_known) {
      Strings twice;
      if (Product(atom.exact, atom.exact, &twice) &&
          std::none_of(twice.begin(), twice.end(), [](const auto& t) { return t.empty(); })) {
        out.required_known = true;
        out.required = std::move(twice);
        out.before.reset();
      }
    }
    return out;
  }

  // "{n}", "{n,}" or "{n,m}"; false for anything else (PCRE2 would read a literal '{').
  bool Counts(int* min, int* max) {
    size_t end = p_.find('}', pos_);
    if (end == std::string_view::npos) return false;
    std::string_view body = p_.substr(pos_ + 1, end - pos_ - 1);
    size_t comma = body.find(',');
    auto number = [](std::string_view s, int* out) {
      if (s.empty() || s.size() > 5) return false;
      int v = 0;
      for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
      }
      *out = v;
      return true;
    };
    if (comma == std::string_view::npos) {
      if (!number(body, min)) return false;
      *max = *min;
    } else {
      if (!number(body.substr(0, comma), min)) return false;
      std::string_view rest = body.substr(comma + 1);
      if (rest.empty()) *max = -1;
      else if (!number(rest, max) || *max < *min) return false;
    }
    pos_ = end + 1;
    return true;
  }

  Info Literal(std::string_view bytes) {
    Info i;
    i.max_chars = 1;
    unsigned char first = static_cast<unsigned char>(bytes[0]);
    if (first < 0x80) {
      i.chars.set(first);
      if (first >= 'a' && first <= 'z') i.chars.set(first - 32);
      if (first >= 'A' && first <= 'Z') i.chars.set(first + 32);
      i.exact_known = true;
      i.exact = {std::string(1, static_cast<char>(Lower(first)))};
    } else if (!ignore_case_) {
      // Non-ASCII characters fold case by Unicode rules when ignoring case, which the
      // scanner's ASCII folding does not know: only exact without ignorecase.
      i.exact_known = true;
      i.exact = {std::string(bytes)};
    }
    return i;
  }

  Info Set(const std::bitset<128>& chars) { return OneChar(chars); }

  Info Atom() {
    char c = Peek();
    if (c == '(') return Group();
    if (c == '[') return Class();
    if (c == '\\') return Escape(false, nullptr);
    if (c == '.') {
      ++pos_;
      return Set(AllChars());
    }
    if (c == '^' || c == '$') {
      ++pos_;
      return EmptyMatch();
    }
    if (c == '*' || c == '+' || c == '?' || c == '{' || c == '}' || c == ']') {
      Fail();  // stray metacharacters: leave such patterns alone
      return Info{};
    }
    size_t len = 1;
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0xF0) len = 4;
    else if (u >= 0xE0) len = 3;
    else if (u >= 0xC0) len = 2;
    if (pos_ + len > p_.size()) {
      Fail();
      return Info{};
    }
    std::string_view bytes = p_.substr(pos_, len);
    pos_ += len;
    return Literal(bytes);
  }

  Info Group() {
    ++pos_;  // '('
    bool look = false;
    if (Peek() == '?') {
      if (Starts("?#")) {
        size_t end = p_.find(')', pos_);
        if (end == std::string_view::npos) return Fail(), Info{};
        pos_ = end + 1;
        return EmptyMatch();
      }
      if (Starts("?:") || Starts("?>") || Starts("?|")) {
        pos_ += 2;
      } else if (Starts("?=") || Starts("?!")) {
        pos_ += 2;
        look = true;
      } else if (Starts("?<=") || Starts("?<!")) {
        pos_ += 3;
        look = true;
      } else if (Starts("?<") || Starts("?P<") || Starts("?'")) {
        char close = Starts("?'") ? '\'' : '>';
        size_t end = p_.find(close, pos_ + 2);
        if (end == std::string_view::npos) return Fail(), Info{};
        pos_ = end + 1;
      } else {
        Fail();  // inline flags, recursion, conditionals, callouts: not read
        return Info{};
      }
    } else if (Peek() == '*') {
      Fail();  // (*VERB)
      return Info{};
    }
    Info inner = Alternation();
    if (!ok_ || Peek() != ')') {
      Fail();
      return Info{};
    }
    ++pos_;
    // Lookaround consumes nothing: its characters are not part of the match.
    return look ? EmptyMatch() : inner;
  }

  // Adds the ASCII members of a class escape (\d, \w, \s and the like) to `set`; false when
  // the escape is not one.
  static bool ClassEscape(char c, std::bitset<128>* set) {
    auto range = [&](int a, int b) {
      for (int x = a; x <= b; ++x) set->set(x);
    };
    switch (c) {
      case 'd': range('0', '9'); return true;
      case 'w': range('0', '9'); range('a', 'z'); range('A', 'Z'); set->set('_'); return true;
      case 's': for (char x : {' ', '\t', '\n', '\r', '\f', '\v'}) set->set(x); return true;
      case 'h': set->set(' '); set->set('\t'); return true;
      case 'v': for (char x : {'\n', '\r', '\f', '\v'}) set->set(x); return true;
      case 'D': case 'W': case 'S': case 'H': case 'V': case 'N': case 'X': case 'C': case 'R':
        *set = AllChars();
        return true;
      default: return false;
    }
  }

  // After a backslash. In a class (`in_class`), a single character is stored in `*single`.
  Info Escape(bool in_class, int* single) {
    ++pos_;  // '\'
    if (AtEnd()) return Fail(), Info{};
    char c = p_[pos_++];
    std::bitset<128> set;
    if (!in_class && (c == 'R' || c == 'X')) {  // a line break (\r\n is two) or a grapheme
      Info any;
      any.chars = AllChars();
      return any;
    }
    if (ClassEscape(c, &set)) return Set(set);
    if (c == 'p' || c == 'P') {
      if (Peek() == '{') {
        size_t end = p_.find('}', pos_);
        if (end == std::string_view::npos) return Fail(), Info{};
        pos_ = end + 1;
      } else {
        ++pos_;
      }
      return Set(AllChars());
    }
    if (!in_class && (c == 'z' || c == 'Z')) {
      Info end = EmptyMatch();
      end.end_anchored = true;
      end.head_max = 0;
      return end;
    }
    if (!in_class && c == 'A') {
      Info start = EmptyMatch();
      start.start_anchored = true;
      return start;
    }
    if (!in_class && (c == 'b' || c == 'B' || c == 'G' || c == 'K'))
      return EmptyMatch();
    if (!in_class && c >= '1' && c <= '9') {
      if (Peek() >= '0' && Peek() <= '9') return Fail(), Info{};  // \10 and up: ambiguous
      Info backreference;  // whatever its group matched (chars already counted)
      backreference.opaque = true;
      return backreference;
    }
    if (!in_class && (c == 'g' || c == 'k')) {
      char open = Peek();
      char close = open == '{' ? '}' : open == '<' ? '>' : open == '\'' ? '\'' : '\0';
      if (c == 'g' && (open == '<' || open == '\'')) return Fail(), Info{};  // subroutine call
      if (close) {
        size_t end = p_.find(close, pos_ + 1);
        if (end == std::string_view::npos) return Fail(), Info{};
        pos_ = end + 1;
      } else if (c == 'g') {
        if (Peek() == '-') ++pos_;
        if (!(Peek() >= '0' && Peek() <= '9')) return Fail(), Info{};
        while (Peek() >= '0' && Peek() <= '9') ++pos_;
      } else {
        return Fail(), Info{};
      }
      Info backreference;
      backreference.opaque = true;
      return backreference;
    }
    int code = -1;
    switch (c) {
      case 'n': code = '\n'; break;
      case 't': code = '\t'; break;
      case 'r': code = '\r'; break;
      case 'f': code = '\f'; break;
      case 'e': code = 0x1B; break;
      case 'a': code = 0x07; break;
      case 'x': {
        std::string_view digits;
        if (Peek() == '{') {
          size_t end = p_.find('}', pos_);
          if (end == std::string_view::npos) return Fail(), Info{};
          digits = p_.substr(pos_ + 1, end - pos_ - 1);
          pos_ = end + 1;
        } else {
          size_t n = 0;
          while (n < 2 && std::isxdigit(static_cast<unsigned char>(Peek(n)))) ++n;
          digits = p_.substr(pos_, n);
          pos_ += n;
        }
        if (digits.empty() || digits.size() > 6) return Fail(), Info{};
        code = 0;
        for (char d : digits) {
          if (!std::isxdigit(static_cast<unsigned char>(d))) return Fail(), Info{};
          code = code * 16 + (std::isdigit(static_cast<unsigned char>(d)) ? d - '0'
                                                                          : (d | 0x20) - 'a' + 10);
        }
        if (code >= 0x80) {
          // A non-ASCII character: no ASCII member, not worth spelling out as UTF-8 (a class
          // reads its first byte from escaped_code_).
          if (single) *single = -2;
          escaped_code_ = code;
          return OneChar({});
        }
        break;
      }
      default: {
        unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0x80) {
          // An escaped non-ASCII character: the rest of its UTF-8 sequence, no ASCII member.
          while ((static_cast<unsigned char>(Peek()) & 0xC0) == 0x80) ++pos_;
          if (single) *single = -2;
          escaped_code_ = -1;
          return OneChar({});
        }
        if (std::isalnum(u)) return Fail(), Info{};  // \Q, \c, \0...
        code = u;  // an escaped metacharacter
      }
    }
    if (in_class && single) *single = code;
    char byte = static_cast<char>(code);
    return Literal(std::string_view(&byte, 1));
  }

  Info Class() {
    ++pos_;  // '['
    bool negated = false;
    if (Peek() == '^') {
      negated = true;
      ++pos_;
    }
    std::bitset<128> members;
    bool non_ascii = false, multi = false;
    // The first bytes of the UTF-8 forms of the non-ASCII members, while they are all known
    // (single characters and ranges written as \x{...}; not \p, \w, [:alpha:] and the like).
    std::bitset<256> leads;
    bool leads_known = true;
    bool first = true;
    while (!AtEnd() && (Peek() != ']' || first)) {
      first = false;
      int single = -1;
      if (Starts("[:")) {
        size_t end = p_.find(":]", pos_ + 2);
        if (end == std::string_view::npos) return Fail(), Info{};
        std::string name(p_.substr(pos_ + 2, end - pos_ - 2));
        pos_ = end + 2;
        bool posix_negated = !name.empty() && name[0] == '^';
        if (posix_negated) name.erase(0, 1);
        std::bitset<128> set;
        auto range = [&](int a, int b) {
          for (int x = a; x <= b; ++x) set.set(x);
        };
        if (name == "alpha" || name == "upper" || name == "lower") {
          range('a', 'z'), range('A', 'Z');
        } else if (name == "alnum") {
          range('a', 'z'), range('A', 'Z'), range('0', '9');
        } else if (name == "digit") {
          range('0', '9');
        } else if (name == "xdigit") {
          range('0', '9'), range('a', 'f'), range('A', 'F');
        } else if (name == "word") {
          range('a', 'z'), range('A', 'Z'), range('0', '9'), set.set('_');
        } else if (name == "space") {
          for (char x : {' ', '\t', '\n', '\r', '\f', '\v'}) set.set(x);
        } else if (name == "blank") {
          set.set(' '), set.set('\t');
        } else if (name == "punct" || name == "graph" || name == "print" || name == "cntrl" ||
                   name == "ascii") {
          set = AllChars();
        } else {
          return Fail(), Info{};
        }
        // With Unicode properties every class above except the ASCII-only ones reaches past
        // ASCII; [:^name:] is everything else, so take all as a safe superset.
        if (posix_negated) set = AllChars();
        members |= set;
        non_ascii = multi = true;
        continue;
      }
      if (Peek() == '\\') {
        Info e = Escape(true, &single);
        if (!ok_) return Info{};
        if (single == -2) {
          non_ascii = true;
          if (escaped_code_ < 0) {
            leads_known = false;
          } else if (Peek() == '-' && Peek(1) == '\\' && Peek(2) == 'x') {
            // A range of code points, \x{...}-\x{...}: every first byte in between.
            int low = escaped_code_, high_single = -1;
            ++pos_;
            Escape(true, &high_single);
            if (!ok_) return Info{};
            if (high_single != -2 || escaped_code_ < low) return Fail(), Info{};
            for (int b = Utf8Lead(low); b <= Utf8Lead(escaped_code_); ++b) leads.set(b);
            continue;
          } else if (Peek() == '-' && Peek(1) != ']' && Peek(1) != '\0') {
            leads_known = false;  // a range to something else: read as before, leads unknown
          } else {
            leads.set(Utf8Lead(escaped_code_));
          }
        } else if (single < 0) {
          members |= e.chars;  // a class escape such as \d or \w
          multi = non_ascii = true;
          continue;
        }
      } else {
        unsigned char u = static_cast<unsigned char>(Peek());
        if (u >= 0x80) {
          non_ascii = true;
          size_t len = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
          pos_ = std::min(pos_ + len, p_.size());
          leads.set(u);
          if (Peek() == '-' && Peek(1) != ']' && Peek(1) != '\0') leads_known = false;  // a range
          continue;
        }
        single = u;
        ++pos_;
      }
      if (single == -2) {
        continue;
      }
      // A range "a-z": the '-' is not first, not last.
      if (Peek() == '-' && Peek(1) != ']' && Peek(1) != '\0') {
        ++pos_;
        int high;
        if (Peek() == '\\') {
          int s = -1;
          Escape(true, &s);
          if (!ok_ || s < 0) return Fail(), Info{};
          high = s;
        } else {
          unsigned char h = static_cast<unsigned char>(Peek());
          ++pos_;
          high = h >= 0x80 ? 0x10FFFF : h;
          if (h >= 0x80) {
            size_t len = h >= 0xF0 ? 4 : h >= 0xE0 ? 3 : h >= 0xC0 ? 2 : 1;
            pos_ = std::min(pos_ + len - 1, p_.size());
          }
        }
        if (high < single) return Fail(), Info{};
        for (int x = single; x <= std::min(high, 127); ++x) members.set(x);
        if (high >= 0x80) non_ascii = true;
        multi = true;
        continue;
      }
      if (single < 128) members.set(single);
      else non_ascii = true;
    }
    if (AtEnd()) return Fail(), Info{};
    ++pos_;  // ']'
    // Letters of either case: ignoring case adds the other one, and a superset is safe.
    std::bitset<128> folded = members;
    for (int x = 'a'; x <= 'z'; ++x)
      if (members[x] || members[x - 32]) folded.set(x), folded.set(x - 32);
    Info i;
    i.max_chars = 1;
    if (negated) {
      // Everything but the members (without case pairs: only removing fewer is safe when the
      // pattern ignores case).
      i.chars = ~members;
      return i;
    }
    i.chars = folded;
    // Only non-ASCII members, all known: a match holds one of their first bytes. (Not when
    // ignoring case: Unicode case folding pairs characters with different first bytes.)
    if (non_ascii && members.none() && leads_known && leads.any() && !ignore_case_) {
      i.required_known = true;
      for (int b = 0x80; b < 0x100; ++b)
        if (leads[b]) i.required.push_back(std::string(1, static_cast<char>(b)));
    }
    if (!non_ascii && !multi) {
      Strings exact;
      for (int x = 0; x < 128; ++x)
        if (members[x]) exact.push_back(std::string(1, static_cast<char>(Lower(x))));
      SortUnique(&exact);
      if (!exact.empty() && exact.size() <= 4) {
        i.exact_known = true;
        i.exact = std::move(exact);
      }
    }
    return i;
  }

  // The first byte of a code point's UTF-8 form.
  static int Utf8Lead(int code) {
    if (code < 0x80) return code;
    if (code < 0x800) return 0xC0 | (code >> 6);
    if (code < 0x10000) return 0xE0 | (code >> 12);
    return 0xF0 | (code >> 18);
  }

  std::string_view p_;
  bool ignore_case_;
  size_t pos_ = 0;
  bool ok_ = true;
  int escaped_code_ = -1;  // the last \x{...} escape's code point, when non-ASCII (else -1)
};

}  // namespace

RegexFacts AnalyzeRegex(std::string_view pattern, bool ignore_case) {
  RegexFacts facts;
  Info top;
  if (!Parser(pattern, ignore_case).Parse(&top)) return facts;
  if (top.end_anchored && top.head_max >= 0) {
    facts.end_anchored = true;
    facts.head_max = static_cast<uint32_t>(top.head_max);
  }
  Strings required;
  // At the top, "a literal or the start" is usable: the search adds a window at the start.
  Info whole = top;
  whole.or_at_start = false;
  if (Requirement(whole, &required)) {
    // A literal that contains another is implied by it: keep the shorter. Only a shorter
    // literal can be inside another one (an equal-length one would be the same literal), so
    // each is compared with the shorter ones only, shortest first, until one is inside it.
    std::vector<const std::string*> by_length;
    for (const auto& s : required) by_length.push_back(&s);
    std::stable_sort(by_length.begin(), by_length.end(),
                     [](const std::string* a, const std::string* b) { return a->size() < b->size(); });
    Strings kept;
    std::vector<bool> dropped(required.size(), false);
    for (size_t i = 0; i < required.size(); ++i) {
      const std::string& s = required[i];
      for (const std::string* t : by_length) {
        if (t->size() >= s.size()) break;
        if (s.find(*t) != std::string::npos) {
          dropped[i] = true;
          break;
        }
      }
      if (!dropped[i]) kept.push_back(s);
    }
    // Where a dropped literal occurs, the scan finds a kept one inside it, maybe not at its
    // start: the bytes of the dropped literal before that one may also precede it in a match.
    std::bitset<128> inside;
    for (size_t r = 0; r < required.size(); ++r) {
      if (!dropped[r]) continue;
      const std::string& s = required[r];
      size_t first = s.size();
      for (const auto& k : kept)
        if (size_t at = s.find(k); at != std::string::npos) first = std::min(first, at);
      for (size_t i = 0; i < first; ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) continue;  // the search walks back over non-ASCII bytes anyway
        inside.set(c);
        if (c >= 'a' && c <= 'z') inside.set(c - 32);
      }
    }
    size_t shortest = SIZE_MAX;
    std::bitset<256> first_bytes;
    bool one_alnum = false;
    for (const auto& s : kept) {
      shortest = std::min(shortest, s.size());
      if (s.empty()) continue;
      unsigned char f = static_cast<unsigned char>(s[0]);
      first_bytes.set(f);
      if (f >= 'a' && f <= 'z') first_bytes.set(f - 32);
      one_alnum |= s.size() == 1 && (std::isalnum(f) || std::isspace(f));
    }
    // One-character literals: letters, digits and spaces are everywhere, not worth a scan; a few
    // punctuation marks (a sentence's end: ". ! ?") are, as the scanner skips to them sixteen
    // bytes at a time. More marks, or the first bytes of non-ASCII characters, are worth
    // finding only in the scan shared by all regexes, which reads every byte anyway.
    bool few_marks = !one_alnum && first_bytes.count() <= 4;
    if (shortest != SIZE_MAX && (shortest >= 2 || !one_alnum)) {
      facts.literals = std::move(kept);
      facts.before = top.before | inside;
      facts.or_at_start = top.or_at_start;
      facts.shared_only = shortest < 2 && !few_marks;
    }
  }
  return facts;
}

LiteralScanner::LiteralScanner(const std::vector<std::string>& literals) {
  // An Aho-Corasick table over the case-folded literals (literal_trie.h).
  LiteralTrie trie;
  std::vector<uint32_t> own(1, 0);  // per state: the shortest literal ending exactly there
  for (const auto& lit : literals) {
    if (lit.empty()) continue;
    int32_t s = trie.Add(lit);
    own.resize(trie.states(), 0);
    uint32_t len = static_cast<uint32_t>(lit.size());
    if (own[s] == 0 || len < own[s]) own[s] = len;
    longest_ = std::max(longest_, len);
  }
  own.resize(trie.states(), 0);
  length_.assign(trie.states(), 0);
  delta_ = trie.Build([&](int32_t s, int32_t fail) {
    uint32_t inherited = length_[fail];
    length_[s] = own[s] && (!inherited || own[s] < inherited) ? own[s] : inherited;
  });
  std::copy(trie.byte_class(), trie.byte_class() + 256, class_);
  classes_ = trie.classes();
  for (int b = 0; b < 256; ++b) {
    if (delta_[class_[b]] == 0) continue;  // from the start, this byte begins no literal
    is_start_[b] = true;
    if (start_count_ < 4) start_bytes_[start_count_] = static_cast<unsigned char>(b);
    ++start_count_;
  }
  // Unused lanes repeat a start byte, so they find nothing new.
  for (uint32_t k = start_count_; k < 4 && start_count_ > 0; ++k) start_bytes_[k] = start_bytes_[0];
  start_count_ = std::min<uint32_t>(start_count_, 5);
  // States to rows, with the end of a literal in the entry's sign (ForEachHit).
  for (int32_t& t : delta_) {
    int32_t row = t * static_cast<int32_t>(classes_);
    t = length_[t] ? ~row : row;
  }
}

uint32_t LiteralScanner::NextStart(const unsigned char* bytes, uint32_t i, uint32_t end) const {
  if (start_count_ == 0) return end;
#ifdef __SSE2__
  if (start_count_ <= 4) {
    const __m128i b0 = _mm_set1_epi8(static_cast<char>(start_bytes_[0]));
    const __m128i b1 = _mm_set1_epi8(static_cast<char>(start_bytes_[1]));
    const __m128i b2 = _mm_set1_epi8(static_cast<char>(start_bytes_[2]));
    const __m128i b3 = _mm_set1_epi8(static_cast<char>(start_bytes_[3]));
    for (; i + 16 <= end; i += 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
      const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, b0), _mm_cmpeq_epi8(x, b1)),
                                       _mm_or_si128(_mm_cmpeq_epi8(x, b2), _mm_cmpeq_epi8(x, b3)));
      if (const int mask = _mm_movemask_epi8(hit)) return i + static_cast<uint32_t>(__builtin_ctz(mask));
    }
  }
#endif
  while (i < end && !is_start_[bytes[i]]) ++i;
  return i;
}

uint32_t LiteralScanner::NextHit(const unsigned char* bytes, uint32_t end, Cursor* at) const {
  const int32_t* const delta = delta_.data();
  const uint8_t* const cls = class_;
  int32_t row = at->row;
  for (uint32_t i = at->i; i < end; ++i) {
    if (row == 0) {  // no literal under way: on to the next byte that can start one
      i = NextStart(bytes, i, end);
      if (i >= end) break;
    }
    // One load a byte: the entry is the next row, complemented when a literal ends there.
    const int32_t v = delta[static_cast<uint32_t>(row) + cls[bytes[i]]];
    if (v >= 0) {
      row = v;
      continue;
    }
    *at = {i + 1, ~v};
    return i + 1;
  }
  *at = {end, row};
  return 0;
}

bool LiteralScanner::AnyIn(std::string_view text, Range within) const {
  bool found = false;
  ForEachHit(text, within, [&](uint32_t, uint32_t) {
    found = true;
    return false;
  });
  return found;
}

}  // namespace fulint
