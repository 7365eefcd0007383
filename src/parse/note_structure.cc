#include "parse/note_structure.h"

#include <algorithm>

#include <cctype>
#include <string_view>
#include <vector>

namespace fulint {
namespace {

struct Line {
  Range range;  // trimmed of surrounding spaces; empty for a blank line
  bool blank() const { return range.empty(); }
};

// Blocks are runs of non-blank lines; each holds indexes into the line list.
struct Block {
  size_t first, last;  // inclusive
};

int WordCount(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

char LastChar(std::string_view s) { return s.empty() ? '\0' : s.back(); }

bool EndsSentence(std::string_view s) {
  char c = LastChar(s);
  return c == '.' || c == '!' || c == '?';
}

// A sign-off is a short line ending in a comma ("Warm regards,", "Best,").
bool LooksLikeSignoff(std::string_view s) {
  return LastChar(s) == ',' && WordCount(s) <= 4;
}

// A salutation is a short first line that ends in a comma or colon, or stands alone as its own
// block without sentence punctuation ("Dear Dr. Prior").
bool LooksLikeSalutation(std::string_view s, bool alone) {
  if (WordCount(s) > 10) return false;
  char c = LastChar(s);
  if (c == ',' || c == ':') return true;
  return alone && !EndsSentence(s);
}

// A signature block without a sign-off: short lines, none ending a sentence.
bool LooksLikeSignature(const Document& doc, const std::vector<Line>& lines, const Block& b) {
  if (b.last - b.first > 6) return false;
  for (size_t i = b.first; i <= b.last; ++i) {
    std::string_view s = doc.Slice(lines[i].range);
    if (WordCount(s) > 8 || EndsSentence(s)) return false;
  }
  return true;
}

Range Trim(const std::string& s, Range r) {
  while (r.begin < r.end && std::isspace(static_cast<unsigned char>(s[r.begin]))) ++r.begin;
  while (r.end > r.begin && std::isspace(static_cast<unsigned char>(s[r.end - 1]))) --r.end;
  return r;
}

// `ranges` are in text order and do not overlap (links, headings and directives are found
// by scanning the text once), so a binary search finds the first one that ends after r
// begins: a linear scan per line was quadratic in a long file full of addresses.
bool Overlaps(const std::vector<Range>& ranges, Range r) {
  auto it = std::partition_point(ranges.begin(), ranges.end(),
                                 [&](const Range& x) { return x.end <= r.begin; });
  return it != ranges.end() && it->begin < r.end;
}

bool HasLink(const Document& doc, Range r) {
  return Overlaps(doc.urls, r) || Overlaps(doc.emails, r);
}

bool IsHeading(const Document& doc, Range line) { return Overlaps(doc.headings, line); }

// The text after a "-- " line, as the signature (or the end of the one already found).
void AddDelimitedSignature(Document* doc) {
  uint32_t start = *doc->signature_delimiter;
  size_t nl = doc->text().find('\n', start);
  if (nl == std::string::npos || nl >= doc->note.end) return;
  Range after = Trim(doc->text(), {static_cast<uint32_t>(nl + 1), doc->note.end});
  if (after.empty()) return;
  if (doc->signature) doc->signature->end = after.end;
  else doc->signature = after;
}

void FindLetterParts(Document* doc);

}  // namespace

void FindNoteStructure(Document* doc) {
  FindLetterParts(doc);
  if (doc->signature_delimiter) AddDelimitedSignature(doc);
}

namespace {

void FindLetterParts(Document* doc) {
  std::vector<Line> lines;
  // A "-- " line ends the letter: the e-mail signature after it joins the signature block.
  uint32_t limit = doc->signature_delimiter.value_or(doc->note.end);
  uint32_t pos = doc->note.begin;
  while (pos < limit) {
    size_t nl = doc->lintable.find('\n', pos);
    uint32_t end = (nl == std::string::npos || nl > limit) ? limit : static_cast<uint32_t>(nl);
    Range r = Trim(doc->lintable, {pos, end});
    // A line holding only a fulint-disable comment is invisible: it neither ends a paragraph
    // nor belongs to one.
    if (r.empty() && Overlaps(doc->directives, {pos, end})) {
      pos = end + 1;
      continue;
    }
    // A line holding only an address is masked but is not blank: it belongs to a signature.
    // (A line blank in the text too holds no link: looking its links up anyway was most of
    // this pass on a long file.)
    if (r.empty()) {
      Range in_text = Trim(doc->text(), {pos, end});
      if (!in_text.empty() && HasLink(*doc, {pos, end})) r = in_text;
    }
    lines.push_back({r});
    pos = end + 1;
  }
  std::vector<Block> blocks;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank()) continue;
    if (blocks.empty() || lines[i - 1].blank()) blocks.push_back({i, i});
    else blocks.back().last = i;
  }
  if (blocks.empty()) return;
  auto span = [&](size_t first, size_t last) {
    return Range{lines[first].range.begin, lines[last].range.end};
  };

