#pragma once
// `.fulint.yaml`: per-project settings, found upward from each linted file and then in the
// user's config folder. It switches rules and styles on and off, changes levels, overrides a
// rule's own keys (thresholds such as `max`), and adds accepted and rejected words:
//
//   rules:
//     FollowUp.Filler: off             # or on
//     FollowUp.Tone: error             # a level
//     FollowUp.Length: {max: 3}        # the rule's own keys, and `level`
//   styles:
//     FollowUp: on
//   words:
//     accept: [Okonkwo]                # never misspellings
//     accept_files: [names.txt]        # relative to this file
//     reject: [alot]                   # always misspellings
//   language: [en-US, en-GB]           # spelling variants accepted (default: US, GB, CA)
#include <map>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "rules/yaml_reader.h"

namespace fulint {

struct RuleSetting {
  bool enabled = true;
  YamlValue overrides;  // a mapping of the rule's keys, or undefined
  YamlMark mark;        // where the setting is, for "unknown rule" errors
};

struct Config {
  std::string path;  // empty: no config file, defaults everywhere
  std::map<std::string, RuleSetting> rules;     // by rule id
  std::map<std::string, bool> styles;           // style name -> enabled
  std::map<std::string, YamlMark> style_marks;
  std::vector<std::string> accept, reject;      // words
  std::vector<std::string> accept_files;        // absolute paths
  std::vector<std::string> language;            // spelling variants; empty: the rule's default
};

// Loads `path`; false after adding located errors.
bool LoadConfig(const std::string& path, Config* out, std::vector<ConfigError>* errors);

// The config that applies to `file`: the nearest `.fulint.yaml` in its folder or a parent,
// else $XDG_CONFIG_HOME/fulint/config.yaml (or ~/.config/fulint/config.yaml), else "".
std::string FindConfig(const std::string& file);

}  // namespace fulint
