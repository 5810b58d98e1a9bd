// quotex [extract] [PATH...]: the default command.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <new>
#include <set>

#include "cli/commands.hpp"
#include "quotex/emit.hpp"
#include "quotex/extractor.hpp"
#include "read/decode.hpp"
#include "read/reader.hpp"
#include "text/language.hpp"
#include "util/iso_date.hpp"

namespace quotex::cli {

struct ExtractArgs {
  std::vector<std::string> paths;
  std::string lang;
  std::string types;
  std::string format;
  std::string doc_date;
  std::vector<std::string> rules_dirs;
  bool recursive = false;
  std::string input = "text";
  std::string color = "auto";
  std::string prefilter = "none";
  std::string encoding;
  std::size_t max_doc_bytes = read::kDefaultMaxDocumentBytes;
  bool verbose = false;
};

const char* kExamples = R"(Commands:
  quotex [extract] [PATH...]              extract records (this help)
  quotex rules list|test|lint [DIR]       inspect and test rule packs
  quotex eval --gold DIR                  precision and recall against gold files

Examples:
  quotex article.txt                      records of one article (text on a terminal)
  cat article.txt | quotex | jq 'select(.type=="quote")'
  quotex -r corpus/ --format jsonl > records.jsonl
  quotex --types quote --lang az --doc-date 2025-10-21 article.txt
  quotex --input jsonl docs.jsonl         one {"text":..., "id":..., "lang":..., "date":...} per line
  quotex --rules my-rules/ article.txt    add or override rule packs
  quotex rules test my-rules/             run every example of the packs, with my-rules/ added
  quotex eval --gold samples/             precision and recall against gold files
)";

