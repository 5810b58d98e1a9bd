// Pairing quote marks (SPEC §1 resolve): nested, unbalanced and
// multi-paragraph quotations, with every span capped in length.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "rules/model.hpp"
#include "text/segment.hpp"

namespace quotex::resolve {

struct QuoteSpan {
  std::size_t open = 0;  // offset of the opening mark
  std::size_t inner_begin = 0;
  std::size_t inner_end = 0;  // offset of the closing mark
  std::size_t close_end = 0;  // just past the closing mark
  int depth = 0;              // 0 for a top-level quotation
};

// Pairs the marks of `pairs` in the normalised text. Marks that cannot be
// paired are ignored; a quote longer than max_bytes or one left open at the
// end of a paragraph (unless the next paragraph opens with the same mark,
// the convention for quotes running over paragraphs) yields nothing.
// Nesting deeper than max_depth is ignored. Result sorted by `open`.
std::vector<QuoteSpan> pair_quotes(std::string_view text,
                                   const std::vector<detail::QuotePair>& pairs,
                                   const text::Segments& seg, std::size_t max_bytes,
                                   std::size_t max_depth = 16);

}  // namespace quotex::resolve
