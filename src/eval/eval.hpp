// quotex eval: precision and recall of the extractor against gold files
// (the seed's format: quotes, dates, amounts, targets).
//
// Two views of the same run:
//   scores (per type F1): an item is found when a record of its type covers
//     the same words and states the same facts —
//       quote:  quote text matches at token level (F1 of word tokens >= 0.8);
//               kind, speaker and cue class are then scored apart;
//       date:   the same value, the texts equal or one inside the other;
//       amount: the same value (and upper end of a range) and unit, the texts
//               equal or one inside the other;
//       target: the same value, unit and direction, and a metric that shares
//               at least half its words (token F1 >= 0.5) with the gold one.
//   strict (every field): as above, but quotes also need the same kind and
//     speaker, and dates and amounts the very same text; this is what the
//     samples' floor guards.
// Records that match no gold item (optional gold items absorb theirs) count
// against precision.
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
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  Counts& operator+=(const Counts& o) {
    gold += o.gold, found += o.found, emitted += o.emitted, correct += o.correct;
    return *this;
  }
};

// Of the required gold quotes found (by text), how their speakers and kinds
// came out.
struct SpeakerCounts {
  int matched = 0;
  int kind_same = 0;
  int exact = 0;           // the very name the gold gives (null for null included)
  int same_person = 0;     // not exact, but a part of the gold name ("Əliyev")
  int none_given = 0;      // the gold names someone, the record no one
  int false_given = 0;     // the record names someone the gold does not
  int cue_class_gold = 0;  // gold quotes that state a cue class
  int cue_class_same = 0;
  double rate(int n) const { return matched == 0 ? 1.0 : double(n) / matched; }
};

// Of the required gold targets found (by figure and metric), how many
// carry the gold's direction.
struct TargetCounts {
  int matched = 0;
  int direction_same = 0;
};

// Claims, scored apart (only documents whose gold lists "claims"): a claim
// record matches a gold claim when their words agree (token F1 >= 0.6, or
// the gold's words are all in the record's sentence); of those matched, how
// many give the gold's speaker (null for the writer's own) and hold every
// gold item (its text among the texts of the record's items).
struct ClaimCounts {
  int documents = 0;
  Counts counts;
  int speaker_same = 0;
  int items_same = 0;
  double rate(int n) const { return counts.correct == 0 ? 1.0 : double(n) / counts.correct; }
};

struct Report {
  std::map<std::string, Counts> scores;  // quote, date, amount, target, all
  std::map<std::string, Counts> strict;  // same keys
  SpeakerCounts speakers;
  TargetCounts targets;
  ClaimCounts claims;
  // "file: missed quote “...”", "file: extra ...", "file: speaker ... for “...”"
  std::vector<std::string> misses;
  int documents = 0;
};

// Runs every *.gold.json under dir (with the article beside it: same stem,
// .txt). Gold files that cannot be read are reported in *status.
Report run(const Extractor& ex, const std::string& dir, Status* status);

// Same, scoring records read from a JSON Lines file (quotex's own output,
// from any build or any tool that writes the record fields) instead of
// running the extractor; a record belongs to the article whose file name
// its `doc` ends with.
Report run_records(const std::string& records_path, const std::string& dir, Status* status);

// Scores one document's records against its gold JSON text (used by run and
// by tests); adds to *report. `text` is the article, which claim items point
// into.
void score(const std::string& name, const std::string& gold_json, const std::vector<Record>& recs,
           Report* report, Status* status, std::string_view text = {});

double token_f1(std::string_view a, std::string_view b);

}  // namespace quotex::eval
