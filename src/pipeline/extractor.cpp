#include "quotex/extractor.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "match/matcher.hpp"
#include "pipeline/trace.hpp"
#include "resolve/attribution.hpp"
#include "resolve/names.hpp"
#include "resolve/numbers.hpp"
#include "resolve/quotes.hpp"
#include "resolve/speaker_id.hpp"
#include "rules/model.hpp"
#include "text/language.hpp"
#include "text/lines.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"
#include "text/utf8.hpp"
#include "util/hash.hpp"
#include "util/intervals.hpp"

namespace quotex {

namespace {

// Each record's id: the document id, the type and the text folded (NFC,
// case, spaces), so an edit elsewhere in the document leaves it alone and
// an edit of the item gives a new one; equal items of a document are told
// apart by their place among them. A part of a document after the first
// (split_document) cannot count what earlier parts held: its ids also hold
// where it starts, so they stay unique.
void assign_ids(const Document& doc, std::vector<Record>* records) {
  std::unordered_map<std::uint64_t, int> seen;
  // Fields are joined by \x1f, so no two field lists hash the same bytes.
  auto then = [](std::uint64_t h, std::string_view field) {
    return util::fnv1a(field, util::fnv1a("\x1f", h));
  };
  std::uint64_t base = util::fnv1a(doc.id);
  if (doc.part_offset > 0) base = then(base, std::to_string(doc.part_offset));
  for (Record& r : *records) {
    std::uint64_t h =
        then(then(base, to_string(r.type)), text::fold_key(text::normalize(r.text).text, r.lang));
    int& n = seen[h];
    if (n > 0) h = then(h, std::to_string(n));
    ++n;
    r.id = fmt::format("{:016x}", h);
  }
}

// After resolving: records of a part of a document (split_document) are
// placed in the whole; those of a document decoded from another encoding
// point at its source bytes; a value out of range is said.
void finish_records(const Document& doc, std::vector<Record>* records,
                    std::vector<Error>* warnings) {
  assign_ids(doc, records);
  const std::shared_ptr<const std::string> meta =
      doc.meta.empty() ? nullptr : std::make_shared<const std::string>(doc.meta);
  for (Record& r : *records) {
    r.meta = meta;
    if (r.line == 1) r.col += doc.part_col - 1;
    r.line += doc.part_line - 1;
    if ((r.type == RecordType::amount || r.type == RecordType::target) && !r.value &&
        warnings != nullptr) {
      warnings->push_back(
          Error{ErrorKind::warning, doc.id, static_cast<int>(r.line), static_cast<int>(r.col),
                fmt::format("figure '{}' is beyond the range of numbers; "
                            "its record is kept with value null",
                            r.text.size() > 60 ? r.text.substr(0, 57) + "..." : r.text)});
    }
    if (doc.source_offsets.empty()) {
      for (ClaimItem& item : r.items) item.start += doc.part_offset, item.end += doc.part_offset;
      r.start += doc.part_offset;
      r.end += doc.part_offset;
      if (r.speaker_start) *r.speaker_start += doc.part_offset;
      if (r.speaker_end) *r.speaker_end += doc.part_offset;
      continue;
    }
    // The offsets of a part's bytes in the source are those of the whole.
    auto src = [&](std::size_t off) {
      return doc.source_offsets[std::min(off, doc.source_offsets.size() - 1)];
    };
    for (ClaimItem& item : r.items) item.start = src(item.start), item.end = src(item.end);
    r.start = src(r.start);
    r.end = src(r.end);
    if (r.speaker_start) r.speaker_start = src(*r.speaker_start);
    if (r.speaker_end) r.speaker_end = src(*r.speaker_end);
  }
}

using detail::CompiledRules;
using detail::LanguageRules;
using detail::Rule;
using detail::RuleType;

// A document made ready for matching: normalized, its language known,
// segmented.
struct Prepared {
  text::NormText norm;
  std::string lang;
  const LanguageRules* lr = nullptr;
  text::Segments seg;
};

// The stages, in the order extraction runs them. Each takes what the ones
// before it made; tracing is an observer the resolving stages tell.
//
//   normalize   the text in one form (quotes, dashes, spaces; offsets kept)
//   detect      the language: forced, the document's hint, else detected
//   segment     paragraphs and sentences
//   match       every sentence rule's hits (match/matcher.hpp)
//   resolve_numbers   dates, amounts and targets from the hits
//   resolve_quotes    quotations, their attributions and speakers
//   locate      records in document order, with line and column

std::string detect(const ExtractOptions& opt, const Document& doc, std::string_view norm) {
  if (!opt.lang.empty()) return opt.lang;
  if (!doc.lang.empty()) return doc.lang;
  return text::detect_language(norm);
}

const LanguageRules* rules_of(const CompiledRules& rules, const std::string& lang) {
  const LanguageRules* lr = rules.language(lang);
  return lr != nullptr ? lr : rules.language("common");
}

Prepared prepare(const Extractor& ex, const Document& doc) {
  Prepared p;
  p.norm = text::normalize(doc.text);
  p.lang = detect(ex.options(), doc, p.norm.text);
  p.lr = rules_of(ex.rules().compiled(), p.lang);
  p.seg = text::segment(p.norm.text, p.lang);
  return p;
}

// What the resolving stages share about one document.
struct Resolving {
  const Extractor& ex;
  const Document& doc;
  const Prepared& p;
  const std::vector<match::Hit>& hits;
  std::string doc_date;  // the document's, else the run's

