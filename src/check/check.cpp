#include "check/check.hpp"

#include <fmt/format.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "emit/json_writer.hpp"
#include "resolve/speaker_id.hpp"
#include "text/language.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"
#include "text/utf8.hpp"
#include "util/hash.hpp"

namespace quotex::check {

namespace {

// Words whose loss flips a statement. Suffix negation (az -ma/-mə, tr
// -me/-ma) sits inside a word: changing it changes the word.
const std::unordered_set<std::string_view>& negations() {
  static const std::unordered_set<std::string_view> words = {
      "deyil", "yox", "yoxdur", "heç",     "not",   "no",  "never", "nor",  "neither", "cannot",
      "не",    "нет", "ни",     "никогда", "değil", "yok", "hiç",   "емес", "жоқ",     "ешқашан"};
  return words;
}

bool is_apostrophe(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018;
}

bool is_quote_mark(char32_t c) {
  switch (c) {
    case '"':
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x201F:
    case 0x2039:  // ‹
    case 0x203A:  // ›
    case 0x300C:  // 「
    case 0x300D:  // 」
      return true;
    default:
      return is_apostrophe(c);  // not inside a word: a single quote mark
  }
}

bool is_word_char(char32_t c) {
  if (u_isalnum(c)) return true;
  const int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

// The diff and report show words as written.
std::string_view original_word(const std::string& text, const Token& t) {
  return std::string_view(text).substr(t.begin, t.end - t.begin);
}

// One step of an alignment of quote words against source words.
enum class Op : std::uint8_t { same, sub, quote_only, source_only };

struct Alignment {
  std::size_t from = 0, to = 0;  // source words [from, to) of the document
  std::vector<Op> ops;
  std::size_t matched = 0;
  std::size_t cost = 0;
};

// Aligns all of q against the best stretch of s[lo, hi): fewest word edits
// (a changed, added or dropped word costs one), the stretch free to start
// and end anywhere, or (whole) all of s[lo, hi). Ties go to the earliest
// stretch.
Alignment align(const std::vector<Token>& q, std::size_t qb, std::size_t qe,
                const std::vector<Token>& s, std::size_t lo, std::size_t hi, bool whole = false) {
  const std::size_t m = qe - qb, n = hi - lo;
  std::vector<std::uint32_t> d((m + 1) * (n + 1));
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return d[i * (n + 1) + j]; };
  for (std::size_t j = 0; j <= n; ++j) at(0, j) = whole ? static_cast<std::uint32_t>(j) : 0;
  for (std::size_t i = 1; i <= m; ++i) {
    at(i, 0) = static_cast<std::uint32_t>(i);
    for (std::size_t j = 1; j <= n; ++j) {
      const bool eq = q[qb + i - 1].hash == s[lo + j - 1].hash;
      at(i, j) = std::min({at(i - 1, j - 1) + (eq ? 0u : 1u), at(i - 1, j) + 1, at(i, j - 1) + 1});
    }
  }
  std::size_t best = whole ? n : 0;
  for (std::size_t j = 1; j <= n && !whole; ++j) {
    if (at(m, j) < at(m, best)) best = j;
  }
  Alignment a;
  a.cost = at(m, best);
  a.to = lo + best;
  std::size_t i = m, j = best;
  while (i > 0) {
    const bool eq = j > 0 && q[qb + i - 1].hash == s[lo + j - 1].hash;
    if (j > 0 && at(i, j) == at(i - 1, j - 1) + (eq ? 0u : 1u)) {
      a.ops.push_back(eq ? Op::same : Op::sub);
      a.matched += eq ? 1 : 0;
      --i;
      --j;
    } else if (at(i, j) == at(i - 1, j) + 1) {
      a.ops.push_back(Op::quote_only);
      --i;
    } else {
      a.ops.push_back(Op::source_only);
      --j;
    }
  }
  while (whole && j > 0) {
    a.ops.push_back(Op::source_only);
    --j;
  }
  // The stretch starts at the first source word the alignment uses.
  a.from = lo + j;
  std::reverse(a.ops.begin(), a.ops.end());
  while (!whole && !a.ops.empty() && a.ops.back() == Op::source_only) {
    a.ops.pop_back();
    --a.to;
  }
  return a;
}

// Quote words beyond this are not aligned (the cost is words × words).
constexpr std::size_t kMaxQuoteWords = 2000;
// Below this similarity a passage is not the quote's source.
constexpr double kFoundSimilarity = 0.45;
// An attribution inside a quotation is at most this many words.
constexpr std::size_t kMaxAsideWords = 12;
// Parts joined by an ellipsis must lie within this many units.
constexpr std::size_t kMaxElisionUnits = 3;

}  // namespace

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::verbatim:
      return "verbatim";
    case Verdict::truncated:
      return "truncated";
    case Verdict::elided:
      return "elided";
    case Verdict::altered:
      return "altered";
    case Verdict::not_found:
      return "not_found";
    case Verdict::other_language:
      return "other_language";
  }
  return "?";
}

std::optional<Verdict> parse_verdict(std::string_view s) {
  for (Verdict v : {Verdict::verbatim, Verdict::truncated, Verdict::elided, Verdict::altered,
                    Verdict::not_found, Verdict::other_language}) {
    if (s == to_string(v)) return v;
  }
  return std::nullopt;
}

