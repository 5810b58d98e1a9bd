// quotex: a thin main that picks the subcommand; everything else lives in
// quotex::core.
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  // A closed pipe shows up as EPIPE on write, which ends output quietly.
  std::signal(SIGPIPE, SIG_IGN);
  quotex::cli::guard_standard_fds();
  quotex::cli::share_malloc_arena_when_limited();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty()) {
    const std::string& sub = args[0];
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (sub == "extract") return quotex::cli::run_extract(rest);
    if (sub == "rules") return quotex::cli::run_rules(rest);
    if (sub == "eval") return quotex::cli::run_eval(rest);
    if (sub == "check") return quotex::cli::run_check(rest);
  }
  return quotex::cli::run_extract(args);
}
