// quotex — options of an extraction run.
#pragma once

#include <string>

#include "quotex/record.hpp"

namespace quotex {

// How the matcher decides which rules run where (see README, "Speed").
//   none:         every rule scans the document, one DFA each (default:
//                 on text the rules have not seen, the cheapest);
//   sentence_set: one RE2::Set pass per sentence picks the rules that match
//                 in it; only those search that sentence, their context
//                 patterns seeing the whole line;
//   set:          one RE2::Set pass over the document picks the rules that
//                 match somewhere; each of those scans the whole document.
// The set's DFA holds every rule at once: its states multiply, and on new
// text it spends its time building them (README, "Speed").
enum class Prefilter { sentence_set, set, none };

struct ExtractOptions {
  std::string lang;      // forces the language; empty: the document's hint, else detection
  std::string doc_date;  // default document date when a document carries none
  unsigned types = 0;    // bit mask of (1u << RecordType); 0 means every type
  Prefilter prefilter = Prefilter::none;
  bool context = false;  // fill Record::context

  bool wants(RecordType t) const { return types == 0 || (types & (1u << unsigned(t))) != 0; }
};

}  // namespace quotex
