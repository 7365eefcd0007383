#include "lsp/protocol.h"

#include <cctype>

namespace fulint::lsp {

Incoming Classify(const json& message) {
  Incoming in;
  if (!message.is_object()) {
    in.problem = "a message is a JSON object";
    return in;
  }
  auto id = message.find("id");
  bool has_id = id != message.end();
  bool id_ok = has_id && (id->is_string() || id->is_number_integer());
  if (id_ok) in.id = *id;
  auto version = message.find("jsonrpc");
  if (version == message.end() || *version != "2.0") {
    in.problem = "'jsonrpc' must be \"2.0\"";
    return in;
  }
  if (has_id && !id_ok) {
    in.problem = "'id' must be a string or an integer";
    return in;
  }
  auto method = message.find("method");
  if (method == message.end()) {
    if (has_id && (message.contains("result") || message.contains("error"))) {
      in.kind = Incoming::kResponse;
      return in;
    }
    in.problem = "a message needs a 'method'";
    return in;
  }
  if (!method->is_string()) {
    in.problem = "'method' must be a string";
    return in;
  }
  in.method = method->get<std::string>();
  auto params = message.find("params");
  // `"params": null` is read as no params: JSON-RPC wants them left out, but eglot (through
  // Emacs's jsonrpc.el) sends null for shutdown and exit, and refusing those would keep the
  // server from ending cleanly under Emacs.
  if (params != message.end() && !params->is_null()) {
    if (!params->is_object() && !params->is_array()) {
      in.problem = "'params' must be an object or an array";
      return in;
    }
    in.params = *params;
  }
  in.kind = has_id ? Incoming::kRequest : Incoming::kNotification;
  return in;
}

json MakeResponse(const json& id, json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json MakeError(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json MakeNotification(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json MakeRequest(const json& id, const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

PositionEncoding NegotiateEncoding(const json& params) {
  const json* offered = nullptr;
  if (params.is_object()) {
    auto caps = params.find("capabilities");
    if (caps != params.end() && caps->is_object()) {
      auto general = caps->find("general");
      if (general != caps->end() && general->is_object()) {
        auto list = general->find("positionEncodings");
        if (list != general->end() && list->is_array()) offered = &*list;
      }
    }
  }
  if (offered)
    for (const auto& e : *offered) {
      if (e == "utf-8") return PositionEncoding::kUtf8;
      if (e == "utf-16") return PositionEncoding::kUtf16;
      if (e == "utf-32") return PositionEncoding::kUtf32;
    }
  return PositionEncoding::kUtf16;
}

json ToJson(const LspPosition& p) { return {{"line", p.line}, {"character", p.character}}; }

json ToJson(const LspRange& r) { return {{"start", ToJson(r.start)}, {"end", ToJson(r.end)}}; }

namespace {

bool ReadIndex(const json& j, const char* key, uint32_t* out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return false;
  int64_t v = it->get<int64_t>();
  if (v < 0 || v > INT32_MAX) return false;
  *out = static_cast<uint32_t>(v);
  return true;
}

}  // namespace

bool FromJson(const json& j, LspPosition* out) {
  return j.is_object() && ReadIndex(j, "line", &out->line) &&
         ReadIndex(j, "character", &out->character);
}

bool FromJson(const json& j, LspRange* out) {
  if (!j.is_object() || !j.contains("start") || !j.contains("end")) return false;
  return FromJson(j["start"], &out->start) && FromJson(j["end"], &out->end);
}

PositionMap::PositionMap(const Document& doc, PositionEncoding encoding)
    : index_(doc), unit_(ColumnUnitFor(encoding)) {}

LspPosition PositionMap::ToPosition(uint32_t raw_off) const {
  return {index_.Line(raw_off) - 1, index_.Column(raw_off, unit_)};
}

LspRange PositionMap::ToRange(Range raw) const {
  return {ToPosition(raw.begin), ToPosition(raw.end)};
}

uint32_t PositionMap::ToOffset(const LspPosition& p) const {
  return index_.RawOffset(p.line + 1, p.character, unit_);
}

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

}  // namespace

std::string UriToPath(const std::string& uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.size() < kScheme.size()) return "";
  for (size_t i = 0; i < kScheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(uri[i])) != kScheme[i]) return "";
  std::string_view rest = std::string_view(uri).substr(kScheme.size());
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return "";
  std::string_view host = rest.substr(0, slash);
  if (!host.empty() && host != "localhost") return "";  // a file on another machine
  rest = rest.substr(slash);
  rest = rest.substr(0, rest.find_first_of("?#"));
  return PercentDecode(rest);
}

std::string PathToUri(const std::string& path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string UriFileName(const std::string& uri) {
  std::string_view s = uri;
  s = s.substr(0, s.find_first_of("?#"));
  size_t cut = s.find_last_of("/:");
  if (cut != std::string_view::npos) s = s.substr(cut + 1);
  return PercentDecode(s);
}

}  // namespace fulint::lsp
