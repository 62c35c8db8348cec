// SHA-256 of the input bytes through nettle (Debian's nettle-dev), so the record names
// exactly which file it came from. nettle rather than OpenSSL's libcrypto: it loads in a
// tenth of the time and needs no provider set up, which on a one-page report was a tenth
// of kreport's run (0.5 ms to load, 0.8 ms to initialise, per process).
#include <nettle/sha2.h>

#include "kreport/load.h"

namespace kreport {

std::string sha256_hex(std::string_view bytes) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, sizeof digest, digest);
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(2 * sizeof digest);
  for (uint8_t b : digest) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

}  // namespace kreport
