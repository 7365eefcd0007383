#include "parse/parse.h"

#include <algorithm>

#include "base/prefault.h"
#include "mime/message.h"
#include "parse/headers.h"
#include "parse/links.h"
#include "parse/markdown.h"
#include "parse/note_structure.h"
#include "parse/replies.h"
#include "parse/suppressions.h"

namespace fulint {

Format FormatForPath(const std::string& path) {
  auto dot = path.find_last_of('.');
  std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == "md" || ext == "markdown") return Format::kMarkdown;
  if (ext == "eml") return Format::kEmail;
  return Format::kPlain;
}

ParseOutcome ParseDocument(Document* doc) {
  ParseOutcome outcome;
  DecodeError error;
  std::vector<MimeProblem> mime_problems;
  if (doc->format == Format::kEmail) {
    // MIME decoding never fails: what can be read is linted, the rest is a warning.
    MimeMessage msg = DecodeMessage(doc->raw);
    doc->decoded = std::move(msg.decoded);
    mime_problems = std::move(msg.problems);
  } else if (!Decode(doc->raw, &doc->decoded, &error)) {
    outcome.ok = false;
    outcome.error = error.message;
    outcome.error_raw_offset = error.raw_offset;
    return outcome;
  }
  doc->lintable.reserve(doc->decoded.text.size());
  PrefaultCapacity(&doc->lintable);
  doc->lintable = doc->decoded.text;
  for (const auto& p : mime_problems) {
    uint32_t at = doc->decoded.map.ToText(p.raw_offset);
    outcome.problems.push_back({{at, at}, p.message, p.raw_offset});
  }
  uint32_t note_begin = 0;
  if (doc->format == Format::kMarkdown) {
    note_begin = ParseFrontMatter(doc, &outcome.problems);
    // A Markdown draft may start with e-mail style headers instead of front matter.
    if (note_begin == 0 && outcome.problems.empty()) note_begin = ParseHeaders(doc);
  } else {
    note_begin = ParseHeaders(doc);
  }
  doc->note = {note_begin, static_cast<uint32_t>(doc->decoded.text.size())};
  if (doc->format == Format::kMarkdown) ParseMarkdown(doc, doc->note);
  if (doc->format != Format::kMarkdown) FindReplies(doc);
  MaskLinks(doc, doc->note);
  FindSuppressions(doc);
  FindNoteStructure(doc);
  return outcome;
}

}  // namespace fulint
