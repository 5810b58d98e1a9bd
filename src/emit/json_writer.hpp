// Writing JSON objects field by field: the records of extract and check.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "quotex/record.hpp"

namespace quotex::json {

// Appends s as a JSON string (quoted, escaped; s must be valid UTF-8).
void append_string(std::string& out, std::string_view s);
// Record text is original bytes; JSON needs valid UTF-8, so invalid bytes
// are written as U+FFFD.
std::string valid_utf8(std::string_view s);
// A JSON number: integers without a fraction, null for infinities.
std::string number(double v);

// An object under construction; close it with s.push_back('}').
struct Obj {
  std::string s = "{";
  void key(std::string_view k) {
    if (s.size() > 1) s.push_back(',');
    append_string(s, k);
    s.push_back(':');
  }
  void str(std::string_view k, std::string_view v) {
    key(k);
    append_string(s, valid_utf8(v));
  }
  void opt(std::string_view k, const std::optional<std::string>& v) {
    if (v) {
      str(k, *v);
    } else {
      key(k);
      s += "null";
    }
  }
  void num(std::string_view k, std::size_t v) {
    key(k);
    s += std::to_string(v);
  }
  void raw(std::string_view k, std::string_view v) {
    key(k);
    s += v;
  }
  // Where a record stands: start, end, line, col (SPEC §2).
  void place(const Record& r) {
    num("start", r.start);
    num("end", r.end);
    num("line", r.line);
    num("col", r.col);
  }
};

}  // namespace quotex::json
