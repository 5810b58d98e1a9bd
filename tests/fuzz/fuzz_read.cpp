// The text reader and normaliser: any bytes, read as a file is (encoding
// decided, decoded), then normalised and segmented. Every offset map must
// stay inside the bytes as read.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "input_file.hpp"
#include "read/reader.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotex;
  read::ReadOptions opt;
  opt.max_document_bytes = 1 << 20;
  read::read_all(
      {as_input_file(data, size)}, opt,
      [&](Document&& doc) {
        if (!doc.source_offsets.empty()) {
          if (doc.source_offsets.size() != doc.text.size() + 1) std::abort();
          for (std::uint32_t o : doc.source_offsets) {
            if (o > size) std::abort();
          }
        }
        const text::NormText norm = text::normalize(doc.text);
        if (norm.to_orig.size() != norm.text.size() + 1) std::abort();
        for (std::uint32_t o : norm.to_orig) {
          if (o > doc.text.size()) std::abort();
        }
        const text::Segments seg = text::segment(norm.text, "az");
        for (const auto& s : seg.sentences) {
          if (s.begin > s.end || s.end > norm.text.size()) std::abort();
        }
      },
      [](const Error&) {});
  return 0;
}