int run_extract(const std::vector<std::string>& args) {
  ExtractArgs a;
  CLI::App app{
      "quotex: extracts quotations, attributions, dates, amounts and targets from news "
      "text, as one record per finding.",
      "quotex"};
  app.footer(kExamples);
  app.set_version_flag("--version", std::string("quotex ") + QUOTEX_VERSION);
  app.add_option("paths", a.paths, "Files or folders to read; none or '-' reads stdin");
  app.add_flag("-r,--recursive", a.recursive,
               "Read folders recursively (*.txt, *.md; *.jsonl with --input jsonl)");
  app.add_option("--lang", a.lang,
                 "Language of every document (az, en, ru, tr, kk); default: detect");
  app.add_option("--types", a.types,
                 "Record types to emit, comma-separated: quote,date,amount,target");
  app.add_option("--format", a.format,
                 "Output: jsonl, json, csv, tsv, text (default: text on a terminal, else jsonl)")
      ->check(CLI::IsMember({"jsonl", "json", "csv", "tsv", "text"}));
  app.add_option("--doc-date", a.doc_date,
                 "Document date (YYYY-MM-DD) for relative and yearless dates");
  app.add_option("--rules", a.rules_dirs,
                 "Folder of rule packs that add to or override the built-in ones (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--input", a.input, "Input format: text (one document per file) or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}));
  app.add_option("--color", a.color,
                 "Colour in text output: auto, always, never (honours NO_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option(
         "--prefilter", a.prefilter,
         "How rules are preselected: none (every rule scans), sentence-set, set (for benchmarks)")
      ->check(CLI::IsMember({"sentence-set", "set", "none"}));
  app.add_option("--encoding", a.encoding,
                 "Encoding of every input (windows-1251, KOI8-R, UTF-16LE, ...); default: UTF-8, "
                 "UTF-16 by its byte-order mark, else detected");
  app.add_option("--max-doc-bytes", a.max_doc_bytes,
                 "Skip (with a message) documents and JSON lines larger than this")
      ->check(CLI::Range(std::size_t{1}, (std::size_t{1} << 31) - 1));
  app.add_flag("-v,--verbose", a.verbose, "Say on stderr how each document was decoded");
  if (int code = parse_args(app, args); code >= 0) return code;
  if (!a.encoding.empty() && !read::known_encoding(a.encoding)) {
    say(fmt::format("quotex: --encoding: unknown encoding '{}'", a.encoding));
    return kExitUsage;
  }

  ExtractOptions opt;
  opt.lang = a.lang;
  opt.doc_date = a.doc_date;
  opt.prefilter = a.prefilter == "sentence-set" ? Prefilter::sentence_set
                  : a.prefilter == "set"        ? Prefilter::set
                                                : Prefilter::none;
  if (!a.doc_date.empty() && !util::valid_iso_date(a.doc_date)) {
    say(fmt::format("quotex: --doc-date must be a real day as YYYY-MM-DD, got '{}'", a.doc_date));
    return kExitUsage;
  }
  if (!a.types.empty()) {
    std::size_t b = 0;
    while (b <= a.types.size()) {
      std::size_t e = a.types.find(',', b);
      std::string name = a.types.substr(b, e == std::string::npos ? std::string::npos : e - b);
      auto t = parse_record_type(name);
      // Claim records are not made yet: asking for them would give nothing.
      if (!t || *t == RecordType::claim) {
        say(fmt::format("quotex: --types: unknown type '{}' (quote, date, amount, target)", name));
        return kExitUsage;
      }
      opt.types |= 1u << static_cast<unsigned>(*t);
      if (e == std::string::npos) break;
      b = e + 1;
    }
  }
  const bool tty = isatty(STDOUT_FILENO) != 0;
  Format format = a.format.empty() ? (tty ? Format::text : Format::jsonl) : *parse_format(a.format);
  bool color =
      a.color == "always" || (a.color == "auto" && tty && std::getenv("NO_COLOR") == nullptr);

  std::shared_ptr<const RuleSet> rules;
  if (int code = load_rules(a.rules_dirs, &rules); code != 0) return code;
  if (!a.lang.empty()) {
    std::set<std::string> known(std::begin(text::kDetectedLanguages),
                                std::end(text::kDetectedLanguages));
    for (const std::string& lang : rules->languages()) known.insert(lang);
    if (!known.contains(a.lang)) {
      say(fmt::format("quotex: --lang: unknown language '{}' (known: {})", a.lang,
                      fmt::join(known, ", ")));
      return kExitUsage;
    }
  }
  Extractor extractor(rules, opt);

  if (format == Format::csv || format == Format::tsv) write_out(table_header(format));
  if (format == Format::json) write_out("[");
  bool first = true;
  read::ReadOptions ro;
  ro.recursive = a.recursive;
  ro.format = a.input == "jsonl" ? read::InputFormat::jsonl : read::InputFormat::text;
  ro.encoding = a.encoding;
  ro.max_document_bytes = a.max_doc_bytes;
  bool input_ok = true;
  // Documents are extracted in batches (matched rule by rule, see
  // Extractor::extract_batch); records are written and flushed per batch,
  // in input order.
  constexpr std::size_t kBatchBytes = 256 * 1024;
  std::vector<Document> batch;
  std::size_t batch_bytes = 0;
  auto run_batch = [&] {
    if (batch.empty() || output_stopped()) return;
    std::string out;
    std::vector<Error> warnings;
    std::vector<std::vector<Record>> found;
    try {
      found = extractor.extract_batch(batch, &warnings);
    } catch (const std::bad_alloc&) {
      // One document too many for memory: the others of the batch still go
      // through, one at a time.
      found.clear();
      warnings.clear();
      for (const Document& d : batch) {
        try {
          found.push_back(extractor.extract(d, &warnings));
        } catch (const std::bad_alloc&) {
          found.emplace_back();
          say(Error{ErrorKind::input, d.id, 0, 0, "out of memory extracting it, skipped"}
                  .to_string());
          input_ok = false;
        }
      }
    }
    for (const Error& w : warnings) say(w.to_string());
    for (const std::vector<Record>& records : found) {
      for (const Record& r : records) {
        switch (format) {
          case Format::jsonl:
            out += to_json(r) + "\n";
            break;
          case Format::json:
            out += (first ? "\n" : ",\n") + to_json(r);
            first = false;
            break;
          case Format::csv:
          case Format::tsv:
            out += to_row(r, format);
            break;
          case Format::text:
            out += to_text(r, color);
            break;
        }
      }
    }
    batch.clear();
    batch_bytes = 0;
    write_out(out);
    flush_out();
  };
  input_ok &= read::read_all(
      a.paths, ro,
      [&](Document&& doc) {
        if (output_stopped()) return;
        if (a.verbose) {
          say(fmt::format("{}: read as {}", doc.id,
                          doc.encoding.empty() ? std::string("UTF-8") : doc.encoding));
        }
        batch_bytes += doc.text.size();
        batch.push_back(std::move(doc));
        if (batch_bytes >= kBatchBytes) run_batch();
      },
      [&](const Error& e) { say(e.to_string()); });
  run_batch();
  if (format == Format::json) write_out(first ? "]\n" : "\n]\n");
  return finish_out(input_ok ? kExitOk : kExitInput);
}

}  // namespace quotex::cli
