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
  std::optional<std::string> speaker;
  std::string kind;
  std::string value;  // dates
  std::optional<double> number;
  std::optional<std::string> unit, metric, direction;
  bool used = false;
};

std::optional<std::string> opt_string(simdjson::dom::object o, const char* key) {
  simdjson::dom::element e;
  if (o[key].get(e) || e.is_null()) return std::nullopt;
  std::string_view sv;
  if (e.get_string().get(sv)) return std::nullopt;
  return std::string(sv);
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
      g.kind = opt_string(o, "kind").value_or("");
      simdjson::dom::element v;
      if (!o["value"].get(v)) {
        double d;
        int64_t i;
        std::string_view sv;
        if (!v.get_string().get(sv)) {
          g.value = std::string(sv);
        } else if (!v.get_int64().get(i)) {
          g.number = static_cast<double>(i);
        } else if (!v.get_double().get(d)) {
          g.number = d;
        }
      }
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

bool matches(const GoldItem& g, const Record& r, bool lenient) {
  if (g.type != to_string(r.type)) return false;
  if (g.type == "quote") {
    if (token_f1(g.text, r.text) < 0.8) return false;
    if (lenient) return true;
    return g.kind == to_string(r.kind) && g.speaker == r.speaker;
  }
  if (g.type == "date") return g.text == r.text && g.value == r.date_value;
  const bool value_ok = g.number && r.value && close(*g.number, *r.value);
  if (g.type == "amount") return g.text == r.text && value_ok && g.unit == r.unit;
  return value_ok && g.unit == r.unit && g.direction == r.direction && g.metric == r.metric;
}

std::string show(const Record& r) {
  if (r.type == RecordType::quote) {
    return fmt::format("{} quote “{}” speaker={} kind={}", r.rule, r.text,
                       r.speaker ? *r.speaker : "null", to_string(r.kind));
  }
  if (r.type == RecordType::date) return fmt::format("date “{}” = {}", r.text, r.date_value);
  return fmt::format("{} “{}” = {} {} metric={} direction={}", to_string(r.type), r.text,
                     r.value ? *r.value : 0.0, r.unit ? *r.unit : "null",
                     r.metric ? *r.metric : "null", r.direction ? *r.direction : "null");
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

Report run(const Extractor& ex, const std::string& dir, Status* status) {
  Report report;
  std::vector<fs::path> golds;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->path().string().ends_with(".gold.json")) golds.push_back(it->path());
  }
  if (ec) status->add(Error{ErrorKind::input, dir, 0, 0, ec.message()});
  std::sort(golds.begin(), golds.end());
  simdjson::dom::parser parser;
  for (const fs::path& gp : golds) {
    std::string stem = gp.string().substr(0, gp.string().size() - std::string(".gold.json").size());
    fs::path article = stem + ".txt";
    std::ifstream in(article, std::ios::binary);
    if (!in) {
      status->add(Error{ErrorKind::input, gp.string(), 0, 0,
                        "no article beside it (" + article.string() + ")"});
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    simdjson::dom::element root;
    simdjson::dom::object obj;
    if (parser.load(gp.string()).get(root) || root.get_object().get(obj)) {
      status->add(Error{ErrorKind::input, gp.string(), 1, 1, "invalid gold JSON"});
      continue;
    }
    Document doc{article.string(), ss.str(), opt_string(obj, "lang").value_or(""),
                 opt_string(obj, "doc_date").value_or("")};
    std::vector<GoldItem> gold = read_gold(obj);
    std::vector<Record> recs = ex.extract(doc);
    ++report.documents;
    std::vector<bool> used(recs.size(), false);
    // Required items first, strict; then optional ones, lenient.
    for (int pass = 0; pass < 2; ++pass) {
      for (GoldItem& g : gold) {
        if (g.optional != (pass == 1)) continue;
        Counts& c = report.by_type[g.type];
        if (!g.optional) ++c.gold;
        bool hit = false;
        for (std::size_t i = 0; i < recs.size() && !hit; ++i) {
          if (used[i] || !matches(g, recs[i], g.optional)) continue;
          used[i] = hit = true;
        }
        if (hit && !g.optional) ++c.found;
        if (!hit && !g.optional) {
          report.misses.push_back(fmt::format(
              "{}: missed {} “{}”{}", article.filename().string(), g.type, g.text,
              g.type == "quote"
                  ? fmt::format(" speaker={} kind={}", g.speaker.value_or("null"), g.kind)
                  : ""));
        }
      }
    }
    for (std::size_t i = 0; i < recs.size(); ++i) {
      Counts& c = report.by_type[std::string(to_string(recs[i].type))];
      ++c.emitted;
      if (used[i]) {
        ++c.correct;
      } else {
        report.misses.push_back(
            fmt::format("{}: extra {}", article.filename().string(), show(recs[i])));
      }
    }
  }
  Counts all;
  for (const auto& [type, c] : report.by_type) {
    all.gold += c.gold, all.found += c.found, all.emitted += c.emitted, all.correct += c.correct;
  }
  report.by_type["all"] = all;
  return report;
}

}  // namespace quotex::eval
