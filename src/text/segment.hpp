// Segmentation into sentences and paragraphs (ICU BreakIterator over the
// UTF-8 text directly, no UTF-16 copy). Sentences are the units the rules
// run over and the windows attribution looks in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace quotex::text {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;  // exclusive
  bool contains(std::size_t i) const { return i >= begin && i < end; }
};

struct Segments {
  std::vector<Span> sentences;   // cover the text, in order
  std::vector<Span> paragraphs;  // split at line breaks, in order

  // Index of the sentence / paragraph holding offset i (the last one for i == size).
  std::size_t sentence_at(std::size_t i) const;
  std::size_t paragraph_at(std::size_t i) const;
};

// Sentences longer than max_sentence bytes are cut (at a space when one is
// near) so that no single unit grows without bound.
Segments segment(std::string_view text, std::string_view lang, std::size_t max_sentence = 8192);

}  // namespace quotex::text
