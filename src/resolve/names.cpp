#include "resolve/names.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_set>

#include "text/utf8.hpp"
#include "util/intervals.hpp"

namespace quotex::resolve {

bool ends_with_vowel(std::string_view s, const detail::LanguageRules& lr) {
  if (lr.vowel == nullptr) return false;
  for (const std::string& v : lr.vowel->words) {
    if (s.ends_with(v)) return true;
  }
  return false;
}

namespace {
std::string_view first_letter(std::string_view s) {
  std::size_t len = 0;
  text::decode(s, 0, &len);
  return s.substr(0, len);
}
}  // namespace

bool has_buffer(std::string_view suffix, const detail::LanguageRules& lr) {
  const std::string_view first = first_letter(suffix);
  if (suffix.size() <= first.size()) return false;
  // The pack's buffer letters ("n", "y", "s"), else any consonant.
  if (lr.buffer_letter != nullptr) return detail::in_lexicon(lr.buffer_letter, first, lr.lang);
  return !ends_with_vowel(first, lr);
}

bool suffix_fits(std::string_view stem, std::string_view suffix, const detail::LanguageRules& lr) {
  if (has_buffer(suffix, lr)) return ends_with_vowel(stem, lr);
  // A suffix that opens with a vowel follows a consonant; one that opens
  // with another consonant ("da", "la") follows either.
  if (ends_with_vowel(first_letter(suffix), lr)) return !ends_with_vowel(stem, lr);
  return true;
}

namespace {

// How far back a name looks for the parenthesis it may stand in.
constexpr std::size_t kParenWindow = 1000;

struct Token {
  std::size_t begin, end;  // normalised offsets
  std::string_view s;
  std::string key;  // folded once, for every lexicon lookup
};

std::vector<Token> tokens_of(std::string_view text, Range r, const std::string& lang) {
  std::vector<Token> out;
  std::size_t i = r.begin;
  while (i < r.end) {
    while (i < r.end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r' ||
                         text[i] == ',')) {
      ++i;
    }
    std::size_t b = i;
    while (i < r.end && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r' &&
           text[i] != ',') {
      ++i;
    }
    if (i > b)
      out.push_back(
          Token{b, i, text.substr(b, i - b), text::fold_key(text.substr(b, i - b), lang)});
  }
  return out;
}

bool capitalised(std::string_view s) {
  if (s.empty()) return false;
  std::size_t len;
  return u_isupper(text::decode(s, 0, &len)) != 0;
}

bool has_surname_ending(std::string_view w, const detail::LanguageRules& lr);

// Whether a stem that the word leaves without one of the pack's
// oblique_suffix endings passes stem_ok.
template <typename Pred>
bool oblique_stem(std::string_view w, const detail::LanguageRules& lr, Pred stem_ok) {
  if (lr.oblique_suffix == nullptr) return false;
  for (const std::string& suf : lr.oblique_suffix->words) {
    if (w.size() > suf.size() + 3 && w.ends_with(suf) &&
        stem_ok(w.substr(0, w.size() - suf.size()))) {
      return true;
    }
  }
  return false;
}

// A word in a case that never ends a person's name ("Jurnalistlərdən biri",
// "Kerem Aksoy Ankarada", "Forumda Leyla Məmmədova").
bool oblique(std::string_view w, const detail::LanguageRules& lr) {
  return !has_surname_ending(w, lr) && oblique_stem(w, lr, [](std::string_view) { return true; });
}

// "Aslanovdan": a surname in an oblique case ("Ankarada" is a place).
bool oblique_surname(std::string_view w, const detail::LanguageRules& lr) {
  return oblique_stem(w, lr, [&](std::string_view stem) { return has_surname_ending(stem, lr); });
}

// A folded key in a lexicon (its value into *value).
bool has_key(const detail::Lexicon* lex, const std::string& key, std::string* value = nullptr) {
  if (lex == nullptr) return false;
  const std::string* v = lex->find_folded(key);
  if (v != nullptr && value != nullptr) *value = *v;
  return v != nullptr;
}

using detail::in_lexicon;

// "məşqçinin", "Baş məşqçinin": a title in the genitive that the title
// lexicon lists only in the nominative.
bool title_in_genitive(std::string_view word, const detail::LanguageRules& lr, std::string* role) {
  if (lr.genitive_suffix == nullptr) return false;
  for (const std::string& suf : lr.genitive_suffix->words) {
    if (word.size() > suf.size() + 2 && word.ends_with(suf) &&
        in_lexicon(lr.title, word.substr(0, word.size() - suf.size()), lr.lang, role)) {
      return true;
    }
  }
  return false;
}

enum class MentionKind { none, pronoun, title, name, organisation };

struct Mention {
  MentionKind kind = MentionKind::none;
  std::string role;                 // of a title
  std::vector<std::string> tokens;  // name tokens (last one may carry a suffix)
  std::string initial;              // "A" of "A.Quliyeva"
  std::string quoted;               // an organisation's name in quote marks ("Fitch Solutions")
  Range shown;                      // range reported as speaker_text
  std::size_t pos = 0;
};

bool has_surname_ending(std::string_view w, const detail::LanguageRules& lr) {
  if (lr.surname_ending == nullptr) return false;
  for (const std::string& e : lr.surname_ending->words) {
    if (w.size() > e.size() + 1 && w.ends_with(e)) return true;
  }
  return false;
}

// "Əsədovun": a surname with a case suffix after its surname ending, i.e. a
// possessor ("baş nazir Ə.Əsədovun məruzəsini"), never the subject. A name
// that merely ends like a suffix ("Coşkun") is not one.
bool possessor_form(std::string_view w, const detail::LanguageRules& lr) {
  if (lr.genitive_suffix == nullptr) return false;
  for (const std::string& suf : lr.genitive_suffix->words) {
    if (w.size() <= suf.size() + 3 || !w.ends_with(suf)) continue;
    // After a surname ending, or the form with a buffer consonant
    // ("Respublikasının", "Gürcüstanın" after a vowel stem is "-nın").
    if (has_buffer(suf, lr) || has_surname_ending(w.substr(0, w.size() - suf.size()), lr)) {
      return true;
    }
  }
  return false;
}

// "Musavat.com-a", "Oxu.az": a web address, with or without a case
// ending, names an outlet, never a person.
bool web_address(std::string_view w, const std::string& lang) {
  const std::size_t dot = w.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  // Two to four letters after the last dot that fold to Latin ones, all
  // small or all capital ("Oxu.az", "ELAZ.İNFO"; "A.Rza" is an initial
  // and a name).
  std::size_t e = dot + 1, small = 0, capital = 0;
  while (e < w.size()) {
    std::size_t len;
    const UChar32 c = text::decode(w, e, &len);
    if (u_isalpha(c) == 0) break;
    (u_isupper(c) != 0 ? capital : small) += 1;
    e += len;
  }
  const std::string tld = text::fold_key(w.substr(dot + 1, e - dot - 1), lang);
  const bool latin =
      std::all_of(tld.begin(), tld.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const std::size_t letters = small + capital;
  return latin && letters >= 2 && letters <= 4 && (small == 0 || capital == 0) &&
         (e == w.size() || w[e] == '-');
}

// Quote marks around a name (Unicode's Quotation_Mark property).
constexpr std::size_t kMaxQuotedNameWords = 6;
bool quote_mark(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK) != 0;
}
bool starts_with_quote_mark(std::string_view w) {
  std::size_t len;
  return !w.empty() && quote_mark(text::decode(w, 0, &len));
}
bool ends_with_quote_mark(std::string_view w) {
  return !w.empty() && quote_mark(text::code_point_before(w, w.size()));
}
std::string strip_quote_marks(std::string_view w) {
  std::string out;
  for (std::size_t i = 0; i < w.size();) {
    std::size_t len;
    const UChar32 c = text::decode(w, i, &len);
    if (!quote_mark(c)) out.append(w.substr(i, len));
    i += len;
  }
  return out;
}

// "EBRD", "XİN": a word of capital letters only (two or more).
bool acronym(std::string_view w) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < w.size();) {
    std::size_t len;
    if (u_isupper(text::decode(w, i, &len)) == 0) return false;
    i += len;
    ++n;
  }
  return n >= 2;
}

