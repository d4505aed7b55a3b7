// Import preview: what importing an untrusted document (a template or a whole workspace, told
// apart by its "format") into the current workspace would do, before anything changes. For the
// import dialog: every validation error with its JSON Pointer, what will be created, and the
// conflicts with the choices the user has. import_command() turns the preview and the user's
// choices into the single template.import / workspace.import command that performs it (one undo step).
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "documents.hpp"

namespace pb {

struct ImportCounts {
  std::size_t pipelines = 0, stages = 0, fields = 0, people = 0, views = 0, deals = 0;
  bool operator==(const ImportCounts&) const = default;
};

// One pipeline of the document.
struct PipelinePreview {
  std::string name;
  std::vector<std::string> stages;  // stage names, in order
  std::size_t deals = 0;
};

// The template's pipeline has the name of a workspace pipeline. Choices: "rename" (the default:
// import as rename_to), "replace" (the existing pipeline takes the template's settings and stages),
// "merge" (the existing pipeline keeps its settings; the template's missing stages are added).
// Stages match by name and kind, one to one.
struct NameConflictPreview {
  Id existing;                        // the workspace pipeline of that name
  std::string name;
  std::vector<std::string> choices;   // those that can apply, the default first
  std::string rename_to;              // rename: e.g. "Sales (2)"
  std::vector<std::string> matched;   // replace/merge: template stages that reuse an existing stage
  std::vector<std::string> added;     // merge: template stages added to the existing pipeline
  std::vector<std::string> removed;   // replace: existing stages that go
  std::size_t moved_deals = 0;        // replace: existing deals moved out of removed stages
  std::string merge_error;            // why "merge" is not offered, or ""
};

// A person, custom field or choice option of the template, and where it goes by default.
// Choices: map it to one of `candidates` (workspace ids; option texts for options) or create it
// (id "" in the command's map). `conflict` is set when the default is not a plain match: nothing
// of that name (or email) exists, or a field of that name has another type.
struct MatchPreview {
  std::string id;          // the template's id (options: the option text)
  std::string name;        // person or field name, or option text
  std::string detail;      // person: email; field: type; option: the template field id
  std::string match;       // the workspace id (options: option text) used by default; "" = created
  std::string matched_by;  // "email", "name", "option" or "" when created
  std::string create_as;   // the name it gets when created (fields: made unique)
  bool conflict = false;
  std::string problem;     // why the default cannot apply, e.g. a field of the same name with another type
  std::vector<std::string> candidates;
};

struct ImportPreview {
  DocumentKind kind = DocumentKind::Unknown;
  int version = 0;         // as written in the document; older versions are migrated on import
  bool ok = false;         // no errors: the default import_command() succeeds
  std::vector<Issue> errors;  // at most 200, with paths into the document; error_count has the total
  std::size_t error_count = 0;

  std::string name;                  // template name; "" for a workspace
  std::vector<PipelinePreview> pipelines;
  std::vector<std::string> views;    // view names
  ImportCounts document;             // what the document holds
  ImportCounts creates;              // records the import adds with the default choices
  ImportCounts replaces;             // workspace: what it replaces (the whole current workspace)

  // Templates only.
  std::vector<NameConflictPreview> name_conflicts;  // zero or one
  std::vector<MatchPreview> people, fields, options;

  json document_json;  // the parsed template (for import_command); null for workspaces
  std::shared_ptr<const Template> templ;  // the same, read: import_command hands it on (not read twice)
  Workspace incoming;  // the parsed workspace (for import_command); empty for templates
};

// Never fails: problems are in `errors`. Bounded by the document limits (README "Limits").
ImportPreview preview_import(const Workspace& ws, std::string_view text);
// The same for a document already in memory (an importer's): no text, so no text-size limit; the
// record limits still hold. Saves printing and parsing a large document again.
ImportPreview preview_import_document(const Workspace& ws, json doc);

// The user's choices; empty values mean the defaults shown in the preview.
struct ImportChoices {
  std::string name;              // the pipeline's name, instead of the template's
  std::string on_name_conflict;  // "rename", "replace" or "merge"
  cmd::ImportMap map;            // people / fields / options, see cmd::TemplateImport
};
// The one command that performs the import: template.import with the choices (plus, for every
// conflict the preview resolved on its own, the default it showed), or workspace.import. For a
// preview with errors the command fails when dispatched (an empty workspace is never imported).
Command import_command(const ImportPreview& preview, const ImportChoices& choices = {});

// For the JavaScript API and the command-line tool.
json to_json(const ImportPreview& preview);

}  // namespace pb
