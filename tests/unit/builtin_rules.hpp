// The built-in packs, loaded once for the unit tests that extract.
#pragma once

#include <catch2/catch.hpp>
#include <memory>

#include "quotex/rule_set.hpp"

namespace quotex::testing {

inline std::shared_ptr<const RuleSet> builtin_rules() {
  static std::shared_ptr<const RuleSet> rs = [] {
    std::shared_ptr<const RuleSet> r;
    REQUIRE(RuleSet::load({}, &r).ok());
    return r;
  }();
  return rs;
}

}  // namespace quotex::testing
