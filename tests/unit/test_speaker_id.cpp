// speaker_id: one key for a person across documents and languages.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>

#include "builtin_rules.hpp"
#include "quotex/extractor.hpp"
#include "resolve/speaker_id.hpp"
#include "rules/model.hpp"

using namespace quotex;
using resolve::speaker_key;

TEST_CASE("speaker_key: one person written in Azerbaijani, Russian and English", "[speaker_id]") {
  CHECK(speaker_key("İlham Əliyev", "az") == "ilham-aliyev");
  CHECK(speaker_key("Ильхам Алиев", "ru") == "ilham-aliyev");
  CHECK(speaker_key("Ilham Aliyev", "en") == "ilham-aliyev");
  CHECK(speaker_key("ILHAM ALIYEV", "en") == "ilham-aliyev");
  // c, ç, ş, x, q, ı and ə against BGN/PCGN's Russian and English spellings.
  CHECK(speaker_key("Ceyhun Bayramov", "az") == speaker_key("Джейхун Байрамов", "ru"));
  CHECK(speaker_key("Ceyhun Bayramov", "az") == speaker_key("Jeyhun Bayramov", "en"));
  CHECK(speaker_key("Qasım-Jomart Tokayev", "az") == speaker_key("Касым-Жомарт Токаев", "ru"));
  CHECK(speaker_key("Kassym-Jomart Tokayev", "en") == speaker_key("Касым-Жомарт Токаев", "ru"));
  CHECK(speaker_key("Şahmar Mövsümov", "az") == speaker_key("Шахмар Мовсумов", "ru"));
  // Different people stay apart.
  CHECK(speaker_key("İlham Əliyev", "az") != speaker_key("Əli Həsənov", "az"));
  CHECK(speaker_key("Əli Həsənov", "az") != speaker_key("Leyla Həsənova", "az"));
  CHECK(speaker_key("...", "az").empty());
}

TEST_CASE("speaker_id on quote records", "[speaker_id]") {
  Extractor ex(testing::builtin_rules(), ExtractOptions{});
  const std::vector<Record> got =
      ex.extract(Document{"d",
                          "Azərbaycan Prezidenti İlham Əliyev bildirib: «Biz hazırıq». Sonra "
                          "Əliyev qeyd edib: «Yol uzundur».",
                          "", ""});
  int quotes = 0;
  for (const Record& r : got) {
    if (r.type != RecordType::quote) continue;
    ++quotes;
    REQUIRE(r.speaker_id);
    CHECK(*r.speaker_id == speaker_key("Ilham Aliyev", "en"));
  }
  CHECK(quotes == 2);
}

namespace {

std::string speaker_id_of(const Extractor& ex, const std::string& text, const std::string& date) {
  for (const Record& r : ex.extract(Document{"d", text, "az", date})) {
    if (r.type == RecordType::quote) return r.speaker_id.value_or("null");
  }
  return "no quote";
}

// A pack folder holding one file.
std::string pack_dir(const std::string& name, const std::string& toml) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("quotex-alias-" + name);
  std::filesystem::create_directories(dir / "az");
  std::ofstream(dir / "az" / "people.toml") << toml;
  return dir.string();
}

}  // namespace

TEST_CASE("aliases: variants, and roles on the document's date", "[speaker_id]") {
  Extractor ex(testing::builtin_rules(), ExtractOptions{});
  CHECK(speaker_id_of(ex, "İ.Əliyev bildirib: «Biz hazırıq».", "") == "ilham-aliyev");
  // A bare title: whoever held it on the day; nobody without a date.
  const std::string title = "Azərbaycan Prezidenti bildirib: «Biz hazırıq».";
  CHECK(speaker_id_of(ex, title, "2025-10-21") == "ilham-aliyev");
  CHECK(speaker_id_of(ex, title, "1999-05-01") == "heydar-aliyev");
  CHECK(speaker_id_of(ex, title, "2003-10-31") == "ilham-aliyev");  // the day the term began
  CHECK(speaker_id_of(ex, title, "") == "null");
  CHECK(speaker_id_of(ex, "Qazaxıstan Prezidenti bildirib: «Biz hazırıq».", "2018-01-01") ==
        speaker_id_of(ex, "Nursultan Nazarbayev bildirib: «Biz hazırıq».", ""));
}

