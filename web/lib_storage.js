// IndexedDB behind the C++ Storage interface (src/app/storage_web.cpp), linked with --js-library.
//
// One connection; a store per record kind with rows {id, rev, rank, json} (the record as JSON text, which clones fast), plus meta, quarantine
// and backups. A batch is one readwrite transaction that first checks each row's revision; its
// outcome comes from the transaction's complete/abort events. Committed rows are announced to
// other tabs on a BroadcastChannel. Results go back through exported _pb_storage_* functions.
mergeInto(LibraryManager.library, {
  $PbStore__deps: ['malloc', 'free'],
  $PbStore: {
    DB_NAME: 'pipeboard',
    // IndexedDB version 1 was schema 0: one 'workspace' store holding a whole document.
    DB_VERSION: 2,
    RECORD_STORES: ['pipelines', 'people', 'fields', 'views', 'deals'],
    db: null,
    channel: null,
    JOURNAL_KEY: 'pipeboard.journal',
    // 'relaxed': committed once the browser has the data, without waiting for the disk to sync.
    // A closed or crashed tab loses nothing; journaled batches cover a page that dies mid-write.
    durability: 'relaxed',
    inflight: null,  // seq -> batch text until its transaction completes (a Map, made at open)
    tab: '',  // this tab's name on the channel, made at open (library objects are serialized at build time)

    // Calls an exported C function with JS strings as C strings.
    call: function (fn, ...strings) {
      const ptrs = strings.map((s) => {
        const size = lengthBytesUTF8(s) + 1;
        const p = _malloc(size);
        stringToUTF8(s, p, size);
        return p;
      });
      try { Module[fn](...ptrs); } finally { ptrs.forEach((p) => _free(p)); }
    },
    describe: function (e) {
      if (!e) return 'unknown error';
      return (e.name ? e.name + ': ' : '') + (e.message || String(e));
    },
    unavailable: function (reason) { PbStore.call('_pb_storage_unavailable', reason); },

    open: function (docVersion) {
      PbStore.inflight = new Map();
      const wanted = new URLSearchParams(location.search).get('durability');
      if (wanted === 'strict') PbStore.durability = 'strict';
      PbStore.tab = Math.random().toString(36).slice(2) + Date.now().toString(36);
      let req;
      try {
        if (!window.indexedDB) throw new Error('this browser does not offer IndexedDB (private mode?)');
        req = indexedDB.open(PbStore.DB_NAME, PbStore.DB_VERSION);
      } catch (e) {
        PbStore.unavailable(PbStore.describe(e));
        return;
      }
      req.onupgradeneeded = () => {
        const db = req.result;
        for (const name of PbStore.RECORD_STORES) {
          if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath: 'id' });
        }
        if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
        if (!db.objectStoreNames.contains('quarantine')) db.createObjectStore('quarantine', { autoIncrement: true });
        if (!db.objectStoreNames.contains('backups')) db.createObjectStore('backups', { keyPath: 'id' });
        // A schema-0 'workspace' store stays until its data has been migrated (see load()).
      };
      req.onblocked = () => {
        // An older tab still has the database open; it is told to close (versionchange) and will.
        console.warn('Pipeboard: waiting for another tab to release the database');
      };
      req.onerror = () => {
        const e = req.error;
        const reason = e && e.name === 'VersionError'
          ? 'the saved data was written by a newer Pipeboard; reload to update this tab'
          : PbStore.describe(e);
        PbStore.unavailable(reason);
      };
      req.onsuccess = () => {
        const db = PbStore.db = req.result;
        // A newer Pipeboard in another tab wants to upgrade: step aside so this old code can never
        // write over data in a layout it does not know.
        db.onversionchange = () => {
          db.close();
          PbStore.db = null;
          PbStore.call('_pb_storage_closed',
            'Pipeboard was updated in another tab. Reload this tab; changes made here are no longer saved.');
        };
        db.onclose = () => {
          if (PbStore.db !== db) return;
          PbStore.db = null;
          PbStore.call('_pb_storage_closed', 'the browser closed the database (storage cleared or failing)');
        };
        if (typeof BroadcastChannel === 'function') {
          PbStore.channel = new BroadcastChannel('pipeboard');
          PbStore.channel.onmessage = (e) => {
            const m = e.data;
            if (!m || m.tab === PbStore.tab || !Array.isArray(m.writes)) return;
            PbStore.call('_pb_storage_external', JSON.stringify(m.writes));
          };
        }
        const hidden = () => Module['_pb_storage_page_hidden']();
        document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') hidden(); });
        window.addEventListener('pagehide', () => {
          hidden();
          // The page may die before those transactions complete: keep them, synchronously, for
          // the next start to replay (replay() below).
          PbStore.journal(true);
        });
        window.addEventListener('pageshow', (e) => { if (e.persisted) PbStore.journal(false); });
        PbStore.replay(() => PbStore.load(docVersion));
      };
    },

    // Writes (or clears) this tab's unfinished batches in localStorage.
    journal: function (keep) {
      try {
        const all = JSON.parse(localStorage.getItem(PbStore.JOURNAL_KEY) || '[]').filter((e) => e.tab !== PbStore.tab);
        if (keep) for (const text of PbStore.inflight.values()) all.push({ tab: PbStore.tab, batch: text });
        if (all.length) localStorage.setItem(PbStore.JOURNAL_KEY, JSON.stringify(all));
        else localStorage.removeItem(PbStore.JOURNAL_KEY);
      } catch (e) {
        console.warn('Pipeboard: could not keep unsaved changes for the next start', e);
      }
    },

    // Commits batches a closing tab journaled, in order, before loading. A batch that no longer
    // fits (its records changed since) is set aside in quarantine rather than dropped.
    replay: function (then) {
      let entries = [];
      try { entries = JSON.parse(localStorage.getItem(PbStore.JOURNAL_KEY) || '[]'); } catch (_) { entries = []; }
      if (!Array.isArray(entries) || !entries.length) { then(); return; }
      const next = (i) => {
        if (i >= entries.length) {
          try { localStorage.removeItem(PbStore.JOURNAL_KEY); } catch (_) { /* nothing to clear */ }
          then();
          return;
        }
        PbStore.commit(entries[i].batch, (result) => {
          if (!result.ok) PbStore.setAside(entries[i].batch, result.message || result.error);
          next(i + 1);
        }, true);
      };
      next(0);
    },

    setAside: function (text, reason) {
      try {
        const tx = PbStore.db.transaction('quarantine', 'readwrite');
        tx.objectStore('quarantine').put({ store: 'journal', id: 'unsaved-' + Date.now(),
          reason: 'changes from a tab that closed could not be saved: ' + reason, raw: JSON.parse(text), at: Date.now() });
      } catch (e) { console.warn('Pipeboard: could not set aside a journaled batch', e); }
    },

    // Every store in one read transaction: a getAll each, so start-up costs a handful of round trips.
    load: function (docVersion) {
      const db = PbStore.db;
      const names = PbStore.RECORD_STORES.concat(['meta']);
      const legacy = db.objectStoreNames.contains('workspace');
      if (legacy) names.push('workspace');
      const t0 = performance.now();
      let tx;
      try { tx = db.transaction(names.concat(['quarantine']), 'readonly'); } catch (e) {
        PbStore.unavailable(PbStore.describe(e));
        return;
      }
      const got = {};
      for (const name of names) {
        const r = tx.objectStore(name).getAll();
        r.onsuccess = () => { got[name] = r.result; };
      }
      const q = tx.objectStore('quarantine').count();
      q.onsuccess = () => { got.quarantined = q.result; };
      tx.onabort = tx.onerror = () => PbStore.unavailable(PbStore.describe(tx.error));
      tx.oncomplete = () => {
        const read = performance.now();
        const keys = [], revs = [], counts = [], texts = [];
        for (const name of PbStore.RECORD_STORES) {
          const rows = got[name].slice().sort((a, b) => (Number(a && a.rank) || 0) - (Number(b && b.rank) || 0));
          counts.push(rows.length);
          for (const row of rows) {
            keys.push(row && row.id !== undefined ? String(row.id) : '');
            revs.push(Number(row && row.rev) || 0, Number(row && row.rank) || 0);
            texts.push(PbStore.rowText(row));
          }
        }
        const meta = {};
        for (const row of got.meta || []) if (row && typeof row.key === 'string') meta[row.key] = row.value;
        let legacyText = null;
        if (legacy && got.workspace && got.workspace.length && !keys.length) {
          const row = got.workspace[0];
          legacyText = typeof row === 'string' ? row : (row && typeof row.document === 'string' ? row.document : JSON.stringify(row));
        }
        const joined = texts.join('\x1e');
        texts.length = 0;
        const info = JSON.stringify({ meta, quarantined: got.quarantined || 0, legacy: legacyText,
          read_ms: read - t0, assemble_ms: performance.now() - read });
        const heap = [];
        const alloc = (bytes) => { const p = _malloc(Math.max(8, bytes)); heap.push(p); return p; };
        const cString = (text) => { const size = lengthBytesUTF8(text) + 1; const p = alloc(size); stringToUTF8(text, p, size); return p; };
        try {
          const revPtr = alloc(revs.length * 8);
          HEAPF64.set(revs, revPtr >> 3);
          const countPtr = alloc(counts.length * 4);
          HEAP32.set(counts, countPtr >> 2);
          Module['_pb_storage_loaded'](cString(joined), countPtr, cString(JSON.stringify(keys)), revPtr, cString(info));
        } finally {
          heap.forEach((p) => _free(p));
        }
      };
    },

    // A row's JSON text. Rows are {id, rev, rank, json}; anything else is passed on as a text C++
    // will refuse, so the row is reported and set aside instead of breaking the load.
    rowText: function (row) {
      let text = row && typeof row.json === 'string' ? row.json : null;
      if (text === null) {
        try { text = JSON.stringify({ $row: row === undefined ? null : row }); } catch (_) { text = '"unreadable row"'; }
      }
      // The separators (and NUL, which ends a C string) never appear in JSON we wrote.
      return /[\x00\x1e]/.test(text) ? JSON.stringify({ $row: text.replace(/[\x00\x1e]/g, ' ') }) : text;
    },

    // Writes one batch in one transaction. `onDone` (replay) replaces the report to C++. A replayed
    // batch may already have been committed by the tab that journaled it: rows already at the
    // batch's revision count as done.
    commit: function (text, onDone, replaying) {
      const b = JSON.parse(text);
      const done = onDone || ((result) => {
        PbStore.inflight.delete(b.seq);
        PbStore.call('_pb_storage_committed', JSON.stringify(Object.assign({ seq: b.seq }, result)));
      });
      if (!onDone) PbStore.inflight.set(b.seq, text);
      const db = PbStore.db;
      if (!db) {
        done({ ok: false, error: 'InvalidStateError', message: 'the database is closed' });
        return;
      }
      const names = new Set(b.writes.map((w) => w.store));
      if (Object.keys(b.meta || {}).length) names.add('meta');
      if (b.quarantine && b.quarantine.length) { names.add('quarantine'); b.quarantine.forEach((q) => names.add(q.store)); }
      if (b.clear_quarantine) names.add('quarantine');
      if (b.backup) names.add('backups');
      if (b.clear_legacy && db.objectStoreNames.contains('workspace')) names.add('workspace');
      let tx;
      try { tx = db.transaction([...names], 'readwrite', { durability: PbStore.durability }); } catch (e) {
        done({ ok: false, error: e.name || 'Error', message: PbStore.describe(e) });
        return;
      }
      const conflicts = [];
      let failure = null, aborted = false;
      const abort = () => { if (!aborted) { aborted = true; try { tx.abort(); } catch (_) { /* already finishing */ } } };
      for (const w of b.writes) {
        const store = tx.objectStore(w.store);
        const get = store.get(w.id);
        get.onsuccess = () => {
          if (aborted) return;
          const row = get.result;
          const actual = row ? (Number(row.rev) || 0) : 0;
          if (replaying && actual === w.rev) return;  // written before the tab closed
          if (actual !== w.expect) {
            conflicts.push({ store: w.store, id: w.id, expected: w.expect, actual, rank: row ? Number(row.rank) || 0 : 0,
              json: row && typeof row.json === 'string' ? row.json : null });
            abort();
            return;
          }
          try {
            if (w.json === null) store.delete(w.id);
            else store.put({ id: w.id, rev: w.rev, rank: w.rank, json: w.json });
          } catch (e) {  // QuotaExceededError, DataCloneError, ... thrown at once
            failure = e;
            abort();
          }
        };
      }
      try {
        // (no destructuring here: Emscripten 3.1.6's minifier breaks `for (const [k, v] of ...)`)
        for (const key of Object.keys(b.meta || {})) tx.objectStore('meta').put({ key: key, value: b.meta[key] });
        if (b.clear_quarantine) tx.objectStore('quarantine').clear();
        for (const q of b.quarantine || []) {
          tx.objectStore('quarantine').put({ store: q.store, id: q.id, reason: q.reason, raw: q.raw, at: Date.now() });
          tx.objectStore(q.store).delete(q.id);
        }
        if (b.backup) tx.objectStore('backups').put(b.backup);
        if (b.clear_legacy && names.has('workspace')) tx.objectStore('workspace').clear();
      } catch (e) {
        failure = e;
        abort();
      }
      tx.oncomplete = () => {
        done({ ok: true });
        if (PbStore.channel && b.writes.length) {
          try { PbStore.channel.postMessage({ tab: PbStore.tab, writes: b.writes }); } catch (_) { /* too large: others reload */ }
        }
      };
      tx.onabort = () => {
        if (conflicts.length) {
          done({ ok: false, error: 'ConflictError', message: 'another tab changed ' + conflicts.length +
            (conflicts.length === 1 ? ' record' : ' records') + ' you edited', conflicts });
          return;
        }
        const e = failure || tx.error;
        const name = (e && e.name) || 'AbortError';
        const message = name === 'QuotaExceededError'
          ? 'the browser has no room left for Pipeboard\'s data'
          : PbStore.describe(e);
        done({ ok: false, error: name, message });
      };
    },

    quarantineExport: function () {
      return new Promise((resolve, reject) => {
        if (!PbStore.db) { resolve([]); return; }
        const r = PbStore.db.transaction('quarantine', 'readonly').objectStore('quarantine').getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    },
  },

  pb_storage_open__deps: ['$PbStore'],
  pb_storage_open: function (docVersion) { PbStore.open(docVersion); },

  pb_storage_commit__deps: ['$PbStore'],
  pb_storage_commit: function (ptr) { PbStore.commit(UTF8ToString(ptr)); },

  // After the first real change: ask the browser not to evict our data, then report usage.
  pb_storage_request_persist__deps: ['$PbStore'],
  pb_storage_request_persist: function (ask) {
    const s = navigator.storage;
    const report = (persisted) => {
      const send = (est) => PbStore.call('_pb_storage_info', JSON.stringify({
        persisted, usage: est ? est.usage || 0 : -1, quota: est ? est.quota || 0 : -1 }));
      if (s && s.estimate) s.estimate().then(send, () => send(null));
      else send(null);
    };
    if (!s) { report(false); return; }
    const p = ask && s.persist ? s.persist() : (s.persisted ? s.persisted() : Promise.resolve(false));
    p.then((v) => report(!!v), () => report(false));
  },

  // The quarantined rows as a JSON download.
  pb_storage_export_quarantine__deps: ['$PbStore', '$PbFiles'],
  pb_storage_export_quarantine: function () {
    PbStore.quarantineExport().then((rows) => {
      PbFiles.download('pipeboard-quarantine.json', JSON.stringify({ format: 'pipeboard.quarantine', rows }, null, 2));
    });
  },

});
