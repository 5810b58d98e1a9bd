#include "resolve/numbers.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>

#include <unicode/uchar.h>

#include "resolve/names.hpp"
#include "text/utf8.hpp"
#include "util/iso_date.hpp"

namespace quotex::resolve {

namespace {

std::optional<long> to_int(std::string_view s) {
  s = text::trim(s);
  long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// The lexicon value of what a group captured; the group may sit in the
// rule's pattern or in one of its context patterns.
const std::string* rule_value(const match::Hit& hit, const std::string& group, std::string_view raw,
                              const std::string& lang) {
  for (const detail::Pattern* p : {hit.pattern, &hit.rule->before, &hit.rule->after}) {
    if (const std::string* v = detail::lookup_value(*p, group, raw, lang)) return v;
  }
  return nullptr;
}

// Value of a group through the lexicons inside it, else its own text.
std::string group_value(const match::Hit& hit, std::string_view text, const std::string& group,
                        const std::string& lang) {
  std::string_view raw = hit.text_of(text, group);
  if (raw.empty()) return std::string();
  if (const std::string* v = rule_value(hit, group, raw, lang)) return *v;
  return std::string(text::trim(raw));
}

// Value of a field: captured (through lexicons) or fixed by the rule's `set`.
std::string field(const match::Hit& hit, std::string_view text, const std::string& name,
                  const std::string& lang) {
  std::string v = group_value(hit, text, name, lang);
  if (!v.empty()) return v;
  const std::string* fixed = hit.rule->fixed_value(name);
  return fixed != nullptr ? *fixed : std::string();
}

// Does a word end with one of the lexicon's suffixes (and keep a stem of
// two letters or more before it)?
bool ends_with_any(std::string_view word, const detail::Lexicon* suffixes) {
  if (suffixes == nullptr) return false;
  for (const std::string& suf : suffixes->words) {
    if (word.size() >= suf.size() + 2 && word.ends_with(suf)) return true;
  }
  return false;
}

// A word in the ablative (the pack's ablative_suffix): a source or a start,
// never a deadline or a metric.
bool in_ablative(std::string_view word, const detail::LanguageRules& lr) {
  const auto ablative = lr.suffix_of_case.find("ablative");
  return ablative != lr.suffix_of_case.end() && ends_with_any(word, ablative->second);
}

// A number as the rule captured it: digits ("2,5", "1 200"), a number word
// through the rule's lexicons ("yarım"), or a compound of numbers and scale
// words ("44 milyard 969,4" of "44 milyard 969,4 milyon manat"): the parts
// that carry their own scale word are summed in `scaled`, the last part is
// `last`. `decimal_single`: a scale word follows, so a lone separator is a
// decimal one ("2.352 milyard" is 2.352 billion, not 2352 billion).
struct Number {
  double scaled = 0;
  double last = 0;
};

std::optional<Number> number_value(const match::Hit& hit, const std::string& group,
                                   std::string_view raw, const std::string& lang,
                                   bool decimal_single) {
  auto digits = [&](std::string_view s, bool scaled) -> std::optional<double> {
    std::size_t seps = 0, at = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '.' || s[i] == ',') ++seps, at = i;
    }
    if (scaled && seps == 1) {
      std::string d(s);
      d[at] = '.';
      return parse_number(d, "en");
    }
    return parse_number(s, lang);
  };
  Number out;
  std::string cur;  // digits of the part being read ("10 972" stays one number)
  bool have_last = false;
  for (std::size_t i = 0; i < raw.size();) {
    while (i < raw.size() && text::is_space(static_cast<unsigned char>(raw[i]))) ++i;
    const std::size_t b = i;
    while (i < raw.size() && !text::is_space(static_cast<unsigned char>(raw[i]))) ++i;
    if (b == i) break;
    std::string_view tok = raw.substr(b, i - b);
    if (tok.find_first_of("0123456789") != std::string_view::npos) {
      if (!cur.empty()) cur += ' ';
      cur += tok;
      continue;
    }
    if (tok.ends_with('.')) tok.remove_suffix(1);  // "mlrd."
    const std::string* v = rule_value(hit, group, tok, lang);
    const std::optional<double> val = v != nullptr ? parse_number(*v, "en") : std::nullopt;
    if (!val) return std::nullopt;
    if (!cur.empty()) {  // a scale word after a number
      const std::optional<double> n = digits(cur, true);
      if (!n) return std::nullopt;
      out.scaled += *n * *val;
      cur.clear();
    } else if (out.scaled == 0 && !have_last) {  // a number word ("yarım")
      out.last = *val;
      have_last = true;
    } else {
      return std::nullopt;
    }
  }
  if (!cur.empty()) {
    const std::optional<double> n = digits(cur, decimal_single);
    if (!n) return std::nullopt;
    out.last = *n;
    have_last = true;
  }
  if (!have_last && out.scaled == 0) return std::nullopt;
  return out;
}

// Value and unit shared by amounts and targets. A range ("14-15 milyard")
// gives value and value_max; a compound ("44 milyard 969,4 milyon") one value.
bool quantity(const match::Hit& hit, std::string_view text, const std::string& lang, Record* r) {
  const std::string scale = field(hit, text, "scale", lang);
  std::optional<double> mult = 1.0;
  if (!scale.empty()) mult = parse_number(scale, "en");
  if (!mult) return false;
  const std::optional<Number> n =
      number_value(hit, "number", hit.text_of(text, "number"), lang, !scale.empty());
  if (!n) return false;
  // "One" spelled out before a bare unit is the basis of a price or rate
  // ("bir barelinin qiyməti", "bir ton taxıl 300 manatdır"), not a quantity.
  if (const std::string_view raw = text::trim(hit.text_of(text, "number"));
      scale.empty() && n->scaled == 0 && n->last == 1 && !raw.empty() &&
      !std::isdigit(static_cast<unsigned char>(raw.front()))) {
    return false;
  }
  // A decimal times its scale word is exact as written: "32,7 min" is
  // 32700, not the nearest binary product 32700.000000000004 (figures in
  // text never carry more than 15 significant digits).
  const bool multiplied = *mult != 1.0 || n->scaled != 0;
  auto as_written = [multiplied](double v) {
    return multiplied ? std::stod(fmt::format("{:.15g}", v)) : v;
  };
  const double value = as_written(n->scaled + n->last * *mult);
  r->value = value;
  if (const std::string_view raw_max = hit.text_of(text, "number_max"); !raw_max.empty()) {
    const std::optional<Number> m = number_value(hit, "number_max", raw_max, lang, !scale.empty());
    // An upper end below the lower one is not a range ("2022-26" is no amount).
    if (m && m->scaled + m->last * *mult > value) {
      r->value_max = as_written(m->scaled + m->last * *mult);
    }
  }
  // "mənfi 28,6 metr": a sign word before the figure (the pack's `sign`
  // group) makes it negative, a range's ends and all.
  if (const match::Capture* sign = hit.group("sign"); sign != nullptr && sign->end > sign->begin) {
    r->value = -*r->value;
    if (r->value_max) {
      r->value_max = -*r->value_max;
      std::swap(*r->value, *r->value_max);
    }
  }
  std::string currency = field(hit, text, "currency", lang);
  std::string unit = field(hit, text, "unit", lang);
  std::string& u = !currency.empty() ? currency : unit;
  if (!u.empty()) {
    // "AZN/100": the word names a hundredth of the currency ("qəpik").
    if (const std::size_t slash = u.find('/'); slash != std::string::npos) {
      std::optional<double> div = parse_number(u.substr(slash + 1), "en");
      if (!div || *div == 0) return false;
      r->value = *r->value / *div;
      if (r->value_max) r->value_max = *r->value_max / *div;
      u.resize(slash);
    }
    r->unit = u;
  }
  std::string bound = field(hit, text, "bound", lang);
  if (bound.empty()) bound = group_value(hit, text, "bound_after", lang);
  if (!bound.empty()) r->bound = bound;
  // A figure beyond the range of a double keeps its record with no value
  // (the pipeline warns); JSON has no infinity.
  if (r->value_max && !std::isfinite(*r->value_max)) r->value_max.reset();
  if (!std::isfinite(*r->value)) r->value.reset(), r->value_max.reset();
  return true;
}

}  // namespace

