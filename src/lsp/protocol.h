#pragma once
// The LSP protocol layer: JSON-RPC message shapes and error codes, file URIs, and the one
// place that turns raw byte offsets into LSP positions and back in the negotiated position
// encoding (through report/position.h's LineIndex, never by counting here).
#include <compare>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "base/diagnostic.h"
#include "parse/document.h"
#include "report/lsp_diagnostic.h"
#include "report/position.h"
#include "report/printer.h"

namespace fulint::lsp {

using json = nlohmann::json;

// JSON-RPC and LSP error codes.
namespace error_code {
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
}  // namespace error_code

// --- JSON-RPC messages ---------------------------------------------------------------------

// What a parsed message is. A request has a method and an id, a notification a method and no
// id, a response an id and a result or error; anything else is invalid (`problem` says why).
struct Incoming {
  enum Kind { kRequest, kNotification, kResponse, kInvalid } kind = kInvalid;
  json id;  // null for notifications, and for invalid messages without a usable id
  std::string method;
  json params;  // null when absent
  std::string problem;
};
Incoming Classify(const json& message);

json MakeResponse(const json& id, json result);
json MakeError(const json& id, int code, const std::string& message);
json MakeNotification(const std::string& method, json params);
json MakeRequest(const json& id, const std::string& method, json params);

// --- Positions -----------------------------------------------------------------------------

// PositionEncoding, its names and its column units are report/printer.h's and
// report/lsp_diagnostic.h's, shared with `--format lsp`.
// The first of the client's `capabilities.general.positionEncodings` the server supports (all
// three are), in the client's order; UTF-16 when it offers none, as the spec requires.
PositionEncoding NegotiateEncoding(const json& initialize_params);

struct LspPosition {
  uint32_t line = 0;       // 0-based
  uint32_t character = 0;  // 0-based, in the negotiated encoding
  friend auto operator<=>(const LspPosition&, const LspPosition&) = default;
};
struct LspRange {
  LspPosition start, end;
  friend bool operator==(const LspRange&, const LspRange&) = default;
  // True when `p` is inside [start, end), or equal to start for an empty range.
  bool Contains(const LspPosition& p) const {
    return start <= p && (p < end || (start == end && p == start));
  }
  // True when the two ranges share a position (touching counts).
  bool Overlaps(const LspRange& o) const { return start <= o.end && o.start <= end; }
};

json ToJson(const LspPosition& p);
json ToJson(const LspRange& r);
// False when `j` is not a well-formed position / range (non-negative integers).
bool FromJson(const json& j, LspPosition* out);
bool FromJson(const json& j, LspRange* out);

// Raw offsets of one text <-> LSP positions in one encoding. Keeps pointers into `doc` (its
// `raw` is the text the client holds), which must outlive the map.
class PositionMap {
 public:
  PositionMap(const Document& doc, PositionEncoding encoding);
  LspPosition ToPosition(uint32_t raw_off) const;
  LspRange ToRange(Range raw) const;
  // The raw offset of a client position; columns past a line end clamp to it and lines past
  // the end to the end of the text.
  uint32_t ToOffset(const LspPosition& p) const;
  // What report/lsp_diagnostic.h's converters take.
  const LineIndex& index() const { return index_; }
  ColumnUnit unit() const { return unit_; }

 private:
  LineIndex index_;
  ColumnUnit unit_;
};

// --- URIs ----------------------------------------------------------------------------------

// The file path of a `file:` URI, percent-decoded; "" for other schemes.
std::string UriToPath(const std::string& uri);
std::string PathToUri(const std::string& path);
// The last path segment of any URI ("file:///a/note.md" -> "note.md", "untitled:Untitled-1" ->
// "Untitled-1"), percent-decoded: what picks a draft's format.
std::string UriFileName(const std::string& uri);

}  // namespace fulint::lsp
