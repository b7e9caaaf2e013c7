#pragma once
// Whether a part may sit in a mount: the rules builders know by name (form factor on the tray,
// socket, slot width, memory type, M.2 key and length, PSU form factor).
#include "catalog/part.hpp"

#include <string>

namespace rigfit {

// "" when `child` is the kind of part `mount` holds (a card in a PCIe slot, a PSU in a bay),
// otherwise why not. A build that puts a part on a mount of another kind cannot be understood.
std::string wrongMountKind(const Part& child, const Mount& mount);

// "" when `child` may sit in `mount`, otherwise the reason in a builder's words: the wrong kind
// of mount, or the right kind that does not take this part (an SFX-L PSU in an SFX-only bay,
// an ATX board in a Mini-ITX case). The second is a verdict, "does not fit", not bad input.
std::string incompatibility(const Part& child, const Mount& mount);

} // namespace rigfit
