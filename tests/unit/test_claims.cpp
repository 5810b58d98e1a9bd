// claim records: a sentence that states a checkable figure, whose it is,
// what it holds.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "builtin_rules.hpp"
#include "quotex/emit.hpp"
#include "quotex/extractor.hpp"

using namespace quotex;

namespace {

std::vector<Record> claims_of(const std::string& text, unsigned types = 0,
                              const std::string& date = "") {
  ExtractOptions opt;
  opt.types = types;
  Extractor ex(testing::builtin_rules(), opt);
  std::vector<Record> out;
  for (Record& r : ex.extract(Document{"d", text, "az", date})) {
    if (r.type == RecordType::claim) out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

TEST_CASE("claims: reported speech credits the speaker, the writer's own is null", "[claims]") {
  const std::string text =
      "Nazir Əli Həsənov bildirib ki, ixrac 2025-ci ildə 15 faiz artıb. "
      "Dövlət borcu ÜDM-in 20 faizindən azdır.";
  const std::vector<Record> c = claims_of(text);
  REQUIRE(c.size() == 2);
  CHECK(c[0].text == "Nazir Əli Həsənov bildirib ki, ixrac 2025-ci ildə 15 faiz artıb.");
  CHECK(c[0].speaker == "Əli Həsənov");
  CHECK(c[0].speaker_id == "ali-hasanov");
  CHECK(c[0].cue_class == "assert");
  CHECK(c[0].predicate == "artıb");
  CHECK(c[0].direction == "increase");
  CHECK(c[0].period == "2025");
  REQUIRE(c[0].items.size() == 2);
  CHECK(text.substr(c[0].items[0].start, c[0].items[0].end - c[0].items[0].start) ==
        "2025-ci ildə");
  CHECK(c[0].items[1].type == RecordType::amount);
  CHECK(text.substr(c[0].items[1].start, c[0].items[1].end - c[0].items[1].start) == "15 faiz");
  CHECK(text.substr(c[0].start, c[0].end - c[0].start) == c[0].text);
  // The writer's own figure: no speaker; a comparison without a verb of change.
  CHECK_FALSE(c[1].speaker);
  CHECK_FALSE(c[1].cue_class);
  CHECK_FALSE(c[1].predicate);
  CHECK(c[1].items.size() == 1);
}

TEST_CASE("claims: a denial is marked deny, never asserted", "[claims]") {
  const std::vector<Record> c =
      claims_of("Nazirlik bu məlumatı təkzib edib: «İdxal 10 faiz azalmayıb».");
  REQUIRE(c.size() == 1);
  CHECK(c[0].cue_class == "deny");
}

TEST_CASE("claims: a target's deadline is not the period; the target is an item", "[claims]") {
  const std::vector<Record> c = claims_of(
      "İkitərəfli ticarət həcmini 2030-cu ilə qədər 1 milyard dollara çatdırmaq planlaşdırılır.");
  REQUIRE(c.size() == 1);
  CHECK_FALSE(c[0].speaker);
  CHECK_FALSE(c[0].period);
  CHECK(c[0].direction);
  bool target = false;
  for (const ClaimItem& i : c[0].items) target |= i.type == RecordType::target;
  CHECK(target);
}

TEST_CASE("claims: only sentences with an amount or a target; --types claim alone", "[claims]") {
  CHECK(
      claims_of("Görüş 2025-ci il oktyabrın 21-də keçirilib. Nazir bildirib ki, hazırıq.").empty());
  // Asked for alone, claims still find their figures and speakers.
  ExtractOptions opt;
  opt.types = 1u << static_cast<unsigned>(RecordType::claim);
  Extractor ex(testing::builtin_rules(), opt);
  const std::vector<Record> got =
      ex.extract(Document{"d", "Nazir Əli Həsənov bildirib ki, ixrac 15 faiz artıb.", "az", ""});
  REQUIRE(got.size() == 1);
  CHECK(got[0].type == RecordType::claim);
  CHECK(got[0].speaker == "Əli Həsənov");
  CHECK(got[0].items.size() == 1);
  CHECK(to_json(got[0]).find(R"("items":[{"type":"amount","start":40,"end":47}])") !=
        std::string::npos);
}

TEST_CASE("claims: the seed's $1 billion target is the writer's", "[claims]") {
  std::ifstream in(std::string(QUOTEX_SOURCE_DIR) + "/samples/az/000_a5c5ee54b155f9dd.txt");
  const std::string seed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::vector<Record> c = claims_of(seed, 0, "2025-10-21");
  const auto it = std::find_if(c.begin(), c.end(), [](const Record& r) {
    return r.text.find("$1 milyarda qədər artırmaq") != std::string::npos;
  });
  REQUIRE(it != c.end());
  CHECK_FALSE(it->speaker);
  bool target = false;
  for (const ClaimItem& i : it->items) target |= i.type == RecordType::target;
  CHECK(target);
}
