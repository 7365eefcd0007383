#include "bench_util.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fulint::bench {

std::string SourcePath(const std::string& rel) {
  return std::string(FULINT_SOURCE_DIR) + "/" + rel;
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  if (!in || s.str().empty()) {
    std::fprintf(stderr, "fulint_bench: cannot read %s\n", path.c_str());
    std::exit(2);
  }
  return s.str();
}

const std::string& Draft400() {
  static const std::string text = ReadFileOrDie(SourcePath("bench/data/draft-400.txt"));
  return text;
}

const RuleSet& FollowUpRules() {
  static const RuleSet* rules = [] {
    auto* set = new RuleSet;
    std::vector<ConfigError> errors;
    if (!LoadRules(SourcePath("rules"), set, &errors)) {
      for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.Format().c_str());
      std::exit(2);
    }
    return set;
  }();
  return *rules;
}

}  // namespace fulint::bench
