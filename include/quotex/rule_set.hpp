// quotex — a compiled, immutable set of rule packs.
//
// A RuleSet is built once (the packs embedded in the binary, plus packs from
// folders given with --rules) and then shared read-only by any number of
// Extractors and threads. Loading never throws and never skips a broken
// rule silently: every problem of every pack comes back in the Status as
// "file:line:col: message".
//
//   std::shared_ptr<const quotex::RuleSet> rules;
//   quotex::Status st = quotex::RuleSet::load({"my-rules/"}, &rules);
//   if (!st.ok()) { for (auto& e : st.errors()) std::cerr << e.to_string() << "\n"; }
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "quotex/status.hpp"

namespace quotex {

namespace detail {
struct CompiledRules;  // defined in src/rules; holds RE2 objects and lexicons
}

// A summary of one rule, for `quotex rules list`.
struct RuleInfo {
  std::string id;
  std::string type;  // attribution, not_quote, quote, person, date, amount, target
  std::string lang;  // "common" for language-independent packs
  std::string pack;  // pack name: path under rules/ without ".toml", e.g. "az/quotes"
  std::string file;  // where it was read from, e.g. "rules/az/quotes.toml"
  int line = 0;
  int positive_examples = 0;
  int negative_examples = 0;
};

// A summary of one loaded rule pack, for `quotex --version`.
struct PackInfo {
  std::string name;         // "az/quotes"
  std::string lang;         // "common" or a language code
  std::string version;      // the pack's [pack] version; empty when it sets none
  std::string fingerprint;  // 8 hex digits hashed from the pack's text: changes with any edit
  std::string file;         // where it was read from, e.g. "rules/az/quotes.toml"
  bool built_in = false;    // embedded in the binary (not from --rules)
};

class RuleSet {
 public:
  // Loads the embedded packs, then every *.toml under each of extra_dirs
  // (a pack of the same name replaces the embedded one), and compiles them.
  // On failure *out is left empty and the Status lists every error found.
  static Status load(const std::vector<std::string>& extra_dirs,
                     std::shared_ptr<const RuleSet>* out);

  // Same, from in-memory pack texts (name, text); used by tests.
  struct PackText {
    std::string file;  // reported in errors and used to derive the pack name
    std::string text;
  };
  static Status load_texts(const std::vector<PackText>& packs, bool with_embedded,
                           std::shared_ptr<const RuleSet>* out);

  std::vector<RuleInfo> list() const;
  // The packs in use, by name (a pack from --rules replaces a built-in one of that name).
  const std::vector<PackInfo>& packs() const;
  std::size_t size() const;
  // The languages with a pack (not "common").
  std::vector<std::string> languages() const;

  // Lint findings that do not stop loading (for example a rule without a
  // positive example); each as "file:line:col: message".
  std::vector<Error> lint() const;

  const detail::CompiledRules& compiled() const { return *compiled_; }

  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

 private:
  explicit RuleSet(std::unique_ptr<detail::CompiledRules> c);
  std::unique_ptr<detail::CompiledRules> compiled_;
};

}  // namespace quotex
