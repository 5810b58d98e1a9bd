// quotex [extract] [PATH...]: the default command.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <simdjson.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <shared_mutex>
#include <thread>
#include <unordered_set>

#include "cli/commands.hpp"
#include "cli/ordered_pool.hpp"
#include "cli/run_report.hpp"
#include "match/matcher.hpp"
#include "quotex/emit.hpp"
#include "quotex/extractor.hpp"
#include "read/decode.hpp"
#include "read/reader.hpp"
#include "util/iso_date.hpp"

namespace quotex::cli {

// Documents larger than this are extracted in parts (split_document).
constexpr std::size_t kDefaultSplitBytes = std::size_t{256} << 10;

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
  unsigned jobs = 0;  // 0: one per core
  std::string progress = "auto";
  bool stats = false;
  std::size_t split_bytes = kDefaultSplitBytes;
  bool context = false;
  std::string ignore_file;
};

const char* kExamples = R"(Commands:
  quotex [extract] [PATH...]              extract records (this help)
  quotex rules list|test|lint [DIR]       inspect and test rule packs
  quotex eval --gold DIR                  precision and recall against gold files
  quotex check DRAFT --source SRC...      is each quote of a draft what its source says

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

namespace {

// Reads --ignore FILE: an id per line (the first word; "#" starts a
// comment), or a JSON Lines record holding one ("id"), as `quotex ... >
// false-positives.jsonl` gives them. Returns 0, or the exit code after
// saying what is wrong where.
int read_ignore_file(const std::string& path, std::unordered_set<std::string>* ids) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    say(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    return kExitInput;
  }
  simdjson::dom::parser parser;
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    std::string_view s = line;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    if (s.empty() || s.front() == '#') continue;
    if (s.front() == '{') {
      std::string_view id;
      simdjson::dom::element el;
      if (parser.parse(s.data(), s.size()).get(el) || el["id"].get_string().get(id)) {
        say(fmt::format("{}:{}:1: not a JSON record with a string \"id\"", path, line_no));
        return kExitInput;
      }
      ids->emplace(id);
      continue;
    }
    const std::size_t end = s.find_first_of(" \t\r#");
    ids->emplace(s.substr(0, end));
  }
  return 0;
}

// How records are written.
struct Output {
  Format format;
  bool color;
  const std::unordered_set<std::string>* ignore;  // ids to drop (--ignore), or null
};

// One batch's records, formatted, with what is to be said about it.
struct BatchResult {
  std::vector<std::string> records;   // one per record; JSON array separators are the writer's
  std::vector<std::string> messages;  // stderr lines, in order
  bool input_ok = true;
  RunStats stats;
  bool out_of_memory = false;  // nothing extracted: docs are to be redone alone
  std::vector<Document> docs;
};

std::string format_record(const Record& r, const Output& o) {
  switch (o.format) {
    case Format::jsonl:
      return to_json(r) + "\n";
    case Format::json:
      return to_json(r);
    case Format::csv:
    case Format::tsv:
      return to_row(r, o.format);
    case Format::text:
      return to_text(r, o.color);
  }
  return {};
}

// Formats a batch's records into *res and counts them.
void add_records(const std::vector<Document>& docs, const std::vector<std::vector<Record>>& found,
                 const std::vector<Error>& warnings, const Output& output, BatchResult* res) {
  for (const Error& w : warnings) res->messages.push_back(w.to_string());
  const match::WorkCount work = match::take_work_count();  // this thread's, for this batch
  res->stats.searches += work.searches;
  res->stats.searched_bytes += work.bytes;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].part_offset == 0) res->stats.documents += 1;  // a document's later parts are not
    res->stats.bytes += docs[i].text.size();
    for (const Record& r : found[i]) {
      if (output.ignore != nullptr && output.ignore->contains(r.id)) {
        res->stats.ignored += 1;
        continue;
      }
      res->records.push_back(format_record(r, output));
      res->stats.records += 1;
      res->stats.by_type[std::string(to_string(r.type))] += 1;
      res->stats.by_lang[r.lang] += 1;
    }
  }
}

// Extracts a batch (on a worker thread): its formatted records, warnings and
// figures. Nothing here writes: the caller writes batches in input order.
// Extraction holds `memory` shared; when a batch runs out of memory its
// documents are handed back (out_of_memory) to be redone alone.
BatchResult run_batch(const Extractor& extractor, std::vector<Document> docs, const Output& output,
                      std::shared_mutex& memory) {
  BatchResult res;
  std::vector<Error> warnings;
  std::vector<std::vector<Record>> found;
  try {
    std::shared_lock lock(memory);
    found = extractor.extract_batch(docs, &warnings);
    add_records(docs, found, warnings, output, &res);
  } catch (const std::bad_alloc&) {
    res = BatchResult{};
    res.out_of_memory = true;
    res.docs = std::move(docs);
  }
  return res;
}

