#include "eval/eval.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <unicode/uchar.h>

#include "read/decode.hpp"
#include "text/utf8.hpp"

namespace quotex::eval {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len;
    char32_t c = text::decode(s, i, &len);
    if (u_isalnum(c)) {
      cur.append(s.substr(i, len));
    } else if (!cur.empty()) {
      out.push_back(text::lower(cur, ""));
      cur.clear();
    }
    i += len;
  }
  if (!cur.empty()) out.push_back(text::lower(cur, ""));
  return out;
}

struct GoldItem {
  std::string type;
  bool optional = false;
  std::string text;
  std::optional<std::string> speaker, cue_class;
  std::string kind;
  std::string value;  // dates
  std::optional<double> number, number_max;
  std::optional<std::string> unit, metric, direction;
};

std::optional<std::string> opt_string(simdjson::dom::object o, const char* key) {
  simdjson::dom::element e;
  if (o[key].get(e) || e.is_null()) return std::nullopt;
  std::string_view sv;
  if (e.get_string().get(sv)) return std::nullopt;
  return std::string(sv);
}

std::optional<double> opt_number(simdjson::dom::object o, const char* key) {
  simdjson::dom::element v;
  if (o[key].get(v)) return std::nullopt;
  double d;
  int64_t i;
  if (!v.get_int64().get(i)) return static_cast<double>(i);
  if (!v.get_double().get(d)) return d;
  return std::nullopt;
}

std::vector<GoldItem> read_gold(simdjson::dom::object root) {
  std::vector<GoldItem> items;
  static const std::pair<const char*, const char*> kLists[] = {
      {"quotes", "quote"}, {"dates", "date"}, {"amounts", "amount"}, {"targets", "target"}};
  for (const auto& [list, type] : kLists) {
    simdjson::dom::array arr;
    if (root[list].get_array().get(arr)) continue;
    for (simdjson::dom::element el : arr) {
      simdjson::dom::object o;
      if (el.get_object().get(o)) continue;
      GoldItem g;
      g.type = type;
      bool b = false;
      if (!o["optional"].get_bool().get(b)) g.optional = b;
      g.text = opt_string(o, "text").value_or("");
      g.speaker = opt_string(o, "speaker");
      g.cue_class = opt_string(o, "cue_class");
      g.kind = opt_string(o, "kind").value_or("");
      g.value = opt_string(o, "value").value_or("");
      g.number = opt_number(o, "value");
      g.number_max = opt_number(o, "value_max");
      g.unit = opt_string(o, "unit");
      g.metric = opt_string(o, "metric");
      g.direction = opt_string(o, "direction");
      items.push_back(std::move(g));
    }
  }
  return items;
}

