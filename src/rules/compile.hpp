// Compiling parsed packs: lexicon expansion, RE2 compilation, per-language
// indexes and the RE2::Set prefilter.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "quotex/status.hpp"
#include "rules/load.hpp"
#include "rules/model.hpp"

namespace quotex::detail {

// A lexicon that a pack no longer loaded had defined: that pack's file, and
// the file with the same pack name that replaced it.
struct LostLexicon {
  std::string defined_in;
  std::string replaced_by;
};
using LostLexicons = std::map<std::string, LostLexicon>;  // by lexicon name

// Takes ownership of the packs' lexicons and rules. Every error found is
// added to *status; the result is only usable when status stays ok. A use
// of a lexicon in `lost` that no pack defines any more is blamed on the
// replacing file, once per lexicon.
std::unique_ptr<CompiledRules> compile_packs(std::vector<PackData> packs, Status* status,
                                             const LostLexicons& lost = {});

}  // namespace quotex::detail
