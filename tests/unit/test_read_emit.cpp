// JSON Lines input and the output formats.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "quotex/emit.hpp"
#include "read/decode.hpp"
#include "read/reader.hpp"
#include "util/iso_date.hpp"

#include <stdlib.h>
#include <filesystem>
#include <fstream>

using namespace quotex;

TEST_CASE("JSON Lines documents carry id, lang and date", "[read]") {
  Document d;
  Error e, w;
  REQUIRE(read::parse_jsonl_line(R"({"id":"a1","text":"Salam","lang":"az","date":"2025-01-02"})",
                                 "in.jsonl", 3, &d, &e, &w));
  CHECK(w.message.empty());
  CHECK(d.id == "a1");
  CHECK(d.text == "Salam");
  CHECK(d.lang == "az");
  CHECK(d.date == "2025-01-02");
  REQUIRE(read::parse_jsonl_line(R"({"text":"x"})", "in.jsonl", 7, &d, &e, &w));
  CHECK(d.id == "in.jsonl:7");
}

TEST_CASE("a JSON Lines date that is no real day is dropped with a warning", "[read]") {
  for (const char* bad : {"2025-02-30", "abcd-ef-gh", "0000-00-00", "2023-02-29", "2025-1-02"}) {
    Document d;
    Error e, w;
    REQUIRE(read::parse_jsonl_line(fmt::format(R"({{"text":"x","date":"{}"}})", bad), "in.jsonl", 2,
                                   &d, &e, &w));
    CHECK(d.date.empty());
    CHECK(w.to_string().starts_with("in.jsonl:2:1: warning: \"date\""));
  }
  Document d;
  Error e, w;
  REQUIRE(read::parse_jsonl_line(R"({"text":"x","date":"2024-02-29"})", "in.jsonl", 2, &d, &e, &w));
  CHECK(d.date == "2024-02-29");
  CHECK(w.message.empty());
}

TEST_CASE("an oversized document is reported and skipped, the others read", "[read]") {
  std::string templ = (std::filesystem::temp_directory_path() / "quotex-read-XXXXXX").string();
  REQUIRE(mkdtemp(templ.data()) != nullptr);
  const std::string dir = templ;
  std::ofstream(dir + "/a.txt") << "short";
  std::ofstream(dir + "/b.txt") << std::string(100, 'x');
  std::ofstream(dir + "/c.jsonl") << "{\"text\":\"ok\"}\n{\"text\":\"" << std::string(100, 'y')
                                  << "\"}\n{\"text\":\"fine\"}\n";
  read::ReadOptions opt;
  opt.max_document_bytes = 50;
  std::vector<std::string> ids, errors;
  auto doc = [&](Document&& d) { ids.push_back(d.id + "=" + d.text); };
  auto err = [&](const Error& e) { errors.push_back(e.to_string()); };
  CHECK_FALSE(read::read_all({dir + "/a.txt", dir + "/b.txt"}, opt, doc, err));
  CHECK(ids == std::vector<std::string>{dir + "/a.txt=short"});
  CHECK(errors == std::vector<std::string>{
                      dir + "/b.txt: document larger than 50 bytes skipped (--max-doc-bytes)"});
  ids.clear(), errors.clear();
  opt.format = read::InputFormat::jsonl;
  CHECK_FALSE(read::read_all({dir + "/c.jsonl"}, opt, doc, err));
  CHECK(ids == std::vector<std::string>{dir + "/c.jsonl:1=ok", dir + "/c.jsonl:3=fine"});
  CHECK(errors == std::vector<std::string>{
                      dir + "/c.jsonl:2:1: line longer than 50 bytes skipped (--max-doc-bytes)"});
  std::filesystem::remove_all(dir);
}

TEST_CASE("bad JSON Lines are reported with their line", "[read]") {
  Document d;
  Error e;
  Error w;
  CHECK_FALSE(read::parse_jsonl_line("{\"text\": ", "in.jsonl", 4, &d, &e, &w));
  CHECK(e.to_string().rfind("in.jsonl:4:1: invalid JSON", 0) == 0);
  CHECK_FALSE(read::parse_jsonl_line("{\"id\": 1}", "in.jsonl", 5, &d, &e, &w));
  CHECK(e.to_string() == "in.jsonl:5:1: missing string field \"text\"");
}

