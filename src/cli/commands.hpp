// The quotex command line: one file per subcommand, each an options struct
// and a run function returning the exit code (SPEC §3).
#pragma once

#include <string>
#include <vector>

namespace quotex::cli {

// Exit codes (SPEC §3).
inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;  // check found problems; eval below threshold
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInput = 3;  // input or rule error

int run_extract(const std::vector<std::string>& args);
int run_rules(const std::vector<std::string>& args);
int run_eval(const std::vector<std::string>& args);

// Writes to stdout; returns false once the reader has gone away (EPIPE), so
// callers can stop quietly.
bool write_out(std::string_view s);
bool flush_out();

}  // namespace quotex::cli
