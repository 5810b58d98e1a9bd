// Loading rule packs: errors with places, overrides, examples.
#include <catch2/catch.hpp>

#include <algorithm>

#include "quotex/extractor.hpp"
#include "quotex/rule_set.hpp"

using namespace quotex;

namespace {
std::vector<std::string> load_errors(const std::string& file, const std::string& text) {
  std::shared_ptr<const RuleSet> rs;
  Status st = RuleSet::load_texts({{file, text}}, true, &rs);
  std::vector<std::string> out;
  for (const Error& e : st.errors()) out.push_back(e.to_string());
  if (st.ok()) CHECK(rs != nullptr);
  return out;
}
}  // namespace

TEST_CASE("the embedded packs load and every example passes", "[rules]") {
  std::shared_ptr<const RuleSet> rs;
  Status st = RuleSet::load({}, &rs);
  REQUIRE(st.ok());
  CHECK(rs->size() > 20);
  ExampleReport r = test_examples(rs);
  for (const Error& e : r.failures) INFO(e.to_string());
  CHECK(r.failed == 0);
  CHECK(r.passed > 50);
}

TEST_CASE("a bad regex is reported at its place", "[rules]") {
  auto errs = load_errors("my/az/bad.toml",
                          "[[rule]]\nid = \"x.bad\"\ntype = \"date\"\n"
                          "pattern = '(?P<year>\\d{4}'\n"
                          "[[rule.example]]\ntext = \"2020\"\n");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].rfind("my/az/bad.toml:4:", 0) == 0);
  CHECK(errs[0].find("bad pattern regex") != std::string::npos);
}

TEST_CASE("an unknown lexicon is reported at the reference", "[rules]") {
  auto errs = load_errors("my/az/lex.toml",
                          "[[rule]]\nid = \"x.lex\"\ntype = \"date\"\n"
                          "pattern = '(?P<year>\\d{4}) {nosuch}'\n");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0] == "my/az/lex.toml:4:28: unknown lexicon '{nosuch}'");
}

TEST_CASE("an unknown field, type or key is an error, and all are reported", "[rules]") {
  auto errs = load_errors("my/az/f.toml",
                          "[[rule]]\nid = \"x.f\"\ntype = \"date\"\n"
                          "pattern = '(?P<colour>\\d{4})'\n"
                          "[[rule]]\nid = \"x.g\"\ntype = \"dates\"\npattern = 'x'\n"
                          "[[rule]]\nid = \"x.h\"\ntype = \"date\"\npattern = 'x'\nspeed = 3\n");
  REQUIRE(errs.size() == 3);
  CHECK(errs[0].find("unknown field 'colour' for a date rule") != std::string::npos);
  CHECK(errs[1].find("unknown type 'dates'") != std::string::npos);
  CHECK(errs[2].find("unknown key 'speed'") != std::string::npos);
}

TEST_CASE("TOML syntax errors carry line and column", "[rules]") {
  auto errs = load_errors("my/az/syntax.toml", "[[rule]]\nid = \"x\nbroken\n");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].rfind("my/az/syntax.toml:2:", 0) == 0);
}

TEST_CASE("a duplicate rule id is an error", "[rules]") {
  auto errs = load_errors("my/az/dup.toml",
                          "[[rule]]\nid = \"az.date.year\"\ntype = \"date\"\npattern = 'x'\n");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].find("already used") != std::string::npos);
}

TEST_CASE("a pack of the same name overrides the built-in one", "[rules]") {
  std::shared_ptr<const RuleSet> rs;
  // Replaces rules/az/numbers.toml: its rules are gone, this one is there.
  Status st = RuleSet::load_texts(
      {{"rules/az/numbers.toml",
        "[[rule]]\nid = \"house.year\"\ntype = \"date\"\npattern = '(?P<year>\\d{4})-ci'\n"
        "[[rule.example]]\ntext = \"2020-ci il\"\nexpect = { value = \"2020\" }\n"}},
      true, &rs);
  REQUIRE(st.ok());
  bool has_new = false, has_old = false;
  for (const RuleInfo& r : rs->list()) {
    has_new |= r.id == "house.year";
    has_old |= r.id == "az.date.year";
  }
  CHECK(has_new);
  CHECK_FALSE(has_old);
}

