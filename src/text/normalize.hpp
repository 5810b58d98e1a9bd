// Normalisation for matching, with a map back to the original bytes.
//
// The rules match a normalised copy of the document: valid UTF-8 (invalid
// bytes become U+FFFD, NUL becomes a space), NFC, one hyphen for the Unicode
// hyphens and dashes, one space for no-break and other spaces, and a few
// look-alike quote marks folded onto the common ones. Every byte of the copy
// remembers where its character started in the original, so records point
// at the original bytes (SPEC §1 normalize).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quotex::text {

struct NormText {
  std::string text;
  // to_orig[i]: original offset of the character that normalised byte i came
  // from; to_orig[text.size()] is the original size.
  std::vector<std::uint32_t> to_orig;

  std::size_t orig_start(std::size_t i) const { return to_orig[i]; }
  // Original end of a range ending (exclusive) at normalised offset i.
  std::size_t orig_end(std::size_t i) const { return to_orig[i]; }
};

NormText normalize(std::string_view original);

}  // namespace quotex::text