// A word that can be part of a personal name: capitalised, an initial
// ("A.Quliyeva"), or a particle ("əl-Mənsuri"); not a proper noun in a case
// after a hyphen ("Trend-ə", "APA-ya": an agency the speaker talks to).
bool name_word(std::string_view w) {
  const std::size_t hy = w.find('-');
  if (hy != std::string_view::npos && hy > 0 && hy + 1 < w.size() &&
      !capitalised(w.substr(hy + 1)) && w.size() - hy <= 5) {
    return false;
  }
  const bool particle =
      hy != std::string_view::npos && hy <= 3 && hy + 1 < w.size() && capitalised(w.substr(hy + 1));
  return capitalised(w) || particle;
}

// Parses a mention: a pronoun, an organisation, a title, a name, a title with
// a name — or a longer stretch that holds one ("bunu Yeni Azərbaycan
// Partiyasında keçirilən konfransda Energetika naziri Pərviz Şahbazov"):
// the name right after a title wins, else a name that ends in a surname.
// `possessor`: the rule expects the speaker in the genitive ("Əliyevin
// sözlərinə görə"), so a possessor form is the name, not skipped.
Mention parse_mention(std::string_view text, Range r, const detail::LanguageRules& lr,
                      bool possessor = false) {
  Mention m;
  m.pos = r.begin;
  std::vector<Token> toks = tokens_of(text, r, lr.lang);
  // "Sayt xəbər verir ki, o, … bildirib:": the verb's subject is in the
  // clause after the last subordinator (the pack's `subordinator`), when
  // that clause names one ("demək olar ki, …" names no one).
  for (std::size_t k = toks.size(); k-- > 1;) {
    if (has_key(lr.subordinator, toks[k - 1].key)) {
      Mention inner = parse_mention(text, Range{toks[k].begin, r.end}, lr, possessor);
      if (inner.kind != MentionKind::none) return inner;
      break;
    }
  }
  if (toks.empty()) return m;
  m.shown = Range{toks.front().begin, toks.back().end};
  // A pronoun alone, or opening a stretch ("O, həmçinin qeyd edib ki").
  if (has_key(lr.pronoun, toks[0].key)) {
    m.kind = MentionKind::pronoun;
    // "Onların sözlərinə görə": many people, none of them named one.
    if (has_key(lr.plural_pronoun, toks[0].key)) m.role = "plural";
    m.shown = Range{toks[0].begin, toks[0].end};
    return m;
  }
  // An organisation: capitalised words (and the joining word) ending in a
  // head word ("Ekologiya və Təbii Sərvətlər Nazirliyindən", "Nazirlik").
  auto organisation_at = [&](std::size_t h, const std::string& head) {  // h: the head's token
    m.kind = MentionKind::organisation;
    m.role = head;
    // “Fitch Solutions” şirkəti: the name in quote marks is the body's name.
    if (h > 0 && ends_with_quote_mark(toks[h - 1].s)) {
      for (std::size_t b = h; b-- > 0 && h - b <= kMaxQuotedNameWords;) {
        if (!starts_with_quote_mark(toks[b].s)) continue;
        for (std::size_t k = b; k < h; ++k) {
          if (!m.quoted.empty()) m.quoted += ' ';
          m.quoted += strip_quote_marks(toks[k].s);
        }
        m.shown = Range{toks[b].begin, toks[h].end};
        if (!m.quoted.empty()) return;
        break;
      }
    }
    std::size_t from = h;
    while (from > 0 &&
           (capitalised(toks[from - 1].s) || has_key(lr.name_joiner, toks[from - 1].key)) &&
           !has_key(lr.not_name, toks[from - 1].key) && !has_key(lr.outlet, toks[from - 1].key)) {
      --from;
    }
    // The country it belongs to is no part of its name ("Azərbaycanın
    // İqtisadiyyat Nazirliyi").
    while (from < h &&
           (has_key(lr.name_joiner, toks[from].key) ||
            (has_key(lr.place_word, toks[from].key) && possessor_form(toks[from].s, lr)))) {
      ++from;
    }
    // A head in the genitive owns the words after it ("Mərkəzi Bankının
    // İdarə Heyəti", "Nazirliyin Mətbuat Xidməti"): the body is the owner.
    const std::size_t last = h;
    for (std::size_t k = from + 1; k < h; ++k) {
      std::string form;
      if (has_key(lr.org_head, toks[k].key, &form) && possessor_form(toks[k].s, lr)) {
        h = k;
        m.role = form;
        break;
      }
    }
    // m.role: the head's name form ("Nazirliyi"), what a bare mention matches.
    for (std::size_t k = from; k < h; ++k) m.tokens.emplace_back(toks[k].s);
    m.shown = Range{toks[from].begin, toks[last].end};
  };
  // Of two heads in a row the last is the name's ("Mərkəzi Bank"): the
  // last head of the capitalised run from h, its name form into *into.
  // A head in the genitive owns what follows ("Mərkəzi Bankının İdarə
  // Heyəti"): the body is the bank.
  auto last_head = [&](std::size_t h, std::string* into) {
    while (h + 1 < toks.size() && capitalised(toks[h + 1].s) &&
           has_key(lr.org_head, toks[h + 1].key) && !possessor_form(toks[h].s, lr)) {
      ++h;
    }
    has_key(lr.org_head, toks[h].key, into);
    return h;
  };
  std::string head;
  if (has_key(lr.org_head, toks.back().key, &head)) {
    organisation_at(toks.size() - 1, head);
    return m;
  }
  // Titles: one word or two ("nazir müavini"), a genitive form at the end.
  struct Title {
    std::size_t at, end;
    std::string role;
  };
  std::vector<Title> titles;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    std::string role;
    // A title in the genitive before other words is their possessor
    // ("Prokurorun çıxışından sonra X … xahiş edib"), not who speaks.
    if (i + 1 < toks.size() && title_in_genitive(toks[i].s, lr, &role)) continue;
    if (i + 1 < toks.size()) {
      std::string two = std::string(toks[i].s) + " " + std::string(toks[i + 1].s);
      if (has_key(lr.title, toks[i].key + " " + toks[i + 1].key, &role) ||
          (i + 2 == toks.size() && title_in_genitive(two, lr, &role))) {
        titles.push_back(Title{i, i + 2, role});
        ++i;
        continue;
      }
    }
    if (has_key(lr.title, toks[i].key, &role) ||
        (i + 1 == toks.size() && title_in_genitive(toks[i].s, lr, &role))) {
      titles.push_back(Title{i, i + 1, role});
    }
  }
  // Runs of name words. A run ends at a word that is never a name, and a
  // name ends with its surname ("Nicat Hüseynov Sputnik", "Sahil Babayev
  // Milli Məclisdə").
  struct Run {
    std::size_t b, e;
  };
  std::vector<bool> in_title(toks.size(), false);
  for (const Title& t : titles) {
    for (std::size_t k = t.at; k < t.end; ++k) in_title[k] = true;
  }
  // A word that may stand in a person's name (not_name words are each
  // caller's to judge).
  auto in_name = [&](std::size_t k) {
    return name_word(toks[k].s) && !in_title[k] && !web_address(toks[k].s, lr.lang) &&
           !has_key(lr.place_word, toks[k].key) && !has_key(lr.org_head, toks[k].key) &&
           !has_key(lr.outlet, toks[k].key) && !oblique(toks[k].s, lr);
  };
  auto run_at = [&](std::size_t b) {
    std::size_t e = b;
    while (e < toks.size() && in_name(e) && !(e > b && has_key(lr.not_name, toks[e].key))) ++e;
    // A name ends with its first surname after the first name ("Vüqar
    // Nəsibov Misli Premyer Liqasının": "Misli" only looks like one; "Əli
    // Əsədov": a first name may look like one too).
    for (std::size_t k = e - b > 1 ? b + 1 : b; k < e; ++k) {
      if (has_surname_ending(toks[k].s, lr) || possessor_form(toks[k].s, lr)) {
        e = k + 1;
        break;
      }
    }
    // A first name whose surname stands in an oblique case ("Teymur
    // Aslanovdan … almadığını"): that person is no subject.
    if (e > b && e < toks.size() && capitalised(toks[e].s) && oblique_surname(toks[e].s, lr) &&
        !has_surname_ending(toks[e - 1].s, lr)) {
      return Run{b, b};
    }
    return Run{b, e};
  };
  auto usable = [&](const Run& run) {
    if (run.e <= run.b) return false;
    // "Klub rəhbəri", "DİM sədri": what stands right before a title is its
    // complement, not a name.
    if (run.e < toks.size() && in_title[run.e]) return false;
    if (run.e - run.b == 1 && has_key(lr.not_name, toks[run.b].key)) return false;
    return possessor || !possessor_form(toks[run.e - 1].s, lr);
  };
  std::optional<Run> name;
  const Title* title = nullptr;
  for (const Title& t : titles) {
    Run run = run_at(t.end);
    // A lone acronym after a title is a body named in what was said
    // ("Prokuror NİDA hərəkatı fəallarının …"), not the person.
    if (usable(run) && !(run.e - run.b == 1 && acronym(toks[run.b].s))) {
      name = run, title = &t;
      break;
    }
  }
  // A title opening the stretch with no name after it is the speaker
  // ("Prokuror digər 16 nəfər İsmayıllı sakininin … məhrum edilməsini
  // istəyib": names further on belong to what was said).
  if (!name && !titles.empty() && titles.front().at == 0) {
    m.kind = MentionKind::title;
    m.role = titles.front().role;
    m.shown = Range{toks[0].begin, toks[titles.front().end - 1].end};
    return m;
  }
  if (!name) {
    // No title before a name: the name with a surname ending, else the
    // first name.
    std::optional<Run> first;
    // The head of the first organisation named with capitalised words
    // ("Azərbaycan Mərkəzi Bankı"); its name form into `head`.
    std::optional<std::size_t> org_head_at;
    for (std::size_t h = 1; h < toks.size() && !org_head_at; ++h) {
      if (capitalised(toks[h].s) && capitalised(toks[h - 1].s) &&
          has_key(lr.org_head, toks[h].key) && !has_key(lr.org_head, toks[h - 1].key)) {
        org_head_at = last_head(h, &head);
      }
    }
    for (std::size_t i = 0; i < toks.size();) {
      if (!in_name(i) || has_key(lr.not_name, toks[i].key)) {
        ++i;
        continue;
      }
      Run run = run_at(i);
      // Capitalised words before an organisation's head name the body, never
      // a person ("Mərkəzi Bank", "Heydər Əliyev Fondu").
      if (run.e < toks.size() && has_key(lr.org_head, toks[run.e].key)) {
        i = run.e + 1;
        continue;
      }
      if (usable(run)) {
        // A lone word that only opens the sentence ("Deputatlığa namizəd
        // olmuş Seyidcahan …") gives way to a name further on.
        if (first && first->b == 0 && first->e == 1 && toks.size() > 1 && !capitalised(toks[1].s) &&
            !name) {
          first = run;
        }
        if (!first) first = run;
        for (std::size_t k = run.b; k < run.e; ++k) {
          if (has_surname_ending(toks[k].s, lr) && !name) name = run;
        }
      }
      i = std::max(run.e, i + 1);
    }
    // A capitalised word with no surname ending is a name only where no
    // title speaks ("Ölkəmizdə … danışan deputat": the deputy); an
    // organisation named before it speaks first ("Maliyyə Nazirliyi …-ı
    // bildirib", "Dünya Bankı … gözləyir").
    if (!name && titles.empty()) {
      // A lone capitalised word opening the stretch may only open the
      // sentence ("Məlumata görə, Azərbaycan Mərkəzi Bankı …").
      if (org_head_at && (!first || first->b > *org_head_at || (first->b == 0 && first->e == 1))) {
        organisation_at(*org_head_at, head);  // head: its name form, found above
        return m;
      }
      name = first;
    }
  }
  if (!name && titles.empty()) {
    // No person: an organisation named in the stretch ("Nazirlik həmçinin
    // bildirib ki").
    for (std::size_t i = 0; i < toks.size(); ++i) {
      if (has_key(lr.org_head, toks[i].key) &&
          (capitalised(toks[i].s) || (i > 0 && capitalised(toks[i - 1].s)))) {
        i = last_head(i, &head);
        organisation_at(i, head);
        return m;
      }
    }
  }
  if (!name) {
    if (!titles.empty()) {
      m.kind = MentionKind::title;
      m.role = titles.back().role;
      m.shown = Range{toks[titles.back().at].begin, toks[titles.back().end - 1].end};
      // What stands before a bare title belongs to it ("Baş məşqçi",
      // "Klub rəhbəri"); a long stretch is cut to the title itself.
      if (titles.back().at <= 2 && titles.back().end == toks.size()) {
        m.shown.begin = toks.front().begin;
      }
    }
    return m;
  }
  for (std::size_t i = name->b; i < name->e; ++i) {
    std::string_view w = toks[i].s;
    // Initials: "A.Quliyeva", "P. Şahbazov" -> the initial is kept aside.
    while (w.size() >= 2 && capitalised(w) && w.find('.') != std::string_view::npos &&
           w.find('.') <= 4) {
      std::size_t dot = w.find('.');
      if (m.initial.empty()) m.initial = std::string(w.substr(0, dot));
      w.remove_prefix(dot + 1);
    }
    if (!w.empty()) m.tokens.emplace_back(w);
  }
  if (m.tokens.empty()) return m;
  m.kind = MentionKind::name;
  if (title != nullptr) m.role = title->role;
  // "Prezident Əliyev": the title belongs to the mention; "Azərbaycan
  // Prezidenti İlham Əliyev": the name is the mention.
  const std::size_t shown_from = title != nullptr && title->at == 0 ? 0 : name->b;
  m.shown = Range{toks[shown_from].begin, toks[name->e - 1].end};
  return m;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& t : v) s += (s.empty() ? "" : " ") + t;
  return s;
}

