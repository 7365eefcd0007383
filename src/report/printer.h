#pragma once
// Stage 6: one printer per output format behind one interface, chosen from an explicit table.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "parse/document.h"

namespace fulint {

// What one linted file produced. `doc` may be null when the file could not be read or
// decoded; then `error` says why and `diagnostics` is empty.
struct FileResult {
  std::string path;
  const Document* doc = nullptr;
  std::vector<Diagnostic> diagnostics;  // sorted
  std::string error;
  uint32_t error_raw_offset = 0;  // where in the file `error` applies (decode errors)
};

// What an LSP client counts in a Position's `character` (LSP 3.17 `positionEncoding`).
enum class PositionEncoding { kUtf8, kUtf16, kUtf32 };

// "utf-8" | "utf-16" | "utf-32" (LSP's PositionEncodingKind names); false for anything else.
bool ParsePositionEncoding(const std::string& name, PositionEncoding* out);
const char* PositionEncodingName(PositionEncoding encoding);

// What a printer may say about a rule (SARIF's tool.driver.rules), filled in by the CLI from the
// loaded rules so that the report library does not depend on the rules library.
struct RuleInfo {
  std::string id;           // "Style.Rule"
  std::string description;  // the rule's `description` (may be empty)
  std::string link;         // the rule's `link` as written: an absolute URI or a relative path
  Severity level = Severity::kWarning;  // the rule's configured level
};

struct PrintOptions {
  bool color = false;
  int tab_width = 8;
  // lsp: the unit of Position.character (LSP's default is UTF-16 code units).
  PositionEncoding position_encoding = PositionEncoding::kUtf16;
  // json and sarif: the version the tool reports (the CLI passes FULINT_VERSION).
  std::string tool_version;
  // sarif: tool.driver.informationUri; omitted when empty (must be an absolute URI).
  std::string information_uri;
  // Rule metadata by id, for sarif's rule descriptors; rules missing here are described from
  // their diagnostics (id, link, severity).
  std::vector<RuleInfo> rules;
  // An absolute URI (ending in '/') that relative rule links resolve against, e.g.
  // "https://example.org/fulint/" or "file:///usr/share/doc/fulint/". When empty, relative links
  // give no LSP codeDescription and no SARIF helpUri (they stay in the help text).
  std::string link_base;
};

class Printer {
 public:
  virtual ~Printer() = default;
  // Called once per file, in the order files were given.
  virtual void File(const FileResult& result, FILE* out) = 0;
  // True when a file's output can be made apart from the others' (Render): the CLI then
  // renders each file on the worker that linted it and only writes the pieces out in order
  // (Emit), so printing scales with the cores too, and a one-document format (json, lsp)
  // streams its files instead of holding the whole run in memory.
  virtual bool PerFile() const { return false; }
  // PerFile printers only; safe to call from several threads at once. Puts in `out` what
  // File would add for `result`, less what joins it to the other files (Emit adds that).
  // The default runs File into a string, for printers whose File keeps no state. False when
  // nothing could be rendered (then call File instead).
  virtual bool Render(const FileResult& result, std::string* out);
  // Writes a file's Render()ed piece, in input order.
  virtual void Emit(const std::string& piece, FILE* out);
  // Called once after all files.
  virtual void Finish(FILE* out) {}
};

// A long file's findings are laid out in chunks of this many on several cores (text and the
// JSON formats alike), and written in order.
constexpr size_t kFindingsChunk = 1024;
// The cores to lay out `findings` findings on: 1 below 4,096 (not worth a thread), else every
// core this process may use, at most 4.
unsigned CoresForFindings(size_t findings);

// True for a URI with a scheme ("https://...", "file:///...", "mailto:...").
bool IsAbsoluteUri(const std::string& s);
// `link` as an absolute URI: itself when absolute, `link_base` + `link` when relative and
// link_base is set, "" otherwise.
std::string ResolveLink(const std::string& link, const std::string& link_base);
// Percent-encodes every byte of `path` except unreserved characters and '/' (RFC 3986; spaces,
// ':', '%', '#' and non-ASCII bytes are encoded), as VS Code writes file URIs.
std::string PercentEncodePath(const std::string& path);
// "file://" + the absolute, lexically normalised form of `path` (relative paths are taken from
// the current directory), percent-encoded.
std::string FileUri(const std::string& path);

// Printer names, sorted, for --help and validation.
std::vector<std::string> PrinterNames();
// Null when `name` is not a known format.
std::unique_ptr<Printer> MakePrinter(const std::string& name, const PrintOptions& options);

}  // namespace fulint
