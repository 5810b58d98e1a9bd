// Compiling parsed packs: lexicon expansion, RE2 compilation, per-language
// indexes and the RE2::Set prefilter.
#pragma once

#include <memory>
#include <vector>

#include "quotex/status.hpp"
#include "rules/load.hpp"
#include "rules/model.hpp"

namespace quotex::detail {

// Takes ownership of the packs' lexicons and rules. Every error found is
// added to *status; the result is only usable when status stays ok.
std::unique_ptr<CompiledRules> compile_packs(std::vector<PackData> packs, Status* status);

}  // namespace quotex::detail
