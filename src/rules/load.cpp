#include "rules/load.hpp"

#include "quotex/record.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>

#include "text/utf8.hpp"
#include "util/iso_date.hpp"

namespace quotex::detail {

namespace {

Place place_of(std::string_view file, const toml::source_region& src) {
  return Place{std::string(file), static_cast<int>(src.begin.line),
               static_cast<int>(src.begin.column)};
}

bool is_multiline(const toml::node& n) {
  return n.source().begin.line != n.source().end.line;
}

// Bounds of the integers a pack may set.
constexpr int64_t kMaxQuoteBytes = 1 << 24;  // a quotation of 16 MB is already no quotation
constexpr int64_t kMaxPriority = 1000000;

struct Reader {
  std::string_view file;
  Status* status;

  void error(const Place& p, std::string msg) {
    status->add(Error{ErrorKind::rule, p.file, p.line, p.col, std::move(msg)});
  }
  void error(const toml::node& n, std::string msg) {
    error(place_of(file, n.source()), std::move(msg));
  }

  static std::string scalar_text(const toml::node& n) {
    if (auto s = n.value<std::string>()) return *s;
    if (auto i = n.value<int64_t>()) return std::to_string(*i);
    if (auto d = n.value<double>()) return fmt::format("{}", *d);
    if (auto b = n.value<bool>()) return *b ? "true" : "false";
    return std::string();
  }

  // [[alias]]: name, optional id, variants, and [[alias.role]] tables of
  // title, from, to (ISO days).
  void read_alias(const toml::node& n, PackData* pack) {
    const toml::table* t = n.as_table();
    if (t == nullptr) {
      error(n, "[[alias]] must be a table");
      return;
    }
    Alias a;
    a.lang = pack->lang;
    a.place = place_of(file, n.source());
    bool ok = true;
    auto string_of = [&](const toml::node& v, std::string_view what, std::string* out) {
      if (auto s = v.value<std::string>(); s && !s->empty()) {
        *out = *s;
        return;
      }
      error(v, fmt::format("alias: '{}' must be a non-empty string", what));
      ok = false;
    };
    for (auto&& [k, v] : *t) {
      if (k == "name") {
        string_of(v, "name", &a.name);
      } else if (k == "id") {
        string_of(v, "id", &a.id);
      } else if (k == "variants") {
        const toml::array* arr = v.as_array();
        if (arr == nullptr) {
          error(v, "alias: 'variants' must be an array of strings");
          ok = false;
          continue;
        }
        for (const toml::node& s : *arr) string_of(s, "variants", &a.variants.emplace_back());
      } else if (k == "role") {
        const toml::array* arr = v.as_array();
        if (arr == nullptr) {
          error(v, "alias: roles are written as [[alias.role]] tables");
          ok = false;
          continue;
        }
        for (const toml::node& rn : *arr) {
          const toml::table* rt = rn.as_table();
          if (rt == nullptr) {
            error(rn, "[[alias.role]] must be a table");
            ok = false;
            continue;
          }
          AliasRole role;
          role.place = place_of(file, rn.source());
          for (auto&& [rk, rv] : *rt) {
            if (rk == "title") {
              string_of(rv, "title", &role.title);
            } else if (rk == "from" || rk == "to") {
              std::string d;
              string_of(rv, rk.str(), &d);
              if (!d.empty() && !util::valid_iso_date(d)) {
                error(rv, fmt::format("alias: '{}' must be a real day as YYYY-MM-DD", rk.str()));
                ok = false;
              }
              (rk == "from" ? role.from : role.to) = d;
            } else {
              error(rv, fmt::format("alias: unknown key '{}' in [[alias.role]] (title, from, to)",
                                    rk.str()));
              ok = false;
            }
          }
          if (role.title.empty()) {
            error(rn, "alias: a role needs a 'title'");
            ok = false;
          }
          a.roles.push_back(std::move(role));
        }
      } else {
        error(v, fmt::format("alias: unknown key '{}' (name, id, variants, role)", k.str()));
        ok = false;
      }
    }
    if (a.name.empty() && ok) {
      error(n, "alias: 'name' is required");
      ok = false;
    }
    if (ok) pack->aliases.push_back(std::move(a));
  }

