// Cross-record rules of a workspace: references resolve, ids are unique, statuses match stages.
// Used for whole documents before import, and by commands for the records they write.
#pragma once
#include "json_read.hpp"
#include "model.hpp"

namespace pb {

// Pipeline structure: unique stage ids (also against other pipelines), at least one open stage.
void check_pipeline(const Workspace& ws, const Pipeline& p, const JsonPath& path, Issues& issues);
// A deal's pipeline, stage, status, owner and custom values against the workspace.
void check_deal(const Workspace& ws, const Deal& d, const JsonPath& path, Issues& issues);
// A view's pipeline, filter, grouping, sort and hidden stages.
void check_view(const Workspace& ws, const View& v, const JsonPath& path, Issues& issues);
// Every rule, for a workspace built from a document. Paths are "/pipelines/3/..." style.
void check_workspace(const Workspace& ws, Issues& issues);

}  // namespace pb
