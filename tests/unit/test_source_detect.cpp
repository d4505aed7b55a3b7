// Routing a dropped file to its importer, and a one-pipeline import as a template.
#include <doctest/doctest.h>

#include "documents.hpp"
#include "import_preview.hpp"
#include "source_detect.hpp"
#include "workspace_builder.hpp"

using namespace pb;

TEST_CASE("source detection: each tool's export goes to its importer") {
  CHECK(detect_source(R"({"format": "pipeboard.workspace", "version": 2})") == SourceKind::Pipeboard);
  CHECK(detect_source(R"({"id": "5e1", "name": "Board", "lists": [], "cards": []})") == SourceKind::Trello);
  CHECK(detect_source(R"({"id": "m1", "username": "ana", "boards": [{"id": "b"}]})") == SourceKind::TrelloAccount);
  CHECK(detect_source(R"({"success": true, "data": [{"id": 1, "order_nr": 1, "pipeline_id": 1}]})") ==
        SourceKind::Pipedrive);
  CHECK(detect_source(R"([{"id": 1, "title": "Deal", "stage_id": 3}])") == SourceKind::Pipedrive);
  CHECK(detect_source(R"({"results": [{"id": "default", "displayOrder": 0, "stages": []}]})") == SourceKind::HubSpot);
  CHECK(detect_source(R"({"results": [{"id": "1", "properties": {"dealname": "A"}}]})") == SourceKind::HubSpot);
  CHECK(detect_source("\xEF\xBB\xBFName,Amount\nAcme,10\n") == SourceKind::Csv);
  CHECK(detect_source("[quoted],x\n1,2\n", "deals.csv") == SourceKind::Csv);
  CHECK(detect_source(R"({"something": "else"})") == SourceKind::Unknown);
  CHECK(detect_source(std::string_view("PK\3\4\0\0", 6), "deals.xlsx") == SourceKind::Unknown);
  CHECK(detect_source("   ") == SourceKind::Unknown);
  CHECK(detect_source("hello there") == SourceKind::Unknown);        // pasted text that is no table
  CHECK(detect_source("Name;Amount\nAcme;10\n") == SourceKind::Csv);  // pasted text that is one
  CHECK(detect_source("Name,Amount\n", "deals.csv") == SourceKind::Csv);  // header only, named .csv
  CHECK(detect_source("Name,Amount\n") == SourceKind::Unknown);
  CHECK(std::string(source_kind_name(SourceKind::HubSpot)) == "hubspot");
}

TEST_CASE("source detection: a one-pipeline workspace imports as a template that adds its pipeline") {
  Issues warnings;
  WorkspaceBuilder b(0, warnings);
  std::string p = b.add_pipeline("Web Development");
  BuiltDeal d;
  d.title = "Landing page";
  d.stage = b.add_stage(p, {"To do", StageKind::Open, {}, {}});
  d.owner = b.person("Ana");
  b.add_deal(d);
  json ws = b.document();
  json t = single_pipeline_template(ws, "");
  REQUIRE(t.is_object());
  CHECK(t["name"] == "Web Development");
  Workspace current;  // an empty workspace: the template adds one pipeline, its person and its deal
  ImportPreview preview = preview_import(current, t.dump());
  REQUIRE_MESSAGE(preview.ok, (preview.errors.empty() ? std::string() : preview.errors[0].str()));
  CHECK(preview.kind == DocumentKind::Template);
  CHECK(preview.creates.pipelines == 1);
  CHECK(preview.creates.deals == 1);

  ws["pipelines"].push_back(ws["pipelines"][0]);
  CHECK(single_pipeline_template(ws, "").is_null());  // two pipelines: a workspace import
}
