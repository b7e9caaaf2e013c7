// libFuzzer: any bytes as a part file. The reader either gives a part (with its solids and
// mounts built) or an Error naming a field; it never crashes, hangs or leaks.
#include "catalog/part_json.hpp"
#include "common/json_in.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  rigfit::Result<nlohmann::json> j = rigfit::parseJsonText(text, "fuzz.json");
  if (!j) return 0;
  rigfit::Result<rigfit::Part> p = rigfit::parsePart(*j, "fuzz.json");
  if (p) (void)rigfit::bodyBounds(p->solids);
  return 0;
}
