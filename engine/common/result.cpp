#include "common/result.hpp"

namespace rigfit {

std::string Error::message() const {
  std::string out;
  for (const std::string* part : {&file, &field}) {
    if (part->empty()) continue;
    out += *part;
    out += ": ";
  }
  out += reason;
  return out;
}

} // namespace rigfit
