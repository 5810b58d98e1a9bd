// A set of disjoint half-open intervals with logarithmic overlap tests, so
// that resolving the hits of a very large document stays n log n.
#pragma once

#include <cstddef>
#include <iterator>
#include <map>

namespace quotex::util {

class Intervals {
 public:
  // Does [b, e) overlap an interval already in the set?
  bool overlaps(std::size_t b, std::size_t e) const {
    auto it = by_begin_.lower_bound(e);  // first interval starting at or after e
    if (it == by_begin_.begin()) return false;
    --it;  // the last interval starting before e
    return it->second > b;
  }
  // The end of the last interval that starts before e (0 when none does).
  std::size_t last_end_before(std::size_t e) const {
    auto it = by_begin_.lower_bound(e);
    return it == by_begin_.begin() ? 0 : std::prev(it)->second;
  }
  // Adds [b, e); the caller keeps the set disjoint (checks overlaps first).
  void add(std::size_t b, std::size_t e) { by_begin_.emplace(b, e); }

 private:
  std::map<std::size_t, std::size_t> by_begin_;
};

}  // namespace quotex::util
