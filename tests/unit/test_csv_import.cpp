// The CSV importer: inspection and suggested mappings (presets, synonyms, translations), the
// quirks of real files, row errors with their lines, hostile sizes, and the slice-by-slice job.
#include <doctest/doctest.h>

#include "csv_import.hpp"
#include "import_helpers.hpp"

using namespace pb;

namespace {

constexpr Timestamp kNow = test::kImportNow;  // 2026-09-21T14:13:20Z
// Requires an import that succeeded and a document that loads (import_helpers.hpp).
Workspace load(const SourceImport& r) { return test::loads(r); }

SourceImport import_suggested(std::string_view text) {
  const CsvInspection in = inspect_csv(text);
  REQUIRE_MESSAGE(in.ok, in.errors.summary());
  return import_csv(text, in.mapping, kNow);
}

const Stage& stage_of(const Workspace& ws, const Deal& d) {
  const Stage* s = ws.pipelines.find(d.pipeline)->stage(d.stage);
  REQUIRE(s);
  return *s;
}

CsvTarget target_of(const CsvInspection& in, std::string_view header) {
  for (const auto& c : in.mapping.columns)
    if (c.column == header) return c.target;
  return CsvTarget::Skip;
}

}  // namespace

TEST_CASE("csv import: the Salesforce Opportunity export (real fixture)") {
  const auto fixture = test::shared_fixture("salesforce/opportunity-export.csv");  // says so when skipped
  if (!fixture) return;
  const std::string& text = *fixture;
  const CsvInspection in = inspect_csv(text);
  REQUIRE(in.ok);
  CHECK(in.bom);
  CHECK(in.preset == "salesforce");
  CHECK(in.headers.size() == 35);
  CHECK(in.rows == 50);
  CHECK(in.preview.size() == 20);
  CHECK(target_of(in, "Name") == CsvTarget::Title);
  CHECK(target_of(in, "StageName") == CsvTarget::Stage);
  CHECK(target_of(in, "Amount") == CsvTarget::Value);
  CHECK(target_of(in, "IsWon") == CsvTarget::IsWon);
  CHECK(target_of(in, "CreatedDate") == CsvTarget::Created);
  CHECK(target_of(in, "Product__c") == CsvTarget::Product);
  CHECK(target_of(in, "AccountId") == CsvTarget::Skip);
  CHECK(in.columns[8].kind == CsvKind::Date);   // CloseDate
  CHECK(in.columns[20].kind == CsvKind::Time);  // CreatedDate
  const SourceImport r = import_csv(text, in.mapping, kNow);
  CHECK(r.errors.count() == 0);
  const Workspace ws = load(r);
  REQUIRE(ws.deals.size() == 50);
  REQUIRE(ws.pipelines.size() == 1);
  // Figures worked out with Python's csv module on the same file:
  //   rows with IsWon == "1": 12, sum of Amount 10542562.98; IsClosed == "1" and not won: 3, 3058912.50.
  //   Stages in first-seen order: Qualification, Closed Won, Negotiation, Discovery, Proposal/Quote, Closed Lost;
  //   the importer puts open stages first, then won, then lost, each in first-seen order.
  std::size_t won = 0, lost = 0;
  std::int64_t won_sum = 0, lost_sum = 0;
  for (std::size_t i = 0; i < ws.deals.size(); ++i) {
    const Deal& d = ws.deals.at(i);
    CHECK(d.value.currency == "USD");
    if (d.status == DealStatus::Won) ++won, won_sum += d.value.amount;
    if (d.status == DealStatus::Lost) ++lost, lost_sum += d.value.amount;
  }
  CHECK(won == 12);
  CHECK(won_sum == 1054256298);
  CHECK(lost == 3);
  CHECK(lost_sum == 305891250);
  std::vector<std::string> stages;
  for (const Stage& s : ws.pipelines.at(0).stages) stages.push_back(s.name);
  CHECK(stages == std::vector<std::string>{"Qualification", "Negotiation", "Discovery", "Proposal/Quote", "Closed Won", "Closed Lost"});
  const Deal& d3 = ws.deals.at(3);
  CHECK(d3.title == "Johnson, Avery and Smith - Business Checking Account - July 2024");  // a quoted comma
  CHECK(d3.created == *parse_timestamp("2024-01-22T16:14:25Z"));                         // +0000
  CHECK(ws.deals.at(1).expected_close == parse_date("2023-06-17"));
  CHECK(ws.deals.at(1).product == "Business Loans");
  CHECK(stage_of(ws, ws.deals.at(1)).kind == StageKind::Won);
}

