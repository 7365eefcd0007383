#include "lsp/word_list.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace fulint::lsp {
namespace fs = std::filesystem;
namespace {

bool ReadText(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// Writes through a temporary file and a rename, so a reader never sees half a file.
bool WriteText(const fs::path& path, const std::string& text, std::string* error) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      *error = "cannot write " + tmp.string();
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    *error = "cannot write " + path.string();
    return false;
  }
  return true;
}

// True when the `accept_files` node names `target` (relative entries against `dir`).
bool ListsFile(const YAML::Node& files, const fs::path& dir, const fs::path& target) {
  auto same = [&](const YAML::Node& n) {
    if (!n.IsScalar()) return false;
    fs::path p(n.Scalar());
    if (!p.is_absolute()) p = dir / p;
    return p.lexically_normal() == target;
  };
  if (files.IsScalar()) return same(files);
  if (files.IsSequence())
    for (const auto& f : files)
      if (same(f)) return true;
  return false;
}

// Byte offset of a yaml-cpp mark (0-based line and column) in `text`; npos when out of range.
size_t OffsetOf(const std::string& text, const YAML::Mark& mark) {
  if (mark.line < 0 || mark.column < 0) return std::string::npos;
  size_t pos = 0;
  for (int line = 0; line < mark.line; ++line) {
    pos = text.find('\n', pos);
    if (pos == std::string::npos) return std::string::npos;
    ++pos;
  }
  pos += static_cast<size_t>(mark.column);
  return pos < text.size() ? pos : std::string::npos;
}

// The start of the line holding `pos`, when everything before `pos` on it is spaces.
bool IndentedLineStart(const std::string& text, size_t pos, size_t* start) {
  size_t s = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  s = (s == std::string::npos || pos == 0) ? 0 : s + 1;
  if (text.find_first_not_of(' ', s) != pos) return false;
  *start = s;
  return true;
}

// A small insertion that adds `name` to accept_files; false when the layout is not one of
// the plain shapes (the caller re-emits the YAML then).
bool InsertInPlace(const std::string& text, const YAML::Node& root, const std::string& name,
                   std::string* out) {
  std::string list = "[" + name + "]";
  if (root.IsNull() || !root["words"]) {
    *out = text;
    if (!out->empty() && out->back() != '\n') *out += '\n';
    *out += "words:\n  accept_files: " + list + "\n";
    return true;
  }
  YAML::Node words = root["words"];
  if (!words.IsMap()) return false;
  YAML::Node files = words["accept_files"];
  size_t pos, line_start;
  if (!files) {
    if (words.Style() == YAML::EmitterStyle::Flow) {
      pos = OffsetOf(text, words.Mark());
      if (pos == std::string::npos || text[pos] != '{') return false;
      *out = text;
      out->insert(pos + 1, "accept_files: " + list + (words.size() ? ", " : ""));
      return true;
    }
    pos = OffsetOf(text, words.begin()->first.Mark());
    if (pos == std::string::npos || !IndentedLineStart(text, pos, &line_start)) return false;
    *out = text;
    out->insert(line_start, std::string(pos - line_start, ' ') + "accept_files: " + list + "\n");
    return true;
  }
  if (!files.IsSequence()) return false;
  pos = OffsetOf(text, files.Mark());
  if (pos == std::string::npos) return false;
  if (files.Style() == YAML::EmitterStyle::Flow) {
    if (text[pos] != '[') return false;
    *out = text;
    out->insert(pos + 1, name + (files.size() ? ", " : ""));
    return true;
  }
  if (text[pos] != '-' || !IndentedLineStart(text, pos, &line_start)) return false;
  *out = text;
  out->insert(line_start, std::string(pos - line_start, ' ') + "- " + name + "\n");
  return true;
}

}  // namespace

