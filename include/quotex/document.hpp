// quotex — a document to extract from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace quotex {

struct Document {
  std::string id;    // reported as Record::doc
  std::string text;  // raw bytes as read; need not be valid UTF-8
  std::string lang;  // language hint ("az", "en", ...); empty to detect
  std::string date;  // document date (YYYY-MM-DD) for relative dates; empty if unknown
  // When text was converted to UTF-8 from another encoding (UTF-16, a
  // legacy code page): the offset of the source byte each byte of text came
  // from, plus the source size at the end, so records point at the bytes as
  // read. Empty when text is the bytes as read.
  std::vector<std::uint32_t> source_offsets = {};
  std::string encoding = {};  // what text was decoded from; empty for UTF-8
};

}  // namespace quotex