  void read_lexicon(std::string_view name, const toml::node& n, const std::string& lang,
                    PackData* pack) {
    auto lex = std::make_unique<Lexicon>();
    lex->name = std::string(name);
    lex->lang = lang;
    lex->place = place_of(file, n.source());
    auto add_words = [&](const toml::array& arr) {
      for (const toml::node& w : arr) {
        if (!w.is_string()) {
          error(w, fmt::format("lexicon '{}': entries must be strings", name));
          continue;
        }
        lex->words.push_back(w.as_string()->get());
      }
    };
    if (const toml::array* arr = n.as_array()) {
      add_words(*arr);
    } else if (const toml::table* t = n.as_table()) {
      for (auto&& [k, v] : *t) {
        if (k == "words") {
          if (const toml::array* a = v.as_array()) {
            add_words(*a);
          } else {
            error(v, fmt::format("lexicon '{}': 'words' must be an array of strings", name));
          }
        } else if (k == "values") {
          const toml::table* vt = v.as_table();
          if (vt == nullptr) {
            error(v, fmt::format("lexicon '{}': 'values' must be a table", name));
            continue;
          }
          for (auto&& [word, value] : *vt) {
            std::string val = scalar_text(value);
            if (val.empty()) {
              error(value, fmt::format("lexicon '{}': value of '{}' must be a string or number",
                                       name, word.str()));
              continue;
            }
            lex->words.emplace_back(word.str());
            lex->values.emplace(text::fold_key(word.str(), lang), val);
          }
        } else if (k == "pattern") {
          if (!v.is_string()) {
            error(v, fmt::format("lexicon '{}': 'pattern' must be a string", name));
            continue;
          }
          lex->pattern = v.as_string()->get();
          lex->place = place_of(file, v.source());
          if (is_multiline(v)) lex->place.col = -lex->place.col;
        } else {
          error(v, fmt::format("lexicon '{}': unknown key '{}'", name, k.str()));
        }
      }
    } else {
      error(n, fmt::format("lexicon '{}' must be an array of words or a table", name));
      return;
    }
    if (lex->words.empty() && lex->pattern.empty()) {
      error(n, fmt::format("lexicon '{}' is empty", name));
    }
    if (!lex->words.empty() && !lex->pattern.empty()) {
      error(n, fmt::format("lexicon '{}' has both words and a pattern", name));
    }
    pack->lexicons.push_back(std::move(lex));
  }

  void read_example(const toml::node& n, bool positive, Rule* rule) {
    const toml::table* t = n.as_table();
    if (t == nullptr) {
      error(n, "an example must be a table with 'text'");
      return;
    }
    Example ex;
    ex.positive = positive;
    ex.place = place_of(file, n.source());
    for (auto&& [k, v] : *t) {
      if (k == "text") {
        if (auto s = v.value<std::string>()) ex.text = *s;
      } else if (k == "doc_date") {
        if (auto s = v.value<std::string>()) ex.doc_date = *s;
      } else if (k == "expect" && positive) {
        const toml::table* et = v.as_table();
        if (et == nullptr) {
          error(v, "'expect' must be a table of field = value");
          continue;
        }
        for (auto&& [field, value] : *et) {
          std::string val = value.is_string() ? value.as_string()->get() : scalar_text(value);
          if (value.is_array() || value.is_table()) {
            error(value, fmt::format("expected value of '{}' must be a scalar", field.str()));
            continue;
          }
          ex.expect.emplace_back(std::string(field.str()), val);
        }
      } else {
        error(v, fmt::format("unknown key '{}' in an example", k.str()));
      }
    }
    if (ex.text.empty()) error(n, "an example needs a non-empty 'text'");
    rule->examples.push_back(std::move(ex));
  }

