// quotex_bench: throughput of the full pipeline (normalize .. resolve, and
// JSON emission) on a corpus made of the samples, per prefilter mode; rule
// compilation time; peak RSS as the corpus grows.
//
//   quotex_bench [SAMPLES_DIR] [MB]
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "match/matcher.hpp"
#include "quotex/emit.hpp"
#include "quotex/extractor.hpp"
#include "rules/model.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"

using namespace quotex;
using Clock = std::chrono::steady_clock;

namespace {

long peak_rss_kb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : "samples";
  const double want_mb = argc > 2 ? std::atof(argv[2]) : 32;

  std::vector<std::string> docs;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    docs.push_back(ss.str());
  }
  std::sort(docs.begin(), docs.end());
  if (docs.empty()) {
    fmt::print(stderr, "no .txt files under {}\n", dir);
    return 2;
  }
  std::size_t sample_bytes = 0;
  for (const auto& d : docs) sample_bytes += d.size();

  // Start-up: loading and compiling every embedded pack.
  auto t0 = Clock::now();
  std::shared_ptr<const RuleSet> rules;
  if (!RuleSet::load({}, &rules).ok()) return 3;
  const double startup_ms = seconds_since(t0) * 1000;
  fmt::print("rules: {} compiled in {:.1f} ms\n", rules->size(), startup_ms);
  fmt::print("corpus: {} sample documents, {} bytes, repeated to {:.0f} MB\n", docs.size(),
             sample_bytes, want_mb);

  const std::size_t target = static_cast<std::size_t>(want_mb * 1024 * 1024);
  for (auto [mode, name] : {std::pair{Prefilter::none, "none (every rule; default)"},
                            std::pair{Prefilter::sentence_set, "sentence-set"},
                            std::pair{Prefilter::set, "set (per document)"}}) {
    ExtractOptions opt;
    opt.prefilter = mode;
    Extractor ex(rules, opt);
    std::size_t bytes = 0, records = 0, out_bytes = 0;
    auto t = Clock::now();
    for (std::size_t i = 0; bytes < target; ++i) {
      const std::string& text = docs[i % docs.size()];
      for (const Record& r : ex.extract(Document{"bench", text, "", ""})) {
        out_bytes += to_json(r).size();
        ++records;
      }
      bytes += text.size();
    }
    const double s = seconds_since(t);
    fmt::print("prefilter {:<24} {:8.1f} MB/s  ({} MB in {:.2f} s, {} records, {} KB out)\n", name,
               bytes / s / (1024 * 1024), bytes / (1024 * 1024), s, records, out_bytes / 1024);
  }

  // Cost of each stage and of each sentence rule alone, over the samples.
  {
    const detail::LanguageRules* lr = rules->compiled().language("az");
    std::vector<text::NormText> norms;
    std::vector<text::Segments> segs;
    auto ts = Clock::now();
    for (const auto& d : docs) norms.push_back(text::normalize(d));
    const double t_norm = seconds_since(ts);
    ts = Clock::now();
    for (const auto& n : norms) segs.push_back(text::segment(n.text, "az"));
    const double t_seg = seconds_since(ts);
    ts = Clock::now();
    for (int rep = 0; rep < 20; ++rep) {
      for (std::size_t i = 0; i < norms.size(); ++i) {
        match::match_document(norms[i].text, segs[i], *lr, Prefilter::none);
      }
    }
    const double t_match = seconds_since(ts) / 20;
    const double mb = sample_bytes / (1024.0 * 1024);
    fmt::print(
        "stages on the samples: normalize {:.1f} MB/s, segment {:.1f} MB/s, match {:.1f} MB/s\n",
        mb / t_norm, mb / t_seg, mb / t_match);
    std::size_t sentences = 0, fired_total = 0;
    ts = Clock::now();
    std::vector<int> fired;
    for (std::size_t i = 0; i < norms.size(); ++i) {
      for (const auto& sp : segs[i].sentences) {
        fired.clear();
        lr->sentence_set.match(std::string_view(norms[i].text).substr(sp.begin, sp.end - sp.begin),
                               &fired);
        ++sentences;
        fired_total += fired.size();
      }
    }
    fmt::print(
        "prefilter set alone: {:.1f} MB/s; {} sentences, {:.1f} of {} rules fire per sentence\n",
        mb / seconds_since(ts), sentences, double(fired_total) / sentences,
        lr->sentence_rules.size());
    std::vector<std::pair<double, std::string>> cost;
    for (const detail::Rule* r : lr->sentence_rules) {
      std::vector<match::Hit> hits;
      auto tr = Clock::now();
      for (int rep = 0; rep < 5; ++rep) {
        for (std::size_t i = 0; i < norms.size(); ++i) {
          match::find_all(norms[i].text, 0, norms[i].text.size(), *r, r->pattern, &hits);
        }
      }
      cost.emplace_back(mb * 5 / seconds_since(tr),
                        fmt::format("{}[{}]", r->id, r->pattern.re->ProgramSize()));
    }
    std::sort(cost.begin(), cost.end());
    fmt::print("slowest sentence rules alone (MB/s):");
    for (std::size_t i = 0; i < cost.size() && i < 8; ++i) {
      fmt::print(" {}={:.0f}", cost[i].second, cost[i].first);
    }
    fmt::print("\n");

    // Where the default mode spends its time: the set per sentence, and each
    // rule where the set says it fires (its search, groups and contexts).
    std::vector<double> in_place(lr->sentence_rules.size());
    double set_s = 0;
    std::vector<match::Hit> hits;
    for (int rep = 0; rep < 5; ++rep) {
      for (std::size_t i = 0; i < norms.size(); ++i) {
        const std::string& t = norms[i].text;
        for (const auto& sp : segs[i].sentences) {
          if (sp.end - sp.begin < 2) continue;
          fired.clear();
          auto ts1 = Clock::now();
          lr->sentence_set.match(std::string_view(t).substr(sp.begin, sp.end - sp.begin), &fired);
          const bool any = !fired.empty();
          set_s += seconds_since(ts1);
          if (!any) continue;
          const auto& first = segs[i].paragraphs[segs[i].paragraph_at(sp.begin)];
          const std::size_t unit_end = segs[i].paragraphs[segs[i].paragraph_at(sp.end - 1)].end;
          for (int k : fired) {
            const detail::Rule* r = lr->sentence_rules[static_cast<std::size_t>(k)];
            auto tr = Clock::now();
            match::find_all(t, sp.begin, sp.end, *r, r->pattern, &hits, first.begin, unit_end);
            in_place[static_cast<std::size_t>(k)] += seconds_since(tr);
          }
          hits.clear();
        }
      }
    }
    std::vector<std::pair<double, std::string>> spent;
    double rules_s = 0;
    for (std::size_t k = 0; k < in_place.size(); ++k) {
      spent.emplace_back(in_place[k] / 5, lr->sentence_rules[k]->id);
      rules_s += in_place[k] / 5;
    }
    std::sort(spent.rbegin(), spent.rend());
    fmt::print("sentence-set matching on the samples: set {:.1f} ms, rules {:.1f} ms; most costly:",
               set_s / 5 * 1000, rules_s * 1000);
    for (std::size_t k = 0; k < spent.size() && k < 8; ++k) {
      fmt::print(" {}={:.1f}ms", spent[k].second, spent[k].first * 1000);
    }
    fmt::print("\n");
  }

  // Memory against corpus size: documents stream through one at a time.
  Extractor ex(rules, {});
  std::size_t bytes = 0;
  for (double mb : {want_mb / 4, want_mb / 2, want_mb}) {
    for (std::size_t i = 0; bytes < mb * 1024 * 1024; ++i) {
      ex.extract(Document{"bench", docs[i % docs.size()], "", ""});
      bytes += docs[i % docs.size()].size();
    }
    fmt::print("peak RSS after {:6.1f} MB: {} KB\n", bytes / (1024.0 * 1024), peak_rss_kb());
  }
  // One large document (all samples joined, repeated to 8 MB).
  std::string large;
  while (large.size() < 8u * 1024 * 1024) {
    for (const auto& d : docs) large += d + "\n";
  }
  auto t = Clock::now();
  auto recs = ex.extract(Document{"large", large, "az", ""});
  const double s = seconds_since(t);
  fmt::print("one {} MB document: {:.1f} MB/s, {} records, peak RSS {} KB\n",
             large.size() / (1024 * 1024), large.size() / s / (1024 * 1024), recs.size(),
             peak_rss_kb());
  // Throughput on text no DFA has seen (last: it loads a rule set per mode): the samples' words
  // swapped within each line (same vocabulary, new byte sequences). Repeating the samples lets
  // every DFA keep its states; real batches are new text.
  {
    std::mt19937 rng(7);
    std::vector<std::string> fresh;
    std::size_t fresh_bytes = 0;
    for (std::size_t i = 0; fresh_bytes < target / 2; ++i) {
      std::istringstream in(docs[i % docs.size()]);
      std::string line, doc;
      while (std::getline(in, line)) {
        std::vector<std::string> words;
        std::istringstream ws(line);
        for (std::string w; ws >> w;) words.push_back(w);
        for (std::size_t k = 0; k < words.size() / 4 + 1 && words.size() > 1; ++k) {
          std::swap(words[rng() % words.size()], words[rng() % words.size()]);
        }
        for (std::size_t k = 0; k < words.size(); ++k) doc += (k ? " " : "") + words[k];
        doc += '\n';
      }
      fresh_bytes += doc.size();
      fresh.push_back(std::move(doc));
    }
    for (auto [mode, name] : {std::pair{Prefilter::none, "none (default)"},
                              std::pair{Prefilter::sentence_set, "sentence-set"},
                              std::pair{Prefilter::set, "set (per document)"}}) {
      ExtractOptions opt;
      opt.prefilter = mode;
      std::shared_ptr<const RuleSet> cold;  // fresh RE2 objects: DFAs without states
      if (!RuleSet::load({}, &cold).ok()) return 3;
      Extractor ex(cold, opt);
      auto t = Clock::now();
      for (const std::string& d : fresh) ex.extract(Document{"bench", d, "az", ""});
      const double s = seconds_since(t);
      fmt::print("new text, prefilter {:<18} {:8.1f} MB/s  ({:.1f} MB in {:.2f} s)\n", name,
                 fresh_bytes / s / (1024 * 1024), fresh_bytes / (1024.0 * 1024), s);
    }
    // As the command line runs: batches of 256 KB matched rule by rule.
    {
      std::shared_ptr<const RuleSet> cold;
      if (!RuleSet::load({}, &cold).ok()) return 3;
      Extractor ex(cold, ExtractOptions{});
      auto t = Clock::now();
      std::vector<Document> batch;
      std::size_t bytes = 0;
      for (std::size_t i = 0; i <= fresh.size(); ++i) {
        if (i == fresh.size() || bytes >= 256 * 1024) {
          ex.extract_batch(batch);
          batch.clear();
          bytes = 0;
        }
        if (i < fresh.size()) {
          batch.push_back(Document{"bench", fresh[i], "az", ""});
          bytes += fresh[i].size();
        }
      }
      const double s = seconds_since(t);
      fmt::print("new text, batches of 256 KB (as the CLI) {:5.1f} MB/s  ({:.1f} MB in {:.2f} s)\n",
                 fresh_bytes / s / (1024 * 1024), fresh_bytes / (1024.0 * 1024), s);
    }
  }

  return 0;
}