std::optional<double> parse_number(std::string_view s, std::string_view lang) {
  s = text::trim(s);
  if (s.empty()) return std::nullopt;
  const char decimal = lang == "en" ? '.' : ',';
  const char other = decimal == ',' ? '.' : ',';
  std::string digits;
  std::size_t last_decimal = std::string_view::npos;
  std::size_t last_other = std::string_view::npos;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == decimal) last_decimal = i;
    if (s[i] == other) last_other = i;
  }
  // "2.5" in a decimal-comma language: a separator followed by other than
  // three digits is a decimal point.
  if (last_decimal == std::string_view::npos && last_other != std::string_view::npos) {
    std::size_t tail = s.size() - last_other - 1;
    std::size_t count = 0;
    for (char c : s) count += c == other;
    if (count == 1 && tail != 3) last_decimal = last_other;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (i == last_decimal) {
      digits.push_back('.');
    } else if (c == ',' || c == '.' || c == ' ' || c == '\'') {
      // thousands separator
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty() || digits == ".") return std::nullopt;
  double v = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (p != digits.data() + digits.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // Too large for a double (the record keeps its text, with value null),
    // or too small to be anything but zero.
    const std::size_t whole = digits.find_first_not_of('0');
    return whole == std::string::npos || digits[whole] == '.' ? 0.0 : HUGE_VAL;
  }
  if (ec != std::errc()) return std::nullopt;
  return v;
}

