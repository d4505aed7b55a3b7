// Commands: every change to a workspace is one of these plain structs, with a JSON form
// {"type": "deal.move", ...fields}. apply_command validates and applies one through a Tx;
// an invalid command returns an error saying what is wrong and changes nothing.
// README "Command JSON" lists each type with its fields.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "change.hpp"
#include "json_read.hpp"

namespace pb {
struct Template;  // documents.hpp
}

namespace pb::cmd {

using Strings = std::vector<std::string>;
using StageMap = std::map<std::string, std::string>;
using Index = std::optional<std::int64_t>;

// Each struct names its type (JSON) and label (undo menu: "Undo Move deal"), and lists its fields once,
// in fields(); that single list drives JSON reading and writing.
#define PB_FIELDS(...) template <class F> void fields(F&& f) { __VA_ARGS__; }

struct PipelineCreate { static constexpr const char* kType = "pipeline.create"; static constexpr const char* kLabel = "Create pipeline"; json pipeline; Index index;
  PB_FIELDS(f("pipeline", pipeline, true); f("index", index, false)) };
struct PipelineRename { static constexpr const char* kType = "pipeline.rename"; static constexpr const char* kLabel = "Rename pipeline"; std::string pipeline, name;
  PB_FIELDS(f("pipeline", pipeline, true); f("name", name, true)) };
struct PipelineUpdate { static constexpr const char* kType = "pipeline.update"; static constexpr const char* kLabel = "Edit pipeline"; std::string pipeline; json set;
  PB_FIELDS(f("pipeline", pipeline, true); f("set", set, true)) };
struct PipelineDuplicate { static constexpr const char* kType = "pipeline.duplicate"; static constexpr const char* kLabel = "Duplicate pipeline"; std::string pipeline, name; bool include_deals = false;
  PB_FIELDS(f("pipeline", pipeline, true); f("name", name, false); f("include_deals", include_deals, false)) };
struct PipelineDelete { static constexpr const char* kType = "pipeline.delete"; static constexpr const char* kLabel = "Delete pipeline"; std::string pipeline, deals, to_pipeline; StageMap stage_map;
  PB_FIELDS(f("pipeline", pipeline, true); f("deals", deals, false); f("to_pipeline", to_pipeline, false); f("stage_map", stage_map, false)) };
struct PipelineReorder { static constexpr const char* kType = "pipeline.reorder"; static constexpr const char* kLabel = "Reorder pipelines"; std::string pipeline; Index index;
  PB_FIELDS(f("pipeline", pipeline, true); f("index", index, true)) };

struct StageCreate { static constexpr const char* kType = "stage.create"; static constexpr const char* kLabel = "Add stage"; std::string pipeline; json stage; Index index;
  PB_FIELDS(f("pipeline", pipeline, true); f("stage", stage, true); f("index", index, false)) };
struct StageRename { static constexpr const char* kType = "stage.rename"; static constexpr const char* kLabel = "Rename stage"; std::string stage, name;
  PB_FIELDS(f("stage", stage, true); f("name", name, true)) };
struct StageUpdate { static constexpr const char* kType = "stage.update"; static constexpr const char* kLabel = "Edit stage"; std::string stage; json set;
  PB_FIELDS(f("stage", stage, true); f("set", set, true)) };
struct StageDuplicate { static constexpr const char* kType = "stage.duplicate"; static constexpr const char* kLabel = "Duplicate stage"; std::string stage, name;
  PB_FIELDS(f("stage", stage, true); f("name", name, false)) };
struct StageDelete { static constexpr const char* kType = "stage.delete"; static constexpr const char* kLabel = "Delete stage"; std::string stage, move_to;
  PB_FIELDS(f("stage", stage, true); f("move_to", move_to, false)) };
struct StageReorder { static constexpr const char* kType = "stage.reorder"; static constexpr const char* kLabel = "Reorder stages"; std::string stage; Index index;
  PB_FIELDS(f("stage", stage, true); f("index", index, true)) };

struct DealCreate { static constexpr const char* kType = "deal.create"; static constexpr const char* kLabel = "Add deal"; json deal;
  PB_FIELDS(f("deal", deal, true)) };
struct DealUpdate { static constexpr const char* kType = "deal.update"; static constexpr const char* kLabel = "Edit deal"; std::string deal; json set;
  PB_FIELDS(f("deal", deal, true); f("set", set, true)) };
struct DealDelete { static constexpr const char* kType = "deal.delete"; static constexpr const char* kLabel = "Delete deal"; std::string deal;
  PB_FIELDS(f("deal", deal, true)) };
struct DealMove { static constexpr const char* kType = "deal.move"; static constexpr const char* kLabel = "Move deal"; std::string deal, stage, lost_reason;
  PB_FIELDS(f("deal", deal, true); f("stage", stage, true); f("lost_reason", lost_reason, false)) };
struct DealWin { static constexpr const char* kType = "deal.win"; static constexpr const char* kLabel = "Mark deal won"; std::string deal;
  PB_FIELDS(f("deal", deal, true)) };
struct DealLose { static constexpr const char* kType = "deal.lose"; static constexpr const char* kLabel = "Mark deal lost"; std::string deal, reason;
  PB_FIELDS(f("deal", deal, true); f("reason", reason, true)) };
struct DealReopen { static constexpr const char* kType = "deal.reopen"; static constexpr const char* kLabel = "Reopen deal"; std::string deal, stage;
  PB_FIELDS(f("deal", deal, true); f("stage", stage, false)) };
struct DealsMove { static constexpr const char* kType = "deals.move"; static constexpr const char* kLabel = "Move deals"; Strings deals; std::string stage, pipeline, lost_reason; StageMap stage_map;
  PB_FIELDS(f("deals", deals, true); f("stage", stage, false); f("pipeline", pipeline, false); f("stage_map", stage_map, false); f("lost_reason", lost_reason, false)) };
struct DealsUpdate { static constexpr const char* kType = "deals.update"; static constexpr const char* kLabel = "Edit deals"; Strings deals; json set;
  PB_FIELDS(f("deals", deals, true); f("set", set, true)) };
struct DealsDelete { static constexpr const char* kType = "deals.delete"; static constexpr const char* kLabel = "Delete deals"; Strings deals;
  PB_FIELDS(f("deals", deals, true)) };

struct FieldCreate { static constexpr const char* kType = "field.create"; static constexpr const char* kLabel = "Add field"; json field;
  PB_FIELDS(f("field", field, true)) };
// name and options: absent = unchanged (an empty name or option list is an error, not a no-op).
struct FieldUpdate { static constexpr const char* kType = "field.update"; static constexpr const char* kLabel = "Edit field"; std::string field; std::optional<std::string> name;
  std::optional<Strings> options; StageMap rename_options;
  PB_FIELDS(f("field", field, true); f("name", name, false); f("options", options, false); f("rename_options", rename_options, false)) };
struct FieldDelete { static constexpr const char* kType = "field.delete"; static constexpr const char* kLabel = "Delete field"; std::string field;
  PB_FIELDS(f("field", field, true)) };

struct PersonCreate { static constexpr const char* kType = "person.create"; static constexpr const char* kLabel = "Add person"; json person;
  PB_FIELDS(f("person", person, true)) };
struct PersonUpdate { static constexpr const char* kType = "person.update"; static constexpr const char* kLabel = "Edit person"; std::string person; json set;
  PB_FIELDS(f("person", person, true); f("set", set, true)) };
struct PersonDelete { static constexpr const char* kType = "person.delete"; static constexpr const char* kLabel = "Delete person"; std::string person, reassign_to; bool unassign = false;
  PB_FIELDS(f("person", person, true); f("reassign_to", reassign_to, false); f("unassign", unassign, false)) };

struct ViewCreate { static constexpr const char* kType = "view.create"; static constexpr const char* kLabel = "Save view"; json view;
  PB_FIELDS(f("view", view, true)) };
struct ViewUpdate { static constexpr const char* kType = "view.update"; static constexpr const char* kLabel = "Edit view"; std::string view; json set;
  PB_FIELDS(f("view", view, true); f("set", set, true)) };
struct ViewDelete { static constexpr const char* kType = "view.delete"; static constexpr const char* kLabel = "Delete view"; std::string view;
  PB_FIELDS(f("view", view, true)) };

// The user's choices for template.import (see import_preview.hpp): template id -> workspace id,
// "" to create. options: template choice field id -> {template option: existing option, "" to add}.
struct ImportMap {
  StageMap people, fields;
  std::map<std::string, StageMap> options;
  bool empty() const { return people.empty() && fields.empty() && options.empty(); }
  bool operator==(const ImportMap&) const = default;
};
struct TemplateImport { static constexpr const char* kType = "template.import"; static constexpr const char* kLabel = "Import template"; json template_doc; std::string name;
  std::string on_name_conflict;  // "rename" (default), "replace" or "merge"
  ImportMap map;
  // template_doc as the import preview read it, so a large template (a 100,000-row CSV) is not
  // read a second time; not part of the JSON form. Null: apply reads template_doc.
  std::shared_ptr<const Template> parsed;
  PB_FIELDS(f("template", template_doc, true); f("name", name, false); f("on_name_conflict", on_name_conflict, false);
            f("map", map, false)) };
struct WorkspaceImport { static constexpr const char* kType = "workspace.import"; static constexpr const char* kLabel = "Import workspace"; json workspace;
  PB_FIELDS(f("workspace", workspace, true)) };

#undef PB_FIELDS

}  // namespace pb::cmd

