// speaker_id: one key for a person across documents and languages.
#include <catch2/catch.hpp>
#include <memory>

#include "quotex/extractor.hpp"
#include "resolve/speaker_id.hpp"

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
  std::shared_ptr<const RuleSet> rules;
  REQUIRE(RuleSet::load({}, &rules).ok());
  Extractor ex(rules, ExtractOptions{});
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
