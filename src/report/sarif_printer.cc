#include "report/sarif_printer.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "report/json_printer.h"
#include "report/position.h"

namespace fulint {
namespace {

using Json = nlohmann::ordered_json;

// A SARIF region: 1-based lines, 1-based code-point columns (endColumn is the column after the
// last character), and the raw byte range.
Json Region(const LineIndex& index, Range raw) {
  uint32_t end = std::max(raw.begin, raw.end);
  Position start = index.Locate(raw.begin);
  Position stop = index.Locate(end);
  return Json{{"startLine", start.line}, {"startColumn", start.column},
              {"endLine", stop.line},    {"endColumn", stop.column},
              {"byteOffset", raw.begin}, {"byteLength", end - raw.begin}};
}

Json ArtifactLocation(const std::string& path) {
  Json loc{{"uri", SarifUri(path)}};
  if (!std::filesystem::path(path).is_absolute()) loc["uriBaseId"] = "%SRCROOT%";
  return loc;
}

std::string CollapseSpaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool space = std::isspace(static_cast<unsigned char>(c));
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Abbreviations whose period does not end a sentence.
bool IsAbbreviation(const std::string& word) {
  static const std::set<std::string> kWords = {"dr",  "mr",  "mrs", "ms", "prof", "st",  "e.g",
                                               "i.e", "etc", "vs",  "cf", "no",   "a.m", "p.m"};
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!lower.empty() && !std::isalpha(static_cast<unsigned char>(lower.front())))
    lower.erase(0, 1);
  return kWords.count(lower) > 0;
}

Json RuleDescriptor(const RuleInfo& rule, const PrintOptions& options) {
  std::string description = CollapseSpaces(rule.description);
  std::string help = description.empty() ? rule.id : description;
  if (!rule.link.empty()) help += "\n\nMore: " + rule.link;
  Json j;
  j["id"] = rule.id;
  j["shortDescription"] =
      Json{{"text", description.empty() ? rule.id : FirstSentence(description)}};
  j["fullDescription"] = Json{{"text", description.empty() ? rule.id : description}};
  j["help"] = Json{{"text", help}};
  std::string uri = ResolveLink(rule.link, options.link_base);
  if (!uri.empty()) j["helpUri"] = uri;
  j["defaultConfiguration"] = Json{{"level", SarifLevel(rule.level)}};
  return j;
}

}  // namespace

const char* SarifLevel(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kSuggestion:
      return "note";
  }
  return "warning";
}

std::string SarifUri(const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_absolute()) return FileUri(path);
  return PercentEncodePath(p.lexically_normal().string());
}

std::string FirstSentence(const std::string& text) {
  std::string s = CollapseSpaces(text);
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    char c = s[i];
    if ((c != '.' && c != '!' && c != '?') || s[i + 1] != ' ') continue;
    if (c == '.') {
      size_t word_start = s.rfind(' ', i);
      word_start = word_start == std::string::npos ? 0 : word_start + 1;
      if (IsAbbreviation(s.substr(word_start, i - word_start))) continue;
    }
    return s.substr(0, i + 1);
  }
  return s;
}

