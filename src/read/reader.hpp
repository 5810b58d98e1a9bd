// The read stage: files, folders (-r), stdin ("-") and JSON Lines documents.
//
// Documents are handed out one at a time, so memory is bounded by the
// largest single document, never by the corpus. Inputs that cannot be read
// are reported as errors (file:line:col: message) and skipped; the other
// documents still come through. Text that is not UTF-8 is decoded
// (read/decode.hpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "quotex/document.hpp"
#include "quotex/status.hpp"

namespace quotex::read {

// by_name: each file by its name, *.jsonl and *.ndjson as JSON Lines, any
// other as text; a folder gives both kinds (check's --input auto).
enum class InputFormat { text, jsonl, by_name };

// The default cap on one document (a text file or a JSON Lines line): the
// pipeline needs about 25 times a document's size in memory.
inline constexpr std::size_t kDefaultMaxDocumentBytes = std::size_t{64} << 20;

struct ReadOptions {
  bool recursive = false;
  InputFormat format = InputFormat::text;
  // Larger documents are reported and skipped. At most 2^31 - 1: offsets
  // inside the pipeline (ICU's break iterator among them) are 32-bit.
  std::size_t max_document_bytes = kDefaultMaxDocumentBytes;
  // The encoding of every input (an ICU converter name); empty: UTF-8,
  // UTF-16 by its byte-order mark, or detected.
  std::string encoding;
};

using DocumentFn = std::function<void(Document&&)>;
// Errors and warnings (ErrorKind::warning: the document was still read).
using ErrorFn = std::function<void(const Error&)>;

// Reads every input in order. Returns false when an input had to be skipped
// (after calling on_error for it).
bool read_all(const std::vector<std::string>& paths, const ReadOptions& opt,
              const DocumentFn& on_doc, const ErrorFn& on_error);

// Parses one JSON Lines document. false: *err says why it is skipped. A
// field that is wrong but not needed (a "date" that is no real day) is
// dropped with a warning in *warning (its message empty otherwise).
bool parse_jsonl_line(std::string_view line, const std::string& file, int line_no, Document* doc,
                      Error* err, Error* warning);

}  // namespace quotex::read
