#include "resolve/speaker_id.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <unordered_map>

#include "text/utf8.hpp"

namespace quotex::resolve {

namespace {

// The letters of Latin-script Turkic alphabets, spelt as Russian names are
// in BGN/PCGN Latin (Qasım ~ Касым ~ Kasym, Ceyhun ~ Джейхун ~ Dzheykhun).
std::string fold_turkic(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len;
    const char32_t c = text::decode(s, i, &len);
    switch (c) {
      case U'ə':
        out += 'a';
        break;
      case U'ı':
        out += 'y';
        break;
      case U'c':
        out += 'j';
        break;
      case U'ç':
        out += "ch";
        break;
      case U'ş':
        out += "sh";
        break;
      case U'x':
        out += "kh";
        break;
      case U'q':
        out += 'k';
        break;
      case U'ğ':
        out += 'g';
        break;
      default:
        out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

// Latin letters a transliteration may leave accented, as ASCII; Cyrillic
// by BGN/PCGN.
icu::Transliterator* to_latin() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        "Russian-Latin/BGN; Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(made) : nullptr;
  }();
  return t.get();
}

std::string compute(std::string_view name, std::string_view lang) {
  std::string s = text::lower(name, lang);
  if (lang == "az" || lang == "tr") s = fold_turkic(s);
  if (icu::Transliterator* t = to_latin()) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
    t->transliterate(u);
    s.clear();
    u.toUTF8String(s);
  }
  // Lower-case ASCII letters and one '-' between words; kh/h, zh/dzh/j and
  // doubled letters folded.
  std::string letters;
  for (char ch : s) {
    const char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    if (c >= 'a' && c <= 'z') {
      letters += c;
    } else if (!letters.empty() && letters.back() != '-' && c != '\'' && c != '"') {
      letters += '-';  // a space, hyphen, dot: a word ends
    }
  }
  while (!letters.empty() && letters.back() == '-') letters.pop_back();
  std::string out;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    if (letters.compare(i, 3, "dzh") == 0) {
      out += 'j';
      i += 2;
    } else if (letters.compare(i, 2, "zh") == 0) {
      out += 'j';
      i += 1;
    } else if (letters.compare(i, 2, "kh") == 0) {
      out += 'h';
      i += 1;
    } else if (out.empty() || letters[i] != out.back() || letters[i] == '-') {
      out += letters[i];
    }
  }
  return out;
}

}  // namespace

std::string speaker_key(std::string_view name, std::string_view lang) {
  // Names repeat: a small cache per thread.
  thread_local std::unordered_map<std::string, std::string> cache;
  std::string k(lang);
  k += '\x1f';
  k.append(name);
  if (auto it = cache.find(k); it != cache.end()) return it->second;
  if (cache.size() > 4096) cache.clear();
  return cache.emplace(std::move(k), compute(name, lang)).first->second;
}

}  // namespace quotex::resolve
