// Text-level mutations (mutations.hpp): edits that a file damaged, hand-edited or written by
// another tool might carry, placed where they matter (keys, values, numbers, strings).
#include <cctype>
#include <vector>

#include "mutations.hpp"

namespace pb::test {
namespace {

using namespace std::string_view_literals;

struct Span {
  std::size_t begin, end;
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Past the closing quote of the string starting at i (or the end of the text).
std::size_t string_end(std::string_view t, std::size_t i) {
  for (++i; i < t.size(); ++i) {
    if (t[i] == '\\') ++i;
    else if (t[i] == '"') return i + 1;
  }
  return t.size();
}

// Past the value starting at i: a string, a bracketed value (brackets counted) or a literal.
std::size_t value_end(std::string_view t, std::size_t i) {
  if (i < t.size() && t[i] == '"') return string_end(t, i);
  if (i < t.size() && (t[i] == '{' || t[i] == '[')) {
    int depth = 0;
    while (i < t.size()) {
      const char c = t[i];
      if (c == '"') {
        i = string_end(t, i);
        continue;
      }
      ++i;
      if (c == '{' || c == '[') ++depth;
      else if ((c == '}' || c == ']') && --depth == 0) break;
    }
    return i;
  }
  while (i < t.size() && (std::isalnum(static_cast<unsigned char>(t[i])) || t[i] == '-' || t[i] == '+' || t[i] == '.')) ++i;
  return i;
}

// Where the edits go: member keys, other strings, values after a colon, and numbers among those.
struct Tokens {
  std::vector<Span> keys, strings, values, numbers;
};

Tokens tokens_of(std::string_view t) {
  Tokens out;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] == '"') {
      const std::size_t end = string_end(t, i);
      std::size_t j = end;
      while (j < t.size() && is_space(t[j])) ++j;
      (j < t.size() && t[j] == ':' ? out.keys : out.strings).push_back({i, end});
      i = end;
      continue;
    }
    if (t[i] == ':') {
      std::size_t j = i + 1;
      while (j < t.size() && is_space(t[j])) ++j;
      const Span v{j, value_end(t, j)};
      out.values.push_back(v);
      if (j < t.size() && (t[j] == '-' || std::isdigit(static_cast<unsigned char>(t[j])))) out.numbers.push_back(v);
    }
    ++i;
  }
  return out;
}

// Snippets for inserted and replaced bytes: JSON's punctuation, NUL, controls, bad UTF-8.
constexpr std::string_view kBytes[] = {"{", "}", "[", "]", ":", ",", "\"", "\\", " ", "0", "-", "e", ".", "a",
                                       "\0"sv, "\x01", "\x7f", "\x80", "\xff", "\xc3", "\xc3\xa9", "null", ",\"x\":1",
                                       "\"\"", "\t", "\n"};
// A value of each JSON type, and a few the reader gives meaning to.
constexpr std::string_view kLiterals[] = {"null", "true", "false", "0", "-1", "1.5", "\"\"", "\"x\"", "[]", "{}",
                                          "[1,2]", "{\"a\":1}", "\"2026-01-01\"", "\"2026-01-01T00:00:00Z\"",
                                          "{\"amount\":1,\"currency\":\"EUR\"}", "\"open\"", "\"EUR\""};
constexpr std::string_view kNumbers[] = {
    "-0", "0", "-0.0", "0.0", "1e400", "-1e400", "1e-400", "4.9e-324", "1.7976931348623157e308",
    "18446744073709551615", "18446744073709551616", "9223372036854775807", "9223372036854775808",
    "-9223372036854775808", "-9223372036854775809", "1000000000000", "-1000000000000", "1000000000001",
    "9999999999999", "10000000000000", "123456789012345678901234567890", "0.1", "1E2", "1e+2", "2.50", "7",
    "00", "01", "1.", ".5", "+1", "-", "0x10", "NaN", "Infinity", "1_000", "3.0e20", "1e15", "-17"};
// Inside a string: escapes valid and not, raw UTF-8 valid and not, raw controls.
constexpr std::string_view kInString[] = {
    "\\u00e9", "\\u00E9", "\\ud83d\\ude00", "\\ud83d", "\\udc00", "\\ud83dx", "\\ud83d\\u0041", "\\u0000", "\\u001f",
    "\\u002f", "\\/", "\\\"", "\\\\", "\\b\\f\\n\\r\\t", "\\x41", "\\u12", "\\U0041", "\\", "\xc3\xa9",
    "\xf0\x9f\x98\x80", "\xe2\x80\xa8", "\xef\xbf\xbf", "\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
    "\xff", "\x7f", "\x1f", "\t", "\0"sv};
// Whitespace between tokens: JSON's four, and some that are not JSON whitespace.
constexpr std::string_view kSpaces[] = {" ", "\n", "\t", "\r\n", "  \n\t ", "\f", "\v", "\xc2\xa0", "\xef\xbb\xbf"};

std::size_t nesting_depth(Rng& rng) {
  return rng.percent(50) ? 55 + rng.below(15) : 1 + rng.below(70);  // around the limit of 64, often
}