TEST_CASE("csv import: Pipedrive headers, reordered, with and without the Deal - prefix") {
  const std::string text =
      "Deal - Status,Deal - Stage,Deal - Title,Deal - Value,Deal - Currency of Value,Deal - Owner,Deal - Organization,"
      "Deal - Contact person,Deal - Expected close date,Deal - Lost reason,Deal - Deal created,Deal - Won time,Extra\n"
      "open,Qualified,Acme,\"1,500.00\",EUR,Ana,Acme GmbH,Jo,2026-05-01,,2026-01-02 10:00:00,,x\n"
      "won,Qualified,Beta,200,EUR,Ben,,,,,2026-01-03 10:00:00,2026-02-01 09:00:00,y\n"
      "lost,Proposal,Gamma,300,USD,Ana,,,,Too expensive,2026-01-04 10:00:00,,z\n";
  const CsvInspection in = inspect_csv(text);
  CHECK(in.preset == "pipedrive");
  CHECK(target_of(in, "Deal - Organization") == CsvTarget::Company);
  CHECK(target_of(in, "Deal - Won time") == CsvTarget::WonTime);
  CHECK(target_of(in, "Extra") == CsvTarget::Custom);
  const SourceImport r = import_csv(text, in.mapping, kNow);
  const Workspace ws = load(r);
  REQUIRE(ws.deals.size() == 3);
  const Deal& acme = ws.deals.at(0);
  CHECK(acme.value == Money{150000, "EUR"});
  CHECK(acme.company == "Acme GmbH");
  CHECK(acme.expected_close == parse_date("2026-05-01"));
  CHECK(ws.people.find(acme.owner)->name == "Ana");
  CHECK(ws.people.size() == 2);
  const Deal& beta = ws.deals.at(1);  // won in an open stage: the pipeline's won stage
  CHECK(beta.status == DealStatus::Won);
  CHECK(stage_of(ws, beta).name == "Won");
  REQUIRE(beta.history.size() == 1);
  CHECK(beta.history[0].at == *parse_timestamp("2026-02-01T09:00:00Z"));
  CHECK(ws.deals.at(2).lost_reason == "Too expensive");
  CHECK(ws.deals.at(2).status == DealStatus::Lost);

  const std::string bare = "Title,Value,Currency of Value,Stage,Status,Organization,Contact person,Deal created\n"
                           "A,10,EUR,New,open,Org,Per,2026-01-01 00:00:00\n";
  const CsvInspection b = inspect_csv(bare);
  CHECK(b.preset == "pipedrive");
  CHECK(target_of(b, "Currency of Value") == CsvTarget::Currency);
  CHECK(load(import_csv(bare, b.mapping, kNow)).deals.at(0).contact_name == "Per");
}

TEST_CASE("csv import: HubSpot deals export") {
  const std::string text =
      "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner,Pipeline,Create Date,Closed Lost Reason\n"
      "1,Big deal,Appointment Scheduled,1000,2026-03-01 00:00,Kim Lee,Sales Pipeline,2026-01-01 12:00,\n"
      "2,Lost one,Closed Lost,50,2026-02-01 00:00,Kim Lee,Sales Pipeline,2026-01-02 12:00,No budget\n"
      "3,Won one,Closed Won,70.5,2026-02-01 00:00,,Sales Pipeline,2026-01-03 12:00,\n";
  const CsvInspection in = inspect_csv(text);
  CHECK(in.preset == "hubspot");
  CHECK(target_of(in, "Record ID") == CsvTarget::Id);
  CHECK(target_of(in, "Closed Lost Reason") == CsvTarget::LostReason);
  const Workspace ws = load(import_csv(text, in.mapping, kNow));
  REQUIRE(ws.deals.size() == 3);
  CHECK(ws.pipelines.at(0).name == "Sales Pipeline");
  CHECK(ws.deals.at(0).expected_close == parse_date("2026-03-01"));
  CHECK(ws.deals.at(1).status == DealStatus::Lost);  // the stage name says so
  CHECK(ws.deals.at(1).lost_reason == "No budget");
  CHECK(ws.deals.at(2).status == DealStatus::Won);
  CHECK(ws.deals.at(2).value.amount == 7050);
}

