// Pieces every subcommand shares: argument parsing, rule loading, threads
// under a memory limit.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "cli/commands.hpp"
#include "text/language.hpp"

namespace quotex::cli {

bool address_space_limited() {
  rlimit rl{};
  return getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY;
}

void share_malloc_arena_when_limited() {
  if (address_space_limited()) mallopt(M_ARENA_MAX, 1);
}

int parse_args(CLI::App& app, const std::vector<std::string>& args) {
  std::vector<std::string> argv(args.rbegin(), args.rend());  // CLI11 takes them reversed
  try {
    app.parse(argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  return -1;
}

int load_rules(const std::vector<std::string>& dirs, std::shared_ptr<const RuleSet>* out) {
  Status st = RuleSet::load(dirs, out);
  if (st.ok()) return 0;
  for (const Error& e : st.errors()) say(e.to_string());
  return st.errors()[0].kind == ErrorKind::usage ? kExitUsage : kExitInput;
}

bool known_language(const std::string& lang, const RuleSet& rules) {
  if (lang.empty()) return true;
  std::set<std::string> known(std::begin(text::kDetectedLanguages),
                              std::end(text::kDetectedLanguages));
  for (const std::string& l : rules.languages()) known.insert(l);
  if (known.contains(lang)) return true;
  say(fmt::format("quotex: --lang: unknown language '{}' (known: {})", lang,
                  fmt::join(known, ", ")));
  return false;
}

bool use_color(const std::string& when, bool tty) {
  if (when == "always") return true;
  const char* no_color = std::getenv("NO_COLOR");
  return when == "auto" && tty && (no_color == nullptr || *no_color == '\0');
}

std::string version_text() {
  std::string out = fmt::format("quotex {}\n", QUOTEX_VERSION);
  std::shared_ptr<const RuleSet> rules;
  const Status st = RuleSet::load({}, &rules);
  if (!st.ok()) return out + "built-in rule packs: do not load (run `quotex rules test`)";
  out += "built-in rule packs (name, version, fingerprint of the text):";
  std::size_t width = 0;
  for (const PackInfo& p : rules->packs()) width = std::max(width, p.name.size());
  for (const PackInfo& p : rules->packs()) {
    out += fmt::format("\n  {:<{}}  {}  {}", p.name, width,
                       p.version.empty() ? "(none)" : p.version, p.fingerprint);
  }
  return out;
}

}  // namespace quotex::cli
