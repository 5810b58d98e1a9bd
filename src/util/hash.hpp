// A stable 64-bit hash of bytes (FNV-1a): the same on every machine and
// run, for record ids and word keys. Not for untrusted hash-flooding.
#pragma once

#include <cstdint>
#include <string_view>

namespace quotex::util {

inline constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;

// Continues hash h over s; start with kFnvOffset.
inline std::uint64_t fnv1a(std::string_view s, std::uint64_t h = kFnvOffset) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace quotex::util