Tokenized tokenize(std::string_view original, std::string_view lang) {
  const text::NormText n = text::normalize(original);
  const std::string& t = n.text;
  const text::Segments seg = text::segment(t, lang);
  Tokenized out;
  bool unit_break = true;  // since the last word: a quote mark, a colon, a sentence end
  bool ellipsis = false;
  int dots = 0;
  bool comma = false, comma_dash = false;  // ", -" in the gap
  std::size_t sentence = 0;
  std::size_t i = 0;
  auto flush_gap = [&](std::size_t word_begin) {
    const std::size_t s = seg.sentence_at(word_begin);
    if (s != sentence) unit_break = true;
    // "… Next" ends a sentence where the segmenter does not.
    if (ellipsis && u_isupper(text::code_point_at(t, word_begin))) unit_break = true;
    sentence = s;
    if (!out.tokens.empty() && unit_break) out.unit_end.back() = true;
    out.unit_start.push_back(unit_break);
    out.unit_end.push_back(false);
    out.ellipsis_before.push_back(ellipsis);
    out.comma_dash_before.push_back(comma_dash);
    unit_break = false;
    ellipsis = false;
    dots = 0;
    comma = comma_dash = false;
  };
  while (i < t.size()) {
    std::size_t len;
    const char32_t c = text::decode(t, i, &len);
    if (!is_word_char(c)) {
      if (c == '.') {
        if (++dots >= 2) ellipsis = true;
      } else {
        dots = 0;
      }
      if (c == 0x2026) ellipsis = true;
      if (c == ':' || is_quote_mark(c)) unit_break = true;
      if (c == '-' && comma) comma_dash = true;  // normalize made every dash '-'
      if (c == ',') comma = true;
      i += len;
      continue;
    }
    const std::size_t b = i;
    std::string key;
    while (i < t.size()) {
      const char32_t w = text::decode(t, i, &len);
      if (is_word_char(w)) {
        key.append(t, i, len);
      } else if (is_apostrophe(w) && is_word_char(text::code_point_at(t, i + len))) {
        key.push_back('\'');  // one apostrophe for ' ’ ʼ inside a word
      } else {
        break;
      }
      i += len;
    }
    flush_gap(b);
    Token tok;
    key = text::lower(key, lang);
    tok.hash = util::fnv1a(key);
    tok.begin = n.orig_start(b);
    tok.end = n.orig_end(i);
    tok.number =
        std::any_of(key.begin(), key.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    tok.negation = negations().count(key) > 0 ||
                   (key.size() > 3 && key.compare(key.size() - 3, 3, "n't") == 0);
    out.tokens.push_back(tok);
  }
  if (!out.tokens.empty()) out.unit_end.back() = true;
  out.ellipsis_before.push_back(ellipsis);
  out.comma_dash_before.push_back(comma_dash);
  return out;
}

bool same_person(std::string_view a, std::string_view b, std::string_view lang) {
  auto words = [&](std::string_view s) {
    std::vector<std::string> w;
    for (const Token& t : tokenize(s, lang).tokens) {
      w.push_back(text::lower(s.substr(t.begin, t.end - t.begin), lang));
    }
    return w;
  };
  const std::vector<std::string> x = words(a), y = words(b);
  if (x.empty() || y.empty()) return false;
  if (resolve::speaker_key(a, lang) == resolve::speaker_key(b, lang)) return true;
  auto subset = [](const std::vector<std::string>& p, const std::vector<std::string>& q) {
    return std::all_of(p.begin(), p.end(), [&](const std::string& w) {
      return std::find(q.begin(), q.end(), w) != q.end();
    });
  };
  if (subset(x, y) || subset(y, x)) return true;
  // "İ.Əliyev" and "İlham Əliyev": one surname, first names that start alike.
  if (x.back() != y.back()) return false;
  std::size_t l1, l2;
  return x.size() >= 2 && y.size() >= 2 && text::decode(x[0], 0, &l1) == text::decode(y[0], 0, &l2);
}

// ---------------------------------------------------------------------------
// The index.

struct Index::Impl {
  std::vector<Source> sources;
  // Units numbered across all sources: unit u is words [unit_first[u],
  // unit_first[u + 1]) of source unit_doc[u].
  std::vector<std::uint32_t> unit_doc, unit_first;
  std::vector<std::uint32_t> doc_first_unit;  // per source, and one past the end
  // Word postings: the units each word hash occurs in (with repeats).
  std::unordered_map<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>> postings;
  std::vector<std::uint32_t> posting_units;
  // Across languages: numbers and names (transliterated to ASCII, first
  // four letters) to the units holding them.
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> features;
  std::size_t total_words = 0;
  // Built on first use; transliterating is not thread-safe.
  mutable std::unique_ptr<icu::Transliterator> to_ascii;
  mutable std::mutex to_ascii_mu;

  // The cross-language key of word i of a text, or 0 when it has none.
  std::uint64_t feature(const std::string& text, const Tokenized& w, std::size_t i) const;
  // Candidate units for a quote, best first.
  std::vector<std::uint32_t> candidates(const Tokenized& q) const;
  Citation judge(const Record& quote, const Tokenized& q, const SpeakerLookup& speakers) const;
};

std::uint64_t Index::Impl::feature(const std::string& text, const Tokenized& w,
                                   std::size_t i) const {
  const Token& t = w.tokens[i];
  const std::string_view word = std::string_view(text).substr(t.begin, t.end - t.begin);
  if (t.number) return util::fnv1a(word);
  std::size_t len;
  const char32_t first = text::decode(word, 0, &len);
  if (w.unit_start[i] || !u_isupper(first) || text::count_code_points(word) < 4) return 0;
  std::lock_guard<std::mutex> lock(to_ascii_mu);
  if (!to_ascii) {
    UErrorCode status = U_ZERO_ERROR;
    to_ascii.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower",
                                                       UTRANS_FORWARD, status));
    if (U_FAILURE(status)) to_ascii.reset();
    if (!to_ascii) return 0;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), word.size()));
  to_ascii->transliterate(u);
  std::string a;
  u.toUTF8String(a);
  std::string letters;
  for (char ch : a) {
    if (ch >= 'a' && ch <= 'z') letters.push_back(ch);
    if (letters.size() == 4) break;
  }
  return letters.size() == 4 ? util::fnv1a("name:" + letters) : 0;
}

