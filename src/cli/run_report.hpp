// What an extraction run reports besides its records: the --stats summary
// and the progress line on a terminal. Both go to stderr; stdout carries
// records only.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace quotex::cli {

struct RunStats {
  std::size_t documents = 0;
  std::size_t bytes = 0;  // of document text as read (after decoding)
  std::size_t records = 0;
  std::map<std::string, std::size_t> by_type;  // record type -> records
  std::map<std::string, std::size_t> by_lang;  // record language -> records
  std::vector<std::string> skipped;            // "file: reason", in input order
  std::uint64_t searches = 0;                  // regex searches the matcher started
  std::uint64_t searched_bytes = 0;            // bytes of text handed to them
  std::size_t ignored = 0;                     // records dropped by --ignore
  bool ignoring = false;                       // --ignore was given

  void add(const RunStats& o);
};

// The --stats lines ("quotex: stats: ..."), ending in a newline each.
std::string format_stats(const RunStats& s, double seconds);

// A one-line progress display redrawn in place on stderr: documents, MB,
// MB/s and, when the total is known, percent and time left. It shows only
// when enabled and the run has gone on for a second, so short runs and
// output to files or pipes never see it.
class Progress {
 public:
  // total_bytes: the input's size when known beforehand, else 0.
  Progress(bool enabled, std::size_t total_bytes);
  void update(std::size_t documents, std::size_t bytes);
  // Clears the line (if one was drawn).
  void finish();
  bool enabled() const { return enabled_; }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  std::size_t total_;
  Clock::time_point start_ = Clock::now(), last_{};
  bool drawn_ = false;
};

}  // namespace quotex::cli