bool AddAcceptFile(const std::string& config_text, const std::string& config_dir,
                   const std::string& file_name, std::string* out, std::string* error) {
  fs::path dir(config_dir);
  fs::path target = (dir / file_name).lexically_normal();
  auto valid = [&](const std::string& text, bool* lists) {
    try {
      YAML::Node root = YAML::Load(text);
      if (!root.IsNull() && !root.IsMap()) return false;
      *lists = root.IsMap() && root["words"] && root["words"].IsMap() &&
               ListsFile(root["words"]["accept_files"], dir, target);
      return true;
    } catch (const YAML::Exception&) {
      return false;
    }
  };
  bool lists = false;
  if (!valid(config_text, &lists)) {
    *error = "the config is not a YAML mapping; fix it first";
    return false;
  }
  if (lists) {
    *out = config_text;
    return true;
  }
  YAML::Node root = YAML::Load(config_text);
  std::string edited;
  if (InsertInPlace(config_text, root, file_name, &edited) && valid(edited, &lists) && lists) {
    *out = edited;
    return true;
  }
  // Re-emit (comments are lost): `words:` empty, `accept_files` a single name, odd layouts.
  try {
    if (root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
    YAML::Node words = root["words"];
    if (!words.IsMap()) {
      if (words && !words.IsNull()) {
        *error = "'words' in the config is not a mapping";
        return false;
      }
      root["words"] = YAML::Node(YAML::NodeType::Map);
      words = root["words"];
    }
    YAML::Node files = words["accept_files"];
    if (files && files.IsScalar()) {
      YAML::Node seq(YAML::NodeType::Sequence);
      seq.push_back(files.Scalar());
      words["accept_files"] = seq;
    }
    words["accept_files"].push_back(file_name);
    YAML::Emitter emitter;
    emitter << root;
    edited = std::string(emitter.c_str()) + "\n";
  } catch (const YAML::Exception& e) {
    *error = std::string("cannot edit the config: ") + e.what();
    return false;
  }
  if (!valid(edited, &lists) || !lists) {
    *error = "cannot add the word list to the config";
    return false;
  }
  *out = edited;
  return true;
}

bool AddWordToProject(const std::string& draft_path, const std::string& word,
                      AddWordResult* result, std::string* error) {
  *result = AddWordResult();
  if (word.empty() || word.find_first_of("\r\n") != std::string::npos || word[0] == '#' ||
      word.front() == ' ' || word.back() == ' ' || word.front() == '\t' || word.back() == '\t') {
    *error = "not a word: '" + word + "'";
    return false;
  }
  std::error_code ec;
  fs::path draft = fs::absolute(draft_path, ec);
  fs::path folder = draft.parent_path();
  fs::path config;
  for (fs::path dir = folder; !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_regular_file(dir / ".fulint.yaml", ec)) {
      config = dir / ".fulint.yaml";
      break;
    }
    if (dir == dir.root_path()) break;
  }
  result->created_config = config.empty();
  if (config.empty()) config = folder / ".fulint.yaml";
  fs::path words = config.parent_path() / kWordsFileName;
  result->config_path = config.string();
  result->words_path = words.string();

  std::string list;
  if (fs::exists(words, ec) && !ReadText(words, &list)) {
    *error = "cannot read " + words.string();
    return false;
  }
  bool present = false;
  for (size_t pos = 0; pos < list.size();) {
    size_t nl = list.find('\n', pos);
    if (nl == std::string::npos) nl = list.size();
    std::string line = list.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == word) present = true;
    pos = nl + 1;
  }
  if (!present || !fs::exists(words, ec)) {
    if (!list.empty() && list.back() != '\n') list += '\n';
    if (!present) list += word + "\n";
    if (!WriteText(words, list, error)) return false;
    result->word_added = !present;
  }

  std::string config_text, edited;
  if (!result->created_config && !ReadText(config, &config_text)) {
    *error = "cannot read " + config.string();
    return false;
  }
  if (!AddAcceptFile(config_text, config.parent_path().string(), kWordsFileName, &edited, error)) {
    *error = config.string() + ": " + *error;
    return false;
  }
  if (edited != config_text || result->created_config) {
    if (!WriteText(config, edited, error)) return false;
    result->config_changed = true;
  }
  return true;
}

}  // namespace fulint::lsp
