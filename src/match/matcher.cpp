#include "match/matcher.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "text/utf8.hpp"

namespace quotex::match {

namespace {

thread_local WorkCount t_work;

// Every search goes through here and is counted: the bytes up to where the
// match ends (a DFA stops there) or, without a match, all it was given.
bool search(const RE2& re, re2::StringPiece text, std::size_t pos, std::size_t end,
            RE2::Anchor anchor, re2::StringPiece* sub, int n) {
  ++t_work.searches;
  const bool found = re.Match(text, pos, end, anchor, sub, n);
  t_work.bytes += found && n > 0
                      ? static_cast<std::size_t>(sub[0].data() - text.data()) + sub[0].size() - pos
                      : end - pos;
  return found;
}

// A letter or digit at / just before byte i ("word" for boundary checks).
bool word_char_before(std::string_view t, std::size_t i) {
  return i > 0 && u_isalnum(text::code_point_before(t, i)) != 0;
}
bool word_char_at(std::string_view t, std::size_t i) {
  return i < t.size() && u_isalnum(text::code_point_at(t, i)) != 0;
}

std::size_t next_char(std::string_view t, std::size_t i) {
  if (i >= t.size()) return i + 1;
  std::size_t len;
  text::decode(t, i, &len);
  return i + len;
}

// Runs `re` once at [pos, end) of `text`; fills hit groups. `base` is added
// to every offset.
bool run(const detail::Pattern& p, std::string_view text, std::size_t pos, std::size_t end,
         RE2::Anchor anchor, std::size_t base, std::vector<re2::StringPiece>& sub, Hit* hit) {
  const RE2& re = *p.re;
  const int n = re.NumberOfCapturingGroups() + 1;
  sub.assign(static_cast<std::size_t>(n), re2::StringPiece());
  if (!search(re, re2::StringPiece(text.data(), text.size()), pos, end, anchor, sub.data(), n)) {
    return false;
  }
  hit->begin = base + static_cast<std::size_t>(sub[0].data() - text.data());
  hit->end = hit->begin + sub[0].size();
  hit->groups.clear();
  for (const auto& [index, field] : p.fields) {
    const re2::StringPiece& g = sub[static_cast<std::size_t>(index)];
    Capture& c = hit->slot(field);
    // field2 is a second place of field in the pattern (see the compiler):
    // whichever found it.
    if (g.data() != nullptr) {
      c.begin = base + static_cast<std::size_t>(g.data() - text.data());
      c.end = c.begin + g.size();
      c.found = true;
    }
  }
  return true;
}

// A context pattern that must end where the window ends: its leftmost
// match, but never one that starts inside a word (a metric read from
// "Dövlət" as "övlət", a speaker from "MaliyyəNazirliyinə" as its end).
bool run_before(const detail::Pattern& re, std::string_view window, std::size_t base,
                std::vector<re2::StringPiece>& sub, Hit* hit) {
  std::size_t pos = 0;
  const re2::StringPiece whole(window.data(), window.size());
  for (int tries = 0; tries < 64 && pos <= window.size(); ++tries) {
    // Where it matches first (RE2's DFAs alone); the groups only for the
    // match that is kept.
    re2::StringPiece m;
    if (!search(*re.re, whole, pos, window.size(), RE2::UNANCHORED, &m, 1)) return false;
    std::size_t at = static_cast<std::size_t>(m.data() - window.data());
    const std::size_t to = at + m.size();
    // "Day.Az" is one word: a match at its "Az" starts inside it (an
    // initial, "F.Hüseynzadə", is not).
    const bool after_dot =
        at >= 2 && window[at - 1] == '.' && u_islower(text::code_point_before(window, at - 1)) != 0;
    if (to == at || ((!word_char_before(window, at) || !word_char_at(window, at)) && !after_dot)) {
      return run(re, window, at, to, RE2::ANCHOR_BOTH, base, sub, hit);
    }
    while (at < window.size() && word_char_at(window, at)) at = next_char(window, at);
    pos = at;
  }
  return false;
}

// How far a sentence rule's context patterns look (bytes), never past the
// line: before the match, and after it (reported speech may run long).
constexpr std::size_t kContextWindow = 300;
constexpr std::size_t kAfterWindow = 1200;

// Adds a context pattern's groups to a hit. The text or the speaker
// captured both in the pattern and in a context pattern spans both (a title
// before a surname the pattern holds); any other field captured in the
// pattern keeps the pattern's ("… 3 milyard manat kəsir yaranmalıdır": the
// metric named after the figure).
void merge_groups(const Hit& ctx, Hit* hit) {
  for (const auto& [k, v] : ctx.groups) {
    if (!v.found || v.end == v.begin) continue;
    Capture& c = hit->slot(k);
    if (c.found && (k == "text" || k == "speaker")) {
      c.begin = std::min(c.begin, v.begin);
      c.end = std::max(c.end, v.end);
    } else if (!c.found) {
      c = v;
    }
  }
}

// Checks a hit's `before` and `after` patterns; on success their groups are
// in *before and *after (the hit itself is not touched).
bool contexts_hold(std::string_view text, std::size_t begin, std::size_t end,
                   const detail::Rule& rule, const Hit& hit, Hit* before, Hit* after) {
  std::vector<re2::StringPiece> sub;
  if (!rule.before.empty()) {
    std::size_t from = hit.begin > begin + kContextWindow ? hit.begin - kContextWindow : begin;
    // Never past the line (searched within the window only).
    std::size_t nl = text.substr(from, hit.begin - from).rfind('\n');
    if (nl != std::string_view::npos) from += nl + 1;
    from = text::align_to_char(text, from);
    std::string_view window = text.substr(from, hit.begin - from);
    if (!run_before(rule.before, window, from, sub, before)) return false;
  }
  if (!rule.after.empty()) {
    std::size_t to = std::min(end, hit.end + kAfterWindow);
    std::size_t nl = text.substr(hit.end, to - hit.end).find('\n');
    if (nl != std::string_view::npos) to = hit.end + nl;
    to = text::align_to_char(text, to);
    std::string_view window = text.substr(hit.end, to - hit.end);
    if (!run(rule.after, window, 0, window.size(), RE2::ANCHOR_START, hit.end, sub, after)) {
      return false;
    }
  }
  return true;
}

}  // namespace

WorkCount take_work_count() {
  const WorkCount w = t_work;
  t_work = WorkCount{};
  return w;
}

void find_all(std::string_view text, std::size_t begin, std::size_t end, const detail::Rule& rule,
              const detail::Pattern& pattern, std::vector<Hit>* out, std::size_t unit_begin,
              std::size_t unit_end) {
  if (unit_begin == std::string_view::npos || unit_begin > begin) unit_begin = begin;
  if (unit_end == std::string_view::npos || unit_end < end) unit_end = end;
  // The unit is the text RE2 sees, so ^ and $ mean its edges; matches lie in
  // [begin, end) of it, and context patterns may look over the whole unit.
  std::string_view unit = text.substr(unit_begin, unit_end - unit_begin);
  const std::size_t stop = end - unit_begin;
  std::vector<re2::StringPiece> sub;
  std::size_t pos = begin - unit_begin;
  while (pos <= stop) {
    // Where the pattern matches first (RE2's DFA alone); its groups only for
    // a hit that stands on word boundaries and whose contexts hold.
    re2::StringPiece m;
    if (!search(*pattern.re, re2::StringPiece(unit.data(), unit.size()), pos, stop, RE2::UNANCHORED,
                &m, 1)) {
      break;
    }
    Hit hit;
    hit.rule = &rule;
    hit.pattern = &pattern;
    hit.begin = unit_begin + static_cast<std::size_t>(m.data() - unit.data());
    hit.end = hit.begin + m.size();
    const bool bad_start = word_char_at(text, hit.begin) && word_char_before(text, hit.begin) &&
                           hit.begin > unit_begin;
    const bool bad_end = hit.end > hit.begin && word_char_before(text, hit.end) &&
                         word_char_at(text, hit.end) && hit.end < unit_end;
    if (bad_start || bad_end || hit.end == hit.begin) {
      pos = next_char(text, hit.begin) - unit_begin;
      continue;
    }
    pos = hit.end - unit_begin;
    Hit before, after;
    if (!contexts_hold(text, unit_begin, unit_end, rule, hit, &before, &after)) continue;
    // The same span anchored at both ends gives the groups of that match.
    run(pattern, unit, hit.begin - unit_begin, hit.end - unit_begin, RE2::ANCHOR_BOTH, unit_begin,
        sub, &hit);
    if (!rule.before.empty()) {
      merge_groups(before, &hit);
      if (before.end > before.begin) hit.begin = before.begin;
    }
    if (!rule.after.empty()) {
      merge_groups(after, &hit);
      hit.end = std::max(hit.end, after.end);
    }
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
  if (anchor == RE2::UNANCHORED) return run_before(pattern, window, begin, sub, hit);
  return run(pattern, window, 0, window.size(), anchor, begin, sub, hit);
}

std::vector<Hit> match_document(std::string_view text, const text::Segments& seg,
                                const detail::LanguageRules& lr, Prefilter prefilter) {
  std::vector<Hit> hits;
  if (lr.sentence_rules.empty() || text.empty()) return hits;
  std::vector<int> fired;
  // Without a usable set (it could not be built, or its DFA ran out of
  // memory on this text) every rule runs: nothing is lost.
  auto every_rule = [&] {
    fired.clear();
    for (std::size_t i = 0; i < lr.sentence_rules.size(); ++i) fired.push_back(int(i));
  };
  switch (prefilter) {
    case Prefilter::set:
      // One pass of the sets over the document names the rules that match
      // somewhere; each of those then scans the document once.
      if (!lr.sentence_set.match(text, &fired)) every_rule();
      for (int i : fired) {  // index order = priority order
        const detail::Rule* r = lr.sentence_rules[static_cast<std::size_t>(i)];
        find_all(text, 0, text.size(), *r, r->pattern, &hits);
      }
      break;
    case Prefilter::sentence_set:
      // The sets per sentence: a rule searches only the sentences it fires
      // in, its context patterns still see the whole line.
      for (const text::Span& sp : seg.sentences) {
        if (sp.end - sp.begin < 2) continue;
        if (!lr.sentence_set.match(text.substr(sp.begin, sp.end - sp.begin), &fired)) {
          every_rule();
        }
        const text::Span& first = seg.paragraphs[seg.paragraph_at(sp.begin)];
        const std::size_t unit_end = seg.paragraphs[seg.paragraph_at(sp.end - 1)].end;
        for (int i : fired) {
          const detail::Rule* r = lr.sentence_rules[static_cast<std::size_t>(i)];
          find_all(text, sp.begin, sp.end, *r, r->pattern, &hits, first.begin, unit_end);
        }
      }
      break;
    case Prefilter::none:
      for (const detail::Rule* r : lr.sentence_rules) {
        find_all(text, 0, text.size(), *r, r->pattern, &hits);
      }
      break;
  }
  return hits;
}

std::vector<std::vector<Hit>> match_documents(const std::vector<Unit>& units,
                                              const detail::LanguageRules& lr,
                                              Prefilter prefilter) {
  std::vector<std::vector<Hit>> out(units.size());
  if (prefilter != Prefilter::none) {
    for (std::size_t i = 0; i < units.size(); ++i) {
      out[i] = match_document(units[i].text, *units[i].seg, lr, prefilter);
    }
    return out;
  }
  for (const detail::Rule* r : lr.sentence_rules) {
    for (std::size_t i = 0; i < units.size(); ++i) {
      if (!units[i].text.empty()) {
        find_all(units[i].text, 0, units[i].text.size(), *r, r->pattern, &out[i]);
      }
    }
  }
  return out;
}

}  // namespace quotex::match
