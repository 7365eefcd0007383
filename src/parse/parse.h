#pragma once
// Stages 2-3 of the pipeline: raw bytes -> decoded text -> Document with sections.
#include <string>
#include <vector>

#include "parse/document.h"
#include "parse/front_matter.h"

namespace fulint {

// The input format from a file name: .md/.markdown -> Markdown, .eml -> e-mail, else plain.
Format FormatForPath(const std::string& path);

struct ParseOutcome {
  bool ok = true;
  std::string error;            // set when !ok (e.g. invalid UTF-8)
  uint32_t error_raw_offset = 0;
  std::vector<ParseProblem> problems;  // non-fatal, located in decoded text
};

// Decodes and parses `doc->raw` (doc->path and doc->format set by the caller).
ParseOutcome ParseDocument(Document* doc);

}  // namespace fulint
