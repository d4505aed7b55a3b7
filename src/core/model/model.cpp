#include "model.hpp"

namespace pb {
namespace {

template <class E, std::size_t N>
bool parse_from(const std::string_view (&names)[N], std::string_view s, E& out) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) {
      out = static_cast<E>(i);
      return true;
    }
  return false;
}

constexpr std::string_view kStageKinds[] = {"open", "won", "lost"};
constexpr std::string_view kStatuses[] = {"open", "won", "lost"};
constexpr std::string_view kFieldTypes[] = {"text", "number", "money", "date", "choice"};

}  // namespace

std::string_view to_string(StageKind k) { return kStageKinds[static_cast<int>(k)]; }
std::string_view to_string(DealStatus s) { return kStatuses[static_cast<int>(s)]; }
std::string_view to_string(FieldType t) { return kFieldTypes[static_cast<int>(t)]; }
bool parse_enum(std::string_view s, StageKind& out) { return parse_from(kStageKinds, s, out); }
bool parse_enum(std::string_view s, DealStatus& out) { return parse_from(kStatuses, s, out); }
bool parse_enum(std::string_view s, FieldType& out) { return parse_from(kFieldTypes, s, out); }

const Stage* Pipeline::stage(std::string_view stage_id) const {
  for (const auto& s : stages)
    if (s.id == stage_id) return &s;
  return nullptr;
}

int Pipeline::stage_index(std::string_view stage_id) const {
  for (std::size_t i = 0; i < stages.size(); ++i)
    if (stages[i].id == stage_id) return static_cast<int>(i);
  return -1;
}

const Stage* Pipeline::first_of_kind(StageKind kind) const {
  for (const auto& s : stages)
    if (s.kind == kind) return &s;
  return nullptr;
}

const Pipeline* Workspace::pipeline_of_stage(std::string_view stage_id) const {
  for (const auto& p : pipelines)
    if (p.stage(stage_id)) return &p;
  return nullptr;
}

std::size_t Workspace::count_deals_in_stage(std::string_view stage_id) const {
  std::size_t n = 0;
  for (const auto& d : deals) n += d.stage == stage_id;
  return n;
}

std::size_t Workspace::count_deals_in_pipeline(std::string_view pipeline_id) const {
  std::size_t n = 0;
  for (const auto& d : deals) n += d.pipeline == pipeline_id;
  return n;
}

}  // namespace pb
