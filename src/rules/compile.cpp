#include "rules/compile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <set>
#include <system_error>
#include <thread>

#include <unicode/uchar.h>

#include "resolve/speaker_id.hpp"
#include "text/utf8.hpp"

namespace quotex::detail {

const char* rule_type_name(RuleType t) {
  switch (t) {
    case RuleType::attribution:
      return "attribution";
    case RuleType::not_quote:
      return "not_quote";
    case RuleType::quote:
      return "quote";
    case RuleType::person:
      return "person";
    case RuleType::date:
      return "date";
    case RuleType::amount:
      return "amount";
    case RuleType::target:
      return "target";
  }
  return "?";
}

namespace {

// Every name and variant of an alias by its speaker key (a later pack's
// alias wins), and every role by its folded title. An alias without an id
// gets its name's key.
void index_aliases(CompiledRules* out) {
  for (Alias& a : out->aliases) {
    std::vector<std::string> keys{resolve::speaker_key(a.name, a.lang)};
    if (a.id.empty()) a.id = keys.front();
    for (const std::string& v : a.variants) {
      bool cyrillic = false;
      for (std::size_t i = 0; i < v.size();) {
        std::size_t len;
        const char32_t c = text::decode(v, i, &len);
        cyrillic |= c >= 0x400 && c < 0x530;
        i += len;
      }
      keys.push_back(resolve::speaker_key(v, cyrillic ? "ru" : a.lang));
      if (!cyrillic) keys.push_back(resolve::speaker_key(v, "en"));
    }
    for (const std::string& k : keys) {
      if (!k.empty()) out->alias_by_key.insert_or_assign(k, &a);
    }
    for (const AliasRole& r : a.roles) {
      out->alias_by_title[text::fold_key(r.title, a.lang)].emplace_back(&a, &r);
    }
  }
}

RE2::Options re2_options() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  return o;
}

}  // namespace

void SentenceSet::build() const {
  std::map<int, Part> by_group;
  RE2::Options options = re2_options();
  options.set_max_mem(128 << 20);
  for (std::size_t i = 0; i < patterns_.size(); ++i) {
    Part& part = by_group[patterns_[i].second];
    if (!part.set) part.set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    // Every pattern compiled alone already.
    if (part.set->Add(patterns_[i].first, nullptr) < 0) return;
    part.rule.push_back(static_cast<int>(i));
  }
  for (auto& [group, part] : by_group) {
    if (!part.set->Compile()) return;
    parts_.push_back(std::move(part));
  }
  ok_ = true;
}

bool SentenceSet::match(std::string_view text, std::vector<int>* fired) const {
  std::call_once(once_, [this] { build(); });
  fired->clear();
  if (!ok_) return false;
  std::vector<int> hits;
  for (const Part& part : parts_) {
    hits.clear();
    RE2::Set::ErrorInfo info{};
    if (!part.set->Match(re2::StringPiece(text.data(), text.size()), &hits, &info) &&
        info.kind != RE2::Set::kNoError) {
      return false;
    }
    for (int h : hits) fired->push_back(part.rule[static_cast<std::size_t>(h)]);
  }
  std::sort(fired->begin(), fired->end());
  return true;
}

