#include "base/ascii.h"
#include "parse/markdown.h"

#include <md4c.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fulint {
namespace {

constexpr uint32_t kNoPos = UINT32_MAX;

constexpr unsigned kFlags = MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_PERMISSIVEEMAILAUTOLINKS |
                            MD_FLAG_PERMISSIVEWWWAUTOLINKS | MD_FLAG_STRIKETHROUGH | MD_FLAG_TABLES;

// Element names of HTML, each between spaces; an all-caps name from this list is old-style
// HTML such as <B>, not a slot.
constexpr std::string_view kHtmlTags =
    " a abbr address area article aside audio b base bdi bdo blockquote body br button "
    "canvas caption center cite code col colgroup data dd del details dfn dialog div dl dt "
    "em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr "
    "html i iframe img input ins kbd label legend li link main map mark meta nav noscript "
    "object ol optgroup option output p param picture pre q s samp script section select "
    "small source span strong style sub summary sup table tbody td template textarea tfoot "
    "th thead time title tr track u ul var video wbr ";

// Elements whose content is code or preformatted data rather than prose.
constexpr std::string_view kRawElements = " script style pre textarea ";

bool InList(std::string_view list, std::string_view name) {
  if (name.empty()) return false;
  std::string key;  // " name ", built piecewise (GCC 12 warns falsely on " " + string at -O3)
  key.reserve(name.size() + 2);
  key += ' ';
  key += name;
  key += ' ';
  return list.find(key) != std::string_view::npos;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// True when `tag` ("<...>") is a placeholder such as <Program Name> rather than markup. Drafts
// use these for text still to fill in, and the placeholder rules must see them.
bool IsTemplateSlot(std::string_view tag) {
  if (tag.size() < 3 || !IsUpper(tag[1])) return false;  // </x>, <!x>, <lower>: markup
  std::string_view inner = tag.substr(1, tag.size() - 2);
  if (inner.find_first_of("=\"/") != std::string_view::npos) return false;  // attributes
  int capitalised = 0;  // words starting with a capital: <Name of Hiring Manager> has three
  for (size_t i = 0; i < inner.size(); ++i)
    capitalised += IsUpper(inner[i]) && (i == 0 || IsSpace(inner[i - 1]));
  std::string_view name = inner.substr(0, inner.find_first_of(" \t\n"));
  if (capitalised >= 2) return true;
  bool all_caps =
      std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return !(all_caps && InList(kHtmlTags, LowerAscii(name)));
}

// Index of the '>' closing the tag that starts at s[i], or npos. Quotes count only after '=',
// so an apostrophe in a slot like <Manager's Name> does not open a string.
size_t FindTagEnd(std::string_view s, size_t i) {
  char quote = 0;
  for (size_t j = i + 1; j < s.size(); ++j) {
    char c = s[j];
    if (quote) {
      if (c == quote) quote = 0;
    } else if ((c == '"' || c == '\'') && s[j - 1] == '=') {
      quote = c;
    } else if (c == '>') {
      return j;
    }
  }
  return std::string_view::npos;
}

// Which bytes of raw HTML `s` are prose: text between tags and template slots. Comments, tags
// and the content of raw elements (script, pre, ...) are not.
std::vector<bool> ScanHtml(std::string_view s) {
  std::vector<bool> keep(s.size(), true);
  std::string lower = LowerAscii(s);
  auto drop = [&](size_t b, size_t e) { std::fill(keep.begin() + b, keep.begin() + e, false); };
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 4, "<!--") == 0) {
      size_t e = s.find("-->", i + 4);
      e = e == std::string_view::npos ? s.size() : e + 3;
      drop(i, e);
      i = e;
      continue;
    }
    bool opens = s[i] == '<' && i + 1 < s.size() &&
                 (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/' ||
                  s[i + 1] == '!' || s[i + 1] == '?');
    size_t e = opens ? FindTagEnd(s, i) : std::string_view::npos;
    if (e == std::string_view::npos) {
      ++i;
      continue;
    }
    std::string_view tag = s.substr(i, e + 1 - i);
    i = e + 1;
    if (IsTemplateSlot(tag)) continue;
    drop(i - tag.size(), i);
    std::string name = LowerAscii(tag.substr(1, tag.find_first_of(" \t\n/>", 1) - 1));
    if (!InList(kRawElements, name)) continue;
    size_t close = lower.find("</" + name, i);  // the closing tag is dropped next round
    close = close == std::string::npos ? s.size() : close;
    drop(i, close);
    i = close;
  }
  return keep;
}

