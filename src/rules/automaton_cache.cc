#include "rules/automaton_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include "base/byte_codec.h"
#include "base/cache_file.h"
#include "spelling/word_cache.h"

namespace fulint {
namespace {

namespace fs = std::filesystem;

// The header: this magic (which changes with the header's layout), the key, the body's size
// and its checksum, each eight bytes, so the body starts 8-byte aligned in the mapping.
constexpr std::string_view kMagic = "FLAUTO01";
constexpr size_t kHeaderBytes = 32;
constexpr std::string_view kSuffix = ".automaton";

std::atomic<AutomatonCache*> installed{nullptr};

// A word of the checksum's input (unaligned, in this machine's order: it only has to agree
// with itself).
uint64_t LoadWord(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

}  // namespace

uint64_t WordChecksum(std::string_view bytes) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t lane[4] = {1, 2, 3, 4};
  size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32)
    for (int k = 0; k < 4; ++k) {
      lane[k] = (lane[k] ^ LoadWord(bytes.data() + i + 8 * k)) * kMul;
      lane[k] ^= lane[k] >> 32;
    }
  uint64_t h = bytes.size();
  for (uint64_t l : lane) h = (h ^ l) * kMul, h ^= h >> 29;
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * kMul;
  return h ^ (h >> 32);
}

AutomatonCache::AutomatonCache(std::string dir, std::string build_id)
    : dir_(std::move(dir)), build_id_(std::move(build_id)) {}

std::string AutomatonCache::DefaultDir() {
  if (std::getenv("FULINT_NO_RULE_CACHE")) return "";
  std::string dir = WordCacheDir();
  return dir.empty() ? "" : dir + "/automata";
}

AutomatonCache::Mapped::~Mapped() { ::munmap(base_, size_); }

std::string AutomatonCache::FileOf(uint64_t key) const {
  char name[32];
  std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(key));
  return dir_ + "/" + name + std::string(kSuffix);
}

std::unique_ptr<AutomatonCache::Mapped> AutomatonCache::Load(uint64_t key) {
  if (dir_.empty() || build_id_.empty()) return nullptr;
  int fd = ::open(FileOf(key).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(kHeaderBytes)) {
    ::close(fd);
    return nullptr;
  }
  const size_t size = static_cast<size_t>(st.st_size);
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return nullptr;
  auto mapped = std::make_unique<Mapped>(p, size, kHeaderBytes);
  const std::string_view header(static_cast<const char*>(p), kHeaderBytes);
  size_t at = kMagic.size();
  uint64_t stored_key, body_size, checksum;
  if (!header.starts_with(kMagic) || !GetU64(header, &at, &stored_key) || stored_key != key ||
      !GetU64(header, &at, &body_size) || body_size != size - kHeaderBytes ||
      !GetU64(header, &at, &checksum) || checksum != WordChecksum(mapped->body()))
    return nullptr;  // another layout, another key (a hash collision), or damaged
  hits_.fetch_add(1, std::memory_order_relaxed);
  return mapped;
}

void AutomatonCache::Store(uint64_t key, std::string_view body) {
  if (dir_.empty() || build_id_.empty()) return;
  std::lock_guard<std::mutex> lock(store_mutex_);
  std::string data(kMagic);
  PutU64(key, &data);
  PutU64(body.size(), &data);
  PutU64(WordChecksum(body), &data);
  data.append(body);
  if (!ReplaceCacheFile(FileOf(key), data)) return;
  stores_.fetch_add(1, std::memory_order_relaxed);
  // Keep the newest kKeep files: each rebuild of fulint and each edit of a word list makes a
  // new one, and nothing else would ever remove the old ones.
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    if (path.extension() != kSuffix) continue;
    fs::file_time_type written = fs::last_write_time(path, ec);
    if (!ec) files.push_back({written, path});
    ec.clear();
  }
  if (files.size() <= kKeep) return;
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = kKeep; i < files.size(); ++i) fs::remove(files[i].second, ec);
}

void AutomatonCache::Install(AutomatonCache* cache) {
  installed.store(cache, std::memory_order_release);
}

AutomatonCache* AutomatonCache::Installed() { return installed.load(std::memory_order_acquire); }

}  // namespace fulint