SarifPrinter::SarifPrinter(const PrintOptions& options) : options_(options) {
  std::map<std::string, const RuleInfo*> by_id;  // sorted; the first of a repeated id wins
  for (const RuleInfo& rule : options_.rules) by_id.emplace(rule.id, &rule);
  Json rules = Json::array();
  for (const auto& [id, rule] : by_id) {
    rule_index_[id] = static_cast<int>(rules.size());
    rules.push_back(RuleDescriptor(*rule, options_));
  }
  Json driver;
  driver["name"] = "fulint";
  if (!options_.tool_version.empty()) driver["version"] = options_.tool_version;
  if (IsAbsoluteUri(options_.information_uri)) driver["informationUri"] = options_.information_uri;
  driver["rules"] = std::move(rules);
  Json run;
  run["tool"] = Json{{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = Json::array();
  Json log;
  log["$schema"] = kSchemaUri;
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  // Laid out whole once, with the results empty, and cut there: the streamed log keeps the
  // library's layout exactly.
  std::string text = DumpIndented(log, 0);
  const std::string empty_results = "\"results\": []";
  size_t at = text.rfind(empty_results);
  head_ = text.substr(0, at + empty_results.size() - 1);
  tail_ = text.substr(at + empty_results.size());
}

Json SarifPrinter::Result(const Diagnostic& d, const std::string& path,
                          const LineIndex& index) const {
  Json r;
  r["ruleId"] = d.rule_id;
  auto known = rule_index_.find(d.rule_id);
  if (known != rule_index_.end()) r["ruleIndex"] = known->second;
  r["level"] = SarifLevel(d.severity);
  r["message"] = Json{{"text", d.message}};
  r["locations"] =
      Json::array({Json{{"physicalLocation", Json{{"artifactLocation", ArtifactLocation(path)},
                                                  {"region", Region(index, d.raw)}}}}});
  Json fixes = Json::array();
  for (const Fix& fix : d.fixes) {
    if (fix.edits.empty()) continue;  // SARIF needs at least one replacement
    Json replacements = Json::array();
    for (const Edit& e : fix.edits) {
      replacements.push_back(Json{{"deletedRegion", Region(index, e.raw)},
                                  {"insertedContent", Json{{"text", e.replacement}}}});
    }
    Json sarif_fix{
        {"description", Json{{"text", fix.title}}},
        {"artifactChanges", Json::array({Json{{"artifactLocation", ArtifactLocation(path)},
                                              {"replacements", std::move(replacements)}}})}};
    // The schema wants unique fixes; two suggestions can coincide.
    if (std::find(fixes.begin(), fixes.end(), sarif_fix) == fixes.end())
      fixes.push_back(std::move(sarif_fix));
  }
  if (!fixes.empty()) r["fixes"] = std::move(fixes);
  return r;
}

void SarifPrinter::WriteResults(const FileResult& result, bool parallel,
                                const JsonSink& write) const {
  std::string path = result.path.empty() ? result.doc->path : result.path;
  LineIndex index(*result.doc);
  WriteJsonElements(
      result.diagnostics.size(),
      [&](size_t i) { return Result(result.diagnostics[i], path, index); },
      8, parallel, write);  // $.runs[0].results[i]
}

bool SarifPrinter::Render(const FileResult& result, std::string* out) {
  if (!result.error.empty() || !result.doc) return false;
  out->clear();
  WriteResults(result, /*parallel=*/false, [out](std::string_view s) { out->append(s); });
  return true;
}

void SarifPrinter::Join(FILE* out) {
  std::fputs(started_ ? ",\n" : (head_ + "\n").c_str(), out);
  started_ = true;
}

void SarifPrinter::Emit(const std::string& piece, FILE* out) {
  if (piece.empty()) return;  // a file without results
  Join(out);
  std::fwrite(piece.data(), 1, piece.size(), out);
}

void SarifPrinter::File(const FileResult& result, FILE* out) {
  if (result.error.empty() && result.doc) {
    if (result.diagnostics.empty()) return;
    Join(out);
    WriteResults(result, /*parallel=*/true,
                 [out](std::string_view s) { std::fwrite(s.data(), 1, s.size(), out); });
    return;
  }
  std::string path = result.path;
  if (path.empty() && result.doc) path = result.doc->path;
  Json physical{{"artifactLocation", ArtifactLocation(path)}};
  if (result.doc) {
    LineIndex index(*result.doc);
    physical["region"] = Region(index, {result.error_raw_offset, result.error_raw_offset});
  }
  notifications_.push_back(
      Json{{"level", "error"},
           {"message", Json{{"text", result.error.empty() ? "no document" : result.error}}},
           {"locations", Json::array({Json{{"physicalLocation", physical}}})}});
}

void SarifPrinter::Finish(FILE* out) {
  Json invocation{{"executionSuccessful", notifications_.empty()}};
  if (!notifications_.empty()) invocation["toolExecutionNotifications"] = notifications_;
  std::string text = started_ ? "\n      ]" : head_ + "]";
  text += ",\n      \"invocations\": ";
  text += DumpIndented(Json::array({std::move(invocation)}), 6).substr(6);
  text += tail_;
  text += '\n';
  std::fwrite(text.data(), 1, text.size(), out);
}

std::unique_ptr<Printer> MakeSarifPrinter(const PrintOptions& options) {
  return std::make_unique<SarifPrinter>(options);
}

}  // namespace fulint