std::optional<std::string> add_days(std::string_view iso, long days) {
  if (iso.size() != 10) return std::nullopt;
  auto y = to_int(iso.substr(0, 4)), m = to_int(iso.substr(5, 2)), d = to_int(iso.substr(8, 2));
  if (!y || !m || !d || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  using namespace std::chrono;
  year_month_day ymd{year(static_cast<int>(*y)), month(static_cast<unsigned>(*m)),
                     day(static_cast<unsigned>(*d))};
  if (!ymd.ok()) return std::nullopt;
  year_month_day out{sys_days(ymd) + std::chrono::days(days)};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(out.year()),
                     static_cast<unsigned>(out.month()), static_cast<unsigned>(out.day()));
}

bool resolve_date(const match::Hit& hit, std::string_view text, const std::string& lang,
                  const std::string& doc_date, Record* r) {
  std::string offset = group_value(hit, text, "day_offset", lang);
  if (!offset.empty()) {
    auto days = to_int(offset);
    if (!days || doc_date.empty()) return false;
    auto v = add_days(doc_date, *days);
    if (!v) return false;
    r->date_value = *v;
    r->relative = true;
    return true;
  }
  std::string month_offset = group_value(hit, text, "month_offset", lang);
  if (!month_offset.empty()) {
    auto delta = to_int(month_offset);
    if (!delta || doc_date.size() < 7) return false;
    auto y = to_int(doc_date.substr(0, 4)), m = to_int(doc_date.substr(5, 2));
    if (!y || !m) return false;
    long months = *y * 12 + (*m - 1) + *delta;
    r->date_value = fmt::format("{:04}-{:02}", months / 12, months % 12 + 1);
    r->relative = true;
    return true;
  }
  std::optional<long> year, month, day;
  // The document's year, 0 when it has none.
  const long base_year = doc_date.size() >= 4 ? to_int(doc_date.substr(0, 4)).value_or(0) : 0;
  if (hit.group("year_offset")) {
    // "ötən il", "gələn ilin mart ayında": a year relative to the document's.
    // Without the document's year a day of a month still stands ("ötən
    // ilin may ayının 4-də": "--05-04"); a year or a month alone says
    // nothing.
    auto delta = to_int(group_value(hit, text, "year_offset", lang));
    if (!delta || (base_year == 0 && !(hit.group("month") && hit.group("day")))) return false;
    if (base_year != 0) year = base_year + *delta;
    r->relative = true;
  }
  if (hit.group("year")) year = to_int(group_value(hit, text, "year", lang));
  // A quarter ("2023-cü ilin üçüncü rübündə") or a season ("ötən ilin
  // payızında", its first month in the pack) is three months.
  std::optional<long> three_months;  // the first of them
  if (hit.group("quarter")) {
    auto q = to_int(group_value(hit, text, "quarter", lang));
    if (!q || *q < 1 || *q > 4) return false;
    three_months = *q * 3 - 2;
  } else if (hit.group("season")) {
    three_months = to_int(group_value(hit, text, "season", lang));
    if (!three_months || *three_months < 1 || *three_months > 10) return false;
  }
  bool part_of_year = three_months.has_value();
  if (three_months) {
    month = *three_months;
  } else if (hit.group("month")) {
    month = to_int(group_value(hit, text, "month", lang));
  } else if (const std::string* fixed = hit.rule->fixed_value("month")) {
    month = to_int(*fixed);  // "ilin sonunadək": the rule says December
    part_of_year = true;
  }
  // A part of "the year" with no year named is of the document's year, and
  // nothing without one ("İlin sonuna qədər" in an undated text).
  if (part_of_year && !year) {
    if (base_year == 0) return false;
    year = base_year;
    r->relative = true;
  }
  if (hit.group("day")) day = to_int(group_value(hit, text, "day", lang));
  if (year && (*year < 1000 || *year > 2999)) return false;
  if (month && (*month < 1 || *month > 12)) return false;
  if (day &&
      (!month || *day < 1 || *day > util::days_in_month(year ? int(*year) : 2000, int(*month)))) {
    return false;
  }
  // A range: "2027-2030-cu illər", "2022-26-cı illər", "yanvar-fevral aylarında".
  std::optional<long> year_max, month_max, day_max;
  if (hit.group("year_max")) {
    year_max = to_int(group_value(hit, text, "year_max", lang));
    // Two digits carry on the century of the first year ("2022-26").
    if (year_max && year && *year_max < 100) year_max = *year / 100 * 100 + *year_max;
    if (!year_max || !year || *year_max <= *year || *year_max > 2999) return false;
  }
  if (three_months) {
    month_max = *three_months + 2;
  } else if (hit.group("month_max") || hit.rule->fixed_value("month_max") != nullptr) {
    month_max = to_int(field(hit, text, "month_max", lang));
    if (!month_max || !month || *month_max <= *month || *month_max > 12) return false;
  }
  // Days of one month: "yanvarın 23-24-də".
  if (hit.group("day_max")) {
    day_max = to_int(group_value(hit, text, "day_max", lang));
    if (!day_max || !day || *day_max <= *day ||
        *day_max > util::days_in_month(year ? int(*year) : 2000, int(*month))) {
      return false;
    }
  }
  // Without the document's year, a yearless date keeps its place open
  // ("--10-21", "--05").
  const std::string doc_year = doc_date.size() >= 4 ? doc_date.substr(0, 4) : std::string();
  auto iso = [&](std::optional<long> y, std::optional<long> m, std::optional<long> d) {
    if (y && m && d) return fmt::format("{:04}-{:02}-{:02}", *y, *m, *d);
    if (y && m) return fmt::format("{:04}-{:02}", *y, *m);
    if (y && !d) return fmt::format("{:04}", *y);
    // The document's year lends itself only where the day exists in it:
    // "29 fevral" in a 2023 article stays "--02-29".
    if (m && !doc_year.empty() &&
        (!d || *d <= util::days_in_month(int(to_int(doc_year).value_or(2000)), int(*m)))) {
      r->relative = true;
      return d ? fmt::format("{}-{:02}-{:02}", doc_year, *m, *d)
               : fmt::format("{}-{:02}", doc_year, *m);
    }
    if (m) return d ? fmt::format("--{:02}-{:02}", *m, *d) : fmt::format("--{:02}", *m);
    return std::string();
  };
  r->date_value = iso(year, month, day);
  if (r->date_value.empty()) return false;
  // Appended in two steps: `"/" + std::string&&` trips GCC 12's -Wrestrict at -O3.
  const auto interval_end = [&](const std::string& end) {
    r->date_value += '/';
    r->date_value += end;
  };
  if (year_max) interval_end(iso(year_max, month, day));
  if (month_max) interval_end(iso(year, month_max, std::nullopt));
  if (day_max) interval_end(iso(year, month, day_max));
  return true;
}