bool letter_at(std::string_view t, std::size_t i) {
  return i < t.size() && u_isalpha(text::code_point_at(t, i)) != 0;
}

bool letter_before(std::string_view t, std::size_t i) {
  return i > 0 && u_isalpha(text::code_point_before(t, i)) != 0;
}

// The places a capitalised word starts in a document, ordered by the text
// that follows (its first kKey bytes): the occurrences of a name, bare or
// with a suffix, come from one binary search instead of a scan of the whole
// document per name. Documents name dozens of people, and a name's first
// byte is as common as the lead byte of "Ə". Built on the first lookup.
class WordStarts {
 public:
  explicit WordStarts(std::string_view text) : text_(text) {}

  // Calls f(at) for each position where `s` occurs with no letter before
  // it, in the document's order.
  template <typename F>
  void each(std::string_view s, F&& f) const {
    if (!capitalised(s)) {
      for (std::size_t at = text_.find(s); at != std::string_view::npos;
           at = text_.find(s, at + 1)) {
        if (!letter_before(text_, at)) f(at);
      }
      return;
    }
    build();
    const std::string_view k = s.substr(0, kKey);
    auto it =
        std::lower_bound(starts_.begin(), starts_.end(), k,
                         [&](std::size_t a, std::string_view key) { return key_at(a) < key; });
    std::vector<std::size_t> found;
    for (; it != starts_.end() && key_at(*it).starts_with(k); ++it) {
      if (text_.substr(*it).starts_with(s)) found.push_back(*it);
    }
    std::sort(found.begin(), found.end());  // in the document's order, as a scan finds them
    for (std::size_t at : found) f(at);
  }

