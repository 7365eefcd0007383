#include "lsp/features.h"

#include <filesystem>

namespace fulint::lsp {
namespace {

json QuickFix(const std::string& uri, const json& diagnostic, const json& fix, bool preferred) {
  json action = {{"title", fix.value("title", "Apply fix")},
                 {"kind", "quickfix"},
                 {"diagnostics", json::array({diagnostic})},
                 {"edit", {{"changes", {{uri, fix.value("edits", json::array())}}}}}};
  if (preferred) action["isPreferred"] = true;
  return action;
}

json AddWordAction(const std::string& uri, const json& diagnostic, const std::string& word) {
  std::string title = "Add '" + word + "' to dictionary";
  return {{"title", title},
          {"kind", "quickfix"},
          {"diagnostics", json::array({diagnostic})},
          {"command",
           {{"title", title},
            {"command", kAddWordCommand},
            {"arguments", json::array({{{"uri", uri}, {"word", word}}})}}}};
}

// The published diagnostic the client's `d` stands for (same range, code and message).
const PublishedDiagnostic* Match(const OpenDocument& doc, const json& d) {
  LspRange range;
  if (!d.is_object() || !FromJson(d.value("range", json()), &range)) return nullptr;
  for (const auto& p : doc.published)
    if (p.range == range && p.lsp.value("code", json()) == d.value("code", json()) &&
        p.lsp.value("message", json()) == d.value("message", json()))
      return &p;
  return nullptr;
}

void ActionsFor(const std::string& uri, const json& diagnostic, json* out) {
  const json* data = diagnostic.contains("data") ? &diagnostic["data"] : nullptr;
  if (!data || !data->is_object()) return;
  if (auto fixes = data->find("fixes"); fixes != data->end() && fixes->is_array())
    for (const auto& fix : *fixes)
      if (fix.is_object()) out->push_back(QuickFix(uri, diagnostic, fix, fixes->size() == 1));
  if (auto word = data->find("word"); word != data->end() && word->is_string())
    out->push_back(AddWordAction(uri, diagnostic, word->get<std::string>()));
}

}  // namespace

json CodeActions(const OpenDocument& doc, const json& params) {
  json actions = json::array();
  if (!doc.published_current()) return actions;
  json context = params.value("context", json::object());
  json given = context.is_object() ? context.value("diagnostics", json::array()) : json::array();
  if (!given.is_array()) given = json::array();
  if (given.empty()) {
    LspRange range;
    if (!FromJson(params.value("range", json()), &range)) return actions;
    for (const auto& p : doc.published)
      if (p.range.Overlaps(range)) ActionsFor(doc.uri, p.lsp, &actions);
    return actions;
  }
  for (const auto& d : given) {
    if (const PublishedDiagnostic* p = Match(doc, d)) ActionsFor(doc.uri, p->lsp, &actions);
    else if (d.is_object() && d.value("source", "") == "fulint") ActionsFor(doc.uri, d, &actions);
  }
  return actions;
}

json HoverAt(const OpenDocument& doc, const LspPosition& position) {
  if (!doc.published_current()) return nullptr;
  std::string value;
  const LspRange* range = nullptr;
  for (const auto& p : doc.published) {
    if (!p.range.Contains(position) || p.hover.empty()) continue;
    if (value.find(p.hover) != std::string::npos) continue;  // one rule reported twice
    if (!value.empty()) value += "\n\n---\n\n";
    value += p.hover;
    if (!range) range = &p.range;
  }
  if (!range) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", value}}}, {"range", ToJson(*range)}};
}

std::string ResolveLink(const Rule& rule, const std::string& rules_dir) {
  namespace fs = std::filesystem;
  if (rule.link.empty()) return "";
  if (rule.link.find("://") != std::string::npos || rule.link.starts_with("mailto:"))
    return rule.link;
  std::error_code ec;
  fs::path rules = fs::path(rules_dir).lexically_normal();
  if (!rules.has_filename()) rules = rules.parent_path();  // "rules/" -> "rules"
  for (const fs::path& base : {rules.parent_path(), fs::path(rule.path).parent_path()}) {
    fs::path candidate = (base / rule.link).lexically_normal();
    if (!base.empty() && fs::is_regular_file(candidate, ec))
      return PathToUri(fs::absolute(candidate, ec).string());
  }
  return "";
}

std::string ExplainMarkdown(const Rule& rule, const std::string& link_uri) {
  std::string md = "**" + rule.id + "** (" + SeverityName(rule.level) + ")\n\n";
  md += rule.description.empty() ? "(no description)" : rule.description;
  if (!rule.link.empty())
    md += link_uri.empty() ? "\n\nMore: " + rule.link
                           : "\n\n[More: " + rule.link + "](" + link_uri + ")";
  return md;
}

}  // namespace fulint::lsp
