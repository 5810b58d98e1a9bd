// The match stage: runs the sentence rules of a language over a document
// and returns every hit with its named captures.
//
// The prefilter decides which rules can fire and where (ExtractOptions::
// prefilter). By default one RE2::Set pass over the document names the
// rules whose pattern matches somewhere in it; only those scan the document
// again to collect captures, so the cost of a document grows with the rules
// that fire in it, not with the size of the packs.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "quotex/options.hpp"
#include "rules/model.hpp"
#include "text/segment.hpp"

namespace quotex::match {

// What the matcher did on this thread: regex searches started and the bytes
// of text handed to them. --stats reports the sums; tests use them to show
// that work grows in step with the input (wall-clock time flakes).
struct WorkCount {
  std::uint64_t searches = 0;
  std::uint64_t bytes = 0;
};
// This thread's count since it was last taken, and zero after.
WorkCount take_work_count();

struct Capture {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool found = false;
};

struct Hit {
  const detail::Rule* rule = nullptr;
  const detail::Pattern* pattern = nullptr;
  std::size_t begin = 0;  // whole match, normalised offsets
  std::size_t end = 0;
  // Captures by field name (the names live in the rule's compiled patterns);
  // a handful per hit, so a vector.
  std::vector<std::pair<std::string_view, Capture>> groups;

  const Capture* group(std::string_view name) const {
    for (const auto& [k, v] : groups) {
      if (k == name) return v.found ? &v : nullptr;
    }
    return nullptr;
  }
  // The capture of a field, added (not found) when missing.
  Capture& slot(std::string_view name) {
    for (auto& [k, v] : groups) {
      if (k == name) return v;
    }
    return groups.emplace_back(name, Capture{}).second;
  }
  std::string_view text_of(std::string_view doc, std::string_view name) const {
    const Capture* c = group(name);
    return c == nullptr ? std::string_view() : doc.substr(c->begin, c->end - c->begin);
  }
};

// All hits of the language's sentence rules, grouped by rule in priority
// order, each rule's hits by position.
std::vector<Hit> match_document(std::string_view text, const text::Segments& seg,
                                const detail::LanguageRules& lr, Prefilter prefilter);

// A document to match: its normalized text and its segments.
struct Unit {
  std::string_view text;
  const text::Segments* seg;
};

// match_document for a batch of documents of one language, one result per
// document, equal to what match_document gives it. Without a prefilter the
// batch is matched rule by rule: each rule's DFA stays in the caches while
// it scans every document, instead of every rule's DFA taking turns per
// document.
std::vector<std::vector<Hit>> match_documents(const std::vector<Unit>& units,
                                              const detail::LanguageRules& lr, Prefilter prefilter);

// Runs one pattern over text[begin, end) and appends its hits (used for
// sentence rules and by tests). Matches must start and end on word
// boundaries where they start or end with a letter or digit. The pattern
// and its context patterns see text[unit_begin, unit_end) (default: [begin,
// end)): ^, $ and the context windows are those of the unit (the line).
void find_all(std::string_view text, std::size_t begin, std::size_t end, const detail::Rule& rule,
              const detail::Pattern& pattern, std::vector<Hit>* out,
              std::size_t unit_begin = std::string_view::npos,
              std::size_t unit_end = std::string_view::npos);

// Matches a context pattern: `before` must end at `end` of window
// [begin, end); `after` must start at `begin`; `inside` must cover it all.
bool match_context(std::string_view text, std::size_t begin, std::size_t end,
                   const detail::Rule& rule, const detail::Pattern& pattern, RE2::Anchor anchor,
                   Hit* hit);

}  // namespace quotex::match