bool resolve_amount(const match::Hit& hit, std::string_view text, const std::string& lang,
                    Record* r) {
  return quantity(hit, text, lang, r);
}

namespace {

// Where text[b, end) starts after the last word before its head word (the
// last one) that `cuts`; b when none does.
template <typename Pred>
std::size_t after_last_word(std::string_view text, std::size_t b, std::size_t end, Pred cuts) {
  std::size_t from = b;
  for (std::size_t i = b; i < end;) {
    const std::size_t sp = text.find(' ', i);
    if (sp == std::string_view::npos || sp >= end) break;  // the head word stays
    if (cuts(text.substr(i, sp - i))) from = sp + 1;
    i = sp + 1;
  }
  return from;
}

// Does any word of `words` name a metric, not being one of the pack's
// metric_stop ("isə", "gələn il" name none)?
bool names_metric(std::string_view words, const detail::LanguageRules& lr, std::string_view lang) {
  for (std::size_t i = 0; i < words.size();) {
    const std::size_t sp = std::min(words.find(' ', i), words.size());
    if (!detail::in_lexicon(lr.metric_stop, words.substr(i, sp - i), lang)) return true;
    i = sp + 1;
  }
  return false;
}

}  // namespace

std::size_t metric_start(const match::Hit& hit, std::string_view text,
                         const detail::LanguageRules& lr) {
  const match::Capture* m = hit.group("metric");
  if (m == nullptr) return hit.begin;
  auto in = [&](const detail::Lexicon* lex) {
    return [&lr, lex](std::string_view word) { return detail::in_lexicon(lex, word, lr.lang); };
  };
  // "ilin sonuna qədər inflyasiyanın", "sonuna isə bu xərclərin": the metric
  // starts after the last word that closes a frame before it.
  std::size_t b = after_last_word(text, m->begin, m->end, in(lr.metric_break));
  // ... unless nothing after that word names a metric ("İxrac isə bu il"):
  // then the words before it do, and the words after are trimmed.
  if (!names_metric(text.substr(b, m->end - b), lr, lr.lang)) b = m->begin;
  for (;;) {
    std::size_t sp = text.find(' ', b);
    if (sp == std::string_view::npos || sp >= m->end) break;  // keep the head word
    std::string_view word = text.substr(b, sp - b);
    std::size_t len;
    const bool upper = u_isupper(text::decode(word, 0, &len)) != 0;
    // Capitalised words start a metric only at the start of a sentence or
    // of a list item.
    std::size_t k = b;
    while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t')) --k;
    const std::string_view before = text.substr(0, k);
    const bool sentence_start =
        k == 0 || std::string_view(".!?\n-:\"").find(text[k - 1]) != std::string_view::npos ||
        before.ends_with("“") || before.ends_with("«") || before.ends_with("•");
    if (!in(lr.metric_stop)(word) && (!upper || sentence_start)) break;
    b = sp + 1;
  }
  // When the metric is an object ("büdcəsini"), an earlier noun with a
  // possessive ending ("klub rəhbərliyi transfer büdcəsini") is the subject.
  const std::string_view head = text.substr(b, m->end - b);
  const std::size_t head_at = head.rfind(' ');
  const std::string_view head_word =
      head_at == std::string_view::npos ? head : head.substr(head_at + 1);
  if (ends_with_any(head_word, lr.accusative_suffix)) {
    b = after_last_word(text, b, m->end,
                        [&](std::string_view w) { return ends_with_any(w, lr.possessive_suffix); });
  }
  // A word in the locative or ablative ("arasında", "sahəsində") ends an
  // adverbial before the metric, never a part of it; so does a participle
  // with a personal ending ("inşa edəcəyimiz stansiyaların"): the pack's
  // adverbial_suffix lexicon.
  return after_last_word(text, b, m->end,
                         [&](std::string_view w) { return ends_with_any(w, lr.adverbial_suffix); });
}

