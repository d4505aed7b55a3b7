// IndexedDB behind the C++ Storage interface (src/app/storage_web.cpp), linked with --js-library.
//
// One connection; a store per record kind with rows {id, rev, rank, json} (the record as JSON text,
// which clones fast), except deals, which live in chunk rows (lib_deal_chunks.js); plus meta,
// quarantine and backups. A batch is one readwrite transaction that first checks each row's revision; its
// outcome comes from the transaction's complete/abort events. Committed rows are announced to
// other tabs on a BroadcastChannel. Results go back through exported _pb_storage_* functions.
mergeInto(LibraryManager.library, {
  $PbStore__deps: ['malloc', 'free', '$PbChunks'],
  // The database is opened and read as soon as the page runs this script, while the WebAssembly
  // is still being compiled and started; C++ gets the result when it asks (pb_storage_start).
  $PbStore__postset: 'queueMicrotask(() => PbStore.open());',
  $PbStore: {
    DB_NAME: 'pipeboard',
    // IndexedDB version 1 was schema 0 (one 'workspace' store holding a whole document), version 2
    // schema 1 (a 'deals' row per deal); version 3 is schema 2 (deals in chunks).
    DB_VERSION: 3,
    RECORD_STORES: ['pipelines', 'people', 'fields', 'views', 'deals'],
    regrouped: false,  // this start regrouped schema-1 deals into chunks (C++ then says so)
    openMs: 0,        // how long indexedDB.open took (reported with the load's phases)
    db: null,
    channel: null,
    JOURNAL_KEY: 'pipeboard.journal',
    // 'relaxed': committed once the browser has the data, without waiting for the disk to sync.
    // A closed or crashed tab loses nothing; journaled batches cover a page that dies mid-write.
    durability: 'relaxed',
    inflight: null,  // seq -> batch until its transaction completes (a Map, made at open)
    tab: '',  // this tab's name on the channel, made at open (library objects are serialized at build time)
    started: false,  // C++ has asked for its data (pb_storage_start): calls into it can go through
    waiting: [],     // calls into C++ made before that, in order

    // Runs `fn` (which calls into C++) now, or once C++ is running and has asked.
    toApp: function (fn) {
      if (PbStore.started) fn(); else PbStore.waiting.push(fn);
    },
    start: function () {
      PbStore.started = true;
      PbStore.waiting.splice(0).forEach((fn) => fn());
    },

    // Calls an exported C function with JS strings as C strings.
    call: function (fn, ...strings) {
      PbStore.toApp(() => {
        const ptrs = strings.map((s) => {
          const size = lengthBytesUTF8(s) + 1;
          const p = _malloc(size);
          stringToUTF8(s, p, size);
          return p;
        });
        try { Module[fn](...ptrs); } finally { ptrs.forEach((p) => _free(p)); }
      });
    },
    describe: function (e) {
      if (!e) return 'unknown error';
      return (e.name ? e.name + ': ' : '') + (e.message || String(e));
    },
    unavailable: function (reason) { PbStore.call('_pb_storage_unavailable', reason); },

    open: function () {
      PbStore.inflight = new Map();
      PbChunks.reset();
      const opening = performance.now();
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
          const store = PbStore.storeOf(name);
          if (!db.objectStoreNames.contains(store)) db.createObjectStore(store, { keyPath: 'id' });
        }
        if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
        if (!db.objectStoreNames.contains('quarantine')) db.createObjectStore('quarantine', { autoIncrement: true });
        if (!db.objectStoreNames.contains('backups')) db.createObjectStore('backups', { keyPath: 'id' });
        // Schema 1 -> 2 is a regrouping, done here so it commits or fails with the upgrade. A
        // schema-0 'workspace' store stays until C++ has migrated its document (see deliver()).
        if (db.objectStoreNames.contains('deals')) {
          PbChunks.upgrade(req.transaction, db);
          PbStore.regrouped = true;
        }
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
        PbStore.openMs = performance.now() - opening;
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
            for (const w of m.writes) if (w && w.store === 'deals') PbChunks.learn(w.id, w.chunk);
            PbStore.call('_pb_storage_external', JSON.stringify(m.writes));
          };
        }
        const hidden = () => { if (PbStore.started) Module['_pb_storage_page_hidden'](); };
        document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') hidden(); });
        window.addEventListener('pagehide', () => {
          hidden();
          // The page may die before those transactions complete: keep them, synchronously, for
          // the next start to replay (replay() below).
          PbStore.journal(true);
        });
        window.addEventListener('pageshow', (e) => { if (e.persisted) PbStore.journal(false); });
        PbStore.load();
      };
    },

    // The object store a record kind is kept in.
    storeOf: function (kind) { return kind === 'deals' ? PbChunks.STORE : kind; },

    // Writes (or clears) this tab's unfinished batches in localStorage.
    journal: function (keep) {
      try {
        const all = JSON.parse(localStorage.getItem(PbStore.JOURNAL_KEY) || '[]').filter((e) => e.tab !== PbStore.tab);
        if (keep) for (const batch of PbStore.inflight.values()) all.push({ tab: PbStore.tab, batch: JSON.stringify(batch) });
        if (all.length) localStorage.setItem(PbStore.JOURNAL_KEY, JSON.stringify(all));
        else localStorage.removeItem(PbStore.JOURNAL_KEY);
      } catch (e) {
        console.warn('Pipeboard: could not keep unsaved changes for the next start', e);
      }
    },

    // The batches closing tabs left unfinished (see journal()), each as {text, batch}: its text,
    // and the batch it holds (null if the text is not one).
    journaled: function () {
      let entries;
      try { entries = JSON.parse(localStorage.getItem(PbStore.JOURNAL_KEY) || '[]'); } catch (_) { return []; }
      if (!Array.isArray(entries)) return [];
      return entries.map((e) => {
        const text = String(e && e.batch);
        const batch = PbStore.parseOr(text);
        return { text, batch: batch && typeof batch === 'object' && Array.isArray(batch.writes) ? batch : null };
      });
    },

    // Commits batches a closing tab journaled, in order, before loading. A batch that no longer
    // fits (its records changed since) is set aside in quarantine rather than dropped.
    replay: function (entries, then) {
      const next = (i) => {
        if (i >= entries.length) {
          try { localStorage.removeItem(PbStore.JOURNAL_KEY); } catch (_) { /* nothing to clear */ }
          then();
          return;
        }
        const entry = entries[i];
        if (!entry.batch) {
          PbStore.setAside(entry.text, 'it is not readable');
          next(i + 1);
          return;
        }
        PbStore.commit(entry.batch, (result) => {
          if (!result.ok) PbStore.setAside(entry.text, result.message || result.error);
          next(i + 1);
        }, true);
      };
      next(0);
    },

    parseOr: function (text) { try { return JSON.parse(text); } catch (_) { return text; } },

    setAside: function (text, reason) {
      try {
        const tx = PbStore.db.transaction('quarantine', 'readwrite');
        tx.objectStore('quarantine').put({ store: 'journal', id: 'unsaved-' + Date.now(),
          reason: 'changes from a tab that closed could not be saved: ' + reason, raw: PbStore.parseOr(text), at: Date.now() });
      } catch (e) { console.warn('Pipeboard: could not set aside a journaled batch', e); }
    },

    // Replays what a closing tab journaled, reads everything and hands the workspace to C++.
    // Journaled deal writes name their chunks; ones from before chunks existed are placed with
    // what a first read learns, and the data is read again after them.
    load: function () {
      const journal = PbStore.journaled();
      const placed = journal.every((e) => !e.batch || e.batch.writes.every((w) => w.store !== 'deals' || typeof w.chunk === 'number'));
      const deliver = () => PbStore.read(
        (got, rows) => PbStore.toApp(() => PbStore.deliverDeals(got, rows)),
        (got) => PbStore.toApp(() => PbStore.deliverEnd(got)));
      if (!journal.length) deliver();
      else if (placed) PbStore.replay(journal, deliver);
      else PbStore.read(null, () => PbStore.replay(journal, deliver));
    },

    FIRST_PAGE: 2,  // deal chunks in the first read request (see read())
    PAGE: 10,       // and in each of the others

    // Everything in one read transaction: a getAll per store, and the deal chunks a page at a time,
    // in key order, each page passed to onDeals(got, rows) as it comes; then(got) once all is read.
    read: function (onDeals, then) {
      const db = PbStore.db;
      const names = PbStore.RECORD_STORES.filter((name) => name !== 'deals').concat(['meta']);
      if (db.objectStoreNames.contains('workspace')) names.push('workspace');
      const t0 = performance.now();
      let tx;
      try { tx = db.transaction(names.concat([PbChunks.STORE, 'quarantine']), 'readonly'); } catch (e) {
        PbStore.unavailable(PbStore.describe(e));
        return;
      }
      // Requests complete in the order they are made: the small stores are in `got` before any page.
      const got = { t0, rows: 0, handOverMs: 0, recordsSent: false };
      for (const name of names) {
        const r = tx.objectStore(name).getAll();
        r.onsuccess = () => { got[name] = r.result; };
      }
      const q = tx.objectStore('quarantine').count();
      q.onsuccess = () => { got.quarantined = q.result; };
      PbChunks.reset();
      const chunks = tx.objectStore(PbChunks.STORE);
      const page = (request) => {
        request.onsuccess = () => {
          const rows = PbStore.rows();
          PbChunks.collect(request.result, rows);
          got.rows += rows.count;
          if (onDeals && rows.count) onDeals(got, rows);
        };
      };
      // A small first page goes out with the small stores, so C++ has deals to read soon; the
      // chunks' keys then say where the other pages start, and they are all asked for at once:
      // IndexedDB fetches each next page while C++ reads the last.
      page(chunks.getAll(null, PbStore.FIRST_PAGE));
      const keysRequest = chunks.getAllKeys();
      keysRequest.onsuccess = () => {
        const keys = keysRequest.result;
        for (let i = PbStore.FIRST_PAGE; i < keys.length; i += PbStore.PAGE)
          page(chunks.getAll(IDBKeyRange.bound(keys[i], keys[Math.min(i + PbStore.PAGE, keys.length) - 1])));
      };
      tx.onabort = tx.onerror = () => PbStore.unavailable(PbStore.describe(tx.error));
      tx.oncomplete = () => {
        got.read = performance.now();
        PbChunks.settle();
        then(got);
      };
    },

    // Rows for C++ (see handOver), gathered a piece at a time: a piece's UTF-8 texts lie one after
    // another; per row, its byte size, revision and rank (copied as they are: C++ checks them).
    // Keys are pushed to `keys`, one per row.
    rows: function () { return { texts: [], bytes: 0, count: 0, sizes: [], revs: [], ranks: [], keys: [] }; },
    addRows: function (rows, text, sizes, revs, ranks) {
      rows.texts.push(text);
      rows.bytes += text.length;
      rows.sizes.push(sizes);
      rows.revs.push(revs);
      rows.ranks.push(ranks);
      rows.count += sizes.length;
    },
    addRow: function (rows, key, rev, rank, text) {
      rows.keys.push(key);
      PbStore.addRows(rows, text, [text.length], [rev], [rank]);
    },

    // Copies `rows` into WebAssembly memory and calls exported function `fn` with them (and `extra`
    // arguments): (bytes, byte count, sizes, row count, keys NUL-ended, key bytes, revisions, ranks, ...extra).
    handOver: function (fn, rows, extra) {
      const began = performance.now();
      const heap = [];
      const alloc = (size) => { const p = _malloc(Math.max(8, size)); heap.push(p); return p; };
      try {
        const text = alloc(rows.bytes), sizes = alloc(4 * rows.count), revs = alloc(8 * rows.count), ranks = alloc(8 * rows.count);
        const keyBytes = new TextEncoder().encode(rows.keys.length ? rows.keys.join('\0') + '\0' : '');
        const keys = alloc(keyBytes.length);
        HEAPU8.set(keyBytes, keys);
        let at = text, row = 0;
        for (let i = 0; i < rows.texts.length; i++) {
          HEAPU8.set(rows.texts[i], at);
          at += rows.texts[i].length;
          HEAP32.set(rows.sizes[i], (sizes >> 2) + row);
          PbStore.setNumbers(rows.revs[i], (revs >> 3) + row);
          PbStore.setNumbers(rows.ranks[i], (ranks >> 3) + row);
          row += rows.sizes[i].length;
        }
        const args = [text, rows.bytes, sizes, rows.count, keys, keyBytes.length, revs, ranks];
        const copied = performance.now();
        Module[fn].apply(null, extra === undefined ? args : args.concat([extra(alloc)]));
        return copied - began;
      } finally {
        heap.forEach((p) => _free(p));
      }
    },

    // Stored revisions or ranks into HEAPF64 at index `at`, as they are (C++ checks them). A value
    // the typed array cannot take (a BigInt a damaged row may hold) sends the piece value by value.
    setNumbers: function (values, at) {
      try { HEAPF64.set(values, at); } catch (_) {
        HEAPF64.set(Array.from(values, (v) => { try { return Number(v); } catch (e) { return NaN; } }), at);
      }
    },

    // Pipelines, people, fields and views (all small), once, before the first deals.
    deliverRecords: function (got) {
      if (got.recordsSent) return;
      got.recordsSent = true;
      const rows = PbStore.rows();
      const counts = [];
      for (const name of PbStore.RECORD_STORES) {
        const found = name === 'deals' ? [] : got[name] || [];
        PbStore.collect(found, rows);
        counts.push(found.length);
      }
      got.rows += rows.count;
      got.handOverMs += PbStore.handOver('_pb_storage_load_records', rows, (alloc) => {
        const p = alloc(4 * counts.length);
        HEAP32.set(counts, p >> 2);
        return p;
      });
    },

    deliverDeals: function (got, rows) {
      PbStore.deliverRecords(got);
      got.handOverMs += PbStore.handOver('_pb_storage_load_deals', rows);
    },

    // The read has finished: C++ builds the workspace (_pb_storage_loaded).
    deliverEnd: function (got) {
      PbStore.deliverRecords(got);
      const meta = {};
      for (const r of got.meta || []) if (r && typeof r.key === 'string') meta[r.key] = r.value;
      let legacyText = null;
      if (got.workspace && got.workspace.length && !got.rows) {
        const r = got.workspace[0];
        legacyText = typeof r === 'string' ? r : (r && typeof r.document === 'string' ? r.document : JSON.stringify(r));
      }
      const info = JSON.stringify({ meta, quarantined: got.quarantined || 0, legacy: legacyText,
        upgraded_from: PbStore.regrouped ? 1 : null,
        open_ms: PbStore.openMs, read_ms: got.read - got.t0, assemble_ms: got.handOverMs });
      PbStore.call('_pb_storage_loaded', info);
    },

    // Rows {id, rev, rank, json} of an ordinary store, added to `rows` (PbStore.rows). Anything
    // else is passed on as JSON C++ will refuse, so the row is reported and set aside instead of
    // breaking the load.
    collect: function (found, rows) {
      const encoder = new TextEncoder();
      for (const row of found) {
        const bytes = encoder.encode(row && typeof row.json === 'string' ? row.json : PbChunks.refused('$row', row));
        // Keys go to C++ NUL-separated; a NUL in one makes it differ from the record's id, so the
        // row is set aside.
        const key = row && row.id !== undefined ? String(row.id).replace(/\0/g, '\ufffd') : '';
        PbStore.addRow(rows, key, row && row.rev, row && row.rank, bytes);  // C++ checks the numbers
      }
    },

    // Writes one batch (parsed) in one transaction. `onDone` (replay) replaces the report to C++. A
    // replayed batch may already have been committed by the tab that journaled it: rows already at
    // the batch's revision count as done.
    commit: function (b, onDone, replaying) {
      const began = performance.now();
      let work = 0;  // time spent preparing this batch's writes (setup and deal chunks), not waiting
      const done = onDone || ((result) => {
        PbStore.inflight.delete(b.seq);
        PbStore.call('_pb_storage_committed', JSON.stringify(Object.assign({ seq: b.seq, ms: performance.now() - began, work_ms: work }, result)));
      });
      if (!onDone) PbStore.inflight.set(b.seq, b);
      const db = PbStore.db;
      if (!db) {
        done({ ok: false, error: 'InvalidStateError', message: 'the database is closed' });
        return;
      }
      const quarantine = b.quarantine || [];
      const names = new Set(b.writes.map((w) => PbStore.storeOf(w.store)));
      if (Object.keys(b.meta || {}).length) names.add('meta');
      if (quarantine.length) { names.add('quarantine'); quarantine.forEach((q) => names.add(PbStore.storeOf(q.store))); }
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
      const fail = (e) => { failure = e; abort(); };  // QuotaExceededError, DataCloneError, ... thrown at once
      // Whether a write may go ahead of the row it replaces ('write'), was done already ('skip'),
      // or finds the row changed by another tab ('stop': the whole batch is a conflict).
      const verdict = (w, row) => {
        const actual = row ? (Number(row.rev) || 0) : 0;
        if (replaying && actual === w.rev) return 'skip';
        if (actual === w.expect) return 'write';
        conflicts.push({ store: w.store, id: w.id, expected: w.expect, actual, rank: row ? Number(row.rank) || 0 : 0,
          json: row && typeof row.json === 'string' ? row.json : null });
        abort();
        return 'stop';
      };
      for (const w of b.writes) {
        if (w.store === 'deals') continue;
        const store = tx.objectStore(w.store);
        const get = store.get(w.id);
        get.onsuccess = () => {
          if (aborted || verdict(w, get.result) !== 'write') return;
          try {
            if (w.json === null) store.delete(w.id);
            else store.put({ id: w.id, rev: w.rev, rank: w.rank, json: w.json });
          } catch (e) { fail(e); }
        };
      }
      // Deals: each chunk read, changed and written back once (its requests run in order).
      const chunks = PbChunks.plan(b.writes, quarantine);
      for (const number of chunks.keys()) {
        const store = tx.objectStore(PbChunks.STORE);
        const get = store.get(number);
        get.onsuccess = () => {
          if (aborted) return;
          const t = performance.now();
          const rows = PbChunks.apply(get.result, chunks.get(number), verdict);
          if (rows === null || aborted) return;
          try {
            if (rows.length) store.put(PbChunks.pack(number, rows)); else store.delete(number);
            PbChunks.sizes.set(number, rows.length);
          } catch (e) { fail(e); }
          work += performance.now() - t;
        };
      }
      try {
        // (no destructuring here: Emscripten 3.1.6's minifier breaks `for (const [k, v] of ...)`)
        for (const key of Object.keys(b.meta || {})) tx.objectStore('meta').put({ key: key, value: b.meta[key] });
        if (b.clear_quarantine) tx.objectStore('quarantine').clear();
        for (const q of quarantine) {
          tx.objectStore('quarantine').put({ store: q.store, id: q.id, reason: q.reason, raw: q.raw, at: Date.now() });
          if (q.store !== 'deals') tx.objectStore(q.store).delete(q.id);
        }
        if (b.backup) tx.objectStore('backups').put(b.backup);
        if (b.clear_legacy && names.has('workspace')) tx.objectStore('workspace').clear();
      } catch (e) { fail(e); }
      work += performance.now() - began;
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

  pb_storage_start__deps: ['$PbStore'],
  pb_storage_start: function () { PbStore.start(); },

  pb_storage_commit__deps: ['$PbStore'],
  pb_storage_commit: function (ptr) { PbStore.commit(JSON.parse(UTF8ToString(ptr))); },

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