  void read_rule(const toml::node& n, const PackData& pack, PackData* out) {
    const toml::table* t = n.as_table();
    if (t == nullptr) {
      error(n, "[[rule]] must be a table");
      return;
    }
    auto rule = std::make_unique<Rule>();
    rule->lang = pack.lang;
    rule->pack = pack.name;
    rule->place = place_of(file, n.source());
    std::string type;
    for (auto&& entry : *t) {
      // Named, not bound: the lambdas below capture them (clang 14 cannot
      // capture structured bindings).
      const toml::key& k = entry.first;
      const toml::node& v = entry.second;
      const Place vp = place_of(file, v.source());
      auto want_string = [&](std::string* dst, Place* where) {
        if (!v.is_string()) {
          error(v, fmt::format("'{}' must be a string", k.str()));
          return;
        }
        *dst = v.as_string()->get();
        if (where != nullptr) {
          *where = vp;
          if (is_multiline(v)) where->col = -where->col;
        }
      };
      if (k == "id") {
        want_string(&rule->id, nullptr);
      } else if (k == "type") {
        want_string(&type, nullptr);
      } else if (k == "pattern") {
        want_string(&rule->pattern.source, &rule->pattern.place);
      } else if (k == "before") {
        want_string(&rule->before.source, &rule->before.place);
      } else if (k == "after") {
        want_string(&rule->after.source, &rule->after.place);
      } else if (k == "inside") {
        want_string(&rule->inside.source, &rule->inside.place);
      } else if (k == "kind") {
        want_string(&rule->kind, nullptr);
        if (!rule->kind.empty() && !parse_quote_kind(rule->kind)) {
          error(v, fmt::format("unknown quote kind '{}' (direct, partial, indirect)", rule->kind));
        }
      } else if (k == "priority") {
        if (auto p = v.as_integer(); p != nullptr && std::abs(p->get()) <= kMaxPriority) {
          rule->priority = static_cast<int>(p->get());
        } else {
          error(v, fmt::format("'priority' must be an integer from -{0} to {0}", kMaxPriority));
        }
      } else if (k == "set") {
        if (const toml::table* st = v.as_table()) {
          for (auto&& [field, value] : *st)
            rule->fixed.emplace_back(field.str(), scalar_text(value));
        } else {
          error(v, "'set' must be a table of field = value");
        }
      } else if (k == "example" || k == "counter") {
        if (const toml::array* arr = v.as_array()) {
          for (const toml::node& e : *arr) read_example(e, k == "example", rule.get());
        } else {
          error(v, fmt::format("'{}' must be an array of tables ([[rule.{}]])", k.str(), k.str()));
        }
      } else if (k == "reports") {
        std::string what;
        want_string(&what, nullptr);
        if (what == "previous_sentence") {
          rule->reports_previous_sentence = true;
        } else {
          error(v, fmt::format("'reports' can only be \"previous_sentence\", not '{}'", what));
        }
      } else if (k == "note") {
        // free text for readers of the pack
      } else {
        error(v, fmt::format("unknown key '{}' in a rule", k.str()));
      }
    }
    if (rule->id.empty()) error(n, "a rule needs an 'id'");
    static const std::pair<const char*, RuleType> kTypes[] = {
        {"attribution", RuleType::attribution},
        {"not_quote", RuleType::not_quote},
        {"quote", RuleType::quote},
        {"person", RuleType::person},
        {"date", RuleType::date},
        {"amount", RuleType::amount},
        {"target", RuleType::target}};
    bool known = false;
    for (const auto& [name, value] : kTypes) {
      if (type == name) rule->type = value, known = true;
    }
    if (!known) {
      error(n, fmt::format("rule '{}': unknown type '{}' (attribution, not_quote, quote, person, "
                           "date, amount, target)",
                           rule->id, type));
      return;
    }
    if (is_sentence_rule(rule->type)) {
      if (rule->pattern.empty()) error(n, fmt::format("rule '{}' needs a 'pattern'", rule->id));
      if (!rule->inside.empty()) {
        error(n, fmt::format("rule '{}': 'inside' belongs to attribution and not_quote rules",
                             rule->id));
      }
    } else {
      if (rule->before.empty() && rule->after.empty() && rule->inside.empty()) {
        error(n, fmt::format("rule '{}' needs 'before', 'after' or 'inside'", rule->id));
      }
      if (!rule->pattern.empty()) {
        error(n, fmt::format("rule '{}': a {} rule uses 'before'/'after'/'inside', not 'pattern'",
                             rule->id, type));
      }
    }
    out->rules.push_back(std::move(rule));
  }
};

}  // namespace

std::string pack_name_of(std::string_view relative_path) {
  std::string name(relative_path);
  if (name.size() > 5 && name.ends_with(".toml")) name.resize(name.size() - 5);
  if (name.starts_with("rules/")) name.erase(0, 6);
  return name;
}

Place place_in_string(const Place& value, std::string_view content, std::size_t offset,
                      bool multiline) {
  Place p = value;
  if (offset > content.size()) offset = content.size();
  std::string_view before = content.substr(0, offset);
  std::size_t last_nl = before.rfind('\n');
  if (multiline) {
    // '''...''' strings: toml++ drops a newline right after the opening quotes.
    int lines = 1;
    for (char c : before) lines += c == '\n';
    p.line = value.line + lines;
    std::string_view tail = last_nl == std::string_view::npos ? before : before.substr(last_nl + 1);
    p.col = static_cast<int>(text::count_code_points(tail)) + 1;
    return p;
  }
  p.col = value.col + 1 + static_cast<int>(text::count_code_points(before));
  return p;
}

namespace {

// "1.2.3": three numbers, no leading "v", no suffix.
bool is_version(std::string_view v) {
  int parts = 0;
  std::size_t i = 0;
  while (i < v.size()) {
    const std::size_t start = i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    if (i == start) return false;
    ++parts;
    if (i == v.size()) break;
    if (v[i] != '.' || parts == 3) return false;
    ++i;
    if (i == v.size()) return false;
  }
  return parts == 3;
}

}  // namespace

void parse_pack(std::string_view file, std::string_view name, std::string_view text, PackData* out,
                Status* status) {
  out->name = std::string(name);
  out->file = std::string(file);
  std::size_t slash = out->name.find('/');
  out->lang = slash == std::string::npos ? out->name : out->name.substr(0, slash);
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    status->add(Error{ErrorKind::rule, std::string(file), static_cast<int>(e.source().begin.line),
                      static_cast<int>(e.source().begin.column), std::string(e.description())});
    return;
  }
  Reader r{file, status};
  for (auto&& [k, v] : root) {
    if (k == "pack") {
      const toml::table* t = v.as_table();
      if (t == nullptr) {
        r.error(v, "[pack] must be a table");
        continue;
      }
      for (auto&& [pk, pv] : *t) {
        if (pk == "lang") {
          if (auto s = pv.value<std::string>()) out->lang = *s;
        } else if (pk == "version") {
          auto s = pv.value<std::string>();
          if (s && is_version(*s)) {
            out->version = *s;
          } else {
            r.error(pv, "[pack] version must be a string of three numbers, \"MAJOR.MINOR.PATCH\"");
          }
        } else if (pk != "description") {
          r.error(pv, fmt::format("unknown key '{}' in [pack]", pk.str()));
        }
      }
    }
  }
  for (auto&& [k, v] : root) {
    if (k == "pack") continue;
    if (k == "lexicons") {
      const toml::table* t = v.as_table();
      if (t == nullptr) {
        r.error(v, "[lexicons] must be a table");
        continue;
      }
      for (auto&& [lk, lv] : *t) r.read_lexicon(lk.str(), lv, out->lang, out);
    } else if (k == "rule") {
      const toml::array* arr = v.as_array();
      if (arr == nullptr) {
        r.error(v, "rules are written as [[rule]] tables");
        continue;
      }
      for (const toml::node& n : *arr) r.read_rule(n, *out, out);
    } else if (k == "quotes") {
      const toml::table* t = v.as_table();
      if (t == nullptr) {
        r.error(v, "[quotes] must be a table");
        continue;
      }
      for (auto&& [qk, qv] : *t) {
        if (qk == "pairs") {
          const toml::array* arr = qv.as_array();
          if (arr == nullptr) {
            r.error(qv, "'pairs' must be an array of [open, close] pairs");
            continue;
          }
          for (const toml::node& pn : *arr) {
            const toml::array* pair = pn.as_array();
            if (pair == nullptr || pair->size() != 2 || !(*pair)[0].is_string() ||
                !(*pair)[1].is_string()) {
              r.error(pn, "a quote pair is [\"open\", \"close\"]");
              continue;
            }
            QuotePair q{(*pair)[0].as_string()->get(), (*pair)[1].as_string()->get(),
                        place_of(file, pn.source())};
            // An empty mark matches everywhere (and never moves the scan on).
            bool bad = false;
            for (int side = 0; side < 2 && !bad; ++side) {
              const std::string& m = side == 0 ? q.open : q.close;
              if (m.empty() || m.size() > 16 || m.find_first_of(" \t\r\n") != std::string::npos) {
                r.error((*pair)[static_cast<std::size_t>(side)],
                        "a quote mark is 1 to 16 bytes without white space");
                bad = true;
              }
            }
            if (!bad) out->quote_pairs.push_back(std::move(q));
          }
        } else if (qk == "max_bytes") {
          // value<int64_t>() of a float or an out-of-range number is empty.
          if (auto m = qv.as_integer();
              m != nullptr && m->get() > 0 && m->get() <= kMaxQuoteBytes) {
            out->max_quote_bytes = static_cast<int>(m->get());
          } else {
            r.error(qv, fmt::format("'max_bytes' must be an integer from 1 to {}", kMaxQuoteBytes));
          }
        } else {
          r.error(qv, fmt::format("unknown key '{}' in [quotes]", qk.str()));
        }
      }
    } else if (k == "alias") {
      const toml::array* arr = v.as_array();
      if (arr == nullptr) {
        r.error(v, "aliases are written as [[alias]] tables");
        continue;
      }
      for (const toml::node& n : *arr) r.read_alias(n, out);
    } else {
      r.error(v, fmt::format("unknown top-level key '{}' (pack, lexicons, rule, quotes, alias)",
                             k.str()));
    }
  }
}

}  // namespace quotex::detail
