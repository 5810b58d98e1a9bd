// Reading one rule pack (TOML, via toml++) into the internal model.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quotex/status.hpp"
#include "rules/model.hpp"

namespace quotex::detail {

struct PackData {
  std::string name;     // "az/quotes"
  std::string file;     // as reported in errors
  std::string lang;     // "common" or a language code
  std::string version;  // [pack] version, "" when not set
  std::vector<std::unique_ptr<Lexicon>> lexicons;
  std::vector<std::unique_ptr<Rule>> rules;
  std::vector<QuotePair> quote_pairs;
  std::optional<int> max_quote_bytes;
  std::vector<Alias> aliases;
};

// Pack name of a file: its path below the rules folder without ".toml".
std::string pack_name_of(std::string_view relative_path);

// Parses a pack. All problems found are added to *status; the pack is still
// filled with what could be read.
void parse_pack(std::string_view file, std::string_view name, std::string_view text, PackData* out,
                Status* status);

// The place of byte `offset` inside a string value that starts at `value`
// (the place of its opening quote).
Place place_in_string(const Place& value, std::string_view content, std::size_t offset,
                      bool multiline);

}  // namespace quotex::detail
