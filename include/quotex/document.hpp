// quotex — a document to extract from.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace quotex {

struct Document {
  std::string id;    // reported as Record::doc
  std::string text;  // raw bytes as read; need not be valid UTF-8
  std::string lang;  // language hint ("az", "en", ...); empty to detect
  std::string date;  // document date (YYYY-MM-DD) for relative dates; empty if unknown
  // A JSON Lines document's other fields ("url", "outlet", ...) as one JSON
  // object, passed through on its records; empty when there are none.
  std::string meta = {};
  // When text was converted to UTF-8 from another encoding (UTF-16, a
  // legacy code page): the offset of the source byte each byte of text came
  // from, plus the source size at the end, so records point at the bytes as
  // read. Empty when text is the bytes as read.
  std::vector<std::uint32_t> source_offsets = {};
  std::string encoding = {};  // what text was decoded from; empty for UTF-8
  // When this is a part of a larger document (split_document): where its
  // text starts in the whole, as a byte offset and a 1-based line and
  // column. Records of a part are reported against the whole.
  std::size_t part_offset = 0;
  std::size_t part_line = 1;
  std::size_t part_col = 1;
};

// Splits a document larger than max_bytes into parts of at most max_bytes
// each, cut at a paragraph break where the last half of a part has one (a
// blank line, else a line end, else a sentence end, else a space, else a
// character boundary), so that a large file costs memory by the part, not
// by the whole. Each part keeps the document's id, language and date.
// A document that fits, or max_bytes 0, is handed on whole. Parts are made
// one at a time, as `each` takes them. What joins across a cut (a quotation
// running over it, a speaker named before it) is not seen: parts are
// extracted as documents of their own.
void split_document(Document doc, std::size_t max_bytes,
                    const std::function<void(Document&&)>& each);

}  // namespace quotex
