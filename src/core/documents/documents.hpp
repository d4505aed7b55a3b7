// The two versioned JSON documents: a workspace (the whole data, used as a backup) and a
// pipeline template (one pipeline with its fields, views and optional sample deals).
// Old versions pass through migrate_vN_to_vN+1 steps before reading; see migrations.cpp.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "json_read.hpp"
#include "model.hpp"

namespace pb {

inline constexpr std::string_view kWorkspaceFormat = "pipeboard.workspace";
inline constexpr std::string_view kTemplateFormat = "pipeboard.template";
inline constexpr int kWorkspaceVersion = 2;
inline constexpr int kTemplateVersion = 2;

// Limits for untrusted documents (documented in README).
inline constexpr std::size_t kMaxWorkspaceBytes = 128u << 20;
inline constexpr std::size_t kMaxTemplateBytes = 16u << 20;
inline constexpr std::size_t kMaxDeals = 1'000'000;

// --- Workspace ---
json workspace_to_json(const Workspace& ws);
std::string save_workspace(const Workspace& ws, int indent = -1);
// Reads a document of any supported version; on any issue `out` is left untouched.
bool read_workspace(json doc, Workspace& out, Issues& issues);
// Which reader reads a document's deals: the one-pass deal scanner wherever it can (the DOM reader
// takes over, with its messages, on anything it does not take), or the DOM reader alone. Both give
// the same workspace or the same errors; Plain is there to prove it (differential tests, fuzzing).
enum class ReadPath { Fast, Plain };
bool load_workspace(std::string_view text, Workspace& out, Issues& issues, ReadPath path = ReadPath::Fast);

// --- Template ---
struct Template {
  std::string name;
  std::string description;
  Pipeline pipeline;  // ids are local to the template
  std::vector<FieldDef> fields;
  std::vector<Person> people;
  std::vector<View> views;
  std::vector<Deal> deals;  // optional sample deals
  bool operator==(const Template&) const = default;
};
json template_to_json(const Template& t);
bool read_template(json doc, Template& out, Issues& issues);
bool load_template(std::string_view text, Template& out, Issues& issues);
// A template of one pipeline of the workspace: its custom fields in use, its views, and its
// deals (with their owners) when include_deals is set.
Template make_template(const Workspace& ws, std::string_view pipeline_id, bool include_deals);

// --- Either document ---
enum class DocumentKind { Unknown, Workspace, Template };
std::string_view to_string(DocumentKind k);  // "unknown", "workspace", "template"
// The kind a parsed document's "format" names.
DocumentKind document_kind(const json& doc);
struct Document {
  DocumentKind kind = DocumentKind::Unknown;
  int version = 0;  // as written, before migration; 0 when missing
  Workspace workspace;
  Template templ;
};
// Reads a document of either kind, each within its own size limit. `parsed`, when given, receives
// the JSON of a template (workspaces that load on the fast path have none).
bool load_document(std::string_view text, Document& out, Issues& issues, json* parsed = nullptr,
                   ReadPath path = ReadPath::Fast);
// A workspace holding just the template's records (ids as in the template), for queries and stats.
Workspace workspace_of(const Template& t);

// --- Migrations ---
// Brings doc (of the given format) to the current version, or reports why it cannot.
bool migrate_document(json& doc, std::string_view format, int current_version, Issues& issues);

namespace detail {
// The fast path alone (tests): true only when the scanner read the document, as load_workspace
// would; `out` is left alone otherwise.
bool load_workspace_fast(std::string_view text, Workspace& out);
}  // namespace detail

}  // namespace pb