namespace {

// Named groups each rule type may use: each maps onto a record field or
// feeds the resolver.
const std::set<std::string>& allowed_groups(RuleType t) {
  static const std::map<RuleType, std::set<std::string>> m = {
      {RuleType::attribution, {"speaker", "cue"}},
      {RuleType::not_quote, {}},
      {RuleType::quote, {"text", "speaker", "cue"}},
      {RuleType::person, {"title", "name"}},
      {RuleType::date,
       {"text", "day", "month", "year", "day_offset", "month_offset", "year_offset", "year_max",
        "month_max", "day_max", "quarter", "season"}},
      {RuleType::amount,
       {"text", "number", "number_max", "sign", "scale", "currency", "unit", "bound",
        "bound_after"}},
      {RuleType::target,
       {"text", "metric", "number", "number_max", "sign", "scale", "currency", "unit", "direction",
        "bound", "bound_after", "deadline"}},
  };
  return m.at(t);
}

const std::set<std::string> kExpectFields = {
    "text",      "type", "kind",  "speaker", "speaker_text", "cue",      "cue_class", "value",
    "value_max", "unit", "bound", "metric",  "direction",    "deadline", "relative",  "title"};
const std::set<std::string> kSetFields = {
    "unit",      "direction", "bound", "scale",     "currency",    "speaker_case", "speaker",
    "cue_class", "clause",    "month", "month_max", "metric_case", "metric_from"};

// \p{L}, \p{Lu} and \p{Ll} in rule patterns cover the scripts the packs'
// languages are written in (Latin, IPA's ə, Cyrillic). RE2 compiles the full
// Unicode classes into about a thousand instructions each; these take a few
// dozen, which keeps programs, start-up and matching small. Other scripts are
// named explicitly (\p{Greek}).
std::string script_class(char kind) {
  static const std::pair<char32_t, char32_t> kBlocks[] = {
      {0x0041, 0x024F}, {0x0250, 0x02AF}, {0x0400, 0x052F}};
  std::string out;
  for (const auto& [from, to] : kBlocks) {
    char32_t run_start = 0;
    bool in_run = false;
    for (char32_t c = from; c <= to + 1; ++c) {
      const bool want = c <= to && (kind == 'u'   ? u_isupper(c) != 0
                                    : kind == 'l' ? u_islower(c) != 0
                                                  : u_isalpha(c) != 0);
      if (want && !in_run) {
        run_start = c;
        in_run = true;
      } else if (!want && in_run) {
        out += fmt::format("\\x{{{:04X}}}", static_cast<unsigned>(run_start));
        if (c - 1 != run_start) out += fmt::format("-\\x{{{:04X}}}", static_cast<unsigned>(c - 1));
        in_run = false;
      }
    }
  }
  return out;
}

const std::string& letter_class(char kind) {
  static const std::string upper = script_class('u'), lower = script_class('l'),
                           any = script_class('a');
  return kind == 'u' ? upper : kind == 'l' ? lower : any;
}

bool ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool ident_char(char c) {
  return ident_start(c) || (c >= '0' && c <= '9');
}

struct Expander {
  std::map<std::pair<std::string, std::string>, Lexicon*> by_name;  // (lang, name)
  std::map<const Lexicon*, int> state;                              // 0 new, 1 expanding, 2 done
  std::map<const Lexicon*, std::set<const Lexicon*>> closure;
  Status* status;
  const LostLexicons* lost;
  std::set<std::string> lost_said;

  Lexicon* find(const std::string& lang, const std::string& name) {
    auto it = by_name.find({lang, name});
    if (it != by_name.end()) return it->second;
    it = by_name.find({"common", name});
    return it == by_name.end() ? nullptr : it->second;
  }

  std::string word_regex(const std::string& w, const std::string& lang) {
    std::string out;
    // The first letter may also be upper case (sentence-initial words).
    std::size_t len;
    char32_t c = text::decode(w, 0, &len);
    std::string first = w.substr(0, len);
    std::string up = text::upper_first(first, lang);
    std::size_t i = len;
    if (up != first && c >= 0x80) {
      out += "(?:" + first + "|" + up + ")";
    } else if (up != first) {
      out += "[" + first + up + "]";
    } else {
      out += RE2::QuoteMeta(first);
      if (first.empty()) i = 0;
    }
    // Inner spaces match any run of white space.
    std::string rest = w.substr(i);
    std::size_t pos = 0;
    while (pos <= rest.size()) {
      std::size_t sp = rest.find(' ', pos);
      std::string piece = rest.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
      out += RE2::QuoteMeta(piece);
      if (sp == std::string::npos) break;
      out += "\\s+";
      pos = sp + 1;
      while (pos < rest.size() && rest[pos] == ' ') ++pos;
    }
    return out;
  }

