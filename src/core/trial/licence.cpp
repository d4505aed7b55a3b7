#include "licence.hpp"

#include <nlohmann/json.hpp>

#include "json_read.hpp"

namespace pb {

std::optional<std::string> decode_base64url(std::string_view s) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
  };
  if (s.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(s.size() * 3 / 4);
  std::uint32_t bits = 0;
  int count = 0;
  for (char c : s) {
    const int v = value(c);
    if (v < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<std::uint32_t>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xff));
    }
  }
  return out;
}

namespace {

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

LicenceKey refuse(std::string why) {
  LicenceKey k;
  k.error = std::move(why);
  return k;
}

}  // namespace

LicenceKey read_licence_key(std::string_view text) {
  const std::string_view key = trim(text);
  if (key.empty()) return refuse("The licence key is empty.");
  if (key.size() > kLicenceKeyMaxBytes) return refuse("This is not a Pipeboard licence key: it is too long.");
  const auto dot = key.find('.');
  if (dot == std::string_view::npos || key.find('.', dot + 1) != std::string_view::npos)
    return refuse("This is not a Pipeboard licence key: it should be two parts joined by a dot.");
  const std::string_view payload_text = key.substr(0, dot), signature_text = key.substr(dot + 1);
  const auto payload = decode_base64url(payload_text);
  const auto signature = decode_base64url(signature_text);
  if (!payload || !signature || payload_text.empty())
    return refuse("This is not a Pipeboard licence key: it holds characters a key never has. Check it was copied whole.");
  if (signature->size() != 64) return refuse("The licence key's signature is damaged: check the key was copied whole.");

  const auto j = nlohmann::json::parse(*payload, nullptr, false);
  if (!j.is_object()) return refuse("The licence key is damaged: its details cannot be read.");
  Issues issues;
  LicenceKey k;
  const JsonPath root;
  reject_unknown_keys(j, {"licensee", "seats", "expires"}, root, issues);
  read_string(j, "licensee", k.licence.licensee, root, issues, Need::Required, 200);
  read_int(j, "seats", k.licence.seats, root, issues, Need::Required, 1, 100'000);
  std::string expires;
  if (read_string(j, "expires", expires, root, issues, Need::Required, 10)) {
    if (const auto d = parse_date(expires)) k.licence.expires = *d;
    else issues.add(root / "expires", "expected a date YYYY-MM-DD");
  }
  if (issues.ok() && k.licence.licensee.empty()) issues.add(root / "licensee", "is empty");
  if (!issues.ok()) return refuse("The licence key is damaged: " + issues.list().front().str());
  k.ok = true;
  k.signed_text = std::string(payload_text);
  k.signature.assign(signature->begin(), signature->end());
  return k;
}

bool licence_valid_on(const Licence& l, Timestamp now) { return date_of(now) <= l.expires; }

std::string licence_text(const Licence& l) {
  return "Licensed to " + l.licensee + " \xC2\xB7 " + std::to_string(l.seats) + (l.seats == 1 ? " seat" : " seats") +
         " \xC2\xB7 until " + format_date(l.expires);
}

}  // namespace pb