 private:
  static constexpr std::size_t kKey = 48;

  std::string_view key_at(std::size_t at) const { return text_.substr(at, kKey); }

  void build() const {
    if (built_) return;
    built_ = true;
    bool letter = false;
    for (std::size_t i = 0; i < text_.size();) {
      std::size_t len;
      const char32_t c = text::decode(text_, i, &len);
      const bool now = u_isalpha(static_cast<UChar32>(c)) != 0;
      if (now && !letter && u_isupper(static_cast<UChar32>(c)) != 0) starts_.push_back(i);
      letter = now;
      i += len;
    }
    std::sort(starts_.begin(), starts_.end(),
              [&](std::size_t a, std::size_t b) { return key_at(a) < key_at(b); });
  }

  std::string_view text_;
  mutable bool built_ = false;
  mutable std::vector<std::size_t> starts_;
};

// The fullest form of a name in the document: every word-bounded occurrence
// of the surname, extended back over capitalised words that are neither
// titles nor non-names; the longest (then the most frequent) wins.
std::string canonical_name_uncached(std::string_view text, const WordStarts& words,
                                    const std::vector<std::string>& name,
                                    const detail::LanguageRules& lr, const std::string& initial) {
  const std::string& surname = name.back();
  std::map<std::string, int> seen;
  words.each(surname, [&](std::size_t at) {
    if (letter_at(text, at + surname.size())) {
      // "Rəşad Babayevin": the surname with a case suffix still names him.
      std::size_t e = at + surname.size();
      while (letter_at(text, e)) {
        std::size_t len;
        text::decode(text, e, &len);
        e += len;
      }
      if (!in_lexicon(lr.case_suffix != nullptr ? lr.case_suffix : lr.genitive_suffix,
                      text.substr(at + surname.size(), e - at - surname.size()), lr.lang)) {
        return;
      }
    }
    std::vector<std::string> full{surname};
    std::string initial_of;  // "Q. " or "Ə." when an initial stands for the first name
    std::size_t i = at;
    if (at >= 2 && text[at - 1] == '.' && u_isupper(text::code_point_before(text, at - 1)) &&
        !letter_before(text, text::align_to_char(text, at - 2))) {
      // "Ə.Məsimli": an initial written onto the surname.
      const std::size_t b = text::align_to_char(text, at - 2);
      initial_of = std::string(text.substr(b, at - b));
    }
    while (initial_of.empty() && full.size() < 4) {
      std::size_t e = i;
      while (e > 0 && text[e - 1] == ' ') --e;
      if (e == i || e == 0) break;
      std::size_t b = e;
      while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '\t') --b;
      std::string_view w = text.substr(b, e - b);
      if (w.size() >= 2 && w.back() == '.' && text::count_code_points(w) == 2 && capitalised(w)) {
        initial_of = std::string(w) + " ";  // "Q. Həsənquliyev"
        break;
      }
      if (!capitalised(w) || in_lexicon(lr.title, w, lr.lang) ||
          in_lexicon(lr.not_name, w, lr.lang) || in_lexicon(lr.place_word, w, lr.lang) ||
          in_lexicon(lr.org_head, w, lr.lang) || oblique(w, lr) || web_address(w, lr.lang) ||
          !letter_before(text, e)) {
        break;
      }
      full.insert(full.begin(), std::string(w));
      i = b;
    }
    // Must agree with the words the mention itself gives.
    if (full.size() < name.size() ||
        !std::equal(name.begin(), name.end(), full.end() - static_cast<long>(name.size()))) {
      return;
    }
    // "A.Quliyeva" is "Aygün Quliyeva", not "Leyla Quliyeva".
    if (!initial.empty() && full.size() > name.size() && !full.front().starts_with(initial)) {
      return;
    }
    if (!initial_of.empty() && full.size() > 1) initial_of.clear();
    if (!initial.empty() && !initial_of.empty() && !initial_of.starts_with(initial)) return;
    ++seen[initial_of + join(full)];
  });
  // The fullest form wins; an initial counts half a word, so a first name
  // written out beats it, and it beats the surname alone ("Q. Həsənquliyev"
  // when the document never gives more).
  auto weight = [](const std::string& form) {
    double w = 0;
    for (std::size_t b = 0; b < form.size();) {
      std::size_t e = form.find(' ', b);
      if (e == std::string::npos) e = form.size();
      const std::string_view word(form.data() + b, e - b);
      const std::size_t dot = word.find('.');
      w += dot == std::string_view::npos ? 1 : dot + 1 == word.size() ? 0.5 : 1.5;
      b = e + 1;
    }
    return w;
  };
  std::string best = join(name);
  double best_weight = weight(best);
  int best_count = 0;
  for (const auto& [form, count] : seen) {
    const double w = weight(form);
    if (w > best_weight || (w == best_weight && count > best_count)) {
      best = form, best_weight = w, best_count = count;
    }
  }
  return best;
}

// An organisation's name: its words and the head in its name form. A head
// may have several ("Bank|Bankı": "Mərkəzi Bank", "İnkişaf Bankı"); the one
// the document writes wins, else the first when every word before the head
// is an adjective of the pack's org_adjective ("Mərkəzi Banka" -> "Mərkəzi
// Bank"), else the last ("Azərbaycan Mərkəzi Bankına", "Dünya Bankının").
std::string organisation_name(std::string_view text, const WordStarts& starts,
                              const std::vector<std::string>& words, const std::string& forms,
                              const detail::LanguageRules& lr) {
  const std::string base = join(words);
  bool adjectives_only = true;
  for (const std::string& w : words) {
    adjectives_only = adjectives_only && in_lexicon(lr.org_adjective, w, lr.lang);
  }
  std::string first;
  for (std::size_t b = 0; b <= forms.size();) {
    std::size_t e = forms.find('|', b);
    if (e == std::string::npos) e = forms.size();
    const std::string name = base + (base.empty() ? "" : " ") + forms.substr(b, e - b);
    if (first.empty() || (e == forms.size() && !adjectives_only)) first = name;
    bool written = false;
    starts.each(name,
                [&](std::size_t at) { written = written || !letter_at(text, at + name.size()); });
    if (written) return name;
    b = e + 1;
  }
  return first;
}

// "Avropa Yenidənqurma və İnkişaf Bankı (European Bank …, EBRD)": an
// acronym the document puts in a parenthesis right after an organisation's
// name stands for that name; empty when the document spells it out nowhere.
std::string spelled_out(std::string_view text, const WordStarts& starts, std::string_view acr,
                        const detail::LanguageRules& lr) {
  constexpr std::size_t kParenthesis = 200;  // bytes from "(" to the acronym
  std::vector<std::size_t> found;
  starts.each(acr, [&](std::size_t at) { found.push_back(at); });
  for (std::size_t at : found) {
    if (letter_at(text, at + acr.size())) continue;
    const std::size_t open = text.rfind('(', at);
    const std::size_t close = text.find_first_not_of(' ', at + acr.size());
    if (open == std::string_view::npos || at - open > kParenthesis ||
        text.substr(open, at - open).find_first_of(")\n") != std::string_view::npos ||
        close == std::string_view::npos || text[close] != ')') {
      continue;
    }
    // The organisation the line names right before the parenthesis.
    const std::size_t nl = text.rfind('\n', open);
    const Mention m =
        parse_mention(text, Range{nl == std::string_view::npos ? 0 : nl + 1, open}, lr);
    if (m.kind != MentionKind::organisation || m.role == "*") continue;
    return organisation_name(text, starts, m.tokens, m.role, lr);
  }
  return {};
}

// A person's name holds no acronym: it starts after the last one ("XİN
// Tofiq Zülfüqarova cavab vermək istəmir": the ministry, then the man).
std::string after_last_acronym(const std::string& name, const detail::LanguageRules& lr) {
  std::size_t b = 0;
  for (std::size_t i = 0, sp = name.find(' '); sp != std::string::npos;
       i = sp + 1, sp = name.find(' ', i)) {
    if (acronym(std::string_view(name).substr(i, sp - i))) b = sp + 1;
  }
  const std::size_t last = name.rfind(' ');
  if (b == 0 || last == std::string::npos || last < b ||
      !has_surname_ending(std::string_view(name).substr(last + 1), lr)) {
    return name;
  }
  return name.substr(b);
}

