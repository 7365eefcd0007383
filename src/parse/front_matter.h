#pragma once
// YAML front matter between '---' lines at the top of a Markdown draft.
#include <optional>
#include <string>
#include <vector>

#include "parse/document.h"

namespace fulint {

// A problem found while parsing, located in decoded text; reported as a warning.
struct ParseProblem {
  Range range;
  std::string message;
  std::optional<uint32_t> raw_offset;  // exact place in the raw file, when known (MIME)
};

// Reads front matter at the start of doc->decoded.text into doc->front_matter, sets
// doc->subject from a `subject` field, masks the block in doc->lintable (all but the subject
// value) and returns the offset where the note starts (0 when there is no front matter).
uint32_t ParseFrontMatter(Document* doc, std::vector<ParseProblem>* problems);

}  // namespace fulint