bool resolve_target(const match::Hit& hit, std::string_view text, const std::string& lang,
                    const detail::LanguageRules& lr, std::size_t metric_begin, Record* r) {
  if (!quantity(hit, text, lang, r)) return false;
  std::string direction = field(hit, text, "direction", lang);
  if (!direction.empty()) r->direction = direction;
  std::string deadline = field(hit, text, "deadline", lang);
  if (!deadline.empty()) r->deadline = deadline;
  // A clause that leaves its metric out ("…, gələn il isə 2,2% artacağını"):
  // the chain before it names it (chain_targets), or there is no target.
  if (const std::string* from = hit.rule->fixed_value("metric_from");
      from != nullptr && *from == "chain" && hit.group("metric") == nullptr) {
    return true;
  }
  std::string_view metric;
  if (const match::Capture* m = hit.group("metric"); m != nullptr && metric_begin < m->end) {
    metric = text::trim(text.substr(metric_begin, m->end - metric_begin), ",");
  }
  // "22 min müəllimin maaşı artırılacaq": a figure without a unit followed
  // by a genitive counts the possessor; it is no target. Nor is one whose
  // unit, in a case, was read as its metric ("10 min tona çatdırılacağı").
  if (const match::Capture* n = hit.group("number");
      n != nullptr && !r->unit && metric_begin >= n->end) {
    const std::size_t sp = metric.find(' ');
    const std::string_view first = metric.substr(0, sp);
    if (sp != std::string_view::npos && lr.genitive_suffix != nullptr) {
      for (const std::string& suf : lr.genitive_suffix->words) {
        if (first.size() > suf.size() + 2 && first.ends_with(suf)) return false;
      }
    }
    if (lr.unit_word != nullptr) {
      const std::string folded = text::fold_key(first, lang);
      for (const std::string& unit : lr.unit_word->words) {
        if (unit.size() < 2 || !folded.starts_with(unit)) continue;
        const std::string_view rest = std::string_view(folded).substr(unit.size());
        if (rest.empty() || detail::in_lexicon(lr.case_suffix, rest, lang)) return false;
      }
    }
  }
  auto in = [&](const detail::Lexicon* lex, std::string_view word) {
    return detail::in_lexicon(lex, word, lang);
  };
  auto last_word = [](std::string_view s) {
    const std::size_t sp = s.rfind(' ');
    return sp == std::string_view::npos ? s : s.substr(sp + 1);
  };
  auto several_words = [](std::string_view s) { return s.find(' ') != std::string_view::npos; };
  auto drop_last_word = [](std::string_view s) { return text::trim(s.substr(0, s.rfind(' '))); };
  // "subsidiyaları üçün": the postposition is not part of what is measured.
  if (several_words(metric) && in(lr.metric_postposition, last_word(metric))) {
    metric = drop_last_word(metric);
  }
  // A word that never starts a metric ends none either ("illik inflyasiya
  // gələn il …": "gələn" opens the time that follows; "ümumi həcm isə"),
  // and neither does an adjective of time or a converb ("qiymətlər illik").
  while (several_words(metric) && (in(lr.metric_stop, last_word(metric)) ||
                                   ends_with_any(last_word(metric), lr.not_metric_suffix))) {
    metric = drop_last_word(metric);
  }
  // A frame word ("proqnozlarına əsasən") is no metric's head: no metric.
  if (!metric.empty() && in(lr.metric_break, last_word(metric))) return false;
  // "artaraq" and the like name no metric.
  if (ends_with_any(last_word(metric), lr.not_metric_suffix)) return false;
  // Nor does a source in the ablative ("dövlət büdcəsindən … ayrılacaq").
  if (in_ablative(last_word(metric), lr)) return false;
  // A target is tied to what it measures: none, or only words that never
  // name a metric ("isə", "gələn il"), and there is no target.
  if (!names_metric(metric, lr, lang)) return false;
  {
    std::string m = text::fold_key(metric, lang);
    // The metric is named in the nominative: drop an object suffix from its
    // last word ("ticarət həcmini" -> "ticarət həcmi"). A rule that reads a
    // bare noun (set metric_case = "nominative") keeps an ending that only
    // looks like a genitive ("tütün istehsal edəcək").
    const std::string* metric_case = hit.rule->fixed_value("metric_case");
    const bool bare = metric_case != nullptr && *metric_case == "nominative";
    if (lr.object_suffix != nullptr) {
      std::size_t cut = 0;  // the longest suffix that leaves a stem
      for (const std::string& suf : lr.object_suffix->words) {
        if (suf.size() <= cut || m.size() <= suf.size() + 2 || !m.ends_with(suf)) continue;
        // A genitive with its buffer consonant after a vowel is one even
        // there ("ziyarətçinin qatılacağı": the visitors, who will come).
        if (bare && in(lr.genitive_suffix, suf) &&
            !(has_buffer(suf, lr) &&
              suffix_fits(std::string_view(m).substr(0, m.size() - suf.size()), suf, lr))) {
          continue;
        }
        cut = suf.size();
      }
      m.resize(m.size() - cut);
    }
    r->metric = m;
  }
  return true;
}