bool close(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

bool same_number(const std::optional<double>& a, const std::optional<double>& b) {
  return a.has_value() == b.has_value() && (!a || close(*a, *b));
}

// The same words, or the words of one inside the other's ("2025-ci il" in
// "21 oktyabr 2025-ci il" only when the values agree as well).
bool overlapping_text(std::string_view gold, std::string_view rec) {
  const std::string_view g = text::trim(gold, ".,;:"), r = text::trim(rec, ".,;:");
  return !g.empty() && !r.empty() &&
         (g.find(r) != std::string_view::npos || r.find(g) != std::string_view::npos);
}

// How well a record matches a gold item: < 0 for no match, else higher is
// better. `strict` asks for every field.
double match_score(const GoldItem& g, const Record& r, bool strict) {
  if (g.type != to_string(r.type)) return -1;
  const double f1 = token_f1(g.text, r.text);
  if (g.type == "quote") {
    if (f1 < 0.8) return -1;
    if (strict && (g.kind != to_string(r.kind) || g.speaker != r.speaker)) return -1;
    return f1;
  }
  const bool text_ok = strict ? g.text == r.text : overlapping_text(g.text, r.text);
  if (g.type == "date") return text_ok && g.value == r.date_value ? f1 : -1;
  const bool value_ok =
      g.number && r.value && close(*g.number, *r.value) && same_number(g.number_max, r.value_max);
  if (!value_ok || g.unit != r.unit) return -1;
  if (g.type == "amount") return text_ok ? f1 : -1;
  // A target is found by its figure and metric; its direction is a field
  // (scored apart, like a quotation's kind), every field in strict.
  if (strict) return g.metric == r.metric && g.direction == r.direction ? f1 : -1;
  const double m = g.metric && r.metric ? token_f1(*g.metric, *r.metric) : (g.metric == r.metric);
  return m >= 0.5 ? m : -1;
}

std::string show(const Record& r) {
  if (r.type == RecordType::quote) {
    return fmt::format("{} quote “{}” speaker={} kind={}", r.rule, r.text,
                       r.speaker ? *r.speaker : "null", to_string(r.kind));
  }
  if (r.type == RecordType::date) return fmt::format("date “{}” = {}", r.text, r.date_value);
  return fmt::format("{} “{}” = {}{} {} metric={} direction={}", to_string(r.type), r.text,
                     r.value ? *r.value : 0.0, r.value_max ? fmt::format("-{}", *r.value_max) : "",
                     r.unit ? *r.unit : "null", r.metric ? *r.metric : "null",
                     r.direction ? *r.direction : "null");
}

std::string show(const GoldItem& g) {
  if (g.type == "quote") {
    return fmt::format("quote “{}” speaker={} kind={}", g.text, g.speaker.value_or("null"), g.kind);
  }
  if (g.type == "date") return fmt::format("date “{}” = {}", g.text, g.value);
  return fmt::format("{} “{}” = {}{} {}{}", g.type, g.text, g.number.value_or(0),
                     g.number_max ? fmt::format("-{}", *g.number_max) : "", g.unit.value_or("null"),
                     g.type == "target"
                         ? fmt::format(" metric={} direction={}", g.metric.value_or("null"),
                                       g.direction.value_or("null"))
                         : "");
}

// Pairs gold items with records: required items first, then optional ones
// (which absorb records but are not counted). Returns, per gold item, the
// record it took (-1 for none); marks records taken in *used.
std::vector<int> pair_items(const std::vector<GoldItem>& gold, const std::vector<Record>& recs,
                            bool strict, std::vector<bool>* used) {
  std::vector<int> took(gold.size(), -1);
  used->assign(recs.size(), false);
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t k = 0; k < gold.size(); ++k) {
      const GoldItem& g = gold[k];
      if (g.optional != (pass == 1)) continue;
      double best = -1;
      for (std::size_t i = 0; i < recs.size(); ++i) {
        if ((*used)[i]) continue;
        const double s = match_score(g, recs[i], strict);
        if (s > best) best = s, took[k] = static_cast<int>(i);
      }
      if (took[k] >= 0) (*used)[static_cast<std::size_t>(took[k])] = true;
    }
  }
  return took;
}

void count(const std::vector<GoldItem>& gold, const std::vector<Record>& recs,
           const std::vector<int>& took, const std::vector<bool>& used,
           std::map<std::string, Counts>* by_type) {
  for (std::size_t k = 0; k < gold.size(); ++k) {
    if (gold[k].optional) continue;
    Counts& c = (*by_type)[gold[k].type];
    ++c.gold;
    if (took[k] >= 0) ++c.found;
  }
  for (std::size_t i = 0; i < recs.size(); ++i) {
    Counts& c = (*by_type)[std::string(to_string(recs[i].type))];
    ++c.emitted;
    if (used[i]) ++c.correct;
  }
}

// Words of a name, for "a part of the gold name".
bool part_of(const std::string& part, const std::string& whole) {
  const std::vector<std::string> p = tokens(part), w = tokens(whole);
  if (p.empty()) return false;
  for (const std::string& t : p) {
    if (std::find(w.begin(), w.end(), t) == w.end()) return false;
  }
  return true;
}

}  // namespace