// Walks md4c's callbacks for one note and writes the results into the Document.
class MarkdownWalker {
 public:
  MarkdownWalker(Document* doc, Range note) : doc_(doc), note_(note) {}

  void Run() {
    MD_PARSER parser{};
    parser.flags = kFlags;
    parser.enter_block = [](MD_BLOCKTYPE t, void*, void* w) { return Call(w, &W::EnterBlock, t); };
    parser.leave_block = [](MD_BLOCKTYPE t, void*, void* w) { return Call(w, &W::LeaveBlock, t); };
    parser.enter_span = [](MD_SPANTYPE t, void* d, void* w) {
      return Call(w, &W::EnterSpan, t, d);
    };
    parser.leave_span = [](MD_SPANTYPE t, void*, void* w) { return Call(w, &W::LeaveSpan, t); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* w) {
      return Call(w, &W::Text, t, s, n);
    };
    size_t first_item = doc_->list_items.size();
    md_parse(doc_->decoded.text.data() + note_.begin, note_.size(), &parser, this);
    FlushHtml();
    // After an abort, drop the list-item placeholders still open (innermost first).
    for (auto it = items_.rbegin(); it != items_.rend(); ++it)
      doc_->list_items.erase(doc_->list_items.begin() + it->index);
    // An outer item's own text may resume after its nested list; keep ranges ordered by begin.
    std::stable_sort(doc_->list_items.begin() + first_item, doc_->list_items.end(),
                     [](Range a, Range b) { return a.begin < b.begin; });
  }

 private:
  using W = MarkdownWalker;

  // The extent of the text seen so far inside a heading or list item.
  struct Extent {
    uint32_t begin = kNoPos;
    uint32_t end = 0;
    size_t index = 0;  // placeholder slot in doc_->list_items
  };

  // Exceptions must not cross md4c's C frames; a non-zero return makes md4c stop.
  template <typename F, typename... A>
  static int Call(void* self, F f, A... args) noexcept {
    try {
      (static_cast<W*>(self)->*f)(args...);
      return 0;
    } catch (...) {
      return 1;
    }
  }

  void EnterBlock(MD_BLOCKTYPE type) {
    if (type == MD_BLOCK_H) heading_ = Extent{}, in_heading_ = true;
    if (type == MD_BLOCK_CODE) in_code_block_ = true;
    if (type == MD_BLOCK_LI) {
      items_.push_back(Extent{.index = doc_->list_items.size()});
      doc_->list_items.push_back(Range{});
    }
  }

  void LeaveBlock(MD_BLOCKTYPE type) {
    FlushHtml();
    if (type == MD_BLOCK_CODE) in_code_block_ = false;
    if (type == MD_BLOCK_H) {
      in_heading_ = false;
      if (Range r = Trim(heading_); !r.empty()) doc_->headings.push_back(r);
    }
    if (type == MD_BLOCK_LI && !items_.empty()) {
      Range r = Trim(items_.back());
      auto slot = doc_->list_items.begin() + items_.back().index;
      items_.pop_back();
      // An item holding only a nested list or code has no text of its own.
      if (r.empty()) {
        doc_->list_items.erase(slot);
      } else {
        *slot = r;
      }
    }
  }

  void EnterSpan(MD_SPANTYPE type, void* detail) {
    FlushHtml();
    if (type != MD_SPAN_A) return;
    // md4c 0.4.8 has no is_autolink; an autolink is a link whose text is its destination.
    const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
    href_.assign(href.text, href.size);
    in_link_ = true;
    link_text_.clear();
    link_pieces_.clear();
  }

