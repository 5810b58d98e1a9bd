// The JSON Lines reader: any bytes as a .jsonl file (byte-order marks,
// UTF-16, broken lines, overlong lines), with and without a forced
// encoding. Every document must be UTF-8 text with a valid date or none.
#include <simdjson.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "input_file.hpp"
#include "read/reader.hpp"
#include "util/iso_date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotex;
  // The first byte picks the options; the rest is the file.
  const uint8_t mode = size > 0 ? data[0] : 0;
  if (size > 0) ++data, --size;
  read::ReadOptions opt;
  opt.format = read::InputFormat::jsonl;
  opt.max_document_bytes = (mode & 1) != 0 ? 64 : 1 << 16;
  if ((mode & 6) == 2) opt.encoding = "windows-1251";
  if ((mode & 6) == 4) opt.encoding = "UTF-16BE";
  read::read_all(
      {as_input_file(data, size)}, opt,
      [&](Document&& doc) {
        if (opt.encoding.empty() && !simdjson::validate_utf8(doc.text.data(), doc.text.size())) {
          std::abort();  // simdjson hands out only valid UTF-8
        }
        if (!doc.date.empty() && !util::valid_iso_date(doc.date)) std::abort();
      },
      [](const Error&) {});
  return 0;
}