Index::Index() : impl_(std::make_unique<Impl>()) {}
Index::~Index() = default;
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

void Index::add(std::string id, std::string text, std::string lang) {
  Source s;
  s.id = std::move(id);
  s.text = std::move(text);
  s.lang = std::move(lang);
  s.words = tokenize(s.text, s.lang);
  impl_->sources.push_back(std::move(s));
}

void Index::build() {
  Impl& x = *impl_;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> pairs;
  x.unit_doc.clear();
  x.unit_first.clear();
  x.doc_first_unit.clear();
  for (std::size_t d = 0; d < x.sources.size(); ++d) {
    const Source& s = x.sources[d];
    x.doc_first_unit.push_back(static_cast<std::uint32_t>(x.unit_doc.size()));
    for (std::size_t i = 0; i < s.words.tokens.size(); ++i) {
      if (s.words.unit_start[i]) {
        x.unit_doc.push_back(static_cast<std::uint32_t>(d));
        x.unit_first.push_back(static_cast<std::uint32_t>(i));
      }
      const auto u = static_cast<std::uint32_t>(x.unit_doc.size() - 1);
      pairs.emplace_back(s.words.tokens[i].hash, u);
      if (std::uint64_t f = x.feature(s.text, s.words, i); f != 0) {
        std::vector<std::uint32_t>& units = x.features[f];
        if (units.empty() || units.back() != u) units.push_back(u);
      }
    }
    x.total_words += s.words.tokens.size();
  }
  x.doc_first_unit.push_back(static_cast<std::uint32_t>(x.unit_doc.size()));
  std::sort(pairs.begin(), pairs.end());
  x.posting_units.clear();
  x.postings.clear();
  for (std::size_t k = 0; k < pairs.size();) {
    std::size_t e = k;
    while (e < pairs.size() && pairs[e].first == pairs[k].first) ++e;
    x.postings[pairs[k].first] = {static_cast<std::uint32_t>(x.posting_units.size()),
                                  static_cast<std::uint32_t>(e - k)};
    for (std::size_t p = k; p < e; ++p) x.posting_units.push_back(pairs[p].second);
    k = e;
  }
}

std::size_t Index::size() const {
  return impl_->sources.size();
}
const Source& Index::source(std::size_t i) const {
  return impl_->sources[i];
}

std::vector<std::uint32_t> Index::Impl::candidates(const Tokenized& q) const {
  // Each distinct word votes for the units holding it, rare words more.
  std::unordered_map<std::uint32_t, double> score;
  std::unordered_set<std::uint64_t> seen;
  const double total = static_cast<double>(std::max<std::size_t>(total_words, 1));
  // Words in more units than this carry little and cost much; they vote
  // only when the quote has nothing rarer.
  const std::size_t common = std::max<std::size_t>(2000, unit_doc.size() / 20);
  std::size_t rare = 0;
  for (const Token& t : q.tokens) {
    auto it = postings.find(t.hash);
    if (it != postings.end() && it->second.second <= common) ++rare;
  }
  for (const Token& t : q.tokens) {
    if (!seen.insert(t.hash).second) continue;
    auto it = postings.find(t.hash);
    if (it == postings.end()) continue;
    const auto [first, count] = it->second;
    if (count > common && rare >= 2) continue;
    const double w = std::log(1.0 + total / count);
    const std::uint32_t* p = &posting_units[first];
    std::uint32_t last = UINT32_MAX;
    for (std::uint32_t k = 0; k < count; ++k) {
      if (p[k] != last) score[p[k]] += w;
      last = p[k];
    }
  }
  std::vector<std::pair<double, std::uint32_t>> ranked;
  ranked.reserve(score.size());
  for (const auto& [u, s] : score) ranked.emplace_back(-s, u);
  const std::size_t keep = std::min<std::size_t>(ranked.size(), 8);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end());
  std::vector<std::uint32_t> out;
  for (std::size_t k = 0; k < keep; ++k) out.push_back(ranked[k].second);
  return out;
}