double token_f1(std::string_view a, std::string_view b) {
  std::vector<std::string> ta = tokens(a), tb = tokens(b);
  if (ta.empty() || tb.empty()) return ta.empty() && tb.empty() ? 1.0 : 0.0;
  std::vector<std::string> sb = tb;
  int common = 0;
  for (const std::string& t : ta) {
    auto it = std::find(sb.begin(), sb.end(), t);
    if (it != sb.end()) {
      ++common;
      sb.erase(it);
    }
  }
  double p = double(common) / double(tb.size()), r = double(common) / double(ta.size());
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

namespace {

// One document's records against its parsed gold file.
// Claims of a document whose gold lists them ("claims": [{"text",
// "speaker", "items": [texts]}]); `text` is the article's bytes, which the
// records' item offsets point into.
void score_claims(const std::string& name, simdjson::dom::object obj,
                  const std::vector<Record>& all_recs, std::string_view text, Report* report) {
  simdjson::dom::array arr;
  if (obj["claims"].get_array().get(arr)) return;
  ClaimCounts& cc = report->claims;
  ++cc.documents;
  std::vector<const Record*> recs;
  // An item's text is that of the record at its place (a decoded article's
  // offsets point at its source bytes), else the article's bytes there.
  std::map<std::pair<std::size_t, std::size_t>, std::string_view> at;
  for (const Record& r : all_recs) {
    if (r.type == RecordType::claim) {
      recs.push_back(&r);
    } else {
      at.emplace(std::pair{r.start, r.end}, r.text);
    }
  }
  auto item_text = [&](const ClaimItem& c) -> std::string_view {
    if (auto it = at.find({c.start, c.end}); it != at.end()) return it->second;
    if (c.start <= c.end && c.end <= text.size()) return text.substr(c.start, c.end - c.start);
    return {};
  };
  cc.counts.emitted += static_cast<int>(recs.size());
  std::vector<bool> used(recs.size(), false);
  for (simdjson::dom::element el : arr) {
    simdjson::dom::object g;
    if (el.get_object().get(g)) continue;
    const std::string gtext = opt_string(g, "text").value_or("");
    const std::optional<std::string> gspeaker = opt_string(g, "speaker");
    ++cc.counts.gold;
    int best = -1;
    double best_score = 0;
    for (std::size_t i = 0; i < recs.size(); ++i) {
      if (used[i]) continue;
      const double f = token_f1(gtext, recs[i]->text);
      const double score = part_of(gtext, recs[i]->text) ? std::max(f, 0.6) : f;
      if (score >= 0.6 && score > best_score) best = static_cast<int>(i), best_score = score;
    }
    if (best < 0) {
      report->misses.push_back(fmt::format("{}: missed claim “{}”", name, gtext));
      continue;
    }
    used[static_cast<std::size_t>(best)] = true;
    const Record& r = *recs[static_cast<std::size_t>(best)];
    ++cc.counts.found;
    ++cc.counts.correct;
    if (gspeaker.has_value() == r.speaker.has_value() &&
        (!gspeaker || *gspeaker == *r.speaker || part_of(*r.speaker, *gspeaker))) {
      ++cc.speaker_same;
    } else {
      report->misses.push_back(fmt::format("{}: claim speaker {} for “{}” (gold {})", name,
                                           r.speaker.value_or("null"), gtext,
                                           gspeaker.value_or("null")));
    }
    bool items = true;
    simdjson::dom::array gitems;
    if (!g["items"].get_array().get(gitems)) {
      for (simdjson::dom::element it : gitems) {
        std::string_view want;
        if (it.get_string().get(want)) continue;
        bool held = false;
        for (const ClaimItem& c : r.items) {
          const std::string_view got = item_text(c);
          held |= !got.empty() && (got.find(want) != std::string_view::npos ||
                                   want.find(got) != std::string_view::npos);
        }
        items &= held;
      }
    }
    if (items) {
      ++cc.items_same;
    } else {
      report->misses.push_back(fmt::format("{}: claim items differ for “{}”", name, gtext));
    }
  }
  for (std::size_t i = 0; i < recs.size(); ++i) {
    if (!used[i])
      report->misses.push_back(fmt::format("{}: extra claim “{}”", name, recs[i]->text));
  }
}

void score_gold(const std::string& name, simdjson::dom::object obj,
                const std::vector<Record>& all_recs, Report* report) {
  // Claims are scored apart (score_claims), never in the per-type figures.
  std::vector<Record> recs;
  for (const Record& r : all_recs) {
    if (r.type != RecordType::claim) recs.push_back(r);
  }
  const std::vector<GoldItem> gold = read_gold(obj);
  ++report->documents;

  std::vector<bool> used;
  std::vector<int> took = pair_items(gold, recs, true, &used);
  count(gold, recs, took, used, &report->strict);

  took = pair_items(gold, recs, false, &used);
  count(gold, recs, took, used, &report->scores);
  for (std::size_t k = 0; k < gold.size(); ++k) {
    const GoldItem& g = gold[k];
    if (took[k] < 0) {
      if (!g.optional) report->misses.push_back(fmt::format("{}: missed {}", name, show(g)));
      continue;
    }
    const Record& r = recs[static_cast<std::size_t>(took[k])];
    if (g.type == "target" && !g.optional) {
      ++report->targets.matched;
      if (g.direction == r.direction) {
        ++report->targets.direction_same;
      } else {
        report->misses.push_back(fmt::format("{}: direction {} for “{}” (gold {})", name,
                                             r.direction.value_or("null"), g.text,
                                             g.direction.value_or("null")));
      }
    }
    if (g.type != "quote" || g.optional) continue;
    SpeakerCounts& s = report->speakers;
    ++s.matched;
    if (g.kind == to_string(r.kind)) ++s.kind_same;
    if (g.cue_class) {
      ++s.cue_class_gold;
      if (g.cue_class == r.cue_class) ++s.cue_class_same;
    }
    std::string how;
    if (g.speaker == r.speaker) {
      ++s.exact;
    } else if (!r.speaker) {
      ++s.none_given, how = "no speaker";
    } else if (g.speaker && part_of(*r.speaker, *g.speaker)) {
      ++s.same_person, how = "part of the name";
    } else {
      ++s.false_given, how = "false attribution";
    }
    if (!how.empty()) {
      report->misses.push_back(fmt::format("{}: {}: speaker={} for “{}” (gold {})", name, how,
                                           r.speaker.value_or("null"), g.text,
                                           g.speaker.value_or("null")));
    }
    if (g.kind != to_string(r.kind)) {
      report->misses.push_back(
          fmt::format("{}: kind {} for “{}” (gold {})", name, to_string(r.kind), g.text, g.kind));
    }
  }
  for (std::size_t i = 0; i < recs.size(); ++i) {
    if (!used[i]) report->misses.push_back(fmt::format("{}: extra {}", name, show(recs[i])));
  }
}

}  // namespace

void score(const std::string& name, const std::string& gold_json, const std::vector<Record>& recs,
           Report* report, Status* status, std::string_view text) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::dom::object obj;
  if (parser.parse(simdjson::padded_string(gold_json)).get(root) || root.get_object().get(obj)) {
    status->add(Error{ErrorKind::input, name, 1, 1, "invalid gold JSON"});
    return;
  }
  score_gold(name, obj, recs, report);
  score_claims(name, obj, recs, text, report);
}

