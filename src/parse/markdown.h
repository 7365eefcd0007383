#pragma once
// Markdown structure for the parse stage: md4c finds what is prose and what is markup, code,
// URLs or HTML, and where headings and list items are. Offsets come from md4c's text pointers
// into the buffer, never from searching for the text again.
#include "base/range.h"
#include "parse/document.h"

namespace fulint {

// Parses the Markdown note in doc->decoded.text within `note` (front matter already removed by
// the caller) and:
//  (1) masks in doc->lintable every byte of the note that is not prose: Markdown markup, link
//      and image destinations and titles, reference definitions, code spans and blocks, HTML
//      comments and tags, autolinks and bare URLs. Link text, image alt text and entities stay.
//      Inline "HTML" that is really a template slot, such as `<Program Name>` (a capitalised
//      name that is not an all-caps HTML tag, or two or more capitalised words), stays as text.
//  (2) appends to doc->headings and doc->list_items the range of each heading's and list
//      item's own text (from its first text byte to its last, so inner markup may remain, and
//      an item whose text resumes after a nested list encloses it), trimmed of whitespace,
//      ordered by begin.
// Newlines in the note stay newlines in lintable. Never throws; if md4c fails (out of memory)
// the rest of the note stays masked.
void ParseMarkdown(Document* doc, Range note);

}  // namespace fulint