namespace {

// Word-diff of an alignment: "[-source-]{+quote+}" around what differs.
std::string word_diff(const Source& src, const std::string& quote_text, const Tokenized& q,
                      const std::vector<std::pair<Alignment, std::size_t>>& parts) {
  std::string out;
  bool changed = false;
  std::string minus, plus;
  auto flush = [&] {
    if (!minus.empty()) out += (out.empty() ? "" : " ") + std::string("[-") + minus + "-]";
    if (!plus.empty()) out += (out.empty() ? "" : " ") + std::string("{+") + plus + "+}";
    minus.clear();
    plus.clear();
  };
  auto add = [](std::string& s, std::string_view w) {
    if (!s.empty()) s.push_back(' ');
    s.append(w);
  };
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const Alignment& a = parts[k].first;
    std::size_t qi = parts[k].second, si = a.from;
    if (k > 0) {
      // What the ellipsis leaves out between two parts.
      for (std::size_t g = parts[k - 1].first.to; g < a.from; ++g) {
        add(minus, original_word(src.text, src.words.tokens[g]));
      }
      if (!minus.empty()) {
        out += (out.empty() ? "" : " ") + std::string("[…") + minus + "…]";
        minus.clear();
      }
    }
    for (Op op : a.ops) {
      switch (op) {
        case Op::same:
          flush();
          out += (out.empty() ? "" : " ");
          out += original_word(quote_text, q.tokens[qi]);
          ++qi;
          ++si;
          break;
        case Op::sub:
          add(minus, original_word(src.text, src.words.tokens[si++]));
          add(plus, original_word(quote_text, q.tokens[qi++]));
          changed = true;
          break;
        case Op::quote_only:
          add(plus, original_word(quote_text, q.tokens[qi++]));
          changed = true;
          break;
        case Op::source_only:
          add(minus, original_word(src.text, src.words.tokens[si++]));
          changed = true;
          break;
      }
    }
    flush();
  }
  return changed ? out : std::string();
}

}  // namespace

