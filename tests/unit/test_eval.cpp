// quotex eval: how records are paired with gold items and counted.
#include <catch2/catch.hpp>

#include "eval/eval.hpp"

using namespace quotex;

namespace {

Record quote(std::string text, std::optional<std::string> speaker,
             QuoteKind kind = QuoteKind::direct) {
  Record r;
  r.type = RecordType::quote;
  r.text = std::move(text);
  r.speaker = std::move(speaker);
  r.kind = kind;
  return r;
}

Record amount(std::string text, double v, std::optional<double> v_max, std::string unit) {
  Record r;
  r.type = RecordType::amount;
  r.text = std::move(text);
  r.value = v;
  r.value_max = v_max;
  r.unit = std::move(unit);
  return r;
}

const char* kGold = R"({
  "quotes": [
    {"text": "Biz hazırıq", "speaker": "Anar Quliyev", "kind": "direct"},
    {"text": "bazar sabitdir", "speaker": null, "kind": "indirect"},
    {"text": "ixrac artacaq", "speaker": "Leyla Əsgərova", "kind": "direct"},
    {"text": "yaxşı dost", "speaker": null, "kind": "partial", "optional": true}
  ],
  "dates": [{"text": "2027-2030-cu illərdə", "value": "2027/2030"}],
  "amounts": [{"text": "14-15 milyard manat", "value": 14000000000, "value_max": 15000000000,
               "unit": "AZN"}]
})";

}  // namespace

TEST_CASE("eval: quotes are found by their words, speakers scored apart", "[eval]") {
  std::vector<Record> recs = {quote("Biz hazırıq.", "Anar Quliyev"),
                              quote("bazar sabitdir", "Anar Quliyev", QuoteKind::indirect),
                              quote("ixrac artacaq", "Əsgərova"), quote("yaxşı dost", std::nullopt),
                              quote("heç kim demədi bunu", std::nullopt)};
  Record date;
  date.type = RecordType::date;
  date.text = "2027-2030-cu illərdə";
  date.date_value = "2027/2030";
  recs.push_back(date);
  recs.push_back(amount("14-15 milyard manat", 14e9, 15e9, "AZN"));
  recs.push_back(amount("15 milyard manat", 15e9, std::nullopt, "AZN"));

  eval::Report report;
  Status st;
  eval::score("a.txt", kGold, recs, &report, &st);
  REQUIRE(st.ok());
  const eval::Counts& q = report.scores["quote"];
  CHECK(q.gold == 3);
  CHECK(q.found == 3);
  CHECK(q.emitted == 5);
  CHECK(q.correct == 4);  // the optional partial absorbs its record
  const eval::SpeakerCounts& s = report.speakers;
  CHECK(s.matched == 3);
  CHECK(s.exact == 1);
  CHECK(s.same_person == 1);  // "Əsgərova" is a part of "Leyla Əsgərova"
  CHECK(s.false_given == 1);  // the gold names no one
  CHECK(report.scores["date"].found == 1);
  CHECK(report.scores["amount"].found == 1);
  CHECK(report.scores["amount"].correct == 1);  // a range is one amount, not two
  // Strict: the speakers must be right too.
  CHECK(report.strict["quote"].found == 1);
}

TEST_CASE("eval: a value or unit off is a miss, a wider span is not", "[eval]") {
  const char* gold =
      R"({"amounts": [{"text": "1,2 milyard manat", "value": 1200000000, "unit": "AZN"},
                                     {"text": "15 faiz", "value": 15, "unit": "percent"}]})";
  std::vector<Record> recs = {amount("1,2 milyard manatdan", 1.2e9, std::nullopt, "AZN"),
                              amount("15 faiz", 15, std::nullopt, "ton")};
  eval::Report report;
  Status st;
  eval::score("b.txt", gold, recs, &report, &st);
  CHECK(report.scores["amount"].found == 1);
  CHECK(report.strict["amount"].found == 0);
  eval::score("c.txt", "{not json", recs, &report, &st);
  CHECK(!st.ok());
}

