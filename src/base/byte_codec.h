#pragma once
// Little-endian integers and length-prefixed strings in a byte string: the format of the
// caches fulint keeps between runs (rules/yaml_cache.h, rules/regex_facts_cache.h). Readers
// check every length against what is left, so a truncated or corrupt file reads as an error,
// never past its end.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fulint {

inline void PutU64(uint64_t v, std::string* out) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

inline bool GetU64(std::string_view data, size_t* at, uint64_t* v) {
  if (*at > data.size() || data.size() - *at < 8) return false;
  *v = 0;
  for (int i = 0; i < 8; ++i)
    *v |= static_cast<uint64_t>(static_cast<uint8_t>(data[*at + i])) << (8 * i);
  *at += 8;
  return true;
}

inline void PutString(std::string_view s, std::string* out) {
  PutU64(s.size(), out);
  out->append(s);
}

inline bool GetString(std::string_view data, size_t* at, std::string_view* s) {
  uint64_t n;
  if (!GetU64(data, at, &n) || n > data.size() - *at) return false;
  *s = data.substr(*at, n);
  *at += n;
  return true;
}

// FNV-1a: a cache's check that its bytes are what it wrote (not a cryptographic hash).
inline uint64_t Fnv1a(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace fulint
