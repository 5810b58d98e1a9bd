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
int run_check(const std::vector<std::string>& args);

// Under an address-space limit (ulimit -v) every thread's malloc arena takes
// 64 MB of it before it holds anything, and a thread that cannot get one
// aborts inside glibc instead of failing an allocation. So there, one arena
// serves all threads (call share_malloc_arena_when_limited() before any
// thread starts: rules compile on several) and extract defaults to one
// thread.
bool address_space_limited();
void share_malloc_arena_when_limited();

// Parses a subcommand's arguments. Returns -1 to go on, else the exit code
// (0 after --help or --version, kExitUsage after a parse error, both printed).
int parse_args(CLI::App& app, const std::vector<std::string>& args);

// Loads the built-in packs plus dirs; prints every error and returns its
// exit code (kExitUsage or kExitInput), or 0 when *out is ready.
int load_rules(const std::vector<std::string>& dirs, std::shared_ptr<const RuleSet>* out);

// --lang: empty (detect), a language quotex detects, or one a pack adds.
// Otherwise says which are known and returns false (a usage error).
bool known_language(const std::string& lang, const RuleSet& rules);

// --color: "always", or "auto" on a terminal unless NO_COLOR is set to a
// non-empty value (no-color.org).
bool use_color(const std::string& when, bool tty);

// `quotex --version`: the program's version, then each built-in rule pack's
// version and the fingerprint of its text.
std::string version_text();

// Output (io.cpp). Call guard_standard_fds() first thing in main: a closed
// stdin, stdout or stderr is held by /dev/null, and writes to a closed
// stdout fail with a message.
void guard_standard_fds();
// Writes one line to stderr; never throws, never fails the run.
void say(std::string_view line);
// Writes text to stderr as it is (no newline added; the progress line).
void say_partial(std::string_view text);
// Writes to stdout. Returns false once output has stopped: the reader went
// away (EPIPE, quiet) or a write failed (reported once on stderr).
bool write_out(std::string_view s);
bool flush_out();
bool output_stopped();
// Flushes stdout and returns `code`, or kExitInput when output was lost.
int finish_out(int code);

}  // namespace quotex::cli
