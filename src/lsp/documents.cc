#include "lsp/documents.h"

#include <utility>

namespace fulint::lsp {

bool FromJson(const json& j, ContentChange* out) {
  if (!j.is_object()) return false;
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) return false;
  out->text = text->get<std::string>();
  out->range.reset();
  auto range = j.find("range");
  if (range != j.end() && !range->is_null()) {
    LspRange r;
    if (!FromJson(*range, &r)) return false;
    out->range = r;
  }
  return true;
}

void ApplyChange(std::string* text, const ContentChange& change, PositionEncoding encoding) {
  if (!change.range) {
    *text = change.text;
    return;
  }
  // The text is borrowed by a Document for LineIndex (as UTF-8 raw bytes), then given back.
  Document doc;
  doc.raw = std::move(*text);
  uint32_t begin, end;
  {
    PositionMap map(doc, encoding);
    begin = map.ToOffset(change.range->start);
    end = map.ToOffset(change.range->end);
  }
  if (end < begin) std::swap(begin, end);
  // Known gap: LineIndex does not count a leading U+FEFF (byte-order mark) as a column while
  // a client holding one would; editors strip the mark when they load a file.
  doc.raw.replace(begin, end - begin, change.text);
  *text = std::move(doc.raw);
}

OpenDocument& DocumentStore::Open(const std::string& uri, const std::string& language_id,
                                  int64_t version, std::string text) {
  OpenDocument& doc = docs_[uri];
  doc = OpenDocument();
  doc.uri = uri;
  doc.path = UriToPath(uri);
  doc.name = doc.path.empty() ? UriFileName(uri) : doc.path;
  doc.language_id = language_id;
  doc.text = std::move(text);
  doc.version = version;
  doc.revision = next_revision_++;
  return doc;
}

bool DocumentStore::Change(const std::string& uri, int64_t version,
                           const std::vector<ContentChange>& changes, PositionEncoding encoding) {
  OpenDocument* doc = Find(uri);
  if (!doc) return false;
  for (const auto& c : changes) ApplyChange(&doc->text, c, encoding);
  doc->version = version;
  doc->revision = next_revision_++;
  return true;
}

bool DocumentStore::Close(const std::string& uri) { return docs_.erase(uri) > 0; }

OpenDocument* DocumentStore::Find(const std::string& uri) {
  auto it = docs_.find(uri);
  return it == docs_.end() ? nullptr : &it->second;
}

std::vector<std::string> DocumentStore::Uris() const {
  std::vector<std::string> out;
  for (const auto& [uri, doc] : docs_) out.push_back(uri);
  return out;
}

}  // namespace fulint::lsp
