// Extraction with a trace of what rules did without leaving a record
// (a quote dropped by a not_quote rule, a person found by a person rule).
// `quotex rules test` uses it to prove those rules.
#pragma once

#include <string>
#include <vector>

#include "quotex/extractor.hpp"

namespace quotex::detail {

struct TraceEntry {
  std::string rule;
  std::string text;   // original text of the item
  std::string title;  // person rules: the title
};

std::vector<Record> extract_traced(const Extractor& ex, const Document& doc,
                                   std::vector<TraceEntry>* trace);

}  // namespace quotex::detail
