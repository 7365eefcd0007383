#include "report/printer.h"

#include <algorithm>
#include <filesystem>

#include "base/cpus.h"
#include "report/github_printer.h"
#include "report/json_printer.h"
#include "report/line_printer.h"
#include "report/lsp_printer.h"
#include "report/sarif_printer.h"
#include "report/string_file.h"
#include "report/text_printer.h"

namespace fulint {
namespace {

struct PrinterEntry {
  const char* name;
  std::unique_ptr<Printer> (*make)(const PrintOptions& options);
};

// Every output format, sorted by name (ninja's kTools). Add new printers here.
constexpr PrinterEntry kPrinters[] = {
    {"github", MakeGithubPrinter},
    {"json", MakeJsonPrinter},
    {"line", MakeLinePrinter},
    {"lsp", MakeLspPrinter},
    {"sarif", MakeSarifPrinter},
    {"text", MakeTextPrinter},
};

constexpr const char* kHex = "0123456789ABCDEF";

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUnreserved(char c) {
  return IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

void AppendEscaped(std::string* out, unsigned char c) {
  *out += '%';
  *out += kHex[c >> 4];
  *out += kHex[c & 0xF];
}

// Encodes only what can never stand in a URI (spaces, controls, non-ASCII, "<>\^`{|}), keeping
// '%', '#', '?' that a rule author may have written on purpose.
std::string EncodeLink(const std::string& link) {
  std::string out;
  for (char ch : link) {
    auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7F || std::string_view("\"<>\\^`{|}").find(ch) != std::string::npos)
      AppendEscaped(&out, c);
    else
      out += ch;
  }
  return out;
}

}  // namespace

bool Printer::Render(const FileResult& result, std::string* out) {
  StringFile memory;
  if (!memory.get()) return false;
  File(result, memory.get());
  return memory.Finish(out);
}

void Printer::Emit(const std::string& piece, FILE* out) {
  std::fwrite(piece.data(), 1, piece.size(), out);
}

unsigned CoresForFindings(size_t findings) {
  return findings < 4096 ? 1 : std::min(UsableCpus(), 4u);
}

bool ParsePositionEncoding(const std::string& name, PositionEncoding* out) {
  if (name == "utf-8") *out = PositionEncoding::kUtf8;
  else if (name == "utf-16") *out = PositionEncoding::kUtf16;
  else if (name == "utf-32") *out = PositionEncoding::kUtf32;
  else return false;
  return true;
}

const char* PositionEncodingName(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::kUtf8: return "utf-8";
    case PositionEncoding::kUtf16: return "utf-16";
    case PositionEncoding::kUtf32: return "utf-32";
  }
  return "utf-16";
}

bool IsAbsoluteUri(const std::string& s) {
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"; two letters at least, so that a
  // Windows drive ("C:\notes") is not a scheme.
  if (s.empty() || !IsAlpha(s[0])) return false;
  size_t i = 1;
  while (i < s.size() && (IsAlpha(s[i]) || IsDigit(s[i]) || s[i] == '+' || s[i] == '-' ||
                          s[i] == '.'))
    ++i;
  return i >= 2 && i < s.size() && s[i] == ':';
}

std::string ResolveLink(const std::string& link, const std::string& link_base) {
  if (link.empty()) return "";
  if (IsAbsoluteUri(link)) return EncodeLink(link);
  if (link_base.empty() || !IsAbsoluteUri(link_base)) return "";
  std::string rel = link;
  while (rel.rfind("./", 0) == 0) rel.erase(0, 2);
  while (!rel.empty() && rel[0] == '/') rel.erase(0, 1);
  std::string base = link_base;
  if (base.back() != '/') base += '/';
  return base + EncodeLink(rel);
}

std::string PercentEncodePath(const std::string& path) {
  std::string out;
  for (char ch : path) {
    if (IsUnreserved(ch) || ch == '/')
      out += ch;
    else
      AppendEscaped(&out, static_cast<unsigned char>(ch));
  }
  return out;
}

std::string FileUri(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(path, ec);
  if (ec) p = path;
  return "file://" + PercentEncodePath(p.lexically_normal().string());
}

std::vector<std::string> PrinterNames() {
  std::vector<std::string> names;
  for (const PrinterEntry& entry : kPrinters) names.push_back(entry.name);
  return names;
}

std::unique_ptr<Printer> MakePrinter(const std::string& name, const PrintOptions& options) {
  for (const PrinterEntry& entry : kPrinters) {
    if (name == entry.name) return entry.make(options);
  }
  return nullptr;
}

}  // namespace fulint
