#include "config/config.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fulint {
namespace fs = std::filesystem;
namespace {

// "on"/"off"/"true"/"false" as a switch; false when the scalar is not one.
bool ParseSwitch(const YamlValue& n, bool* out) {
  if (!n.IsScalar()) return false;
  const std::string& s = n.text();
  if (s == "on" || s == "true" || s == "yes") *out = true;
  else if (s == "off" || s == "false" || s == "no") *out = false;
  else return false;
  return true;
}

void ReadRules(YamlReader& reader, const YamlValue& rules, Config* out) {
  if (!rules.IsMap()) {
    reader.Error(rules.Mark(), "'rules' maps rule ids to on, off, a level or a mapping of keys");
    return;
  }
  for (const auto& kv : rules.entries()) {
    RuleSetting setting;
    setting.mark = kv.first.Mark();
    const YamlValue& v = kv.second;
    bool on;
    Severity level;
    if (ParseSwitch(v, &on)) {
      setting.enabled = on;
    } else if (v.IsScalar() && ParseSeverity(v.text(), &level)) {
      setting.overrides = YamlValue::Map(v.Mark());
      setting.overrides.Set("level", v, kv.first.Mark());
    } else if (v.IsMap()) {
      setting.overrides = v;
    } else {
      reader.Error(v.Mark(), "a rule setting is on, off, a level (suggestion, warning, error) "
                             "or a mapping of the rule's keys");
      continue;
    }
    out->rules[kv.first.AsString()] = setting;
  }
}

}  // namespace

bool LoadConfig(const std::string& path, Config* out, std::vector<ConfigError>* errors) {
  out->path = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors->push_back({path, 0, 0, "cannot read config file"});
    return false;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  YamlValue root;
  std::string yaml_error;
  YamlMark error_mark;
  if (!ParseYaml(buffer.str(), std::make_shared<const std::string>(path), &root, &yaml_error,
                 &error_mark)) {
    errors->push_back({path, error_mark.line + 1, error_mark.column + 1, "invalid YAML: " + yaml_error});
    return false;
  }
  YamlReader reader(path, root, errors);
  if (root.IsNull()) return true;
  if (!root.IsMap()) {
    reader.Error(root.Mark(), "a config file is a mapping with 'rules', 'styles' and 'words'");
    return false;
  }
  reader.CheckKeys({"language", "rules", "styles", "words"});
  reader.Strings("language", &out->language);
  if (const YamlValue& rules = root["rules"]) ReadRules(reader, rules, out);
  if (const YamlValue& styles = root["styles"]) {
    if (!styles.IsMap()) reader.Error(styles.Mark(), "'styles' maps style names to on or off");
    else
      for (const auto& kv : styles.entries()) {
        bool on;
        if (!ParseSwitch(kv.second, &on)) {
          reader.Error(kv.second.Mark(), "a style is on or off");
          continue;
        }
        out->styles[kv.first.AsString()] = on;
        out->style_marks[kv.first.AsString()] = kv.first.Mark();
      }
  }
  if (const YamlValue& words = root["words"]) {
    YamlReader w(path, words, errors);
    if (!words.IsMap()) {
      w.Error(words.Mark(), "'words' has 'accept', 'accept_files' and 'reject' lists");
    } else {
      w.CheckKeys({"accept", "accept_files", "reject"});
      std::vector<std::string> files;
      w.Strings("accept", &out->accept);
      w.Strings("reject", &out->reject);
      w.Strings("accept_files", &files);
      fs::path dir = fs::path(path).parent_path();
      for (const auto& f : files) {
        fs::path p = fs::path(f).is_absolute() ? fs::path(f) : dir / f;
        std::error_code ec;
        if (!fs::exists(p, ec)) {
          w.Error("accept_files", "word list not found: " + p.string());
          continue;
        }
        out->accept_files.push_back(fs::absolute(p, ec).string());
      }
    }
  }
  return reader.ok();
}

std::string FindConfig(const std::string& file) {
  std::error_code ec;
  fs::path dir = fs::absolute(file == "-" ? fs::path(".") : fs::path(file), ec);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (; !dir.empty(); dir = dir.parent_path()) {
    fs::path candidate = dir / ".fulint.yaml";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (dir == dir.root_path()) break;
  }
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  fs::path user = xdg && *xdg ? fs::path(xdg) : home && *home ? fs::path(home) / ".config" : fs::path();
  if (!user.empty() && fs::is_regular_file(user / "fulint" / "config.yaml", ec))
    return (user / "fulint" / "config.yaml").string();
  return "";
}

}  // namespace fulint
