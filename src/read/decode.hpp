// Text that is not UTF-8: UTF-16 with a byte-order mark, and the legacy
// 8-bit encodings of newsroom archives (Windows-1251, Windows-1254, KOI8-R,
// Latin-1, ...), found by ICU's charset detector or named by the user.
//
// A decoded document keeps, for each byte of its UTF-8 text, the offset of
// the source byte its character came from, so records still point at the
// bytes as read (Document::source_offsets).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quotex/document.hpp"

struct UConverter;  // ICU's

namespace quotex::read {

// A UTF-16 byte-order mark (either order) at the start of s.
bool has_utf16_bom(std::string_view s);

// True when ICU knows the encoding name (for --encoding).
bool known_encoding(const std::string& name);

// Decides how doc->text (raw bytes) is to be read and converts it in place
// when it is not UTF-8: `forced` names the encoding (empty: decide). A UTF-8
// byte-order mark is left in place (normalisation drops it). Sets
// doc->encoding to the encoding read, with "(detected)" when the detector
// chose it. Returns false with *err set when the bytes cannot be converted.
bool decode_document(Document* doc, const std::string& forced, std::string* err);

// Streaming conversion to UTF-8, for JSON Lines files in UTF-16 or a forced
// encoding: feed() chunks of source bytes, get UTF-8 bytes appended.
class StreamDecoder {
 public:
  explicit StreamDecoder(const std::string& encoding);
  ~StreamDecoder();
  StreamDecoder(const StreamDecoder&) = delete;
  StreamDecoder& operator=(const StreamDecoder&) = delete;
  bool ok() const { return conv_ != nullptr; }
  void feed(std::string_view bytes, bool last, std::string* out);

 private:
  ::UConverter* conv_ = nullptr;
  std::vector<char16_t> units_;  // the conversion buffer, kept between chunks
  char16_t pending_ = 0;         // a lead surrogate whose trail comes with the next chunk
};

}  // namespace quotex::read
