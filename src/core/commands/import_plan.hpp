// How a template lands in a workspace: in a new pipeline, or replacing or merged into the pipeline
// of the same name, and which people, custom fields and choice options it reuses or creates.
// template.import (commands_import.cpp) and the import preview (import_preview.cpp) both work from
// this plan, so the preview shows exactly what the command does.
#pragma once
#include <map>
#include <string>

#include "commands.hpp"
#include "documents.hpp"

namespace pb {

enum class NameConflict { Rename, Replace, Merge };
std::string_view to_string(NameConflict c);
bool parse_enum(std::string_view s, NameConflict& out);

struct ImportPlan {
  std::string name;                    // the imported pipeline's name ("Sales (2)" after a rename)
  const Pipeline* existing = nullptr;  // the workspace pipeline of the requested name, if any
  NameConflict on_conflict = NameConflict::Rename;
  // The pipeline that receives stages, views and deals: existing for replace and merge, else null (a new one).
  const Pipeline* target = nullptr;

  std::map<Id, Id> people;                 // template person id -> workspace person id, "" = create
  std::map<Id, std::string> matched_by;    // template person id -> "email", "name", "map" or ""
  std::map<Id, Id> fields;                 // template field id -> workspace field id, "" = create
  std::map<Id, std::string> create_names;  // template field id -> name of the created field
  std::string field_conflict;              // default choice failed: a field of that name has another type
  // Template choice field id -> template option -> the option it becomes (itself when added).
  std::map<Id, std::map<std::string, std::string>> options;

  // Replace and merge: template stage id -> stage id of the target it reuses ("" = a new stage).
  std::map<Id, Id> stages;
  // Replace: target stages that go, each with the template stage id its deals move to.
  std::map<Id, Id> removed_stages;
  std::string merge_error;  // why merge cannot apply ("" when it can); replace and rename always can
};

// Resolves template `t` against `ws` with the choices of `c` (name, on_name_conflict, map). Problems
// with the choices are reported at /on_name_conflict or /map/...; a name conflict on fields with the
// default choice sets field_conflict. Returns false when the import cannot go ahead.
bool plan_import(const Workspace& ws, const Template& t, const cmd::TemplateImport& c, ImportPlan& out,
                 Issues& issues);

// The first workspace field of this name, or null.
const FieldDef* field_named(const Workspace& ws, std::string_view name);
// name, or name (2), name (3)... whichever no pipeline has yet.
std::string unique_pipeline_name(const Workspace& ws, const std::string& name);

}  // namespace pb