namespace {

// The word after position i (up to e) joins two clauses ("proqnozlaşdırılır
// və gələn il"; not "xərclərinin isə", where the word before is a subject).
bool next_joins(std::string_view text, std::size_t i, std::size_t e,
                const detail::LanguageRules& lr) {
  while (i < e && (text[i] == ' ' || text[i] == '\t')) ++i;
  std::size_t j = i;
  while (j < e && text[j] != ' ' && text[j] != '\t') ++j;
  return j > i && detail::in_lexicon(lr.clause_joiner, text.substr(i, j - i), lr.lang);
}

// What may stand between two figures of one chain (see chain_targets).
// *verb is set when a word ends a clause in it.
bool chain_gap(std::string_view text, std::size_t b, std::size_t e,
               const std::vector<std::pair<std::size_t, std::size_t>>& dates,
               const detail::LanguageRules& lr, bool* verb) {
  *verb = false;
  auto date = std::lower_bound(dates.begin(), dates.end(), std::make_pair(b, std::size_t{0}));
  if (date != dates.begin() && std::prev(date)->second > b) --date;
  std::size_t i = b;
  while (i < e) {
    while (i < e && (text[i] == ' ' || text[i] == '\t' || text[i] == ',' || text[i] == ';')) ++i;
    if (i >= e) break;
    while (date != dates.end() && date->second <= i) ++date;
    if (date != dates.end() && date->first <= i) {  // a date: skip it whole
      i = date->second;
      continue;
    }
    std::size_t j = i;
    while (j < e && text[j] != ' ' && text[j] != '\t') ++j;
    std::string_view word = text.substr(i, j - i);
    const bool comma = word.ends_with(',');
    word = text::trim(word, ",;");
    // The case suffix of the figure before ("%-ni") or a chain word.
    const bool joins = (word.starts_with("-") && text::count_code_points(word) <= 5) ||
                       detail::in_lexicon(lr.chain_word, word, lr.lang);
    if (!joins) {
      // One word may end the clause of the figure before ("artacağı,").
      std::size_t len;
      if (*verb || u_islower(text::decode(word, 0, &len)) == 0 ||
          !(comma || next_joins(text, j, e, lr))) {
        return false;
      }
      *verb = true;
    }
    i = j;
  }
  return true;
}

}  // namespace

