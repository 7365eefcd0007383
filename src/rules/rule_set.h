#pragma once
// Loading rules: every `<dir>/<Style>/<Rule>.yml` becomes a Rule with id `Style.Rule`.
// Mistakes are collected as located errors; a broken rule is left out, the others load.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/yaml_reader.h"

namespace fulint {

struct RuleSet {
  std::vector<std::unique_ptr<Rule>> rules;  // sorted by id
  // Every rule's phrase lists in one automaton per case mode (made by LoadRules; without it
  // each list scans for itself, with the same results).
  std::shared_ptr<const PhraseUnion> phrases;
  // Every rule's regexes, whose required literals are found in one scan once the rule set has
  // linted enough text (regex_scans.h); made by LoadRules, null: each regex scans for itself.
  std::shared_ptr<RegexUnion> regexes;
  // The order in which the threads sharing one long document take its rules (engine.cc):
  // the rules that do not wait for the phrase-list scan first, so that the threads not
  // scanning have work meanwhile, those whose checks rank higher to start early before
  // others (Check::StartEarlyRank), otherwise in id order; then the rules that wait for the
  // scan. Made by IndexSharedScans; empty: id order.
  std::vector<uint32_t> parallel_order;
  const Rule* Find(const std::string& id) const;
};

// Makes rules->phrases, rules->regexes and rules->parallel_order from the loaded rules'
// checks.
void IndexSharedScans(RuleSet* rules);

// How a configuration changes the rules as they load (see config/config.h).
struct RuleOptions {
  std::string config_path;  // for errors in overrides
  // Rule id -> keys that replace the rule file's own (`level`, `max`, ...).
  std::map<std::string, std::pair<YamlValue, YamlMark>> overrides;
  // Rule ids switched off, and whole styles switched off.
  std::vector<std::string> disabled_rules, disabled_styles;
  // Extra keys merged into every rule of a check type ("spelling" -> {accept: [...]}).
  std::map<std::string, YamlValue> type_keys;
};

// Loads all styles under `dir`. Returns false when `dir` cannot be read or any rule has an
// error (each in `errors`); the rules that loaded are kept either way.
bool LoadRules(const std::string& dir, RuleSet* out, std::vector<ConfigError>* errors,
               const RuleOptions& options = {});

// The ids of every rule file under `dir` (loaded or not), sorted.
std::vector<std::string> ListRuleIds(const std::string& dir);

class YamlCache;

// Loads one rule file as `id`; null after reporting errors. With a cache, an unchanged file's
// parsed tree is read from it (rules/yaml_cache.h).
std::unique_ptr<Rule> LoadRuleFile(const std::string& path, const std::string& id,
                                   std::vector<ConfigError>* errors,
                                   const RuleOptions& options = {}, YamlCache* cache = nullptr);

}  // namespace fulint