namespace pb {

using Command = std::variant<
    cmd::PipelineCreate, cmd::PipelineRename, cmd::PipelineUpdate, cmd::PipelineDuplicate, cmd::PipelineDelete,
    cmd::PipelineReorder, cmd::StageCreate, cmd::StageRename, cmd::StageUpdate, cmd::StageDuplicate, cmd::StageDelete,
    cmd::StageReorder, cmd::DealCreate, cmd::DealUpdate, cmd::DealDelete, cmd::DealMove, cmd::DealWin, cmd::DealLose,
    cmd::DealReopen, cmd::DealsMove, cmd::DealsUpdate, cmd::DealsDelete, cmd::FieldCreate, cmd::FieldUpdate,
    cmd::FieldDelete, cmd::PersonCreate, cmd::PersonUpdate, cmd::PersonDelete, cmd::ViewCreate, cmd::ViewUpdate,
    cmd::ViewDelete, cmd::TemplateImport, cmd::WorkspaceImport>;

bool parse_command(const json& j, Command& out, Issues& issues);
json to_json(const Command& c);
std::string_view command_type(const Command& c);
// Every command type name, for docs and tests.
std::vector<std::string_view> command_types();

// Validates and applies; on error returns the message and leaves the workspace as it was
// (the caller rolls back whatever the Tx recorded). The Change's label is set on success.
std::string apply_command(const Command& c, Tx& tx, std::string& label);

}  // namespace pb
