// The whole pipeline on the seed article against its gold file, and the
// contract of records (offsets on original bytes, line/col).
#include <simdjson.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "builtin_rules.hpp"
#include "quotex/emit.hpp"
#include "quotex/extractor.hpp"

using namespace quotex;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::shared_ptr<const RuleSet> rules() {
  return testing::builtin_rules();
}

std::vector<Record> run(const std::string& text, ExtractOptions opt = {}) {
  Extractor ex(rules(), opt);
  return ex.extract(Document{"t", text, "", ""});
}

// The quotations of a text, no other records.
std::vector<Record> quotes_of(const std::string& text) {
  ExtractOptions opt;
  opt.types = 1u << unsigned(RecordType::quote);
  return run(text, opt);
}

const std::string kSeed = std::string(QUOTEX_SOURCE_DIR) + "/samples/az/000_a5c5ee54b155f9dd";

}  // namespace

TEST_CASE("the seed article yields every gold record and no other quote", "[pipeline][seed]") {
  const std::string text = slurp(kSeed + ".txt");
  REQUIRE(!text.empty());
  simdjson::dom::parser parser;
  simdjson::dom::element gold = parser.load(kSeed + ".gold.json");
  ExtractOptions opt;
  opt.doc_date = std::string(std::string_view(gold["doc_date"]));
  std::vector<Record> recs = run(text, opt);

  std::vector<bool> used(recs.size(), false);
  for (simdjson::dom::element q : gold["quotes"].get_array()) {
    const std::string want{std::string_view(q["text"])};
    bool optional = false;
    if (q["optional"].is_bool()) optional = bool(q["optional"]);
    bool found = false;
    for (std::size_t i = 0; i < recs.size(); ++i) {
      const Record& r = recs[i];
      if (r.type != RecordType::quote || r.text != want) continue;
      used[i] = true;
      found = true;
      if (optional) break;
      INFO(want);
      CHECK(to_string(r.kind) == std::string_view(q["kind"]));
      REQUIRE(r.speaker.has_value());
      CHECK(*r.speaker == std::string_view(q["speaker"]));
      CHECK(r.cue.value_or("") == std::string_view(q["cue"]));
      CHECK(r.speaker_text.value_or("") == std::string_view(q["speaker_text"]));
      // Offsets point at the original bytes.
      CHECK(text.substr(r.start, r.end - r.start) == want);
      CHECK(text.substr(*r.speaker_start, *r.speaker_end - *r.speaker_start) == *r.speaker_text);
    }
    if (!optional) {
      INFO("missing quote: " << want);
      CHECK(found);
    }
  }
  for (std::size_t i = 0; i < recs.size(); ++i) {
    INFO("extra record: " << recs[i].text);
    if (recs[i].type == RecordType::quote) CHECK(used[i]);
  }
  // line/col of every record, counted here independently: lines by '\n',
  // columns in code points (bytes that do not start a UTF-8 sequence skipped).
  for (const Record& r : recs) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < r.start; ++i) {
      if (text[i] == '\n') {
        ++line, col = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++col;
      }
    }
    INFO(r.text);
    CHECK(r.line == line);
    CHECK(r.col == col);
  }
  auto one = [&](RecordType t) {
    std::vector<const Record*> v;
    for (const Record& r : recs) {
      if (r.type == t) v.push_back(&r);
    }
    REQUIRE(v.size() == 1);
    return v[0];
  };
  const Record* date = one(RecordType::date);
  CHECK(date->text == "21 oktyabr 2025-ci il");
  CHECK(date->date_value == "2025-10-21");
  const Record* amount = one(RecordType::amount);
  CHECK(amount->text == "$1 milyarda");
  CHECK(amount->value == 1e9);
  CHECK(amount->unit == "USD");
  const Record* target = one(RecordType::target);
  CHECK(target->text ==
        "İkitərəfli ticarət həcmini qısamüddətli dövrdə $1 milyarda qədər artırmaq");
  CHECK(target->metric == "ikitərəfli ticarət həcmi");
  CHECK(target->value == 1e9);
  CHECK(target->direction == "increase");
  CHECK(target->bound == "up_to");
}

