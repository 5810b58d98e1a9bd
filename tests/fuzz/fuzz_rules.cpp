// The rule loader: any text as a user's pack (TOML in), next to a minimal
// common pack. A pack that loads has its examples run through the
// pipeline, as `quotex rules test` does.
#include <cstdint>
#include <string>

#include "quotex/extractor.hpp"
#include "quotex/rule_set.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotex;
  if (size > 1 << 16) return 0;
  static const std::string common = "[quotes]\npairs = [[\"“\", \"”\"], [\"«\", \"»\"]]\n";
  std::shared_ptr<const RuleSet> rules;
  Status st = RuleSet::load_texts(
      {{"rules/common/quotes.toml", common},
       {"fuzz/az/pack.toml", std::string(reinterpret_cast<const char*>(data), size)}},
      false, &rules);
  if (!st.ok()) {
    for (const Error& e : st.errors()) (void)e.to_string();
    return 0;
  }
  (void)rules->list();
  (void)rules->lint();
  (void)test_examples(rules);
  return 0;
}
