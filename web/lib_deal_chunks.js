// Where deals live in IndexedDB (used by lib_storage.js).
//
// Deals are kept in chunk rows of up to SIZE deals:
//   {id: <chunk number>, ids: [deal id], revs: [revision], ranks: [rank], sizes: [bytes], text: Uint8Array}
// where `text` holds the deals' JSON as UTF-8, one after another, `sizes` long each.
// IndexedDB's cost is per row and per object, so 100,000 deals read as 200 chunks of bytes load
// far faster than as 100,000 rows, and the bytes go into WebAssembly memory with one copy each.
// An edit rewrites one chunk: its cost is bounded by SIZE, not by the size of the workspace.
// Each deal keeps its own revision and rank inside its chunk.
//
// A deal stays in the chunk it was first written to (this tab learns the chunks of other tabs'
// new deals from their messages); new deals fill the last chunk, then open a new one.
mergeInto(LibraryManager.library, {
  $PbChunks: {
    STORE: 'deal_chunks',
    SIZE: 500,
    of: null,       // deal id -> chunk number (Maps, made by reset: library objects are serialized at build time)
    sizes: null,    // chunk number -> deals in it, as last seen
    unkeyed: null,  // key given to an unusable entry or chunk -> {chunk, index} (index -1: the whole chunk)
    fill: null,     // the chunk new deals go to while it has room
    next: 0,        // the number of the next new chunk

    reset: function () {
      PbChunks.of = new Map();
      PbChunks.sizes = new Map();
      PbChunks.unkeyed = new Map();
      PbChunks.fill = null;
      PbChunks.next = 0;
    },

    valid: function (chunk) {
      if (!chunk || typeof chunk !== 'object' || !(chunk.text instanceof Uint8Array)) return false;
      const n = Array.isArray(chunk.ids) ? chunk.ids.length : -1;
      if (n < 0 || !Array.isArray(chunk.revs) || !Array.isArray(chunk.ranks) || !Array.isArray(chunk.sizes)) return false;
      if (chunk.revs.length !== n || chunk.ranks.length !== n || chunk.sizes.length !== n) return false;
      let total = 0;
      for (const size of chunk.sizes) {
        if (!Number.isInteger(size) || size < 0) return false;
        total += size;
      }
      return total === chunk.text.length;
    },

    // A chunk as rows {id, rev, rank, json}, to change it (or [] if it is unusable).
    rowsOf: function (chunk) {
      if (!PbChunks.valid(chunk)) return [];
      const decoder = new TextDecoder();
      let at = 0;
      return chunk.ids.map((id, i) => {
        const json = decoder.decode(chunk.text.subarray(at, at + chunk.sizes[i]));
        at += chunk.sizes[i];
        return { id, rev: chunk.revs[i], rank: chunk.ranks[i], json };
      });
    },

    // Rows {id, rev, rank, json} as chunk number `number`.
    pack: function (number, rows) {
      const encoder = new TextEncoder();
      const bytes = rows.map((r) => encoder.encode(typeof r.json === 'string' ? r.json : 'null'));
      const text = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
      let at = 0;
      for (const b of bytes) { text.set(b, at); at += b.length; }
      return { id: number, ids: rows.map((r) => r.id), revs: rows.map((r) => r.rev), ranks: rows.map((r) => r.rank),
        sizes: bytes.map((b) => b.length), text };
    },

    // Chunk rows as read from the store (a page of them, in key order; reset() before the first),
    // added to `rows` for C++ (PbStore.rows) while learning where each deal lives. A repeated id
    // and an unusable chunk get descriptive keys of their own, so C++ can report them and the
    // set-aside write can find them.
    collect: function (chunks, rows) {
      const encoder = new TextEncoder();
      for (const chunk of chunks) {
        const number = chunk && chunk.id;
        if (typeof number === 'number' && number >= PbChunks.next) PbChunks.next = Math.floor(number) + 1;
        if (!PbChunks.valid(chunk)) {
          const key = 'deal chunk ' + String(number) + ' (unreadable)';
          PbChunks.unkeyed.set(key, { chunk: number, index: -1 });
          PbStore.addRow(rows, key, 0, Infinity, encoder.encode(PbChunks.refused('$chunk', chunk)));
          continue;
        }
        PbChunks.sizes.set(number, chunk.ids.length);
        chunk.ids.forEach((id, index) => {
          // Keys go to C++ NUL-separated: an id holding a NUL is as unusable as none.
          let key = typeof id === 'string' && !id.includes('\0') ? id : null;
          if (key !== null && !PbChunks.of.has(key)) {
            PbChunks.of.set(key, number);
          } else {
            key = 'deal chunk ' + number + ', entry ' + index + (key === null ? ' (no usable id)' : ' (repeats ' + key + ')');
            PbChunks.unkeyed.set(key, { chunk: number, index });
          }
          rows.keys.push(key);
        });
        PbStore.addRows(rows, chunk.text, chunk.sizes, chunk.revs, chunk.ranks);
      }
    },

    // After the last page: new deals go to the last chunk while it has room.
    settle: function () {
      const last = PbChunks.next - 1;
      if (PbChunks.sizes.has(last) && PbChunks.sizes.get(last) < PbChunks.SIZE) PbChunks.fill = last;
    },

    // A stored value that is not what it should be (a row, a chunk) as JSON C++ will refuse, so it
    // is reported and set aside with what could be kept, for the user's export. `tag` says which.
    refused: function (tag, value) {
      let seen = value === undefined ? null : value;
      if (seen && typeof seen === 'object' && seen.text instanceof Uint8Array) {
        seen = Object.assign({}, seen, { text: new TextDecoder().decode(seen.text) });
      }
      const wrapped = {};
      wrapped[tag] = seen;
      try { return JSON.stringify(wrapped); } catch (_) { wrapped[tag] = 'unreadable'; return JSON.stringify(wrapped); }
    },

    // The chunk of a deal about to be written; a deal never written before gets a place.
    place: function (id) {
      let chunk = PbChunks.of.get(id);
      if (chunk !== undefined) return chunk;
      if (PbChunks.fill === null || (PbChunks.sizes.get(PbChunks.fill) || 0) >= PbChunks.SIZE) {
        PbChunks.fill = PbChunks.next++;
        PbChunks.sizes.set(PbChunks.fill, 0);
      }
      chunk = PbChunks.fill;
      PbChunks.of.set(id, chunk);
      PbChunks.sizes.set(chunk, PbChunks.sizes.get(chunk) + 1);
      return chunk;
    },

    // Another tab wrote a deal to `chunk` (or this tab replays a journaled write).
    learn: function (id, chunk) {
      if (typeof chunk !== 'number' || PbChunks.of.get(id) === chunk) return;
      PbChunks.of.set(id, chunk);
      if (chunk >= PbChunks.next) PbChunks.next = chunk + 1;
    },

    // What a batch does to each chunk: deal writes (each given its chunk, which the batch keeps
    // for other tabs and the journal) and set-aside records to take out.
    plan: function (writes, quarantine) {
      const plans = new Map();
      const planFor = (chunk) => {
        if (!plans.has(chunk)) plans.set(chunk, { writes: [], drop: new Set(), dropAll: false });
        return plans.get(chunk);
      };
      for (const w of writes) {
        if (w.store !== 'deals') continue;
        if (typeof w.chunk === 'number') PbChunks.learn(w.id, w.chunk);
        else w.chunk = PbChunks.place(w.id);
        planFor(w.chunk).writes.push(w);
      }
      for (const q of quarantine) {
        if (q.store !== 'deals') continue;
        const spot = PbChunks.unkeyed.get(q.id);
        const chunk = spot ? spot.chunk : PbChunks.of.get(q.id);
        if (chunk === undefined) continue;  // not stored anywhere
        const plan = planFor(chunk);
        if (spot && spot.index < 0) plan.dropAll = true;
        else plan.drop.add(spot ? spot.index : q.id);
      }
      return plans;
    },

    // A chunk's rows {id, rev, rank, json} after a plan, or null if the chunk must not be touched (`write(w, current)`
    // returned 'stop'). `write` decides each deal write: 'write', 'skip' or 'stop'.
    apply: function (stored, plan, write) {
      let rows = plan.dropAll ? [] : PbChunks.rowsOf(stored);
      if (plan.drop.size) rows = rows.filter((row, i) => !plan.drop.has(i) && !plan.drop.has(row.id));
      const at = new Map();
      rows.forEach((row, i) => { if (typeof row.id === 'string' && !at.has(row.id)) at.set(row.id, i); });
      const gone = new Set();
      for (const w of plan.writes) {
        const i = at.get(w.id);
        const verdict = write(w, i === undefined || gone.has(i) ? null : rows[i]);
        if (verdict === 'stop') return null;
        if (verdict === 'skip') continue;
        if (w.json === null) {
          if (i !== undefined) gone.add(i);
        } else {
          const row = { id: w.id, rev: w.rev, rank: w.rank, json: w.json };
          if (i === undefined) { at.set(w.id, rows.length); rows.push(row); } else { rows[i] = row; gone.delete(i); }
        }
      }
      return gone.size ? rows.filter((_, i) => !gone.has(i)) : rows;
    },

    // Schema 1 (a row per deal in 'deals') to chunks, inside the upgrade transaction. The old rows
    // are kept in the backups store.
    upgrade: function (tx, db) {
      const old = tx.objectStore('deals');
      const all = old.getAll();
      all.onsuccess = () => {
        const rank = (row) => Number(row && row.rank) || 0;
        const rows = all.result.slice().sort((a, b) => rank(a) - rank(b));
        const chunks = tx.objectStore(PbChunks.STORE);
        for (let i = 0; i < rows.length; i += PbChunks.SIZE) {
          const slice = rows.slice(i, i + PbChunks.SIZE).map((row) => ({ id: row && row.id, rev: Number(row && row.rev) || 0,
            rank: Number(row && row.rank) || 0, json: row && typeof row.json === 'string' ? row.json : PbChunks.refused('$row', row) }));
          chunks.put(PbChunks.pack(i / PbChunks.SIZE, slice));
        }
        tx.objectStore('backups').put({ id: 'schema-1-deals-' + new Date().toISOString().slice(0, 10), schema: 1,
          store: 'deals', saved_at: Date.now(), rows: all.result });
        db.deleteObjectStore('deals');
      };
    },
  },
});
