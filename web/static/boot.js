// Runs before the app: checks WebGL2, shows download progress, and sets up the Module object
// Emscripten's generated script reads. window.pipeboard is completed by api.js.
(function () {
  'use strict';
  const canvas = document.getElementById('canvas');
  const progress = document.getElementById('progress');
  const status = document.getElementById('status');

  function fatal(message, hint) {
    document.getElementById('loading').hidden = true;
    document.getElementById('fatal-message').textContent = message;
    document.getElementById('fatal-hint').textContent = hint || '';
    document.getElementById('fatal').hidden = false;
    canvas.hidden = true;
  }

  let readyResolve, readyReject;
  window.pipeboard = {
    ready: new Promise((resolve, reject) => { readyResolve = resolve; readyReject = reject; }),
  };
  window.pipeboard._resolveReady = () => {
    document.getElementById('loading').hidden = true;
    readyResolve(window.pipeboard);
  };
  window.pipeboard._fail = (message, hint) => { fatal(message, hint); readyReject(new Error(message)); };

  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    window.pipeboard._fail('Your browser could not start WebGL 2, which Pipeboard needs to draw the board.',
      'Turn on hardware acceleration in your browser settings, or update your browser or graphics driver, then reload.');
    return;
  }

  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus: (text) => {
      // Emscripten reports "Downloading data... (loaded/total)".
      const m = text && text.match(/\((\d+(\.\d+)?)\/(\d+)\)/);
      if (m) progress.style.width = (100 * Number(m[1]) / Number(m[3])).toFixed(1) + '%';
      if (text) status.textContent = text.replace(/\(.*\)/, '').trim() || 'Loading…';
    },
    monitorRunDependencies: () => {},
    // Downloads the .wasm ourselves to show real progress (Emscripten only reports run
    // dependencies), then instantiates it with the imports Emscripten provides.
    instantiateWasm: (imports, done) => {
      (async () => {
        const response = await fetch('index.wasm');
        if (!response.ok) throw new Error('index.wasm: HTTP ' + response.status);
        const total = Number(response.headers.get('content-length')) || 0;
        const reader = response.body.getReader();
        const chunks = [];
        let loaded = 0;
        for (;;) {
          const { done: finished, value } = await reader.read();
          if (finished) break;
          chunks.push(value);
          loaded += value.length;
          if (total) progress.style.width = (100 * loaded / total).toFixed(1) + '%';
          status.textContent = 'Downloading… ' + (loaded / 1048576).toFixed(1) + ' MB';
        }
        const bytes = new Uint8Array(loaded);
        let offset = 0;
        for (const c of chunks) { bytes.set(c, offset); offset += c.length; }
        status.textContent = 'Starting…';
        const { instance, module } = await WebAssembly.instantiate(bytes, imports);
        done(instance, module);
      })().catch((e) => window.pipeboard._fail('Pipeboard could not be downloaded.', String(e.message || e)));
      return {};
    },
    onAbort: (what) => window.pipeboard._fail('Pipeboard stopped unexpectedly.', String(what || '')),
  };
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    fatal('The graphics context was lost.', 'Reload the page to continue. Your data is kept.');
  });
})();
