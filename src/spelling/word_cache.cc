#include "spelling/word_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "base/cache_file.h"
#include "spelling/hash_mix.h"

namespace fulint {
namespace {

// W3: the sorted words, a hash table over them, then a Bloom filter (W2 had no filter, W1 no
// table).
constexpr char kMagic[] = "FULINTW3\n";

// FNV-1a: short words, no need for more.
uint32_t HashWord(std::string_view w) {
  uint32_t h = 2166136261u;
  for (unsigned char c : w) h = (h ^ c) * 16777619u;
  return h;
}

// The Bloom filter: 8 to 16 bits per word (a power of two in all, at most 2^21: 12.6 for
// en_US, 10.7 for en_med_glut) and three bits set per word, so it answers "not here" for
// about 99% of other strings (the spelling test measures it). Spelling suggestions ask about
// hundreds of candidate strings per misspelling, nearly none of them words; the hash table (a
// megabyte or more) answered each with a cache miss, 6% of a 1,000-draft run's time, and the
// filter (a few hundred kilobytes) stays in the core's cache. The three bit positions come
// from the word's FNV-1a hash, mixed (hash_mix.h), 21 bits each.
constexpr int kFilterProbes = 3;
template <typename OnBit>
void ForEachFilterBit(uint32_t hash, uint32_t mask, OnBit on_bit) {
  uint64_t x = MixHash(hash);
  for (int i = 0; i < kFilterProbes; ++i) on_bit(static_cast<uint32_t>(x >> (21 * i)) & mask);
}

std::string Stat(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return "";
  return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec);
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

WordCache::~WordCache() {
  if (data_) munmap(const_cast<char*>(data_), length_);
}

std::string DictionarySignature(const std::string& dic, const std::string& aff) {
  std::string a = Stat(dic), b = Stat(aff);
  return a.empty() || b.empty() ? "" : dic + "=" + a + ";" + aff + "=" + b;
}

std::string WordCacheFile(const std::string& dir, const std::string& name) {
  return dir + "/" + name + ".v3.words";  // v3: the format kMagic names (W3)
}

std::string WordCacheDir() {
  if (const char* d = std::getenv("FULINT_CACHE_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/fulint";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/fulint";
  return "";
}

std::unique_ptr<WordCache> WordCache::Open(const std::string& path, const std::string& signature) {
  if (signature.empty()) return nullptr;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size < 64) {
    ::close(fd);
    return nullptr;
  }
  size_t length = static_cast<size_t>(st.st_size);
  void* p = mmap(nullptr, length, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return nullptr;
  // Lookups touch pages all over the file. On our build VM each first touch of a 4 KB page
  // costs microseconds (shadow paging); asked for huge pages, the kernel reads the file into
  // 2 MB page-cache folios and maps them whole, and a one-draft run took 9.4 ms instead of
  // 11.1 (median of 15). Only a read after this call gets them: CompileWordCache drops the
  // small pages its writes leave in the page cache.
  madvise(p, length, MADV_HUGEPAGE);
  std::unique_ptr<WordCache> cache(new WordCache());
  cache->data_ = static_cast<const char*>(p);
  cache->length_ = length;
  // Header: magic, signature line, then a 4-byte-aligned count, offsets and the words.
  std::string_view all(cache->data_, length);
  size_t magic = sizeof kMagic - 1;
  if (all.substr(0, magic) != kMagic) return nullptr;
  size_t nl = all.find('\n', magic);
  if (nl == std::string_view::npos || all.substr(magic, nl - magic) != signature) return nullptr;
  size_t at = (nl + 1 + 3) & ~size_t{3};
  if (at + 4 > length) return nullptr;
  std::memcpy(&cache->count_, cache->data_ + at, 4);
  at += 4;
  size_t table = (static_cast<size_t>(cache->count_) + 1) * 4;
  if (at + table > length) return nullptr;
  cache->offsets_ = reinterpret_cast<const uint32_t*>(cache->data_ + at);
  cache->blob_ = cache->data_ + at + table;
  if (cache->offsets_[cache->count_] > length - (at + table)) return nullptr;
  // The hash table: a 4-byte-aligned slot count (a power of two), then the slots.
  size_t slots_at = (at + table + cache->offsets_[cache->count_] + 3) & ~size_t{3};
  if (slots_at + 4 > length) return nullptr;
  uint32_t slots = 0;
  std::memcpy(&slots, cache->data_ + slots_at, 4);
  if (slots == 0 || (slots & (slots - 1)) != 0 || slots < cache->count_ ||
      slots_at + 4 + size_t{slots} * 4 > length)
    return nullptr;
  cache->slot_mask_ = slots - 1;
  cache->slots_ = reinterpret_cast<const uint32_t*>(cache->data_ + slots_at + 4);
  // The filter: its size in bits (a power of two, at least 64, at most 2^21: the probes take
  // 21 bits each of one 64-bit hash), 8-byte aligned, then its words.
  size_t filter_at = (slots_at + 4 + size_t{slots} * 4 + 7) & ~size_t{7};
  if (filter_at + 8 > length) return nullptr;
  uint64_t bits = 0;
  std::memcpy(&bits, cache->data_ + filter_at, 8);
  if (bits < 64 || bits > (uint64_t{1} << 21) || (bits & (bits - 1)) != 0 ||
      filter_at + 8 + bits / 8 > length)
    return nullptr;
  cache->filter_mask_ = static_cast<uint32_t>(bits - 1);
  cache->filter_ = reinterpret_cast<const uint64_t*>(cache->data_ + filter_at + 8);
  return cache;
}

uint32_t WordCache::Hash(std::string_view word) { return HashWord(word); }

bool WordCache::FilterRulesOut(std::string_view word) const {
  return RuledOutByHash(HashWord(word));
}

bool WordCache::RuledOutByHash(uint32_t hash) const {
  bool out = false;
  ForEachFilterBit(hash, filter_mask_, [&](uint32_t bit) {
    out |= (filter_[bit >> 6] >> (bit & 63) & 1) == 0;
  });
  return out;
}

bool WordCache::Contains(std::string_view word) const {
  // Open addressing with linear probing; a slot holds a word's index + 1, 0 when empty. One
  // or two comparisons instead of a binary search's seventeen, and fewer pages touched in a
  // short run.
  uint32_t i = HashWord(word) & slot_mask_;
  for (uint32_t probes = 0; probes <= slot_mask_; ++probes, i = (i + 1) & slot_mask_) {
    uint32_t slot = slots_[i];
    if (slot == 0 || slot > count_) return false;
    uint32_t k = slot - 1;
    std::string_view w(blob_ + offsets_[k], offsets_[k + 1] - offsets_[k]);
    if (w == word) return true;
  }
  return false;  // a full table (a damaged file): the word is not there
}

bool CompileWordCache(const std::string& dic, const std::string& aff, const std::string& out,
                      std::string* error) {
  std::string signature = DictionarySignature(dic, aff);
  if (signature.empty()) {
    *error = "dictionary not found: " + dic;
    return false;
  }
  std::string cmd = "unmunch " + ShellQuote(dic) + " " + ShellQuote(aff) + " 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) {
    *error = "cannot run unmunch (package hunspell-tools)";
    return false;
  }
  std::vector<std::string> words;
  char buf[512];
  while (std::fgets(buf, sizeof buf, pipe)) {
    std::string w(buf);
    while (!w.empty() && (w.back() == '\n' || w.back() == '\r')) w.pop_back();
    if (!w.empty()) words.push_back(std::move(w));
  }
  int status = pclose(pipe);
  if (status != 0 || words.empty()) {
    *error = "unmunch failed on " + dic + " (is hunspell-tools installed?)";
    return false;
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string header = std::string(kMagic) + signature + "\n";
  header.resize((header.size() + 3) & ~size_t{3}, '\0');
  std::vector<uint32_t> offsets;
  std::string blob;
  for (const auto& w : words) {
    offsets.push_back(static_cast<uint32_t>(blob.size()));
    blob += w;
  }
  offsets.push_back(static_cast<uint32_t>(blob.size()));
  uint32_t count = static_cast<uint32_t>(words.size());
  // The hash table, at most half full.
  uint32_t slot_count = 1;
  while (slot_count < 2 * count) slot_count <<= 1;
  std::vector<uint32_t> slots(slot_count, 0);
  for (uint32_t k = 0; k < count; ++k) {
    uint32_t i = HashWord(words[k]) & (slot_count - 1);
    while (slots[i] != 0) i = (i + 1) & (slot_count - 1);
    slots[i] = k + 1;
  }
  // The Bloom filter: a power of two of bits, about 8-16 per word, at most 2^21.
  uint64_t filter_bits = 64;
  while (filter_bits < uint64_t{8} * count && filter_bits < (uint64_t{1} << 21)) filter_bits <<= 1;
  std::vector<uint64_t> filter(filter_bits / 64, 0);
  for (const auto& w : words)
    ForEachFilterBit(HashWord(w), static_cast<uint32_t>(filter_bits - 1),
                     [&](uint32_t bit) { filter[bit >> 6] |= uint64_t{1} << (bit & 63); });
  std::string pad((4 - blob.size() % 4) % 4, '\0');
  // (the blob starts 4-aligned: header, count and offsets are all multiples of 4)
  // The filter starts 8-aligned: everything before it is a multiple of 4.
  const size_t before_filter = header.size() + 4 + offsets.size() * 4 + blob.size() +
                               pad.size() + 4 + slots.size() * 4;
  const std::string filter_pad(before_filter % 8 == 0 ? 0 : 8 - before_filter % 8, '\0');
  if (!FitsFileSizeLimit(before_filter + filter_pad.size() + 8 + filter.size() * 8)) {
    *error = "cannot write " + out + ": larger than the file size limit (ulimit -f)";
    return false;
  }
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(out).parent_path(), ec);
  std::string tmp = out + ".tmp" + std::to_string(getpid());
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) {
    *error = "cannot write " + tmp;
    return false;
  }
  bool ok = std::fwrite(header.data(), 1, header.size(), f) == header.size() &&
            std::fwrite(&count, 4, 1, f) == 1 &&
            std::fwrite(offsets.data(), 4, offsets.size(), f) == offsets.size() &&
            std::fwrite(blob.data(), 1, blob.size(), f) == blob.size() &&
            std::fwrite(pad.data(), 1, pad.size(), f) == pad.size() &&
            std::fwrite(&slot_count, 4, 1, f) == 1 &&
            std::fwrite(slots.data(), 4, slots.size(), f) == slots.size();
  ok = ok && std::fwrite(filter_pad.data(), 1, filter_pad.size(), f) == filter_pad.size() &&
       std::fwrite(&filter_bits, 8, 1, f) == 1 &&
       std::fwrite(filter.data(), 8, filter.size(), f) == filter.size();
  // Written out and dropped from the page cache, so that the first reader reads it back in
  // huge pages (see Open); pages still dirty would stay.
  ok = ok && std::fflush(f) == 0 && fdatasync(fileno(f)) == 0;
  if (ok) posix_fadvise(fileno(f), 0, 0, POSIX_FADV_DONTNEED);
  ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), out.c_str()) != 0) {
    std::remove(tmp.c_str());
    *error = "cannot write " + out;
    return false;
  }
  return true;
}

}  // namespace fulint
