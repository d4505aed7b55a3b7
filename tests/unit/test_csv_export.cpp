// CSV export: cells spreadsheets cannot run, and a round trip through import_csv with the mapping
// inspect_csv suggests (no manual edits) that gives back the same deals, field by field.
#include <doctest/doctest.h>

#include "csv_export.hpp"
#include "csv_import.hpp"
#include "documents.hpp"
#include "workspace_builder.hpp"

using namespace pb;

namespace {

constexpr Timestamp kNow = 1'790'000'000'000;

Workspace load_doc(const json& doc) {
  Workspace ws;
  Issues issues;
  REQUIRE_MESSAGE(load_workspace(doc.dump(), ws, issues), issues.summary());
  return ws;
}

std::vector<const Deal*> all_deals(const Workspace& ws) {
  std::vector<const Deal*> out;
  for (std::size_t i = 0; i < ws.deals.size(); ++i) out.push_back(&ws.deals.at(i));
  return out;
}

// Deals with every kind of field and the text that breaks naive CSV.
Workspace generated() {
  Issues warnings;
  WorkspaceBuilder b(kNow, warnings);
  const std::string sales = b.add_pipeline("Sales", "EUR"), partners = b.add_pipeline("Partners, Intl", "USD");
  const std::string stages[] = {b.add_stage(sales, {"Lead", StageKind::Open, 10, {}}),
                                b.add_stage(sales, {"Proposal \"v2\"", StageKind::Open, 50, {}}),
                                b.add_stage(sales, {"Won", StageKind::Won, 100, {}}),
                                b.add_stage(sales, {"Lost", StageKind::Lost, 0, {}}),
                                b.add_stage(partners, {"Intro", StageKind::Open, 20, {}}),
                                b.add_stage(partners, {"Signed", StageKind::Won, 100, {}}),
                                b.add_stage(partners, {"Dropped", StageKind::Lost, 0, {}})};
  const std::string people[] = {b.person("Ana", "ana@example.com"), b.person("Łukasz"), b.person("=Bob", "bob@x.io")};
  const std::string text = b.field("Notes, extra", "text"), number = b.field("Score", "number"),
                    money = b.field("Budget", "money"), date = b.field("Renewal", "date"),
                    choice = b.field("Industry", "choice");
  b.option(choice, "Retail");
  b.option(choice, "Tech, AI");
  const char* titles[] = {"=SUM(A1)", "+1 call", "-dash", "@mention", "Comma, Inc", "Say \"hi\"", "New\nline",
                          "CR\r\nLF", "Ünïcødé 日本語 🚀", "'=already", "''-double", " spaced ", "\tTab", "plain", "'"};
  const char* currencies[] = {"EUR", "JPY", "USD", "KWD"};
  const double numbers[] = {1.5, -2.25, 1e20, 0.1, 42, -0.0001};
  for (int i = 0; i < 60; ++i) {
    BuiltDeal d;
    d.title = titles[i % 15];
    d.stage = stages[i % 7];
    d.currency = currencies[i % 4];
    d.amount = (i * 1234567LL) % 100000000 - 30000000;  // negative for some
    if (i % 7 == 3 || i % 7 == 6) d.lost_reason = i % 2 ? "Price, too high" : "-competitor";
    d.owner = i % 5 == 4 ? "" : people[i % 3];
    d.company = i % 3 ? "Acme \"Ltd\", Berlin" : "@corp";
    d.contact_name = "Jo " + std::to_string(i);
    d.contact_email = "jo" + std::to_string(i) + "@example.com";
    d.product = i % 2 ? "Widget" : "";
    d.plan = "+Plus";
    d.property = "Flat 3\nLondon";
    d.source = "Web";
    d.notes = i % 4 ? "Line 1\nLine 2, \"quoted\"\r\n=not a formula" : "";
    if (i % 3) d.expected_close = "2026-0" + std::to_string(1 + i % 9) + "-15";
    d.created = 1'700'000'000'000 + i * 86'400'123LL;
    d.updated = *d.created + 3'600'000;
    if (i % 2) d.custom[text] = i % 4 == 1 ? "=1+1\nsecond" : "Ünï, \"x\"";
    if (i % 3 != 2) d.custom[number] = numbers[i % 6];
    if (i % 4 != 3) d.custom[money] = {{"amount", -1250 + i * 1000}, {"currency", i % 2 ? "GBP" : "JPY"}};
    if (i % 5) d.custom[date] = "2027-12-0" + std::to_string(1 + i % 9);
    if (i % 6) d.custom[choice] = i % 2 ? "Retail" : "Tech, AI";
    b.add_deal(d);
  }
  return load_doc(b.document());
}

std::string owner_name(const Workspace& ws, const Deal& d) {
  const Person* p = ws.people.find(d.owner);
  return p ? p->name + " <" + p->email + ">" : "";
}

std::map<std::string, FieldValue> custom_by_name(const Workspace& ws, const Deal& d) {
  std::map<std::string, FieldValue> out;
  for (const auto& [id, v] : d.custom) out[ws.fields.find(id)->name] = v;
  return out;
}

}  // namespace