TEST_CASE("csv import: German headers, semicolons and decimal commas") {
  const std::string text = "Titel;Betrag;Währung;Phase;Firma;Erstellt\n"
                           "Auftrag;1.234,56;EUR;Angebot;Müller AG;03.04.2026\n"
                           "Zweiter;99,5;EUR;Angebot;;25.04.2026\n";
  const CsvInspection in = inspect_csv(text);
  CHECK(in.delimiter == ';');
  CHECK(in.decimal_comma);
  CHECK(target_of(in, "Titel") == CsvTarget::Title);
  CHECK(target_of(in, "Betrag") == CsvTarget::Value);
  CHECK(target_of(in, "Phase") == CsvTarget::Stage);
  const Workspace ws = load(import_csv(text, in.mapping, kNow));
  REQUIRE(ws.deals.size() == 2);
  CHECK(ws.deals.at(0).value.amount == 123456);
  CHECK(ws.deals.at(1).value.amount == 9950);
  CHECK(ws.deals.at(0).created == *parse_timestamp("2026-04-03T00:00:00Z"));

  const std::string fr = "Titre,Montant,Étape\nContrat,10,Négociation\n";
  const CsvInspection f = inspect_csv(fr);
  CHECK(target_of(f, "Titre") == CsvTarget::Title);
  CHECK(target_of(f, "Montant") == CsvTarget::Value);
  CHECK(target_of(f, "Étape") == CsvTarget::Stage);
  const CsvInspection es = inspect_csv("Título,Importe,Etapa\nA,1,B\n");
  CHECK(target_of(es, "Título") == CsvTarget::Title);
  CHECK(target_of(es, "Importe") == CsvTarget::Value);
}

TEST_CASE("csv import: tab-delimited, a BOM, CRLF and quoted newlines") {
  const std::string text = "\xEF\xBB\xBFName\tAmount\tNotes\r\nA\t1.5\t\"line one\r\nline two\"\r\nB\t2\tplain\r\n";
  const CsvInspection in = inspect_csv(text);
  CHECK(in.delimiter == '\t');
  CHECK(in.bom);
  CHECK(in.headers[0] == "Name");
  CHECK(in.rows == 2);
  const Workspace ws = load(import_csv(text, in.mapping, kNow));
  REQUIRE(ws.deals.size() == 2);
  CHECK(ws.deals.at(0).notes == "line one\r\nline two");
  CHECK(ws.deals.at(0).value.amount == 150);
}

TEST_CASE("csv import: an empty file fails; a header-only file is an empty workspace") {
  for (const char* empty : {"", "\xEF\xBB\xBF", "\r\n\n  \n"}) {
    CHECK_FALSE(inspect_csv(empty).ok);
    const SourceImport r = import_csv(empty, CsvMapping{}, kNow);
    CHECK_FALSE(r.ok);
    CHECK(r.errors.summary().find("empty") != std::string::npos);
  }
  const SourceImport r = import_suggested("Title,Value,Stage\r\n");
  const Workspace ws = load(r);
  CHECK(ws.deals.empty());
  CHECK(r.warnings.summary().find("no rows") != std::string::npos);
}

TEST_CASE("csv import: ambiguous slash dates, with each choice, and a row that decides") {
  const std::string text = "Title,Close date\nA,03/04/2026\nB,05/06/2026\n";
  const CsvInspection in = inspect_csv(text);
  CHECK(in.columns[1].date_ambiguous);
  CHECK(in.columns[1].date_order == DateOrder::Auto);
  CsvMapping m = in.mapping;
  m.date_order = DateOrder::Dmy;
  CHECK(load(import_csv(text, m, kNow)).deals.at(0).expected_close == parse_date("2026-04-03"));
  m.date_order = DateOrder::Mdy;
  CHECK(load(import_csv(text, m, kNow)).deals.at(0).expected_close == parse_date("2026-03-04"));
  m.date_order = DateOrder::Auto;  // undecided: day-first, with a warning
  const SourceImport a = import_csv(text, m, kNow);
  CHECK(load(a).deals.at(0).expected_close == parse_date("2026-04-03"));
  CHECK(a.warnings.summary().find("day-first or month-first") != std::string::npos);
  // One row far down says month-first: auto reads every row that way.
  std::string decided = "Title,Close date\nA,03/04/2026\n";
  for (int i = 0; i < 3000; ++i) decided += "X,01/01/2026\n";
  decided += "Z,04/25/2026\n";
  const CsvInspection d = inspect_csv(decided);
  CHECK_FALSE(d.columns[1].date_ambiguous);
  CHECK(d.columns[1].date_order == DateOrder::Mdy);
  const Workspace ws = load(import_csv(decided, d.mapping, kNow));
  CHECK(ws.deals.at(0).expected_close == parse_date("2026-03-04"));
}

