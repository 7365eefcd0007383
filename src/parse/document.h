#pragma once
// The parsed draft: one decoded text, a masked copy for linting, and named ranges (sections)
// that rules scope to. Every range here indexes `text`; `map` turns them into raw offsets.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/range.h"
#include "decode/decode.h"

namespace fulint {

enum class Format { kPlain, kMarkdown, kEmail };

// A region where some rules (all when `rules` is empty) are switched off by a comment.
struct Suppression {
  Range range;
  std::vector<std::string> rules;  // rule ids or style names
};

// A metadata value from front matter or an e-mail header.
struct Field {
  std::string value;  // the scalar as text (YAML lists joined with ", ")
  Range range;        // where the value sits in `text`
};

struct Document {
  std::string path;
  Format format = Format::kPlain;
  std::string raw;     // the file exactly as read
  DecodedText decoded; // decoded.text is "the text"; decoded.map goes back to raw

  // Same length as decoded.text; bytes that must not be linted (code, URLs, link targets,
  // HTML comments, Markdown markup, front matter and header keys) are replaced by spaces, so
  // offsets agree with the text.
  std::string lintable;

  std::map<std::string, Field> front_matter;  // keys as written
  std::map<std::string, Field> headers;       // e-mail headers, lower-case names

  // Sections. Absent ones are empty optionals / vectors.
  std::optional<Range> subject;
  Range note;  // from the first line after headers / front matter to the end
  std::optional<Range> salutation;
  std::vector<Range> paragraphs;  // body paragraphs between salutation and sign-off
  std::optional<Range> signoff;
  std::optional<Range> signature;
  std::vector<Range> headings;
  std::vector<Range> list_items;
  std::vector<Range> urls;    // masked in `lintable`
  std::vector<Range> emails;  // masked in `lintable`
  std::vector<Suppression> suppressions;  // from fulint-disable comments
  std::vector<Range> directives;          // the fulint-... comments themselves
  std::vector<Range> quoted;  // quoted replies (masked in `lintable`)
  // Start of a "-- " signature delimiter line: what follows is the signature.
  std::optional<uint32_t> signature_delimiter;

  const std::string& text() const { return decoded.text; }
  std::string_view Slice(Range r) const {
    return std::string_view(decoded.text).substr(r.begin, r.size());
  }
  // A metadata value by name: front matter first, then e-mail headers (case-insensitive).
  const Field* Metadata(const std::string& name) const;
};

// Replaces the bytes of `r` in doc->lintable by spaces, keeping newlines.
void Mask(Document* doc, Range r);

}  // namespace fulint
