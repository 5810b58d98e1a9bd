#include "resolve/attribution.hpp"

#include "quotex/record.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include <unicode/uchar.h>

#include "text/utf8.hpp"
#include "util/intervals.hpp"

namespace quotex::resolve {

namespace {

// How far attribution looks around a quotation (bytes of normalised text).
constexpr std::size_t kBeforeWindow = 400;
constexpr std::size_t kAfterWindow = 300;

Range trimmed(std::string_view text, std::size_t b, std::size_t e, std::string_view punct) {
  std::string_view s = text.substr(b, e - b);
  std::string_view t = text::trim(s, punct);
  if (t.empty()) return Range{b, b};
  std::size_t begin = b + static_cast<std::size_t>(t.data() - s.data());
  return Range{begin, begin + t.size()};
}

Range capture(const match::Hit& h, std::string_view name) {
  const match::Capture* c = h.group(name);
  return c == nullptr ? Range{} : Range{c->begin, c->end};
}

// A speaker captured from the middle of a word ("MaliyyəNazirliyinə" read as
// "Nazirliyinə") names no one.
Range speaker_of(std::string_view text, const match::Hit& h) {
  const Range r = capture(h, "speaker");
  if (r.empty() || r.begin == 0) return r;
  const bool mid_word = u_isalpha(text::code_point_before(text, r.begin)) != 0 &&
                        u_isalpha(text::code_point_at(text, r.begin)) != 0;
  return mid_word ? Range{} : r;
}

// Does a context rule (attribution or not_quote) hold around this span?
bool context_holds(std::string_view text, const QuoteSpan& q, Range inner, const detail::Rule& r,
                   match::Hit* merged) {
  merged->groups.clear();
  match::Hit h;
  if (!r.before.empty()) {
    std::size_t from =
        text::align_to_char(text, q.open > kBeforeWindow ? q.open - kBeforeWindow : 0);
    if (!match::match_context(text, from, q.open, r, r.before, RE2::UNANCHORED, &h)) return false;
    merged->groups = h.groups;
  }
  if (!r.after.empty()) {
    std::size_t to = text::align_to_char(text, std::min(text.size(), q.close_end + kAfterWindow));
    if (!match::match_context(text, q.close_end, to, r, r.after, RE2::ANCHOR_START, &h)) {
      return false;
    }
    for (auto& [k, v] : h.groups) {
      match::Capture& c = merged->slot(k);
      if (v.found) c = v;
    }
  }
  if (!r.inside.empty()) {
    if (!match::match_context(text, inner.begin, inner.end, r, r.inside, RE2::ANCHOR_BOTH, &h)) {
      return false;
    }
  }
  merged->rule = &r;
  return true;
}

// `set = { speaker = "previous" }`: the speaker is left out ("Vurğulayıb ki",
// "Bəyanatda deyilir:") and is the one spoken of before.
bool implicit_speaker(const detail::Rule& r) {
  const std::string* v = r.fixed_value("speaker");
  return v != nullptr && *v == "previous";
}

// Words with a letter in them.
std::size_t words(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false, letter = false;
  for (std::size_t i = 0; i <= s.size();) {
    std::size_t len = 1;
    const char32_t c = i < s.size() ? text::decode(s, i, &len) : U' ';
    if (text::is_space(c)) {
      n += in_word && letter;
      in_word = letter = false;
    } else {
      in_word = true;
      letter |= u_isalpha(c) != 0;
    }
    i += len;
  }
  return n;
}

// The statement a pointer ("bunu", "bu barədə") at `at` refers to.
std::optional<Range> statement_before(std::string_view text, const text::Segments& seg,
                                      std::size_t at) {
  const std::size_t si = seg.sentence_at(at);
  const std::size_t pi = seg.paragraph_at(at);
  const bool opens_paragraph =
      text::trim(text.substr(seg.paragraphs[pi].begin,
                             seg.sentences[si].begin -
                                 std::min(seg.sentences[si].begin, seg.paragraphs[pi].begin)))
          .empty();
  // Three words at least: "26 dekabr, 2025", "16:02", "Bakı. Trend:" are not statements.
  auto statement = [&](Range r) { return words(text.substr(r.begin, r.end - r.begin)) >= 3; };
  if (opens_paragraph) {
    for (std::size_t p = pi; p-- > 0 && pi - p <= 4;) {
      const Range r{seg.paragraphs[p].begin, seg.paragraphs[p].end};
      if (statement(r)) return r;
    }
    return std::nullopt;
  }
  if (si == 0) return std::nullopt;
  const Range r{seg.sentences[si - 1].begin, seg.sentences[si - 1].end};
  return statement(r) ? std::optional<Range>(r) : std::nullopt;
}

// A statement that is mostly a quotation (more than half its bytes inside
// quote marks): attribution rules around the quotation take it.
bool mostly_quoted(std::string_view text, Range r, const std::vector<QuoteSpan>& spans) {
  std::size_t inside = 0;
  // Spans are sorted by their opening mark; top-level ones do not overlap,
  // so only those opening before r.end and after r.begin's predecessor count.
  auto it = std::lower_bound(spans.begin(), spans.end(), r.begin,
                             [](const QuoteSpan& q, std::size_t pos) { return q.open < pos; });
  if (it != spans.begin()) --it;
  for (; it != spans.end() && it->open < r.end; ++it) {
    const QuoteSpan& q = *it;
    if (q.depth != 0 || q.close_end <= r.begin) continue;
    inside += std::min(q.close_end, r.end) - std::max(q.open, r.begin);
  }
  return 2 * inside > text::trim(text.substr(r.begin, r.end - r.begin)).size();
}

bool only_space_or_punct(std::string_view s) {
  return text::trim(s, ".,;:!?-()").empty();
}

// Between the end of a clause and an opening quote mark: a colon, white
// space and at most one blank line.
bool introduced_by_colon(std::string_view text, std::size_t clause_end, std::size_t open) {
  if (clause_end > open || open - clause_end > 16) return false;
  const std::string_view gap = text.substr(clause_end, open - clause_end);
  // A stray mark doubled at the opening (`:\n""…`) is no text between.
  return gap.find(':') != std::string_view::npos && text::trim(gap, ":\"").empty() &&
         std::count(gap.begin(), gap.end(), '\n') <= 2;
}

// "Onun sözlərinə görə, … dərinləşib. Ölkələrlə dövriyyə … çatıb:" ¶ “…”:
// a paragraph that reports someone's speech and ends in a colon introduces
// the quotation that opens the next line with the same speaker, when the
// reported clause stands in that paragraph and no other quotation comes
// between (no quotation of `spans`, sorted by their opening mark).
bool continues_by_colon(std::string_view text, const text::Segments& seg,
                        const std::vector<QuoteSpan>& spans, Range clause, std::size_t open) {
  const std::size_t para = seg.paragraph_at(clause.begin);
  const std::size_t para_end = seg.paragraphs[para].end;
  if (clause.end > para_end || clause.end > open) return false;
  // "X bildirib ki, … bilərdi. Lakin … törədib: “…”": on the same line too.
  const std::size_t stop = std::min(para_end, open);
  const std::string_view rest = text::trim(text.substr(clause.end, stop - clause.end));
  if (rest.empty() || rest.back() != ':') return false;
  auto other = std::lower_bound(spans.begin(), spans.end(), clause.end,
                                [](const QuoteSpan& q, std::size_t pos) { return q.open < pos; });
  if (other != spans.end() && other->open < stop) return false;
  if (open < para_end) return true;
  return text::trim(text.substr(para_end, open - para_end)).empty() &&
         std::count(text.begin() + static_cast<long>(para_end),
                    text.begin() + static_cast<long>(open), '\n') <= 1;
}

}  // namespace

std::optional<std::string> cue_class(std::string_view text, const QuoteCandidate& q,
                                     const std::string& lang) {
  if (q.rule == nullptr) return std::nullopt;
  if (const std::string* v = q.rule->fixed_value("cue_class")) return *v;
  if (q.cue.empty()) return std::nullopt;
  std::string_view cue = text::trim(text.substr(q.cue.begin, q.cue.end - q.cue.begin));
  while (!cue.empty()) {
    for (const detail::Pattern* p : {&q.rule->pattern, &q.rule->before, &q.rule->after}) {
      if (const std::string* v = detail::lookup_value(*p, "cue", cue, lang)) return *v;
    }
    const std::size_t sp = cue.find_last_of(" \t\n");
    if (sp == std::string_view::npos) break;
    cue = text::trim(cue.substr(0, sp));
  }
  return std::nullopt;
}

std::vector<QuoteCandidate> find_quotes(std::string_view text, const text::Segments& seg,
                                        const std::vector<QuoteSpan>& spans,
                                        const std::vector<match::Hit>& hits,
                                        const detail::LanguageRules& lr, Observer& observer) {
  std::vector<QuoteCandidate> out;

  // Top-level quote marks by position (spans come sorted by their opening
  // mark, and top-level ones do not overlap).
  std::vector<std::pair<std::size_t, std::size_t>> quoted;  // inner begin, inner end
  for (const QuoteSpan& q : spans) {
    if (q.depth == 0) quoted.emplace_back(q.inner_begin, q.inner_end);
  }
  auto in_marks = [&](Range r) {
    auto it = std::upper_bound(quoted.begin(), quoted.end(),
                               std::pair{r.begin, std::numeric_limits<std::size_t>::max()});
    return it != quoted.begin() && std::prev(it)->first <= r.begin &&
           r.end <= std::prev(it)->second;
  };

  // Reported speech and other quotations found by sentence rules.
  util::Intervals taken;
  std::size_t last_clause_end = 0;  // where the last clause after its speaker ended
  for (const match::Hit& h : hits) {
    if (h.rule->type != detail::RuleType::quote) continue;
    Range t = h.group("text") ? capture(h, "text") : Range{h.begin, h.end};
    if (h.rule->reports_previous_sentence) {
      // "… . Bu barədə X bildirib.", "Lead.¶Report xəbər verir ki, bunu X
      // deyib.": the statement before — the paragraph before when the
      // pointer opens its paragraph, else the sentence before — skipping
      // datelines and times; not a quotation (attribution rules take those).
      const std::optional<Range> st = statement_before(text, seg, h.begin);
      if (!st) continue;
      if (mostly_quoted(text, *st, spans)) continue;
      t = *st;
      // The pointer sentence itself is nobody's statement.
      if (!taken.overlaps(h.begin, h.end)) taken.add(h.begin, h.end);
    }
    // Reported speech ends with its sentence (a statement pointed back at
    // may be a paragraph).
    if (!h.rule->reports_previous_sentence) {
      t.end = std::min(t.end, seg.sentences[seg.sentence_at(t.begin)].end);
    }
    t = trimmed(text, t.begin, t.end, ".,;:");
    if (t.empty()) continue;
    // A clause that follows its speaker spans both until the speaker is
    // known (a partial quote inside it is the speaker's).
    const bool clause = h.rule->fixed_value("clause") != nullptr;
    const std::size_t own_begin = t.begin;
    if (const Range sp = speaker_of(text, h); clause && !sp.empty()) {
      t.begin = std::min(t.begin, sp.begin);
    }
    if (taken.overlaps(t.begin, t.end)) {
      // A second clause after a first one of the same kind in its sentence
      // ("… olduğunu deyir, bəraət almasını tələb edib"): it starts where
      // the first one ended.
      const std::size_t prev_end = taken.last_end_before(t.end);
      if (!clause || prev_end != last_clause_end || prev_end > own_begin ||
          seg.sentence_at(prev_end - 1) != seg.sentence_at(own_begin)) {
        continue;
      }
      t.begin = prev_end;
    }
    // Speech reported inside a quotation is part of the quoted person's
    // words, not reported by the writer: a clause whose cue is inside quote
    // marks ("“Fermerlər bizə deyir ki, …”", "“… proqnozlaşdırır ki, …
    // gəlir”, – X qeyd edib").
    const Range cue = capture(h, "cue");
    if (!cue.empty() && in_marks(cue)) continue;
    taken.add(t.begin, t.end);
    if (clause) last_clause_end = t.end;
    QuoteCandidate c;
    c.text = t;
    c.kind = h.rule->kind.empty() ? QuoteKind::indirect : *parse_quote_kind(h.rule->kind);
    c.rule = h.rule;
    c.speaker = speaker_of(text, h);
    c.cue = cue;
    c.implicit_speaker = implicit_speaker(*h.rule);
    c.clause_after_speaker = clause;
    out.push_back(c);
  }
  const std::size_t reported = out.size();
  std::vector<std::size_t> by_begin(reported);
  for (std::size_t j = 0; j < reported; ++j) by_begin[j] = j;
  std::sort(by_begin.begin(), by_begin.end(),
            [&](std::size_t a, std::size_t b) { return out[a].text.begin < out[b].text.begin; });

  int last_attributed = -1;
  int last_reported = -1;  // the reported clause that starts last before the quotation
  for (const QuoteSpan& q : spans) {
    if (q.depth != 0) continue;
    Range inner = trimmed(text, q.inner_begin, q.inner_end, "");
    if (inner.empty()) continue;

    bool dropped = false;
    match::Hit h;
    for (const detail::Rule* r : lr.not_quote_rules) {
      if (context_holds(text, q, inner, *r, &h)) {
        observer.traced(TraceItem{r, inner, {}});
        dropped = true;
        break;
      }
    }
    if (dropped) continue;

    QuoteCandidate c;
    c.text = inner;
    c.from_marks = true;
    c.marks = Range{q.open, q.close_end};
    for (const detail::Rule* r : lr.attribution_rules) {
      if (context_holds(text, q, inner, *r, &h)) {
        c.rule = r;
        c.kind = r->kind.empty() ? QuoteKind::direct : *parse_quote_kind(r->kind);
        c.speaker = speaker_of(text, h);
        c.cue = capture(h, "cue");
        c.implicit_speaker = implicit_speaker(*r);
        break;
      }
    }
    if (c.rule == nullptr) {
      // Inside reported speech: a partial quote of the same speaker. The
      // reported clauses are disjoint, so the one that starts last before
      // the quote is the only one that can hold it.
      auto it =
          std::upper_bound(by_begin.begin(), by_begin.end(), q.open,
                           [&](std::size_t pos, std::size_t j) { return pos < out[j].text.begin; });
      if (it != by_begin.begin()) {
        const std::size_t j = *(it - 1);
        last_reported = static_cast<int>(j);
        if (q.close_end <= out[j].text.end + 4) {
          c.inherit = static_cast<int>(j);
        } else if (introduced_by_colon(text, out[j].text.end, q.open) ||
                   continues_by_colon(text, seg, spans, out[j].text, q.open)) {
          // "X bildirib ki, … nəticələr verir: “…”": the quotation the
          // reported speech introduces is the same speaker's.
          c.inherit = static_cast<int>(j);
          c.kind = QuoteKind::direct;
        }
      }
    }
    if (c.rule == nullptr && c.inherit < 0) {
      // A quotation standing as a sentence of its own, right after an
      // attributed one, continues it; right after a paragraph that ends in
      // someone's reported speech ("Onun sözlərinə görə, … deyil." ¶ “…”),
      // it is that person's.
      int before = last_attributed;
      if (last_reported >= 0 && !out[last_reported].speaker.empty() &&
          (before < 0 || out[last_reported].text.begin > out[before].text.end)) {
        // The clause, or its verb after it ("… xəbərsiz olduğunu deyib.").
        const Range clause = out[last_reported].text;
        const Range cue = out[last_reported].cue;
        const std::size_t tail = !cue.empty() && cue.begin >= clause.end ? cue.end : clause.end;
        const std::size_t end = seg.paragraphs[seg.paragraph_at(clause.end)].end;
        if (tail <= q.open && tail <= end && only_space_or_punct(text.substr(tail, end - tail)))
          before = last_reported;
      }
      if (before >= 0) {
        // Nothing but punctuation before the opening mark in its sentence,
        // nor after the closing mark in its own ("“…”, səfir deyib." is not alone).
        const std::size_t s_begin = seg.sentences[seg.sentence_at(q.open)].begin;
        const std::size_t s_end = seg.sentences[seg.sentence_at(q.close_end - 1)].end;
        const std::size_t prev_end = seg.paragraphs[seg.paragraph_at(out[before].text.end)].end;
        const bool alone = only_space_or_punct(text.substr(s_begin, q.open - s_begin)) &&
                           only_space_or_punct(text.substr(
                               q.close_end, s_end > q.close_end ? s_end - q.close_end : 0));
        // On the next line, or after blank lines only (a headline's second
        // quotation, an answer's next paragraph).
        if (alone &&
            (q.open < prev_end || text::trim(text.substr(prev_end, q.open - prev_end)).empty())) {
          c.kind = QuoteKind::direct;
          c.inherit = before;
        }
      }
    }
    if (c.rule == nullptr && c.inherit < 0) {
      // A quotation of several words that fills its line (a headline, a
      // quoted paragraph) is a full quotation, not a fragment of the
      // writer's sentence.
      const std::size_t nl = text.rfind('\n', q.open);
      const std::size_t line_begin = nl == std::string_view::npos ? 0 : nl + 1;
      const std::size_t line_end = std::min(text.find('\n', q.close_end), text.size());
      // So is one after a headline's colon ("Məhkəmədə ifadə: “…”"), not
      // after a paragraph's sentences.
      const std::string_view lead = text::trim(text.substr(line_begin, q.open - line_begin));
      const bool headline_lead = !lead.empty() && lead.back() == ':' &&
                                 lead.find_first_of(".!?") == std::string_view::npos;
      if ((only_space_or_punct(lead) || headline_lead) &&
          only_space_or_punct(text.substr(q.close_end, line_end - q.close_end)) &&
          text.substr(inner.begin, inner.end - inner.begin).find(' ') != std::string_view::npos) {
        c.kind = QuoteKind::direct;
      }
    }
    out.push_back(c);
    if ((c.rule != nullptr && (!c.speaker.empty() || c.implicit_speaker)) ||
        (c.inherit >= 0 && c.kind == QuoteKind::direct)) {
      last_attributed = static_cast<int>(out.size()) - 1;
    }
  }
  // “…”¶“…”.¶Report xəbər verir ki, bunu X bildirib: quotations on lines of
  // their own, one right after the other, are all the speaker's that the
  // last of them is credited to after it.
  for (std::size_t k = out.size(); k-- > reported + 1;) {
    QuoteCandidate& prev = out[k - 1];
    const QuoteCandidate& next = out[k];
    const bool named_after =
        (next.rule != nullptr && !next.speaker.empty() && next.speaker.begin >= next.text.end) ||
        next.inherit > static_cast<int>(k);
    if (!named_after || prev.rule != nullptr || prev.inherit >= 0 ||
        prev.kind != QuoteKind::direct || prev.marks.end > next.marks.begin) {
      continue;
    }
    const std::string_view gap = text.substr(prev.marks.end, next.marks.begin - prev.marks.end);
    if (gap.find('\n') != std::string_view::npos && only_space_or_punct(gap)) {
      prev.inherit = static_cast<int>(k);
    }
  }
  return out;
}

}  // namespace quotex::resolve
