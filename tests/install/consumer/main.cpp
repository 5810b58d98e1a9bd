// Extracts the records of one file with the installed quotex library and
// writes them as JSON Lines, as `quotex --doc-date DATE FILE` does.
// Usage: consumer FILE DATE
#include <fstream>
#include <iostream>
#include <sstream>

#include "quotex/emit.hpp"
#include "quotex/extractor.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: consumer FILE DATE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << argv[1] << ": cannot open\n";
    return 3;
  }
  std::stringstream text;
  text << in.rdbuf();
  std::shared_ptr<const quotex::RuleSet> rules;
  quotex::Status st = quotex::RuleSet::load({}, &rules);
  if (!st.ok()) {
    for (const quotex::Error& e : st.errors()) std::cerr << e.to_string() << "\n";
    return 3;
  }
  const quotex::Extractor ex(rules, quotex::ExtractOptions{});
  for (const quotex::Record& r : ex.extract({argv[1], text.str(), "", argv[2]})) {
    std::cout << quotex::to_json(r) << "\n";
  }
  return 0;
}