TEST_CASE("aliases: a user's pack adds people and ids", "[speaker_id]") {
  const std::string dir = pack_dir("ok", R"(
[pack]
lang = "az"
[[alias]]
id = "nargiz-alibayli-health"
name = "Nərgiz Əlibəyli"
variants = ["Наргиз Алибейли"]
[[alias.role]]
title = "Səhiyyə naziri"
from = "2020-01-01"
)");
  std::shared_ptr<const RuleSet> rules;
  REQUIRE(RuleSet::load({dir}, &rules).ok());
  Extractor ex(rules, ExtractOptions{});
  CHECK(speaker_id_of(ex, "Nərgiz Əlibəyli bildirib: «Biz hazırıq».", "") ==
        "nargiz-alibayli-health");
  CHECK(speaker_id_of(ex, "Səhiyyə naziri bildirib: «Biz hazırıq».", "2024-02-02") ==
        "nargiz-alibayli-health");
  CHECK(speaker_id_of(ex, "Səhiyyə naziri bildirib: «Biz hazırıq».", "2019-12-31") == "null");
  // The built-in aliases are still there.
  CHECK(speaker_id_of(ex, "İ.Əliyev bildirib: «Biz hazırıq».", "") == "ilham-aliyev");
}

TEST_CASE("aliases: mistakes are file:line:col errors", "[speaker_id]") {
  const std::string dir = pack_dir("bad", R"([pack]
lang = "az"
[[alias]]
variants = ["X"]
[[alias]]
name = "A B"
nick = "ab"
[[alias]]
name = "C D"
[[alias.role]]
title = "Nazir"
from = "2024-02-30"
)");
  std::shared_ptr<const RuleSet> rules;
  const Status st = RuleSet::load({dir}, &rules);
  REQUIRE_FALSE(st.ok());
  std::vector<std::string> got;
  for (const Error& e : st.errors()) got.push_back(e.to_string());
  const std::string file = dir + "/az/people.toml";
  auto has = [&](const std::string& s) {
    return std::find(got.begin(), got.end(), s) != got.end();
  };
  CHECK(has(file + ":3:1: alias: 'name' is required"));
  CHECK(has(file + ":7:8: alias: unknown key 'nick' (name, id, variants, role)"));
  CHECK(has(file + ":12:8: alias: 'from' must be a real day as YYYY-MM-DD"));
  INFO(got.size());
  for (const std::string& g : got) INFO(g);
}

// Every alias of the built-in packs proves itself: each variant gives the
// alias's id, and each role on the first day of its term names its holder.
TEST_CASE("aliases: every built-in alias and role", "[speaker_id]") {
  const std::shared_ptr<const RuleSet> rules = testing::builtin_rules();
  Extractor ex(rules, ExtractOptions{});
  const auto& aliases = rules->compiled().aliases;
  REQUIRE(aliases.size() >= 4);
  for (const detail::Alias& a : aliases) {
    const std::string id = a.id.empty() ? speaker_key(a.name, a.lang) : a.id;
    INFO(a.name);
    for (const std::string& v : a.variants) {
      INFO(v);
      const auto it = rules->compiled().alias_by_key.find(
          speaker_key(v, v.find("\xD0") != std::string::npos ? "ru" : a.lang));
      REQUIRE(it != rules->compiled().alias_by_key.end());
      CHECK(it->second == &a);
    }
    for (const detail::AliasRole& r : a.roles) {
      INFO(r.title);
      CHECK(speaker_id_of(ex, r.title + " bildirib: «Biz hazırıq».", r.from) == id);
    }
  }
}
