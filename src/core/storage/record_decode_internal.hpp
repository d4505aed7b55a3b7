// Decoding one stored record's JSON by kind, the same for loading and for other tabs' rows.
#pragma once
#include "codec.hpp"
#include "json_read.hpp"
#include "model.hpp"

namespace pb::detail {

inline bool decode(const json& v, const Workspace&, Pipeline& out, Issues& issues) {
  return read_pipeline(v, out, JsonPath(), issues, Ids::Required);
}
inline bool decode(const json& v, const Workspace&, Person& out, Issues& issues) {
  return read_person(v, out, JsonPath(), issues, Ids::Required);
}
inline bool decode(const json& v, const Workspace&, FieldDef& out, Issues& issues) {
  return read_field(v, out, JsonPath(), issues, Ids::Required);
}
inline bool decode(const json& v, const Workspace&, View& out, Issues& issues) {
  return read_view(v, out, JsonPath(), issues, Ids::Required);
}
inline bool decode(const json& v, const Workspace& ws, Deal& out, Issues& issues) {
  return read_deal(v, out, ws.fields, JsonPath(), issues, DealRead::Document);
}

}  // namespace pb::detail
