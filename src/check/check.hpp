// quotex check: is each quote of a draft what its source says (SPEC §5)?
//
// Sources are tokenized once into folded words (NFC, case with the
// language's rules, hyphens and dashes, quote marks and punctuation
// dropped) and indexed by word; a quote's words vote for the source
// sentences that hold them, and the best few are aligned word by word
// against the quote. The verdict comes from that alignment:
//
//   verbatim   the quote's words are whole units of the source (a unit ends
//              at a sentence end, a quote mark or a colon);
//   truncated  a contiguous part of a unit, the rest of it holding no
//              negation and no number;
//   elided     parts joined by "…" in the draft, each contiguous in the
//              source, in order, close together; what is left out holds no
//              negation and no number;
//   altered    words changed, added, dropped or reordered, or a cut that
//              drops a negation or a number;
//   not_found  no passage shares enough words;
//   other_language  not found, and the closest source is in another
//              language (a translation, not verifiable word for word).
//
// Nothing here depends on a language but the folding of case and the short
// negation lists (kNegations in check.cpp).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quotex/document.hpp"
#include "quotex/extractor.hpp"
#include "quotex/record.hpp"

namespace quotex::check {

// One word of a text: its folded key and where it stands in the original.
struct Token {
  std::string key;
  std::uint64_t hash = 0;            // of key
  std::uint32_t begin = 0, end = 0;  // original byte offsets
  bool negation = false;
  bool number = false;  // holds a digit
};

struct Tokenized {
  std::vector<Token> tokens;
  // unit_start[i]: token i begins a unit (a sentence, or a stretch after a
  // quote mark or a colon); unit_end[i]: token i ends one.
  std::vector<bool> unit_start, unit_end;
  // ellipsis_before[i]: an ellipsis mark ("…", "...", "[…]") stands between
  // token i-1 and token i (i == tokens.size(): after the last).
  std::vector<bool> ellipsis_before;
  // comma_dash_before[i]: ", -" (any dash) stands before token i: where a
  // writer's attribution opens or closes inside a quotation.
  std::vector<bool> comma_dash_before;
};

// Splits the original bytes into words. `lang` decides case folding (az,
// tr and kk fold I to ı). Offsets point into `original`.
Tokenized tokenize(std::string_view original, std::string_view lang);

enum class Verdict { verbatim, truncated, elided, altered, not_found, other_language };
std::string_view to_string(Verdict v);
std::optional<Verdict> parse_verdict(std::string_view s);

// A source document as the index holds it.
struct Source {
  std::string id;
  std::string text;  // original bytes
  std::string lang;
  Tokenized words;
};

struct Citation {
  Record quote;  // the draft's quote record (doc, text, offsets, speaker...)
  Verdict verdict = Verdict::not_found;
  double similarity = 0;                         // 2·matched words / (quote words + passage words)
  const Source* source = nullptr;                // the closest passage's source, if any
  std::size_t source_start = 0, source_end = 0;  // its byte offsets there
  std::size_t source_line = 0, source_col = 0;   // and where it starts (col in code points)
  // Word-level diff of passage against quote, `git diff --word-diff` style:
  // "[-source words-]{+draft words+}"; empty when nothing differs.
  std::string diff;
  std::string reason;  // why a cut counts as altered ("drops a negation: not")
  std::optional<std::string> source_speaker;
  bool speaker_mismatch = false;
};

// Where to find the speaker of a source passage: the extractor's quote
// records of a source, asked for once per source that a quote lands in.
using SourceQuotes = std::vector<Record>;
using SpeakerLookup = std::function<const SourceQuotes&(const Source&)>;

class Index {
 public:
  Index();
  ~Index();
  Index(Index&&) noexcept;
  Index& operator=(Index&&) noexcept;

  // Adds a source document; call build() once all are in.
  void add(std::string id, std::string text, std::string lang);
  void build();

  std::size_t size() const;
  const Source& source(std::size_t i) const;

  // The verdict for one quote record of a draft.
  Citation check(const Record& quote, const SpeakerLookup& speakers) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The whole of check: sources in, a draft's citations out. Drafts and
// sources go through the extractor: a draft's quotations (direct and
// partial) are checked, a source's quote records give the speaker of the
// passage a quote lands in (extracted when a quote first lands there).
class Checker {
 public:
  // options apply to drafts (--lang among them); sources are detected.
  Checker(std::shared_ptr<const RuleSet> rules, ExtractOptions options);

  void add_source(Document doc);
  // Call once, after the last add_source and before the first check.
  void build();
  std::vector<Citation> check(const Document& draft);

  const Index& index() const { return index_; }
  // The quotations of a draft with a speaker (for --consistency).
  std::vector<Record> quotations(const Document& draft) const;

 private:
  Extractor drafts_, sources_;
  Index index_;
  std::map<const Source*, SourceQuotes> source_quotes_;
};

// Whether two canonical names name one person: equal folded, or one's words
// all among the other's ("Həsənov" and "Əli Həsənov").
bool same_person(std::string_view a, std::string_view b, std::string_view lang);

// One JSON object (type "citation", SPEC §2), no newline.
std::string to_json(const Citation& c);
// A readable report entry for a terminal (ANSI colours when color).
std::string to_text(const Citation& c, bool color);

// --consistency: quotes given to one speaker that render one statement in
// different words.
struct RenderingGroup {
  std::string speaker;
  double similarity = 0;  // the weakest link that joins the group
  std::vector<Record> members;
};
// Speakers are joined by same_person; two quotes are renderings of one
// statement when their word stems overlap enough (rare stems weigh more),
// their numbers do not disagree, and neither is a repeat or a piece of the
// other. Groups are the connected pairs.
std::vector<RenderingGroup> find_renderings(const std::vector<Record>& quotes);
std::string to_json(const RenderingGroup& g);
std::string to_text(const RenderingGroup& g, bool color);

}  // namespace quotex::check