// A batch that ran out of memory, again with no other extraction running
// and one document at a time: only the document that does not fit on its
// own is skipped.
BatchResult redo_alone(const Extractor& extractor, const std::vector<Document>& docs,
                       const Output& output, std::shared_mutex& memory) {
  BatchResult res;
  std::vector<Error> warnings;
  std::vector<std::vector<Record>> found;
  std::unique_lock lock(memory);
  for (const Document& d : docs) {
    try {
      found.push_back(extractor.extract(d, &warnings));
    } catch (const std::bad_alloc&) {
      found.emplace_back();
      const Error e{ErrorKind::input, d.id, 0, 0, "out of memory extracting it, skipped"};
      warnings.push_back(e);
      res.stats.skipped.push_back(e.to_string());
      res.input_ok = false;
    }
  }
  try {
    add_records(docs, found, warnings, output, &res);
  } catch (const std::bad_alloc&) {
    res = BatchResult{};
    res.input_ok = false;
    for (const Document& d : docs) {
      const Error e{ErrorKind::input, d.id, 0, 0, "out of memory writing its records, skipped"};
      res.messages.push_back(e.to_string());
      res.stats.skipped.push_back(e.to_string());
    }
  }
  return res;
}

// One thread per core; one under an address-space limit (address_space_limited).
unsigned default_threads() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 || address_space_limited() ? 1 : n;
}

// The input's total size when every path is a regular file (for the
// progress line's time left), else 0.
std::size_t known_input_bytes(const std::vector<std::string>& paths, bool recursive) {
  if (paths.empty() || recursive) return 0;
  std::size_t total = 0;
  for (const std::string& p : paths) {
    struct stat st {};
    if (p == "-" || stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    total += static_cast<std::size_t>(st.st_size);
  }
  return total;
}

}  // namespace

