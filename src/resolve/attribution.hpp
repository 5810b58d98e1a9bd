// Quotations and their attributions: quote-mark spans classified by the
// context rules, reported speech from sentence rules, and the links between
// them (a partial quote inside reported speech shares its speaker).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "match/matcher.hpp"
#include "quotex/record.hpp"
#include "resolve/quotes.hpp"
#include "rules/model.hpp"
#include "text/segment.hpp"

namespace quotex::resolve {

struct Range {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return end <= begin; }
};

// A quotation before speakers are resolved; offsets in the normalised text.
struct QuoteCandidate {
  Range text;
  QuoteKind kind = QuoteKind::partial;
  const detail::Rule* rule = nullptr;  // null: quote marks without attribution
  Range speaker;                       // empty when no mention
  Range cue;
  bool from_marks = false;
  Range marks;  // from_marks: the opening mark through the closing one
  // The rule says the speaker is left out and is the one spoken of before
  // (`set = { speaker = "previous" }`).
  bool implicit_speaker = false;
  // The rule's text holds the speaker and the clause after it ("Nazir X
  // jurnalistlərə risklərin azaldığını bildirib", `set = { clause =
  // "after_speaker" }`): the quotation is what follows the speaker.
  bool clause_after_speaker = false;
  // Index of the candidate whose speaker this one shares (reported speech
  // that holds it, or the quote it continues); -1 when none.
  int inherit = -1;
};

// Something a rule did that leaves no record: a quote the not_quote rule
// dropped, or a person a person rule found. Used by `rules test`.
struct TraceItem {
  const detail::Rule* rule = nullptr;
  Range text;
  Range title;
};

// Hears what rules did that leaves no record; `rules test` proves not_quote
// and person rules with it. The stages tell it unconditionally; this one
// does nothing with it.
class Observer {
 public:
  virtual ~Observer() = default;
  // Whether the observer wants every stage run, whatever the record types
  // asked for.
  virtual bool wants_all_stages() const { return false; }
  virtual void traced(const TraceItem&) {}
};

// The class of what a quotation's cue reports (assert, deny, allege, ask):
// fixed by the rule (`set = { cue_class = … }`), else the value of the cue
// word in the lexicon its pattern names (the longest leading words that have
// one: "Vurğulayıb ki" -> "vurğulayıb"); null when neither says.
std::optional<std::string> cue_class(std::string_view text, const QuoteCandidate& q,
                                     const std::string& lang);

// Builds the quote candidates of a document from its quote-mark spans and
// the sentence hits of quote rules.
std::vector<QuoteCandidate> find_quotes(std::string_view text, const text::Segments& seg,
                                        const std::vector<QuoteSpan>& spans,
                                        const std::vector<match::Hit>& hits,
                                        const detail::LanguageRules& lr, Observer& observer);

}  // namespace quotex::resolve
