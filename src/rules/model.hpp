// Internal model of loaded and compiled rule packs.
//
// A pack file (rules/<lang>/<name>.toml) holds lexicons and rules. Lexicons
// are expanded into the rules' RE2 patterns wherever a pattern says {name};
// rules are compiled once and shared read-only (RE2 objects are thread-safe
// for matching). See README "Rule packs" for the file format.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "quotex/rule_set.hpp"

namespace quotex::detail {

// A place in a pack file, 1-based.
struct Place {
  std::string file;
  int line = 0;
  int col = 0;
};

struct Lexicon {
  std::string name;
  std::string lang;
  Place place;
  std::vector<std::string> words;  // literal entries (matched case-sensitively except the
                                   // first letter, which may be upper case)
  std::string pattern;             // a named RE2 fragment, may itself use {other}
  // Normalised values: folded entry -> value ("oktyabr" -> "10", "$" -> "USD").
  std::unordered_map<std::string, std::string> values;
  std::string expansion;  // the RE2 text {name} expands to (filled by the compiler)
  // Every entry by its folded key (fold_key), to its value or else the key
  // itself: membership tests without folding the whole list each time.
  std::unordered_map<std::string, std::string> folded;

  // The value of a folded key, or null when the lexicon lacks it.
  const std::string* find_folded(const std::string& key) const {
    auto it = folded.find(key);
    return it == folded.end() ? nullptr : &it->second;
  }
  // Named groups inside `pattern` and the lexicons each one encloses.
  std::map<std::string, std::vector<const Lexicon*>> group_lexicons;
};

// Is the word (folded with the language's rules) in the lexicon? Its value
// into *value. A null lexicon holds nothing.
bool in_lexicon(const Lexicon* lex, std::string_view word, std::string_view lang,
                std::string* value = nullptr);

enum class RuleType { attribution, not_quote, quote, person, date, amount, target };
const char* rule_type_name(RuleType t);

// Where a pattern runs.
//   sentence rules (quote, person, date, amount, target): `pattern` scans
//     the document (it is what the prefilter set holds, so it should start
//     with something rare: a speech verb, a digit); optional `before` must
//     end where the pattern's match starts and `after` must start where it
//     ends, both within the line;
//   context rules (attribution, not_quote): around each paired quote, with
//     `before` anchored at the opening mark, `after` anchored at the closing
//     mark and `inside` matching the whole quoted text.
inline bool is_sentence_rule(RuleType t) {
  return t != RuleType::attribution && t != RuleType::not_quote;
}

struct Example {
  bool positive = true;
  Place place;
  std::string text;
  std::string doc_date;
  std::vector<std::pair<std::string, std::string>> expect;  // field -> expected value
};

struct Pattern {
  std::string source;    // as written in the pack
  std::string expanded;  // after lexicon expansion
  Place place;           // place of the string in the pack
  std::unique_ptr<RE2> re;
  // For each named group: the lexicons referenced inside it, used to look up
  // normalised values of what the group captured.
  std::map<std::string, std::vector<const Lexicon*>> group_lexicons;
  // Each named group's index and the field it fills ("currency2" fills
  // "currency"), computed once at compile time.
  std::vector<std::pair<int, std::string>> fields;
  bool empty() const { return source.empty(); }
};

struct Rule {
  std::string id;
  RuleType type = RuleType::quote;
  std::string lang;  // "common" or a language code
  std::string pack;
  Place place;
  int priority = 0;
  std::string kind;                                        // quote kind for attribution/quote rules
  std::vector<std::pair<std::string, std::string>> fixed;  // `set = {field = value}`
  // quote rules: `reports = "previous_sentence"` — what was said is the
  // sentence before the match ("… . Bu barədə X bildirib.").
  bool reports_previous_sentence = false;
  Pattern pattern;  // sentence rules
  Pattern before;   // context rules
  Pattern after;
  Pattern inside;
  std::vector<Example> examples;

  // The value the rule's `set` fixes for a field, or null.
  const std::string* fixed_value(std::string_view field) const {
    for (const auto& [k, v] : fixed) {
      if (k == field) return &v;
    }
    return nullptr;
  }
};

// The sentence rules' patterns as RE2::Sets, one per group, built on first
// use (the default mode never needs them, and building them is start-up
// time). One set over every rule multiplies its DFA's states: patterns of
// one group (one rule type) look alike and share them.
class SentenceSet {
 public:
  // Pattern i is rule i.
  void add(std::string pattern, int group) { patterns_.emplace_back(std::move(pattern), group); }
  // The rules whose patterns match somewhere in `text`, in index order.
  // False when a set cannot be built or runs out of memory: then every rule
  // must run.
  bool match(std::string_view text, std::vector<int>* fired) const;

