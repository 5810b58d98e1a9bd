#include "quotex/status.hpp"

#include <fmt/format.h>

namespace quotex {

std::string Error::to_string() const {
  const std::string msg = kind == ErrorKind::warning ? "warning: " + message : message;
  if (file.empty()) return msg;
  if (line <= 0) return fmt::format("{}: {}", file, msg);
  if (col <= 0) return fmt::format("{}:{}: {}", file, line, msg);
  return fmt::format("{}:{}:{}: {}", file, line, col, msg);
}

}  // namespace quotex
