// The text reader and normaliser: any bytes, read as a file is (encoding
// decided, decoded), then normalised and segmented. Every offset map must
// stay inside the bytes as read.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "read/reader.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"

namespace {

// The input as a file the reader opens by name.
std::string as_file(const uint8_t* data, size_t size) {
  static int fd = memfd_create("quotex-fuzz", 0);
  if (fd < 0) std::abort();
  if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) {
    std::abort();
  }
  return "/proc/self/fd/" + std::to_string(fd);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotex;
  read::ReadOptions opt;
  opt.max_document_bytes = 1 << 20;
  read::read_all(
      {as_file(data, size)}, opt,
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
