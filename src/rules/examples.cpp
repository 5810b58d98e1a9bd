// `quotex rules test`: every inline example of every rule, through the full
// pipeline.
#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "pipeline/trace.hpp"
#include "quotex/emit.hpp"
#include "quotex/extractor.hpp"
#include "rules/model.hpp"

namespace quotex {

namespace {

std::string field_of(const Record& r, const std::string& f) {
  auto opt = [](const std::optional<std::string>& o) { return o ? *o : std::string("null"); };
  if (f == "text") return r.text;
  if (f == "type") return std::string(to_string(r.type));
  if (f == "kind") return std::string(to_string(r.kind));
  if (f == "speaker") return opt(r.speaker);
  if (f == "speaker_text") return opt(r.speaker_text);
  if (f == "cue") return opt(r.cue);
  if (f == "cue_class") return opt(r.cue_class);
  if (f == "value_max") return r.value_max ? fmt::format("{}", *r.value_max) : "null";
  if (f == "unit") return opt(r.unit);
  if (f == "bound") return opt(r.bound);
  if (f == "metric") return opt(r.metric);
  if (f == "direction") return opt(r.direction);
  if (f == "deadline") return opt(r.deadline);
  if (f == "relative") return r.relative ? "true" : "false";
  if (f == "value") {
    if (r.type == RecordType::date) return r.date_value;
    return r.value ? fmt::format("{}", *r.value) : "null";
  }
  return "?";
}

bool same(const std::string& field, const std::string& got, const std::string& want) {
  if ((field == "value" || field == "value_max") && got != want) {
    double a = 0, b = 0;
    auto r1 = std::from_chars(got.data(), got.data() + got.size(), a);
    auto r2 = std::from_chars(want.data(), want.data() + want.size(), b);
    if (r1.ec == std::errc() && r2.ec == std::errc())
      return std::fabs(a - b) <= 1e-9 * std::fabs(b);
  }
  return got == want;
}

std::string describe(const Record& r, const std::vector<std::pair<std::string, std::string>>& e) {
  std::string s;
  for (const auto& [f, want] : e) {
    (void)want;
    s += fmt::format("{}{}={:?}", s.empty() ? "" : " ", f, field_of(r, f));
  }
  return s.empty() ? to_json(r) : s;
}

}  // namespace

ExampleReport test_examples(std::shared_ptr<const RuleSet> rules) {
  ExampleReport report;
  for (const auto& rule : rules->compiled().rules) {
    for (const detail::Example& ex : rule->examples) {
      ExtractOptions opt;
      opt.lang = rule->lang == "common" ? std::string() : rule->lang;
      opt.doc_date = ex.doc_date;
      Extractor extractor(rules, opt);
      std::vector<detail::TraceEntry> trace;
      std::vector<Record> recs =
          detail::extract_traced(extractor, Document{"example", ex.text, "", ""}, &trace);
      std::vector<const Record*> mine;
      for (const Record& r : recs) {
        if (r.rule == rule->id) mine.push_back(&r);
      }
      std::vector<const detail::TraceEntry*> traced;
      for (const auto& e : trace) {
        if (e.rule == rule->id) traced.push_back(&e);
      }
      const bool silent_rule =
          rule->type == detail::RuleType::not_quote || rule->type == detail::RuleType::person;
      std::string failure;
      if (ex.positive) {
        bool found = false;
        if (silent_rule) {
          for (const auto* e : traced) {
            bool all = true;
            for (const auto& [f, want] : ex.expect) {
              const std::string& got = f == "title" ? e->title : e->text;
              all &= (f == "text" || f == "title") && got == want;
            }
            found |= all;
          }
          if (!found) {
            failure = traced.empty() ? "the rule did not fire"
                                     : fmt::format("the rule fired on {:?}", traced[0]->text);
          }
        } else {
          for (const Record* r : mine) {
            bool all = true;
            for (const auto& [f, want] : ex.expect) all &= same(f, field_of(*r, f), want);
            found |= all;
          }
          if (!found) {
            if (mine.empty()) {
              failure = "no record from this rule";
              if (!recs.empty()) {
                failure +=
                    fmt::format(" (got {} from {})", describe(recs[0], ex.expect), recs[0].rule);
              }
            } else {
              failure = fmt::format("got {}", describe(*mine[0], ex.expect));
            }
          }
        }
      } else {
        if (silent_rule && !traced.empty()) {
          failure = fmt::format("counter-example fired on {:?}", traced[0]->text);
        } else if (!silent_rule && !mine.empty()) {
          failure = fmt::format("counter-example yielded {}", to_json(*mine[0]));
        }
      }
      if (failure.empty()) {
        ++report.passed;
      } else {
        ++report.failed;
        report.failures.push_back(Error{ErrorKind::rule, ex.place.file, ex.place.line, ex.place.col,
                                        fmt::format("rule '{}': {}", rule->id, failure)});
      }
    }
  }
  return report;
}

}  // namespace quotex
