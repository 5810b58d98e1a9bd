// Language detection from script and letters (SPEC §1):
// ə -> az; Cyrillic with әғқңөұүһі -> kk; other Cyrillic -> ru;
// ğ/ş/ı without ə -> tr; otherwise en.
#pragma once

#include <string>
#include <string_view>

namespace quotex::text {

std::string detect_language(std::string_view normalized);

// The languages detect_language() can name.
inline constexpr const char* kDetectedLanguages[] = {"az", "en", "kk", "ru", "tr"};

}  // namespace quotex::text