  // What the stages make: every type when claims are asked for (a claim
  // is built from the others), else the types asked for.
  const ExtractOptions& options;

  const ExtractOptions& opt() const { return options; }
  // A record of the document's original text for normalized [b, e).
  Record make(RecordType type, std::size_t b, std::size_t e, const Rule* rule) const {
    Record r;
    r.doc = doc.id;
    r.type = type;
    r.start = p.norm.orig_start(b);
    r.end = std::max(r.start, p.norm.orig_end(e));
    r.text = doc.text.substr(r.start, r.end - r.start);
    r.lang = rule == nullptr || rule->lang == "common" ? p.lang : rule->lang;
    r.rule = rule == nullptr ? "common.quote-marks" : rule->id;
    return r;
  }
};

std::vector<Record> resolve_numbers(const Resolving& rs);
void resolve_quotes(const Resolving& rs, resolve::Observer& observer, std::vector<Record>* records);
void locate(const Document& doc, std::vector<Record>* records);

// Records in document order: by start, then by type.
bool in_document_order(const Record& a, const Record& b) {
  if (a.start != b.start) return a.start < b.start;
  return static_cast<int>(a.type) < static_cast<int>(b.type);
}

// speaker_id: an alias's id for a name it lists, else the name's key; a
// bare title ("Azərbaycan Prezidenti bildirib") the id of whoever held it
// on the document's date, when an alias gives one.
void assign_speaker_ids(const CompiledRules& rules, const std::string& doc_date,
                        std::vector<Record>* records) {
  for (Record& r : *records) {
    if (r.type != RecordType::quote) continue;
    if (r.speaker) {
      std::string key = resolve::speaker_key(*r.speaker, r.lang);
      auto it = rules.alias_by_key.find(key);
      r.speaker_id = it != rules.alias_by_key.end() ? it->second->id : std::move(key);
      continue;
    }
    if (!r.speaker_text || doc_date.empty()) continue;
    auto it = rules.alias_by_title.find(text::fold_key(*r.speaker_text, r.lang));
    if (it == rules.alias_by_title.end()) continue;
    for (const auto& [alias, role] : it->second) {
      // ISO days compare as strings.
      if ((role->from.empty() || role->from <= doc_date) &&
          (role->to.empty() || doc_date < role->to)) {
        r.speaker_id = alias->id;
        break;
      }
    }
  }
}

// The sentences of a document in its original bytes, in order.
using Sentences = std::vector<std::pair<std::size_t, std::size_t>>;
Sentences original_sentences(const Prepared& p) {
  Sentences out;
  for (const text::Span& s : p.seg.sentences) {
    const std::size_t b = p.norm.orig_start(s.begin);
    out.emplace_back(b, std::max(b, p.norm.orig_end(s.end)));
  }
  return out;
}

// The verb of change that carries a figure: in a verb-final clause, the
// last word before the clause ends (a comma, a semicolon, the sentence's
// end) after the figure, when it starts with a stem of the pack's
// `target_verb` lexicon ("artıb", "azalacaq"). The longest stem decides the
// direction.
void find_predicate(std::string_view sentence, std::size_t figure_end, std::string_view lang,
                    const detail::Lexicon* verbs, Record* claim) {
  if (verbs == nullptr || figure_end > sentence.size()) return;
  std::size_t e = sentence.find_first_of(",;", figure_end);
  if (e == std::string_view::npos) e = sentence.size();
  // The last word: back over what is not a letter, then over letters.
  while (e > figure_end && u_isalnum(text::code_point_before(sentence, e)) == 0) {
    e = text::align_to_char(sentence, e - 1);
  }
  std::size_t b = e;
  while (b > figure_end && u_isalnum(text::code_point_before(sentence, b)) != 0) {
    b = text::align_to_char(sentence, b - 1);
  }
  if (b >= e || b < figure_end) return;
  const std::string_view word = sentence.substr(b, e - b);
  const std::string folded = text::lower(word, lang);
  std::size_t best = 0;
  for (const auto& [stem, direction] : verbs->values) {
    if (stem.size() > best && folded.starts_with(stem)) {
      best = stem.size();
      claim->direction = direction;
    }
  }
  if (best > 0) claim->predicate = std::string(word);
}

// claim records: one per sentence that holds an amount or a target, with
// the dates, amounts and targets in it, the speaker of the quotation that
// holds its first figure (none: the writer's), the verb of change and the
// date the figure is about.
void add_claims(const Document& doc, const Prepared& p, const Sentences& sentences,
                std::vector<Record>* records_out) {
  std::vector<Record>& records = *records_out;
  std::vector<Record> claims;
  text::Lines lines(doc.text);  // claims come in order: one walk
  std::vector<const Record*> quotes, open_quotes;
  for (const Record& r : records) {
    if (r.type == RecordType::quote) quotes.push_back(&r);
  }
  std::size_t next_quote = 0;
  std::size_t at = 0;  // records are in document order
  for (const auto& [sb, se] : sentences) {
    while (at < records.size() && records[at].start < sb) ++at;
    std::vector<const Record*> inside;
    for (std::size_t i = at; i < records.size() && records[i].start < se; ++i) {
      if (records[i].type != RecordType::quote && records[i].type != RecordType::claim) {
        inside.push_back(&records[i]);
      }
    }
    const auto figure = std::find_if(inside.begin(), inside.end(), [](const Record* r) {
      return r->type == RecordType::amount || r->type == RecordType::target;
    });
    if (figure == inside.end()) continue;
    const std::string_view whole = std::string_view(doc.text).substr(sb, se - sb);
    const std::string_view text = text::trim(whole);
    Record c;
    c.doc = doc.id;
    c.type = RecordType::claim;
    c.start = sb + static_cast<std::size_t>(text.data() - whole.data());
    c.end = c.start + text.size();
    c.text = std::string(text);
    c.lang = (*figure)->lang;
    c.rule = "claim";
    for (const Record* r : inside) c.items.push_back(ClaimItem{r->type, r->start, r->end});
    // The quotation that holds the figure, the smallest if several do.
    // Figures come in order: quotations join the open ones once, and leave
    // once they end before the figure.
    while (next_quote < quotes.size() && quotes[next_quote]->start <= (*figure)->start) {
      open_quotes.push_back(quotes[next_quote++]);
    }
    std::erase_if(open_quotes, [&](const Record* q) { return q->end < (*figure)->start; });
    const Record* by = nullptr;
    for (const Record* q : open_quotes) {
      if ((*figure)->end <= q->end && (by == nullptr || q->end - q->start < by->end - by->start)) {
        by = q;
      }
    }
    if (by != nullptr) {
      c.speaker = by->speaker;
      c.speaker_id = by->speaker_id;
      c.cue_class = by->cue_class;
    }
    find_predicate(text, (*figure)->end - c.start, c.lang, p.lr->target_verb, &c);
    const auto target = std::find_if(inside.begin(), inside.end(),
                                     [](const Record* r) { return r->type == RecordType::target; });
    if (target != inside.end() && (*target)->direction) c.direction = (*target)->direction;
    // The date the figure is about: a date that is no target's deadline.
    for (const Record* r : inside) {
      if (r->type != RecordType::date) continue;
      const bool deadline = std::any_of(inside.begin(), inside.end(), [&](const Record* t) {
        return t->type == RecordType::target && t->deadline == r->date_value &&
               t->start <= r->start && r->end <= t->end;
      });
      if (!deadline) {
        c.period = r->date_value;
        break;
      }
    }
    lines.locate(c.start, &c.line, &c.col);
    claims.push_back(std::move(c));
  }
  // Both runs are in document order: merged, a claim after the records it
  // starts with.
  const auto middle = static_cast<std::ptrdiff_t>(records.size());
  for (Record& c : claims) records.push_back(std::move(c));
  std::inplace_merge(records.begin(), records.begin() + middle, records.end(), in_document_order);
}

// --context: each record's enclosing sentence(s), as written.
void add_context(const Document& doc, const Prepared& p, const Sentences& sentences,
                 std::vector<Record>* records) {
  if (sentences.empty()) return;
  auto sentence_of = [&](std::size_t off) {
    const auto it = std::upper_bound(
        sentences.begin(), sentences.end(), off,
        [](std::size_t o, const std::pair<std::size_t, std::size_t>& s) { return o < s.first; });
    return it == sentences.begin() ? 0 : static_cast<std::size_t>(it - sentences.begin() - 1);
  };
  for (Record& r : *records) {
    const std::size_t first = sentence_of(r.start);
    const std::size_t last = sentence_of(r.end > r.start ? r.end - 1 : r.start);
    const std::size_t b = sentences[first].first;
    const std::size_t e = std::max(b, p.norm.orig_end(p.seg.sentences[last].end));
    r.context = std::string(text::trim(std::string_view(doc.text).substr(b, e - b)));
  }
}

// Every stage after matching.
std::vector<Record> resolve_document(const Extractor& ex, const Document& doc, const Prepared& p,
                                     const std::vector<match::Hit>& hits,
                                     resolve::Observer& observer) {
  ExtractOptions stages = ex.options();
  const bool claims = stages.wants(RecordType::claim);
  if (claims) stages.types = 0;
  const Resolving rs{ex,    doc, p, hits, !doc.date.empty() ? doc.date : ex.options().doc_date,
                     stages};
  std::vector<Record> records = resolve_numbers(rs);
  if (rs.opt().wants(RecordType::quote) || observer.wants_all_stages()) {
    resolve_quotes(rs, observer, &records);
  }
  locate(doc, &records);
  assign_speaker_ids(ex.rules().compiled(), rs.doc_date, &records);
  const Sentences sentences = claims || rs.opt().context ? original_sentences(p) : Sentences{};
  if (claims) {
    add_claims(doc, p, sentences, &records);
    std::erase_if(records, [&](const Record& r) { return !ex.options().wants(r.type); });
  }
  if (rs.opt().context) add_context(doc, p, sentences, &records);
  return records;
}

}  // namespace

Extractor::Extractor(std::shared_ptr<const RuleSet> rules, ExtractOptions options)
    : rules_(std::move(rules)), options_(std::move(options)) {}

std::vector<Record> Extractor::extract(const Document& doc, std::vector<Error>* warnings) const {
  const Prepared p = prepare(*this, doc);
  resolve::Observer none;
  std::vector<Record> records = resolve_document(
      *this, doc, p, match::match_document(p.norm.text, p.seg, *p.lr, options_.prefilter), none);
  finish_records(doc, &records, warnings);
  return records;
}

std::vector<std::vector<Record>> Extractor::extract_batch(const std::vector<Document>& docs,
                                                          std::vector<Error>* warnings) const {
  std::vector<Prepared> prepared;
  prepared.reserve(docs.size());
  for (const Document& d : docs) prepared.push_back(prepare(*this, d));
  // Documents of one language are matched together, rule by rule.
  std::vector<std::vector<match::Hit>> hits(docs.size());
  std::vector<bool> done(docs.size(), false);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (done[i]) continue;
    std::vector<std::size_t> group;
    for (std::size_t k = i; k < docs.size(); ++k) {
      if (!done[k] && prepared[k].lr == prepared[i].lr) group.push_back(k), done[k] = true;
    }
    std::vector<match::Unit> units;
    for (std::size_t k : group)
      units.push_back(match::Unit{prepared[k].norm.text, &prepared[k].seg});
    std::vector<std::vector<match::Hit>> found =
        match::match_documents(units, *prepared[i].lr, options_.prefilter);
    for (std::size_t g = 0; g < group.size(); ++g) hits[group[g]] = std::move(found[g]);
  }
  std::vector<std::vector<Record>> out;
  out.reserve(docs.size());
  resolve::Observer none;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    out.push_back(resolve_document(*this, docs[i], prepared[i], hits[i], none));
    finish_records(docs[i], &out.back(), warnings);
  }
  return out;
}

