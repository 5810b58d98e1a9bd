// Small UTF-8 helpers shared by the pipeline stages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace quotex::text {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at s[i]; sets *len to the bytes consumed (>= 1).
// Invalid or truncated sequences decode as U+FFFD with *len == 1.
char32_t decode(std::string_view s, std::size_t i, std::size_t* len);

void append_utf8(std::string& out, char32_t c);

// Number of code points in s, counting each invalid byte as one.
std::size_t count_code_points(std::string_view s);

// Lower-cases s with the language's rules (az/tr map I to ı and İ to i).
std::string lower(std::string_view s, std::string_view lang);

// Lower-cases and collapses runs of white space to one space: the key form
// used for lexicon values and name comparison.
std::string fold_key(std::string_view s, std::string_view lang);

// Upper-cases the first code point with the language's rules.
std::string upper_first(std::string_view s, std::string_view lang);

bool is_space(char32_t c);

// The code point starting at byte i, and the one ending just before byte i
// (U+FFFD for invalid bytes). Outside the string both are a space, so text
// edges behave like white space.
char32_t code_point_at(std::string_view s, std::size_t i);
char32_t code_point_before(std::string_view s, std::size_t i);

// Moves i back to the first byte of the UTF-8 sequence it falls in.
std::size_t align_to_char(std::string_view s, std::size_t i);

// Strips leading and trailing white space and the given ASCII punctuation.
std::string_view trim(std::string_view s, std::string_view punct = "");

}  // namespace quotex::text