TEST_CASE("offsets and columns count the original text", "[pipeline]") {
  // U+2011 inside the name and a BOM before the text: offsets stay original.
  const std::string text =
      "\xEF\xBB\xBFSalam.\nNazir Kassym\u2011Jomart Tokayev dedi ki, “ölkələr hazırdır”.";
  std::vector<Record> recs = run(text);
  REQUIRE(recs.size() == 1);
  const Record& r = recs[0];
  CHECK(r.text == "ölkələr hazırdır");
  CHECK(text.substr(r.start, r.end - r.start) == "ölkələr hazırdır");
  CHECK(r.line == 2);
  CHECK(r.col == 39);  // code points, not bytes
  CHECK(r.speaker == "Kassym-Jomart Tokayev");
  CHECK(r.speaker_text == "Nazir Kassym\u2011Jomart Tokayev");
}

TEST_CASE("reported speech up to a colon introduces a quotation of the same speaker",
          "[pipeline][attribution]") {
  // The clause ends at the colon; the quotation after it, on the same line or
  // after a blank line, is the speaker's.
  for (const std::string sep : {" ", "\n\n"}) {
    auto recs = run("Nazir Anar Quliyev vurğulayıb ki, islahatlar nəticə verir:" + sep +
                    "“Sahibkarlar razıdır”.");
    REQUIRE(recs.size() == 2);
    CHECK(recs[0].kind == QuoteKind::indirect);
    CHECK(recs[0].text == "islahatlar nəticə verir");
    CHECK(recs[1].kind == QuoteKind::direct);
    CHECK(recs[1].text == "Sahibkarlar razıdır");
    CHECK(recs[1].speaker == "Anar Quliyev");
    CHECK(recs[1].cue == "vurğulayıb");
  }
}

TEST_CASE("figures chained after a target measure what it measures", "[pipeline][targets]") {
  ExtractOptions opt;
  opt.types = 1u << unsigned(RecordType::target);  // amounts and dates are read all the same
  opt.doc_date = "2025-05-10";
  auto recs =
      run("Proqnoza görə, idxal rüsumları 2025-ci ildə ÜDM-in 6,2 %-ni, 2026-cı ildə 5,8 %-ni və "
          "2027-ci ildə ÜDM-in 5,1 %-ni təşkil edəcək.",
          opt);
  REQUIRE(recs.size() == 3);
  const double values[] = {6.2, 5.8, 5.1};
  const char* deadlines[] = {"2025", "2026", "2027"};
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(recs[i].value == values[i]);
    CHECK(recs[i].metric == "idxal rüsumları");
    CHECK(recs[i].direction == "reach");
    CHECK(recs[i].deadline == deadlines[i]);
  }
  // A verb that ends the first clause with a comma; the second target keeps
  // its own verb's direction and takes the chain's metric, not the words of
  // the link ("ÜDM-in").
  recs =
      run("Bankın hesabatına görə, kreditlərin həcminin gələn il 12 %-ə qədər artacağı, 2027-ci "
          "ildə isə "
          "ÜDM-in 9 %-nə qədər azalacağı gözlənilir.",
          opt);
  REQUIRE(recs.size() == 2);
  CHECK(recs[1].metric == "kreditlərin həcmi");
  CHECK(recs[1].direction == "decrease");
  CHECK(recs[1].deadline == "2027");
  // A clause that leaves its metric out takes the chain's, with its own verb.
  recs =
      run("Kreditlərin həcmi gələn il 12 %-ə qədər artacaq, 2027-ci ildə isə 9 %-ə enəcək.", opt);
  REQUIRE(recs.size() == 2);
  CHECK(recs[1].value == 9.0);
  CHECK(recs[1].metric == "kreditlərin həcmi");
  CHECK(recs[1].direction == "decrease");
  // With no target before it, such a clause gives none.
  recs = run("Mütəxəssislərin fikrincə, 2027-ci ildə isə 9 %-ə enəcək.", opt);
  CHECK(recs.empty());
  // A second subject starts a target of its own.
  recs =
      run("Gəlirlərin 30 milyard manat, xərclərin isə 33 milyard manat olacağı gözlənilir.", opt);
  REQUIRE(!recs.empty());
  CHECK(recs.back().metric == "xərclər");
  recs = run("Bu il ixrac 5 faiz, idxal isə 3 faiz artacaq.", opt);
  for (const Record& r : recs) {
    if (r.value == 3.0) CHECK(r.metric == "idxal");
  }
}