namespace {

// Every *.gold.json under dir with its article; calls fn(article path,
// article name, text, parsed gold).
template <typename Fn>
void for_each_gold(const std::string& dir, Status* status, Fn fn) {
  std::vector<fs::path> golds;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->path().string().ends_with(".gold.json")) golds.push_back(it->path());
  }
  if (ec) status->add(Error{ErrorKind::input, dir, 0, 0, ec.message()});
  std::sort(golds.begin(), golds.end());
  auto slurp = [](const fs::path& p, std::string* out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    *out = ss.str();
    return true;
  };
  simdjson::dom::parser parser;
  for (const fs::path& gp : golds) {
    std::string stem = gp.string().substr(0, gp.string().size() - std::string(".gold.json").size());
    fs::path article = stem + ".txt";
    std::string text, gold_json;
    if (!slurp(article, &text)) {
      status->add(Error{ErrorKind::input, gp.string(), 0, 0,
                        "no article beside it (" + article.string() + ")"});
      continue;
    }
    if (!slurp(gp, &gold_json)) {
      status->add(Error{ErrorKind::input, gp.string(), 0, 0, "cannot read"});
      continue;
    }
    simdjson::dom::element root;
    simdjson::dom::object obj;
    if (parser.parse(simdjson::padded_string(gold_json)).get(root) || root.get_object().get(obj)) {
      status->add(Error{ErrorKind::input, gp.string(), 1, 1, "invalid gold JSON"});
      continue;
    }
    fn(article.string(), article.filename().string(), text, obj);
  }
}

