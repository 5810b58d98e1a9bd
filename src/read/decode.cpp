#include "read/decode.hpp"

#include <simdjson.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstring>

#include "text/utf8.hpp"

namespace quotex::read {

namespace {

constexpr std::size_t kChunk = 1 << 16;  // UTF-16 units per conversion step

// Invalid UTF-8 that is still mostly UTF-8 (a few stray bytes among valid
// multi-byte characters) is read as UTF-8 with U+FFFD for the stray bytes:
// legacy 8-bit text almost never forms valid multi-byte sequences, and a
// detector that guesses Latin-1 for a UTF-8 page would garble all of it.
bool mostly_utf8(std::string_view s) {
  std::size_t valid_multi = 0, invalid = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    if (text::decode(s, i, &len) == text::kReplacement && len == 1) {
      ++invalid;
    } else {
      ++valid_multi;
    }
    i += len;
  }
  return valid_multi > invalid;
}

// UTF-16 to UTF-8, each byte with the offset of the source byte its
// character came from. A lead surrogate at the end of a chunk waits for its
// trail in the next one.
struct Utf16Sink {
  std::string* out;
  std::vector<std::uint32_t>* map;  // may be null
  UChar pending = 0;
  std::uint32_t pending_off = 0, last_off = 0;

  // offs[i] is relative to base; -1 (a unit made from bytes of an earlier
  // call) belongs to the character that started there.
  void put(const UChar* u, const int32_t* offs, std::size_t n, std::uint32_t base, bool final) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t off =
          offs == nullptr || offs[i] < 0 ? last_off : base + static_cast<std::uint32_t>(offs[i]);
      last_off = off;
      const UChar c = u[i];
      if (pending != 0) {
        const UChar lead = pending;
        pending = 0;
        if (U16_IS_TRAIL(c)) {
          emit(U16_GET_SUPPLEMENTARY(lead, c), pending_off);
          continue;
        }
        emit(0xFFFD, pending_off);
      }
      if (U16_IS_LEAD(c)) {
        pending = c;
        pending_off = off;
      } else {
        emit(U16_IS_TRAIL(c) ? 0xFFFD : c, off);
      }
    }
    if (final && pending != 0) {
      emit(0xFFFD, pending_off);
      pending = 0;
    }
  }

  void emit(UChar32 c, std::uint32_t off) {
    const std::size_t before = out->size();
    text::append_utf8(*out, static_cast<char32_t>(c));
    if (map != nullptr) map->insert(map->end(), out->size() - before, off);
  }
};

// Converts all of `bytes` from `cv`'s encoding; map gets one source offset
// per UTF-8 byte and the source size at the end.
void convert(UConverter* cv, std::string_view bytes, std::string* out,
             std::vector<std::uint32_t>* map) {
  std::vector<UChar> u(kChunk);
  std::vector<int32_t> offs(kChunk);
  const char* src = bytes.data();
  const char* const limit = bytes.data() + bytes.size();
  Utf16Sink sink{out, map};
  for (;;) {
    const char* const call_start = src;
    UChar* tgt = u.data();
    UErrorCode st = U_ZERO_ERROR;
    ucnv_toUnicode(cv, &tgt, u.data() + u.size(), &src, limit, offs.data(), true, &st);
    const bool more = st == U_BUFFER_OVERFLOW_ERROR;
    sink.put(u.data(), offs.data(), static_cast<std::size_t>(tgt - u.data()),
             static_cast<std::uint32_t>(call_start - bytes.data()), !more);
    if (!more) break;
  }
  if (map != nullptr) map->push_back(static_cast<std::uint32_t>(bytes.size()));
}

}  // namespace

bool has_utf16_bom(std::string_view s) {
  return s.starts_with("\xFF\xFE") || s.starts_with("\xFE\xFF");
}

bool known_encoding(const std::string& name) {
  UErrorCode st = U_ZERO_ERROR;
  UConverter* cv = ucnv_open(name.c_str(), &st);
  if (cv != nullptr) ucnv_close(cv);
  return U_SUCCESS(st) && cv != nullptr;
}

bool decode_document(Document* doc, const std::string& forced, std::string* err) {
  std::string_view bytes = doc->text;
  std::string name = forced;
  bool detected = false;
  if (name.empty()) {
    if (has_utf16_bom(bytes)) {
      name = "UTF-16";  // ICU's UTF-16 reads the mark, then drops it
    } else if (simdjson::validate_utf8(bytes.data(), bytes.size()) || mostly_utf8(bytes)) {
      return true;
    } else {
      UErrorCode st = U_ZERO_ERROR;
      UCharsetDetector* det = ucsdet_open(&st);
      ucsdet_setText(det, bytes.data(),
                     static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20)), &st);
      const UCharsetMatch* m = ucsdet_detect(det, &st);
      if (U_SUCCESS(st) && m != nullptr) {
        const char* n = ucsdet_getName(m, &st);
        if (U_SUCCESS(st) && n != nullptr) name = n;
      }
      ucsdet_close(det);
      // Nothing better known: read as UTF-8, stray bytes as U+FFFD.
      if (name.empty() || name == "UTF-8") return true;
      detected = true;
    }
  }
  UErrorCode st = U_ZERO_ERROR;
  UConverter* cv = ucnv_open(name.c_str(), &st);
  if (U_FAILURE(st) || cv == nullptr) {
    *err = "unknown encoding '" + name + "'";
    return false;
  }
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  std::vector<std::uint32_t> map;
  map.reserve(out.capacity() + 1);
  convert(cv, bytes, &out, &map);
  doc->encoding = name + (detected ? " (detected)" : "");
  ucnv_close(cv);
  doc->text = std::move(out);
  doc->source_offsets = std::move(map);
  return true;
}

StreamDecoder::StreamDecoder(const std::string& encoding) {
  UErrorCode st = U_ZERO_ERROR;
  conv_ = ucnv_open(encoding.c_str(), &st);
  if (U_FAILURE(st)) conv_ = nullptr;
}

StreamDecoder::~StreamDecoder() {
  if (conv_ != nullptr) ucnv_close(conv_);
}

void StreamDecoder::feed(std::string_view bytes, bool last, std::string* out) {
  units_.resize(kChunk);
  std::vector<UChar>& u = units_;
  const char* src = bytes.data();
  const char* const limit = bytes.data() + bytes.size();
  Utf16Sink sink{out, nullptr, pending_};
  for (;;) {
    UChar* tgt = u.data();
    UErrorCode st = U_ZERO_ERROR;
    ucnv_toUnicode(conv_, &tgt, u.data() + u.size(), &src, limit, nullptr, last, &st);
    const bool more = st == U_BUFFER_OVERFLOW_ERROR;
    sink.put(u.data(), nullptr, static_cast<std::size_t>(tgt - u.data()), 0, last && !more);
    if (!more) break;
  }
  pending_ = sink.pending;
}

}  // namespace quotex::read
