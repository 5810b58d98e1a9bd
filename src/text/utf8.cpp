#include "text/utf8.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace quotex::text {

char32_t decode(std::string_view s, std::size_t i, std::size_t* len) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  *len = 1;
  if (c < 0x80) return c;
  std::size_t n;
  char32_t cp;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    n = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return kReplacement;
  }
  if (i + n > s.size()) return kReplacement;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
  *len = n;
  return cp;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len;
    decode(s, i, &len);
    i += len;
    ++n;
  }
  return n;
}

namespace {
const icu::Locale& locale_for(std::string_view lang) {
  static const icu::Locale az("az"), tr("tr"), kk("kk"), ru("ru"), root("");
  if (lang == "az") return az;
  if (lang == "tr") return tr;
  if (lang == "kk") return kk;
  if (lang == "ru") return ru;
  return root;
}
}  // namespace

std::string lower(std::string_view s, std::string_view lang) {
  // Most words hold no capital letter: nothing to map.
  bool has_upper = false;
  for (std::size_t i = 0; i < s.size() && !has_upper;) {
    std::size_t len;
    const char32_t c = decode(s, i, &len);
    has_upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c));
    i += len;
  }
  if (!has_upper) return std::string(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  u.toLower(locale_for(lang));
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string upper_first(std::string_view s, std::string_view lang) {
  if (s.empty()) return std::string();
  std::size_t len;
  decode(s, 0, &len);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), len));
  u.toUpper(locale_for(lang));
  std::string out;
  u.toUTF8String(out);
  out.append(s.substr(len));
  return out;
}

char32_t code_point_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return ' ';
  std::size_t len;
  return decode(s, i, &len);
}

std::size_t align_to_char(std::string_view s, std::size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

char32_t code_point_before(std::string_view s, std::size_t i) {
  if (i == 0 || i > s.size()) return ' ';
  return code_point_at(s, align_to_char(s, i - 1));
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || u_isUWhiteSpace(c);
}

std::string fold_key(std::string_view s, std::string_view lang) {
  std::string collapsed;
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len;
    char32_t c = decode(s, i, &len);
    if (is_space(c)) {
      pending_space = !collapsed.empty();
    } else {
      if (pending_space) collapsed.push_back(' ');
      pending_space = false;
      collapsed.append(s.substr(i, len));
    }
    i += len;
  }
  return lower(collapsed, lang);
}

std::string_view trim(std::string_view s, std::string_view punct) {
  auto strip_front = [&]() -> bool {
    if (s.empty()) return false;
    std::size_t len;
    char32_t c = decode(s, 0, &len);
    if (is_space(c) || (c < 0x80 && punct.find(static_cast<char>(c)) != std::string_view::npos)) {
      s.remove_prefix(len);
      return true;
    }
    return false;
  };
  auto strip_back = [&]() -> bool {
    if (s.empty()) return false;
    const std::size_t i = align_to_char(s, s.size() - 1);
    std::size_t len;
    char32_t c = decode(s, i, &len);
    if (is_space(c) || (c < 0x80 && punct.find(static_cast<char>(c)) != std::string_view::npos)) {
      s.remove_suffix(s.size() - i);
      return true;
    }
    return false;
  };
  while (strip_front()) {
  }
  while (strip_back()) {
  }
  return s;
}

}  // namespace quotex::text