  // Expands the {refs} of `src`; records each reference in `refs` and, when
  // groups != nullptr, which named groups enclose it.
  bool expand(const std::string& src, const std::string& lang, const Place& place, std::string* out,
              std::set<const Lexicon*>* refs,
              std::map<std::string, std::vector<const Lexicon*>>* groups) {
    bool ok = true;
    bool in_class = false;
    std::vector<std::string> open;  // enclosing group names ("" for unnamed)
    const bool multiline = place.col < 0;
    Place base = place;
    base.col = std::abs(base.col);
    for (std::size_t i = 0; i < src.size(); ++i) {
      char c = src[i];
      if (c == '\\' && i + 1 < src.size()) {
        // \p{L}, \p{Lu}, \p{Ll}, \pL: the script-limited classes.
        for (const auto& [spelling, kind] : {std::pair<std::string_view, char>{"\\p{Lu}", 'u'},
                                             {"\\p{Ll}", 'l'},
                                             {"\\p{L}", 'a'},
                                             {"\\pL", 'a'}}) {
          if (src.compare(i, spelling.size(), spelling) == 0) {
            *out += in_class ? letter_class(kind) : "[" + letter_class(kind) + "]";
            i += spelling.size() - 1;
            goto next_char;
          }
        }
        out->push_back(c);
        const char e = src[++i];
        out->push_back(e);
        // \p{Greek}, \P{L}, \x{2013}: braces that are not lexicon references.
        if ((e == 'p' || e == 'P' || e == 'x') && i + 1 < src.size() && src[i + 1] == '{') {
          std::size_t close = src.find('}', i + 1);
          if (close == std::string::npos) close = src.size() - 1;
          out->append(src, i + 1, close - i);
          i = close;
        }
        continue;
      }
      if (in_class) {
        if (c == ']') in_class = false;
        out->push_back(c);
        continue;
      }
      if (c == '[') {
        in_class = true;
        out->push_back(c);
        if (i + 1 < src.size() && src[i + 1] == ']') out->push_back(src[++i]);
        continue;
      }
      if (c == '(') {
        std::string name;
        if (src.compare(i, 4, "(?P<") == 0) {
          std::size_t e = src.find('>', i + 4);
          if (e != std::string::npos) name = src.substr(i + 4, e - i - 4);
        }
        open.push_back(name);
        out->push_back(c);
        continue;
      }
      if (c == ')') {
        if (!open.empty()) open.pop_back();
        out->push_back(c);
        continue;
      }
      if (c == '{' && i + 1 < src.size() && ident_start(src[i + 1])) {
        std::size_t j = i + 1;
        while (j < src.size() && ident_char(src[j])) ++j;
        if (j < src.size() && src[j] == '}') {
          std::string name = src.substr(i + 1, j - i - 1);
          Lexicon* lex = find(lang, name);
          if (lex == nullptr) {
            Place p = place_in_string(base, src, i, multiline);
            auto gone = lost->find(name);
            if (gone == lost->end()) {
              status->add(Error{ErrorKind::rule, p.file, p.line, p.col,
                                fmt::format("unknown lexicon '{{{}}}'", name)});
            } else if (lost_said.insert(name).second) {
              status->add(Error{ErrorKind::rule, gone->second.replaced_by, 1, 1,
                                fmt::format("replaces {} but leaves out lexicon '{}', which "
                                            "{}:{}:{} uses",
                                            gone->second.defined_in, name, p.file, p.line, p.col)});
            }
            ok = false;
          } else if (!expand_lexicon(lex)) {
            ok = false;
          } else {
            *out += lex->expansion;
            refs->insert(lex);
            refs->insert(closure[lex].begin(), closure[lex].end());
            if (groups != nullptr) {
              // Groups the lexicon's own pattern names ("quantity_word").
              for (const auto& [g, inner] : lex->group_lexicons) {
                auto& v = (*groups)[g];
                v.insert(v.end(), inner.begin(), inner.end());
              }
              for (const std::string& g : open) {
                if (g.empty()) continue;
                auto& v = (*groups)[g];
                v.push_back(lex);
                for (const Lexicon* inner : closure[lex]) v.push_back(inner);
              }
            }
          }
          i = j;
          continue;
        }
      }
      out->push_back(c);
    next_char:;
    }
    return ok;
  }

  bool expand_lexicon(Lexicon* lex) {
    int& st = state[lex];
    if (st == 2) return true;
    if (st == 1) {
      Place p = lex->place;
      p.col = std::abs(p.col);
      status->add(Error{ErrorKind::rule, p.file, p.line, p.col,
                        fmt::format("lexicon '{}' refers to itself", lex->name)});
      return false;
    }
    st = 1;
    bool ok = true;
    if (!lex->pattern.empty()) {
      std::string body;
      ok = expand(lex->pattern, lex->lang, lex->place, &body, &closure[lex], &lex->group_lexicons);
      lex->expansion = "(?:" + body + ")";
    } else {
      std::vector<std::string> words = lex->words;
      // Longest first: RE2 alternation prefers the earlier alternative.
      std::stable_sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
        return a.size() > b.size();
      });
      std::string body;
      for (const std::string& w : words) {
        if (w.empty()) continue;
        if (!body.empty()) body += "|";
        body += word_regex(w, lex->lang);
      }
      lex->expansion = "(?:" + body + ")";
    }
    state[lex] = 2;
    return ok;
  }
};

