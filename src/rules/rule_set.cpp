#include "quotex/rule_set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "rules/compile.hpp"
#include "rules/embedded.hpp"
#include "rules/load.hpp"
#include "util/hash.hpp"

namespace quotex {

namespace fs = std::filesystem;
using detail::CompiledRules;
using detail::PackData;

RuleSet::RuleSet(std::unique_ptr<CompiledRules> c) : compiled_(std::move(c)) {}
RuleSet::~RuleSet() = default;

namespace {

struct Source {
  std::string file;  // for messages
  std::string name;  // pack name
  std::string text;
  bool built_in = false;
};

// The lexicons of packs that later sources replace: a pack that leaves one
// out is blamed in its own file (parsed only when a pack is replaced).
detail::LostLexicons lost_lexicons(const std::vector<Source>& sources,
                                   const std::map<std::string, std::size_t>& last) {
  detail::LostLexicons lost;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const std::size_t now = last.at(sources[i].name);
    if (now == i) continue;
    PackData old;
    Status ignored;
    detail::parse_pack(sources[i].file, sources[i].name, sources[i].text, &old, &ignored);
    for (const auto& lex : old.lexicons) {
      lost.emplace(lex->name, detail::LostLexicon{sources[i].file, sources[now].file});
    }
  }
  return lost;
}

Status finish(std::vector<Source> sources, std::shared_ptr<const RuleSet>* out,
              std::unique_ptr<RuleSet> (*make)(std::unique_ptr<CompiledRules>)) {
  // Later sources with the same pack name replace earlier ones.
  std::map<std::string, std::size_t> last;
  for (std::size_t i = 0; i < sources.size(); ++i) last[sources[i].name] = i;
  Status status;
  std::vector<PackData> packs;
  std::vector<PackInfo> infos;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (last[sources[i].name] != i) continue;
    PackData pack;
    detail::parse_pack(sources[i].file, sources[i].name, sources[i].text, &pack, &status);
    infos.push_back(PackInfo{pack.name, pack.lang, pack.version,
                             fmt::format("{:08x}", util::fnv1a(sources[i].text) >> 32),
                             sources[i].file, sources[i].built_in});
    packs.push_back(std::move(pack));
  }
  std::sort(infos.begin(), infos.end(),
            [](const PackInfo& a, const PackInfo& b) { return a.name < b.name; });
  auto compiled = detail::compile_packs(std::move(packs), &status, lost_lexicons(sources, last));
  if (!status.ok()) {
    // Report in reading order: by file, then place.
    std::vector<Error> errors = status.errors();
    std::stable_sort(errors.begin(), errors.end(), [](const Error& a, const Error& b) {
      return std::tie(a.file, a.line, a.col) < std::tie(b.file, b.line, b.col);
    });
    Status sorted;
    for (Error& e : errors) sorted.add(std::move(e));
    out->reset();
    return sorted;
  }
  compiled->packs = std::move(infos);
  *out = make(std::move(compiled));
  return status;
}

std::vector<Source> embedded_sources() {
  std::vector<Source> s;
  for (const auto& p : rules::embedded_packs()) {
    s.push_back(
        Source{std::string(p.file), detail::pack_name_of(p.file), std::string(p.text), true});
  }
  return s;
}

}  // namespace

Status RuleSet::load(const std::vector<std::string>& extra_dirs,
                     std::shared_ptr<const RuleSet>* out) {
  std::vector<Source> sources = embedded_sources();
  Status status;
  for (const std::string& dir : extra_dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      status.add(Error{ErrorKind::usage, dir, 0, 0, "--rules: not a directory"});
      continue;
    }
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".toml") files.push_back(it->path());
    }
    if (ec) status.add(Error{ErrorKind::rule, dir, 0, 0, ec.message()});
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      if (!in) {
        status.add(Error{ErrorKind::rule, f.string(), 0, 0, "cannot read rule pack"});
        continue;
      }
      std::stringstream ss;
      ss << in.rdbuf();
      std::string rel = fs::relative(f, dir, ec).generic_string();
      sources.push_back(Source{f.string(), detail::pack_name_of(rel), ss.str(), false});
    }
  }
  if (!status.ok()) return status;
  return finish(std::move(sources), out, [](std::unique_ptr<CompiledRules> c) {
    return std::unique_ptr<RuleSet>(new RuleSet(std::move(c)));
  });
}

Status RuleSet::load_texts(const std::vector<PackText>& packs, bool with_embedded,
                           std::shared_ptr<const RuleSet>* out) {
  std::vector<Source> sources;
  if (with_embedded) sources = embedded_sources();
  for (const PackText& p : packs) {
    sources.push_back(Source{p.file, detail::pack_name_of(p.file), p.text, false});
  }
  return finish(std::move(sources), out, [](std::unique_ptr<CompiledRules> c) {
    return std::unique_ptr<RuleSet>(new RuleSet(std::move(c)));
  });
}

std::vector<RuleInfo> RuleSet::list() const {
  std::vector<RuleInfo> v;
  for (const auto& r : compiled_->rules) {
    RuleInfo info{
        r->id, detail::rule_type_name(r->type), r->lang, r->pack, r->place.file, r->place.line, 0,
        0};
    for (const auto& e : r->examples)
      (e.positive ? info.positive_examples : info.negative_examples)++;
    v.push_back(std::move(info));
  }
  return v;
}

const std::vector<PackInfo>& RuleSet::packs() const {
  return compiled_->packs;
}

std::vector<std::string> RuleSet::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, lr] : compiled_->languages) {
    if (lang != "common") out.push_back(lang);
  }
  return out;
}

std::size_t RuleSet::size() const {
  return compiled_->rules.size();
}

std::vector<Error> RuleSet::lint() const {
  std::vector<Error> v;
  for (const PackInfo& p : compiled_->packs) {
    if (p.version.empty()) {
      v.push_back(Error{ErrorKind::rule, p.file, 1, 1,
                        fmt::format("pack '{}' has no [pack] version", p.name)});
    }
  }
  for (const auto& r : compiled_->rules) {
    int pos = 0, neg = 0;
    for (const auto& e : r->examples) (e.positive ? pos : neg)++;
    if (pos == 0) {
      v.push_back(Error{ErrorKind::rule, r->place.file, r->place.line, r->place.col,
                        fmt::format("rule '{}' has no positive example", r->id)});
    }
    if (neg == 0) {
      v.push_back(Error{ErrorKind::rule, r->place.file, r->place.line, r->place.col,
                        fmt::format("rule '{}' has no negative example", r->id)});
    }
  }
  return v;
}

}  // namespace quotex
