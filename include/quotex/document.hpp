// quotex — a document to extract from.
#pragma once

#include <string>

namespace quotex {

struct Document {
  std::string id;    // reported as Record::doc
  std::string text;  // raw bytes as read; need not be valid UTF-8
  std::string lang;  // language hint ("az", "en", ...); empty to detect
  std::string date;  // document date (YYYY-MM-DD) for relative dates; empty if unknown
};

}  // namespace quotex
