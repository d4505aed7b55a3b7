// JSON form of each record. Writers emit a canonical form (empty optional fields left out);
// readers check types and ranges and report each problem with its path. Cross-record rules
// (a deal's stage belongs to its pipeline, ...) are checked by validate.hpp.
#pragma once
#include "json_read.hpp"
#include "model.hpp"

namespace pb {

json to_json(const Money& m);
json to_json(const Stage& s);
json to_json(const Pipeline& p);
json to_json(const Person& p);
json to_json(const FieldDef& f);
json to_json(const View& v);
json to_json(const Deal& d);
json to_json(const FieldValue& v);

// Whether a record read must carry its id ("Document") or may leave it for the caller to generate.
enum class Ids { Required, Optional };

bool read_money(const json& v, Money& out, const JsonPath& p, Issues& issues);
bool read_stage(const json& v, Stage& out, const JsonPath& p, Issues& issues, Ids ids);
bool read_pipeline(const json& v, Pipeline& out, const JsonPath& p, Issues& issues, Ids ids);
bool read_person(const json& v, Person& out, const JsonPath& p, Issues& issues, Ids ids);
bool read_field(const json& v, FieldDef& out, const JsonPath& p, Issues& issues, Ids ids);
bool read_view(const json& v, View& out, const JsonPath& p, Issues& issues, Ids ids);
bool read_field_value(const json& v, const FieldDef& def, FieldValue& out, const JsonPath& p, Issues& issues);

// Deals: "Document" reads every field; "Patch" reads only what a user edits directly (not the
// pipeline, stage, status or history, which have commands of their own) and may clear fields with null.
enum class DealRead { Document, Create, Patch };
bool read_deal(const json& v, Deal& out, const Table<FieldDef>& fields, const JsonPath& p, Issues& issues,
               DealRead mode);

// Patches for the small records: only the given keys change.
bool patch_pipeline(const json& set, Pipeline& out, const JsonPath& p, Issues& issues);
bool patch_stage(const json& set, Stage& out, const JsonPath& p, Issues& issues);
bool patch_person(const json& set, Person& out, const JsonPath& p, Issues& issues);
bool patch_view(const json& set, View& out, const JsonPath& p, Issues& issues);

// A plausible email address: one @, something before it, a dotted domain after it, no spaces.
// Commands hold typed addresses to this; documents are not, so older files still load.
bool is_email(std::string_view s);
inline constexpr const char* kNotAnEmail = "is not an email address like name@example.com";

// The limits shared by the readers (kMaxId, kMaxName, kMaxText, kMaxOptions) are in deal_fields.hpp.

}  // namespace pb
