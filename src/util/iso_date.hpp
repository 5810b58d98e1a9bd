// Calendar checks shared by the command line, the reader and the resolver.
#pragma once

#include <string_view>

namespace quotex::util {

inline bool leap_year(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Days in month m (1-12) of year y.
inline int days_in_month(int y, int m) {
  static constexpr int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap_year(y) ? 29 : d[m - 1];
}

// "YYYY-MM-DD" naming a real day of years 1-9999: "2025-02-30",
// "0000-00-00" and "abcd-ef-gh" are not.
inline bool valid_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int v[3] = {0, 0, 0};
  const int from[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < len[k]; ++i) {
      const char c = s[static_cast<std::size_t>(from[k] + i)];
      if (c < '0' || c > '9') return false;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  return v[0] >= 1 && v[1] >= 1 && v[1] <= 12 && v[2] >= 1 && v[2] <= days_in_month(v[0], v[1]);
}

}  // namespace quotex::util
