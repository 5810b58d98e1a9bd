// quotex eval --gold DIR
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include <tuple>

#include "cli/commands.hpp"
#include "eval/eval.hpp"

namespace quotex::cli {

int run_eval(const std::vector<std::string>& args) {
  CLI::App app{"Precision and recall against gold files (*.gold.json beside *.txt).",
               "quotex eval"};
  app.footer(R"(Examples:
  quotex eval --gold samples/
  quotex eval --gold samples/az --min-precision 0.9 --min-recall 0.9 --show
  quotex eval --gold samples/az --min-strict-precision 0.9 --min-strict-recall 0.9
  quotex -r samples/az > records.jsonl; quotex eval --gold samples/az --records records.jsonl
)");
  std::string gold;
  std::vector<std::string> dirs;
  double min_p = 0, min_r = 0, min_sp = 0, min_sr = 0, min_cf = 0, min_cs = 0;
  bool show = false;
  std::string records;
  app.add_option("--gold", gold, "Folder with gold files")->required();
  app.add_option("--rules", dirs,
                 "Folder of rule packs that add to or override the built-in ones (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--min-precision", min_p, "Exit 1 when overall precision is below this");
  app.add_option("--min-recall", min_r, "Exit 1 when overall recall is below this");
  app.add_option("--min-strict-precision", min_sp,
                 "Exit 1 when precision with every field right is below this");
  app.add_option("--min-strict-recall", min_sr,
                 "Exit 1 when recall with every field right is below this");
  app.add_option("--min-claim-f1", min_cf,
                 "Exit 1 when the F1 of claims (documents whose gold lists them) is below this");
  app.add_option("--min-claim-speaker", min_cs,
                 "Exit 1 when the share of found claims with the gold's speaker is below this");
  app.add_flag("--show", show, "List every missed and extra item, and every wrong field");
  app.add_option("--records", records,
                 "Score the records of this JSON Lines file (from any build or tool) instead of "
                 "running the extractor");
  if (int code = parse_args(app, args); code >= 0) return code;
  Status read_status;
  eval::Report report;
  if (!records.empty()) {
    report = eval::run_records(records, gold, &read_status);
  } else {
    std::shared_ptr<const RuleSet> rules;
    if (int code = load_rules(dirs, &rules); code != 0) return code;
    report = eval::run(Extractor(rules, ExtractOptions{}), gold, &read_status);
  }
  for (const Error& e : read_status.errors()) say(e.to_string());
  if (report.documents == 0) {
    say(fmt::format("{}: no gold file (*.gold.json beside its *.txt) could be read", gold));
    return kExitInput;
  }
  if (show) {
    for (const std::string& m : report.misses) write_out(m + "\n");
  }
  write_out(fmt::format("{} documents\n{:<8} {:>6} {:>6} {:>8} {:>8} {:>10} {:>8} {:>6}\n",
                        report.documents, "type", "gold", "found", "emitted", "correct",
                        "precision", "recall", "F1"));
  for (const char* type : {"quote", "date", "amount", "target", "all"}) {
    const eval::Counts& c = report.scores[type];
    write_out(fmt::format("{:<8} {:>6} {:>6} {:>8} {:>8} {:>10.3f} {:>8.3f} {:>6.3f}\n", type,
                          c.gold, c.found, c.emitted, c.correct, c.precision(), c.recall(),
                          c.f1()));
  }
  const eval::SpeakerCounts& s = report.speakers;
  write_out(fmt::format(
      "quotes found: {}; kind agrees {:.3f}; speaker exact {:.3f} (part of the name {}, none "
      "given {}, false {}); false attributions {:.3f}",
      s.matched, s.rate(s.kind_same), s.rate(s.exact), s.same_person, s.none_given, s.false_given,
      s.rate(s.false_given)));
  if (s.cue_class_gold > 0) {
    write_out(fmt::format("; cue class agrees {:.3f} of {}",
                          double(s.cue_class_same) / s.cue_class_gold, s.cue_class_gold));
  }
  if (report.targets.matched > 0) {
    write_out(fmt::format("\ntargets found: {}; direction agrees {:.3f}", report.targets.matched,
                          double(report.targets.direction_same) / report.targets.matched));
  }
  if (report.claims.documents > 0) {
    const eval::ClaimCounts& c = report.claims;
    write_out(fmt::format(
        "\nclaims ({} documents with claims in their gold): gold {} emitted {} found {}; "
        "precision {:.3f} recall {:.3f} F1 {:.3f}; speaker right {:.3f}; items right {:.3f}",
        c.documents, c.counts.gold, c.counts.emitted, c.counts.found, c.counts.precision(),
        c.counts.recall(), c.counts.f1(), c.rate(c.speaker_same), c.rate(c.items_same)));
  }
  const eval::Counts& strict = report.strict["all"];
  write_out(fmt::format("\nstrict (every field right): precision {:.3f} recall {:.3f}\n",
                        strict.precision(), strict.recall()));
  if (int code = finish_out(kExitOk); code != kExitOk) return code;
  if (!read_status.ok()) return kExitInput;
  const eval::Counts& all = report.scores["all"];
  bool below = false;
  for (const auto& [got, floor, what] :
       {std::tuple{all.precision(), min_p, "precision"}, std::tuple{all.recall(), min_r, "recall"},
        std::tuple{strict.precision(), min_sp, "strict precision"},
        std::tuple{strict.recall(), min_sr, "strict recall"},
        std::tuple{report.claims.counts.f1(), min_cf, "claim F1"},
        std::tuple{report.claims.rate(report.claims.speaker_same), min_cs, "claim speaker"}}) {
    if (got + 1e-12 < floor) {
      say(fmt::format("quotex eval: {} {:.3f} below the floor {:.3f}", what, got, floor));
      below = true;
    }
  }
  if (below) return kExitProblems;
  return kExitOk;
}

}  // namespace quotex::cli