constexpr std::size_t kMaxExpandedPattern = std::size_t{1} << 20;

Place abs_place(Place p) {
  p.col = std::abs(p.col);
  return p;
}

// A pattern to compile: its lexicons are expanded first (one at a time: the
// expander keeps state); then every RE2 is built, on several threads; then
// each is checked, in rule order.
struct PatternJob {
  Rule* rule;
  Pattern* pattern;
  const char* what;
};

// Expands a pattern's lexicons; false when there is nothing to build: the pattern is
// empty, or an error was said.
bool expand_pattern(Expander& ex, Rule& rule, Pattern& p, const char* what, Status* status) {
  if (p.empty()) return false;
  std::set<const Lexicon*> refs;
  std::string body;
  if (!ex.expand(p.source, rule.lang, p.place, &body, &refs, &p.group_lexicons)) return false;
  if (std::string_view(what) == "before") {
    p.expanded = "(?:" + body + ")\\z";
  } else {
    p.expanded = body;
  }
  // Past about a million regexp nodes RE2 gives up, and prints thousands
  // of lines of its own log on the way: a pack that large is refused here.
  if (p.expanded.size() > kMaxExpandedPattern) {
    const Place where = abs_place(p.place);
    status->add(Error{ErrorKind::rule, where.file, where.line, where.col,
                      fmt::format("rule '{}': its {} regex is {} bytes with its lexicons expanded, "
                                  "more than the {} a pattern may have (split the lexicon or the "
                                  "rule)",
                                  rule.id, what, p.expanded.size(), kMaxExpandedPattern)});
    return false;
  }
  return true;
}

// Builds the RE2 objects of the jobs on up to `threads` threads (RE2's
// compiler is most of start-up; programs are independent of each other).
void build_patterns(const std::vector<PatternJob>& jobs, unsigned threads) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) {
      jobs[i].pattern->re = std::make_unique<RE2>(jobs[i].pattern->expanded, re2_options());
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no thread to be had: this one does the rest
    }
  }
  work();
  for (std::thread& t : pool) t.join();
}

// Checks a built pattern: its regex and its fields.
bool check_pattern(Rule& rule, Pattern& p, const char* what, Status* status) {
  if (!p.re->ok()) {
    Place where = abs_place(p.place);
    std::size_t at = p.source.find(p.re->error_arg());
    if (!p.re->error_arg().empty() && at != std::string::npos) {
      where = place_in_string(abs_place(p.place), p.source, at, p.place.col < 0);
    }
    status->add(Error{ErrorKind::rule, where.file, where.line, where.col,
                      fmt::format("rule '{}': bad {} regex: {}", rule.id, what, p.re->error())});
    p.re.reset();
    return false;
  }
  bool ok = true;
  const auto& allowed = allowed_groups(rule.type);
  for (const auto& [name, index] : p.re->NamedCapturingGroups()) {
    // A field captured in several places of one pattern is named field2,
    // field3 … there.
    const bool numbered = name.size() > 1 && name.back() >= '2' && name.back() <= '9';
    const std::string field = numbered ? name.substr(0, name.size() - 1) : name;
    p.fields.emplace_back(index, field);
    if (field != name) {
      auto& into = p.group_lexicons[field];
      for (const Lexicon* l : p.group_lexicons[name]) into.push_back(l);
    }
    if (allowed.count(field) == 0) {
      std::size_t at = p.source.find("(?P<" + name + ">");
      Place where = at == std::string::npos
                        ? abs_place(p.place)
                        : place_in_string(abs_place(p.place), p.source, at, p.place.col < 0);
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      status->add(
          Error{ErrorKind::rule, where.file, where.line, where.col,
                fmt::format("rule '{}': unknown field '{}' for a {} rule (allowed: {})", rule.id,
                            name, rule_type_name(rule.type), list.empty() ? "none" : list)});
      ok = false;
    }
  }
  return ok;
}

}  // namespace