  void LeaveSpan(MD_SPANTYPE type) {
    FlushHtml();
    if (type != MD_SPAN_A) return;
    in_link_ = false;
    bool autolink =
        href_ == link_text_ || href_ == "mailto:" + link_text_ || href_ == "http://" + link_text_;
    if (!autolink)
      for (Range r : link_pieces_) Unmask(r.begin, r.end);
  }

  void Text(MD_TEXTTYPE type, const MD_CHAR* s, MD_SIZE n) {
    const char* base = doc_->decoded.text.data();
    // md4c passes static strings for soft/hard breaks ("\n"), NUL replacements and the space
    // that stands for a newline in a code span; those have no position in the note.
    bool inside = s >= base + note_.begin && s + n <= base + note_.end;
    uint32_t b = inside ? static_cast<uint32_t>(s - base) : kNoPos;
    if (type == MD_TEXT_HTML) {
      html_.append(s, n);
      for (MD_SIZE i = 0; i < n; ++i) html_pos_.push_back(inside ? b + i : kNoPos);
      return;
    }
    FlushHtml();
    if (!inside) return;
    if (type == MD_TEXT_NORMAL || type == MD_TEXT_ENTITY) {
      if (in_link_) {
        link_pieces_.push_back(Range{b, b + n});
        link_text_.append(s, n);
      } else {
        Unmask(b, b + n);
      }
      Extend(b, b + n);
    } else if (type == MD_TEXT_CODE && !in_code_block_) {
      Extend(b, b + n);  // a code span is part of its heading's or item's text, not prose
    }
  }

  // Raw HTML arrives line by line; scanning it as one piece lets a comment or a slot span lines.
  void FlushHtml() {
    if (html_.empty()) return;
    std::vector<bool> keep = ScanHtml(html_);
    for (size_t i = 0; i < keep.size(); ++i) {
      if (!keep[i] || html_pos_[i] == kNoPos) continue;
      Unmask(html_pos_[i], html_pos_[i] + 1);
      Extend(html_pos_[i], html_pos_[i] + 1);
    }
    html_.clear();
    html_pos_.clear();
  }

  void Unmask(uint32_t b, uint32_t e) {
    std::copy(doc_->decoded.text.begin() + b, doc_->decoded.text.begin() + e,
              doc_->lintable.begin() + b);
  }

  void Extend(uint32_t b, uint32_t e) {
    for (Extent* x :
         {in_heading_ ? &heading_ : nullptr, items_.empty() ? nullptr : &items_.back()}) {
      if (x == nullptr) continue;
      x->begin = std::min(x->begin, b);
      x->end = std::max(x->end, e);
    }
  }

  Range Trim(const Extent& x) const {
    const std::string& text = doc_->decoded.text;
    if (x.begin >= x.end) return Range{};
    uint32_t b = x.begin, e = x.end;
    while (b < e && IsSpace(text[b])) ++b;
    while (e > b && IsSpace(text[e - 1])) --e;
    return Range{b, e};
  }

  Document* doc_;
  Range note_;
  Extent heading_;
  bool in_heading_ = false;
  std::vector<Extent> items_;  // open list items, innermost last
  bool in_code_block_ = false;
  bool in_link_ = false;
  std::string href_, link_text_;
  std::vector<Range> link_pieces_;  // link text held back until we know it is no autolink
  std::string html_;                // the current run of raw HTML ...
  std::vector<uint32_t> html_pos_;  // ... and each byte's offset in the text, or kNoPos
};

}  // namespace

void ParseMarkdown(Document* doc, Range note) {
  try {
    note.end = std::min<uint32_t>(note.end, doc->decoded.text.size());
    if (doc->lintable.size() != doc->decoded.text.size()) doc->lintable = doc->decoded.text;
    if (note.begin >= note.end) return;
    Mask(doc, note);
    MarkdownWalker(doc, note).Run();
  } catch (...) {
    // Out of memory: whatever is still masked stays masked, which only hides text from rules.
  }
}

}  // namespace fulint