TEST_CASE("rules test reports a failing example at its place", "[rules]") {
  std::shared_ptr<const RuleSet> rs;
  Status st = RuleSet::load_texts(
      {{"my/az/wrong.toml",
        "[[rule]]\nid = \"x.wrong\"\ntype = \"date\"\npattern = '(?P<year>\\d{4})-ci'\n"
        "[[rule.example]]\ntext = \"2020-ci il\"\nexpect = { value = \"2021\" }\n"
        "[[rule.counter]]\ntext = \"2020-ci il\"\n"}},
      true, &rs);
  REQUIRE(st.ok());
  ExampleReport r = test_examples(rs);
  REQUIRE(r.failed == 2);
  std::vector<std::string> msgs;
  for (const Error& e : r.failures) msgs.push_back(e.to_string());
  CHECK(std::count_if(msgs.begin(), msgs.end(), [](const std::string& m) {
          return m.rfind("my/az/wrong.toml:5:1: rule 'x.wrong': got value=\"2020\"", 0) == 0;
        }) == 1);
  CHECK(std::count_if(msgs.begin(), msgs.end(), [](const std::string& m) {
          return m.rfind("my/az/wrong.toml:8:1: rule 'x.wrong': counter-example yielded", 0) == 0;
        }) == 1);
}

TEST_CASE("lint asks for examples", "[rules]") {
  std::shared_ptr<const RuleSet> rs;
  Status st = RuleSet::load_texts({{"my/az/bare.toml",
                                    "[pack]\nversion = \"1.0.0\"\n[[rule]]\nid = \"x.bare\"\ntype "
                                    "= \"date\"\npattern = 'x'\n"}},
                                  true, &rs);
  REQUIRE(st.ok());
  std::vector<std::string> lint;
  for (const Error& e : rs->lint()) lint.push_back(e.to_string());
  CHECK(lint ==
        std::vector<std::string>{"my/az/bare.toml:3:1: rule 'x.bare' has no positive example",
                                 "my/az/bare.toml:3:1: rule 'x.bare' has no negative example"});
}

TEST_CASE("every built-in pack has a version, and packs are listed with a fingerprint",
          "[rules][version]") {
  std::shared_ptr<const RuleSet> rs;
  REQUIRE(RuleSet::load({}, &rs).ok());
  REQUIRE(!rs->packs().empty());
  for (const PackInfo& p : rs->packs()) {
    INFO(p.name);
    CHECK(p.built_in);
    CHECK(!p.version.empty());
    CHECK(p.fingerprint.size() == 8);
  }
  CHECK(rs->lint().empty());
}

TEST_CASE("a pack's version must be MAJOR.MINOR.PATCH", "[rules][version]") {
  for (const char* bad : {"\"1.2\"", "\"v1.2.3\"", "\"1.2.3-rc1\"", "\"1..3\"", "3"}) {
    INFO(bad);
    auto errs = load_errors("my/az/v.toml", std::string("[pack]\nversion = ") + bad + "\n");
    REQUIRE(errs.size() == 1);
    CHECK(errs[0].rfind("my/az/v.toml:2:11: [pack] version must be", 0) == 0);
  }
  CHECK(load_errors("my/az/v.toml", "[pack]\nversion = \"10.0.12\"\n").empty());
}

TEST_CASE(
    "a user's pack replaces the built-in one in the pack list; one without a version "
    "is a lint finding",
    "[rules][version]") {
  std::shared_ptr<const RuleSet> rs;
  REQUIRE(RuleSet::load_texts({{"rules/az/aliases.toml", "[pack]\ndescription = \"mine\"\n"}}, true,
                              &rs)
              .ok());
  const auto& packs = rs->packs();
  auto it = std::find_if(packs.begin(), packs.end(),
                         [](const PackInfo& p) { return p.name == "az/aliases"; });
  REQUIRE(it != packs.end());
  CHECK(!it->built_in);
  CHECK(it->version.empty());
  CHECK(it->file == "rules/az/aliases.toml");
  CHECK(std::count_if(packs.begin(), packs.end(),
                      [](const PackInfo& p) { return p.name == "az/aliases"; }) == 1);
  auto lint = rs->lint();
  REQUIRE(!lint.empty());
  CHECK(lint[0].to_string() ==
        "rules/az/aliases.toml:1:1: pack 'az/aliases' has no [pack] version");
}
