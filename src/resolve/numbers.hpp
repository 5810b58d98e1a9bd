// Dates, amounts and targets: from rule hits to normalised values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "match/matcher.hpp"
#include "quotex/record.hpp"
#include "text/segment.hpp"

namespace quotex::resolve {

// Parses a number as written in the language: "2,5" and "2.5" (az, tr, ru,
// kk write a decimal comma; en a decimal point), "1 200", "1.200.000",
// "1,200,000". Returns nullopt when s holds no number.
std::optional<double> parse_number(std::string_view s, std::string_view lang);

// Adds days to an ISO date (YYYY-MM-DD); nullopt when the date is invalid.
std::optional<std::string> add_days(std::string_view iso_date, long days);

// Each fills the type-specific fields of *r from the hit (offsets and the
// common fields are filled by the caller). false: the hit does not make a
// valid record (an impossible date, an amount without a number, ...).
bool resolve_date(const match::Hit& hit, std::string_view text, const std::string& lang,
                  const std::string& doc_date, Record* r);
bool resolve_amount(const match::Hit& hit, std::string_view text, const std::string& lang,
                    Record* r);
// Where a target's metric really starts: leading words of the metric group
// that frame it ("Hökumət", "Məqsəd", a capitalised word inside a sentence)
// are dropped. The record then starts there too.
std::size_t metric_start(const match::Hit& hit, std::string_view text,
                         const detail::LanguageRules& lr);
bool resolve_target(const match::Hit& hit, std::string_view text, const std::string& lang,
                    const detail::LanguageRules& lr, std::size_t metric_begin, Record* r);

// Chains of figures after a target: "dövlət gəlirləri 2025-ci ildə ÜDM-in
// 36,5 %-ni, 2026-cı ildə 34,2 %-ni və 2027-ci ildə 39,9 %-ni təşkil edəcək".
// A figure (normalised offsets, from its number through its unit and
// suffix) of a sentence; `metric_begin` is where a target's metric starts.
struct ChainFigure {
  std::size_t begin = 0, end = 0;
  std::size_t metric_begin = 0;
  bool target = false;
  std::string unit;
};
// A figure that continues a chain: it measures what `head` (a target)
// measures; `date` is the date span standing before it in its link (-1:
// none) and `governed_by` the next target of the chain with no verb between
// them (-1: none), whose verb is the figure's too.
struct ChainLink {
  std::size_t figure = 0, head = 0;
  int date = -1;
  int governed_by = -1;
};
// `figures` sorted by begin; `dates` sorted spans of the document's dates.
// Between two links stand only what the pack's chain_word lexicon lists
// ("və", "isə", "ÜDM-in"), dates, a figure's suffix ("-ni") and at most one
// word that ends a clause with a comma ("artacağı,").
// The date at [date_begin, date_end) is the deadline of the figure at
// `figure`: only chain words stand between them ("2025-ci ildə ÜDM-in 3,6
// %-i"; not "2018-ci illə müqayisədə 6 mlrd"), and it does not start the
// change (the ablative: "2018-ci ildən").
bool deadline_before(std::string_view text, std::size_t date_begin, std::size_t date_end,
                     std::size_t figure, const detail::LanguageRules& lr);
std::vector<ChainLink> chain_targets(std::string_view text, const text::Segments& seg,
                                     const std::vector<ChainFigure>& figures,
                                     const std::vector<std::pair<std::size_t, std::size_t>>& dates,
                                     const detail::LanguageRules& lr);

}  // namespace quotex::resolve
