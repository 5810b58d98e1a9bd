#include "cli/run_report.hpp"

#include <fmt/format.h>

#include "cli/commands.hpp"

namespace quotex::cli {

void RunStats::add(const RunStats& o) {
  documents += o.documents;
  bytes += o.bytes;
  records += o.records;
  searches += o.searches;
  searched_bytes += o.searched_bytes;
  ignored += o.ignored;
  for (const auto& [k, v] : o.by_type) by_type[k] += v;
  for (const auto& [k, v] : o.by_lang) by_lang[k] += v;
  skipped.insert(skipped.end(), o.skipped.begin(), o.skipped.end());
}

namespace {

std::string counts(const std::map<std::string, std::size_t>& m) {
  std::string s;
  for (const auto& [k, v] : m) s += fmt::format("{}{} {}", s.empty() ? "" : ", ", k, v);
  return s.empty() ? "none" : s;
}

}  // namespace

std::string format_stats(const RunStats& s, double seconds) {
  const double mb = static_cast<double>(s.bytes) / 1e6;
  std::string out =
      fmt::format("quotex: stats: {} documents, {} bytes ({:.1f} MB) in {:.2f} s ({:.1f} MB/s)\n",
                  s.documents, s.bytes, mb, seconds, seconds > 0 ? mb / seconds : 0.0);
  out += fmt::format("quotex: stats: {} records by type: {}\n", s.records, counts(s.by_type));
  out += fmt::format("quotex: stats: records by language: {}\n", counts(s.by_lang));
  if (s.ignoring) {
    out += fmt::format("quotex: stats: {} records dropped by --ignore\n", s.ignored);
  }
  out += fmt::format(
      "quotex: stats: {} regex searches over {} bytes ({:.1f} per input byte)\n", s.searches,
      s.searched_bytes,
      s.bytes > 0 ? static_cast<double>(s.searched_bytes) / static_cast<double>(s.bytes) : 0.0);
  out += fmt::format("quotex: stats: {} inputs skipped\n", s.skipped.size());
  for (const std::string& why : s.skipped) out += fmt::format("quotex: stats: skipped {}\n", why);
  return out;
}

Progress::Progress(bool enabled, std::size_t total_bytes)
    : enabled_(enabled), total_(total_bytes) {}

void Progress::update(std::size_t documents, std::size_t bytes) {
  if (!enabled_) return;
  const Clock::time_point now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed < 1.0 || (drawn_ && now - last_ < std::chrono::milliseconds(250))) return;
  last_ = now;
  const double mb = static_cast<double>(bytes) / 1e6;
  const double rate = mb / elapsed;
  std::string line =
      fmt::format("quotex: {} documents, {:.1f} MB, {:.1f} MB/s", documents, mb, rate);
  if (total_ > 0 && bytes <= total_ && rate > 0) {
    const double left = (static_cast<double>(total_ - bytes) / 1e6) / rate;
    line += fmt::format(", {:.0f}%, {:.0f} s left",
                        100.0 * static_cast<double>(bytes) / static_cast<double>(total_), left);
  }
  say_partial("\r" + line + "\x1b[K");
  drawn_ = true;
}

void Progress::finish() {
  if (drawn_) say_partial("\r\x1b[K");
  drawn_ = false;
}

}  // namespace quotex::cli
