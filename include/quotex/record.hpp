// quotex — the records quotex emits (SPEC §2, the output contract).
//
// One Record per finding. Field names in JSON are fixed because other tools
// read them; see emit.hpp for the serialisations. Offsets always point at the
// ORIGINAL bytes of the document, whatever normalisation happened in between.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quotex {

enum class RecordType { quote, date, amount, target, claim };

// direct: a full quotation introduced or closed by an attribution;
// partial: a fragment in quote marks inside the writer's sentence;
// indirect: reported speech without quote marks ("X said that ...").
enum class QuoteKind { direct, partial, indirect };

std::string_view to_string(RecordType t);
std::string_view to_string(QuoteKind k);
std::optional<RecordType> parse_record_type(std::string_view s);
std::optional<QuoteKind> parse_quote_kind(std::string_view s);

// A figure a claim holds: its type and where it stands.
struct ClaimItem {
  RecordType type = RecordType::amount;
  std::size_t start = 0, end = 0;
};

struct Record {
  // Every record.
  std::string doc;  // document id: path as given, "-" for stdin, or the JSONL id
  RecordType type = RecordType::quote;
  std::string text;       // exact original text of the item (quotes: without the marks)
  std::size_t start = 0;  // byte offset of text in the original document
  std::size_t end = 0;    // exclusive
  std::size_t line = 0;   // 1-based line of start
  std::size_t col = 0;    // 1-based column of start, in code points
  std::string lang;       // language of the rule that fired
  std::string rule;       // id of that rule
  // A stable key: a hash of the document id, the type and the normalized
  // text (with its place among equal ones), the same across runs and
  // --jobs; 16 hex digits.
  std::string id;
  // The JSONL document's other fields as a JSON object (Document::meta);
  // null when there are none.
  std::shared_ptr<const std::string> meta;
  std::optional<std::string> context;  // with --context: the enclosing sentence(s)

  // quote
  QuoteKind kind = QuoteKind::direct;
  std::optional<std::string> speaker;       // canonical name, null when the text does not say
  std::optional<std::string> speaker_text;  // the mention as written ("o", "Əliyevin")
  std::optional<std::string> cue;           // speech verb as written
  std::optional<std::string> cue_class;     // assert, deny, allege, ask
  std::optional<std::size_t> speaker_start, speaker_end;
  // The speaker across documents and languages: the canonical name
  // transliterated to Latin and folded ("ilham-aliyev"); null without one.
  std::optional<std::string> speaker_id;

  // date: ISO 8601 value ("2025-10-21", "2025-10", "2025", "--10-21"), or an
  // interval of two of them ("2027/2030")
  std::string date_value;
  bool relative = false;

  // amount and target
  std::optional<double> value;
  std::optional<double> value_max;   // the upper end of a range ("14-15 milyard manat")
  std::optional<std::string> unit;   // ISO 4217 code, "percent", a unit word, or null
  std::optional<std::string> bound;  // up_to, at_least, about

  // target
  std::optional<std::string> metric;
  std::optional<std::string> direction;  // increase, decrease, reach
  std::optional<std::string> deadline;   // ISO date

  // claim: a sentence that states a checkable figure (an amount or a
  // target). speaker, speaker_id and cue_class are those of the quotation
  // or reported speech that holds the figure (null: the writer's own);
  // direction as above.
  std::vector<ClaimItem> items;          // its dates, amounts and targets
  std::optional<std::string> predicate;  // the verb of change as written ("artıb")
  std::optional<std::string> period;     // the date the figure is about (not a deadline)
};

}  // namespace quotex
