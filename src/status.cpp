#include "quotex/status.hpp"

#include <fmt/format.h>

namespace quotex {

std::string Error::to_string() const {
  if (file.empty()) return message;
  if (line <= 0) return fmt::format("{}: {}", file, message);
  if (col <= 0) return fmt::format("{}:{}: {}", file, line, message);
  return fmt::format("{}:{}:{}: {}", file, line, col, message);
}

}  // namespace quotex