Citation Index::Impl::judge(const Record& quote, const Tokenized& q,
                            const SpeakerLookup& speakers) const {
  Citation c;
  c.quote = quote;
  const std::size_t words = std::min(q.tokens.size(), kMaxQuoteWords);
  if (words == 0) return c;
  // Parts of the quote between ellipses.
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t b = 0;
  for (std::size_t i = 1; i <= words; ++i) {
    if (i == words || q.ellipsis_before[i]) {
      spans.emplace_back(b, i);
      b = i;
    }
  }
  struct Best {
    double similarity = -1;
    std::size_t doc = 0;
    std::vector<std::pair<Alignment, std::size_t>> parts;  // alignment, first quote word
    std::pair<std::size_t, std::size_t> units;  // the passage, when words in common say more
  } best;
  // The quote's words with their counts, for the words in common below.
  std::unordered_map<std::uint64_t, int> quote_bag;
  for (std::size_t i = 0; i < words; ++i) quote_bag[q.tokens[i].hash] += 1;
  std::set<std::pair<std::uint32_t, std::uint32_t>> tried;
  for (std::uint32_t u : candidates(q)) {
    const std::uint32_t d = unit_doc[u];
    const Source& s = sources[d];
    const std::size_t n = s.words.tokens.size();
    const std::size_t unit_end =
        u + 1 < unit_first.size() && unit_doc[u + 1] == d ? unit_first[u + 1] : n;
    const std::size_t reach = words + 8;
    const std::size_t lo = unit_first[u] > reach ? unit_first[u] - reach : 0;
    const std::size_t hi = std::min(n, unit_end + reach);
    if (!tried.insert({d, static_cast<std::uint32_t>(lo)}).second) continue;
    std::vector<std::pair<Alignment, std::size_t>> parts;
    std::size_t from = lo, matched = 0, source_words = 0;
    for (const auto& [qb, qe] : spans) {
      if (from >= hi) break;
      Alignment a = align(q.tokens, qb, qe, s.words.tokens, from, hi);
      matched += a.matched;
      source_words += a.to - a.from;
      from = a.to;
      parts.emplace_back(std::move(a), qb);
    }
    if (parts.size() != spans.size()) continue;
    double sim = 2.0 * static_cast<double>(matched) / static_cast<double>(words + source_words);
    // Clauses swapped around align badly word by word but keep their words:
    // the share of words in common with the units the alignment touches.
    std::size_t uf = parts.front().first.from, ut = parts.back().first.to;
    while (uf > 0 && !s.words.unit_start[uf]) --uf;
    while (ut < n && ut > 0 && !s.words.unit_end[ut - 1]) ++ut;
    // The covering units, and each of them alone (a paraphrase's alignment
    // may reach into the sentence before).
    std::vector<std::pair<std::size_t, std::size_t>> ranges{{uf, ut}};
    for (std::size_t i = uf; i < ut; ++i) {
      if (!s.words.unit_start[i]) continue;
      std::size_t e = i + 1;
      while (e < ut && !s.words.unit_start[e]) ++e;
      if (i != uf || e != ut) ranges.emplace_back(i, e);
    }
    double by_words = 0;
    std::size_t common = 0;
    for (const auto& [rb, re] : ranges) {
      std::unordered_map<std::uint64_t, int> bag = quote_bag;
      std::size_t shared = 0;
      for (std::size_t i = rb; i < re; ++i) {
        if (auto it = bag.find(s.words.tokens[i].hash); it != bag.end() && it->second > 0) {
          --it->second;
          ++shared;
        }
      }
      const double share = 2.0 * static_cast<double>(shared) / static_cast<double>(words + re - rb);
      if (share > by_words) {
        by_words = share;
        common = shared;
        uf = rb;
        ut = re;
      }
    }
    const bool reordered = by_words > sim;
    sim = std::max(sim, by_words);
    // A passage that holds under half of the quote's words is not its
    // source, however short it is ("Biz bu" of "Biz bu il ...").
    if (2 * std::max(matched, common) < words) sim = std::min(sim, kFoundSimilarity / 2);
    if (sim > best.similarity + 1e-9) {
      best.similarity = sim;
      best.doc = d;
      best.parts = std::move(parts);
      best.units = reordered ? std::pair{uf, ut} : std::pair{std::size_t{0}, std::size_t{0}};
    }
  }
  const bool found = best.similarity >= kFoundSimilarity;
  if (!found) {
    // A translation shares numbers and names, not words: the closest unit
    // of a source in another language, by those.
    // A source without words has no language.
    bool same_language_source = false, other_source = false;
    for (const Source& s : sources) {
      if (s.words.tokens.empty()) continue;
      same_language_source |= s.lang == quote.lang;
      other_source |= s.lang != quote.lang;
    }
    std::map<std::uint32_t, int> shared;
    for (std::size_t i = 0; i < q.tokens.size(); ++i) {
      const std::uint64_t f = feature(quote.text, q, i);
      auto it = f == 0 ? features.end() : features.find(f);
      if (it == features.end()) continue;
      for (std::uint32_t u : it->second) {
        if (sources[unit_doc[u]].lang != quote.lang) shared[u] += 1;
      }
    }
    std::uint32_t closest = UINT32_MAX;
    int most = 0;
    for (const auto& [u, k] : shared) {
      if (k > most) {
        most = k;
        closest = u;
      }
    }
    if (other_source && (!same_language_source || most >= 2)) {
      c.verdict = Verdict::other_language;
      if (closest != UINT32_MAX) {
        const Source& s = sources[unit_doc[closest]];
        const std::size_t first = unit_first[closest];
        std::size_t last = first;
        while (last + 1 < s.words.tokens.size() && !s.words.unit_end[last]) ++last;
        c.source = &s;
        c.source_start = s.words.tokens[first].begin;
        c.source_end = s.words.tokens[last].end;
      }
    }
    c.similarity = std::max(0.0, best.similarity);
    return c;
  }
  const Source& s = sources[best.doc];
  const Tokenized& w = s.words;
  c.source = &s;
  c.similarity = best.similarity;
  // The passage: from the first source word a part uses to the last (a
  // part that matched nothing uses none).
  std::size_t first = w.tokens.size(), last = 0;
  for (const auto& [a, qb] : best.parts) {
    if (a.to > a.from) {
      first = std::min(first, a.from);
      last = std::max(last, a.to);
    }
  }
  if (best.units.second > best.units.first) {
    first = best.units.first;
    last = best.units.second;
  }
  if (first >= last) {  // nothing to point at: not a source
    c.source = nullptr;
    return c;
  }
  c.source_start = w.tokens[first].begin;
  c.source_end = w.tokens[last - 1].end;
  if (best.units.second > best.units.first) {
    // Reordered: the diff is against the whole units the words come from.
    best.parts = {{align(q.tokens, 0, words, w.tokens, best.units.first, best.units.second, true),
                   std::size_t{0}}};
  }
  c.diff = word_diff(s, quote.text, q, best.parts);
  bool exact = true;
  for (const auto& [a, qb] : best.parts) exact &= a.cost == 0;
  if (!exact) {
    c.verdict = Verdict::altered;
  } else {
    // What the cut leaves out: the rest of the units the quote touches, and
    // between parts.
    const std::size_t from = best.parts.front().first.from, to = best.parts.back().first.to;
    std::size_t unit_from = from, unit_to = to;
    while (unit_from > 0 && !w.unit_start[unit_from]) --unit_from;
    while (unit_to < w.tokens.size() && !w.unit_end[unit_to - 1]) ++unit_to;
    std::vector<bool> kept(unit_to - unit_from, false);
    std::size_t gaps = 0, units_apart = 0;
    for (std::size_t k = 0; k < best.parts.size(); ++k) {
      const Alignment& a = best.parts[k].first;
      for (std::size_t i = a.from; i < a.to; ++i) kept[i - unit_from] = true;
      if (k > 0) {
        const std::size_t prev = best.parts[k - 1].first.to;
        gaps += a.from - prev;
        for (std::size_t i = prev; i < a.from; ++i) units_apart += w.unit_start[i] ? 1 : 0;
      }
    }
    std::string negation, number;
    for (std::size_t i = unit_from; i < unit_to; ++i) {
      if (kept[i - unit_from]) continue;
      const std::string_view word = original_word(s.text, w.tokens[i]);
      if (w.tokens[i].negation && negation.empty()) negation = word;
      if (w.tokens[i].number && number.empty()) number = word;
    }
    const bool whole = unit_from == from && unit_to == to;
    if (!negation.empty()) {
      c.verdict = Verdict::altered;
      c.reason = fmt::format("the cut drops a negation: {}", negation);
    } else if (!number.empty()) {
      c.verdict = Verdict::altered;
      c.reason = fmt::format("the cut drops a number: {}", number);
    } else if (gaps == 0) {
      c.verdict = whole ? Verdict::verbatim : Verdict::truncated;
    } else if (units_apart > kMaxElisionUnits) {
      c.verdict = Verdict::altered;
      c.reason = "the ellipsis joins passages far apart";
    } else {
      c.verdict = Verdict::elided;
    }
  }
  if (speakers && quote.speaker) {
    const SourceQuotes& found = speakers(s);
    std::size_t overlap = 0;
    for (const Record& r : found) {
      const std::size_t lo = std::max(r.start, c.source_start), hi = std::min(r.end, c.source_end);
      if (r.type == RecordType::quote && hi > lo && hi - lo > overlap && r.speaker) {
        overlap = hi - lo;
        c.source_speaker = r.speaker;
      }
    }
    c.speaker_mismatch =
        c.source_speaker && !same_person(*quote.speaker, *c.source_speaker, quote.lang);
  }
  return c;
}

