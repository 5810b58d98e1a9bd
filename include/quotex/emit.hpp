// quotex — writing records: JSON Lines, JSON, CSV, TSV and a readable text view.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quotex/record.hpp"

namespace quotex {

enum class Format { jsonl, json, csv, tsv, text };
std::optional<Format> parse_format(std::string_view s);

// One JSON object, no trailing newline. Fields follow SPEC §2; fields that do
// not belong to the record's type are left out.
std::string to_json(const Record& r);

// The header line of CSV/TSV output (with newline).
std::string table_header(Format f);
// One CSV or TSV row (with newline).
std::string to_row(const Record& r, Format f);

// A human-readable line for a terminal, coloured with ANSI escapes when color.
std::string to_text(const Record& r, bool color);

}  // namespace quotex