TEST_CASE("csv export: cells are neutralised and quoted, money and times written plainly") {
  CHECK(csv_cell("plain") == "plain");
  CHECK(csv_cell("=SUM(A1)") == "'=SUM(A1)");
  CHECK(csv_cell("-dash") == "'-dash");
  CHECK(csv_cell("'=x") == "''=x");  // comes back as '=x
  CHECK(csv_cell("a,b") == "\"a,b\"");
  CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_cell("@x\ny") == "\"'@x\ny\"");
  Issues warnings;
  WorkspaceBuilder b(kNow, warnings);
  const std::string p = b.add_pipeline("P");
  BuiltDeal d;
  d.title = "T";
  d.stage = b.add_stage(p, {"S", StageKind::Open, {}, {}});
  d.amount = -1250;
  d.currency = "EUR";
  d.created = *parse_timestamp("2026-01-02T03:04:05.678Z");
  b.add_deal(d);
  d.amount = 1500;
  d.currency = "JPY";
  b.add_deal(d);
  const Workspace ws = load_doc(b.document());
  const std::string csv = export_deals_csv(ws, all_deals(ws), {"title", "value", "created", "nope"});
  CHECK(csv == "Title,Value,Currency,Created\r\nT,-12.50,EUR,2026-01-02T03:04:05.678Z\r\nT,1500,JPY,2026-01-02T03:04:05.678Z\r\n");
  std::string error;
  CHECK_FALSE(check_export_columns(ws, {"title", "nope"}, error));
  CHECK(error.find("\"nope\"") != std::string::npos);
  CHECK(check_export_columns(ws, default_export_columns(ws), error));
}

TEST_CASE("csv export: export, then import with the suggested mapping, gives the same deals") {
  const Workspace ws = generated();
  REQUIRE(ws.deals.size() == 60);
  const std::string csv = export_deals_csv(ws, all_deals(ws), default_export_columns(ws));
  const CsvInspection in = inspect_csv(csv);
  REQUIRE(in.ok);
  CHECK(in.preset == "pipeboard");
  CHECK_FALSE(in.decimal_comma);
  for (const auto& c : in.mapping.columns) {
    INFO(c.column);
    CHECK(c.target != CsvTarget::Skip);  // every column maps back by itself
  }
  const SourceImport r = import_csv(csv, in.mapping, kNow);
  INFO(r.errors.summary());
  CHECK(r.errors.count() == 0);
  CHECK(r.warnings.count() == 0);
  REQUIRE(r.ok);
  const Workspace back = load_doc(r.document);
  REQUIRE(back.deals.size() == ws.deals.size());
  for (std::size_t i = 0; i < ws.deals.size(); ++i) {
    const Deal& a = ws.deals.at(i);
    const Deal& b = back.deals.at(i);
    INFO("deal " << i << ": " << a.title);
    CHECK(b.title == a.title);
    CHECK(back.pipelines.find(b.pipeline)->name == ws.pipelines.find(a.pipeline)->name);
    CHECK(back.pipelines.find(b.pipeline)->stage(b.stage)->name == ws.pipelines.find(a.pipeline)->stage(a.stage)->name);
    CHECK(b.status == a.status);
    CHECK(b.lost_reason == a.lost_reason);
    CHECK(b.value == a.value);
    CHECK(owner_name(back, b) == owner_name(ws, a));
    CHECK(b.company == a.company);
    CHECK(b.contact_name == a.contact_name);
    CHECK(b.contact_email == a.contact_email);
    CHECK(b.product == a.product);
    CHECK(b.plan == a.plan);
    CHECK(b.property == a.property);
    CHECK(b.source == a.source);
    CHECK(b.expected_close == a.expected_close);
    CHECK(b.created == a.created);
    CHECK(b.updated == a.updated);
    CHECK(b.notes == a.notes);
    CHECK(custom_by_name(back, b) == custom_by_name(ws, a));
  }
  // The fields come back with their types.
  REQUIRE(back.fields.size() == ws.fields.size());
  for (std::size_t i = 0; i < ws.fields.size(); ++i) {
    CHECK(back.fields.at(i).name == ws.fields.at(i).name);
    CHECK(back.fields.at(i).type == ws.fields.at(i).type);
  }
}
