#include "text/language.hpp"

#include "text/utf8.hpp"

namespace quotex::text {

std::string detect_language(std::string_view s) {
  // The first 64 KiB decide; a document rarely changes language after that.
  if (s.size() > (64u << 10)) s = s.substr(0, 64u << 10);
  std::size_t latin = 0, cyrillic = 0, schwa = 0, kazakh = 0, turkish = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len;
    char32_t c = decode(s, i, &len);
    i += len;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++latin;
    } else if (c == 0x0259 || c == 0x018F) {  // ə Ə
      ++schwa, ++latin;
    } else if (c == 0x011F || c == 0x011E || c == 0x015F || c == 0x015E || c == 0x0131) {
      ++turkish, ++latin;  // ğ Ğ ş Ş ı
    } else if (c >= 0x00C0 && c <= 0x024F) {
      ++latin;
    } else if (c >= 0x0400 && c <= 0x04FF) {
      ++cyrillic;
      switch (c) {
        case 0x04D9:
        case 0x04D8:  // ә
        case 0x0493:
        case 0x0492:  // ғ
        case 0x049B:
        case 0x049A:  // қ
        case 0x04A3:
        case 0x04A2:  // ң
        case 0x04E9:
        case 0x04E8:  // ө
        case 0x04B1:
        case 0x04B0:  // ұ
        case 0x04AF:
        case 0x04AE:  // ү
        case 0x04BB:
        case 0x04BA:  // һ
        case 0x0456:
        case 0x0406:  // і
          ++kazakh;
          break;
        default:
          break;
      }
    }
  }
  if (cyrillic > latin) return kazakh * 200 >= cyrillic ? "kk" : "ru";
  if (schwa > 0) return "az";
  if (turkish > 0) return "tr";
  return "en";
}

}  // namespace quotex::text
