// quotex eval: precision and recall of the extractor against gold files
// (the seed's format: quotes, dates, amounts, targets).
//
// A gold quote is found when a record of type quote has the same kind and
// speaker and its text matches at token level (F1 of word tokens >= 0.8).
// Dates match on text and value; amounts on text, value and unit; targets
// on value, unit, direction and metric. Records that match no gold item
// (optional gold items absorb theirs) count against precision.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "quotex/extractor.hpp"

namespace quotex::eval {

struct Counts {
  int gold = 0;     // required gold items
  int found = 0;    // required gold items matched
  int emitted = 0;  // records of the type
  int correct = 0;  // records that match a gold item (required or optional)
  double precision() const { return emitted == 0 ? 1.0 : double(correct) / emitted; }
  double recall() const { return gold == 0 ? 1.0 : double(found) / gold; }
};

struct Report {
  std::map<std::string, Counts> by_type;  // quote, date, amount, target, all
  std::vector<std::string> misses;        // "file: missed quote “...”" and "extra ..."
  int documents = 0;
};

// Runs every *.gold.json under dir (with the article beside it: same stem,
// .txt). Gold files that cannot be read are reported in *status.
Report run(const Extractor& ex, const std::string& dir, Status* status);

double token_f1(std::string_view a, std::string_view b);

}  // namespace quotex::eval
