// The fuzz input as a file the reader opens by name (a memfd, rewritten for
// every input), so the targets go through the same open/read path as quotex.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

inline std::string as_input_file(const uint8_t* data, size_t size) {
  static int fd = memfd_create("quotex-fuzz", 0);
  if (fd < 0) std::abort();
  if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) {
    std::abort();
  }
  return "/proc/self/fd/" + std::to_string(fd);
}