namespace detail {

namespace {

// Collects what rules did without a record, as the document's text.
class TraceCollector : public resolve::Observer {
 public:
  bool wants_all_stages() const override { return true; }
  void traced(const resolve::TraceItem& item) override { items.push_back(item); }
  std::vector<resolve::TraceItem> items;
};

}  // namespace

std::vector<Record> extract_traced(const Extractor& ex, const Document& doc,
                                   std::vector<TraceEntry>* trace) {
  const Prepared p = prepare(ex, doc);
  TraceCollector collector;
  std::vector<Record> records = resolve_document(
      ex, doc, p, match::match_document(p.norm.text, p.seg, *p.lr, ex.options().prefilter),
      collector);
  auto original = [&](resolve::Range r) {
    const std::size_t b = p.norm.orig_start(r.begin), e = p.norm.orig_end(r.end);
    return doc.text.substr(b, e - b);
  };
  for (const resolve::TraceItem& it : collector.items) {
    trace->push_back(TraceEntry{it.rule->id, original(it.text),
                                it.title.empty() ? std::string() : original(it.title)});
  }
  return records;
}

}  // namespace detail

namespace {

// Where a numeric record stands in the normalised text: its span, the
// figure that keys it (a target's number) and a target's metric start.
struct Numeric {
  std::size_t begin, end, key_begin, key_end, metric_begin;
};

// Targets among the document's other figures and dates: a date right before
// a target's figure is its deadline, one inside its metric is cut from it;
// figures chained after a target measure what it measures
// (resolve::chain_targets): a chained amount becomes a target with the
// chain's metric, its verb's direction and the date of its link as deadline;
// a chained target whose metric was read out of the link takes the chain's.
void relate_targets(const text::NormText& norm, const text::Segments& seg, const LanguageRules& lr,
                    const std::vector<Numeric>& numbers,
                    std::vector<std::pair<std::size_t, std::size_t>> unresolved_dates,
                    std::vector<Record>* records) {
  const std::string_view t = norm.text;
  std::vector<std::size_t> target_recs, amount_recs, date_recs;
  for (std::size_t i = 0; i < records->size(); ++i) {
    switch ((*records)[i].type) {
      case RecordType::target:
        target_recs.push_back(i);
        break;
      case RecordType::amount:
        amount_recs.push_back(i);
        break;
      case RecordType::date:
        date_recs.push_back(i);
        break;
      default:
        break;
    }
  }
  if (target_recs.empty()) return;
  std::sort(date_recs.begin(), date_recs.end(),
            [&](std::size_t a, std::size_t b) { return numbers[a].begin < numbers[b].begin; });
  // Every date joins a chain, also one with no value (a relative date in a
  // document without a date); only those with a value give a deadline.
  std::vector<std::pair<std::size_t, std::size_t>> dates;
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, int>> all_dates;
  for (std::size_t i : date_recs)
    all_dates.push_back({{numbers[i].begin, numbers[i].end}, static_cast<int>(i)});
  for (const auto& d : unresolved_dates) all_dates.push_back({d, -1});
  std::sort(all_dates.begin(), all_dates.end());
  std::vector<int> date_record;
  for (const auto& [span, rec] : all_dates) dates.push_back(span), date_record.push_back(rec);
  std::sort(amount_recs.begin(), amount_recs.end(),
            [&](std::size_t a, std::size_t b) { return numbers[a].begin < numbers[b].begin; });
  // Records of one type never overlap: the dates (or the amount) that may
  // stand in [b, e) are found by a binary search, not a scan per target.
  auto from = [&](const std::vector<std::size_t>& recs, std::size_t b) {
    return std::lower_bound(recs.begin(), recs.end(), b,
                            [&](std::size_t r, std::size_t pos) { return numbers[r].begin < pos; });
  };
  std::vector<std::pair<resolve::ChainFigure, std::size_t>> figs;  // figure, record
  util::Intervals target_keys;
  for (std::size_t i : target_recs) {
    const Numeric& n = numbers[i];
    target_keys.add(n.key_begin, n.key_end);
    // The figure runs through its unit and suffix: the amount that holds
    // its number, when there is one (the last to start at or before it).
    std::size_t end = n.key_end;
    auto a = from(amount_recs, n.key_begin + 1);
    if (a != amount_recs.begin() && numbers[*(a - 1)].end >= n.key_end) {
      end = std::max(end, numbers[*(a - 1)].end);
    }
    figs.push_back({resolve::ChainFigure{n.key_begin, end, n.metric_begin, true,
                                         (*records)[i].unit.value_or("")},
                    i});
  }
  for (std::size_t a : amount_recs) {
    const Numeric& n = numbers[a];
    if (target_keys.overlaps(n.begin, n.end)) continue;
    figs.push_back(
        {resolve::ChainFigure{n.begin, n.end, n.begin, false, (*records)[a].unit.value_or("")}, a});
  }
  std::sort(figs.begin(), figs.end(),
            [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
  std::vector<resolve::ChainFigure> figures;
  for (const auto& f : figs) figures.push_back(f.first);
  const std::vector<resolve::ChainLink> links = resolve::chain_targets(t, seg, figures, dates, lr);
  // The dates between a target's metric and its figure: the one right
  // before the figure is its deadline when it has none
  // (resolve::deadline_before), and one inside the metric frames it ("Dünya
  // Bankı bu il Azərbaycan iqtisadiyyatının"): what is measured follows it.
  for (std::size_t i : target_recs) {
    Record& r = (*records)[i];
    const Numeric& n = numbers[i];
    const bool had_deadline = r.deadline.has_value();
    for (auto it = from(date_recs, n.metric_begin);
         it != date_recs.end() && numbers[*it].begin < n.key_begin; ++it) {
      const std::size_t d = *it;
      if (numbers[d].end > n.key_begin) continue;
      if (!had_deadline &&
          resolve::deadline_before(t, numbers[d].begin, numbers[d].end, n.key_begin, lr)) {
        r.deadline = (*records)[d].date_value;
      }
      if (!r.metric) continue;
      const std::string date =
          " " +
          text::fold_key(t.substr(numbers[d].begin, numbers[d].end - numbers[d].begin), lr.lang) +
          " ";
      const std::string padded = " " + *r.metric + " ";
      const std::size_t at = padded.find(date);
      if (at != std::string::npos && at + date.size() < padded.size()) {
        r.metric = std::string(text::trim(padded.substr(at + date.size())));
      }
    }
  }
  std::vector<Record> added;
  for (const resolve::ChainLink& link : links) {
    const Record head = (*records)[figs[link.head].second];
    Record& r = (*records)[figs[link.figure].second];
    std::optional<std::string> deadline;
    if (link.date >= 0 && date_record[static_cast<std::size_t>(link.date)] >= 0) {
      deadline =
          (*records)[static_cast<std::size_t>(date_record[static_cast<std::size_t>(link.date)])]
              .date_value;
    }
    if (figures[link.figure].target) {
      r.metric = head.metric;
      if (!r.deadline) r.deadline = deadline;
      // It starts at its figure now, not at the words it took for a metric.
      const std::size_t from = norm.orig_start(figures[link.figure].begin);
      if (from > r.start && from < r.end) {
        r.text = r.text.substr(from - r.start);
        r.start = from;
      }
      continue;
    }
    Record c = r;
    c.type = RecordType::target;
    c.rule = head.rule;
    c.metric = head.metric;
    c.direction =
        link.governed_by >= 0
            ? (*records)[figs[static_cast<std::size_t>(link.governed_by)].second].direction
            : head.direction;
    c.deadline = deadline ? deadline : head.deadline;
    added.push_back(std::move(c));
  }
  for (Record& c : added) records->push_back(std::move(c));
}

// Dates, amounts and targets from the hits. Of overlapping hits of one type
// the earlier (higher-priority, then longer) wins.
std::vector<Record> resolve_numbers(const Resolving& rs) {
  const ExtractOptions& opt = rs.opt();
  const text::NormText& norm = rs.p.norm;
  const std::string_view t = norm.text;
  const std::string& lang = rs.p.lang;
  const LanguageRules* lr = rs.p.lr;
  const std::string& doc_date = rs.doc_date;
  const std::vector<match::Hit>& hits = rs.hits;
  std::vector<Record> records;
  auto span_of = [](const match::Hit& h) {
    const match::Capture* c = h.group("text");
    return c != nullptr ? std::make_pair(c->begin, c->end) : std::make_pair(h.begin, h.end);
  };

  // resolve: dates, amounts, targets. Of overlapping hits of one type the
  // earlier (higher-priority, then longer) wins.
  util::Intervals taken[5];
  std::vector<const match::Hit*> numeric;
  for (const match::Hit& h : hits) {
    if (h.rule->type == RuleType::date || h.rule->type == RuleType::amount ||
        h.rule->type == RuleType::target) {
      numeric.push_back(&h);
    }
  }
  std::stable_sort(numeric.begin(), numeric.end(), [](const match::Hit* a, const match::Hit* b) {
    if (a->rule->priority != b->rule->priority) return a->rule->priority > b->rule->priority;
    return (a->end - a->begin) > (b->end - b->begin);
  });
  // Dates and amounts are read for targets (deadlines, chains) even when not
  // asked for.
  const bool targets = opt.wants(RecordType::target);
  std::vector<Numeric> numbers;  // per record: where it stands in t
  std::vector<std::pair<std::size_t, std::size_t>> unresolved_dates;  // dates with no value
  for (const match::Hit* h : numeric) {
    RecordType type = h->rule->type == RuleType::date     ? RecordType::date
                      : h->rule->type == RuleType::amount ? RecordType::amount
                                                          : RecordType::target;
    if (!opt.wants(type) && !targets) continue;
    auto [b, e] = span_of(*h);
    const std::size_t metric_begin =
        type == RecordType::target ? resolve::metric_start(*h, t, *lr) : b;
    // A target's text starts at its metric when the metric comes first, at
    // its figure when the metric follows ("3 milyard manat kəsir yaranmalıdır")
    // or is shared with a figure before it, past a comma ("inflyasiyanın 5,3
    // %, 2025-ci ildə 4,9 % olacağını"). Targets clash when they read the
    // same figure; two figures of one sentence are two targets ("ÜDM 3,4%
    // artaraq 75 milyard manata çatacaq").
    std::size_t kb = b, ke = e;
    if (type == RecordType::target) {
      const match::Capture* number = h->group("number");
      const bool metric_first = number == nullptr || metric_begin < number->begin;
      const bool shared =
          metric_first && number != nullptr &&
          t.substr(metric_begin, number->begin - metric_begin).find(',') != std::string_view::npos;
      b = metric_first && !shared ? metric_begin : (number != nullptr ? number->begin : b);
      kb = b;
      if (number != nullptr) kb = number->begin, ke = number->end;
    }
    util::Intervals& used = taken[static_cast<int>(type)];
    if (used.overlaps(kb, ke)) continue;
    Record r = rs.make(type, b, e, h->rule);
    bool ok = false;
    switch (type) {
      case RecordType::date:
        ok = resolve::resolve_date(*h, t, lang, doc_date, &r);
        break;
      case RecordType::amount:
        ok = resolve::resolve_amount(*h, t, lang, &r);
        break;
      default:
        ok = resolve::resolve_target(*h, t, lang, *lr, metric_begin, &r);
        break;
    }
    if (!ok) {
      if (type == RecordType::date) unresolved_dates.emplace_back(b, e);
      continue;
    }
    used.add(kb, ke);
    records.push_back(std::move(r));
    numbers.push_back(Numeric{b, e, kb, ke, metric_begin});
  }
  if (targets) relate_targets(norm, rs.p.seg, *lr, numbers, std::move(unresolved_dates), &records);
  // Dates and amounts only read for chains go; so do targets whose metric
  // was left for a chain that did not come.
  std::erase_if(records, [&](const Record& r) {
    return !opt.wants(r.type) || (r.type == RecordType::target && !r.metric);
  });

  return records;
}

// Quotations, their attributions and speakers, appended to *records.
void resolve_quotes(const Resolving& rs, resolve::Observer& observer,
                    std::vector<Record>* records_out) {
  const ExtractOptions& opt = rs.opt();
  const CompiledRules& rules = rs.ex.rules().compiled();
  const text::NormText& norm = rs.p.norm;
  const std::string_view t = norm.text;
  const std::string& lang = rs.p.lang;
  const LanguageRules* lr = rs.p.lr;
  const text::Segments& seg = rs.p.seg;
  const Document& doc = rs.doc;
  const std::vector<match::Hit>& hits = rs.hits;
  std::vector<Record>& records = *records_out;
  const std::vector<resolve::QuoteSpan> spans = resolve::pair_quotes(
      t, rules.quote_pairs, seg, static_cast<std::size_t>(rules.max_quote_bytes));
  const std::vector<resolve::QuoteCandidate> quotes =
      resolve::find_quotes(t, seg, spans, hits, *lr, observer);
  std::vector<match::Hit> persons;
  for (const match::Hit& h : hits) {
    if (h.rule->type != RuleType::person) continue;
    persons.push_back(h);
    const match::Capture* n = h.group("name");
    const match::Capture* ti = h.group("title");
    observer.traced(resolve::TraceItem{
        h.rule, n ? resolve::Range{n->begin, n->end} : resolve::Range{h.begin, h.end},
        ti ? resolve::Range{ti->begin, ti->end} : resolve::Range{}});
  }
  const std::vector<resolve::ResolvedSpeaker> speakers =
      resolve::resolve_speakers(t, seg, quotes, persons, *lr);
  for (std::size_t i = 0; i < quotes.size() && opt.wants(RecordType::quote); ++i) {
    const resolve::QuoteCandidate& q = quotes[i];
    const resolve::QuoteCandidate* cue_from = &q;
    if (q.cue.empty() && q.inherit >= 0) cue_from = &quotes[static_cast<std::size_t>(q.inherit)];
    if (speakers[i].drop) continue;
    const resolve::Range text = speakers[i].text.empty() ? q.text : speakers[i].text;
    Record r = rs.make(RecordType::quote, text.begin, text.end, q.rule);
    r.kind = q.kind;
    r.speaker = speakers[i].speaker;
    if (!speakers[i].mention.empty()) {
      r.speaker_start = norm.orig_start(speakers[i].mention.begin);
      r.speaker_end = norm.orig_end(speakers[i].mention.end);
      r.speaker_text = doc.text.substr(*r.speaker_start, *r.speaker_end - *r.speaker_start);
    }
    if (!cue_from->cue.empty()) {
      std::size_t cb = norm.orig_start(cue_from->cue.begin), ce = norm.orig_end(cue_from->cue.end);
      r.cue = doc.text.substr(cb, ce - cb);
    }
    // What the cue reports; a quotation someone is credited with asserts
    // unless its cue says otherwise.
    r.cue_class = resolve::cue_class(t, *cue_from, lang);
    if (!r.cue_class && (r.speaker || r.cue)) r.cue_class = "assert";
    records.push_back(std::move(r));
  }
}

// Records in document order, each with its line and column.
void locate(const Document& doc, std::vector<Record>* records_out) {
  std::vector<Record>& records = *records_out;
  // In document order; records are large, so their order is sorted and
  // each is moved once.
  std::vector<std::size_t> order(records.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return in_document_order(records[a], records[b]);
  });
  std::vector<Record> sorted;
  sorted.reserve(records.size());
  for (std::size_t i : order) sorted.push_back(std::move(records[i]));
  records = std::move(sorted);
  text::Lines lines(doc.text);
  for (Record& r : records) lines.locate(r.start, &r.line, &r.col);
}

}  // namespace

}  // namespace quotex
