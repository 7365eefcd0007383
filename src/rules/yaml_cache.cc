#include "rules/yaml_cache.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/read_file.h"
#include "spelling/word_cache.h"

namespace fulint {
namespace fs = std::filesystem;
namespace {

// Changes whenever the layout of the file or of YamlValue::Serialize changes.
constexpr char kMagic[] = "fulint-yaml-cache-1\n";

uint64_t Hash(const std::string& text) {  // FNV-1a
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

void PutU64(uint64_t v, std::string* out) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

bool GetU64(const std::string& data, size_t* at, uint64_t* v) {
  if (*at + 8 > data.size()) return false;
  *v = 0;
  for (int i = 0; i < 8; ++i) *v |= static_cast<uint64_t>(static_cast<uint8_t>(data[*at + i])) << (8 * i);
  *at += 8;
  return true;
}

void PutString(const std::string& s, std::string* out) {
  PutU64(s.size(), out);
  out->append(s);
}

bool GetString(const std::string& data, size_t* at, std::string* s) {
  uint64_t n;
  if (!GetU64(data, at, &n) || n > data.size() - *at) return false;
  s->assign(data, *at, n);
  *at += n;
  return true;
}

std::string Absolute(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  return ec ? path : p.lexically_normal().string();
}

}  // namespace

std::string YamlCache::DefaultFile() {
  if (std::getenv("FULINT_NO_RULE_CACHE")) return "";
  return WordCacheDir() + "/rules.yamlcache";
}

YamlCache::YamlCache(std::string file) : file_(std::move(file)) {
  if (file_.empty()) return;
  std::string data;
  if (ReadWholeFile(file_, &data) != ReadStatus::kOk) return;
  size_t magic = std::strlen(kMagic);
  if (data.compare(0, magic, kMagic) != 0) return;
  size_t at = magic;
  while (at < data.size()) {
    std::string path;
    Entry e;
    if (!GetString(data, &at, &path) || !GetU64(data, &at, &e.hash) ||
        !GetString(data, &at, &e.tree)) {
      entries_.clear();  // corrupt: start afresh
      return;
    }
    entries_[path] = std::move(e);
  }
}

bool YamlCache::Parse(const std::string& path, const std::string& text, YamlValue* out,
                      std::string* error, YamlMark* error_mark) {
  auto source = std::make_shared<const std::string>(path);
  std::string key = Absolute(path);
  uint64_t hash = Hash(text);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.hash == hash) {
      size_t at = 0;
      if (YamlValue::Deserialize(it->second.tree, &at, out) && at == it->second.tree.size()) {
        out->SetSource(source);
        ++hits_;
        return true;
      }
    }
  }
  if (!ParseYaml(text, source, out, error, error_mark)) return false;
  Entry e{hash, {}};
  out->Serialize(&e.tree);
  std::lock_guard<std::mutex> lock(mutex_);
  entries_[key] = std::move(e);
  dirty_ = true;
  return true;
}

void YamlCache::Save() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (file_.empty() || !dirty_) return;
  std::string data = kMagic;
  std::error_code ec;
  for (const auto& [path, e] : entries_) {
    if (!fs::exists(path, ec)) continue;  // a deleted file, or a test's temporary folder
    PutString(path, &data);
    PutU64(e.hash, &data);
    PutString(e.tree, &data);
  }
  fs::create_directories(fs::path(file_).parent_path(), ec);
  std::string tmp = file_ + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) {
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, file_, ec);
  if (ec) fs::remove(tmp, ec);
  dirty_ = false;
}

}  // namespace fulint
