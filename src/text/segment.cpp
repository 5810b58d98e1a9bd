#include "text/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <map>
#include <memory>

#include "text/utf8.hpp"

namespace quotex::text {

namespace {

// One sentence iterator per thread and language: creating one costs far more
// than using it.
icu::BreakIterator* sentence_iterator(std::string_view lang) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> cache;
  auto it = cache.find(lang);
  if (it != cache.end()) return it->second.get();
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale(std::string(lang).c_str()), err));
  if (U_FAILURE(err)) bi.reset();
  icu::BreakIterator* raw = bi.get();
  cache.emplace(std::string(lang), std::move(bi));
  return raw;
}

std::size_t index_at(const std::vector<Span>& spans, std::size_t i) {
  auto it = std::upper_bound(spans.begin(), spans.end(), i,
                             [](std::size_t v, const Span& s) { return v < s.begin; });
  if (it == spans.begin()) return 0;
  return static_cast<std::size_t>(it - spans.begin()) - 1;
}

void push_capped(std::vector<Span>& out, std::string_view text, std::size_t b, std::size_t e,
                 std::size_t max) {
  while (e - b > max) {
    std::size_t cut = b + max;
    std::size_t sp = text.rfind(' ', cut);
    if (sp != std::string_view::npos && sp > b + max / 2) cut = sp + 1;
    // Never cut inside a UTF-8 sequence.
    cut = std::max(b + 1, align_to_char(text, cut));
    out.push_back(Span{b, cut});
    b = cut;
  }
  if (e > b) out.push_back(Span{b, e});
}

// ICU ends a sentence at "O. Zeynalov": an initial is a capital letter
// alone before a period, with a capital after it on the same line. (A
// one-letter word that ends a sentence is rare in news; a cut name is
// common.)
bool ends_at_initial(std::string_view text, std::size_t end) {
  std::size_t i = end;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i == end || i < 2 || text[i - 1] != '.') return false;
  const std::size_t letter = align_to_char(text, i - 2);
  if (u_isupper(static_cast<UChar32>(code_point_at(text, letter))) == 0) return false;
  if (u_isalnum(static_cast<UChar32>(code_point_before(text, letter))) != 0) return false;
  return end < text.size() && u_isupper(static_cast<UChar32>(code_point_at(text, end))) != 0;
}

}  // namespace

std::size_t Segments::sentence_at(std::size_t i) const {
  return index_at(sentences, i);
}
std::size_t Segments::paragraph_at(std::size_t i) const {
  return index_at(paragraphs, i);
}

Segments segment(std::string_view text, std::string_view lang, std::size_t max_sentence) {
  Segments seg;
  // Paragraphs: line breaks split them.
  std::size_t b = 0;
  while (b < text.size()) {
    std::size_t nl = text.find('\n', b);
    std::size_t e = nl == std::string_view::npos ? text.size() : nl + 1;
    seg.paragraphs.push_back(Span{b, e});
    b = e;
  }
  if (text.empty()) return seg;

  icu::BreakIterator* bi = sentence_iterator(lang);
  UErrorCode err = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &err);
  if (bi == nullptr || U_FAILURE(err)) {
    for (const Span& p : seg.paragraphs)
      push_capped(seg.sentences, text, p.begin, p.end, max_sentence);
    utext_close(ut);
    return seg;
  }
  bi->setText(ut, err);
  std::size_t start = 0;
  for (int32_t pos = bi->next(); pos != icu::BreakIterator::DONE; pos = bi->next()) {
    const std::size_t end = static_cast<std::size_t>(pos);
    // ICU makes a blank line between paragraphs a sentence of its own; it
    // belongs to the sentence before.
    if (!seg.sentences.empty() && trim(text.substr(start, end - start)).empty()) {
      seg.sentences.back().end = end;
    } else if (ends_at_initial(text, end)) {
      continue;  // the sentence goes on from `start`
    } else {
      push_capped(seg.sentences, text, start, end, max_sentence);
    }
    start = end;
  }
  if (start < text.size()) push_capped(seg.sentences, text, start, text.size(), max_sentence);
  // Leave no dangling reference to the text in the cached iterator.
  static const char kEmpty[] = "";
  UText* empty = utext_openUTF8(nullptr, kEmpty, 0, &err);
  bi->setText(empty, err);
  utext_close(ut);
  utext_close(empty);
  return seg;
}

}  // namespace quotex::text
