#include "rules/yaml_cache.h"


#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "base/byte_codec.h"
#include "base/cache_file.h"
#include "spelling/word_cache.h"

namespace fulint {
namespace fs = std::filesystem;
namespace {

// Changes whenever the layout of the file or of YamlValue::Serialize changes.
constexpr char kMagic[] = "fulint-yaml-cache-1\n";

uint64_t Hash(const std::string& text) { return Fnv1a(text); }

// True when `path` is absolute and already in normal form: no empty, "." or ".." component.
bool IsNormalAbsolute(std::string_view path) {
  if (!path.starts_with('/')) return false;
  for (size_t at = 1; at <= path.size();) {
    size_t end = std::min(path.find('/', at), path.size());
    std::string_view part = path.substr(at, end - at);
    if (part.empty() || part == "." || part == "..") return false;
    at = end + 1;
  }
  return true;
}

std::string Absolute(const std::string& path) {
  // Rule files are named by absolute paths already (the rules folder is), and the cache looks
  // each one up twice: building a std::filesystem::path to normalise it was most of the cost.
  if (IsNormalAbsolute(path)) return path;
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  return ec ? path : p.lexically_normal().string();
}

}  // namespace

std::string YamlCache::DefaultFile(const std::string& rules_dir) {
  if (std::getenv("FULINT_NO_RULE_CACHE")) return "";
  std::string dir = WordCacheDir();
  if (dir.empty()) return "";
  std::string folder = Absolute(rules_dir);
  while (folder.size() > 1 && folder.back() == '/') folder.pop_back();  // "a/" is "a"
  char name[17];
  std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(Fnv1a(folder)));
  return dir + "/rules/" + name + ".yamlcache";
}

YamlCache::YamlCache(std::string file) : file_(std::move(file)) {
  if (file_.empty()) return;
  int fd = ::open(file_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    // MAP_PRIVATE: a later Save replaces the file by rename, so these pages stay as read.
    void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      mapping_ = static_cast<const char*>(p);
      mapping_size_ = static_cast<size_t>(st.st_size);
    }
  }
  ::close(fd);
  if (!mapping_) return;
  std::string_view data(mapping_, mapping_size_);
  size_t magic = std::strlen(kMagic);
  if (data.substr(0, magic) != kMagic) return;
  size_t at = magic;
  while (at < data.size()) {
    std::string_view path;
    Entry e;
    if (!GetString(data, &at, &path) || !GetU64(data, &at, &e.hash) ||
        !GetString(data, &at, &e.mapped)) {
      entries_.clear();  // corrupt: start afresh
      return;
    }
    entries_[std::string(path)] = std::move(e);
  }
}

YamlCache::~YamlCache() {
  if (mapping_) ::munmap(const_cast<char*>(mapping_), mapping_size_);
}

bool YamlCache::Parse(const std::string& path, const std::string& text, YamlValue* out,
                      std::string* error, YamlMark* error_mark) {
  auto source = std::make_shared<const std::string>(path);
  std::string key = Absolute(path);
  uint64_t hash = Hash(text);
  // Read outside the lock when the tree is in the mapping, which nothing changes: the rule
  // loader's threads then read their trees at the same time.
  auto read = [&](std::string_view tree) {
    size_t at = 0;
    return YamlValue::Deserialize(tree, &at, out) && at == tree.size();
  };
  bool hit = false;
  std::string_view mapped;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.hash == hash) {
      if (it->second.is_owned)
        hit = read(it->second.tree());
      else
        mapped = it->second.mapped;
    }
  }
  if (!mapped.empty()) hit = read(mapped);
  if (hit) {
    out->SetSource(source);
    std::lock_guard<std::mutex> lock(mutex_);
    ++hits_;
    return true;
  }
  if (!ParseYaml(text, source, out, error, error_mark)) return false;
  Entry e;
  e.hash = hash;
  out->Serialize(&e.owned);
  e.is_owned = true;
  std::lock_guard<std::mutex> lock(mutex_);
  entries_[key] = std::move(e);
  dirty_ = true;
  return true;
}

bool YamlCache::Has(const std::string& path) {
  std::string key = Absolute(path);
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.count(key) > 0;
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
    PutString(e.tree(), &data);
  }
  if (!ReplaceCacheFile(file_, data)) return;
  dirty_ = false;
  fs::path folder = fs::path(file_).parent_path();
  if (folder.filename() != "rules") return;  // a file a caller named: not ours to tidy
  // Before each rules folder had its own file, one file beside the folder held them all;
  // nothing reads it any more.
  fs::remove(folder.parent_path() / "rules.yamlcache", ec);
  // Folders come and go (clones, temporary folders of tests): a file whose first rule file
  // no longer exists belongs to a folder that is gone. Only done when saving, which is rare.
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().extension() != ".yamlcache" || entry.path() == fs::path(file_)) continue;
    std::string head(64 << 10, '\0');  // the first entry's path is near the start
    std::ifstream in(entry.path(), std::ios::binary);
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    size_t at = std::strlen(kMagic);
    std::string_view first_rule;
    if (std::string_view(head).substr(0, at) == kMagic &&
        GetString(head, &at, &first_rule) && !fs::exists(first_rule, ec) && !ec)
      fs::remove(entry.path(), ec);
  }
}

}  // namespace fulint
