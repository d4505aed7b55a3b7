#include "json_read.hpp"

namespace pb {

std::string JsonPath::str() const {
  if (!parent_) return "";
  std::string out = parent_->str() + '/';
  if (is_index_) return out + std::to_string(index_);
  // Keys come from untrusted documents: a 50 MB key must not become a 50 MB message.
  const std::string key = excerpt(key_, 100);
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

void Issues::add(const JsonPath& path, std::string message) {
  if (list_.size() < limit_) list_.push_back({path.str(), std::move(message)});
  ++count_;
}

void Issues::add(std::string path, std::string message) {
  if (list_.size() < limit_) list_.push_back({std::move(path), std::move(message)});
  ++count_;
}

std::string Issues::summary() const {
  if (list_.empty()) return "";
  std::string s = list_.front().str();
  if (count_ > 1) s += " (and " + std::to_string(count_ - 1) + " more)";
  return s;
}

std::string describe_type(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    case json::value_t::number_float: return "a number";
    default: return "an unsupported value";
  }
}

bool expect_object(const json& v, const JsonPath& p, Issues& issues) {
  if (v.is_object()) return true;
  issues.add(p, "expected an object, got " + describe_type(v));
  return false;
}

bool expect_array(const json& v, const JsonPath& p, Issues& issues) {
  if (v.is_array()) return true;
  issues.add(p, "expected an array, got " + describe_type(v));
  return false;
}

void reject_unknown_keys(const json& obj, bool (*known)(std::string_view key), const JsonPath& p, Issues& issues) {
  for (auto it = obj.begin(); it != obj.end(); ++it)
    if (!known(it.key())) issues.add(p / it.key(), "unknown field");
}

void reject_unknown_keys(const json& obj, std::initializer_list<std::string_view> known, const JsonPath& p,
                         Issues& issues) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool found = false;
    for (auto k : known) found = found || k == it.key();
    if (!found) issues.add(p / it.key(), "unknown field");
  }
}

namespace {
// Returns the member or nullptr; reports a missing required key.
const json* member(const json& obj, std::string_view key, const JsonPath& p, Issues& issues, Need need) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (need == Need::Required) issues.add(p / key, "is required");
    return nullptr;
  }
  return &*it;
}
}  // namespace

bool value_string(const json& v, std::string& out, const JsonPath& p, Issues& issues, std::size_t max_len) {
  if (!v.is_string()) {
    issues.add(p, "expected a string, got " + describe_type(v));
    return false;
  }
  const auto& s = v.get_ref<const std::string&>();
  if (s.size() > max_len) {
    issues.add(p, "is too long (" + std::to_string(s.size()) + " bytes, at most " + std::to_string(max_len) + ")");
    return false;
  }
  // json built in C++ skips the parser's UTF-8 check, and dump() throws (or aborts in wasm) on bad UTF-8.
  if (!valid_utf8(s)) {
    issues.add(p, "is not valid UTF-8 text");
    return false;
  }
  out = s;
  return true;
}

bool value_int(const json& v, std::int64_t& out, const JsonPath& p, Issues& issues, std::int64_t min,
               std::int64_t max) {
  std::int64_t n;
  // Unsigned first: is_number_integer() is also true for it, and get<int64_t> would wrap 2^64-5 to -5.
  if (v.is_number_unsigned()) {
    const auto u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(max)) {
      issues.add(p, "must be between " + std::to_string(min) + " and " + std::to_string(max));
      return false;
    }
    n = static_cast<std::int64_t>(u);
  } else if (v.is_number_integer()) {
    n = v.get<std::int64_t>();
  } else if (v.is_number_float()) {
    issues.add(p, "expected an integer, got a fraction or a number out of range");
    return false;
  } else {
    issues.add(p, "expected an integer, got " + describe_type(v));
    return false;
  }
  if (n < min || n > max) {
    issues.add(p, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return false;
  }
  out = n;
  return true;
}

bool read_string(const json& obj, std::string_view key, std::string& out, const JsonPath& p, Issues& issues, Need need,
                 std::size_t max_len) {
  const json* v = member(obj, key, p, issues, need);
  return v && value_string(*v, out, p / key, issues, max_len);
}

bool read_int(const json& obj, std::string_view key, std::int64_t& out, const JsonPath& p, Issues& issues, Need need,
              std::int64_t min, std::int64_t max) {
  const json* v = member(obj, key, p, issues, need);
  return v && value_int(*v, out, p / key, issues, min, max);
}

bool read_int(const json& obj, std::string_view key, int& out, const JsonPath& p, Issues& issues, Need need, int min,
              int max) {
  std::int64_t n = out;
  if (!read_int(obj, key, n, p, issues, need, min, max)) return false;
  out = static_cast<int>(n);
  return true;
}

