#include "source_detect.hpp"

#include "documents.hpp"

namespace pb {
namespace {

// The keys that tell the tools apart sit near the start of their exports: a look at the first
// 256 KB routes a file of any size without parsing it twice.
constexpr std::size_t kSniffBytes = 256 * 1024;

bool has(std::string_view head, std::string_view key) { return head.find(key) != std::string_view::npos; }

bool ends_with(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

SourceKind detect_json(std::string_view head) {
  if (has(head, "\"format\"") && has(head, "\"pipeboard.")) return SourceKind::Pipeboard;
  if (has(head, "\"lists\"") && (has(head, "\"cards\"") || has(head, "\"idBoard\""))) return SourceKind::Trello;
  if (has(head, "\"boards\"") && (has(head, "\"idBoards\"") || has(head, "\"username\"") || has(head, "\"idMember")))
    return SourceKind::TrelloAccount;
  if (has(head, "\"order_nr\"") || has(head, "\"stage_id\"") || has(head, "\"deal_probability\"") ||
      has(head, "\"pipeline_id\""))
    return SourceKind::Pipedrive;
  if (has(head, "\"displayOrder\"") || has(head, "\"dealstage\"") || has(head, "\"dealname\"") ||
      has(head, "\"hs_object_id\""))
    return SourceKind::HubSpot;
  return SourceKind::Unknown;
}

}  // namespace

SourceKind detect_source(std::string_view text, std::string_view file_name) {
  std::string_view head = text.substr(0, kSniffBytes);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  const std::size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return ends_with(file_name, ".csv") ? SourceKind::Csv : SourceKind::Unknown;
  if (head[first] == '{' || head[first] == '[') {
    const SourceKind kind = detect_json(head);
    // A CSV whose first cell starts with a bracket is still a CSV.
    if (kind == SourceKind::Unknown && (ends_with(file_name, ".csv") || ends_with(file_name, ".tsv")))
      return SourceKind::Csv;
    return kind;
  }
  if (head.find('\0') != std::string_view::npos) return SourceKind::Unknown;  // binary (a spreadsheet?)
  if (ends_with(file_name, ".csv") || ends_with(file_name, ".tsv")) return SourceKind::Csv;
  // Other text (pasted, or a .txt) is a CSV when it looks like one: a header with a delimiter and
  // a row under it. "hello there" is not.
  const std::string_view first_line = head.substr(first, head.find_first_of("\r\n", first) - first);
  const bool delimited = first_line.find_first_of(",;\t") != std::string_view::npos;
  const std::size_t end_of_first = head.find_first_of("\r\n", first);
  const bool second_row = end_of_first != std::string_view::npos &&
                          head.find_first_not_of(" \t\r\n", end_of_first) != std::string_view::npos;
  return delimited && second_row ? SourceKind::Csv : SourceKind::Unknown;
}

const char* source_kind_name(SourceKind kind) {
  switch (kind) {
    case SourceKind::Pipeboard: return "pipeboard";
    case SourceKind::Trello: return "trello";
    case SourceKind::TrelloAccount: return "trello-account";
    case SourceKind::Pipedrive: return "pipedrive";
    case SourceKind::HubSpot: return "hubspot";
    case SourceKind::Csv: return "csv";
    case SourceKind::Unknown: break;
  }
  return "unknown";
}

json single_pipeline_template(json ws, std::string_view name) {
  if (!ws.is_object() || !ws.contains("pipelines") || !ws["pipelines"].is_array() || ws["pipelines"].size() != 1)
    return nullptr;
  json t = {{"format", "pipeboard.template"}, {"version", kTemplateVersion},
            {"name", name.empty() ? ws["pipelines"][0].value("name", std::string("Imported")) : std::string(name)},
            {"pipeline", std::move(ws["pipelines"][0])}};
  for (const char* key : {"fields", "people", "views", "deals"})  // moved: the deals can be 100,000
    t[key] = ws.contains(key) ? std::move(ws[key]) : json::array();
  return t;
}

}  // namespace pb
