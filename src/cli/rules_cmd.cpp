// quotex rules list|test|lint [DIR]
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "quotex/extractor.hpp"
#include "quotex/rule_set.hpp"

namespace quotex::cli {

int run_rules(const std::vector<std::string>& args) {
  CLI::App app{"Inspect and test rule packs (the built-in ones, plus DIR when given).",
               "quotex rules"};
  app.footer(R"(Examples:
  quotex rules list               every rule: id, type, language, place, examples
  quotex rules test               run every rule's inline examples (exit 1 on a failure)
  quotex rules test my-rules/     the same with my-rules/ added to the built-in packs
  quotex rules lint               also report rules without positive or negative examples
                                  and packs without a version (exit 1 on any report)
)");
  std::string action;
  std::vector<std::string> dirs;
  app.add_option("action", action, "list, test or lint")
      ->required()
      ->check(CLI::IsMember({"list", "test", "lint"}));
  app.add_option("dirs", dirs, "Folders of extra rule packs");
  if (int code = parse_args(app, args); code >= 0) return code;
  std::shared_ptr<const RuleSet> rules;
  if (int code = load_rules(dirs, &rules); code != 0) return code;
  if (action == "list") {
    std::string out;
    for (const RuleInfo& r : rules->list()) {
      out += fmt::format("{:<40} {:<12} {:<7} {}:{}  +{} -{}\n", r.id, r.type, r.lang, r.file,
                         r.line, r.positive_examples, r.negative_examples);
    }
    write_out(out);
    return finish_out(kExitOk);
  }
  int code = kExitOk;
  if (action == "lint") {
    for (const Error& e : rules->lint()) {
      say(e.to_string());
      code = kExitProblems;
    }
  }
  ExampleReport report = test_examples(rules);
  for (const Error& e : report.failures) say(e.to_string());
  write_out(fmt::format("rules: {} rules, examples: {} passed, {} failed\n", rules->size(),
                        report.passed, report.failed));
  return finish_out(report.failed > 0 ? kExitProblems : code);
}

}  // namespace quotex::cli
