// quotex eval --gold DIR
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "eval/eval.hpp"

namespace quotex::cli {

int run_eval(const std::vector<std::string>& args) {
  CLI::App app{"Precision and recall against gold files (*.gold.json beside *.txt).",
               "quotex eval"};
  app.footer(R"(Examples:
  quotex eval --gold samples/
  quotex eval --gold samples/az --min-precision 0.9 --min-recall 0.9 --show
)");
  std::string gold;
  std::vector<std::string> dirs;
  double min_p = 0, min_r = 0;
  bool show = false;
  app.add_option("--gold", gold, "Folder with gold files")->required();
  app.add_option("--rules", dirs,
                 "Folder of rule packs that add to or override the built-in ones (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--min-precision", min_p, "Exit 1 when overall precision is below this");
  app.add_option("--min-recall", min_r, "Exit 1 when overall recall is below this");
  app.add_flag("--show", show, "List every missed and extra item");
  if (int code = parse_args(app, args); code >= 0) return code;
  std::shared_ptr<const RuleSet> rules;
  if (int code = load_rules(dirs, &rules); code != 0) return code;
  Extractor ex(rules, ExtractOptions{});
  Status read_status;
  eval::Report report = eval::run(ex, gold, &read_status);
  for (const Error& e : read_status.errors()) fmt::print(stderr, "{}\n", e.to_string());
  if (show) {
    for (const std::string& m : report.misses) fmt::print("{}\n", m);
  }
  fmt::print("{} documents\n{:<8} {:>6} {:>6} {:>8} {:>8} {:>10} {:>8}\n", report.documents, "type",
             "gold", "found", "emitted", "correct", "precision", "recall");
  for (const auto& [type, c] : report.by_type) {
    fmt::print("{:<8} {:>6} {:>6} {:>8} {:>8} {:>10.3f} {:>8.3f}\n", type, c.gold, c.found,
               c.emitted, c.correct, c.precision(), c.recall());
  }
  const eval::Counts& all = report.by_type["all"];
  if (!read_status.ok()) return kExitInput;
  if (all.precision() + 1e-12 < min_p || all.recall() + 1e-12 < min_r) {
    fmt::print(stderr,
               "quotex eval: precision {:.3f} / recall {:.3f} below the floor {:.3f} / {:.3f}\n",
               all.precision(), all.recall(), min_p, min_r);
    return kExitProblems;
  }
  return kExitOk;
}

}  // namespace quotex::cli
