// normalize, detect language, segment.
#include <catch2/catch.hpp>

#include "text/language.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"
#include "text/utf8.hpp"

using namespace quotex::text;

TEST_CASE("normalize folds hyphens and dashes and maps back to original bytes", "[normalize]") {
  const std::string orig = "Kassym\u2011Jomart \u2013 Tokayev";  // U+2011, U+2013
  NormText n = normalize(orig);
  CHECK(n.text == "Kassym-Jomart - Tokayev");
  REQUIRE(n.to_orig.size() == n.text.size() + 1);
  // "Jomart" starts after the 3-byte U+2011 in the original.
  const std::size_t j = n.text.find("Jomart");
  CHECK(orig.substr(n.orig_start(j), 6) == "Jomart");
  const std::size_t t = n.text.find("Tokayev");
  CHECK(orig.substr(n.orig_start(t)) == "Tokayev");
  CHECK(n.orig_end(n.text.size()) == orig.size());
}

TEST_CASE("normalize replaces invalid bytes and keeps offsets on the original", "[normalize]") {
  const std::string orig = std::string("ab\xff\xfe") + "cd" + std::string(1, '\0') + "e";
  NormText n = normalize(orig);
  CHECK(n.text == "ab\uFFFD\uFFFDcd e");
  const std::size_t c = n.text.find("cd");
  CHECK(n.orig_start(c) == 4);
  CHECK(n.orig_start(n.text.find('e')) == 7);
}

TEST_CASE("normalize drops a BOM and composes to NFC with a map", "[normalize]") {
  const std::string orig =
      "\xEF\xBB\xBF"
      "Cafe\xCC\x81 x";  // BOM, e + combining acute
  NormText n = normalize(orig);
  CHECK(n.text == "Caf\u00E9 x");
  CHECK(n.orig_start(0) == 3);
  const std::size_t x = n.text.find('x');
  CHECK(orig.substr(n.orig_start(x)) == "x");
}

TEST_CASE("no-break spaces and quote look-alikes are unified", "[normalize]") {
  NormText n = normalize("a\u00A0b \u201Fq\u201D");
  CHECK(n.text == "a b \u201Cq\u201D");
}

TEST_CASE("language detection follows script and letters", "[language]") {
  CHECK(detect_language("Prezident bildirib ki, ixrac artır və ölkə inkişaf edir.") == "az");
  CHECK(detect_language("Президент заявил, что экспорт растет.") == "ru");
  CHECK(detect_language("Президент экспорттың өсіп жатқанын айтты.") == "kk");
  CHECK(detect_language("Cumhurbaşkanı ihracatın arttığını söyledi.") == "tr");
  CHECK(detect_language("The president said exports are growing.") == "en");
  CHECK(detect_language("") == "en");
}

TEST_CASE("sentences and paragraphs cover the text", "[segment]") {
  const std::string t = "Birinci cümlə. İkinci cümlə!\nYeni abzas.";
  Segments s = segment(t, "az");
  REQUIRE(s.sentences.size() == 3);
  CHECK(t.substr(s.sentences[1].begin, s.sentences[1].end - s.sentences[1].begin) ==
        "İkinci cümlə!\n");
  REQUIRE(s.paragraphs.size() == 2);
  CHECK(s.sentence_at(t.find("Yeni")) == 2);
  CHECK(s.paragraph_at(t.find("Yeni")) == 1);
}

TEST_CASE("blank lines join the sentence before them", "[segment]") {
  const std::string t = "Birinci.\n\n\nİkinci.";
  Segments s = segment(t, "az");
  REQUIRE(s.sentences.size() == 2);
  CHECK(s.sentences[0].end == t.find("İkinci"));
}

TEST_CASE("an initial before a name ends no sentence", "[segment]") {
  const std::string t =
      "Vəkil bildirib ki, Ə. Zeynalov işi çətinləşdirib. V. Kərimov da gəlib. ABŞ. Sonra.";
  Segments s = segment(t, "az");
  REQUIRE(s.sentences.size() == 4);
  CHECK(s.sentences[0].end == t.find("V. Kərimov"));
  CHECK(s.sentences[1].end == t.find("ABŞ"));
  CHECK(s.sentences[2].end == t.find("Sonra"));
}

TEST_CASE("a sentence without an end is cut into bounded pieces", "[segment]") {
  std::string t;
  for (int i = 0; i < 5000; ++i) t += "söz ";
  Segments s = segment(t, "az", 1000);
  CHECK(s.sentences.size() >= 20);
  for (const Span& sp : s.sentences) CHECK(sp.end - sp.begin <= 1000);
  CHECK(s.sentences.back().end == t.size());
}

TEST_CASE("fold_key lower-cases with the language's rules", "[utf8]") {
  CHECK(fold_key("İlham  ƏLİYEV", "az") == "ilham əliyev");
  CHECK(fold_key("IŞIQ", "az") == "ışıq");
  CHECK(count_code_points("Əliyev") == 6);
  CHECK(upper_first("ilham", "az") == "İlham");
}
