// The quotex command line: one file per subcommand, each an options struct
// and a run function returning the exit code (SPEC §3).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "quotex/rule_set.hpp"

namespace quotex::cli {

// Exit codes (SPEC §3).
inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;  // check found problems; eval below threshold
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInput = 3;  // input or rule error

int run_extract(const std::vector<std::string>& args);
int run_rules(const std::vector<std::string>& args);
int run_eval(const std::vector<std::string>& args);

// Parses a subcommand's arguments. Returns -1 to go on, else the exit code
// (0 after --help or --version, kExitUsage after a parse error, both printed).
int parse_args(CLI::App& app, const std::vector<std::string>& args);

// Loads the built-in packs plus dirs; prints every error and returns its
// exit code (kExitUsage or kExitInput), or 0 when *out is ready.
int load_rules(const std::vector<std::string>& dirs, std::shared_ptr<const RuleSet>* out);

// Writes to stdout; returns false once the reader has gone away (EPIPE), so
// callers can stop quietly.
bool write_out(std::string_view s);
bool flush_out();

}  // namespace quotex::cli