TEST_CASE("csv import: a bad row among good rows is listed with its line, the rest import") {
  const std::string text = "Title,Amount,Created\n"
                           "Good,10,2026-01-01\n"
                           "\"Multi\nline\",20,2026-01-02\n"  // lines 3 and 4
                           "Bad,12abc,2026-01-03\n"           // line 5
                           "Worse,30,2026-02-30\n"            // line 6: no such day
                           "Wide,40,2026-01-04,extra\n"       // line 7: a field past the header
                           "Fine,50,2026-01-05,\n";           // an empty extra field is fine
  const SourceImport r = import_suggested(text);
  const Workspace ws = load(r);
  CHECK(ws.deals.size() == 3);
  CHECK(r.skipped == 3);
  REQUIRE(r.errors.list().size() == 3);
  CHECK(r.errors.list()[0].path == "line 5");
  CHECK(r.errors.list()[0].message.find("\"12abc\" is not an amount") != std::string::npos);
  CHECK(r.errors.list()[1].path == "line 6");
  CHECK(r.errors.list()[2].path == "line 7");
  CHECK(ws.deals.at(1).title == "Multi\nline");
}

TEST_CASE("csv import: hostile input stays bounded and never crashes") {
  // A header of 2000 columns: refused.
  std::string wide;
  for (int i = 0; i < 2000; ++i) wide += "c" + std::to_string(i) + ",";
  wide += "\n1\n";
  CHECK_FALSE(inspect_csv(wide).ok);
  CHECK_FALSE(import_csv(wide, CsvMapping{}, kNow).ok);
  // A data row of millions of delimiters, a quote never closed: row errors, good rows kept.
  const std::string text = "Title,Amount\nok,1\n" + std::string(3'000'000, ',') + "\nfine,2\n\"never closed,3\n";
  const SourceImport r = import_suggested(text);
  const Workspace ws = load(r);
  CHECK(ws.deals.size() == 2);
  REQUIRE(r.errors.list().size() == 2);
  CHECK(r.errors.list()[0].path == "line 3");
  CHECK(r.errors.list()[1].path == "line 5");
  CHECK(r.errors.list()[1].message.find("not closed") != std::string::npos);
  // A field past the field cap: that row only.
  const std::string big = "Title,Notes\na,\"" + std::string(2u << 20, 'x') + "\"\nb,ok\n";
  const SourceImport b = import_suggested(big);
  CHECK(load(b).deals.size() == 1);
  CHECK(b.errors.list()[0].message.find("longer than") != std::string::npos);
  // A pipeline and a stage per row: capped, the rows past the caps listed.
  std::string spread = "Title,Pipeline,Stage\n";
  for (int i = 0; i < 300; ++i) spread += "d,P" + std::to_string(i) + ",S\n";
  for (int i = 0; i < 300; ++i) spread += "d,P0,S" + std::to_string(i) + "\n";
  const SourceImport sp = import_suggested(spread);
  const Workspace sws = load(sp);
  CHECK(sws.pipelines.size() == 200);
  CHECK(sws.pipelines.at(0).stages.size() == 97);
  CHECK(sp.skipped == 100 + 204);  // P200..P299, and S96..S299 of P0 (S is its first stage)
  // Windows-1252 text: read as such, so the document holds valid UTF-8.
  const std::string latin = "Title,Company\nCaf\xE9,M\xFCller \x80\n";
  CHECK(inspect_csv(latin).windows1252);
  const SourceImport l = import_suggested(latin);
  CHECK(load(l).deals.at(0).company == "M\xC3\xBCller \xE2\x82\xAC");
  CHECK(l.warnings.summary().find("Windows-1252") != std::string::npos);
  // Garbage bytes.
  std::string noise;
  for (int i = 0; i < 5000; ++i) noise += static_cast<char>((i * 7919) % 256);
  const CsvInspection n = inspect_csv(noise);
  if (n.ok) {
    const SourceImport ni = import_csv(noise, n.mapping, kNow);
    if (ni.ok) load(ni);
  }
}

