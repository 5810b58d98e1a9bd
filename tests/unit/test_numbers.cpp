// Numbers, dates, names.
#include <catch2/catch.hpp>

#include "quotex/rule_set.hpp"
#include "resolve/names.hpp"
#include "resolve/numbers.hpp"
#include "rules/model.hpp"

using namespace quotex;

TEST_CASE("numbers parse as each language writes them", "[numbers]") {
  CHECK(resolve::parse_number("2,5", "az") == 2.5);
  CHECK(resolve::parse_number("2.5", "az") == 2.5);
  CHECK(resolve::parse_number("1.200.000", "az") == 1200000);
  CHECK(resolve::parse_number("1.200", "az") == 1200);
  CHECK(resolve::parse_number("1,200,000", "en") == 1200000);
  CHECK(resolve::parse_number("5.75", "en") == 5.75);
  CHECK(resolve::parse_number("15,3", "ru") == 15.3);
  CHECK_FALSE(resolve::parse_number("abc", "az").has_value());
  CHECK_FALSE(resolve::parse_number("", "az").has_value());
}

TEST_CASE("dates move by days across months and leap years", "[numbers]") {
  CHECK(resolve::add_days("2024-03-01", -1) == "2024-02-29");
  CHECK(resolve::add_days("2025-12-31", 1) == "2026-01-01");
  CHECK_FALSE(resolve::add_days("2025-02-30", 0).has_value());
  CHECK_FALSE(resolve::add_days("yesterday", 0).has_value());
}

TEST_CASE("genitive suffixes come off names, preferring attested forms", "[names]") {
  std::shared_ptr<const RuleSet> rs;
  REQUIRE(RuleSet::load({}, &rs).ok());
  const detail::LanguageRules* az = rs->compiled().language("az");
  REQUIRE(az != nullptr);
  CHECK(resolve::strip_name_suffix("Əliyevin", *az, {}) == "Əliyev");
  CHECK(resolve::strip_name_suffix("Tokayevin", *az, {}) == "Tokayev");
  CHECK(resolve::strip_name_suffix("Cabbarovun", *az, {}) == "Cabbarov");
  CHECK(resolve::strip_name_suffix("Həsənovanın", *az, {"Leyla Həsənova"}) == "Həsənova");
  CHECK(resolve::strip_name_suffix("Putinin", *az, {"Putin"}) == "Putin");
  CHECK(resolve::strip_name_suffix("Əliyev", *az, {}) == "Əliyev");
  // A stem with a surname ending wins; written in the text, the stem written.
  CHECK(resolve::strip_name_suffix("Hüseynzadənin", *az, {}) == "Hüseynzadə");
  CHECK(resolve::strip_name_suffix("Ərdoğanın", *az, {}, "Rəcəb Tayyib Ərdoğan dedi.") ==
        "Ərdoğan");
  // Unattested and without a surname ending, the consonant stem.
  CHECK(resolve::strip_name_suffix("Şimşekin", *az, {}) == "Şimşek");
  // A name that only ends like a suffix stays whole where its case is not known.
  CHECK(resolve::strip_name_suffix("Coşkun", *az, {}, "", false) == "Coşkun");
  CHECK(resolve::strip_name_suffix("Coşkun", *az, {"Alper Coşkun"}) == "Coşkun");
}