void add_totals(Report* report) {
  for (auto* by_type : {&report->scores, &report->strict}) {
    Counts all;
    for (const auto& [type, c] : *by_type) all += c;
    (*by_type)["all"] = all;
  }
}

// A record as quotex writes it in JSON Lines (the fields eval looks at).
std::optional<Record> record_from_json(simdjson::dom::object o) {
  Record r;
  auto type = parse_record_type(opt_string(o, "type").value_or(""));
  if (!type) return std::nullopt;
  r.type = *type;
  r.doc = opt_string(o, "doc").value_or("");
  r.text = opt_string(o, "text").value_or("");
  r.rule = opt_string(o, "rule").value_or("");
  if (auto k = parse_quote_kind(opt_string(o, "kind").value_or(""))) r.kind = *k;
  r.speaker = opt_string(o, "speaker");
  r.cue = opt_string(o, "cue");
  r.cue_class = opt_string(o, "cue_class");
  if (r.type == RecordType::date) r.date_value = opt_string(o, "value").value_or("");
  r.value = opt_number(o, "value");
  r.value_max = opt_number(o, "value_max");
  r.unit = opt_string(o, "unit");
  r.bound = opt_string(o, "bound");
  r.metric = opt_string(o, "metric");
  r.direction = opt_string(o, "direction");
  r.deadline = opt_string(o, "deadline");
  simdjson::dom::array items;
  if (!o["items"].get_array().get(items)) {
    for (simdjson::dom::element it : items) {
      simdjson::dom::object io;
      std::optional<double> b, e;
      if (it.get_object().get(io) || !(b = opt_number(io, "start")) ||
          !(e = opt_number(io, "end"))) {
        continue;
      }
      ClaimItem c;
      if (auto t = parse_record_type(opt_string(io, "type").value_or(""))) c.type = *t;
      c.start = static_cast<std::size_t>(*b), c.end = static_cast<std::size_t>(*e);
      r.items.push_back(c);
    }
  }
  return r;
}

}  // namespace

Report run(const Extractor& ex, const std::string& dir, Status* status) {
  Report report;
  for_each_gold(dir, status,
                [&](const std::string& path, const std::string& name, const std::string& text,
                    simdjson::dom::object gold) {
                  Document doc{path, text, opt_string(gold, "lang").value_or(""),
                               opt_string(gold, "doc_date").value_or("")};
                  // Articles are read as `quotex` reads them: UTF-16 or a legacy
                  // code page is decoded first.
                  std::string why;
                  if (!read::decode_document(&doc, "", &why)) {
                    status->add(Error{ErrorKind::input, path, 0, 0, why});
                    return;
                  }
                  const std::vector<Record> recs = ex.extract(doc);
                  score_gold(name, gold, recs, &report);
                  score_claims(name, gold, recs, text, &report);
                });
  add_totals(&report);
  return report;
}

Report run_records(const std::string& records_path, const std::string& dir, Status* status) {
  Report report;
  std::ifstream in(records_path, std::ios::binary);
  if (!in) {
    status->add(Error{ErrorKind::input, records_path, 0, 0, "cannot read"});
    return report;
  }
  std::vector<Record> all;
  simdjson::dom::parser parser;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (text::trim(line).empty()) continue;
    simdjson::dom::element e;
    simdjson::dom::object o;
    std::optional<Record> r;
    if (parser.parse(simdjson::padded_string(line)).get(e) || e.get_object().get(o) ||
        !(r = record_from_json(o))) {
      status->add(Error{ErrorKind::input, records_path, n, 1, "not a quotex record"});
      continue;
    }
    all.push_back(std::move(*r));
  }
  for_each_gold(dir, status,
                [&](const std::string&, const std::string& name, const std::string& text,
                    simdjson::dom::object gold) {
                  std::vector<Record> mine;
                  for (const Record& r : all) {
                    if (r.doc == name || r.doc.ends_with("/" + name)) mine.push_back(r);
                  }
                  score_gold(name, gold, mine, &report);
                  score_claims(name, gold, mine, text, &report);
                });
  add_totals(&report);
  return report;
}

}  // namespace quotex::eval
