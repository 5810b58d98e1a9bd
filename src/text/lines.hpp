// Line and column of byte offsets, as records report them.
#pragma once

#include <cstddef>
#include <string_view>

#include "text/utf8.hpp"

namespace quotex::text {

// Line and column of offsets in the original text, visited in increasing
// order: each step counts only the code points since the previous one, so a
// document with one enormous line costs linear time, not quadratic.
class Lines {
 public:
  explicit Lines(std::string_view s) : s_(s) { reset(); }
  // A line ends at LF, CRLF or a lone CR. Offsets come in increasing order
  // (else it starts over), so the whole walk is linear.
  void locate(std::size_t off, std::size_t* line, std::size_t* col) {
    if (off < pos_) reset();
    if (off < pos_) {  // inside the byte-order mark
      *line = 1, *col = 1;
      return;
    }
    for (;;) {
      const std::size_t at = s_.substr(0, off).find_first_of("\r\n", pos_);
      if (at == std::string_view::npos) break;
      ++line_;
      pos_ = at + 1;
      if (s_[at] == '\r' && pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
      col_ = 1;
      if (pos_ > off) break;  // off is the LF of a CRLF: it starts no line of its own
    }
    if (pos_ < off) {
      col_ += text::count_code_points(s_.substr(pos_, off - pos_));
      pos_ = off;
    }
    *line = line_;
    *col = col_;
  }

 private:
  void reset() {
    line_ = 1, col_ = 1;
    pos_ = s_.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a byte-order mark is no column
  }
  std::string_view s_;
  std::size_t line_ = 1, pos_ = 0, col_ = 1;
};

}  // namespace quotex::text
