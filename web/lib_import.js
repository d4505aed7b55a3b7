// Importing and sharing for the C++ side (linked with --js-library): the hidden file picker,
// dropping a file anywhere on the page (with a hint overlay), and share links: a template's JSON,
// deflate-raw compressed (CompressionStream) and base64url coded into #template=<data>.
// Emscripten 3.1.6: `name: function` (no method shorthand), no runtime values in this literal,
// no destructuring in for-of.
mergeInto(LibraryManager.library, {
  $PbImport__deps: ['malloc', 'free'],
  $PbImport: {
    started: false,
    input: null,
    overlay: null,
    MAX_LINK: 8000,
    MAX_BYTES: 128 * 1024 * 1024,

    // Calls an exported C function with JS strings on the heap.
    call: function (name, args) {
      const ptrs = [];
      try {
        for (let i = 0; i < args.length; i++) {
          const size = lengthBytesUTF8(args[i]) + 1;
          const p = _malloc(size);
          stringToUTF8(args[i], p, size);
          ptrs.push(p);
        }
        Module['_' + name].apply(null, ptrs);
      } finally {
        ptrs.forEach(function (p) { _free(p); });
      }
    },
    failed: function (message) { PbImport.call('pb_import_failed', [message]); },

    // A File from the picker or a drop: its text goes to the import preview (Pipeboard's own
    // files) or to the mapping screen (other tools' exports). Resolves when it has been handed over.
    readFile: function (file) {
      if (!file) return Promise.resolve();
      if (file.size > PbImport.MAX_BYTES) {
        PbImport.failed('"' + file.name + '" is larger than 128 MB, the most Pipeboard imports.');
        return Promise.resolve();
      }
      return file.text().then(function (text) {
        if (text.indexOf('\u0000') >= 0) {
          const sheet = /\.(xlsx?|ods|numbers)$/i.test(file.name);
          PbImport.failed('"' + file.name + '" is not a text file: ' + (sheet
            ? 'save the spreadsheet as CSV first, then import the .csv file.'
            : 'choose a Pipeboard file, a Trello, Pipedrive or HubSpot export (.json) or a CSV file.'));
          return;
        }
        PbImport.call('pb_import_text', [text, '"' + file.name + '"']);
      }, function (e) {
        PbImport.failed('"' + file.name + '" could not be read: ' + (e && e.message ? e.message : e));
      });
    },
    // Several files at once (Pipedrive's pipelines, stages and deals responses): one after another.
    readFiles: function (files) {
      const list = Array.prototype.slice.call(files || []);
      list.reduce(function (done, file) { return done.then(function () { return PbImport.readFile(file); }); },
                  Promise.resolve());
    },

    hasFiles: function (e) {
      const types = e.dataTransfer ? Array.prototype.slice.call(e.dataTransfer.types || []) : [];
      return types.indexOf('Files') >= 0;
    },
    showOverlay: function (show) { if (PbImport.overlay) PbImport.overlay.hidden = !show; },

    init: function () {
      if (PbImport.started) return;
      PbImport.started = true;
      const input = PbImport.input = document.createElement('input');
      input.type = 'file';
      input.id = 'pb-import-file';
      input.accept = '.json,application/json,.csv,text/csv,.tsv,.txt';
      input.multiple = true;
      input.style.display = 'none';
      input.addEventListener('change', function () {
        PbImport.readFiles(input.files);
        input.value = '';
      });
      document.body.appendChild(input);

      const overlay = PbImport.overlay = document.createElement('div');
      overlay.id = 'pb-drop-hint';
      overlay.hidden = true;
      overlay.textContent = 'Drop a Pipeboard file, a Trello, Pipedrive or HubSpot export, or a CSV file to import it';
      overlay.style.cssText = 'position:fixed;inset:12px;display:flex;align-items:center;justify-content:center;' +
        'border:3px dashed #7aa2f7;border-radius:14px;background:rgba(20,24,36,0.78);color:#fff;' +
        'font:600 22px system-ui,sans-serif;pointer-events:none;z-index:10;';
      const style = document.createElement('style');
      style.textContent = '#pb-drop-hint[hidden]{display:none !important;}';
      document.head.appendChild(style);
      document.body.appendChild(overlay);

      let depth = 0;
      window.addEventListener('dragenter', function (e) {
        if (!PbImport.hasFiles(e)) return;
        e.preventDefault();
        depth++;
        PbImport.showOverlay(true);
      });
      window.addEventListener('dragover', function (e) {
        if (!PbImport.hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        PbImport.showOverlay(true);
      });
      window.addEventListener('dragleave', function (e) {
        depth = Math.max(0, depth - 1);
        if (depth === 0 || !e.relatedTarget) PbImport.showOverlay(false);
      });
      window.addEventListener('drop', function (e) {
        depth = 0;
        PbImport.showOverlay(false);
        if (!PbImport.hasFiles(e)) return;
        e.preventDefault();
        PbImport.readFiles(e.dataTransfer.files);
      });

      const api = window.pipeboard;
      api._makeShareLink = PbImport.makeLink;
      if (api.ready) api.ready.then(function () { PbImport.readFragment(); });
    },

    toBase64Url: function (bytes) {
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    },
    fromBase64Url: function (text) {
      const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
      const bin = atob(b64 + '==='.slice((b64.length + 3) % 4));
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return bytes;
    },
    pipe: function (bytes, stream) {
      const piped = new Blob([bytes]).stream().pipeThrough(stream);
      return new Response(piped).arrayBuffer().then(function (b) { return new Uint8Array(b); });
    },

    // Resolves with the link, or rejects with an Error saying why there is none.
    makeLink: function (text, kind) {
      const raw = new TextEncoder().encode(text);
      return PbImport.pipe(raw, new CompressionStream('deflate-raw')).then(function (packed) {
        const url = location.origin + location.pathname + '#' + (kind || 'template') + '=' + PbImport.toBase64Url(packed);
        if (url.length > PbImport.MAX_LINK) {
          throw new Error('The link would be ' + url.length.toLocaleString('en-US') + ' characters, more than ' +
            PbImport.MAX_LINK.toLocaleString('en-US') + ' (too long for many browsers and chats): download the template file instead.');
        }
        return url;
      });
    },

    // At start-up: a #template= link opens the import preview, a #tour= link plays its tour (the
    // app tells them apart by their format); the fragment is cleared first.
    readFragment: function () {
      const hash = location.hash || '';
      const prefix = ['#template=', '#tour='].find(function (p) { return hash.indexOf(p) === 0; });
      if (!prefix) return;
      const data = hash.slice(prefix.length);
      history.replaceState(null, '', location.pathname + location.search);
      let bytes;
      try { bytes = PbImport.fromBase64Url(decodeURIComponent(data)); } catch (e) {
        PbImport.failed('This share link is damaged (it is not base64url): nothing was imported.');
        return;
      }
      PbImport.pipe(bytes, new DecompressionStream('deflate-raw')).then(function (out) {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(out);
        PbImport.call('pb_import_text', [text, 'a share link']);
      }).catch(function () {
        PbImport.failed('This share link is damaged or incomplete (it does not decompress): nothing was imported.');
      });
    },
  },

  pb_import_init__deps: ['$PbImport'],
  pb_import_init: function () { PbImport.init(); },

  pb_import_pick_file__deps: ['$PbImport'],
  pb_import_pick_file: function () { if (PbImport.input) PbImport.input.click(); },

  // Makes a share link of a template's JSON, copies it, and answers with pb_share_link_done:
  // 1 copied, 2 made but the clipboard refused, 0 no link (the text says why).
  pb_share_link__deps: ['$PbImport', 'malloc', 'free'],
  pb_share_link: function (textPtr) {
    const answer = function (code, text) {
      const size = lengthBytesUTF8(text) + 1;
      const p = _malloc(size);
      stringToUTF8(text, p, size);
      try { Module['_pb_share_link_done'](code, p); } finally { _free(p); }
    };
    PbImport.makeLink(UTF8ToString(textPtr)).then(function (url) {
      if (!navigator.clipboard || !navigator.clipboard.writeText) { answer(2, url); return; }
      navigator.clipboard.writeText(url).then(function () { answer(1, url); }, function () { answer(2, url); });
    }, function (e) { answer(0, e && e.message ? e.message : String(e)); });
  },
});
