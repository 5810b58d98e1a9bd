// quotex — the extraction pipeline.
//
//   read -> normalize -> detect language -> segment -> match rules -> resolve -> emit
//
// An Extractor runs the middle five stages on one Document at a time and
// returns its records sorted by start offset. It holds no per-document state,
// so one Extractor may be used from many threads at once.
//
//   auto ex = quotex::Extractor(rules, {});
//   for (const quotex::Record& r : ex.extract({"-", text, "", ""})) ...
#pragma once

#include <memory>
#include <vector>

#include "quotex/document.hpp"
#include "quotex/options.hpp"
#include "quotex/record.hpp"
#include "quotex/rule_set.hpp"
#include "quotex/status.hpp"

namespace quotex {

class Extractor {
 public:
  Extractor(std::shared_ptr<const RuleSet> rules, ExtractOptions options);

  // Warnings (a figure beyond the range of numbers, kept with value null)
  // are appended to *warnings when given.
  std::vector<Record> extract(const Document& doc, std::vector<Error>* warnings = nullptr) const;

  // The records of each document of a batch, as extract() gives them, found
  // faster: documents of one language are matched together, rule by rule.
  std::vector<std::vector<Record>> extract_batch(const std::vector<Document>& docs,
                                                 std::vector<Error>* warnings = nullptr) const;

  const ExtractOptions& options() const { return options_; }
  const RuleSet& rules() const { return *rules_; }

 private:
  std::shared_ptr<const RuleSet> rules_;
  ExtractOptions options_;
};

// The outcome of running every inline example of every rule (`quotex rules test`).
struct ExampleReport {
  int passed = 0;
  int failed = 0;
  std::vector<Error> failures;  // one per failed example, at the example's place
};

// Runs each rule's positive examples (a record from that rule with the
// expected fields must come out) and negative examples (no record from that
// rule may come out) through the full pipeline.
ExampleReport test_examples(std::shared_ptr<const RuleSet> rules);

}  // namespace quotex
