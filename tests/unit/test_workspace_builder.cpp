// The importers' document builder: what it builds is a workspace the reader takes.
#include <doctest/doctest.h>

#include "documents.hpp"
#include "workspace_builder.hpp"

using namespace pb;

TEST_CASE("workspace builder: the document it builds loads, with statuses from stage kinds") {
  Issues warnings;
  WorkspaceBuilder b(1767225600000, warnings);  // 2026-01-01T00:00:00Z
  std::string p = b.add_pipeline("Sales & Co", "EUR");
  std::string lead = b.add_stage(p, {"Lead", StageKind::Open, 10, 14});
  std::string won = b.stage_of_kind(p, StageKind::Won, "Won");
  CHECK(b.stage_of_kind(p, StageKind::Won, "Other") == won);  // one won stage, found again
  std::string lost = b.stage_of_kind(p, StageKind::Lost, "Lost");
  std::string ana = b.person("Ana", "ana@example.com");
  CHECK(b.person("Ana") == ana);
  std::string plan = b.field("Plan", "choice");
  CHECK(b.option(plan, "Gold") == "Gold");
  CHECK(b.option(plan, "Gold") == "Gold");
  b.field("Never used", "choice");  // no options: becomes text

  BuiltDeal d;
  d.title = "Acme";
  d.stage = lead;
  d.amount = 125000;
  d.owner = ana;
  d.custom[plan] = "Gold";
  d.history = {{lead, 1767225600000}};
  b.add_deal(d);
  BuiltDeal l;
  l.title = std::string(300, 'x');  // clipped to 200 bytes, with a warning
  l.stage = lost;
  l.lost_reason = "Price";
  l.currency = "XYZ";  // not a currency: the pipeline's, with a warning
  b.add_deal(l);
  BuiltDeal w;
  w.stage = won;
  w.lost_reason = "ignored";  // only lost deals keep a reason
  b.add_deal(w);

  json doc = b.document();
  Workspace ws;
  Issues issues;
  REQUIRE_MESSAGE(load_workspace(doc.dump(), ws, issues), issues.summary());
  REQUIRE(ws.deals.size() == 3);
  CHECK(doc["pipelines"][0]["id"] == "pipeline-sales-co");
  CHECK(doc["deals"][1]["status"] == "lost");
  CHECK(doc["deals"][1]["title"].get<std::string>().size() == 200);
  CHECK(doc["deals"][1]["value"]["currency"] == "EUR");
  CHECK(doc["deals"][0]["created"] == "2026-01-01T00:00:00Z");  // times are Unix milliseconds
  CHECK(doc["deals"][0]["history"][0]["at"] == "2026-01-01T00:00:00Z");
  CHECK(doc["deals"][2]["status"] == "won");
  CHECK(doc["deals"][2]["title"] == "Untitled deal");
  CHECK_FALSE(doc["deals"][2].contains("lost_reason"));
  CHECK(doc["fields"][1]["type"] == "text");
  CHECK(warnings.count() == 2);
}

TEST_CASE("workspace builder: a pipeline with only won and lost stages gets an open stage first") {
  Issues warnings;
  WorkspaceBuilder b(0, warnings);
  std::string p = b.add_pipeline("");
  b.stage_of_kind(p, StageKind::Won, "Won");
  json doc = b.document();
  CHECK(doc["pipelines"][0]["name"] == "Imported pipeline");
  CHECK(doc["pipelines"][0]["stages"][0]["kind"] == "open");
  Workspace ws;
  Issues issues;
  CHECK_MESSAGE(load_workspace(doc.dump(), ws, issues), issues.summary());
}
