// quotex check with any bytes as a draft and as a source: no crash, no
// hang, every citation points inside its texts and its JSON parses.
#include <simdjson.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "check/check.hpp"
#include "quotex/rule_set.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotex;
  static std::shared_ptr<const RuleSet> rules = [] {
    std::shared_ptr<const RuleSet> r;
    if (!RuleSet::load({}, &r).ok()) std::abort();
    return r;
  }();
  // The first byte says where the draft ends and the source begins.
  if (size == 0) return 0;
  const std::size_t cut = size > 1 ? (data[0] * (size - 1)) / 255 : 0;
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string draft = bytes.substr(0, cut), source = bytes.substr(cut);
  check::Checker checker(rules, {});
  checker.add_source(Document{"source", source, "", ""});
  checker.add_source(Document{"draft-as-source", draft, "", ""});
  checker.build();
  static simdjson::dom::parser parser;
  for (const check::Citation& c : checker.check(Document{"draft", draft, "", ""})) {
    if (c.quote.start > c.quote.end || c.quote.end > draft.size()) std::abort();
    if (c.similarity < 0 || c.similarity > 1) std::abort();
    if (c.source != nullptr &&
        (c.source_start > c.source_end || c.source_end > c.source->text.size())) {
      std::abort();
    }
    simdjson::dom::element el;
    if (parser.parse(check::to_json(c)).get(el) != simdjson::SUCCESS) std::abort();
  }
  std::vector<Record> quotes = checker.quotations(Document{"draft", draft, "", ""});
  for (const check::RenderingGroup& g : check::find_renderings(quotes)) {
    simdjson::dom::element el;
    if (parser.parse(check::to_json(g)).get(el) != simdjson::SUCCESS) std::abort();
  }
  return 0;
}