int run_extract(const std::vector<std::string>& args) {
  ExtractArgs a;
  CLI::App app{
      "quotex: extracts quotations, attributions, dates, amounts and targets from news "
      "text, as one record per finding.",
      "quotex"};
  app.footer(kExamples);
  app.set_version_flag("--version", version_text);
  app.add_option("paths", a.paths, "Files or folders to read; none or '-' reads stdin");
  app.add_flag(
      "-r,--recursive", a.recursive,
      "Read folders recursively (*.txt, *.text, *.md; *.jsonl, *.ndjson with --input jsonl)");
  app.add_option("--lang", a.lang,
                 "Language of every document (az, en, ru, tr, kk); default: detect");
  app.add_option("--types", a.types,
                 "Record types to emit, comma-separated: quote,date,amount,target,claim");
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
  app.add_option("-j,--jobs", a.jobs,
                 "Threads extracting documents (0, the default: one per core); records come "
                 "out in input order, the same for any number")
      ->check(CLI::Range(0u, 1024u));
  app.add_option("--progress", a.progress,
                 "Progress line on stderr: auto (on a terminal, after a second), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--split-bytes", a.split_bytes,
                 fmt::format("Extract documents larger than this in parts cut at paragraph "
                             "breaks, so memory grows with the part, not the document (default "
                             "{}; 0: never split)",
                             kDefaultSplitBytes))
      ->check(CLI::Validator(
          [](const std::string& v) {
            return v.find('-') == std::string::npos ? std::string() : "must not be negative";
          },
          "", "not negative"));
  app.add_flag("--context", a.context, "Add each record's enclosing sentence as \"context\"");
  app.add_option("--ignore", a.ignore_file,
                 "Drop records whose id is listed in this file (one id per line, or JSON Lines "
                 "records with an \"id\"; # starts a comment)");
  app.add_flag("--stats", a.stats,
               "At the end, say on stderr: documents, bytes, records by type and language, "
               "inputs skipped and why");
  if (int code = parse_args(app, args); code >= 0) return code;
  if (!a.encoding.empty() && !read::known_encoding(a.encoding)) {
    say(fmt::format("quotex: --encoding: unknown encoding '{}'", a.encoding));
    return kExitUsage;
  }

  ExtractOptions opt;
  opt.lang = a.lang;
  opt.doc_date = a.doc_date;
  opt.context = a.context;
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
      if (!t) {
        say(fmt::format("quotex: --types: unknown type '{}' (quote, date, amount, target, claim)",
                        name));
        return kExitUsage;
      }
      opt.types |= 1u << static_cast<unsigned>(*t);
      if (e == std::string::npos) break;
      b = e + 1;
    }
  }
  const bool tty = isatty(STDOUT_FILENO) != 0;
  Format format = a.format.empty() ? (tty ? Format::text : Format::jsonl) : *parse_format(a.format);
  bool color = use_color(a.color, tty);

  std::shared_ptr<const RuleSet> rules;
  if (int code = load_rules(a.rules_dirs, &rules); code != 0) return code;
  if (!known_language(a.lang, *rules)) return kExitUsage;
  Extractor extractor(rules, opt);
  read::ReadOptions ro;
  ro.recursive = a.recursive;
  ro.format = a.input == "jsonl" ? read::InputFormat::jsonl : read::InputFormat::text;
  ro.encoding = a.encoding;
  ro.max_document_bytes = a.max_doc_bytes;
  std::unordered_set<std::string> ignore;
  if (!a.ignore_file.empty()) {
    if (int code = read_ignore_file(a.ignore_file, &ignore); code != 0) return code;
  }
  const Output output{format, color, a.ignore_file.empty() ? nullptr : &ignore};
  std::shared_mutex memory;  // held alone to redo a batch that ran out of memory
  OrderedPool<BatchResult> pool(a.jobs != 0 ? a.jobs : default_threads());
  Progress progress(a.progress == "always" || (a.progress == "auto" && isatty(STDERR_FILENO) != 0),
                    known_input_bytes(a.paths, a.recursive));
  const auto started = std::chrono::steady_clock::now();
  RunStats stats;
  stats.ignoring = !a.ignore_file.empty();
  bool input_ok = true;
  bool first = true;                        // no JSON array element written yet
  auto tell = [&](std::string_view line) {  // a message, never on top of the progress line
    progress.finish();
    say(line);
  };

  if (format == Format::csv || format == Format::tsv) write_out(table_header(format));
  if (format == Format::json) write_out("[");
  // Writes the oldest batch's records and messages (records are flushed
  // per batch, so a slow producer on stdin sees them as they come).
  auto write_oldest = [&] {
    BatchResult r = pool.take();
    if (r.out_of_memory) r = redo_alone(extractor, r.docs, output, memory);
    for (const std::string& m : r.messages) tell(m);
    input_ok &= r.input_ok;
    std::string out;
    for (const std::string& rec : r.records) {
      if (format == Format::json) {
        out += first ? "\n" : ",\n";
        first = false;
      }
      out += rec;
    }
    write_out(out);
    flush_out();
    stats.add(r.stats);
    progress.update(stats.documents, stats.bytes);
  };
  // Documents are extracted in batches (matched rule by rule, see
  // Extractor::extract_batch), the batches on --jobs threads; records are
  // written in input order whatever the number of threads.
  constexpr std::size_t kBatchBytes = 256 * 1024;
  std::vector<Document> batch;
  std::size_t batch_bytes = 0;
  auto submit_batch = [&] {
    if (batch.empty() || output_stopped()) return;
    while (pool.pending() >= pool.window()) write_oldest();
    pool.submit([&extractor, &output, &memory, docs = std::move(batch)]() mutable {
      return run_batch(extractor, std::move(docs), output, memory);
    });
    batch.clear();
    batch_bytes = 0;
  };
  input_ok &= read::read_all(
      a.paths, ro,
      [&](Document&& doc) {
        if (output_stopped()) return;
        if (a.verbose) {
          tell(fmt::format("{}: read as {}", doc.id,
                           doc.encoding.empty() ? std::string("UTF-8") : doc.encoding));
        }
        split_document(std::move(doc), a.split_bytes, [&](Document&& part) {
          batch_bytes += part.text.size();
          batch.push_back(std::move(part));
          if (batch_bytes >= kBatchBytes) submit_batch();
        });
      },
      [&](const Error& e) {
        tell(e.to_string());
        if (e.kind != ErrorKind::warning) stats.skipped.push_back(e.to_string());
      });
  submit_batch();
  while (pool.pending() > 0) write_oldest();
  progress.finish();
  if (format == Format::json) write_out(first ? "]\n" : "\n]\n");
  if (a.stats) {
    say_partial(format_stats(
        stats, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()));
  }
  return finish_out(input_ok ? kExitOk : kExitInput);
}

}  // namespace quotex::cli