// canonical_name scans the whole document for the surname; a document
// names few people many times, so each (name, initial) is looked up once.
class NameCache {
 public:
  NameCache(std::string_view text, const WordStarts& starts, const detail::LanguageRules& lr)
      : text_(text), starts_(starts), lr_(lr) {}
  const std::string& canonical(const std::vector<std::string>& name, const std::string& initial) {
    std::string key = initial + "\x1f" + join(name);
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      it = cache_.emplace(key, canonical_name_uncached(text_, starts_, name, lr_, initial)).first;
    }
    return it->second;
  }

 private:
  std::string_view text_;
  const WordStarts& starts_;
  const detail::LanguageRules& lr_;
  std::map<std::string, std::string> cache_;
};

}  // namespace

namespace {

// The names known so far, each with every part that ends it ("Əli Həsənov"
// gives "Əli Həsənov" and "Həsənov"): whether a word is a known name, or
// the end of one, in constant time (a document of many names stays linear).
class KnownNames {
 public:
  explicit KnownNames(const std::vector<std::string>& names) {
    for (const std::string& k : names) add(k);
  }
  void add(const std::string& k) {
    tails_.insert(k);
    for (std::size_t sp = k.find(' '); sp != std::string::npos; sp = k.find(' ', sp + 1)) {
      tails_.insert(k.substr(sp + 1));
    }
  }
  // Some known name is s or ends with " " + s.
  bool ends_a_name(const std::string& s) const { return tails_.contains(s); }

 private:
  std::unordered_set<std::string> tails_;
};

std::string strip_suffix(std::string_view name, const detail::LanguageRules& lr,
                         const KnownNames& known, std::string_view text, const WordStarts& starts,
                         bool inflected, const detail::Lexicon* suffixes) {
  std::string s(name);
  if (suffixes == nullptr) suffixes = lr.genitive_suffix;
  if (suffixes == nullptr) return s;
  if (known.ends_a_name(s)) return s;  // the word is a name as it stands
  std::vector<std::string> candidates;
  for (const std::string& suf : suffixes->words) {
    if (s.size() <= suf.size() + 2 || !s.ends_with(suf)) continue;
    std::string stem = s.substr(0, s.size() - suf.size());
    if (text::count_code_points(stem) < 2) continue;
    if (!suffix_fits(stem, suf, lr)) continue;
    candidates.push_back(stem);
  }
  for (const std::string& c : candidates) {
    if (known.ends_a_name(c)) return c;
  }
  // A stem the document writes on its own ("Fərid Hüseynzadə" for
  // "Hüseynzadənin") is the name.
  for (const std::string& c : candidates) {
    bool written = false;
    starts.each(c, [&](std::size_t at) { written = written || !letter_at(text, at + c.size()); });
    if (written) return c;
  }
  // A stem with a surname ending ("Tokayev" of "Tokayevin"), unless the
  // word as it stands ends like one ("Həsənova" is no dative of "Həsənov"
  // where the rule does not say so).
  if (inflected || !has_surname_ending(s, lr)) {
    for (const std::string& c : candidates) {
      if (has_surname_ending(c, lr)) return c;
    }
  }
  // A name that only ends like a suffix ("Coşkun") keeps it, unless the
  // rule says the word is inflected.
  if (candidates.empty() || !inflected) return s;
  // Unattested: the stem that ends in a consonant (the common surname shape).
  for (const std::string& c : candidates) {
    if (!ends_with_vowel(c, lr)) return c;
  }
  return candidates.front();
}

}  // namespace

std::string strip_name_suffix(std::string_view name, const detail::LanguageRules& lr,
                              const std::vector<std::string>& known, std::string_view text,
                              bool inflected, const detail::Lexicon* suffixes) {
  return strip_suffix(name, lr, KnownNames(known), text, WordStarts(text), inflected, suffixes);
}

namespace {

// Speakers named as organisations, once every quotation has its speaker:
// an acronym is the name the document spells it out as, else the name whose
// initials it is; an organisation named in part ("Mərkəzi Bank") is the one
// the document names in full ("Azərbaycan Mərkəzi Bankı"); a person's name
// never starts with an acronym.
void canonical_organisations(
    std::string_view text, const WordStarts& starts, const detail::LanguageRules& lr,
    const std::map<std::string, std::multimap<std::size_t, std::string>>& orgs,
    std::vector<ResolvedSpeaker>* out) {
  // Every organisation the document names, the longest names first, with
  // its head's name form and the words before the head.
  struct OrgName {
    std::string name, head;
    std::string_view rest;
  };
  std::vector<OrgName> names;
  for (const auto& [head, named_orgs] : orgs) {
    for (const auto& [pos, name] : named_orgs) names.push_back(OrgName{name, {}, {}});
  }
  std::sort(names.begin(), names.end(), [](const OrgName& a, const OrgName& b) {
    return a.name.size() != b.name.size() ? a.name.size() > b.name.size() : a.name < b.name;
  });
  names.erase(std::unique(names.begin(), names.end(),
                          [](const OrgName& a, const OrgName& b) { return a.name == b.name; }),
              names.end());
  auto head_of = [&](std::string_view name, std::string_view* rest) {
    const std::size_t sp = name.rfind(' ');
    *rest = sp == std::string_view::npos ? std::string_view() : name.substr(0, sp);
    std::string head;
    in_lexicon(lr.org_head, name.substr(sp + 1), lr.lang, &head);
    return head;
  };
  for (OrgName& o : names) o.head = head_of(o.name, &o.rest);
  // "AMB" for "Azərbaycan Mərkəzi Bankı": the initials of a name's words
  // (not its joining words).
  auto initials = [&](std::string_view name) {
    std::string s;
    for (std::size_t b = 0; b < name.size();) {
      std::size_t e = name.find(' ', b);
      if (e == std::string_view::npos) e = name.size();
      const std::string_view w = name.substr(b, e - b);
      if (!w.empty() && !in_lexicon(lr.name_joiner, w, lr.lang)) {
        std::size_t len;
        text::decode(w, 0, &len);
        s += text::upper_first(w.substr(0, len), lr.lang);
      }
      b = e + 1;
    }
    return s;
  };
  std::map<std::string, std::string> expanded;  // each speaker's name once
  for (ResolvedSpeaker& r : *out) {
    if (!r.speaker) continue;
    if (auto it = expanded.find(*r.speaker); it != expanded.end()) {
      if (!it->second.empty()) r.speaker = it->second;
      continue;
    }
    const std::string as_said = *r.speaker;
    if (acronym(*r.speaker)) {
      std::string full = spelled_out(text, starts, *r.speaker, lr);
      for (std::size_t k = 0; full.empty() && k < names.size(); ++k) {
        if (!names[k].rest.empty() && initials(names[k].name) == *r.speaker) full = names[k].name;
      }
      expanded.emplace(as_said, full);
      if (!full.empty()) r.speaker = full;
      continue;
    }
    r.speaker = after_last_acronym(*r.speaker, lr);
    std::string_view rest;
    const std::string head = head_of(*r.speaker, &rest);
    if (!head.empty() && !rest.empty()) {
      for (const OrgName& o : names) {
        if (o.head == head && o.rest.size() > rest.size() && o.rest.ends_with(rest) &&
            o.rest[o.rest.size() - rest.size() - 1] == ' ') {
          r.speaker = o.name;
          break;
        }
      }
    }
    expanded.emplace(as_said, *r.speaker);
  }
}

// A quotation nobody is named for whose words a quotation with a speaker
// repeats nearby is that speaker's: a headline over the article's quote
// ("«Futbolçular əllərindən gələni etdi»" over the coach's words that end
// with them).
void credit_repeated_quotes(std::string_view text, const std::vector<QuoteCandidate>& quotes,
                            const detail::LanguageRules& lr, std::vector<ResolvedSpeaker>* out) {
  constexpr std::size_t kRepeatedBytes = 16;   // shorter words repeat by chance
  constexpr std::size_t kRepeatWindow = 8192;  // bytes from the quotation to its repetition
  auto words_of = [&](Range r) {
    const std::string folded = text::fold_key(text.substr(r.begin, r.end - r.begin), lr.lang);
    std::string w;
    for (std::size_t k = 0; k < folded.size();) {
      std::size_t len;
      const UChar32 c = text::decode(folded, k, &len);
      if (u_isalnum(c) != 0) {
        w.append(folded, k, len);
      } else if (!w.empty() && w.back() != ' ') {
        w += ' ';
      }
      k += len;
    }
    while (!w.empty() && w.back() == ' ') w.pop_back();
    return w;
  };
  auto split = [](std::string_view s) {
    std::vector<std::string_view> into;
    for (std::size_t b = 0; b < s.size();) {
      const std::size_t e = std::min(s.find(' ', b), s.size());
      into.push_back(s.substr(b, e - b));
      b = e + 1;
    }
    return into;
  };
  // A headline that joins pieces of the quotation ("Zabux kəndində … təhkim
  // olunmasına çalışacağıq" of a paragraph holding both): five words or
  // more, in the quotation's order, cut in at most two places.
  constexpr std::size_t kMinWords = 5;
  auto condensed = [](const std::vector<std::string_view>& k,
                      const std::vector<std::string_view>& w) {
    constexpr int kMaxCuts = 2;
    std::size_t at = 0;
    int cuts = -1;
    // Each piece where the key's words run on in the quotation.
    for (std::size_t j = 0; j < k.size();) {
      auto next = std::find(w.begin() + static_cast<long>(at), w.end(), k[j]);
      if (next == w.end()) return false;
      at = static_cast<std::size_t>(next - w.begin());
      if (++cuts > kMaxCuts) return false;
      while (j < k.size() && at < w.size() && w[at] == k[j]) ++j, ++at;
    }
    return true;
  };
  // Attributed quotations by position; their words (and split into words)
  // when first needed.
  std::vector<std::pair<std::size_t, std::size_t>> attributed;  // (begin, index)
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    if ((*out)[i].speaker) attributed.emplace_back(quotes[i].text.begin, i);
  }
  std::sort(attributed.begin(), attributed.end());
  struct Said {
    std::string words;
    std::vector<std::string_view> split;  // views into words
  };
  std::vector<std::optional<Said>> said(quotes.size());
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    if ((*out)[i].speaker || !quotes[i].from_marks) continue;
    const std::string key = words_of(quotes[i].text);
    if (key.size() < kRepeatedBytes) continue;
    const std::vector<std::string_view> key_words = split(key);
    const Range a = quotes[i].text;
    const std::size_t from = a.begin > kRepeatWindow ? a.begin - kRepeatWindow : 0;
    auto it =
        std::lower_bound(attributed.begin(), attributed.end(), std::pair{from, std::size_t{0}});
    for (; it != attributed.end() && it->first <= a.end + kRepeatWindow; ++it) {
      std::optional<Said>& other = said[it->second];
      if (!other) {
        other.emplace(Said{words_of(quotes[it->second].text), {}});
        other->split = split(other->words);
      }
      if (other->words.find(key) != std::string::npos ||
          (key_words.size() >= kMinWords && condensed(key_words, other->split))) {
        (*out)[i].speaker = (*out)[it->second].speaker;
        break;
      }
    }
  }
}

}  // namespace