std::unique_ptr<CompiledRules> compile_packs(std::vector<PackData> packs, Status* status,
                                             const LostLexicons& lost) {
  auto out = std::make_unique<CompiledRules>();
  Expander ex{{}, {}, {}, status, &lost, {}};
  std::set<std::string> langs;
  for (PackData& pack : packs) {
    if (pack.lang != "common") langs.insert(pack.lang);
    for (auto& lex : pack.lexicons) {
      auto key = std::make_pair(lex->lang, lex->name);
      if (ex.by_name.count(key) != 0) {
        Place p = abs_place(lex->place);
        const Lexicon* prev = ex.by_name[key];
        status->add(Error{ErrorKind::rule, p.file, p.line, p.col,
                          fmt::format("lexicon '{}' is already defined at {}:{}", lex->name,
                                      prev->place.file, prev->place.line)});
        continue;
      }
      ex.by_name[key] = lex.get();
      out->lexicons.push_back(std::move(lex));
    }
    for (const QuotePair& q : pack.quote_pairs) {
      // A mark that begins another (« and ««) leaves which one a text holds
      // to chance: checked against earlier pairs, then within the pair.
      auto overlap = [](const std::string& a, const std::string& b) {
        return a != b && (a.starts_with(b) || b.starts_with(a));
      };
      bool said = false;
      auto check = [&](const std::string& a, const std::string& b, const Place& where_b) {
        if (said || !overlap(a, b)) return;
        said = true;
        const Place p = abs_place(q.place);
        status->add(Error{ErrorKind::rule, p.file, p.line, p.col,
                          fmt::format("quote mark '{}' overlaps '{}' ({}:{}): one mark "
                                      "must not begin another",
                                      a, b, where_b.file, where_b.line)});
      };
      for (const QuotePair& prev : out->quote_pairs) {
        for (const std::string* a : {&q.open, &q.close}) {
          check(*a, prev.open, prev.place);
          check(*a, prev.close, prev.place);
        }
      }
      check(q.close, q.open, q.place);
      out->quote_pairs.push_back(q);
    }
    if (pack.max_quote_bytes) out->max_quote_bytes = *pack.max_quote_bytes;
    for (Alias& a : pack.aliases) out->aliases.push_back(std::move(a));
  }
  index_aliases(out.get());
  std::map<std::string, const Rule*> ids;
  std::vector<PatternJob> jobs;
  for (PackData& pack : packs) {
    for (auto& rule : pack.rules) {
      if (auto it = ids.find(rule->id); it != ids.end()) {
        status->add(Error{ErrorKind::rule, rule->place.file, rule->place.line, rule->place.col,
                          fmt::format("rule id '{}' is already used at {}:{}", rule->id,
                                      it->second->place.file, it->second->place.line)});
        continue;
      }
      ids[rule->id] = rule.get();
      for (auto [p, what] :
           {std::pair{&rule->pattern, "pattern"}, std::pair{&rule->before, "before"},
            std::pair{&rule->after, "after"}, std::pair{&rule->inside, "inside"}}) {
        if (expand_pattern(ex, *rule, *p, what, status)) jobs.push_back({rule.get(), p, what});
      }
      for (const auto& [field, value] : rule->fixed) {
        if (field == "speaker_case" && ex.find(rule->lang, value + "_suffix") == nullptr) {
          status->add(Error{ErrorKind::rule, rule->place.file, rule->place.line, rule->place.col,
                            fmt::format("rule '{}': speaker_case '{}' needs a lexicon '{}_suffix'",
                                        rule->id, value, value)});
        }
        if (kSetFields.count(field) == 0) {
          status->add(
              Error{ErrorKind::rule, rule->place.file, rule->place.line, rule->place.col,
                    fmt::format("rule '{}': 'set' cannot fix field '{}'", rule->id, field)});
        }
      }
      for (const Example& e : rule->examples) {
        for (const auto& [field, value] : e.expect) {
          if (kExpectFields.count(field) == 0) {
            status->add(Error{ErrorKind::rule, e.place.file, e.place.line, e.place.col,
                              fmt::format("rule '{}': unknown field '{}' in an example's expect",
                                          rule->id, field)});
          }
        }
      }
      out->rules.push_back(std::move(rule));
    }
  }
  build_patterns(jobs, std::min(4u, std::max(1u, std::thread::hardware_concurrency())));
  for (const PatternJob& j : jobs) check_pattern(*j.rule, *j.pattern, j.what, status);
  // Lexicons no rule uses still have to be valid.
  for (auto& lex : out->lexicons) {
    ex.expand_lexicon(lex.get());
    for (const std::string& w : lex->words) {
      std::string key = text::fold_key(w, lex->lang);
      auto v = lex->values.find(key);
      lex->folded.emplace(key, v == lex->values.end() ? key : v->second);
    }
  }
  if (out->quote_pairs.empty()) {
    std::string file = "rules/common/quotes.toml";
    for (const PackData& pack : packs) {
      if (pack.name == "common/quotes") file = pack.file;
    }
    status->add(Error{ErrorKind::rule, file, 1, 1,
                      "no quote pairs defined: the common packs need [quotes] pairs = "
                      "[[\"open\", \"close\"], ...]"});
  }
  if (!status->ok()) return out;

  langs.insert("common");  // fallback for languages without a pack
  std::vector<const Rule*> ordered;
  for (auto& r : out->rules) ordered.push_back(r.get());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Rule* a, const Rule* b) { return a->priority > b->priority; });
  for (const std::string& lang : langs) {
    LanguageRules& lr = out->languages[lang];
    lr.lang = lang;
    for (const Rule* r : ordered) {
      if (r->lang != lang && r->lang != "common") continue;
      if (is_sentence_rule(r->type)) {
        lr.sentence_set.add(r->pattern.expanded, static_cast<int>(r->type));
        lr.sentence_rules.push_back(r);
      } else if (r->type == RuleType::attribution) {
        lr.attribution_rules.push_back(r);
      } else {
        lr.not_quote_rules.push_back(r);
      }
    }
    lr.pronoun = ex.find(lang, "pronoun");
    lr.title = ex.find(lang, "title");
    lr.genitive_suffix = ex.find(lang, "genitive_suffix");
    lr.case_suffix = ex.find(lang, "case_suffix");
    for (const auto& lex : out->lexicons) {
      if ((lex->lang == lang || lex->lang == "common") && lex->name.ends_with("_suffix")) {
        lr.suffix_of_case.emplace(lex->name.substr(0, lex->name.size() - 7), lex.get());
      }
    }
    lr.not_name = ex.find(lang, "not_name");
    lr.place_word = ex.find(lang, "place_word");
    lr.plural_pronoun = ex.find(lang, "plural_pronoun");
    lr.outlet = ex.find(lang, "outlet");
    lr.oblique_suffix = ex.find(lang, "oblique_suffix");
    lr.speech_setting = ex.find(lang, "speech_setting");
    lr.object_suffix = ex.find(lang, "object_suffix");
    lr.metric_stop = ex.find(lang, "metric_stop");
    lr.target_verb = ex.find(lang, "target_verb");
    lr.metric_break = ex.find(lang, "metric_break");
    lr.accusative_suffix = ex.find(lang, "accusative_suffix");
    lr.possessive_suffix = ex.find(lang, "possessive_suffix");
    lr.adverbial_suffix = ex.find(lang, "adverbial_suffix");
    lr.metric_postposition = ex.find(lang, "metric_postposition");
    lr.not_metric_suffix = ex.find(lang, "not_metric_suffix");
    lr.unit_word = ex.find(lang, "unit_word");
    lr.chain_word = ex.find(lang, "chain_word");
    lr.clause_joiner = ex.find(lang, "clause_joiner");
    lr.surname_ending = ex.find(lang, "surname_ending");
    lr.org_head = ex.find(lang, "org_head");
    lr.org_adjective = ex.find(lang, "org_adjective");
    lr.subordinator = ex.find(lang, "subordinator");
    lr.setting_end = ex.find(lang, "setting_end");
    lr.setting_determiner = ex.find(lang, "setting_determiner");
    lr.clause_break = ex.find(lang, "clause_break");
    lr.party_role = ex.find(lang, "party_role");
    lr.name_joiner = ex.find(lang, "name_joiner");
    lr.vowel = ex.find(lang, "vowel");
    lr.buffer_letter = ex.find(lang, "buffer_letter");
  }
  return out;
}

const std::string* lookup_value(const Pattern& p, const std::string& group, std::string_view text,
                                const std::string& lang) {
  auto it = p.group_lexicons.find(group);
  if (it == p.group_lexicons.end()) return nullptr;
  std::string key = text::fold_key(text, lang);
  for (const Lexicon* lex : it->second) {
    auto v = lex->values.find(key);
    if (v != lex->values.end()) return &v->second;
  }
  return nullptr;
}

bool in_lexicon(const Lexicon* lex, std::string_view word, std::string_view lang,
                std::string* value) {
  if (lex == nullptr) return false;
  const std::string* v = lex->find_folded(text::fold_key(word, lang));
  if (v != nullptr && value != nullptr) *value = *v;
  return v != nullptr;
}

}  // namespace quotex::detail
