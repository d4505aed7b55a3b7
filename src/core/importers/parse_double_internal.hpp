// A whole string as a finite double, for the importers: strtod on a terminated copy, because
// Emscripten's libc++ (clang 14) has no floating-point std::from_chars. The C locale's point
// (nothing here calls setlocale).
#pragma once
#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>

namespace pb::importer_detail {

inline bool parse_double(std::string_view text, double& out) {
  if (text.empty() || text.size() > 400 || std::isspace(static_cast<unsigned char>(text[0]))) return false;
  const std::string s(text);
  char* end = nullptr;
  const double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(d)) return false;
  out = d;
  return true;
}

}  // namespace pb::importer_detail