bool read_bool(const json& obj, std::string_view key, bool& out, const JsonPath& p, Issues& issues, Need need) {
  const json* v = member(obj, key, p, issues, need);
  if (!v) return false;
  if (!v->is_boolean()) {
    issues.add(p / key, "expected true or false, got " + describe_type(*v));
    return false;
  }
  out = v->get<bool>();
  return true;
}

bool read_string_list(const json& obj, std::string_view key, std::vector<std::string>& out, const JsonPath& p,
                      Issues& issues, Need need, std::size_t max_len, std::size_t max_items) {
  const json* v = member(obj, key, p, issues, need);
  if (!v) return false;
  const JsonPath at = p / key;
  if (!expect_array(*v, at, issues)) return false;
  if (v->size() > max_items) {
    issues.add(at, "has " + std::to_string(v->size()) + " entries; the limit is " + std::to_string(max_items));
    return false;
  }
  std::vector<std::string> list;
  bool ok = true;
  for (std::size_t i = 0; i < v->size(); ++i) {
    std::string s;
    if (value_string((*v)[i], s, at / i, issues, max_len)) list.push_back(std::move(s));
    else ok = false;
  }
  if (ok) out = std::move(list);
  return ok;
}

std::string quoted_excerpt(std::string_view s, std::size_t max_bytes) { return "\"" + excerpt(s, max_bytes) + "\""; }

std::string excerpt(std::string_view s, std::size_t max_bytes) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    // The length of the well-formed sequence at i, or 0.
    std::size_t n = 0;
    for (std::size_t len = 1; len <= 4 && i + len <= s.size(); ++len)
      if (valid_utf8(s.substr(i, len))) {
        n = len;
        break;
      }
    const std::size_t adds = n ? n : 3;  // U+FFFD is 3 bytes
    if (out.size() + adds > max_bytes) return out + "\xE2\x80\xA6";  // …
    if (n) out.append(s.substr(i, n));
    else out += "\xEF\xBF\xBD";
    i += n ? n : 1;
  }
  return out;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n;
    std::uint32_t cp;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
    else return false;
    if (i + n >= s.size()) return false;  // truncated sequence
    for (std::size_t k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n + 1;
  }
  return true;
}

bool parse_json(std::string_view text, json& out, std::string& error, const ParseLimits& limits) {
  if (text.size() > limits.max_bytes) {
    // Whole megabytes only when exact, so a file just over the limit never reads as "128 MB; the limit is 128 MB".
    auto size = [](std::size_t n) {
      return n % (1u << 20) == 0 && n > 0 ? std::to_string(n >> 20) + " MB" : std::to_string(n) + " bytes";
    };
    error = "the file is " + size(text.size()) + "; the limit is " + size(limits.max_bytes);
    return false;
  }
  // Depth pre-scan: nlohmann's parser copes with deep input, but dumping and destroying it recurse.
  std::size_t depth = 0, values = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limits.max_depth) {
        error = "nesting is deeper than " + std::to_string(limits.max_depth) + " levels";
        return false;
      }
      ++values;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == ',') {
      ++values;
    }
  }
  if (values > limits.max_values) {
    error = "the document holds more than " + std::to_string(limits.max_values) + " values";
    return false;
  }
  json parsed = json::parse(text.begin(), text.end(), nullptr, false);
  if (parsed.is_discarded()) {
    error = valid_utf8(text) ? "not valid JSON" : "not valid JSON (the text is not valid UTF-8)";
    return false;
  }
  out = std::move(parsed);
  return true;
}

bool read_document_header(const json& doc, std::string_view format, int current_version, std::int64_t& version,
                          Issues& issues) {
  const JsonPath root;
  if (!doc.is_object()) {
    issues.add(root, "expected a JSON object, got " + describe_type(doc));
    return false;
  }
  auto f = doc.find("format");
  if (f == doc.end() || !f->is_string()) {
    issues.add(root / "format", "is required and must be \"" + std::string(format) + "\"");
    return false;
  }
  if (f->get_ref<const std::string&>() != format) {
    issues.add(root / "format", "expected \"" + std::string(format) + "\", got \"" + excerpt(f->get_ref<const std::string&>()) + "\"");
    return false;
  }
  if (!read_int(doc, "version", version, root, issues, Need::Required, 1, 1'000'000)) return false;
  if (version > current_version) {
    const std::string readable = current_version == 1 ? "version 1" : "versions 1 to " + std::to_string(current_version);
    issues.add(root / "version", "this file is from a newer Pipeboard (version " + std::to_string(version) +
                                     "); this app reads " + readable);
    return false;
  }
  return true;
}

}  // namespace pb
