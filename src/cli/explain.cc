#include "cli/explain.h"

#include <cstdio>

namespace fulint {
namespace {

// An example draft, indented, with its line breaks shown as lines.
void PrintExample(const char* label, const std::string& text) {
  std::printf("%s\n", label);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::printf("    | %s\n", text.substr(pos, nl - pos).c_str());
    pos = nl + 1;
  }
}

}  // namespace

int ExplainRule(const RuleSet& rules, const std::string& id) {
  const Rule* rule = rules.Find(id);
  if (!rule) {
    std::vector<std::string> ids;
    for (const auto& r : rules.rules) ids.push_back(r->id);
    std::string hint = DidYouMean(id, ids);
    std::fprintf(stderr, "fulint: unknown rule '%s'%s (try --list-rules)\n", id.c_str(),
                 hint.empty() ? "" : (" (did you mean '" + hint + "'?)").c_str());
    return 2;
  }
  std::string scope;
  for (const auto& s : rule->scope) scope += (scope.empty() ? "" : ", ") + s;
  std::printf("%s (%s; checks %s with '%s')\n\n", rule->id.c_str(), SeverityName(rule->level),
              scope.c_str(), rule->extends.c_str());
  std::printf("%s\n", rule->description.empty() ? "(no description)" : rule->description.c_str());
  if (!rule->examples.bad.empty()) {
    std::printf("\n");
    PrintExample("Bad (reported):", rule->examples.bad.front());
  }
  if (!rule->examples.good.empty()) {
    std::printf("\n");
    PrintExample("Good (not reported):", rule->examples.good.front());
  }
  if (!rule->link.empty()) std::printf("\nMore: %s\n", rule->link.c_str());
  std::printf("Defined in: %s\n", rule->path.c_str());
  return 0;
}

}  // namespace fulint
