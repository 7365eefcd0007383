#include "rules/rule_set.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <sstream>
#include <tuple>

#include "base/cpus.h"
#include "base/kept_threads.h"
#include "base/read_file.h"
#include "rules/check_type.h"
#include "rules/yaml_cache.h"

namespace fulint {
namespace fs = std::filesystem;
namespace {

bool ReadExamples(YamlReader& reader, RuleExamples* out) {
  const YamlValue& n = reader.Get("examples");
  if (!n) return true;
  if (!n.IsMap()) {
    reader.Error(n.Mark(), "'examples' must have 'bad' and/or 'good' lists");
    return false;
  }
  for (const auto& kv : n.entries()) {
    std::string key = kv.first.AsString();
    std::vector<std::string>* list = key == "bad" ? &out->bad : key == "good" ? &out->good : nullptr;
    if (!list || !kv.second.IsSequence()) {
      reader.Error(kv.first.Mark(), "'examples' takes lists named 'bad' and 'good'");
      return false;
    }
    for (const auto& item : kv.second.items()) list->push_back(item.AsString());
  }
  return true;
}

}  // namespace

// Merges the configuration's keys for this rule into its YAML, after checking them against the
// keys its check type knows (so a typo in .fulint.yaml is reported there).
static bool ApplyOverrides(const std::string& id, YamlValue* root, std::vector<ConfigError>* errors,
                    const RuleOptions& options) {
  std::string extends = (*root)["extends"].AsString();
  auto extra = options.type_keys.find(extends);
  if (extra != options.type_keys.end())
    for (const auto& kv : extra->second.entries()) root->Set(kv.first.text(), kv.second, kv.first.Mark());
  auto it = options.overrides.find(id);
  if (it == options.overrides.end()) return true;
  const CheckType* type = FindCheckType(extends);
  std::vector<std::string> keys = CommonRuleKeys();
  if (type) keys.insert(keys.end(), type->keys.begin(), type->keys.end());
  YamlReader config(options.config_path, it->second.first, errors);
  config.CheckKeys(keys);
  if (!config.ok()) return false;
  for (const auto& kv : it->second.first.entries()) root->Set(kv.first.text(), kv.second, kv.first.Mark());
  return true;
}

const Rule* RuleSet::Find(const std::string& id) const {
  for (const auto& r : rules)
    if (r->id == id) return r.get();
  return nullptr;
}

std::unique_ptr<Rule> LoadRuleFile(const std::string& path, const std::string& id,
                                   std::vector<ConfigError>* errors, const RuleOptions& options,
                                   YamlCache* cache) {
  std::string text;
  if (ReadWholeFile(path, &text) != ReadStatus::kOk) {
    errors->push_back({path, 0, 0, "cannot read rule file"});
    return nullptr;
  }
  YamlValue root;
  std::string yaml_error;
  YamlMark error_mark;
  bool parsed = cache ? cache->Parse(path, text, &root, &yaml_error, &error_mark)
                      : ParseYaml(text, std::make_shared<const std::string>(path), &root,
                                  &yaml_error, &error_mark);
  if (!parsed) {
    errors->push_back({path, error_mark.line + 1, error_mark.column + 1, "invalid YAML: " + yaml_error});
    return nullptr;
  }
  if (!root.IsMap()) {
    YamlReader(path, root, errors).Error(root.Mark(), "a rule file must be a mapping of keys");
    return nullptr;
  }
  if (!ApplyOverrides(id, &root, errors, options)) return nullptr;
  YamlReader reader(path, std::move(root), errors);
  reader.set_rule_id(id);
  const YamlValue& merged = reader.root();
  auto rule = std::make_unique<Rule>();
  rule->id = id;
  rule->path = path;
  std::string level = "warning";
  reader.String("extends", &rule->extends);
  reader.String("message", &rule->message);
  reader.String("description", &rule->description);
  reader.String("link", &rule->link);
  reader.String("level", &level);
  reader.Strings("scope", &rule->scope);
  reader.Int("limit", &rule->limit);
  std::string view = "lintable";
  reader.String("view", &view);
  if (view != "lintable" && view != "text")
    reader.Error("view", "view must be 'lintable' (default) or 'text', not '" + view + "'");
  rule->view_text = view == "text";
  ReadConditions(reader, "when", &rule->when);
  ReadConditions(reader, "unless", &rule->unless);
  ReadExamples(reader, &rule->examples);
  if (!ParseSeverity(level, &rule->level))
    reader.Error("level", "level must be suggestion, warning or error, not '" + level + "'");
  for (const auto& s : rule->scope)
    if (!IsValidScope(s)) {
      std::string hint = DidYouMean(s, ScopeNames());
      reader.Error("scope", "unknown scope '" + s + "'" +
                                (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    }
  const CheckType* type = nullptr;
  if (rule->extends.empty()) {
    reader.Error(merged.Mark(), "missing key 'extends' (the check type)");
  } else if (!(type = FindCheckType(rule->extends))) {
    std::vector<std::string> names;
    for (const auto& t : CheckTypes()) names.push_back(t.name);
    std::string hint = DidYouMean(rule->extends, names);
    reader.Error("extends", "unknown check type '" + rule->extends + "'" +
                                (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
  }
  if (rule->message.empty() && merged.IsMap()) reader.Error(merged.Mark(), "missing key 'message'");
  if (type) {
    std::vector<std::string> keys = CommonRuleKeys();
    keys.insert(keys.end(), type->keys.begin(), type->keys.end());
    reader.CheckKeys(keys);
    size_t slash = path.rfind('/');  // the rule file's folder, for its data files
    std::string folder = slash == std::string::npos ? "" : path.substr(0, slash == 0 ? 1 : slash);
    rule->check = type->load(reader, folder);
  }
  if (!reader.ok() || !rule->check) return nullptr;
  return rule;
}

namespace {

// The names in folder `dir` (without . and ..), with whether each is a folder (a link to
// one counts). Read with readdir: std::filesystem's iterators built and parsed a path object
// per entry, and the rule files are listed twice per run.
std::vector<std::pair<std::string, bool>> ListFolder(const std::string& dir) {
  std::vector<std::pair<std::string, bool>> out;
  DIR* d = ::opendir(dir.c_str());
  if (!d) return out;
  const std::string prefix = dir.ends_with('/') ? dir : dir + "/";
  while (const dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    bool is_dir = e->d_type == DT_DIR;
    if (e->d_type == DT_LNK || e->d_type == DT_UNKNOWN) {
      struct stat st;
      is_dir = ::stat((prefix + name).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    }
    out.emplace_back(std::move(name), is_dir);
  }
  ::closedir(d);
  return out;
}

// (id, path) of every rule file under `dir`, sorted by id: style folders, then their files
// named *.yml or *.yaml (a name that starts with its only dot has no extension).
std::vector<std::pair<std::string, std::string>> RuleFiles(const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> files;
  const std::string prefix = dir.ends_with('/') ? dir : dir + "/";
  for (const auto& [style, style_is_dir] : ListFolder(dir)) {
    if (!style_is_dir) continue;
    const std::string style_path = prefix + style;
    for (const auto& [name, is_dir] : ListFolder(style_path)) {
      size_t dot = name.rfind('.');
      if (dot == std::string::npos || dot == 0) continue;
      std::string_view ext = std::string_view(name).substr(dot);
      if (ext != ".yml" && ext != ".yaml") continue;
      files.emplace_back(style + "." + name.substr(0, dot), style_path + "/" + name);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::vector<std::string> ListRuleIds(const std::string& dir) {
  std::vector<std::string> ids;
  for (const auto& [id, path] : RuleFiles(dir)) ids.push_back(id);
  return ids;
}

bool LoadRules(const std::string& dir, RuleSet* out, std::vector<ConfigError>* errors,
               const RuleOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    errors->push_back({dir, 0, 0, "rules folder not found"});
    return false;
  }
  auto files = RuleFiles(dir);
  auto contains = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  std::vector<std::pair<std::string, std::string>> wanted;
  for (const auto& [id, path] : files)
    if (!contains(options.disabled_rules, id) &&
        !contains(options.disabled_styles, id.substr(0, id.find('.'))))
      wanted.emplace_back(id, path);
  // Rule files are independent, and parsing YAML and compiling patterns is most of a one-draft
  // run, so they load on every core; results are put back in id order.
  struct Loaded {
    std::unique_ptr<Rule> rule;
    std::vector<ConfigError> errors;
  };
  std::vector<Loaded> loaded(wanted.size());
  YamlCache cache(YamlCache::DefaultFile(dir));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next++) < wanted.size();)
      loaded[i].rule =
          LoadRuleFile(wanted[i].second, wanted[i].first, &loaded[i].errors, options, &cache);
  };
  size_t threads = std::min<size_t>(UsableCpus(), 8);
  threads = std::min(threads, wanted.size() / 4 + 1);  // not worth a thread for a few files
  // Read back from the cache, the built-in style loads in about 4 ms on one thread, and a
  // second thread saves nothing measurable: a one-draft run took 9.7 against 9.9 ms (31 runs
  // each, BENCHMARKS.md "Session 11"; 12.6 against 11.2 ms in session 6, before threads were
  // started on another core), and in a run over many files the other cores are reading the
  // first files meanwhile (cli/read_ahead.h). Parsing with yaml-cpp (a changed rule, a first
  // run) is several times slower, and worth it.
  if (std::all_of(wanted.begin(), wanted.end(), [&](const auto& w) { return cache.Has(w.second); }))
    threads = 1;
  RunOnKeptThreads(static_cast<unsigned>(threads), [&](unsigned) { work(); });
  cache.Save();
  size_t before = errors->size();
  for (auto& l : loaded) {
    if (l.rule) out->rules.push_back(std::move(l.rule));
    // One file's errors in file order, as an editor would list them.
    std::stable_sort(l.errors.begin(), l.errors.end(),
                     [](const ConfigError& a, const ConfigError& b) {
                       return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
    errors->insert(errors->end(), l.errors.begin(), l.errors.end());
  }
  IndexSharedScans(out);
  return errors->size() == before;
}

void IndexSharedScans(RuleSet* rules) {
  ScanTargets targets;
  std::vector<uint32_t> scanning;  // rules with phrase lists: they wait for the shared scan
  rules->parallel_order.clear();
  for (size_t i = 0; i < rules->rules.size(); ++i) {
    size_t lists_before = targets.phrase_lists.size();
    rules->rules[i]->check->AddScanTargets(&targets);
    (targets.phrase_lists.size() > lists_before ? scanning : rules->parallel_order)
        .push_back(static_cast<uint32_t>(i));
  }
  std::stable_sort(rules->parallel_order.begin(), rules->parallel_order.end(),
                   [&](uint32_t a, uint32_t b) {
                     return rules->rules[a]->check->StartEarlyRank() >
                            rules->rules[b]->check->StartEarlyRank();
                   });
  rules->parallel_order.insert(rules->parallel_order.end(), scanning.begin(), scanning.end());
  const auto& lists = targets.phrase_lists;
  rules->phrases = lists.empty() ? nullptr : std::make_shared<const PhraseUnion>(lists);
  rules->regexes = targets.regexes.empty()
                       ? nullptr
                       : std::make_shared<RegexUnion>(std::move(targets.regexes));
}

}  // namespace fulint
