// Dates, amounts and targets: from rule hits to normalised values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "match/matcher.hpp"
#include "quotex/record.hpp"

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

}  // namespace quotex::resolve
