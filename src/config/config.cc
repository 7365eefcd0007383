#include "config/config.h"

#include <cstdlib>
#include <filesystem>

namespace fulint {
namespace fs = std::filesystem;
namespace {

// "on"/"off"/"true"/"false" as a switch; false when the scalar is not one.
bool ParseSwitch(const YAML::Node& n, bool* out) {
  if (!n.IsScalar()) return false;
  const std::string& s = n.Scalar();
  if (s == "on" || s == "true" || s == "yes") *out = true;
  else if (s == "off" || s == "false" || s == "no") *out = false;
  else return false;
  return true;
}

void ReadRules(YamlReader& reader, const YAML::Node& rules, Config* out) {
  if (!rules.IsMap()) {
    reader.Error(rules.Mark(), "'rules' maps rule ids to on, off, a level or a mapping of keys");
    return;
  }
  for (const auto& kv : rules) {
    RuleSetting setting;
    setting.mark = kv.first.Mark();
    const YAML::Node& v = kv.second;
    bool on;
    Severity level;
    if (ParseSwitch(v, &on)) {
      setting.enabled = on;
    } else if (v.IsScalar() && ParseSeverity(v.Scalar(), &level)) {
      setting.overrides = YAML::Node(YAML::NodeType::Map);
      setting.overrides["level"] = v.Scalar();
    } else if (v.IsMap()) {
      setting.overrides = v;
    } else {
      reader.Error(v.Mark(), "a rule setting is on, off, a level (suggestion, warning, error) "
                             "or a mapping of the rule's keys");
      continue;
    }
    out->rules[kv.first.as<std::string>("")] = setting;
  }
}

}  // namespace

bool LoadConfig(const std::string& path, Config* out, std::vector<ConfigError>* errors) {
  out->path = path;
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    errors->push_back({path, 0, 0, "cannot read config file"});
    return false;
  } catch (const YAML::Exception& e) {
    errors->push_back({path, e.mark.line + 1, e.mark.column + 1, "invalid YAML: " + e.msg});
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
  if (YAML::Node rules = root["rules"]) ReadRules(reader, rules, out);
  if (YAML::Node styles = root["styles"]) {
    if (!styles.IsMap()) reader.Error(styles.Mark(), "'styles' maps style names to on or off");
    else
      for (const auto& kv : styles) {
        bool on;
        if (!ParseSwitch(kv.second, &on)) {
          reader.Error(kv.second.Mark(), "a style is on or off");
          continue;
        }
        out->styles[kv.first.as<std::string>("")] = on;
        out->style_marks[kv.first.as<std::string>("")] = kv.first.Mark();
      }
  }
  if (YAML::Node words = root["words"]) {
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
