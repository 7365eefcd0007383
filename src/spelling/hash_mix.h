#pragma once
// splitmix64's finaliser: spreads a 32-bit word hash over 64 bits so that every bit of it
// counts, for the Bloom filters' bit positions (the word caches' and the project words').
// Changing it changes the word cache format (word_cache.cc, kMagic).
#include <cstdint>

namespace fulint {

inline uint64_t MixHash(uint32_t hash) {
  uint64_t x = hash + 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace fulint
