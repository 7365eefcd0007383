#pragma once
// The drafts an editor has open: their text as the client holds it (UTF-8), their version,
// and what was last published for them; didChange's content changes are applied here, with
// ranges in the negotiated position encoding.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lsp/protocol.h"

namespace fulint::lsp {

// One entry of didChange's `contentChanges`: a range replaced, or the whole text when no range.
struct ContentChange {
  std::optional<LspRange> range;
  std::string text;
};
// False when `j` is not a content change.
bool FromJson(const json& j, ContentChange* out);

// Applies `change` to `text` (UTF-8), its range read in `encoding`. A reversed range is
// taken in order; positions past a line or the text end clamp to it.
void ApplyChange(std::string* text, const ContentChange& change, PositionEncoding encoding);

// A published diagnostic, kept for code actions and hover.
struct PublishedDiagnostic {
  LspRange range;
  json lsp;           // the Diagnostic as sent
  std::string hover;  // Markdown: the rule's explanation
};

struct OpenDocument {
  std::string uri;
  std::string path;  // the file's path for file: URIs, else ""
  std::string name;  // what picks the format and names the draft in messages
  std::string language_id;
  std::string text;
  int64_t version = 0;    // the client's
  uint64_t revision = 0;  // ours, bumped on every change: matches a lint to the text it saw
  uint64_t published_revision = 0;  // revision `published` belongs to; 0 before the first lint
  std::vector<PublishedDiagnostic> published;
  // True when `published` describes the current text.
  bool published_current() const { return published_revision == revision; }
};

// Open documents by URI. Not synchronised: the server holds its lock around every call.
class DocumentStore {
 public:
  // Opens (or reopens) `uri`.
  OpenDocument& Open(const std::string& uri, const std::string& language_id, int64_t version,
                     std::string text);
  // Applies `changes` in order and sets the version; false when `uri` is not open.
  bool Change(const std::string& uri, int64_t version, const std::vector<ContentChange>& changes,
              PositionEncoding encoding);
  bool Close(const std::string& uri);
  OpenDocument* Find(const std::string& uri);
  std::vector<std::string> Uris() const;

 private:
  std::map<std::string, OpenDocument> docs_;
  uint64_t next_revision_ = 1;
};

}  // namespace fulint::lsp
