// Reading untrusted JSON: every problem is reported with its JSON Pointer path,
// e.g. "/deals/12/value: expected an integer", and reading goes on to find the rest.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace pb {

using json = nlohmann::json;

// A JSON Pointer built on the stack; only turned into a string when an error needs it.
class JsonPath {
 public:
  JsonPath() = default;
  JsonPath operator/(std::string_view key) const { return JsonPath(this, key, 0, false); }
  JsonPath operator/(std::size_t index) const { return JsonPath(this, {}, index, true); }
  std::string str() const;

 private:
  JsonPath(const JsonPath* parent, std::string_view key, std::size_t index, bool is_index)
      : parent_(parent), key_(key), index_(index), is_index_(is_index) {}
  const JsonPath* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
  bool is_index_ = false;
};

struct Issue {
  std::string path;     // JSON Pointer, "" for the document itself
  std::string message;  // plain language
  std::string str() const { return (path.empty() ? std::string("/") : path) + ": " + message; }
};

// Collects issues; stops recording (but keeps counting) past `limit` so hostile input stays cheap.
class Issues {
 public:
  explicit Issues(std::size_t limit = 200) : limit_(limit) {}
  void add(const JsonPath& path, std::string message);
  void add(std::string path, std::string message);
  bool ok() const { return count_ == 0; }
  std::size_t count() const { return count_; }
  const std::vector<Issue>& list() const { return list_; }
  // First issue, plus "(and N more)".
  std::string summary() const;

 private:
  std::size_t limit_;
  std::size_t count_ = 0;
  std::vector<Issue> list_;
};

// Type names for messages: "an object", "a string", ...
std::string describe_type(const json& v);

// Field readers. Each checks presence and type, reports at path/key, and leaves `out` alone on error.
// `required` = false: a missing key (or null) is fine and leaves `out` unchanged.
enum class Need { Optional, Required };

bool expect_object(const json& v, const JsonPath& p, Issues& issues);
bool expect_array(const json& v, const JsonPath& p, Issues& issues);
void reject_unknown_keys(const json& obj, std::initializer_list<std::string_view> known, const JsonPath& p, Issues& issues);
void reject_unknown_keys(const json& obj, bool (*known)(std::string_view key), const JsonPath& p, Issues& issues);

bool read_string(const json& obj, std::string_view key, std::string& out, const JsonPath& p, Issues& issues,
                 Need need = Need::Optional, std::size_t max_len = 10'000);
bool read_int(const json& obj, std::string_view key, std::int64_t& out, const JsonPath& p, Issues& issues,
              Need need, std::int64_t min, std::int64_t max);
bool read_int(const json& obj, std::string_view key, int& out, const JsonPath& p, Issues& issues, Need need, int min,
              int max);
bool read_bool(const json& obj, std::string_view key, bool& out, const JsonPath& p, Issues& issues,
               Need need = Need::Optional);
bool read_string_list(const json& obj, std::string_view key, std::vector<std::string>& out, const JsonPath& p,
                      Issues& issues, Need need = Need::Optional, std::size_t max_len = 10'000,
                      std::size_t max_items = static_cast<std::size_t>(-1));

// Value checkers on a single JSON value (already located at p).
bool value_string(const json& v, std::string& out, const JsonPath& p, Issues& issues, std::size_t max_len = 10'000);
bool value_int(const json& v, std::int64_t& out, const JsonPath& p, Issues& issues, std::int64_t min,
               std::int64_t max);

// The header every Pipeboard document starts with: an object whose "format" is `format` and whose
// "version" is 1..current_version (a newer one is refused, naming both). Reports at "/format" and
// "/version"; `version` is set when it returns true.
bool read_document_header(const json& doc, std::string_view format, int current_version, std::int64_t& version,
                          Issues& issues);

// A short, printable excerpt of untrusted text for messages: at most max_bytes (cut at a character
// boundary, then "…"), with malformed UTF-8 replaced, so an error never carries a 50 MB string.
std::string excerpt(std::string_view s, std::size_t max_bytes = 64);
// The same in double quotes: "Closed Wonn".
std::string quoted_excerpt(std::string_view s, std::size_t max_bytes = 64);

// Whether a UTF-8 string is well formed (nlohmann rejects bad UTF-8 when parsing, but
// strings can also arrive through the C++ API).
bool valid_utf8(std::string_view s);

// Parses text with no exceptions. Rejects input past max_bytes, nested deeper than max_depth or
// holding more than max_values values before building anything, so hostile files cost time and
// memory in proportion to the limits. (nlohmann's parser and destructor do not recurse, but dump,
// copy and compare do: the depth limit keeps them off the end of the stack. A DOM value costs
// 16 to 100 bytes, so `[{},{},...]` would cost ~25x its size without the value limit.)
struct ParseLimits {
  std::size_t max_bytes = 128u << 20;
  std::size_t max_depth = 64;
  std::size_t max_values = 10'000'000;  // counted as commas plus opening brackets, outside strings
};
bool parse_json(std::string_view text, json& out, std::string& error, const ParseLimits& limits = {});

}  // namespace pb
