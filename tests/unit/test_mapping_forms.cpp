// The mapping screen's forms: each format's choices, and the answers read back into its import.
#include <doctest/doctest.h>

#include "import_helpers.hpp"
#include "mapping_form.hpp"

using namespace pb;
using pb::test::kImportNow;

namespace {

MappingChoice& choice(MappingForm& f, const std::string& key) {
  for (auto& c : f.choices)
    if (c.key == key) return c;
  FAIL("no choice " << key);
  return f.choices.front();
}

int option(const MappingChoice& c, const std::string& text) {
  for (std::size_t i = 0; i < c.options.size(); ++i)
    if (c.options[i] == text) return static_cast<int>(i);
  FAIL("no option " << text << " in " << c.key);
  return -1;
}

const char* kBoard = R"({"id": "5eb3ae8a0000000000000001", "name": "Deals",
  "lists": [{"id": "a", "name": "Lead", "pos": 1}, {"id": "b", "name": "Closed", "pos": 2},
            {"id": "c", "name": "Gone", "pos": 3}],
  "cards": [{"id": "5eb3ae8a0000000000000002", "name": "Acme", "idList": "a", "pos": 1},
            {"id": "5eb3ae8a0000000000000003", "name": "Globex", "idList": "b", "pos": 1},
            {"id": "5eb3ae8a0000000000000004", "name": "Initech", "idList": "c", "pos": 1},
            {"id": "5eb3ae8a0000000000000005", "name": "Umbrella", "idList": "a", "pos": 2}],
  "customFields": [{"id": "f1", "name": "Budget", "type": "number"}], "members": [], "labels": [], "actions": []})";

bool selected_is(const MappingForm& f, const std::string& key, const std::string& text) {
  const MappingChoice* c = find_choice(f, key);
  return c && c->selected >= 0 && c->options[static_cast<std::size_t>(c->selected)] == text;
}

}  // namespace

TEST_CASE("mapping forms: a Trello list marked won on the form becomes the won stage") {
  const std::vector<std::string_view> texts{kBoard};
  MappingForm form = mapping_form(SourceKind::Trello, texts);
  REQUIRE(form.errors.ok());
  CHECK(form.title == "Trello board \"Deals\"");
  CHECK(form.records == 4);
  MappingChoice& closed = choice(form, "list:b");
  CHECK(closed.label == "Closed");
  CHECK(closed.options == std::vector<std::string>{"Open stage", "Won stage", "Lost stage"});
  closed.selected = 1;
  choice(form, "list:c").selected = 2;
  MappingChoice& value = choice(form, "value_field");
  CHECK(value.options == std::vector<std::string>{"None", "Budget"});

  SourceImport r = import_with_form(form, texts, kImportNow);
  REQUIRE(r.ok);
  const json& stages = r.document["pipelines"][0]["stages"];
  REQUIRE(stages.size() == 3);
  CHECK(stages[1]["kind"] == "won");
  CHECK(stages[2]["kind"] == "lost");
  // Deals in list order, then card order: Acme, Umbrella (Lead), Globex (Closed), Initech (Gone).
  CHECK(r.document["deals"][1]["title"] == "Umbrella");
  CHECK(r.document["deals"][2]["status"] == "won");
  CHECK(r.document["deals"][3]["status"] == "lost");

  // The live preview: the first cards only.
  SourceImport sample = import_with_form(form, texts, kImportNow, 2);
  CHECK(sample.document["deals"].size() == 2);
}