Citation Index::check(const Record& quote, const SpeakerLookup& speakers) const {
  const Tokenized q = tokenize(quote.text, quote.lang);
  Citation c = impl_->judge(quote, q, speakers);
  // A quotation interrupted by its attribution ("Biz hazırıq, - deyə o
  // bildirib, - amma ...", "Мы готовы, — заявил он, — но ..."): without
  // the writer's words between ", -" and ", -", the speaker's may be whole.
  const bool fine = c.verdict == Verdict::verbatim || c.verdict == Verdict::truncated ||
                    c.verdict == Verdict::elided;
  for (std::size_t i = 1; !fine && i < q.tokens.size(); ++i) {
    if (!q.comma_dash_before[i]) continue;
    for (std::size_t j = i + 1; j < q.tokens.size() && j <= i + kMaxAsideWords; ++j) {
      if (!q.comma_dash_before[j]) continue;
      Tokenized without = q;
      without.tokens.erase(without.tokens.begin() + i, without.tokens.begin() + j);
      without.ellipsis_before.erase(without.ellipsis_before.begin() + i,
                                    without.ellipsis_before.begin() + j);
      Citation d = impl_->judge(quote, without, speakers);
      if (d.verdict == Verdict::verbatim || d.verdict == Verdict::truncated ||
          d.verdict == Verdict::elided) {
        c = std::move(d);
        c.reason =
            fmt::format("the writer's words inside the quote are left out: {}",
                        std::string_view(quote.text)
                            .substr(q.tokens[i].begin, q.tokens[j - 1].end - q.tokens[i].begin));
      }
      break;
    }
    break;
  }
  if (c.source != nullptr) {
    const std::string_view before = std::string_view(c.source->text).substr(0, c.source_start);
    const std::size_t nl = before.rfind('\n');
    c.source_line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    c.source_col =
        1 + text::count_code_points(nl == std::string_view::npos ? before : before.substr(nl + 1));
  }
  return c;
}

// ---------------------------------------------------------------------------
// Checker.

namespace {

ExtractOptions quotes_only(ExtractOptions o) {
  o.types = 1u << static_cast<unsigned>(RecordType::quote);
  return o;
}

bool quotation(const Record& r) {
  return r.type == RecordType::quote && r.kind != QuoteKind::indirect;
}

}  // namespace

Checker::Checker(std::shared_ptr<const RuleSet> rules, ExtractOptions options)
    : drafts_(rules, quotes_only(options)), sources_(rules, quotes_only(ExtractOptions{})) {}

void Checker::add_source(Document doc) {
  std::string lang =
      doc.lang.empty() ? text::detect_language(text::normalize(doc.text).text) : doc.lang;
  index_.add(std::move(doc.id), std::move(doc.text), std::move(lang));
}

void Checker::build() {
  index_.build();
}

std::vector<Citation> Checker::check(const Document& draft) {
  const SpeakerLookup lookup = [this](const Source& s) -> const SourceQuotes& {
    auto it = source_quotes_.find(&s);
    if (it == source_quotes_.end()) {
      it = source_quotes_.emplace(&s, sources_.extract(Document{s.id, s.text, s.lang, ""})).first;
    }
    return it->second;
  };
  std::vector<Citation> out;
  for (const Record& r : drafts_.extract(draft)) {
    if (quotation(r)) out.push_back(index_.check(r, lookup));
  }
  return out;
}