TEST_CASE("a paragraph of reported speech that ends in a colon introduces the next quotation",
          "[pipeline][attribution]") {
  // The reported clause ends at its sentence; the writer's next sentence of
  // figures ends the paragraph with a colon.
  auto recs = quotes_of(
      "Deputat Samir Rzayevin sözlərinə görə, ixrac artmağa davam edir. Gürcüstanla dövriyyə 12 "
      "faiz, Qazaxıstanla 8 faiz artıb:\n\n“Bu, son illərin ən yüksək artımıdır”.\n");
  REQUIRE(recs.size() == 2);
  CHECK(recs[1].text == "Bu, son illərin ən yüksək artımıdır");
  CHECK(recs[1].speaker == "Samir Rzayev");
  // A sign of three bytes ("₼") is no quote mark.
  recs = quotes_of(
      "Deputat Samir Rzayevin sözlərinə görə, ixrac artır. Dövriyyə 12 ₼ "
      "artıb:\n\n“Bu, "
      "rekorddur”.\n");
  REQUIRE(recs.size() == 2);
  CHECK(recs[1].speaker == "Samir Rzayev");
  // A colon after another voice in the paragraph introduces that voice, not
  // the clause's speaker.
  recs = quotes_of(
      "Deputat Samir Rzayevin sözlərinə görə, ixrac artır. Nazirlik isə “bazar dəyişir” "
      "yazıb:\n\n“Gözləyək”.\n");
  REQUIRE(recs.size() == 3);
  CHECK(recs[2].speaker == "Nazirlik");
}

TEST_CASE("a quotation on its own line after someone's reported speech is theirs",
          "[pipeline][attribution]") {
  // Each text holds a reported clause, then the quotation whose speaker is
  // checked (none: nobody may be credited) and, where `direct`, its kind.
  struct Case {
    const char* why;
    std::string text;
    std::optional<std::string> speaker;
    bool direct;
  };
  const std::vector<Case> cases = {
      {"no antecedent for 'onun': nobody",
       "Onun sözlərinə görə, qiymətlərin artırılması gündəmdə deyil.\n“Heç bir müraciət "
       "olmayıb”.\n",
       std::nullopt, true},
      {"with one, that person",
       "Nazir müavini Kamil Sadıqov jurnalistlərlə görüşüb.\nOnun sözlərinə görə, qiymətlər "
       "artmayacaq.\n\n“Heç bir müraciət olmayıb”.\n",
       "Kamil Sadıqov", true},
      {"a sentence of the writer's after the clause ends it",
       "Kamil Sadıqov bildirib ki, qiymətlər artmayacaq. Toplantı başa çatıb.\n“Heç bir "
       "müraciət olmayıb”.\n",
       std::nullopt, false},
      {"a sentence of the writer's that ends in a colon on the clause's line",
       "Məşqçi Vasif Ağayev bildirib ki, komanda qalib gələ bilərdi. Lakin 10 nəfərlə "
       "oynamaq buna mane olub: “Zədələr çox idi”.\n",
       "Vasif Ağayev", true},
      {"after an object clause and its verb ('… olduğunu deyib.')",
       "Komitənin sədri Elnur Qasımov bu qərardan xəbərsiz olduğunu deyib.\n\n“Belə bir "
       "qərar bizə gəlməyib”.\n",
       "Elnur Qasımov", true},
  };
  for (const Case& c : cases) {
    INFO(c.why);
    auto recs = quotes_of(c.text);
    REQUIRE(recs.size() == 2);
    CHECK(recs[1].speaker == c.speaker);
    if (c.direct) CHECK(recs[1].kind == QuoteKind::direct);
  }
}

TEST_CASE("a quotation after a headline's colon is a full quotation", "[pipeline][attribution]") {
  auto recs = quotes_of("Məhkəmədə ifadə: “Mən o gün Bakıda deyildim”\n\nProses davam edir.\n");
  REQUIRE(recs.size() == 1);
  CHECK(recs[0].kind == QuoteKind::direct);
  // After a paragraph's sentences the colon introduces a fragment of the writer's.
  recs = quotes_of("Plan dəyişməyib. Sonra yenə soruşacağıq: “Niyə gecikdik?”\n");
  REQUIRE(recs.size() == 1);
  CHECK(recs[0].kind == QuoteKind::partial);
}

