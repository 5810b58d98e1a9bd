#include "resolve/quotes.hpp"

#include <algorithm>
#include <string>

#include <unicode/uchar.h>

#include "text/utf8.hpp"

namespace quotex::resolve {

namespace {

struct Mark {
  std::string text;
  std::vector<int> opens;         // pairs this mark opens
  std::vector<int> closes;        // pairs this mark closes
  std::vector<std::size_t> ends;  // marks that close what this one opens
};

struct Open {
  std::size_t pos;
  std::size_t len;
  int pair;  // the first pair this mark opens
  std::size_t mark;
  // Opens its paragraph (after white space only) or follows a colon ("…
  // deyib: “…"): a quotation that may close paragraphs later.
  bool runs_on = false;
  bool carried = false;  // runs on from an earlier paragraph
};

bool is_word(char32_t c) {
  return u_isalnum(c) != 0;
}

}  // namespace

std::vector<QuoteSpan> pair_quotes(std::string_view text,
                                   const std::vector<detail::QuotePair>& pairs,
                                   const text::Segments& seg, std::size_t max_bytes,
                                   std::size_t max_depth) {
  std::vector<Mark> marks;
  auto mark_index = [&](const std::string& s) {
    for (std::size_t i = 0; i < marks.size(); ++i) {
      if (marks[i].text == s) return i;
    }
    marks.push_back(Mark{s, {}, {}, {}});
    return marks.size() - 1;
  };
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    const std::size_t o = mark_index(pairs[p].open), c = mark_index(pairs[p].close);
    marks[o].opens.push_back(static_cast<int>(p));
    marks[c].closes.push_back(static_cast<int>(p));
    marks[o].ends.push_back(c);
  }
  bool first_byte[256] = {};
  for (const Mark& m : marks) {
    if (!m.text.empty()) first_byte[static_cast<unsigned char>(m.text[0])] = true;
  }

  std::vector<QuoteSpan> out;
  std::vector<Open> stack;
  std::size_t para = 0;
  std::size_t para_end = seg.paragraphs.empty() ? text.size() : seg.paragraphs[0].end;

  auto close_to = [&](std::size_t level, std::size_t pos, std::size_t len) {
    const Open o = stack[level];
    stack.resize(level);
    if (pos - o.pos > max_bytes) return;
    out.push_back(QuoteSpan{o.pos, o.pos + o.len, pos, pos + len, 0});
  };
  // Only white space from `from` to `to`, or a colon and white space.
  auto opens_statement = [&](std::size_t from, std::size_t to) {
    std::size_t k = to;
    while (k > from && (text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == '\r')) --k;
    return k == from || text[k - 1] == ':';
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    while (i >= para_end && para + 1 < seg.paragraphs.size()) {
      // End of a paragraph: an open quote runs on when the next paragraph
      // starts with the same opening mark (the convention for quotations
      // over paragraphs), or when it opened its own paragraph or followed a
      // colon (a quotation after "… deyib:" that closes paragraphs later);
      // else it was never closed.
      ++para;
      para_end = seg.paragraphs[para].end;
      std::size_t k = seg.paragraphs[para].begin;
      while (k < para_end && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
      if (!stack.empty() && text.compare(k, marks[stack.front().mark].text.size(),
                                         marks[stack.front().mark].text) == 0) {
        // Keep the outermost quote open; skip the re-opening mark.
        stack.resize(1);
        stack.front().carried = true;
        i = k + marks[stack.front().mark].text.size();
        if (i >= text.size()) break;
      } else if (!stack.empty() && stack.front().runs_on) {
        stack.resize(1);
        stack.front().carried = true;
      } else {
        stack.clear();
      }
    }
    if (i >= text.size()) break;
    if (!first_byte[static_cast<unsigned char>(text[i])]) continue;
    std::size_t m = marks.size();
    for (std::size_t k = 0; k < marks.size(); ++k) {
      if (text.compare(i, marks[k].text.size(), marks[k].text) == 0) {
        m = k;
        break;
      }
    }
    if (m == marks.size()) continue;
    const Mark& mark = marks[m];
    const std::size_t len = mark.text.size();
    const char32_t prev = text::code_point_before(text, i);
    const char32_t next = text::code_point_at(text, i + len);

    // Can this mark close an open quote? Search from the innermost.
    std::size_t level = stack.size();
    for (std::size_t s = stack.size(); s-- > 0;) {
      const std::vector<std::size_t>& ends = marks[stack[s].mark].ends;
      if (std::find(ends.begin(), ends.end(), m) != ends.end()) {
        level = s;
        break;
      }
    }
    const bool looks_opening =
        text::is_space(prev) || prev == '(' || prev == '[' || (!is_word(prev) && is_word(next));
    const bool looks_closing = !text::is_space(prev) && !is_word(next);
    bool closed = false;
    if (level < stack.size()) {
      const bool ambiguous = !mark.opens.empty();
      // An ambiguous mark (straight quote, or “ that also closes „) closes
      // unless it clearly opens a nested quotation; one that looks opening
      // does not close a quotation carried over from earlier paragraphs.
      const bool innermost = level + 1 == stack.size() && !stack[level].carried;
      // Right after its opening mark it would close an empty quotation:
      // `""Name" of it …"` opens a nested one instead; so does a mark with a
      // space before it and a word after it (`"Biz "Azərbaycan 2030" ilə …"`).
      const bool empty = stack[level].pos + stack[level].len == i;
      const bool opens_word = text::is_space(prev) && is_word(next);
      if (!(ambiguous && (empty || opens_word)) &&
          (!ambiguous || looks_closing || !looks_opening || innermost)) {
        close_to(level, i, len);
        closed = true;
      }
    }
    if (!closed && !mark.opens.empty() && (looks_opening || mark.closes.empty())) {
      if (stack.size() < max_depth) {
        const std::size_t pb = seg.paragraphs.empty() ? 0 : seg.paragraphs[para].begin;
        stack.push_back(Open{i, len, mark.opens[0], m, opens_statement(pb, i), false});
      }
    }
    i += len - 1;
  }
  std::sort(out.begin(), out.end(),
            [](const QuoteSpan& a, const QuoteSpan& b) { return a.open < b.open; });
  // Depth among the quotations that closed: inside one that never closed, a
  // quotation stands at the top level.
  std::vector<std::size_t> ends;
  for (QuoteSpan& q : out) {
    while (!ends.empty() && ends.back() <= q.open) ends.pop_back();
    q.depth = static_cast<int>(ends.size());
    ends.push_back(q.close_end);
  }
  return out;
}

}  // namespace quotex::resolve
