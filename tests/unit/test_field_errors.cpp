// Rejected edits land beside the field that caused them (src/ui/field_errors.hpp): the core's
// error paths pick the field, the message loses its path, leaving a form forgets its errors.
#include <cstdio>

#include "test_helpers.hpp"
#include "ui/field_errors.hpp"

using namespace pb;
using namespace pb::ui;

TEST_CASE("a dispatch error splits into its JSON Pointer and a message for people") {
  CHECK(split_error("/set/title: must not be empty").path == "/set/title");
  CHECK(split_error("/set/title: must not be empty").message == "Must not be empty");
  CHECK(split_error("/options/2: repeats option \"a\" (and 1 more)").message == "Repeats option \"a\"");
  const SplitError plain = split_error("stage \"Won\": holds 3 deals");
  CHECK(plain.path.empty());
  CHECK(plain.message == "Stage \"Won\": holds 3 deals");
}

TEST_CASE("the field whose path prefixes the error's path takes it; else the first") {
  const std::vector<FieldTarget> fields{{"input:newfield", "pipeline:p", "Size", "/field/name"},
                                        {"input:newfieldoptions", "pipeline:p", "S, S", "/field/options"}};
  CHECK(field_for_error(fields, "/field/options/1").name == "input:newfieldoptions");
  CHECK(field_for_error(fields, "/field/options").name == "input:newfieldoptions");
  CHECK(field_for_error(fields, "/field/optionsx").name == "input:newfield");  // a prefix of a name is not a parent
  CHECK(field_for_error(fields, "/field/type").name == "input:newfield");
  CHECK(field_for_error(fields, "").name == "input:newfield");
}

TEST_CASE("reject keeps the typed text with the message; accept clears it and empties add boxes") {
  UiState ui;
  const FieldTarget value{"editor:value", "deal:d1", "-", "/set/value"};
  reject(ui, {value}, "/set/value/amount: must be between 0 and 10");
  REQUIRE(ui.field_errors.count("editor:value"));
  CHECK(ui.field_errors["editor:value"].text == "-");
  CHECK(ui.field_errors["editor:value"].message == "Must be between 0 and 10");

  std::vector<FieldTarget> add{{"input:newfield", "pipeline:p", "Size", "/field/name", true},
                               {"input:newfieldoptions", "pipeline:p", "S, S", "/field/options", true}};
  reject(ui, add, "/field/name: a field named \"Size\" exists");
  CHECK(ui.field_errors.count("input:newfield"));
  reject(ui, add, "/field/options/1: repeats option \"S\"");
  CHECK_FALSE(ui.field_errors.count("input:newfield"));  // only the field at fault shows an error
  CHECK(ui.field_errors.count("input:newfieldoptions"));
  std::snprintf(ui.edit_buffers["input:newfield"].data(), 256, "%s", "Size");
  accept(ui, add);
  CHECK_FALSE(ui.field_errors.count("input:newfieldoptions"));
  CHECK(ui.edit_buffers["input:newfield"][0] == '\0');
  CHECK(ui.field_errors.count("editor:value"));  // other fields keep theirs
}

TEST_CASE("leaving a form forgets its rejected edits") {
  UiState ui;
  ui.open_deal = "d1";
  reject_input(ui, {"editor:value", deal_form("d1"), "abc", "/set/value"}, "Is not an amount");
  reject_input(ui, {"stageprob:s1", pipeline_form("p1"), "150", "/set/probability"}, "Must be between 0 and 100");
  forget_closed_forms(ui);
  CHECK(ui.field_errors.size() == 1);  // the pipeline editor is not open
  ui.dialog.kind = Dialog::PipelineEditor;
  ui.dialog.target = "p1";
  reject_input(ui, {"stageprob:s1", pipeline_form("p1"), "150", "/set/probability"}, "Must be between 0 and 100");
  forget_closed_forms(ui);
  CHECK(ui.field_errors.size() == 2);
  ui.open_deal = "d2";  // another deal in the editor
  forget_closed_forms(ui);
  CHECK(ui.field_errors.size() == 1);
  ui.dialog.kind = Dialog::None;
  forget_closed_forms(ui);
  CHECK(ui.field_errors.empty());
}
