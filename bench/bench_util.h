#pragma once
// Shared inputs of the micro-benchmarks: files from the source tree (the 400-word draft in
// bench/data, fixtures in tests/fixtures) and the FollowUp rules, loaded once per process so
// a benchmark times its own stage only.
#include <string>

#include "rules/rule_set.h"

namespace fulint::bench {

// `rel` resolved against the source tree (FULINT_SOURCE_DIR).
std::string SourcePath(const std::string& rel);
// The whole file; exits with a message when it cannot be read (a benchmark on an empty input
// would time nothing).
std::string ReadFileOrDie(const std::string& path);
// bench/data/draft-400.txt: a plain-text draft of about 400 words assembled from
// gen_corpus.py output (see bench/data/README.md).
const std::string& Draft400();
// rules/FollowUp as the CLI loads it by default (all rules, spelling included).
const RuleSet& FollowUpRules();

}  // namespace fulint::bench
