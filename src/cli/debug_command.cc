#include "cli/debug_command.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli/lint_file.h"
#include "cli/rule_cache.h"
#include "cli/rules_dir.h"

#include "parse/parse.h"
#include "report/position.h"
#include "segment/segmenter.h"
#include "source/source.h"

namespace fulint {
namespace {

// Shows text with line breaks visible, on one line.
std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  return out;
}

void PrintRange(const Document& doc, const LineIndex& index, const char* name, Range r) {
  Range raw = doc.decoded.map.ToRaw(r);
  Position b = index.Locate(raw.begin), e = index.Locate(raw.end);
  std::printf("%-12s %u:%u-%u:%u  bytes %u-%u  \"%s\"\n", name, b.line, b.column, e.line,
              e.column, raw.begin, raw.end, Escape(doc.Slice(r)).c_str());
}

// `debug timings`: where a lint of the file (or of every draft in a folder) spends its time,
// slowest rules first. The first rule that asks for a scope (sentences, words) also pays for
// segmenting it.
int PrintTimings(const std::vector<std::pair<std::string, std::string>>& files) {
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  auto t0 = Clock::now();
  RuleCache cache(DefaultRulesDir(), "");
  const RuleSet* rules = cache.ForFile(files.front().first);
  if (!rules) return 2;
  auto t1 = Clock::now();
  std::vector<double> seconds;
  LintOptions options;
  options.rule_seconds = &seconds;
  Segmenter segmenter;
  size_t findings = 0;
  for (const auto& [path, bytes] : files)
    findings += LintBytes(path, bytes, *rules, segmenter, options).result.diagnostics.size();
  auto t2 = Clock::now();
  // Again, warm (cached suggestions, compiled patterns), as an editor re-lints on each change;
  // the per-rule times below are of this second run.
  std::fill(seconds.begin(), seconds.end(), 0.0);
  for (const auto& [path, bytes] : files) LintBytes(path, bytes, *rules, segmenter, options);
  auto t3 = Clock::now();
  std::vector<size_t> order(seconds.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return seconds[a] > seconds[b]; });
  std::printf("load rules %9.3f ms\nlint %s %9.3f ms (%zu findings)\nlint again %9.3f ms\n",
              ms(t1 - t0), files.size() == 1 ? "file " : "files", ms(t2 - t1), findings,
              ms(t3 - t2));
  for (size_t i : order)
    std::printf("%9.3f ms  %s\n", seconds[i] * 1e3, rules->rules[i]->id.c_str());
  // Work shared by rules is made by the first rule that asks for it, and counted there.
  std::printf(
      "(the one scan for all phrase lists and the word segmentation count towards the first "
      "rule that needs them)\n");
  return 0;
}

}  // namespace

int RunDebug(const std::string& stage, const std::string& path) {
  std::error_code ec;
  if (stage == "timings" && std::filesystem::is_directory(path, ec)) {
    std::vector<std::pair<std::string, std::string>> files;
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path, ec)) {
      std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".txt" || ext == ".md" || ext == ".eml"))
        names.push_back(entry.path().string());
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
      std::string bytes, error;
      if (ReadFileBytes(name, &bytes, &error)) files.push_back({name, std::move(bytes)});
    }
    if (files.empty()) {
      std::fprintf(stderr, "fulint: %s: no drafts (.txt, .md, .eml) in this folder\n", path.c_str());
      return 2;
    }
    return PrintTimings(files);
  }
  Document doc;
  doc.path = path;
  doc.format = FormatForPath(path);
  std::string error;
  if (!ReadFileBytes(path, &doc.raw, &error)) {
    std::fprintf(stderr, "fulint: %s: %s\n", path.c_str(), error.c_str());
    return 2;
  }
  if (stage == "timings") return PrintTimings({{path, std::move(doc.raw)}});
  ParseOutcome outcome = ParseDocument(&doc);
  if (!outcome.ok) {
    std::fprintf(stderr, "fulint: %s: %s\n", path.c_str(), outcome.error.c_str());
    return 2;
  }
  LineIndex index(doc);
  if (stage == "decode") {
    std::printf("encoding %s, bom %s, %zu decoded bytes from %zu raw, %zu map pieces\n",
                doc.decoded.encoding == RawEncoding::kUtf8 ? "utf-8" : "utf-16",
                doc.decoded.had_bom ? "yes" : "no", doc.decoded.text.size(), doc.raw.size(),
                doc.decoded.map.piece_count());
    std::fputs(doc.lintable.c_str(), stdout);
    return 0;
  }
  for (const auto& [k, f] : doc.headers) PrintRange(doc, index, ("header." + k).c_str(), f.range);
  for (const auto& [k, f] : doc.front_matter)
    PrintRange(doc, index, ("fm." + k).c_str(), f.range);
  if (doc.subject) PrintRange(doc, index, "subject", *doc.subject);
  if (doc.salutation) PrintRange(doc, index, "salutation", *doc.salutation);
  Segmenter segmenter;
  for (const Range& p : doc.paragraphs) {
    PrintRange(doc, index, "paragraph", p);
    if (stage == "segment")
      for (const Range& s : segmenter.Sentences(doc.lintable, p))
        PrintRange(doc, index, "  sentence", s);
  }
  for (const Range& h : doc.headings) PrintRange(doc, index, "heading", h);
  for (const Range& l : doc.list_items) PrintRange(doc, index, "list-item", l);
  if (doc.signoff) PrintRange(doc, index, "signoff", *doc.signoff);
  if (doc.signature) PrintRange(doc, index, "signature", *doc.signature);
  for (const auto& p : outcome.problems) PrintRange(doc, index, "problem", p.range);
  return 0;
}

}  // namespace fulint