TEST_CASE("csv import: 100,000 rows") {
  std::string text = "Title,Amount,Currency,Stage,Owner,Created,Close date\n";
  text.reserve(10u << 20);
  for (int i = 0; i < 100'000; ++i)
    text += "Deal number " + std::to_string(i) + "," + std::to_string(i % 9973) + ".50,EUR,Stage " +
            std::to_string(i % 7) + ",Owner " + std::to_string(i % 13) + ",2026-01-02T03:04:05Z,2026-06-30\n";
  const SourceImport r = import_suggested(text);
  REQUIRE(r.ok);
  CHECK(r.errors.count() == 0);
  CHECK(r.document["deals"].size() == 100'000);
  CHECK(r.document["people"].size() == 13);
  CHECK(r.document["pipelines"][0]["stages"].size() == 7);
}

TEST_CASE("csv import: the job in slices gives what import_csv gives, with rising progress") {
  std::string text = "Title,Amount,Stage\n";
  for (int i = 0; i < 1000; ++i) text += "D" + std::to_string(i) + "," + std::to_string(i) + ",S" + std::to_string(i % 3) + "\n";
  const CsvInspection in = inspect_csv(text);
  CsvImportJob job(text, in.mapping, kNow);
  double last = 0;
  int steps = 0;
  while (job.step(50)) {
    CHECK(job.progress() >= last);
    CHECK(job.progress() <= 1.0);
    last = job.progress();
    ++steps;
  }
  CHECK(steps >= 30);  // two passes of 1000 rows, 50 at a time
  CHECK(job.progress() == 1.0);
  const SourceImport sliced = job.finish();
  const SourceImport whole = import_csv(text, in.mapping, kNow);
  CHECK(sliced.document == whole.document);
  CHECK(sliced.mapping == whole.mapping);
}

TEST_CASE("csv import: the mapping as JSON, its errors, and skipped lines") {
  const std::string text = "Title,Amount,Kind\nA,1,x\nB,2,y\nC,3,x\n";
  CsvInspection in = inspect_csv(text);
  CHECK(in.header_key == "title|amount|kind");
  in.mapping.skip_lines = {3};
  in.mapping.columns[2] = {"Kind", CsvTarget::Custom, "Kind", "choice"};
  CsvMapping back;
  Issues issues;
  REQUIRE_MESSAGE(csv_mapping_from_json(to_json(in.mapping), back, issues), issues.summary());
  CHECK(back == in.mapping);
  const SourceImport r = import_csv(text, back, kNow);
  const Workspace ws = load(r);
  CHECK(ws.deals.size() == 2);
  CHECK(r.skipped == 1);
  REQUIRE(ws.fields.size() == 1);
  CHECK(ws.fields.at(0).type == FieldType::Choice);
  CHECK(ws.fields.at(0).options == std::vector<std::string>{"x"});
  bool listed = false;
  for (const auto& m : r.mapping) listed = listed || (m.kind == "column" && m.source == "Amount" && m.target == "value");
  CHECK(listed);

  const json bad = json::parse(R"({"columns": [{"column": "A", "target": "titel"}, {"target": "custom", "type": "colour"}],
                                   "date_order": "ymd", "delimiter": "|", "decimal_comma": "yes", "extra": 1})",
                                  nullptr, false);
  Issues e;
  CHECK_FALSE(csv_mapping_from_json(bad, back, e));
  std::string all;
  for (const auto& i : e.list()) all += i.str() + "\n";
  CHECK(all.find("/columns/0/target: \"titel\" is not a target") != std::string::npos);
  CHECK(all.find("/columns/1/type") != std::string::npos);
  CHECK(all.find("/columns/1/field") != std::string::npos);
  CHECK(all.find("/date_order") != std::string::npos);
  CHECK(all.find("/delimiter") != std::string::npos);
  CHECK(all.find("/decimal_comma") != std::string::npos);
  CHECK(all.find("/extra") != std::string::npos);
  Issues none;
  CHECK_FALSE(csv_mapping_from_json(json::parse("{}", nullptr, false), back, none));
  CHECK(none.summary().find("/columns") != std::string::npos);
}