std::string nested(Rng& rng) {
  const std::size_t depth = nesting_depth(rng);
  std::string s;
  const bool arrays = rng.percent(50);
  for (std::size_t i = 0; i < depth; ++i) s += arrays ? "[" : "{\"a\":";
  s += arrays ? "" : "1";
  for (std::size_t i = 0; i < depth; ++i) s += arrays ? ']' : '}';
  return s;
}

Span pick_span(const std::vector<Span>& spans, Rng& rng, std::size_t size) {
  return spans.empty() ? Span{size / 2, size / 2} : spans[rng.below(spans.size())];
}

Mutation replace(std::string text, Span s, std::string_view with, std::string kind) {
  text.replace(s.begin, s.end - s.begin, with);
  return {std::move(text), std::move(kind), s.begin};
}

// A character of a string replaced by its \u escape, which means the same: both readers must accept.
Mutation escape_in_place(const std::string& text, Span s, Rng& rng) {
  if (s.end - s.begin < 3) return {text, "escape in place (string too short)", s.begin};
  const std::size_t at = s.begin + 1 + rng.below(s.end - s.begin - 2);
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x20 || c >= 0x7f || c == '\\' || c == '"' || text[at - 1] == '\\')
    return {text, "escape in place (not a plain character)", at};
  static constexpr char kHex[] = "0123456789abcdef";
  const std::string escape = std::string("\\u00") + kHex[c >> 4] + kHex[c & 15];
  return replace(text, {at, at + 1}, escape, "escape in place");
}

}  // namespace

std::string minified(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t next = text[i] == '"' ? string_end(text, i) : i + 1;
    if (!is_space(text[i])) out.append(text.substr(i, next - i));
    i = next;
  }
  return out;
}

// Never two draws in one call's arguments: GCC and clang evaluate those in different orders, and a
// seed must give the same mutation natively and in wasm.
Mutation mutate_text(const std::string& text, Rng& rng) {
  const Tokens t = tokens_of(text);
  const std::size_t size = text.size();
  const std::size_t at = rng.below(size + 1);
  switch (rng.below(12)) {
    case 0: {
      const std::size_t n = rng.percent(80) ? 1 + rng.below(8) : 1 + rng.below(64);
      return replace(text, {at, std::min(size, at + n)}, "", "delete bytes");
    }
    case 1: return replace(text, {at, at}, rng.pick(kBytes), "insert bytes");
    case 2: return replace(text, {at, std::min(size, at + 1)}, rng.pick(kBytes), "replace a byte");
    case 3: return {text.substr(0, at), "truncate", at};
    case 4: {  // a key again, before (the DOM keeps the original, last) or after (the DOM keeps the copy)
      const Span key = pick_span(t.keys, rng, size);
      std::size_t colon = key.end;
      while (colon < size && text[colon] != ':') ++colon;
      std::size_t v = colon + 1;
      while (v < size && is_space(text[v])) ++v;
      const std::string own = text.substr(v, value_end(text, v) - v);
      const std::string value = rng.percent(40) ? own : std::string(rng.pick(kLiterals));
      const std::string member = text.substr(key.begin, key.end - key.begin) + ":" + value;
      if (rng.percent(50)) return replace(text, {key.begin, key.begin}, member + ",", "repeat a key before");
      const std::size_t after = value_end(text, v);
      return replace(text, {after, after}, "," + member, "repeat a key after");
    }
    case 5: {
      const Span value = pick_span(t.values, rng, size);
      return replace(text, value, rng.pick(kLiterals), "a value of another type");
    }
    case 6: {
      const Span number = pick_span(t.numbers.empty() ? t.values : t.numbers, rng, size);
      return replace(text, number, rng.pick(kNumbers), "another number");
    }
    case 7:
    case 8: {
      const Span s = pick_span(rng.percent(30) ? t.keys : t.strings, rng, size);
      if (rng.percent(40)) return escape_in_place(text, s, rng);
      const std::size_t in = s.end - s.begin < 2 ? s.begin : s.begin + 1 + rng.below(s.end - s.begin - 1);
      return replace(text, {in, in}, rng.pick(kInString), "in a string");
    }
    case 9: {
      const Span value = pick_span(t.values, rng, size);
      return replace(text, value, nested(rng), "deep nesting");
    }
    case 10: {  // after a structural character, or at the very start (a byte order mark there)
      std::size_t p = at;
      while (p > 0 && std::string_view("{}[]:,").find(text[p - 1]) == std::string_view::npos) --p;
      return replace(text, {p, p}, rng.pick(kSpaces), "whitespace");
    }
    default: {  // two values swapped: each in the other's place
      const Span a = pick_span(t.values, rng, size), b = pick_span(t.values, rng, size);
      if (a.begin == b.begin || (a.begin < b.end && b.begin < a.end)) return {text, "swap values (the same)", a.begin};
      const Span first = a.begin < b.begin ? a : b, second = a.begin < b.begin ? b : a;
      std::string out = text.substr(0, first.begin) + text.substr(second.begin, second.end - second.begin) +
                        text.substr(first.end, second.begin - first.end) +
                        text.substr(first.begin, first.end - first.begin) + text.substr(second.end);
      return {std::move(out), "swap two values", first.begin};
    }
  }
}

}  // namespace pb::test
