// One CSV record to a deal (the convert pass of CsvImportJob). A value that cannot be read (an
// amount, a date, a number) leaves the whole row out with "line N: why", so nothing half-read
// is imported; an empty cell is just an unset field.
#include "csv_import_internal.hpp"
#include "documents.hpp"
#include "money.hpp"

namespace pb {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return out;
}

StageKind kind_of(DealStatus s) {
  return s == DealStatus::Won ? StageKind::Won : s == DealStatus::Lost ? StageKind::Lost : StageKind::Open;
}

}  // namespace

void CsvImportJob::State::convert_row() {
  ++rows;
  std::string error;
  auto fail = [&](std::string why) {
    if (error.empty()) error = std::move(why);
  };
  if (skip_lines.count(rec.line)) {
    ++result.skipped;
    return;
  }
  if (!rec.error.empty()) fail(rec.error);
  if (error.empty() && rec.field_count > width) {
    bool extra = rec.field_count > rec.fields.size();
    for (std::size_t i = width; i < rec.fields.size(); ++i) extra = extra || !trim(rec.fields[i]).empty();
    if (extra) fail("the row has " + std::to_string(rec.field_count) + " fields; the header has " + std::to_string(width));
  }
  if (error.empty() && deals >= kMaxDeals) {
    if (deals == kMaxDeals) result.errors.add("line " + std::to_string(rec.line), "more than " + std::to_string(kMaxDeals) + " rows: this one and the rest are left out");
    ++deals;  // counts the rows past the cap, so the message above is given once
    ++result.skipped;
    return;
  }
  auto header = [&](CsvTarget t) { return quoted_excerpt(cols[static_cast<std::size_t>(col_of[static_cast<std::size_t>(t)])].header); };
  auto order = [&](CsvTarget t) { return cols[static_cast<std::size_t>(col_of[static_cast<std::size_t>(t)])].order; };

  BuiltDeal d;
  CsvPipelineInfo* p = nullptr;
  DealStatus status = DealStatus::Open;
  if (error.empty()) {
    p = pipeline_of_row(false);
    status = status_of();
    const StageKind kind = kind_of(status);
    const std::string_view stage = trim(cell(CsvTarget::Stage));
    if (!p) {
      fail("more than " + std::to_string(kMaxCsvPipelines) + " pipelines: this row's is left out");
    } else if (!stage.empty()) {
      auto it = p->stages.find(stage);
      if (it == p->stages.end())
        fail("more than " + std::to_string(kMaxCsvStages) + " stages in pipeline " + quoted_excerpt(p->name) + ": this row's is left out");
      else if (it->second.kind == kind) d.stage = it->second.id;
    }
    if (error.empty() && d.stage.empty()) {  // no stage, or a won deal in an open stage: the pipeline's stage of its kind
      std::string& f = p->fallback[static_cast<std::size_t>(kind)];
      if (f.empty()) f = builder.stage_of_kind(p->id, kind, kind == StageKind::Won ? "Won" : kind == StageKind::Lost ? "Lost" : "Open");
      d.stage = f;
    }
  }
  if (error.empty()) {
    const std::string_view cur = trim(cell(CsvTarget::Currency));
    d.currency = cur.empty() ? p->currency : upper(cur);
    const std::string_view value = trim(cell(CsvTarget::Value));
    std::int64_t amount = 0;
    if (!value.empty()) {
      if (parse_amount(value, decimal_comma, currency_exponent(d.currency), amount)) d.amount = amount;
      else fail(header(CsvTarget::Value) + ": " + quoted_excerpt(value) + " is not an amount");
    }
  }
  auto date = [&](CsvTarget t) -> std::optional<std::string> {
    const std::string_view v = trim(cell(t));
    if (v.empty() || !error.empty()) return std::nullopt;
    auto r = parse_csv_date(v, order(t));
    if (!r) fail(header(t) + ": " + quoted_excerpt(v) + " is not a date");
    return r;
  };
  auto time = [&](CsvTarget t) -> std::optional<Timestamp> {
    const std::string_view v = trim(cell(t));
    if (v.empty() || !error.empty()) return std::nullopt;
    auto r = parse_csv_time(v, order(t));
    if (!r) fail(header(t) + ": " + quoted_excerpt(v) + " is not a date or time");
    return r;
  };
  d.expected_close = date(CsvTarget::ExpectedClose);
  d.created = time(CsvTarget::Created);
  d.updated = time(CsvTarget::Updated);
  const std::optional<Timestamp> won = time(CsvTarget::WonTime), lost = time(CsvTarget::LostTime);

  // Custom fields, as the document holds their values.
  for (std::size_t i = 0; i < cols.size() && i < rec.fields.size() && error.empty(); ++i) {
    const CsvColumn& c = cols[i];
    if (c.target != CsvTarget::Custom) continue;
    const std::string_view raw = unneutralise(rec.fields[i]);
    const std::string_view v = trim(raw);
    if (v.empty()) continue;
    if (c.type == "number") {
      double x;
      if (parse_number(v, decimal_comma, x)) d.custom[c.field_id] = x;
      else fail(quoted_excerpt(c.header) + ": " + quoted_excerpt(v) + " is not a number");
    } else if (c.type == "money") {
      std::int64_t minor;
      std::string code(amount_code(v));  // "12.50 EUR": its own currency, else the deal's
      if (!is_currency(code)) code = is_currency(d.currency) ? d.currency : p->currency;
      if (parse_amount(v, decimal_comma, currency_exponent(code), minor) && std::llabs(minor) <= kMaxMoneyMinor)
        d.custom[c.field_id] = {{"amount", minor}, {"currency", code}};
      else fail(quoted_excerpt(c.header) + ": " + quoted_excerpt(v) + " is not an amount");
    } else if (c.type == "date") {
      auto day = parse_csv_date(v, c.order);
      if (day) d.custom[c.field_id] = *day;
      else fail(quoted_excerpt(c.header) + ": " + quoted_excerpt(v) + " is not a date");
    } else if (c.type == "choice") {
      std::string option = builder.option(c.field_id, v);
      if (!option.empty()) d.custom[c.field_id] = option;
    } else {
      d.custom[c.field_id] = clip_utf8(raw, kMaxText);
    }
  }
  if (!error.empty()) {
    result.errors.add("line " + std::to_string(rec.line), error);
    ++result.skipped;
    return;
  }

  d.title = std::string(cell(CsvTarget::Title));
  d.lost_reason = std::string(cell(CsvTarget::LostReason));
  d.company = std::string(cell(CsvTarget::Company));
  d.contact_name = std::string(cell(CsvTarget::ContactName));
  d.contact_email = std::string(trim(cell(CsvTarget::ContactEmail)));
  d.product = std::string(cell(CsvTarget::Product));
  d.plan = std::string(cell(CsvTarget::Plan));
  d.property = std::string(cell(CsvTarget::Property));
  d.source = std::string(cell(CsvTarget::Source));
  d.notes = std::string(cell(CsvTarget::Notes));
  const std::string_view owner = trim(cell(CsvTarget::Owner)), email = trim(cell(CsvTarget::OwnerEmail));
  if (!owner.empty() || !email.empty()) {
    std::string key = std::string(owner) + '\x1f' + std::string(email);
    auto it = owners.find(key);
    if (it == owners.end()) {
      std::string id = builder.person(owner, email);
      result.mapping.push_back({"person", std::string(owner.empty() ? email : owner), id.empty() ? "skipped" : "person \"" + std::string(owner.empty() ? email : owner) + "\""});
      it = owners.emplace(std::move(key), std::move(id)).first;
    }
    d.owner = it->second;
  }
  // When it was won or lost: a visit to that stage, and the last change if nothing says later.
  const std::optional<Timestamp> closed = status == DealStatus::Won ? won : status == DealStatus::Lost ? lost : std::nullopt;
  if (closed) {
    d.history.push_back({d.stage, *closed});
    if (!d.updated) d.updated = std::max(*closed, d.created.value_or(*closed));
  }
  builder.add_deal(std::move(d));
  ++deals;
}

}  // namespace pb