  // Salutation: the first line of the note that is not a Markdown heading, when something
  // follows it.
  size_t first_block = 0;
  while (first_block + 1 < blocks.size() && IsHeading(*doc, lines[blocks[first_block].first].range))
    ++first_block;
  size_t body_first_line = blocks[first_block].first;
  size_t body_first_block = first_block;
  {
    const Block& b = blocks[first_block];
    bool alone = b.first == b.last;
    bool more = !alone || first_block + 1 < blocks.size();
    if (more && LooksLikeSalutation(doc->Slice(lines[b.first].range), alone)) {
      doc->salutation = lines[b.first].range;
      body_first_line = b.first + 1;
      if (alone) body_first_block = first_block + 1;
    }
  }

  // Sign-off: the last short comma-ended line after the salutation that has lines after it,
  // or is the last line.
  size_t signoff_line = lines.size();
  for (size_t i = lines.size(); i-- > body_first_line;) {
    if (lines[i].blank()) continue;
    if (LooksLikeSignoff(doc->Slice(lines[i].range))) {
      signoff_line = i;
      break;
    }
    // Only look within the trailing part of the note: stop at a line ending a sentence
    // unless the signature may contain it (a sign-off is near the end).
    if (EndsSentence(doc->Slice(lines[i].range)) && WordCount(doc->Slice(lines[i].range)) > 8)
      break;
  }

  size_t body_last_line;  // inclusive
  if (signoff_line < lines.size()) {
    doc->signoff = lines[signoff_line].range;
    size_t last_sig = lines.size();
    for (size_t i = lines.size(); i-- > signoff_line + 1;) {
      if (!lines[i].blank()) { last_sig = i; break; }
    }
    if (last_sig < lines.size()) {
      size_t first_sig = signoff_line + 1;
      while (lines[first_sig].blank()) ++first_sig;
      doc->signature = span(first_sig, last_sig);
    }
    body_last_line = signoff_line;  // exclusive bound below
  } else {
    const Block& last = blocks.back();
    bool has_body_before = blocks.size() - 1 > body_first_block;
    if (has_body_before && LooksLikeSignature(*doc, lines, last)) {
      doc->signature = span(last.first, last.last);
      body_last_line = last.first;
    } else {
      body_last_line = lines.size();
    }
  }

  // Body paragraphs: blocks (or their parts) between the two.
  for (const Block& b : blocks) {
    size_t first = std::max(b.first, body_first_line);
    if (b.last < first) continue;
    if (first >= body_last_line) break;
    size_t last = std::min(b.last, body_last_line - 1);
    while (last > first && lines[last].blank()) --last;
    if (lines[first].blank()) continue;
    doc->paragraphs.push_back(span(first, last));
  }
}

}  // namespace
}  // namespace fulint
