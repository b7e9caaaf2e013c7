#include "common/gzip.hpp"

#include <algorithm>
#include <zlib.h>

namespace rigfit {

Result<std::string> gunzip(const std::string& compressed, const std::string& file,
                           std::size_t maxBytes) {
  z_stream z{};
  // 16 + MAX_WBITS: a gzip header and trailer, checked (zlib's manual, inflateInit2).
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return Error{file, "", "cannot start inflating"};
  std::string out;
  std::size_t in = 0;
  int rc = Z_OK;
  char buffer[1 << 16];
  while (true) {
    if (z.avail_in == 0 && in < compressed.size()) {
      std::size_t chunk = std::min<std::size_t>(compressed.size() - in, 1u << 30);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + in));
      z.avail_in = static_cast<uInt>(chunk);
      in += chunk;
    }
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
    if (out.size() > maxBytes) {
      inflateEnd(&z);
      return Error{file, "",
                   "inflates to more than " + std::to_string(maxBytes >> 20) + " MiB: refused"};
    }
    if (rc == Z_STREAM_END) {
      // Another member may follow (gzip files may be concatenated).
      if (z.avail_in == 0 && in >= compressed.size()) break;
      if (inflateReset(&z) != Z_OK) break;
      continue;
    }
    if (rc == Z_BUF_ERROR && z.avail_in == 0 && in >= compressed.size()) {
      inflateEnd(&z);
      return Error{file, "", "is truncated (the compressed data ends early)"};
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      std::string why = z.msg ? z.msg : "corrupt data";
      inflateEnd(&z);
      return Error{file, "", "is not readable gzip data: " + why};
    }
  }
  inflateEnd(&z);
  return out;
}

} // namespace rigfit
