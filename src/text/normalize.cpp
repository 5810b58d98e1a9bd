#include "text/normalize.hpp"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include "text/utf8.hpp"

namespace quotex::text {

namespace {

// What a code point becomes for matching; 0 means "drop it".
char32_t fold_for_matching(char32_t c) {
  switch (c) {
    case 0x0000:
      return ' ';
    case 0x00AD:
      return 0;  // soft hyphen
    case 0xFEFF:
      return 0;  // BOM / zero-width no-break space
    case 0x200B:
      return 0;  // zero-width space
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return '-';
    case 0x00A0:
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return ' ';
    case 0x201F:
    case 0x301D:
      return 0x201C;  // “
    case 0x301E:
    case 0x301F:
      return 0x201D;  // ”
    case 0x2033:
    case 0xFF02:
      return '"';
    default:
      return c;
  }
}

}  // namespace

NormText normalize(std::string_view original) {
  NormText out;
  out.text.reserve(original.size());
  out.to_orig.reserve(original.size() + 1);
  for (std::size_t i = 0; i < original.size();) {
    const unsigned char b = static_cast<unsigned char>(original[i]);
    if (b != 0 && b < 0x80) {  // ASCII fast path
      // A lone CR ends a line as LF does (old Mac exports).
      const bool lone_cr = b == '\r' && (i + 1 == original.size() || original[i + 1] != '\n');
      out.text.push_back(lone_cr ? '\n' : static_cast<char>(b));
      out.to_orig.push_back(static_cast<std::uint32_t>(i));
      ++i;
      continue;
    }
    std::size_t len;
    char32_t c = fold_for_matching(decode(original, i, &len));
    if (c != 0) {
      std::size_t before = out.text.size();
      append_utf8(out.text, c);
      out.to_orig.insert(out.to_orig.end(), out.text.size() - before,
                         static_cast<std::uint32_t>(i));
    }
    i += len;
  }
  out.to_orig.push_back(static_cast<std::uint32_t>(original.size()));

  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return out;
  if (nfc->isNormalizedUTF8(out.text, err) || U_FAILURE(err)) return out;

  // Compose: bytes of an unchanged span keep their map entries; bytes of a
  // changed span all point at the start of the span they replace.
  err = U_ZERO_ERROR;
  std::string composed;
  icu::StringByteSink<std::string> sink(&composed);
  icu::Edits edits;
  nfc->normalizeUTF8(0, out.text, sink, &edits, err);
  if (U_FAILURE(err)) return out;
  std::vector<std::uint32_t> map;
  map.reserve(composed.size() + 1);
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(err)) {
    if (it.hasChange()) {
      map.insert(map.end(), it.newLength(), out.to_orig[it.sourceIndex()]);
    } else {
      for (int k = 0; k < it.oldLength(); ++k) map.push_back(out.to_orig[it.sourceIndex() + k]);
    }
  }
  map.push_back(static_cast<std::uint32_t>(original.size()));
  if (U_FAILURE(err) || map.size() != composed.size() + 1) return out;
  out.text = std::move(composed);
  out.to_orig = std::move(map);
  return out;
}

}  // namespace quotex::text
