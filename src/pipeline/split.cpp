#include <string_view>

#include "quotex/document.hpp"
#include "text/lines.hpp"

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
  text::Lines lines(t);  // where each part starts, counted as records count
  std::size_t begin = 0;
  while (begin < t.size()) {
    const std::size_t end =
        t.size() - begin <= max_bytes ? t.size() : cut_at(t, begin, begin + max_bytes);
    Document part;
    part.id = doc.id;
    part.lang = doc.lang;
    part.date = doc.date;
    part.meta = doc.meta;
    part.encoding = doc.encoding;
    part.text = std::string(t.substr(begin, end - begin));
    if (!doc.source_offsets.empty()) {
      part.source_offsets.assign(doc.source_offsets.begin() + static_cast<std::ptrdiff_t>(begin),
                                 doc.source_offsets.begin() + static_cast<std::ptrdiff_t>(end) + 1);
    }
    part.part_offset = doc.part_offset + begin;
    std::size_t line = 1, col = 1;
    lines.locate(begin, &line, &col);
    part.part_col = line == 1 ? doc.part_col + col - 1 : col;
    part.part_line = doc.part_line + line - 1;
    each(std::move(part));
    begin = end;
  }
}

}  // namespace quotex
