#include "match/matcher.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "text/utf8.hpp"

namespace quotex::match {

namespace {

bool word_char_before(std::string_view t, std::size_t i) {
  if (i == 0) return false;
  std::size_t k = i - 1;
  while (k > 0 && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
  std::size_t len;
  return u_isalnum(text::decode(t, k, &len)) != 0;
}

bool word_char_at(std::string_view t, std::size_t i) {
  if (i >= t.size()) return false;
  std::size_t len;
  return u_isalnum(text::decode(t, i, &len)) != 0;
}

std::size_t next_char(std::string_view t, std::size_t i) {
  if (i >= t.size()) return i + 1;
  std::size_t len;
  text::decode(t, i, &len);
  return i + len;
}

// Runs `re` once at [pos, end) of `text`; fills hit groups. `base` is added
// to every offset.
bool run(const RE2& re, std::string_view text, std::size_t pos, std::size_t end, RE2::Anchor anchor,
         std::size_t base, std::vector<re2::StringPiece>& sub, Hit* hit) {
  const int n = re.NumberOfCapturingGroups() + 1;
  sub.assign(static_cast<std::size_t>(n), re2::StringPiece());
  if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, end, anchor, sub.data(), n)) {
    return false;
  }
  hit->begin = base + static_cast<std::size_t>(sub[0].data() - text.data());
  hit->end = hit->begin + sub[0].size();
  hit->groups.clear();
  for (const auto& [name, index] : re.NamedCapturingGroups()) {
    const re2::StringPiece& g = sub[static_cast<std::size_t>(index)];
    Capture c;
    if (g.data() != nullptr) {
      c.begin = base + static_cast<std::size_t>(g.data() - text.data());
      c.end = c.begin + g.size();
      c.found = true;
    }
    hit->groups.emplace(name, c);
  }
  return true;
}

}  // namespace

void find_all(std::string_view text, std::size_t begin, std::size_t end, const detail::Rule& rule,
              const detail::Pattern& pattern, std::size_t sentence, std::vector<Hit>* out) {
  // The sentence is the text RE2 sees, so ^ and $ mean its edges.
  std::string_view unit = text.substr(begin, end - begin);
  std::vector<re2::StringPiece> sub;
  std::size_t pos = 0;
  while (pos <= unit.size()) {
    Hit hit;
    hit.rule = &rule;
    hit.pattern = &pattern;
    hit.sentence = sentence;
    if (!run(*pattern.re, unit, pos, unit.size(), RE2::UNANCHORED, begin, sub, &hit)) break;
    const bool bad_start =
        word_char_at(text, hit.begin) && word_char_before(text, hit.begin) && hit.begin > begin;
    const bool bad_end = hit.end > hit.begin && word_char_before(text, hit.end) &&
                         word_char_at(text, hit.end) && hit.end < end;
    if (bad_start || bad_end || hit.end == hit.begin) {
      pos = next_char(text, hit.begin) - begin;
      continue;
    }
    pos = hit.end - begin;
    out->push_back(std::move(hit));
  }
}

bool match_context(std::string_view text, std::size_t begin, std::size_t end,
                   const detail::Rule& rule, const detail::Pattern& pattern, RE2::Anchor anchor,
                   Hit* hit) {
  std::string_view window = text.substr(begin, end - begin);
  std::vector<re2::StringPiece> sub;
  hit->rule = &rule;
  hit->pattern = &pattern;
  return run(*pattern.re, window, 0, window.size(), anchor, begin, sub, hit);
}

std::vector<Hit> match_sentences(std::string_view text, const text::Segments& seg,
                                 const detail::LanguageRules& lr, Prefilter prefilter) {
  std::vector<Hit> hits;
  if (lr.sentence_rules.empty()) return hits;
  std::vector<int> fired;
  std::vector<bool> doc_fired;
  if (prefilter == Prefilter::doc_set) {
    doc_fired.assign(lr.sentence_rules.size(), false);
    lr.sentence_set->Match(re2::StringPiece(text.data(), text.size()), &fired);
    for (int i : fired) doc_fired[static_cast<std::size_t>(i)] = true;
  }
  for (std::size_t s = 0; s < seg.sentences.size(); ++s) {
    const text::Span& sp = seg.sentences[s];
    switch (prefilter) {
      case Prefilter::set: {
        fired.clear();
        if (!lr.sentence_set->Match(re2::StringPiece(text.data() + sp.begin, sp.end - sp.begin),
                                    &fired)) {
          continue;
        }
        std::sort(fired.begin(), fired.end());  // set index order = priority order
        for (int i : fired) {
          const detail::Rule* r = lr.sentence_rules[static_cast<std::size_t>(i)];
          find_all(text, sp.begin, sp.end, *r, r->pattern, s, &hits);
        }
        break;
      }
      case Prefilter::doc_set:
      case Prefilter::none:
        for (std::size_t i = 0; i < lr.sentence_rules.size(); ++i) {
          if (prefilter == Prefilter::doc_set && !doc_fired[i]) continue;
          const detail::Rule* r = lr.sentence_rules[i];
          find_all(text, sp.begin, sp.end, *r, r->pattern, s, &hits);
        }
        break;
    }
  }
  return hits;
}

}  // namespace quotex::match