TEST_CASE("mapping forms: a CSV column changed to a new number field, and the live preview's first rows") {
  std::string csv = "Name;Amount;Budget code;Stage\n";
  for (int i = 0; i < 30; ++i) csv += "Deal " + std::to_string(i) + ";1.234,50;" + std::to_string(100 + i) + ";Offer\n";
  const std::vector<std::string_view> texts{csv};
  MappingForm form = mapping_form(SourceKind::Csv, texts);
  REQUIRE(form.errors.ok());
  CHECK(form.records == 30);
  CHECK(form.sample_header == std::vector<std::string>{"Name", "Amount", "Budget code", "Stage"});
  CHECK(selected_is(form, "decimal", "Comma (1.234,56)"));
  CHECK(selected_is(form, "delimiter", "Semicolon"));
  MappingChoice& name = choice(form, "column:0");
  CHECK(name.options[static_cast<std::size_t>(name.selected)] == "Title");
  MappingChoice& budget = choice(form, "column:2");
  budget.selected = option(budget, "New field: number");

  SourceImport r = import_with_form(form, texts, kImportNow);
  REQUIRE(r.ok);
  CHECK(r.document["deals"].size() == 30);
  CHECK(r.document["deals"][0]["value"]["amount"] == 123450);
  REQUIRE(r.document["fields"].size() == 1);
  CHECK(r.document["fields"][0]["name"] == "Budget code");
  CHECK(r.document["fields"][0]["type"] == "number");
  const std::string field = r.document["fields"][0]["id"];
  CHECK(r.document["deals"][3]["custom"][field] == 103);

  SourceImport sample = import_with_form(form, texts, kImportNow, 5);
  CHECK(sample.document["deals"].size() == 5);

  // The job in slices gives the same document as the import in one go.
  SourceImportJob job(form, texts, kImportNow);
  int steps = 0;
  while (!job.step(4)) ++steps;
  CHECK(steps > 3);
  CHECK(job.progress() == 1.0);
  CHECK(job.finish().document == r.document);
}

TEST_CASE("mapping forms: files Pipeboard cannot import are explained, and nothing converts") {
  const std::vector<std::string_view> account{R"({"id": "m", "username": "u", "idBoards": [], "boards": []})"};
  MappingForm form = mapping_form(SourceKind::TrelloAccount, account);
  CHECK_FALSE(form.errors.ok());
  CHECK(form.errors.summary().find("Export as JSON") != std::string::npos);
  CHECK_FALSE(import_with_form(form, account, kImportNow).ok);

  const std::vector<std::string_view> empty{""};
  MappingForm csv = mapping_form(SourceKind::Csv, empty);
  CHECK_FALSE(csv.errors.ok());
  CHECK_FALSE(import_with_form(csv, empty, kImportNow).ok);
  CHECK_FALSE(mapping_form(SourceKind::Csv, {}).errors.ok());
}

TEST_CASE("mapping forms: a Pipedrive pipeline left out on the form is not imported") {
  const std::string pipelines = R"({"success": true, "data": [{"id": 1, "name": "Sales"}, {"id": 2, "name": "Partners"}]})";
  const std::string stages = R"([{"id": 10, "name": "Lead", "pipeline_id": 1, "order_nr": 1},
                                 {"id": 20, "name": "Intro", "pipeline_id": 2, "order_nr": 1}])";
  const std::string deals = R"([{"id": 1, "title": "A", "stage_id": 10, "pipeline_id": 1, "status": "open", "value": 10, "currency": "EUR"},
                                {"id": 2, "title": "B", "stage_id": 20, "pipeline_id": 2, "status": "open", "value": 5, "currency": "EUR"}])";
  const std::vector<std::string_view> texts{pipelines, stages, deals};
  MappingForm form = mapping_form(SourceKind::Pipedrive, texts);
  REQUIRE(form.errors.ok());
  SourceImport both = import_with_form(form, texts, kImportNow);
  REQUIRE(both.ok);
  CHECK(both.document["pipelines"].size() == 2);
  choice(form, "pipeline:2").selected = 1;  // Leave out
  SourceImport one = import_with_form(form, texts, kImportNow);
  REQUIRE(one.ok);
  CHECK(one.document["pipelines"].size() == 1);
  CHECK(one.document["deals"].size() == 1);
}