TEST_CASE("a word that only opens the sentence is not the speaker's name",
          "[pipeline][attribution]") {
  auto recs = quotes_of(
      "Müğənni Lalə Kərimova məhkəməyə müraciət edib. Deputatlığa namizəd olmuş Kərimova "
      "həmkarının cəzalandırılmasını xahiş edib.\n");
  REQUIRE(recs.size() == 1);
  CHECK(recs[0].speaker == "Lalə Kərimova");
  recs = quotes_of(
      "Müğənni Lalə Kərimova məhkəməyə müraciət edib. Müğənni deyib ki, ona qarşı təhqir "
      "olub.\n");
  REQUIRE(recs.size() == 1);
  CHECK(recs[0].speaker == "Lalə Kərimova");
}

TEST_CASE("quotations on lines of their own are all the speaker's named after the last",
          "[pipeline][attribution]") {
  auto recs = quotes_of(
      "“Gələn il 30 yeni məktəb açılacaq”\n“Müəllimlərin maaşı da artırılacaq”.\nAPA xəbər verir "
      "ki, bunu təhsil naziri Emin Əmrullayev deyib.\n");
  REQUIRE(recs.size() == 2);
  CHECK(recs[0].speaker == "Emin Əmrullayev");
  CHECK(recs[1].speaker == "Emin Əmrullayev");
  // A line of the writer's between keeps the headline apart.
  recs = quotes_of(
      "“Gələn il 30 yeni məktəb açılacaq”\nTəhsil sahəsində islahatlar davam edir.\n“Müəllimlərin "
      "maaşı da artırılacaq”.\nAPA xəbər verir ki, bunu təhsil naziri Emin Əmrullayev deyib.\n");
  REQUIRE(recs.size() == 2);
  CHECK(!recs[0].speaker);
  CHECK(recs[1].speaker == "Emin Əmrullayev");
}

TEST_CASE("a quotation on its own line after blank lines continues the one before",
          "[pipeline][attribution]") {
  auto recs = quotes_of(
      "Nazir Anar Quliyev: “Biz hazırıq”\n\n“Plan artıq işləyir”\n\nNazir jurnalistlərlə "
      "görüşüb.\n");
  REQUIRE(recs.size() == 2);
  CHECK(recs[1].speaker == "Anar Quliyev");
  // A line of the writer's between ends it.
  recs =
      quotes_of("Nazir Anar Quliyev: “Biz hazırıq”\nToplantı başa çatıb.\n“Plan artıq işləyir”\n");
  REQUIRE(recs.size() == 2);
  CHECK(!recs[1].speaker);
}

TEST_CASE("a headline quotation the article's quote repeats is its speaker's",
          "[pipeline][attribution]") {
  ExtractOptions opt;
  opt.types = 1u << unsigned(RecordType::quote);
  auto recs =
      run("«Komanda son dəqiqəyədək mübarizə apardı»\n\nBaş məşqçi Rövşən Əliyev oyunu şərh edib:\n"
          "“Çətin oyun oldu. Komanda son dəqiqəyədək mübarizə apardı.”\n",
          opt);
  REQUIRE(recs.size() == 2);
  CHECK(recs[0].text == "Komanda son dəqiqəyədək mübarizə apardı");
  CHECK(recs[0].speaker == "Rövşən Əliyev");
  CHECK(recs[1].speaker == "Rövşən Əliyev");
  // Words nobody with a name repeats stay unattributed.
  recs =
      run("«Komanda son dəqiqəyədək mübarizə apardı»\n\nBaş məşqçi Rövşən Əliyev oyunu şərh "
          "edib:\n“Çətin oyun oldu.”\n",
          opt);
  REQUIRE(recs.size() == 2);
  CHECK(!recs[0].speaker);
  // A headline joining two pieces of the quotation is the speaker's too;
  // one that takes words from all over it is not.
  const std::string body =
      "\n\nNazir Kamran Vəliyev bildirib:\n“Şuşa rayonunda yeni məktəb tikilir. Biz "
      "bütün şagirdlərin dərsə vaxtında başlamasına çalışacağıq. Tikinti ilin sonunda "
      "bitəcək.”\n";
  recs = run("“Şuşa rayonunda şagirdlərin dərsə vaxtında başlamasına çalışacağıq”" + body, opt);
  REQUIRE(recs.size() == 2);
  CHECK(recs[0].speaker == "Kamran Vəliyev");
  recs = run("“Şuşa məktəb bütün dərsə ilin sonunda bitəcək”" + body, opt);
  REQUIRE(recs.size() == 2);
  CHECK(!recs[0].speaker);
}

