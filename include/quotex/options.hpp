// quotex — options of an extraction run.
#pragma once

#include <string>

#include "quotex/record.hpp"

namespace quotex {

// How the matcher decides which rules to run where (see DESIGN in README).
//   set:       one RE2::Set pass per sentence picks the rules that can fire there
//              (default: cost does not grow with the number of rules);
//   doc_set:   one RE2::Set pass per document, then the picked rules run over
//              every sentence;
//   none:      every rule runs over every sentence (the baseline to compare with).
enum class Prefilter { set, doc_set, none };

struct ExtractOptions {
  std::string lang;      // forces the language; empty: the document's hint, else detection
  std::string doc_date;  // default document date when a document carries none
  unsigned types = 0;    // bit mask of (1u << RecordType); 0 means every type
  Prefilter prefilter = Prefilter::set;

  bool wants(RecordType t) const { return types == 0 || (types & (1u << unsigned(t))) != 0; }
};

}  // namespace quotex
