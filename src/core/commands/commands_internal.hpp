// Shared by the commands_*.cpp files; not part of the core's public API.
#pragma once
#include <algorithm>
#include <unordered_map>

#include "codec.hpp"
#include "commands.hpp"
#include "validate.hpp"

namespace pb::detail {

// Each returns "" on success or a message for the user.
#define PB_APPLY(T) std::string apply(const cmd::T& c, Tx& tx);
PB_APPLY(PipelineCreate) PB_APPLY(PipelineRename) PB_APPLY(PipelineUpdate) PB_APPLY(PipelineDuplicate)
PB_APPLY(PipelineDelete) PB_APPLY(PipelineReorder) PB_APPLY(StageCreate) PB_APPLY(StageRename)
PB_APPLY(StageUpdate) PB_APPLY(StageDuplicate) PB_APPLY(StageDelete) PB_APPLY(StageReorder)
PB_APPLY(DealCreate) PB_APPLY(DealUpdate) PB_APPLY(DealDelete) PB_APPLY(DealMove) PB_APPLY(DealWin)
PB_APPLY(DealLose) PB_APPLY(DealReopen) PB_APPLY(DealsMove) PB_APPLY(DealsUpdate) PB_APPLY(DealsDelete)
PB_APPLY(FieldCreate) PB_APPLY(FieldUpdate) PB_APPLY(FieldDelete) PB_APPLY(PersonCreate)
PB_APPLY(PersonUpdate) PB_APPLY(PersonDelete) PB_APPLY(ViewCreate) PB_APPLY(ViewUpdate) PB_APPLY(ViewDelete)
PB_APPLY(TemplateImport) PB_APPLY(WorkspaceImport)
#undef PB_APPLY

inline std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

// The rules read_name applies in documents, for a name given as a plain command field: a name a
// command stores must load again.
inline std::string check_name(std::string_view name, std::string_view path) {
  if (name.size() > kMaxName) return std::string(path) + ": is too long (at most 200 bytes)";
  if (name.find_first_not_of(" \t\r\n") == std::string_view::npos) return std::string(path) + ": must not be empty";
  return "";
}

// base + suffix (" (copy)", " (2)"), shortening base at a UTF-8 character boundary to stay within kMaxName.
inline std::string name_with_suffix(std::string_view base, std::string_view suffix) {
  std::size_t n = std::min(base.size(), kMaxName - suffix.size());
  while (n > 0 && n < base.size() && (static_cast<unsigned char>(base[n]) & 0xC0) == 0x80) --n;
  return std::string(base.substr(0, n)) + std::string(suffix);
}

using IdMap = std::unordered_map<std::string, std::string>;
// Old id -> new id, one map per kind (a template's ids are only unique per kind), for copies and imports.
struct IdMaps {
  IdMap pipeline, stages, people, fields;
  const std::map<Id, std::map<std::string, std::string>>* options = nullptr;  // choice field id -> option -> option
};
// Rewrites the ids a filter mentions, by what each condition compares: stage, owner and pipeline
// values, "custom.<id>" keys, and values of choice fields whose options are mapped (commands_import.cpp).
void remap_filter(json& node, const IdMaps& ids);

// When a command edits a deal: now, but never before its creation (a deal imported from a device
// whose clock runs ahead), so updated >= created still holds and the workspace still loads.
inline Timestamp edit_time(const Tx& tx, const Deal& d) { return std::max(tx.now(), d.created); }

// Moves a deal into (pipeline, stage), recording the visit and keeping status in line with the
// stage kind: won stage -> won, lost stage -> lost (needs a reason), open stage -> open.
std::string move_deal(Tx& tx, Deal d, const Pipeline& to_pipeline, const Stage& to_stage, std::string_view lost_reason);

// Where a deal in `from` lands in pipeline `to`: the explicit map first, then the stage of the
// same name, then the first stage of the same kind, then the first open stage.
const Stage* map_stage(const Stage& from, const Pipeline& to, const cmd::StageMap& explicit_map, std::string& error);

// Removes hidden-stage references to stages that no longer exist.
void prune_hidden_stages(Tx& tx, const std::vector<std::string>& stage_ids);

}  // namespace pb::detail