TEST_CASE("records serialise to the SPEC's JSON", "[emit]") {
  Record r;
  r.doc = "a.txt";
  r.type = RecordType::quote;
  r.text = "say \"hi\"\n";
  r.start = 1, r.end = 10, r.line = 1, r.col = 2;
  r.lang = "az";
  r.rule = "az.x";
  r.id = "00112233445566ff";
  r.kind = QuoteKind::partial;
  CHECK(
      to_json(r) ==
      R"({"doc":"a.txt","type":"quote","text":"say \"hi\"\n","start":1,"end":10,"line":1,"col":2,)"
      R"("lang":"az","rule":"az.x","id":"00112233445566ff","kind":"partial","speaker":null,)"
      R"("speaker_text":null,"cue":null,"cue_class":null,"speaker_start":null,"speaker_end":null,)"
      R"("speaker_id":null})");
  // meta (a JSONL document's other fields, as written) and --context follow the id.
  r.meta = std::make_shared<const std::string>(R"({"url":"u"})");
  r.context = "He said \"hi\".";
  CHECK(to_json(r).find(
            R"("id":"00112233445566ff","meta":{"url":"u"},"context":"He said \"hi\".",)") !=
        std::string::npos);
  r.meta = nullptr;
  r.context.reset();
  Record a;
  a.type = RecordType::amount;
  a.text = "$1 milyard";
  a.value = 1e9;
  a.unit = "USD";
  CHECK(to_json(a).find(R"("value":1000000000,"unit":"USD","bound":null)") != std::string::npos);
  a.value_max = 2e9;  // a range: the upper end follows the value
  CHECK(to_json(a).find(R"("value":1000000000,"value_max":2000000000,"unit":"USD")") !=
        std::string::npos);
  CHECK(to_row(a, Format::csv).find(",1000000000/2000000000,") != std::string::npos);
  Record bad;
  bad.type = RecordType::date;
  bad.text = "\xff";
  CHECK(to_json(bad).find("\"text\":\"\xEF\xBF\xBD\"") != std::string::npos);
}

TEST_CASE("CSV quotes cells and TSV flattens tabs", "[emit]") {
  Record r;
  r.type = RecordType::date;
  r.text = "5 mart, 2024";
  r.date_value = "2024-03-05";
  CHECK(to_row(r, Format::csv).find("\"5 mart, 2024\"") != std::string::npos);
  r.text = "a\tb";
  CHECK(to_row(r, Format::tsv).find("a b") != std::string::npos);
  CHECK(table_header(Format::csv).rfind("doc,type,text,", 0) == 0);
}

#include "util/intervals.hpp"

TEST_CASE("interval sets answer overlaps", "[util]") {
  quotex::util::Intervals iv;
  CHECK_FALSE(iv.overlaps(0, 10));
  iv.add(10, 20);
  iv.add(30, 40);
  CHECK(iv.overlaps(5, 11));
  CHECK(iv.overlaps(19, 25));
  CHECK(iv.overlaps(0, 100));
  CHECK_FALSE(iv.overlaps(20, 30));
  CHECK_FALSE(iv.overlaps(0, 10));
  CHECK_FALSE(iv.overlaps(40, 50));
}

TEST_CASE("UTF-16 is decoded with a map back to its bytes, pairs split or not", "[read]") {
  // "a😀b" in UTF-16LE with a byte-order mark; then enough text before the
  // emoji that its surrogates straddle a conversion chunk.
  for (std::size_t pad : {std::size_t{0}, std::size_t{65535}}) {
    std::u16string u = std::u16string(pad, u'x') + u"a\U0001F600b";
    Document d;
    d.text = "\xFF\xFE";
    for (char16_t c : u) d.text += {static_cast<char>(c & 0xFF), static_cast<char>(c >> 8)};
    std::string err;
    REQUIRE(read::decode_document(&d, "", &err));
    CHECK(d.encoding == "UTF-16");
    CHECK(d.text == std::string(pad, 'x') +
                        "a\xF0\x9F\x98\x80"
                        "b");
    REQUIRE(d.source_offsets.size() == d.text.size() + 1);
    CHECK(d.source_offsets[pad] == 2 + 2 * pad);      // 'a'
    CHECK(d.source_offsets[pad + 1] == 4 + 2 * pad);  // each byte of the emoji
    CHECK(d.source_offsets[pad + 4] == 4 + 2 * pad);
    CHECK(d.source_offsets[pad + 5] == 8 + 2 * pad);  // 'b'
    CHECK(d.source_offsets.back() == 10 + 2 * pad);
  }
}

TEST_CASE("mostly UTF-8 with a stray byte stays UTF-8", "[read]") {
  Document d;
  d.text = "Nazir dedi: \xE2\x80\x9C\xFF hazırıq\xE2\x80\x9D.";
  const std::string before = d.text;
  std::string err;
  REQUIRE(read::decode_document(&d, "", &err));
  CHECK(d.text == before);
  CHECK(d.encoding.empty());
  CHECK(d.source_offsets.empty());
}

TEST_CASE("ISO dates are real days", "[read]") {
  for (const char* ok : {"2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"}) {
    CHECK(util::valid_iso_date(ok));
  }
  for (const char* bad : {"2023-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "0000-01-01",
                          "2025-00-10", "2025-1-1", "25-01-01", "2025/01/01", "abcd-ef-gh", ""}) {
    CHECK_FALSE(util::valid_iso_date(bad));
  }
}