std::vector<ResolvedSpeaker> resolve_speakers(std::string_view text, const text::Segments& seg,
                                              const std::vector<QuoteCandidate>& quotes,
                                              const std::vector<match::Hit>& persons,
                                              const detail::LanguageRules& lr) {
  std::vector<ResolvedSpeaker> out(quotes.size());
  std::vector<Mention> mentions(quotes.size());
  const WordStarts starts(text);
  NameCache names(text, starts, lr);
  // organisation_name searches the document: once per distinct name.
  std::map<std::string, std::string> org_names;
  auto org_name = [&](const std::vector<std::string>& words,
                      const std::string& forms) -> const std::string& {
    std::string key = join(words) + "\x1f" + forms;
    auto it = org_names.find(key);
    if (it == org_names.end()) {
      it = org_names.emplace(key, organisation_name(text, starts, words, forms, lr)).first;
    }
    return it->second;
  };
  std::vector<std::string> known;  // names attested outside a genitive
  // The case a rule says its speaker is in ("Əliyevin sözlərinə görə",
  // "Həsənova görə"): the suffixes to strip, or null.
  std::vector<const detail::Lexicon*> case_suffixes(quotes.size(), nullptr);
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    const std::string* c =
        quotes[i].rule != nullptr ? quotes[i].rule->fixed_value("speaker_case") : nullptr;
    if (c != nullptr) {
      if (auto it = lr.suffix_of_case.find(*c); it != lr.suffix_of_case.end()) {
        case_suffixes[i] = it->second;
      }
    }
  }
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    if (quotes[i].implicit_speaker && quotes[i].speaker.empty()) {
      // "Vurğulayıb ki, …", "Məlumata görə, …": the subject left out is the
      // one spoken of before, resolved like a pronoun where the cue stands.
      mentions[i].kind = MentionKind::pronoun;
      mentions[i].pos = quotes[i].cue.empty() ? quotes[i].text.begin : quotes[i].cue.begin;
      continue;
    }
    if (quotes[i].speaker.empty()) continue;
    mentions[i] = parse_mention(text, quotes[i].speaker, lr, case_suffixes[i] != nullptr);
    out[i].mention = mentions[i].shown;
    // "Lent.az bildirir ki, …", "Report bildirir ki, …": an outlet saying
    // it in its own name is the writer's voice, no one's reported speech.
    if (!quotes[i].from_marks && mentions[i].kind == MentionKind::none) {
      const std::vector<Token> words = tokens_of(text, quotes[i].speaker, lr.lang);
      if (words.size() == 1 &&
          (has_key(lr.outlet, words[0].key) || web_address(words[0].s, lr.lang))) {
        out[i].drop = true;
      } else if (quotes[i].clause_after_speaker) {
        // A clause whose stretch names no one ("Teymur Aslanovdan … pul
        // almadığını deyib"): its subject is left out, resolved like a
        // pronoun where the verb stands; what was said is the whole stretch.
        mentions[i].kind = MentionKind::pronoun;
        mentions[i].pos = quotes[i].cue.empty() ? quotes[i].text.end : quotes[i].cue.begin;
        mentions[i].shown = Range{quotes[i].speaker.begin, quotes[i].speaker.begin};
        out[i].mention = Range{};
      }
    }
  }
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    if (mentions[i].kind == MentionKind::name && case_suffixes[i] == nullptr) {
      known.push_back(join(mentions[i].tokens));
    }
  }
  std::sort(known.begin(), known.end());
  known.erase(std::unique(known.begin(), known.end()), known.end());
  KnownNames known_names(known);
  // Stripping may search the document for a stem: once per distinct word.
  std::map<std::tuple<std::string, bool, const detail::Lexicon*>, std::string> stems;
  auto stem = [&](const std::string& word, bool inflected,
                  const detail::Lexicon* suffixes) -> const std::string& {
    auto key = std::make_tuple(word, inflected, suffixes);
    auto it = stems.find(key);
    if (it == stems.end()) {
      it =
          stems.emplace(key, strip_suffix(word, lr, known_names, text, starts, inflected, suffixes))
              .first;
    }
    return it->second;
  };
  // Names attested outside a case rule.
  const std::vector<std::string> attested = known;
  // Names a rule gives in a case ("Həsənova görə") are known in their stem
  // form too, so a person found elsewhere in that case is the same one.
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    if (mentions[i].kind != MentionKind::name || case_suffixes[i] == nullptr) continue;
    std::vector<std::string> tokens = mentions[i].tokens;
    tokens.back() = stem(tokens.back(), true, case_suffixes[i]);
    known.push_back(join(tokens));
    known_names.add(known.back());
  }
  // Persons the person rules found: position, role of their title (may be
  // empty) and canonical name.
  struct Person {
    std::size_t pos;
    std::string role;
    std::string name;
  };
  std::vector<Person> people;
  for (const match::Hit& h : persons) {
    std::string role;
    std::string_view title = h.text_of(text, "title");
    if (!title.empty() && !in_lexicon(lr.title, title, lr.lang, &role)) {
      role = text::fold_key(title, lr.lang);
    }
    const match::Capture* n = h.group("name");
    if (n == nullptr) continue;
    Mention m = parse_mention(text, Range{n->begin, n->end}, lr);
    if (m.kind != MentionKind::name) continue;
    std::vector<std::string> tokens = m.tokens;
    tokens.back() = stem(tokens.back(), false, lr.case_suffix);
    people.push_back(
        Person{n->begin, role.empty() ? m.role : role, names.canonical(tokens, m.initial)});
  }

  // A person named inside a quotation is not what a later "o" refers to.
  util::Intervals quoted;
  for (const QuoteCandidate& q : quotes) {
    if (q.from_marks && !quoted.overlaps(q.text.begin, q.text.end))
      quoted.add(q.text.begin, q.text.end);
  }
  people.erase(std::remove_if(people.begin(), people.end(),
                              [&](const Person& p) { return quoted.overlaps(p.pos, p.pos + 1); }),
               people.end());
  std::sort(people.begin(), people.end(),
            [](const Person& a, const Person& b) { return a.pos < b.pos; });
  const std::vector<Person>& hit_people = people;
  // Bare titles are matched against the persons named with a title, by
  // role and position.
  std::map<std::string, std::multimap<std::size_t, std::string>> by_role;
  std::multimap<std::size_t, std::string> any_role;
  for (const Person& p : people) {
    if (p.role.empty()) continue;
    by_role[p.role].emplace(p.pos, p.name);
    any_role.emplace(p.pos, p.name);
  }

  // Organisations the document names in full, by head word and position;
  // person hits that are organisations land here too.
  std::map<std::string, std::multimap<std::size_t, std::string>> orgs;
  // Of the names that start at one word, the longest ("Azərbaycan Mərkəzi
  // Bankının İdarə Heyəti", not "Azərbaycan Mərkəzi"): begin, end, head,
  // name.
  std::vector<std::tuple<std::size_t, std::size_t, std::string, std::string>> named_orgs;
  for (const match::Hit& h : persons) {
    const match::Capture* n = h.group("name");
    const Range r = n != nullptr ? Range{n->begin, n->end} : Range{h.begin, h.end};
    // A name in a parenthesis is another name of what stands before it
    // ("… İnkişaf Bankı (Black Sea … Development Bank, BSTDB)").
    // (Looked for within the line and at most kParenWindow bytes back, so
    // that a document of many names stays linear.)
    const std::size_t from = r.begin > kParenWindow ? r.begin - kParenWindow : 0;
    const std::size_t mark = text.substr(from, r.begin - from).find_last_of("()\n");
    if (mark != std::string_view::npos && text[from + mark] == '(') continue;
    Mention m = parse_mention(text, r, lr);
    if (m.kind == MentionKind::organisation && !m.tokens.empty() && m.role != "*") {
      named_orgs.emplace_back(r.begin, r.end, m.role, org_name(m.tokens, m.role));
    }
  }
  std::sort(named_orgs.begin(), named_orgs.end(), [](const auto& a, const auto& b) {
    return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) < std::get<0>(b)
                                            : std::get<1>(a) > std::get<1>(b);
  });
  for (std::size_t k = 0; k < named_orgs.size(); ++k) {
    if (k > 0 && std::get<0>(named_orgs[k - 1]) == std::get<0>(named_orgs[k])) continue;
    const auto& [begin, end, head, name] = named_orgs[k];
    orgs[head].emplace(begin, name);
  }
  // What a left-out subject may refer to: people and organisations named
  // ("Nazirlik qaydaları təsdiqləyib. Sənədə əsasən, …").
  std::vector<Person> antecedents = people;
  for (const auto& [head, named_orgs] : orgs) {
    for (const auto& [pos, name] : named_orgs) {
      if (!quoted.overlaps(pos, pos + 1)) antecedents.push_back(Person{pos, std::string(), name});
    }
  }
  std::sort(antecedents.begin(), antecedents.end(),
            [](const Person& a, const Person& b) { return a.pos < b.pos; });

  // Speakers in order of their mentions.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    if (mentions[i].kind != MentionKind::none) order.push_back(i);
  }
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return mentions[a].pos < mentions[b].pos; });
  std::optional<std::string> last_speaker;
  std::string last_speaker_role;  // the role the last speaker was named with
  std::size_t last_speaker_pos = 0;
  std::multimap<std::size_t, std::string> named;  // speakers quoted by name, by position
  std::vector<std::size_t> pending_titles;
  for (std::size_t i : order) {
    Mention& m = mentions[i];
    // "Diplomat Çexiya şirkətlərinin …": one capitalised word after a title,
    // without a surname's ending and never part of a longer name in the
    // document, is not the person; the title is.
    // Likewise a capitalised word in a case a rule reads as a speaker
    // ("Yaxınlarının iddiasına görə": relatives, nobody named).
    if (m.kind == MentionKind::name && m.role.empty() && m.tokens.size() == 1 &&
        m.initial.empty() && case_suffixes[i] != nullptr) {
      const std::string stemmed = stem(m.tokens[0], true, case_suffixes[i]);
      if (!has_surname_ending(stemmed, lr) && names.canonical({stemmed}, "") == stemmed &&
          std::none_of(
              attested.begin(), attested.end(),
              [&](const std::string& k) { return k == stemmed || k.ends_with(" " + stemmed); }) &&
          std::none_of(people.begin(), people.end(), [&](const Person& p) {
            return p.name == stemmed || p.name.ends_with(" " + stemmed);
          })) {
        m.kind = MentionKind::none;
        out[i].mention = Range{};
      }
    }
    if (m.kind == MentionKind::name && !m.role.empty() && m.tokens.size() == 1 &&
        m.initial.empty() && !has_surname_ending(m.tokens[0], lr) &&
        names.canonical(m.tokens, m.initial) == m.tokens[0]) {
      m.kind = MentionKind::title;
      // The mention is the title alone: the word after it is where what was
      // said begins.
      if (m.shown.end - m.shown.begin > m.tokens[0].size()) {
        m.shown.end -= m.tokens[0].size();
        while (m.shown.end > m.shown.begin &&
               text::is_space(static_cast<unsigned char>(text[m.shown.end - 1]))) {
          --m.shown.end;
        }
        out[i].mention = m.shown;
      }
      m.tokens.clear();
    }
    switch (m.kind) {
      case MentionKind::pronoun: {
        if (m.role == "plural") break;
        // The last person named before the pronoun (hits are in position
        // order); a left-out subject may also be an organisation.
        const std::vector<Person>& cands = quotes[i].implicit_speaker ? antecedents : hit_people;
        auto it = std::lower_bound(cands.begin(), cands.end(), m.pos,
                                   [](const Person& p, std::size_t pos) { return p.pos < pos; });
        const Person* any = it == cands.begin() ? nullptr : &*(it - 1);
        const Person* near =
            any != nullptr && seg.sentence_at(any->pos) + 1 >= seg.sentence_at(m.pos) ? any
                                                                                      : nullptr;
        // Someone who spoke in this or the previous sentence is the subject
        // the pronoun continues ("Q.Tot qeyd edib ki, ... Füzuli ... . O
        // əlavə edib"); else the person named there; else the last speaker.
        const bool spoke_near =
            last_speaker && seg.sentence_at(last_speaker_pos) + 1 >= seg.sentence_at(m.pos);
        if (spoke_near) {
          out[i].speaker = last_speaker;
        } else if (near != nullptr) {
          out[i].speaker = near->name;
        } else if (last_speaker) {
          out[i].speaker = last_speaker;
        } else if (any != nullptr) {
          out[i].speaker = any->name;
        }
        break;
      }
      case MentionKind::name: {
        std::vector<std::string> tokens = m.tokens;
        if (const detail::Lexicon* c = case_suffixes[i])
          tokens.back() = stem(tokens.back(), true, c);
        out[i].speaker = names.canonical(tokens, m.initial);
        if (!m.role.empty()) {
          by_role[m.role].emplace(m.pos, *out[i].speaker);
          any_role.emplace(m.pos, *out[i].speaker);
        }
        named.emplace(m.pos, *out[i].speaker);
        break;
      }
      case MentionKind::title: {
        // The person last named with this title before the mention, else the
        // first one after it (a headline names the title before the body
        // names the person).
        const std::string* best = nullptr;
        // The one just quoted, when named with this title ("… bu sözləri
        // Prezident İlham Əliyev … Prezident Ərdoğan ilə … söyləyib. …
        // dövlətimizin başçısı bildirib"): the title continues the speaker.
        if (last_speaker && last_speaker_role == m.role && !m.role.empty()) best = &*last_speaker;
        if (auto r = by_role.find(m.role);
            best == nullptr && r != by_role.end() && !r->second.empty()) {
          auto it = r->second.upper_bound(m.pos);
          best = it != r->second.begin() ? &std::prev(it)->second : &r->second.begin()->second;
        }
        // A party to a case is no one else ("Prokuror" after "general X").
        if (best == nullptr && has_key(lr.party_role, m.role)) break;
        // No one was named with this title ("Klub rəhbəri" for the club's
        // "icraçı direktoru"): the last person named with any title before it.
        if (best == nullptr) {
          auto it = any_role.upper_bound(m.pos);
          if (it != any_role.begin()) {
            best = &std::prev(it)->second;
          } else if (it != any_role.end()) {
            best = &it->second;  // a headline names the title before the body names anyone
          }
        }
        // Nobody named with a title at all ("deputat qeyd edib" after
        // "Ə.Məsimli bildirib"): the person last quoted by name, else the
        // first one quoted after it (decided once all are known).
        if (best == nullptr) {
          auto it = named.upper_bound(m.pos);
          if (it != named.begin()) best = &std::prev(it)->second;
        }
        if (best != nullptr) {
          out[i].speaker = *best;
        } else {
          pending_titles.push_back(i);
        }
        break;
      }
      case MentionKind::organisation: {
        if (m.role == "*") {
          // "Qurumun açıqlamasına görə": the body named last, of any kind.
          const std::string* best = nullptr;
          std::size_t best_pos = 0;
          for (const auto& [head, named_orgs] : orgs) {
            auto it = named_orgs.upper_bound(m.pos);
            if (it != named_orgs.begin() && (best == nullptr || std::prev(it)->first > best_pos)) {
              best = &std::prev(it)->second, best_pos = std::prev(it)->first;
            }
          }
          if (best != nullptr) out[i].speaker = *best;
        } else if (!m.quoted.empty()) {
          out[i].speaker = m.quoted;
          orgs[m.role].emplace(m.pos, m.quoted);
        } else if (!m.tokens.empty()) {
          // A full name: its words and the head in its name form.
          out[i].speaker = org_name(m.tokens, m.role);
          orgs[m.role].emplace(m.pos, *out[i].speaker);
        } else if (auto o = orgs.find(m.role); o != orgs.end() && !o->second.empty()) {
          // "Nazirlik": the ministry named last (or first, when none before).
          auto it = o->second.upper_bound(m.pos);
          out[i].speaker =
              it != o->second.begin() ? std::prev(it)->second : o->second.begin()->second;
        } else if (capitalised(text.substr(m.shown.begin, m.shown.end - m.shown.begin))) {
          // "Nazirlik bildirib" with no ministry named: the mention itself.
          out[i].speaker = std::string(text.substr(m.shown.begin, m.shown.end - m.shown.begin));
        }  // a common noun ("şəhər mərkəzinə") names no one
        break;
      }
      case MentionKind::none:
        break;
    }
    // Words cited in someone else's sentence ("X, Prezidentin “…” çağırışını
    // xatırladıb. O bildirib ki, …"): their speaker is not whom a pronoun
    // after them continues.
    const bool cited = quotes[i].kind == QuoteKind::partial && case_suffixes[i] != nullptr;
    if (out[i].speaker && !cited) {
      if (out[i].speaker != last_speaker || !m.role.empty()) last_speaker_role = m.role;
      last_speaker = out[i].speaker;
      last_speaker_pos = m.pos;
    }
  }
  // Clauses that follow their speaker: the quotation starts after the
  // mention and the words that set the scene ("Modern.az-a açıqlamasında").
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    if (!quotes[i].clause_after_speaker) continue;
    if (mentions[i].kind == MentionKind::none) {
      out[i].drop = true;
      continue;
    }
    // A colon ends what the speaker did first ("özünü təqsirli bilib: O,
    // … bıçaqladığını deyib"): what was said starts after it, past a
    // pronoun that takes the subject up again.
    std::size_t from = std::max(mentions[i].shown.end, quotes[i].text.begin);
    const std::size_t colon = text.substr(from, quotes[i].text.end - from).rfind(':');
    if (colon != std::string_view::npos) from += colon + 1;
    std::vector<Token> after = tokens_of(text, Range{from, quotes[i].text.end}, lr.lang);
    if (colon != std::string_view::npos && after.size() > 1 && has_key(lr.pronoun, after[0].key)) {
      after.erase(after.begin());
    }
    std::size_t k = 0;
    // A question answered ends the setting wherever it stands ("… barədə
    // suala cavabında bu məsələnin müzakirə edilmədiyini"): the pack's
    // setting_end words. So does a clause of its own before a comma ("…
    // olduğunu deyib, onun bəraət almasını xahiş edib", "… istəsə də, …"): the
    // pack's clause_break words.
    for (std::size_t j = after.size(); j-- > 1;) {
      if (has_key(lr.setting_end, after[j - 1].key) ||
          (has_key(lr.clause_break, after[j - 1].key) &&
           text.substr(after[j - 1].end, after[j].begin - after[j - 1].end).find(',') !=
               std::string_view::npos)) {
        k = j;
        break;
      }
    }
    while (k + 1 < after.size() && (has_key(lr.speech_setting, after[k].key) ||
                                    (capitalised(after[k].s) && !name_word(after[k].s)))) {
      // "bu gün …" sets the scene, "bu məsələdən …" is what was said.
      if (has_key(lr.setting_determiner, after[k].key) &&
          !has_key(lr.speech_setting, after[k + 1].key)) {
        break;
      }
      ++k;
    }
    if (k >= after.size()) {
      out[i].drop = true;
      continue;
    }
    out[i].text = Range{after[k].begin, quotes[i].text.end};
  }
  for (std::size_t i : pending_titles) {
    auto it = named.upper_bound(mentions[i].pos);
    if (it != named.end()) out[i].speaker = it->second;
  }
  canonical_organisations(text, starts, lr, orgs, &out);
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    int p = quotes[i].inherit;
    // A chain of continuations ends at an attributed quote.
    for (int guard = 0; p >= 0 && quotes[static_cast<std::size_t>(p)].speaker.empty() && guard < 64;
         ++guard) {
      p = quotes[static_cast<std::size_t>(p)].inherit;
    }
    if (p >= 0 && quotes[i].speaker.empty()) {
      out[i].speaker = out[static_cast<std::size_t>(p)].speaker;
      out[i].mention = out[static_cast<std::size_t>(p)].mention;
    }
  }
  credit_repeated_quotes(text, quotes, lr, &out);
  return out;
}

}  // namespace quotex::resolve
