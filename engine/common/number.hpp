#pragma once
// A number as a builder reads it in a message: 6.8, 250, 0.5 (its shortest form).
#include <sstream>
#include <string>

namespace rigfit {

inline std::string shortNumber(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

} // namespace rigfit
