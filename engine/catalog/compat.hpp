#pragma once
// Whether a part may sit in a mount: the rules builders know by name (form factor on the tray,
// socket, slot width, memory type, M.2 key and length, PSU form factor).
#include "catalog/part.hpp"

#include <string>

namespace rigfit {

// "" when `child` may sit in `mount`, otherwise the reason in a builder's words.
std::string incompatibility(const Part& child, const Mount& mount);

} // namespace rigfit