TEST_CASE("a quotation over paragraphs after 'deyib:' keeps its speaker", "[pipeline][quotes]") {
  auto recs =
      run("Baş məşqçi Vüqar Nəsibov deyib:\n“Oyunçular yaxşı oynadı.\nİkinci hissədə “Sabah”ın "
          "hücumları güclü idi.\nAmma biz qalib gəldik”.\nKomanda sabah yola düşür.");
  std::vector<const Record*> quotes;
  for (const Record& r : recs) {
    if (r.type == RecordType::quote) quotes.push_back(&r);
  }
  REQUIRE(quotes.size() == 1);  // “Sabah”ın is a name, not a quotation
  CHECK(quotes[0]->text.starts_with("Oyunçular yaxşı oynadı.\nİkinci hissədə"));
  CHECK(quotes[0]->text.ends_with("Amma biz qalib gəldik"));
  CHECK(quotes[0]->speaker == "Vüqar Nəsibov");
}

TEST_CASE("types filter records", "[pipeline]") {
  ExtractOptions opt;
  opt.types = 1u << unsigned(RecordType::date);
  auto recs = run("Nazir 5 mart 2024-cü il tarixində deyib: “Büdcə 2 milyard manatdır”.", opt);
  REQUIRE(recs.size() == 1);
  CHECK(recs[0].type == RecordType::date);
}

TEST_CASE("bad input never crashes and loses nothing else", "[pipeline]") {
  CHECK(run("").empty());
  CHECK(run(std::string(100, '\0')).empty());
  std::string bad = "Nazir deyib: “\xff\xfe hazırıq”. ";
  auto recs = run(bad);
  REQUIRE(recs.size() == 1);
  CHECK(recs[0].start == bad.find("\xff"));
  // An opening mark that never closes, and many nested marks.
  std::string open = "“" + std::string(100000, 'a');
  CHECK(run(open).empty());
  std::string nested;
  for (int i = 0; i < 10000; ++i) nested += "«";
  CHECK(run(nested).empty());
}

TEST_CASE("the prefilter modes agree", "[pipeline][match]") {
  const std::string text = slurp(kSeed + ".txt");
  ExtractOptions a, b, c;
  b.prefilter = Prefilter::sentence_set;
  c.prefilter = Prefilter::none;
  auto ra = run(text, a), rb = run(text, b), rc = run(text, c);
  REQUIRE(ra.size() == rb.size());
  REQUIRE(ra.size() == rc.size());
  for (std::size_t i = 0; i < ra.size(); ++i) {
    CHECK(ra[i].rule == rb[i].rule);
    CHECK(ra[i].rule == rc[i].rule);
    CHECK(ra[i].start == rc[i].start);
  }
}

TEST_CASE("a batch gives each document the records extract gives it", "[pipeline][match]") {
  // Documents of several languages (matched in groups), an empty one, and
  // the samples: rule-by-rule matching over the batch changes nothing.
  std::vector<Document> docs;
  docs.push_back(Document{"seed", slurp(kSeed + ".txt"), "", ""});
  docs.push_back(Document{"empty", "", "", ""});
  docs.push_back(Document{"en", "The minister said: “We will raise exports to $5 billion by 2030.”",
                          "en", ""});
  docs.push_back(Document{
      "az", "Nazir Elvin Quliyev bildirib ki, ixrac 2030-cu ilə qədər 5 milyard dollara çatacaq.",
      "az", ""});
  docs.push_back(
      Document{"dated", "Bu il qaz hasilatında 19% artım gözlənilir.", "az", "2025-03-01"});
  for (ExtractOptions opt : {ExtractOptions{}, [] {
                               ExtractOptions o;
                               o.prefilter = Prefilter::none;
                               return o;
                             }()}) {
    Extractor ex(rules(), opt);
    const std::vector<std::vector<Record>> batch = ex.extract_batch(docs);
    REQUIRE(batch.size() == docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
      const std::vector<Record> one = ex.extract(docs[i]);
      REQUIRE(batch[i].size() == one.size());
      for (std::size_t k = 0; k < one.size(); ++k) CHECK(to_json(batch[i][k]) == to_json(one[k]));
    }
    CHECK(!batch[0].empty());
    CHECK(!batch[4].empty());
  }
}