TEST_CASE("eval: a target is found by figure and metric, its direction scored apart", "[eval]") {
  const char* gold =
      R"({"targets": [{"text": "1 milyondan çox ağac əkiləcək", "value": 1000000, "unit": null,
                      "metric": "ağac", "direction": null},
                     {"text": "ixracı 5 milyard dollara çatdırmaq", "value": 5000000000,
                      "unit": "USD", "metric": "ixrac", "direction": "reach"}]})";
  auto target = [](std::string text, double v, std::optional<std::string> unit, std::string metric,
                   std::optional<std::string> direction) {
    Record r;
    r.type = RecordType::target;
    r.text = std::move(text);
    r.value = v;
    r.unit = std::move(unit);
    r.metric = std::move(metric);
    r.direction = std::move(direction);
    return r;
  };
  std::vector<Record> recs = {
      target("1 milyondan çox ağac əkiləcək", 1e6, std::nullopt, "ağac", "reach"),
      target("ixracı 5 milyard dollara çatdırmaq", 5e9, "USD", "ixrac", "reach")};
  eval::Report report;
  Status st;
  eval::score("t.txt", gold, recs, &report, &st);
  REQUIRE(st.ok());
  CHECK(report.scores["target"].found == 2);
  CHECK(report.targets.matched == 2);
  CHECK(report.targets.direction_same == 1);
  CHECK(report.strict["target"].found == 1);  // strict wants the direction too
  // A wrong metric is still a miss.
  recs[1].metric = "idxal";
  eval::Report other;
  eval::score("t.txt", gold, recs, &other, &st);
  CHECK(other.scores["target"].found == 1);
}

TEST_CASE("eval: claims are scored apart, by sentence, speaker and items", "[eval]") {
  const std::string text =
      "Nazir bildirib ki, ixrac 15 faiz artıb. Borc 20 faizdən azdır. Hava yaxşıdır.";
  auto claim = [&](std::string_view sentence, std::optional<std::string> speaker,
                   std::string_view item) {
    Record r;
    r.type = RecordType::claim;
    r.text = std::string(sentence);
    r.start = text.find(sentence);
    r.end = r.start + sentence.size();
    r.speaker = std::move(speaker);
    const std::size_t at = text.find(item);
    r.items.push_back(ClaimItem{RecordType::amount, at, at + item.size()});
    return r;
  };
  const std::vector<Record> recs = {
      claim("Nazir bildirib ki, ixrac 15 faiz artıb.", "Nazir", "15 faiz"),
      claim("Borc 20 faizdən azdır.", "Nazir", "20 faiz"),  // the writer's: a false speaker
      claim("Hava yaxşıdır.", std::nullopt, "Hava")};       // no gold claim: extra
  const char* gold = R"({"claims": [
    {"text": "Nazir bildirib ki, ixrac 15 faiz artıb.", "speaker": "Nazir", "items": ["15 faiz"]},
    {"text": "Borc 20 faizdən azdır.", "speaker": null, "items": ["20 faizdən"]}]})";
  eval::Report report;
  Status st;
  eval::score("a.txt", gold, recs, &report, &st, text);
  REQUIRE(st.ok());
  const eval::ClaimCounts& c = report.claims;
  CHECK(c.documents == 1);
  CHECK(c.counts.gold == 2);
  CHECK(c.counts.found == 2);
  CHECK(c.counts.emitted == 3);
  CHECK(c.speaker_same == 1);
  CHECK(c.items_same == 2);  // "20 faiz" is inside "20 faizdən"
  // Claims never enter the per-type figures.
  CHECK(report.scores.count("claim") == 0);
  // A gold file without "claims" leaves claims unscored.
  eval::Report none;
  eval::score("b.txt", R"({"quotes": []})", recs, &none, &st, text);
  CHECK(none.claims.documents == 0);
  CHECK(none.claims.counts.emitted == 0);
}