std::vector<Record> Checker::quotations(const Document& draft) const {
  std::vector<Record> out;
  for (Record& r : drafts_.extract(draft)) {
    if (quotation(r) && r.speaker) out.push_back(std::move(r));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Output.

std::string to_json(const Citation& c) {
  json::Obj o;
  o.str("doc", c.quote.doc);
  o.str("type", "citation");
  o.str("text", c.quote.text);
  o.place(c.quote);
  o.str("lang", c.quote.lang);
  o.str("rule", c.quote.rule);
  // The quote's id, made a citation's: stable across runs like it.
  o.str("id", fmt::format("{:016x}", util::fnv1a(c.quote.id + "\x1f"
                                                              "citation")));
  if (c.quote.meta) o.raw("meta", *c.quote.meta);
  o.str("kind", to_string(c.quote.kind));
  o.str("verdict", to_string(c.verdict));
  o.raw("similarity", fmt::format("{:.3f}", c.similarity));
  if (c.source != nullptr) {
    o.str("source", c.source->id);
    o.num("source_start", c.source_start);
    o.num("source_end", c.source_end);
    o.num("source_line", c.source_line);
    o.num("source_col", c.source_col);
    o.str("source_text",
          std::string_view(c.source->text).substr(c.source_start, c.source_end - c.source_start));
  } else {
    o.raw("source", "null");
    o.raw("source_start", "null");
    o.raw("source_end", "null");
    o.raw("source_line", "null");
    o.raw("source_col", "null");
    o.raw("source_text", "null");
  }
  o.opt("diff", c.diff.empty() ? std::nullopt : std::optional<std::string>(c.diff));
  o.opt("reason", c.reason.empty() ? std::nullopt : std::optional<std::string>(c.reason));
  o.opt("speaker", c.quote.speaker);
  o.opt("source_speaker", c.source_speaker);
  o.raw("speaker_mismatch", c.speaker_mismatch ? "true" : "false");
  o.s.push_back('}');
  return o.s;
}

namespace {

const char* kRed = "\x1b[31m";
const char* kGreen = "\x1b[32m";
const char* kBold = "\x1b[1m";
const char* kReset = "\x1b[0m";

// The word diff with its markers turned into colours.
std::string colour_diff(const std::string& diff) {
  std::string out;
  for (std::size_t i = 0; i < diff.size();) {
    if (diff.compare(i, 2, "[-") == 0 || diff.compare(i, 2, "{+") == 0) {
      const bool minus = diff[i] == '[';
      const std::size_t e = diff.find(minus ? "-]" : "+}", i + 2);
      if (e != std::string::npos) {
        out += minus ? kRed : kGreen;
        out += minus ? "[-" : "{+";
        out.append(diff, i + 2, e - i - 2);
        out += minus ? "-]" : "+}";
        out += kReset;
        i = e + 2;
        continue;
      }
    }
    out.push_back(diff[i++]);
  }
  return out;
}

}  // namespace

std::string to_text(const Citation& c, bool color) {
  const bool fine = c.verdict == Verdict::verbatim || c.verdict == Verdict::truncated ||
                    c.verdict == Verdict::elided;
  std::string out = fmt::format("{}:{}:{}: ", c.quote.doc, c.quote.line, c.quote.col);
  const std::string verdict(to_string(c.verdict));
  if (color) {
    out += (fine && !c.speaker_mismatch) ? kGreen : kRed;
    out += kBold + verdict + kReset;
  } else {
    out += verdict;
  }
  if (c.source != nullptr && c.verdict != Verdict::other_language) {
    out += fmt::format(" ({:.2f})", c.similarity);
  }
  if (c.quote.speaker) out += fmt::format(" {}:", *c.quote.speaker);
  out += fmt::format(" «{}»\n", c.quote.text);
  if (c.source != nullptr) {
    out += fmt::format("    source {}:{}:{}", c.source->id, c.source_line, c.source_col);
    if (c.verdict == Verdict::other_language || c.verdict == Verdict::truncated ||
        c.verdict == Verdict::elided || !c.reason.empty()) {
      out += fmt::format(
          ": {}",
          std::string_view(c.source->text).substr(c.source_start, c.source_end - c.source_start));
    }
    out += "\n";
  }
  if (!c.diff.empty()) out += "    " + (color ? colour_diff(c.diff) : c.diff) + "\n";
  if (!c.reason.empty()) out += "    " + c.reason + "\n";
  if (c.speaker_mismatch) {
    out += fmt::format("    speaker mismatch: the draft says {}, the source {}\n",
                       c.quote.speaker.value_or("?"), c.source_speaker.value_or("?"));
  }
  return out;
}

// ---------------------------------------------------------------------------
// --consistency.

namespace {

// A quote as --consistency compares it: word stems (the first five letters:
// "dəstəkləmişdir" and "dəstəkləyib" meet) and numbers.
struct Stems {
  std::vector<std::uint64_t> words;  // in order, for "one is a piece of the other"
  std::set<std::uint64_t> stems;
  std::set<std::string> numbers;
  std::uint64_t last = 0;  // the stem of the last word
};

// Languages that put the verb last (az, tr, kk): there the last word of a
// statement is its predicate, and two renderings keep it.
bool verb_final(std::string_view lang) {
  return lang == "az" || lang == "tr" || lang == "kk";
}

Stems stems_of(const Record& r) {
  Stems out;
  const Tokenized t = tokenize(r.text, r.lang);
  for (const Token& tok : t.tokens) {
    out.words.push_back(tok.hash);
    const std::string word =
        text::lower(std::string_view(r.text).substr(tok.begin, tok.end - tok.begin), r.lang);
    if (tok.number) {
      out.numbers.insert(word);
      out.stems.insert(util::fnv1a(word));
      continue;
    }
    std::size_t end = 0, letters = 0, len;
    while (end < word.size() && letters < 5) {
      text::decode(word, end, &len);
      end += len;
      ++letters;
    }
    out.stems.insert(out.last = util::fnv1a(word.substr(0, end)));
  }
  return out;
}

bool piece_of(const std::vector<std::uint64_t>& small, const std::vector<std::uint64_t>& big) {
  return !small.empty() &&
         std::search(big.begin(), big.end(), small.begin(), small.end()) != big.end();
}

// Renderings share at least this weighted share of their stems.
constexpr double kRenderingSimilarity = 0.30;
// ... or this much, with the same predicate and two rare words in common.
constexpr double kLooseRenderingSimilarity = 0.12;

}  // namespace

std::vector<RenderingGroup> find_renderings(const std::vector<Record>& quotes) {
  // Speakers: one person under several names ("Qasımzadə", "Rüstəm Qasımzadə",
  // an alias's variants: one speaker_id).
  std::vector<const Record*> names;  // the first quote of each name
  for (const Record& r : quotes) {
    if (r.speaker && std::none_of(names.begin(), names.end(),
                                  [&](const Record* n) { return *n->speaker == *r.speaker; })) {
      names.push_back(&r);
    }
  }
  std::vector<std::size_t> person(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    person[i] = i;
    for (std::size_t j = 0; j < i; ++j) {
      const Record &a = *names[i], &b = *names[j];
      if ((a.speaker_id && a.speaker_id == b.speaker_id) ||
          same_person(*a.speaker, *b.speaker, a.lang)) {
        person[i] = person[j];
        break;
      }
    }
  }
  // Each quote's person, found once.
  std::vector<std::size_t> person_of(quotes.size(), names.size());
  for (std::size_t k = 0; k < quotes.size(); ++k) {
    for (std::size_t i = 0; i < names.size() && quotes[k].speaker; ++i) {
      if (*names[i]->speaker == *quotes[k].speaker) person_of[k] = person[i];
    }
  }
  std::vector<Stems> stems;
  std::unordered_map<std::uint64_t, std::size_t> df;
  for (const Record& r : quotes) {
    stems.push_back(stems_of(r));
    for (std::uint64_t s : stems.back().stems) df[s] += 1;
  }
  const double n = static_cast<double>(quotes.size());
  const std::size_t rare_df = std::max<std::size_t>(3, quotes.size() / 50);
  auto weight = [&](std::uint64_t s) { return std::log(1.0 + n / static_cast<double>(df[s])); };
  // Pairs that render one statement, joined into groups.
  std::vector<std::size_t> group(quotes.size());
  for (std::size_t i = 0; i < group.size(); ++i) group[i] = i;
  auto root = [&](std::size_t i) {
    while (group[i] != i) i = group[i] = group[group[i]];
    return i;
  };
  std::map<std::size_t, double> weakest;
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    if (!quotes[i].speaker) continue;
    for (std::size_t j = i + 1; j < quotes.size(); ++j) {
      if (!quotes[j].speaker || person_of[i] != person_of[j]) continue;
      const Stems &a = stems[i], &b = stems[j];
      // The same words, or a piece of the other: not another rendering.
      if (piece_of(a.words, b.words) || piece_of(b.words, a.words)) continue;
      // Figures that differ: another statement.
      if (!a.numbers.empty() && !b.numbers.empty() && a.numbers != b.numbers) continue;
      double shared = 0, wa = 0, wb = 0;
      for (std::uint64_t s : a.stems) {
        wa += weight(s);
        if (b.stems.count(s)) shared += weight(s);
      }
      for (std::uint64_t s : b.stems) wb += weight(s);
      const double sim = 2 * shared / (wa + wb);
      // A looser rendering keeps the predicate and at least two words that
      // few other quotes hold ("işğal olunmuş zaman … dəstəkləmişdir",
      // "işğal dövründə … dəstəkləyib").
      std::size_t rare = 0;
      for (std::uint64_t st : a.stems) rare += b.stems.count(st) && df[st] <= rare_df ? 1 : 0;
      const bool same_predicate =
          verb_final(quotes[i].lang) && verb_final(quotes[j].lang) && a.last == b.last;
      if (sim < kRenderingSimilarity &&
          !(same_predicate && rare >= 2 && sim >= kLooseRenderingSimilarity)) {
        continue;
      }
      const std::size_t ri = root(i), rj = root(j);
      const double w = std::min(
          {sim, weakest.count(ri) ? weakest[ri] : 1.0, weakest.count(rj) ? weakest[rj] : 1.0});
      group[ri] = rj;
      weakest[rj] = w;
    }
  }
  std::map<std::size_t, RenderingGroup> by_root;
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    const std::size_t r = root(i);
    if (r == i && !weakest.count(r)) continue;  // alone
    RenderingGroup& g = by_root[r];
    g.members.push_back(quotes[i]);
    if (quotes[i].speaker->size() > g.speaker.size()) g.speaker = *quotes[i].speaker;
    g.similarity = weakest.count(r) ? weakest[r] : 0;
  }
  std::vector<RenderingGroup> out;
  for (auto& [r, g] : by_root) {
    if (g.members.size() >= 2) out.push_back(std::move(g));
  }
  return out;
}

std::string to_json(const RenderingGroup& g) {
  json::Obj o;
  o.str("type", "rendering_group");
  std::string ids;
  for (const Record& r : g.members) ids += r.id + "\x1f";
  o.str("id", fmt::format("{:016x}", util::fnv1a(ids)));
  o.str("speaker", g.speaker);
  o.raw("similarity", fmt::format("{:.3f}", g.similarity));
  std::string members = "[";
  for (const Record& r : g.members) {
    json::Obj m;
    m.str("doc", r.doc);
    m.str("text", r.text);
    m.place(r);
    m.opt("speaker", r.speaker);
    m.s.push_back('}');
    if (members.size() > 1) members.push_back(',');
    members += m.s;
  }
  o.raw("members", members + "]");
  o.s.push_back('}');
  return o.s;
}

std::string to_text(const RenderingGroup& g, bool color) {
  std::string out = fmt::format("{}{}{}: {} renderings of one statement (similarity {:.2f})\n",
                                color ? kBold : "", g.speaker, color ? kReset : "",
                                g.members.size(), g.similarity);
  for (const Record& r : g.members) {
    out += fmt::format("    {}:{}:{}: «{}»\n", r.doc, r.line, r.col, r.text);
  }
  return out;
}

}  // namespace quotex::check