TEST_CASE("random documents: no crash, every record points at its bytes", "[pipeline][random]") {
  // Pieces that stress pairing, attribution, numbers and the UTF-8 decoder.
  const std::vector<std::string> pieces = {"“",
                                           "”",
                                           "«",
                                           "»",
                                           "„",
                                           "\"",
                                           " ",
                                           "\n",
                                           "\r\n",
                                           ", ",
                                           ". ",
                                           " - ",
                                           " – ",
                                           ":",
                                           "\xff",
                                           "\xe2\x80",
                                           "\xc3",
                                           std::string(1, '\0'),
                                           "\xEF\xBB\xBF",
                                           "Nazir",
                                           "Əliyev",
                                           "bildirib ki",
                                           "deyə o",
                                           "qeyd edib:",
                                           "sözlərinə görə",
                                           "2025-ci il",
                                           "21 oktyabr",
                                           "$1 milyarda",
                                           "15 faiz",
                                           "500 milyon manat",
                                           "artırmaq",
                                           "“Report”",
                                           "Kassym\u2011Jomart",
                                           "O",
                                           "ki,",
                                           "12.03.2024",
                                           "dünən",
                                           "yarım",
                                           "milyard",
                                           "dollar",
                                           "-a",
                                           "Prezident",
                                           "12%"};
  std::uint32_t seed = 12345;
  auto next = [&seed]() {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  ExtractOptions opt;
  opt.doc_date = "2025-10-21";
  Extractor ex(rules(), opt);
  for (int round = 0; round < 4000; ++round) {
    std::string doc;
    const std::size_t n = next() % 120;
    for (std::size_t i = 0; i < n; ++i) doc += pieces[next() % pieces.size()];
    const std::vector<Record> recs = ex.extract(Document{"r", doc, round % 2 ? "az" : "", ""});
    for (const Record& r : recs) {
      INFO("round " << round);
      REQUIRE(r.start <= r.end);
      REQUIRE(r.end <= doc.size());
      CHECK(r.text == doc.substr(r.start, r.end - r.start));
      CHECK(r.line >= 1);
      CHECK(r.col >= 1);
      if (r.speaker_start) {
        REQUIRE(*r.speaker_end <= doc.size());
        CHECK(r.speaker_text == doc.substr(*r.speaker_start, *r.speaker_end - *r.speaker_start));
      }
    }
  }
}

namespace {

// Line and column of every byte as records count them (LF, CRLF, lone CR;
// a byte-order mark is no column), by brute force.
std::pair<std::size_t, std::size_t> line_col(const std::string& t, std::size_t off) {
  std::size_t line = 1, col = 1, i = t.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < off) {
    if (t[i] == '\r' && i + 1 < t.size() && t[i + 1] == '\n') {
      i += 1;
    } else if (t[i] == '\n' || t[i] == '\r') {
      ++line, col = 1, ++i;
    } else {
      if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) ++col;
      ++i;
    }
  }
  return {line, col};
}

}  // namespace

