// Standard output and standard error for every subcommand.
//
// Output that could not be written is an error the user must see: a records
// file cut short by a full disk must not look complete. The one quiet end is
// a reader that went away (EPIPE: `quotex big.txt | head -1`). Messages on
// stderr never throw: with stderr unwritable they are lost, but the run goes
// on and its exit code still tells.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/commands.hpp"

namespace quotex::cli {

namespace {

enum class OutState { ok, pipe_closed, failed };
OutState g_out = OutState::ok;
bool g_stdout_was_closed = false;

void out_failed(int err) {
  if (err == EPIPE) {
    g_out = OutState::pipe_closed;
    return;
  }
  g_out = OutState::failed;
  say(std::string("quotex: cannot write output: ") +
      (g_stdout_was_closed ? "standard output is closed" : std::strerror(err)));
}

}  // namespace

void guard_standard_fds() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    // Hold the slot with /dev/null so no file opened later takes it (and
    // records written to "stdout" land in an input file).
    int n = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
    if (n >= 0 && n != fd) {
      dup2(n, fd);
      close(n);
    }
    if (fd == 1) g_stdout_was_closed = true;
  }
}

void say(std::string_view line) {
  std::string s(line);
  s += '\n';
  (void)std::fwrite(s.data(), 1, s.size(), stderr);
  (void)std::fflush(stderr);
}

void say_partial(std::string_view text) {
  (void)std::fwrite(text.data(), 1, text.size(), stderr);
  (void)std::fflush(stderr);
}

bool write_out(std::string_view s) {
  if (g_out != OutState::ok) return false;
  if (g_stdout_was_closed) {
    out_failed(EBADF);
    return false;
  }
  errno = 0;
  if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size()) {
    out_failed(errno);
    return false;
  }
  return true;
}

bool flush_out() {
  if (g_out != OutState::ok) return false;
  errno = 0;
  if (std::fflush(stdout) != 0) {
    out_failed(errno);
    return false;
  }
  return true;
}

bool output_stopped() {
  return g_out != OutState::ok;
}

int finish_out(int code) {
  flush_out();
  if (g_out == OutState::failed) return kExitInput;
  return code;
}

}  // namespace quotex::cli