bool deadline_before(std::string_view text, std::size_t date_begin, std::size_t date_end,
                     std::size_t figure, const detail::LanguageRules& lr) {
  if (in_ablative(text.substr(date_begin, date_end - date_begin), lr)) return false;
  bool verb = false;
  return chain_gap(text, date_end, figure, {}, lr, &verb) && !verb;
}

std::vector<ChainLink> chain_targets(std::string_view text, const text::Segments& seg,
                                     const std::vector<ChainFigure>& figures,
                                     const std::vector<std::pair<std::size_t, std::size_t>>& dates,
                                     const detail::LanguageRules& lr) {
  std::vector<ChainLink> links;
  if (lr.chain_word == nullptr) return links;
  // The link each figure joins, by index into links (-1: not chained).
  std::vector<int> link_of(figures.size(), -1);
  std::vector<bool> verb_before;  // per link: a verb ends a clause before its figure
  for (std::size_t k = 1; k < figures.size(); ++k) {
    const ChainFigure& prev = figures[k - 1];
    const ChainFigure& f = figures[k];
    const bool prev_chained = prev.target || link_of[k - 1] >= 0;
    if (!prev_chained || f.unit.empty() || f.unit != prev.unit || prev.end > f.begin ||
        seg.sentence_at(prev.begin) != seg.sentence_at(f.begin)) {
      continue;
    }
    bool verb = false;
    if (!chain_gap(text, prev.end, f.begin, dates, lr, &verb)) continue;
    // After a verb a new clause starts: a bare figure in it has a verb of
    // its own to come, which the rules did not read.
    if (!f.target && verb) continue;
    // A target whose metric stands before the previous figure, or after its
    // own, has its own metric; one read out of the link or the previous
    // figure's suffix ("%-ni və … 39,9 %-ni") has none.
    if (f.target && (f.metric_begin < prev.begin || f.metric_begin > f.begin)) continue;
    ChainLink link;
    link.figure = k;
    link.head = link_of[k - 1] >= 0 ? links[static_cast<std::size_t>(link_of[k - 1])].head : k - 1;
    // The last date between the figures is this one's.
    for (auto d =
             std::lower_bound(dates.begin(), dates.end(), std::make_pair(prev.end, std::size_t{0}));
         d != dates.end() && d->first < f.begin; ++d) {
      if (d->second <= f.begin) link.date = static_cast<int>(d - dates.begin());
    }
    link_of[k] = static_cast<int>(links.size());
    links.push_back(link);
    verb_before.push_back(verb);
    // The figures right before this target, with no verb between, take its
    // verb ("34,2 %-ni və … 39,9 %-ni təşkil edəcək").
    if (f.target && !verb) {
      std::size_t next = k;
      for (int l = static_cast<int>(links.size()) - 2; l >= 0; --l) {
        ChainLink& before = links[static_cast<std::size_t>(l)];
        if (before.figure + 1 != next || figures[before.figure].target) break;
        before.governed_by = static_cast<int>(k);
        if (verb_before[static_cast<std::size_t>(l)]) break;
        next = before.figure;
      }
    }
  }
  return links;
}

}  // namespace quotex::resolve
