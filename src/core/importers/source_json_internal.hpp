// Reading other tools' JSON exports: the small readers the Trello, Pipedrive and HubSpot importers
// share. Those exports write numbers as strings ("65535.5", "1500.50"), times in two forms, ids as
// integers or strings, and wrap API answers in {"success":true,"data":[...]}.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "json_read.hpp"

namespace pb::source {

// Parses one source text with the documents' limits (size, depth); on failure adds a plain-language
// error naming `what` ("the Trello board", "file 2").
bool parse(std::string_view text, json& out, Issues& errors, const std::string& what);

// The member when present and not null, else nullptr.
const json* get(const json& obj, std::string_view key);

// A string member; "" when missing or null, and a warning at its path when it is another type.
std::string text(const json& obj, std::string_view key, const JsonPath& p, Issues& warnings);

// A finite number, or a string holding one ("65535.5", " 1e3" is not): Trello's pos, HubSpot's
// probabilities. nullopt otherwise.
std::optional<double> number(const json& v);

// A decimal ("1500.50", "-3", "12.345") to minor units with `exponent` decimals, exactly (digits
// past the exponent round half away from zero); nullopt when not a decimal or past kMaxMoneyMinor.
std::optional<std::int64_t> minor_units(std::string_view decimal, int exponent);
// The same from a JSON number (Pipedrive's value: 50000 or 1500.5) or a string holding a decimal.
std::optional<std::int64_t> minor_units_of(const json& v, int exponent);

// RFC 3339 ("2024-10-07T05:01:20.320Z") or Pipedrive's "YYYY-MM-DD HH:MM:SS" (UTC) to Unix milliseconds.
std::optional<std::int64_t> time_ms(std::string_view s);
std::optional<std::int64_t> time_ms_of(const json& v);  // a string member's value; nullopt for others

// The UTC day of a time ("YYYY-MM-DD"), or of a date that is one already.
std::optional<std::string> day(std::string_view s);

// An id as text: strings as they are, integers in decimal; "" for anything else.
std::string id_text(const json& v);
// An options object's optional "currency": read into `out` when it is an ISO 4217 code, else an issue.
void read_currency_option(const json& options, std::string& out, Issues& issues);
std::string id_text(const json& obj, std::string_view key);  // of a member; "" when obj is no object

// The records of an API answer: `doc` itself when an array, or its "data" (Pipedrive) or "results"
// (HubSpot) array; nullptr otherwise. `key` is set to the member it came from ("" for the array).
const json* records(const json& doc, std::string& key);

}  // namespace pb::source
