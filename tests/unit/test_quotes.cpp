// Pairing quote marks.
#include <catch2/catch.hpp>

#include "resolve/quotes.hpp"
#include "text/segment.hpp"

using namespace quotex;

namespace {
const std::vector<detail::QuotePair> kPairs = {{"\u201C", "\u201D"}, {"\u00AB", "\u00BB"},
                                               {"\u201E", "\u201C"}, {"\"", "\""},
                                               {"\"", "\u201D"},     {"\u201C", "\""}};

std::vector<std::string> inner(const std::string& t, std::size_t max = 4000) {
  text::Segments seg = text::segment(t, "az");
  std::vector<std::string> out;
  for (const auto& q : resolve::pair_quotes(t, kPairs, seg, max)) {
    out.push_back(std::to_string(q.depth) + ":" +
                  t.substr(q.inner_begin, q.inner_end - q.inner_begin));
  }
  return out;
}
}  // namespace

TEST_CASE("curly, guillemet and straight quotes pair", "[quotes]") {
  CHECK(inner("O dedi: “bir” və «iki» və \"üç\".") ==
        std::vector<std::string>{"0:bir", "0:iki", "0:üç"});
}

TEST_CASE("mixed marks pair where the packs say they may", "[quotes]") {
  CHECK(inner("O dedi: \"bir” və “iki\".") == std::vector<std::string>{"0:bir", "0:iki"});
}

TEST_CASE("a straight-quoted quotation may hold a straight-quoted name", "[quotes]") {
  CHECK(
      inner("O dedi: \"Biz \"Azərbaycan 2030\" ilə irəliləyirik\" deyə.") ==
      std::vector<std::string>{"0:Biz \"Azərbaycan 2030\" ilə irəliləyirik", "1:Azərbaycan 2030"});
}

TEST_CASE("a straight-quoted quotation may open with a straight-quoted name", "[quotes]") {
  CHECK(inner("\"\"Aqrar\" proqramı ilə biz artdıq\".") ==
        std::vector<std::string>{"0:\"Aqrar\" proqramı ilə biz artdıq", "1:Aqrar"});
}

TEST_CASE("nested quotes keep their depth", "[quotes]") {
  CHECK(inner("«Biz „Neftçi“ klubunu dəstəkləyirik»") ==
        std::vector<std::string>{"0:Biz „Neftçi“ klubunu dəstəkləyirik", "1:Neftçi"});
}

TEST_CASE("an unclosed mark yields nothing and does not eat later quotes", "[quotes]") {
  CHECK(inner("Başlıq “açıq qaldı.\nSonra “iki” gəldi.") == std::vector<std::string>{"0:iki"});
}

TEST_CASE("a quotation may run over paragraphs that reopen with the mark", "[quotes]") {
  auto q = inner("“Birinci abzas.\n“İkinci abzas.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0] == "0:Birinci abzas.\n“İkinci abzas.");
}

TEST_CASE("a quotation that opens its paragraph may close paragraphs later", "[quotes]") {
  auto q = inner("O deyib:\n“Birinci abzas, “Sabah” klubu.\nİkinci abzas.\nÜçüncü abzas.”\nSon.");
  CHECK(q == std::vector<std::string>{
                 "0:Birinci abzas, “Sabah” klubu.\nİkinci abzas.\nÜçüncü abzas.", "1:Sabah"});
  // One that never closes leaves the quotations inside it at the top level.
  CHECK(inner("“Açıq qaldı.\nSonra “iki” gəldi.") == std::vector<std::string>{"0:iki"});
  // A straight quote that looks opening in a later paragraph does not close it.
  CHECK(inner("\"Bir.\nİki \"Report\" yazır.") == std::vector<std::string>{"0:Report"});
}

TEST_CASE("a quotation opened after a colon may close paragraphs later", "[quotes]") {
  auto q = inner("O bildirib: “Birinci abzas, “Jurnal” sayı.\nİkinci abzas.”\nSon.");
  CHECK(q ==
        std::vector<std::string>{"0:Birinci abzas, “Jurnal” sayı.\nİkinci abzas.", "1:Jurnal"});
  // Opened after other words, a quotation left open ends with its paragraph.
  CHECK(inner("O “bir abzas.\nİkinci “söz” gəldi.") == std::vector<std::string>{"0:söz"});
}

TEST_CASE("spans longer than the cap are dropped", "[quotes]") {
  std::string t = "“" + std::string(5000, 'a') + "” və “qısa”";
  CHECK(inner(t, 1000) == std::vector<std::string>{"0:qısa"});
}

TEST_CASE("ten thousand nested marks finish quickly", "[quotes]") {
  std::string t;
  for (int i = 0; i < 10000; ++i) t += "«";
  for (int i = 0; i < 10000; ++i) t += "»";
  auto q = inner(t);
  CHECK(q.size() <= 16);
}
