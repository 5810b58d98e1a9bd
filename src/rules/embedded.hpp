// The rule packs of rules/, embedded at build time (cmake/embed_rules.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace quotex::rules {

struct EmbeddedPack {
  std::string_view file;  // "rules/az/quotes.toml"
  std::string_view text;
};

const std::vector<EmbeddedPack>& embedded_packs();

}  // namespace quotex::rules
