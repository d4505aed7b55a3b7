// JSON form of commands, driven by each command's fields() list.
#include "commands.hpp"

namespace pb {
namespace {

struct Reader {
  const json& obj;
  const JsonPath& path;
  Issues& issues;

  void operator()(const char* key, std::string& out, bool required) {
    read_string(obj, key, out, path, issues, required ? Need::Required : Need::Optional, 100'000);
  }
  void operator()(const char* key, json& out, bool required) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) issues.add(path / key, "is required");
      return;
    }
    out = *it;
  }
  void operator()(const char* key, cmd::Strings& out, bool required) {
    read_string_list(obj, key, out, path, issues, required ? Need::Required : Need::Optional);
  }
  // Optional fields: absent (or null) leaves `out` empty; the readers return false then.
  void operator()(const char* key, std::optional<std::string>& out, bool) {
    std::string v;
    if (read_string(obj, key, v, path, issues, Need::Optional, 100'000)) out = v;
  }
  void operator()(const char* key, std::optional<cmd::Strings>& out, bool) {
    cmd::Strings v;
    if (read_string_list(obj, key, v, path, issues, Need::Optional)) out = v;
  }
  void operator()(const char* key, cmd::StageMap& out, bool required) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) issues.add(path / key, "is required");
      return;
    }
    if (!expect_object(*it, path / key, issues)) return;
    for (auto e = it->begin(); e != it->end(); ++e) {
      std::string v;
      if (value_string(*e, v, path / key / e.key(), issues, 200)) out[e.key()] = v;
    }
  }
  void operator()(const char* key, cmd::ImportMap& out, bool required) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) issues.add(path / key, "is required");
      return;
    }
    const JsonPath at = path / key;
    if (!expect_object(*it, at, issues)) return;
    reject_unknown_keys(*it, {"people", "fields", "options"}, at, issues);
    Reader inner{*it, at, issues};
    inner("people", out.people, false);
    inner("fields", out.fields, false);
    auto options = it->find("options");
    if (options == it->end() || options->is_null() || !expect_object(*options, at / "options", issues)) return;
    for (auto e = options->begin(); e != options->end(); ++e) {
      const JsonPath op = at / "options";
      Reader{*options, op, issues}(e.key().c_str(), out.options[e.key()], true);
    }
  }
  void operator()(const char* key, cmd::Index& out, bool required) {
    std::int64_t n = 0;
    if (read_int(obj, key, n, path, issues, required ? Need::Required : Need::Optional, 0, 1'000'000)) out = n;
  }
  void operator()(const char* key, bool& out, bool required) {
    read_bool(obj, key, out, path, issues, required ? Need::Required : Need::Optional);
  }
};

struct Writer {
  json& obj;
  void operator()(const char* key, const std::string& v, bool required) {
    if (required || !v.empty()) obj[key] = v;
  }
  void operator()(const char* key, const json& v, bool required) {
    if (required || !v.is_null()) obj[key] = v;
  }
  void operator()(const char* key, const cmd::Strings& v, bool required) {
    if (required || !v.empty()) obj[key] = v;
  }
  template <class T>
  void operator()(const char* key, const std::optional<T>& v, bool) {
    if (v) obj[key] = *v;
  }
  void operator()(const char* key, const cmd::StageMap& v, bool required) {
    if (required || !v.empty()) obj[key] = v;
  }
  void operator()(const char* key, const cmd::ImportMap& v, bool required) {
    if (!required && v.empty()) return;
    json m = json::object();
    if (!v.people.empty()) m["people"] = v.people;
    if (!v.fields.empty()) m["fields"] = v.fields;
    if (!v.options.empty()) m["options"] = v.options;
    obj[key] = std::move(m);
  }
  void operator()(const char* key, const cmd::Index& v, bool) {
    if (v) obj[key] = *v;
  }
  void operator()(const char* key, bool v, bool required) {
    if (required || v) obj[key] = v;
  }
};

// Collects the names of a command's fields, to reject unknown keys.
struct Names {
  std::vector<std::string_view>& out;
  template <class T>
  void operator()(const char* key, T&, bool) { out.push_back(key); }
};

template <std::size_t I = 0>
bool parse_as(std::string_view type, const json& j, Command& out, Issues& issues) {
  if constexpr (I == std::variant_size_v<Command>) {
    issues.add(JsonPath() / "type", "unknown command type \"" + std::string(type) + "\"");
    return false;
  } else {
    using T = std::variant_alternative_t<I, Command>;
    if (type != T::kType) return parse_as<I + 1>(type, j, out, issues);
    T c;
    const JsonPath root;
    std::vector<std::string_view> names{"type"};
    c.fields(Names{names});
    for (auto it = j.begin(); it != j.end(); ++it)
      if (std::find(names.begin(), names.end(), it.key()) == names.end())
        issues.add(root / it.key(), std::string("unknown field for ") + T::kType);
    const std::size_t before = issues.count();
    c.fields(Reader{j, root, issues});
    if (issues.count() != before) return false;
    out = std::move(c);
    return true;
  }
}

}  // namespace

bool parse_command(const json& j, Command& out, Issues& issues) {
  if (!expect_object(j, JsonPath(), issues)) return false;
  std::string type;
  if (!read_string(j, "type", type, JsonPath(), issues, Need::Required, 64)) return false;
  const std::size_t before = issues.count();
  return parse_as(type, j, out, issues) && issues.count() == before;
}

json to_json(const Command& c) {
  return std::visit(
      [](const auto& command) {
        json j{{"type", command.kType}};
        auto copy = command;  // fields() is non-const; commands are small except embedded documents
        copy.fields(Writer{j});
        return j;
      },
      c);
}

std::string_view command_type(const Command& c) {
  return std::visit([](const auto& command) -> std::string_view { return command.kType; }, c);
}

std::vector<std::string_view> command_types() {
  std::vector<std::string_view> out;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (out.push_back(std::variant_alternative_t<I, Command>::kType), ...);
  }(std::make_index_sequence<std::variant_size_v<Command>>{});
  return out;
}

}  // namespace pb