 private:
  struct Part {
    std::unique_ptr<RE2::Set> set;
    std::vector<int> rule;  // set index -> rule index
  };
  void build() const;
  std::vector<std::pair<std::string, int>> patterns_;
  mutable std::once_flag once_;
  mutable std::vector<Part> parts_;
  mutable bool ok_ = false;
};

// What the resolver needs per language besides the rules themselves.
struct LanguageRules {
  std::string lang;
  std::vector<const Rule*> sentence_rules;  // order = set index
  std::vector<const Rule*> attribution_rules;
  std::vector<const Rule*> not_quote_rules;
  SentenceSet sentence_set;  // one pattern per sentence rule
  // Reserved lexicons the resolver consults (may be null).
  const Lexicon* pronoun = nullptr;          // "o", "он", "he"
  const Lexicon* plural_pronoun = nullptr;   // "onlar": points at no one person
  const Lexicon* title = nullptr;            // titles, values = role ("naziri" -> "nazir")
  const Lexicon* genitive_suffix = nullptr;  // case suffixes of a possessor ("Əliyevin")
  const Lexicon* case_suffix = nullptr;      // every case suffix a name may carry
  // `<case>_suffix` lexicons by case, for rules that say `speaker_case`.
  std::map<std::string, const Lexicon*> suffix_of_case;
  const Lexicon* not_name = nullptr;  // capitalised words that are never names
  const Lexicon* place_word = nullptr;
  const Lexicon* outlet = nullptr;          // news outlets: never a speaker
  const Lexicon* oblique_suffix = nullptr;  // cases a person's name never ends in
  // Words between a speaker and a clause ("jurnalistlərə"): never in a
  // person's name, often in an organisation's.
  const Lexicon* speech_setting = nullptr;
  const Lexicon* object_suffix = nullptr;        // suffixes stripped from a target's metric
  const Lexicon* metric_break = nullptr;         // words a metric starts after, wherever they are
  const Lexicon* metric_stop = nullptr;          // words that never start a metric
  const Lexicon* target_verb = nullptr;          // stems of verbs of change (values: direction)
  const Lexicon* accusative_suffix = nullptr;    // a metric as an object ("büdcəsini")
  const Lexicon* possessive_suffix = nullptr;    // a possessed noun ("rəhbərliyi") before it
  const Lexicon* adverbial_suffix = nullptr;     // ends an adverbial before a metric
  const Lexicon* metric_postposition = nullptr;  // dropped after a metric ("üçün")
  const Lexicon* not_metric_suffix = nullptr;    // a word so ending names no metric
  const Lexicon* unit_word = nullptr;            // units ("ton"): a figure's, never a metric
  const Lexicon* chain_word = nullptr;           // joins the figures of a chain ("və", "ÜDM-in")
  const Lexicon* clause_joiner = nullptr;        // joins two clauses after a verb ("və")
  const Lexicon* surname_ending = nullptr;       // endings that close a name
  const Lexicon* org_head = nullptr;     // head words of organisations, values: their name form
  const Lexicon* setting_end = nullptr;  // ends a scene-setting stretch ("cavabında")
  const Lexicon* setting_determiner = nullptr;  // of the scene only before a scene word ("bu")
  const Lexicon* party_role = nullptr;          // roles naming only their own holder ("prokuror")
  const Lexicon* clause_break = nullptr;        // before a comma, ends a clause ("deyir,")
  const Lexicon* subordinator = nullptr;        // opens a clause with its own subject ("ki")
  const Lexicon* org_adjective = nullptr;       // words before a head that take its first form
  const Lexicon* name_joiner = nullptr;    // joins words of a name ("Ekologiya və Təbii ...")
  const Lexicon* vowel = nullptr;          // vowel letters (which case suffix follows a stem)
  const Lexicon* buffer_letter = nullptr;  // joins a suffix to a vowel ("n" of "-nın")
};

struct QuotePair {
  std::string open;
  std::string close;
  Place place = {};  // where the pair is written
};

// A person or organisation under its names ([[alias]] in a pack): one
// speaker_id for every variant, and roles that name whoever held them on a
// document's date ("Azərbaycan Prezidenti" from 2003-10-31).
struct AliasRole {
  std::string title;
  std::string from, to;  // ISO days; empty: open
  Place place;
};
struct Alias {
  std::string id;  // speaker_id; when the pack gives none, the key of `name` (set by compile)
  std::string name;
  std::vector<std::string> variants;
  std::vector<AliasRole> roles;
  std::string lang;  // of the pack
  Place place;
};

struct CompiledRules {
  std::vector<PackInfo> packs;
  std::vector<std::unique_ptr<Lexicon>> lexicons;
  std::vector<Alias> aliases;
  // speaker key (resolve::speaker_key) of a name or variant -> alias
  std::unordered_map<std::string, const Alias*> alias_by_key;
  // folded role title -> the aliases holding it (each with its dates)
  std::unordered_map<std::string, std::vector<std::pair<const Alias*, const AliasRole*>>>
      alias_by_title;
  std::vector<std::unique_ptr<Rule>> rules;
  std::vector<QuotePair> quote_pairs;              // from the common pack's [quotes]
  int max_quote_bytes = 4000;                      // a quote never swallows the rest of a book
  std::map<std::string, LanguageRules> languages;  // every language with a pack, not "common"

  const LanguageRules* language(const std::string& lang) const {
    auto it = languages.find(lang);
    return it == languages.end() ? nullptr : &it->second;
  }
};

// Looks up the normalised value of text captured by a group (nullptr if none).
const std::string* lookup_value(const Pattern& p, const std::string& group, std::string_view text,
                                const std::string& lang);

}  // namespace quotex::detail