TEST_CASE("a large document is split into parts at paragraph breaks", "[pipeline][split]") {
  std::string text = "\xEF\xBB\xBF";
  for (int i = 0; text.size() < 20000; ++i) {
    text += "Nazir bildirib ki, ixrac 15 faiz artacaq. Əliyev “bu gün” dedi.";
    text += i % 7 == 0 ? "\r\n\r\n" : i % 5 == 0 ? "\r" : i % 3 == 0 ? "\n" : " ";
  }
  text += std::string(3000, 'x') + "ə" + std::string(3000, 'y');  // no break at all
  Document doc{"d", text, "az", "2025-01-01"};
  for (std::size_t max : {std::size_t{1000}, std::size_t{4096}}) {
    std::vector<Document> parts;
    split_document(doc, max, [&](Document&& p) { parts.push_back(std::move(p)); });
    std::string joined;
    for (const Document& p : parts) {
      CHECK(p.text.size() <= max);
      CHECK(p.part_offset == joined.size());
      CHECK(std::make_pair(p.part_line, p.part_col) == line_col(text, p.part_offset));
      CHECK(p.id == "d");
      CHECK(p.lang == "az");
      CHECK(p.date == "2025-01-01");
      joined += p.text;
    }
    CHECK(joined == text);
    CHECK(parts.size() > text.size() / max);
    // Cuts land on a line end where the part has one in its second half.
    std::size_t at_line_end = 0;
    for (const Document& p : parts) at_line_end += p.text.ends_with('\n') ? 1 : 0;
    CHECK(at_line_end * 2 > parts.size());
  }
  std::vector<Document> whole;
  split_document(doc, 0, [&](Document&& p) { whole.push_back(std::move(p)); });
  REQUIRE(whole.size() == 1);
  CHECK(whole[0].text == text);
}

TEST_CASE("records of a split document point into the whole", "[pipeline][split]") {
  std::string text;
  for (int i = 0; text.size() < 12000; ++i) {
    text += "Nazir Elnur Quliyev jurnalistlərə bildirib ki, ixrac 2025-ci ildə 15 faiz artacaq. ";
    text += "O, “Bu il investisiya 3 milyard manata çatacaq” deyib.\n";
    if (i % 4 == 0) text += "\n";
  }
  const Document doc{"d", text, "az", "2025-05-01"};
  Extractor ex(rules(), ExtractOptions{});
  const std::vector<Record> whole = ex.extract(doc);
  std::vector<Record> split;
  split_document(doc, 2000, [&](Document&& p) {
    for (Record& r : ex.extract(p)) split.push_back(std::move(r));
  });
  REQUIRE(!split.empty());
  for (const Record& r : split) {
    CHECK(text.substr(r.start, r.end - r.start) == r.text);
    CHECK(std::make_pair(r.line, r.col) == line_col(text, r.start));
    if (r.speaker_start) {
      CHECK(text.substr(*r.speaker_start, *r.speaker_end - *r.speaker_start) == *r.speaker_text);
    }
  }
  // The text repeats whole sentences and the cuts fall between them: the
  // parts find what the whole finds.
  // Ids differ: a later part's hold where it starts, since it cannot count
  // the equal items earlier parts held; they stay unique.
  REQUIRE(split.size() == whole.size());
  std::set<std::string> ids;
  for (std::size_t i = 0; i < split.size(); ++i) {
    CHECK(ids.insert(split[i].id).second);
    Record a = split[i], b = whole[i];
    a.id = b.id = "";
    CHECK(to_json(a) == to_json(b));
  }
}

TEST_CASE("a part of a decoded document keeps its source offsets", "[pipeline][split]") {
  Document doc{"d", "", "az", ""};
  for (int i = 0; i < 200; ++i) doc.text += "Prezident 2025-ci ildə bildirib.\n";
  doc.encoding = "UTF-16LE";
  for (std::size_t i = 0; i <= doc.text.size(); ++i) {
    doc.source_offsets.push_back(static_cast<std::uint32_t>(2 * i + 2));
  }
  std::vector<Document> parts;
  split_document(doc, 1000, [&](Document&& p) { parts.push_back(std::move(p)); });
  REQUIRE(parts.size() > 5);
  for (const Document& p : parts) {
    REQUIRE(p.source_offsets.size() == p.text.size() + 1);
    CHECK(p.source_offsets.front() == 2 * p.part_offset + 2);
    CHECK(p.encoding == "UTF-16LE");
  }
  Extractor ex(rules(), ExtractOptions{});
  const Record r = ex.extract(parts[3]).at(0);
  CHECK(r.start % 2 == 0);
  CHECK(r.start > 2 * parts[3].part_offset);
}
