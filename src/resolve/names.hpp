// Speakers: parsing a mention ("Azərbaycan Prezidenti İlham Əliyev", "o",
// "nazir", "Əliyevin"), stripping case suffixes, resolving pronouns and bare
// titles, and clustering the variants of one name in a document.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "match/matcher.hpp"
#include "resolve/attribution.hpp"
#include "rules/model.hpp"

namespace quotex::resolve {

struct ResolvedSpeaker {
  std::optional<std::string> speaker;  // canonical name
  Range mention;                       // the part of the mention reported as speaker_text
  Range text;                          // when not empty, the quotation's own text (a
                                       // clause that follows its speaker)
  bool drop = false;                   // such a clause without anyone to say it
};

// Resolves every candidate's speaker in document order. `persons` are the
// hits of person rules (a title with a name), used for bare titles.
//
// A pronoun refers to the last speaker when that speaker spoke in its own or
// the previous sentence; else to the last person named there; else to the
// last speaker; else to the last person named at all.
std::vector<ResolvedSpeaker> resolve_speakers(std::string_view text, const text::Segments& seg,
                                              const std::vector<QuoteCandidate>& quotes,
                                              const std::vector<match::Hit>& persons,
                                              const detail::LanguageRules& lr);

// Vowels are the language's (the pack's `vowel` lexicon).
bool ends_with_vowel(std::string_view s, const detail::LanguageRules& lr);
// A case suffix that opens with a buffer consonant ("-nın", "-ya"): the
// pack's `buffer_letter` lexicon, else any consonant.
bool has_buffer(std::string_view suffix, const detail::LanguageRules& lr);
// A suffix with a buffer consonant follows a vowel; one that opens with a
// vowel follows a consonant ("məşqçi-nin", "Əliyev-in"); one that opens
// with another consonant follows either ("Bakı-da", "Əliyev-lə").
bool suffix_fits(std::string_view stem, std::string_view suffix, const detail::LanguageRules& lr);

// Strips a case suffix from a name's last word when `suffixes` (by default
// the language's genitive_suffix lexicon) allows it; a stem among `known` (names the document
// gives as speakers) or written on its own in `text` is preferred, then one
// with a surname ending. A word that only ends like a suffix ("Coşkun")
// stays whole unless `inflected` (the rule says the speaker is in the
// genitive). Exposed for tests.
std::string strip_name_suffix(std::string_view name, const detail::LanguageRules& lr,
                              const std::vector<std::string>& known, std::string_view text = {},
                              bool inflected = true, const detail::Lexicon* suffixes = nullptr);

}  // namespace quotex::resolve
