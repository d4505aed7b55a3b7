// window.pipeboard: the JavaScript API (see README "JavaScript API"). Appended to the
// Emscripten output with --post-js, so it can reach Module's exports.
(function () {
  'use strict';
  const api = window.pipeboard;

  // Passes a JS string to C++ on the heap (large documents do not fit on the stack).
  function withCString(text, fn) {
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    if (!ptr) return { ok: false, error: 'out of memory' };
    stringToUTF8(text, ptr, size);
    try { return fn(ptr); } finally { _free(ptr); }
  }
  // Takes ownership of a malloc'ed C string returned by C++.
  function takeCString(ptr) {
    const text = UTF8ToString(ptr);
    _free(ptr);
    return text;
  }
  function takeResult(ptr) { return JSON.parse(takeCString(ptr)); }

  api.exportWorkspace = () => takeCString(_pb_api_export_workspace());
  api.importWorkspace = (json) => {
    if (typeof json !== 'string') json = JSON.stringify(json);
    return withCString(json, (p) => takeResult(_pb_api_import_workspace(p)));
  };
  api.dispatch = (command) => {
    if (typeof command !== 'string') command = JSON.stringify(command);
    return withCString(command, (p) => takeResult(_pb_api_dispatch(p)));
  };
  api.undo = () => takeResult(_pb_api_undo());
  api.redo = () => takeResult(_pb_api_redo());
  api.state = () => takeResult(_pb_api_state());
  api.itemRect = (name) => withCString(String(name), (p) => takeResult(_pb_api_item_rect(p)));
  api.frameStats = () => takeResult(_pb_api_frame_stats());
  api.resetFrameStats = () => _pb_api_reset_frame_stats();
  // Resolves with the storage state once every change made so far is committed (or saving is stuck:
  // a conflict waiting for the user, or no storage; check .status).
  const flushWaiters = [];
  api._flushSettled = (status) => { flushWaiters.splice(0).forEach((resolve) => resolve(status)); };
  api.flush = () => new Promise((resolve) => { flushWaiters.push(resolve); _pb_api_flush(); });
  // Importing and sharing (README "Sharing pipelines").
  const asText = (json) => (typeof json === 'string' ? json : JSON.stringify(json));
  api.previewImport = (text) => withCString(asText(text), (p) => takeResult(_pb_api_preview_import(p)));
  api.openImport = (text) => { withCString(asText(text), (p) => _pb_api_open_import(p)); };
  api.templateJson = (pipelineId, { includeDeals = false } = {}) =>
    withCString(String(pipelineId), (p) => takeResult(_pb_api_template_json(p, includeDeals ? 1 : 0)));
  api.shareLink = (pipelineId, options) => {
    const t = api.templateJson(pipelineId, options);
    if (!t.ok) return Promise.reject(new Error(t.error));
    return api._makeShareLink(t.text);
  };
  // A #tour= link that plays a pipeboard.tour document (README "Guided tours").
  api.tourLink = (tour) => api._makeShareLink(asText(tour), 'tour');
  // Reports (README "Reports"): the report JSON text for params such as {pipeline, from, to, now};
  // throws an Error naming the bad parameter.
  api.report = (params = {}) => {
    const r = withCString(asText(params), (p) => takeResult(_pb_api_report(p)));
    if (!r.ok) throw new Error(r.error);
    return r.text;
  };
  api.loadDemo = ({ deals = 240, onePipeline = false } = {}) => takeResult(_pb_api_load_demo(deals, onePipeline ? 1 : 0));
  // Moves the app's clock for tests and demos (README "The free trial"); only on ?debug=1 pages.
  if (new URLSearchParams(window.location.search).get('debug') === '1') {
    api.setNow = (iso) => {
      const r = withCString(String(iso), (p) => takeResult(_pb_api_set_now(p)));
      if (!r.ok) throw new Error(r.error);
    };
  }
})();
