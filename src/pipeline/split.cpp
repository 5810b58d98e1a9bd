#include <string_view>

#include "quotex/document.hpp"
#include "text/utf8.hpp"

namespace quotex {

namespace {

// Where to end a part that starts at `begin` and may not reach past `limit`:
// just after the last break of the strongest kind in its second half.
std::size_t cut_at(std::string_view t, std::size_t begin, std::size_t limit) {
  const std::size_t from = begin + (limit - begin) / 2;
  const std::string_view window = t.substr(from, limit - from);
  for (std::string_view brk : {"\n\n", "\n", ". ", " "}) {
    const std::size_t at = window.rfind(brk);
    if (at != std::string_view::npos) return from + at + brk.size();
  }
  std::size_t cut = limit;  // no break: a character boundary
  while (cut > from && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace

void split_document(Document doc, std::size_t max_bytes,
                    const std::function<void(Document&&)>& each) {
  if (max_bytes == 0 || doc.text.size() <= max_bytes) {
    each(std::move(doc));
    return;
  }
  const std::string_view t = doc.text;
  std::size_t line = doc.part_line, col = doc.part_col;
  std::size_t pos = 0;  // line and col are those of byte pos
  std::size_t begin = 0;
  while (begin < t.size()) {
    const std::size_t end =
        t.size() - begin <= max_bytes ? t.size() : cut_at(t, begin, begin + max_bytes);
    Document part;
    part.id = doc.id;
    part.lang = doc.lang;
    part.date = doc.date;
    part.encoding = doc.encoding;
    part.text = std::string(t.substr(begin, end - begin));
    if (!doc.source_offsets.empty()) {
      part.source_offsets.assign(doc.source_offsets.begin() + static_cast<std::ptrdiff_t>(begin),
                                 doc.source_offsets.begin() + static_cast<std::ptrdiff_t>(end) + 1);
    }
    part.part_offset = doc.part_offset + begin;
    // Line and column of `begin`, counted as records count them: a line
    // ends at LF, CRLF or a lone CR; a byte-order mark is no column.
    while (pos < begin) {
      const char c = t[pos];
      if (c == '\n' || (c == '\r' && (pos + 1 >= t.size() || t[pos + 1] != '\n'))) {
        ++line, col = 1, ++pos;
      } else if (c == '\r') {
        ++pos;  // the CR of a CRLF
      } else if (pos == 0 && t.starts_with("\xEF\xBB\xBF")) {
        pos = 3;
      } else {
        std::size_t len = 1;
        text::decode(t, pos, &len);
        pos += len, ++col;
      }
    }
    part.part_line = line;
    part.part_col = col;
    each(std::move(part));
    begin = end;
  }
}

}  // namespace quotex
