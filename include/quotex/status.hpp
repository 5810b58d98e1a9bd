// quotex — status values: failures are returned, never thrown across the API.
//
// Library functions report problems as a Status holding one or more Errors.
// Each Error names a place (file, 1-based line and column, column counted in
// code points) and a message; Error::to_string() renders the
// "file:line:col: message" form that the command line prints on stderr.
// Only the command line turns a Status into an exit code.
#pragma once

#include <string>
#include <vector>

namespace quotex {

// What kind of failure a Status holds; maps one-to-one onto exit codes at the
// edge (SPEC §3): usage 2, input and rule errors 3. A warning is said on
// stderr and changes no exit code (the item was kept, or read another way).
enum class ErrorKind { usage, input, rule, warning };

struct Error {
  ErrorKind kind = ErrorKind::input;
  std::string file;  // empty when the error has no place (then only the message prints)
  int line = 0;      // 1-based; 0 when unknown
  int col = 0;       // 1-based, in code points; 0 when unknown
  std::string message;

  // "file:line:col: message", leaving out the parts that are unknown.
  std::string to_string() const;
};

class Status {
 public:
  Status() = default;
  static Status error(Error e) {
    Status s;
    s.errors_.push_back(std::move(e));
    return s;
  }

  bool ok() const { return errors_.empty(); }
  const std::vector<Error>& errors() const { return errors_; }
  void add(Error e) { errors_.push_back(std::move(e)); }
  void merge(const Status& other) {
    errors_.insert(errors_.end(), other.errors_.begin(), other.errors_.end());
  }

 private:
  std::vector<Error> errors_;
};

}  // namespace quotex
