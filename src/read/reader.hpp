// The read stage: files, folders (-r), stdin ("-") and JSON Lines documents.
//
// Documents are handed out one at a time, so memory is bounded by the
// largest single document, never by the corpus. Inputs that cannot be read
// are reported as errors (file:line:col: message) and skipped; the other
// documents still come through.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "quotex/document.hpp"
#include "quotex/status.hpp"

namespace quotex::read {

enum class InputFormat { text, jsonl };

struct ReadOptions {
  bool recursive = false;
  InputFormat format = InputFormat::text;
  // Larger documents are reported and skipped: offsets inside the pipeline
  // (ICU's break iterator among them) are 32-bit.
  std::size_t max_document_bytes = (std::size_t{1} << 31) - 1;
};

using DocumentFn = std::function<void(Document&&)>;
using ErrorFn = std::function<void(const Error&)>;

// Reads every input in order. Returns false when an input had to be skipped
// (after calling on_error for it).
bool read_all(const std::vector<std::string>& paths, const ReadOptions& opt,
              const DocumentFn& on_doc, const ErrorFn& on_error);

// Parses one JSON Lines document; `where` names the place for errors.
bool parse_jsonl_line(std::string_view line, const std::string& file, int line_no, Document* doc,
                      Error* err);

}  // namespace quotex::read
