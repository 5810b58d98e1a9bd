// The whole pipeline with the built-in packs: any bytes as a document.
// Every record must point inside the document, and every serialisation
// must be valid (JSON that parses, no raw control bytes in text output).
#include <simdjson.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "quotex/emit.hpp"
#include "quotex/extractor.hpp"
#include "quotex/rule_set.hpp"

namespace {

const quotex::RuleSet& builtin() {
  static std::shared_ptr<const quotex::RuleSet> rules = [] {
    std::shared_ptr<const quotex::RuleSet> r;
    if (!quotex::RuleSet::load({}, &r).ok()) std::abort();
    return r;
  }();
  return *rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotex;
  static std::shared_ptr<const RuleSet> rules(std::shared_ptr<const RuleSet>{}, &builtin());
  static const Extractor extractors[] = {
      Extractor(rules, ExtractOptions{"az", "2025-10-21", 0, Prefilter::none}),
      Extractor(rules, ExtractOptions{"", "", 0, Prefilter::none}),
      Extractor(rules, ExtractOptions{"en", "2024-02-29", 0, Prefilter::none})};
  const uint8_t mode = size > 0 ? data[0] : 0;
  if (size > 0) ++data, --size;
  const Document doc{"fuzz", std::string(reinterpret_cast<const char*>(data), size), "", ""};
  std::vector<Error> warnings;
  static simdjson::dom::parser parser;
  for (const Record& r : extractors[mode % 3].extract(doc, &warnings)) {
    if (r.start > r.end || r.end > size) std::abort();
    if (r.speaker_start && (*r.speaker_start > *r.speaker_end || *r.speaker_end > size)) {
      std::abort();
    }
    const std::string json = to_json(r);
    simdjson::dom::element el;
    if (parser.parse(json).get(el) != simdjson::SUCCESS) std::abort();
    const std::string text = to_text(r, false);
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c < 0x20 && c != '\t') std::abort();
    }
    (void)to_row(r, Format::csv);
  }
  return 0;
}
