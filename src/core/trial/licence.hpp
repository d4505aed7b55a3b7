// A licence key: "<payload>.<signature>", both base64url without padding. The payload is the UTF-8
// JSON {"licensee", "seats", "expires"}; the signature is ECDSA P-256 with SHA-256 over the
// payload's base64url text, as the 64 bytes r || s (WebCrypto's form). This file reads the key's
// fields; the page checks the signature with WebCrypto against the public key built into the app
// (web/lib_licence.js), and tools/mint-licence.mjs makes keys.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "time.hpp"

namespace pb {

struct Licence {
  std::string licensee;
  int seats = 1;
  Date expires;  // valid through the end of this UTC day
  bool operator==(const Licence&) const = default;
};

inline constexpr std::size_t kLicenceKeyMaxBytes = 4096;

struct LicenceKey {
  bool ok = false;
  std::string error;  // why the key is refused, in plain words
  Licence licence;
  std::string signed_text;            // what the signature covers: the payload's base64url text
  std::vector<std::uint8_t> signature;  // 64 bytes
};

// Reads a key's form and fields (not its signature). Surrounding white space is ignored.
LicenceKey read_licence_key(std::string_view key);
// Whether the licence is valid on `now`'s day.
bool licence_valid_on(const Licence& l, Timestamp now);
// "Licensed to Acme Ltd · 5 seats · until 2027-12-31"
std::string licence_text(const Licence& l);

// base64url (RFC 4648 §5, no padding): empty optional on a character outside the alphabet or a
// length that cannot be base64.
std::optional<std::string> decode_base64url(std::string_view s);

}  // namespace pb
