// quotex check DRAFT... --source SRC...: is every quote in the draft what
// the source says (SPEC §5)? And quotex check --consistency PATH...: one
// speaker quoted in different words for one statement.
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <map>

#include "check/check.hpp"
#include "cli/commands.hpp"
#include "read/reader.hpp"

namespace quotex::cli {

namespace {

const char* kCheckExamples = R"(Examples:
  quotex check draft.txt --source transcript.txt
  quotex check drafts/ -r --source sources/ --format jsonl | jq 'select(.verdict!="verbatim")'
  quotex check draft.txt --source archive.jsonl --strict
  quotex check --consistency -r articles/

Verdicts: verbatim, truncated, elided (fine); altered, not_found, other_language (problems).
Exit status: 0 every quote fine, 1 a problem (--strict: also truncated or elided; a
speaker mismatch is one too), 2 usage, 3 input error.
)";

struct CheckArgs {
  std::vector<std::string> drafts;
  std::vector<std::string> sources;
  bool recursive = false;
  std::string input = "auto";
  std::string format;
  std::string color = "auto";
  std::string lang;
  std::vector<std::string> rules_dirs;
  bool strict = false;
  bool consistency = false;
};

// Reads paths, as JSON Lines or text as --input says, or (auto) each file
// by its name; every document goes to `each`.
bool read_inputs(const std::vector<std::string>& paths, const CheckArgs& a,
                 const std::function<void(Document&&)>& each) {
  bool ok = true;
  read::ReadOptions ro;
  ro.recursive = a.recursive;
  ro.format = a.input == "jsonl"  ? read::InputFormat::jsonl
              : a.input == "text" ? read::InputFormat::text
                                  : read::InputFormat::by_name;
  ok &= read::read_all(paths, ro, each, [&](const Error& e) {
    say(e.to_string());
    if (e.kind != ErrorKind::warning) ok = false;
  });
  return ok;
}

}  // namespace

int run_check(const std::vector<std::string>& args) {
  CheckArgs a;
  CLI::App app{
      "Checks each quote of a draft against its sources: verbatim, truncated, elided, "
      "altered, not_found or other_language, and whether the source names another "
      "speaker.",
      "quotex check"};
  app.footer(kCheckExamples);
  app.add_option("drafts", a.drafts, "Drafts: files, folders (-r), JSONL, or '-' for stdin");
  app.add_option("-s,--source", a.sources,
                 "Sources: files, folders (-r), JSONL, or '-' (repeatable)")
      ->allow_extra_args(true);
  app.add_flag("-r,--recursive", a.recursive, "Read folders recursively");
  app.add_option("--input", a.input,
                 "Input format of drafts and sources: auto (*.jsonl and *.ndjson as JSON Lines, in "
                 "folders too), text, jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  app.add_option("--format", a.format,
                 "Output: text (a report) or jsonl (default: text on a terminal, else jsonl)")
      ->check(CLI::IsMember({"jsonl", "text"}));
  app.add_option("--color", a.color, "Colour in the report: auto, always, never (honours NO_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--lang", a.lang, "Language of every draft; default: detect");
  app.add_option("--rules", a.rules_dirs,
                 "Folder of rule packs that add to or override the built-in ones (repeatable)")
      ->allow_extra_args(false);
  app.add_flag("--strict", a.strict, "Truncated and elided quotes count as problems too");
  app.add_flag("--consistency", a.consistency,
               "Instead: across the drafts, group quotes given to one speaker that render one "
               "statement in different words");
  if (int code = parse_args(app, args); code >= 0) return code;
  if (a.drafts.empty()) {
    // --source takes every path after it: drafts go first. Without one, the
    // draft is stdin, but not a terminal's (that would wait for typing).
    if (isatty(STDIN_FILENO) != 0) {
      say("quotex check: no draft (name drafts before --source, or pipe one in)");
      return kExitUsage;
    }
    a.drafts.push_back("-");
  }
  if (!a.consistency && a.sources.empty()) {
    say("quotex check: --source is required (or --consistency)");
    return kExitUsage;
  }
  if (std::count(a.drafts.begin(), a.drafts.end(), "-") +
          std::count(a.sources.begin(), a.sources.end(), "-") >
      1) {
    say("quotex check: only one of the drafts and sources can be '-' (stdin)");
    return kExitUsage;
  }
  const bool tty = isatty(STDOUT_FILENO) != 0;
  const bool text = a.format.empty() ? tty : a.format == "text";
  const bool color = use_color(a.color, tty);

  std::shared_ptr<const RuleSet> rules;
  if (int code = load_rules(a.rules_dirs, &rules); code != 0) return code;
  if (!known_language(a.lang, *rules)) return kExitUsage;
  ExtractOptions opt;
  opt.lang = a.lang;
  check::Checker checker(rules, opt);

  if (a.consistency) {
    std::vector<Record> quotes;
    const bool ok = read_inputs(a.drafts, a, [&](Document&& doc) {
      for (Record& r : checker.quotations(doc)) quotes.push_back(std::move(r));
    });
    std::size_t groups = 0;
    for (const check::RenderingGroup& g : check::find_renderings(quotes)) {
      write_out(text ? check::to_text(g, color) : check::to_json(g) + "\n");
      ++groups;
    }
    if (text) {
      say(fmt::format("quotex check: {} quotations with a speaker, {} groups", quotes.size(),
                      groups));
    }
    if (int code = finish_out(kExitOk); code != kExitOk) return code;
    if (!ok) return kExitInput;
    return groups > 0 ? kExitProblems : kExitOk;
  }

  bool ok = read_inputs(a.sources, a, [&](Document&& doc) { checker.add_source(std::move(doc)); });
  checker.build();
  std::map<check::Verdict, std::size_t> counts;
  std::size_t problems = 0, mismatches = 0, checked = 0;
  ok &= read_inputs(a.drafts, a, [&](Document&& doc) {
    if (output_stopped()) return;
    for (const check::Citation& c : checker.check(doc)) {
      ++checked;
      counts[c.verdict] += 1;
      const bool fine = c.verdict == check::Verdict::verbatim ||
                        (!a.strict && (c.verdict == check::Verdict::truncated ||
                                       c.verdict == check::Verdict::elided));
      problems += fine && !c.speaker_mismatch ? 0 : 1;
      mismatches += c.speaker_mismatch ? 1 : 0;
      write_out(text ? check::to_text(c, color) : check::to_json(c) + "\n");
    }
  });
  if (text) {
    std::string summary = fmt::format("quotex check: {} quote{} against {} source{}:", checked,
                                      checked == 1 ? "" : "s", checker.index().size(),
                                      checker.index().size() == 1 ? "" : "s");
    for (const auto& [v, n] : counts) summary += fmt::format(" {} {},", check::to_string(v), n);
    summary += fmt::format(" speaker mismatches {}", mismatches);
    say(summary);
  }
  if (int code = finish_out(kExitOk); code != kExitOk) return code;
  if (!ok) return kExitInput;
  return problems > 0 ? kExitProblems : kExitOk;
}

}  // namespace quotex::cli
