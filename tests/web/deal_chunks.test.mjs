// The schema-2 deal chunk layout (web/lib_deal_chunks.js) under node:test, without a browser: the
// Emscripten library files are evaluated with a stand-in for mergeInto(LibraryManager.library,
// {...}), so $PbChunks is the object the app links, with lib_storage.js's own row helpers
// (PbStore.rows, addRows, addRow) beside it. Node 18's node:test and node:assert suffice.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
const sources = ['lib_deal_chunks.js', 'lib_storage.js'].map((name) => fs.readFileSync(path.join(web, name), 'utf8'));

// A fresh library each time: `$Name` entries become the names the functions use, as Emscripten
// makes them globals of the generated index.js.
function load() {
  const make = new Function(`
    const library = {};
    const LibraryManager = { library };
    const mergeInto = (into, entries) => Object.assign(into, entries);
    ${sources.join('\n')}
    const PbChunks = library.$PbChunks, PbStore = library.$PbStore;
    return { PbChunks, PbStore };`);
  const lib = make();
  lib.PbChunks.reset();
  return lib;
}

const utf8 = (s) => new TextEncoder().encode(s);
const deal = (id, extra = {}) => JSON.stringify(Object.assign({ id, title: 'Deal ' + id }, extra));
// A chunk as lib_storage.js would store it, made by hand (not by pack) for valid() to judge.
function chunkOf(number, deals) {
  const texts = deals.map((d) => utf8(d.json));
  const text = new Uint8Array(texts.reduce((n, t) => n + t.length, 0));
  let at = 0;
  for (const t of texts) { text.set(t, at); at += t.length; }
  return { id: number, ids: deals.map((d) => d.id), revs: deals.map((d) => d.rev ?? 1), ranks: deals.map((d) => d.rank ?? 0),
    sizes: texts.map((t) => t.length), text };
}
const good = () => chunkOf(0, [{ id: 'd1', json: deal('d1'), rev: 3, rank: 1024 }, { id: 'd2', json: deal('d2'), rev: 1, rank: 2048 }]);
// `count` deals d<first>.. as rows {id, rev, rank, json}.
const rowsFrom = (first, count) => Array.from({ length: count }, (_, i) => {
  const id = 'd' + (first + i);
  return { id, rev: 1, rank: (first + i) * 1024, json: deal(id) };
});
// What C++ is handed for chunks read from the store: keys, and each row's text.
function collected(PbChunks, PbStore, chunks) {
  const rows = PbStore.rows();
  PbChunks.collect(chunks, rows);
  const decoder = new TextDecoder();
  const texts = [];
  rows.texts.forEach((bytes, piece) => {
    let at = 0;
    for (const size of rows.sizes[piece]) { texts.push(decoder.decode(bytes.subarray(at, at + size))); at += size; }
  });
  return { rows, texts, revs: rows.revs.flat(), ranks: rows.ranks.flat() };
}

describe('valid(): what a usable chunk is', () => {
  test('a well-formed chunk, and an empty one, are valid', () => {
    const { PbChunks } = load();
    assert.equal(PbChunks.valid(good()), true);
    assert.equal(PbChunks.valid(chunkOf(4, [])), true);
  });

  test('not an object, or text not a Uint8Array', () => {
    const { PbChunks } = load();
    for (const v of [undefined, null, 0, 'chunk', []]) assert.equal(PbChunks.valid(v), false, String(v));
    for (const text of [undefined, null, 'abc', [1, 2, 3], new ArrayBuffer(3), new Uint16Array(3), { length: 3 }]) {
      const c = good();
      c.text = text;
      assert.equal(PbChunks.valid(c), false, Object.prototype.toString.call(text));
    }
  });

  test('ids, revs, ranks and sizes must be arrays of one length', () => {
    const { PbChunks } = load();
    for (const key of ['ids', 'revs', 'ranks', 'sizes']) {
      const missing = good();
      delete missing[key];
      assert.equal(PbChunks.valid(missing), false, key + ' missing');
      const notArray = good();
      notArray[key] = { 0: notArray[key][0], 1: notArray[key][1], length: 2 };
      assert.equal(PbChunks.valid(notArray), false, key + ' not an array');
      const shorter = good();
      shorter[key] = shorter[key].slice(1);
      assert.equal(PbChunks.valid(shorter), false, key + ' too short');
      const longer = good();
      longer[key] = longer[key].concat([longer[key][0]]);
      assert.equal(PbChunks.valid(longer), false, key + ' too long');
    }
  });

  test('sizes are non-negative integers that add up to the text', () => {
    const { PbChunks } = load();
    const c = good();
    const [a, b] = c.sizes;
    const withSizes = (sizes) => Object.assign(good(), { sizes });
    assert.equal(PbChunks.valid(withSizes([a + b, 0])), true, 'the split is not checked, the total is');
    for (const sizes of [[-1, a + b + 1], [a + 0.5, b - 0.5], [a, NaN], [a, Infinity], [String(a), b], [a, null], [a, b - 1],
      [a, b + 1], [0, 0]])
      assert.equal(PbChunks.valid(withSizes(sizes)), false, JSON.stringify(sizes.map(String)));
    const cut = good();
    cut.text = cut.text.subarray(0, cut.text.length - 1);
    assert.equal(PbChunks.valid(cut), false, 'text shorter than the sizes');
  });
});

describe('pack() and rowsOf(): deals to a chunk and back', () => {
  test('round trip keeps ids, revisions, ranks and text, multi-byte UTF-8 included', () => {
    const { PbChunks } = load();
    const rows = [
      { id: 'd1', rev: 7, rank: 1024.5, json: deal('d1', { title: 'Café für Jürgen' }) },
      { id: 'd2', rev: 1, rank: -3, json: deal('d2', { title: '日本の取引 🎉', notes: 'a\u0000b\n"q"' }) },
      { id: 'é', rev: 2, rank: 0, json: '' },
    ];
    const chunk = PbChunks.pack(12, rows);
    assert.equal(chunk.id, 12);
    assert.deepEqual(chunk.ids, ['d1', 'd2', 'é']);
    assert.deepEqual(chunk.revs, [7, 1, 2]);
    assert.deepEqual(chunk.ranks, [1024.5, -3, 0]);
    assert.ok(chunk.text instanceof Uint8Array);
    // Sizes count bytes, not UTF-16 code units.
    assert.deepEqual(chunk.sizes, rows.map((r) => utf8(r.json).length));
    assert.notEqual(chunk.sizes[1], rows[1].json.length);
    assert.equal(PbChunks.valid(chunk), true);
    assert.deepEqual(PbChunks.rowsOf(chunk), rows);
  });

  test('the text is the deals one after another', () => {
    const { PbChunks } = load();
    const chunk = PbChunks.pack(0, rowsFrom(1, 3));
    assert.equal(new TextDecoder().decode(chunk.text), rowsFrom(1, 3).map((r) => r.json).join(''));
  });

  test('a row without JSON text is packed as null; no rows make an empty chunk', () => {
    const { PbChunks } = load();
    const chunk = PbChunks.pack(1, [{ id: 'x', rev: 1, rank: 1, json: undefined }, { id: 'y', rev: 1, rank: 2, json: 42 }]);
    assert.deepEqual(PbChunks.rowsOf(chunk).map((r) => r.json), ['null', 'null']);
    const empty = PbChunks.pack(2, []);
    assert.deepEqual(empty, { id: 2, ids: [], revs: [], ranks: [], sizes: [], text: new Uint8Array(0) });
    assert.equal(PbChunks.valid(empty), true);
  });

  test('rowsOf() gives nothing for an unusable chunk', () => {
    const { PbChunks } = load();
    assert.deepEqual(PbChunks.rowsOf(undefined), []);
    assert.deepEqual(PbChunks.rowsOf(Object.assign(good(), { sizes: [1, 2] })), []);
  });
});

describe('collect(): chunks read at start-up, handed to C++', () => {
  test('rows, keys, revisions and ranks in chunk order; every deal\'s chunk is known', () => {
    const { PbChunks, PbStore } = load();
    const c0 = PbChunks.pack(0, rowsFrom(1, 3)), c1 = PbChunks.pack(1, rowsFrom(4, 2));
    const got = collected(PbChunks, PbStore, [c0, c1]);
    assert.deepEqual(got.rows.keys, ['d1', 'd2', 'd3', 'd4', 'd5']);
    assert.equal(got.rows.count, 5);
    assert.equal(got.rows.bytes, c0.text.length + c1.text.length);
    assert.equal(got.rows.texts[0], c0.text, 'a chunk\'s bytes go on without a copy');
    assert.deepEqual(got.texts, rowsFrom(1, 5).map((r) => r.json));
    assert.deepEqual(got.revs, [1, 1, 1, 1, 1]);
    assert.deepEqual(got.ranks, rowsFrom(1, 5).map((r) => r.rank));
    assert.deepEqual([...PbChunks.of], [['d1', 0], ['d2', 0], ['d3', 0], ['d4', 1], ['d5', 1]]);
    assert.deepEqual([...PbChunks.sizes], [[0, 3], [1, 2]]);
    assert.equal(PbChunks.next, 2);
  });

  test('pages add up: next is above the highest chunk seen, whatever the order', () => {
    const { PbChunks, PbStore } = load();
    collected(PbChunks, PbStore, [PbChunks.pack(7, rowsFrom(1, 1))]);
    collected(PbChunks, PbStore, [PbChunks.pack(2, rowsFrom(2, 1))]);
    assert.equal(PbChunks.next, 8);
    assert.equal(PbChunks.of.get('d2'), 2);
  });

  test('an unusable chunk becomes one row C++ refuses, under a key of its own', () => {
    const { PbChunks, PbStore } = load();
    const bad = Object.assign(PbChunks.pack(3, rowsFrom(1, 2)), { sizes: [1, 1] });
    const got = collected(PbChunks, PbStore, [bad, PbChunks.pack(4, rowsFrom(3, 1))]);
    assert.deepEqual(got.rows.keys, ['deal chunk 3 (unreadable)', 'd3']);
    assert.deepEqual(got.revs, [0, 1]);
    assert.equal(got.ranks[0], Infinity);
    const refused = JSON.parse(got.texts[0]);
    assert.deepEqual(Object.keys(refused), ['$chunk']);
    assert.equal(refused.$chunk.text, rowsFrom(1, 2).map((r) => r.json).join(''), 'the text is kept, readable, for the export');
    assert.deepEqual(refused.$chunk.ids, ['d1', 'd2']);
    assert.deepEqual(PbChunks.unkeyed.get('deal chunk 3 (unreadable)'), { chunk: 3, index: -1 });
    assert.equal(PbChunks.of.has('d1'), false, 'its deals are not placed');
    assert.equal(PbChunks.sizes.has(3), false);
    assert.equal(PbChunks.next, 5);
  });

  test('a chunk that is not even an object still counts as a row', () => {
    const { PbChunks, PbStore } = load();
    const got = collected(PbChunks, PbStore, [null]);
    assert.deepEqual(got.rows.keys, ['deal chunk null (unreadable)']);
    assert.deepEqual(JSON.parse(got.texts[0]), { $chunk: null });
    assert.equal(PbChunks.next, 0);
  });

  test('a repeated id, an id that is not text and an id holding NUL get descriptive keys', () => {
    const { PbChunks, PbStore } = load();
    const rows = rowsFrom(1, 4);
    rows[1].id = 'd1';
    rows[2].id = 17;
    rows[3].id = 'a\0b';
    const got = collected(PbChunks, PbStore, [PbChunks.pack(0, rowsFrom(9, 1)), PbChunks.pack(1, rows)]);
    assert.deepEqual(got.rows.keys, ['d9', 'd1', 'deal chunk 1, entry 1 (repeats d1)', 'deal chunk 1, entry 2 (no usable id)',
      'deal chunk 1, entry 3 (no usable id)']);
    assert.equal(got.rows.count, 5, 'every entry is a row, so C++ reports it');
    assert.deepEqual(PbChunks.unkeyed.get('deal chunk 1, entry 1 (repeats d1)'), { chunk: 1, index: 1 });
    assert.deepEqual(PbChunks.unkeyed.get('deal chunk 1, entry 3 (no usable id)'), { chunk: 1, index: 3 });
    assert.equal(PbChunks.of.get('d1'), 1, 'the first one keeps the id');
    assert.equal(PbChunks.sizes.get(1), 4);
  });

  test('reset() forgets everything', () => {
    const { PbChunks, PbStore } = load();
    collected(PbChunks, PbStore, [PbChunks.pack(5, rowsFrom(1, 2)), null]);
    PbChunks.settle();
    PbChunks.reset();
    assert.deepEqual([PbChunks.of.size, PbChunks.sizes.size, PbChunks.unkeyed.size, PbChunks.fill, PbChunks.next], [0, 0, 0, null, 0]);
  });
});

describe('placement: where a deal is written', () => {
  test('SIZE is 500 deals, in the deal_chunks store', () => {
    const { PbChunks } = load();
    assert.equal(PbChunks.SIZE, 500);
    assert.equal(PbChunks.STORE, 'deal_chunks');
  });

  test('an empty store: new deals fill chunk 0, then open chunk 1 at 500', () => {
    const { PbChunks } = load();
    PbChunks.settle();
    const places = rowsFrom(0, 1001).map((r) => PbChunks.place(r.id));
    assert.deepEqual(places.slice(0, 500), new Array(500).fill(0));
    assert.deepEqual(places.slice(500, 1000), new Array(500).fill(1));
    assert.equal(places[1000], 2);
    assert.deepEqual([...PbChunks.sizes], [[0, 500], [1, 500], [2, 1]]);
    assert.equal(PbChunks.next, 3);
  });

  test('a deal stays in its chunk, however often it is written', () => {
    const { PbChunks, PbStore } = load();
    collected(PbChunks, PbStore, [PbChunks.pack(0, rowsFrom(1, 2)), PbChunks.pack(1, rowsFrom(3, 1))]);
    PbChunks.settle();
    assert.equal(PbChunks.place('d1'), 0);
    assert.equal(PbChunks.place('d1'), 0);
    assert.equal(PbChunks.sizes.get(0), 2, 'writing a stored deal does not count it again');
  });

  test('new deals fill the last chunk up to 500, then open a new one', () => {
    const { PbChunks, PbStore } = load();
    collected(PbChunks, PbStore, [PbChunks.pack(0, rowsFrom(0, 500)), PbChunks.pack(1, rowsFrom(500, 498))]);
    PbChunks.settle();
    assert.equal(PbChunks.fill, 1);
    assert.deepEqual(['n1', 'n2', 'n3'].map((id) => PbChunks.place(id)), [1, 1, 2]);
    assert.equal(PbChunks.sizes.get(1), 500);
    assert.equal(PbChunks.sizes.get(2), 1);
    assert.equal(PbChunks.next, 3);
  });

  test('room in an earlier chunk is not reused: only the last chunk is filled', () => {
    const { PbChunks, PbStore } = load();
    collected(PbChunks, PbStore, [PbChunks.pack(0, rowsFrom(0, 10)), PbChunks.pack(1, rowsFrom(10, 500))]);
    PbChunks.settle();
    assert.equal(PbChunks.fill, null);
    assert.equal(PbChunks.place('new'), 2);
  });

  test('after an unusable last chunk, new deals open a chunk past it', () => {
    const { PbChunks, PbStore } = load();
    collected(PbChunks, PbStore, [PbChunks.pack(0, rowsFrom(0, 3)), Object.assign(PbChunks.pack(1, rowsFrom(3, 1)), { ids: [] })]);
    PbChunks.settle();
    assert.equal(PbChunks.fill, null);
    assert.equal(PbChunks.place('new'), 2, 'never into the unreadable chunk');
  });

  test('other tabs\' announcements: their deals\' chunks are learnt, and new chunks stay clear of theirs', () => {
    const { PbChunks, PbStore } = load();
    collected(PbChunks, PbStore, [PbChunks.pack(0, rowsFrom(0, 500))]);
    PbChunks.settle();
    PbChunks.learn('theirs', 1);  // the other tab opened chunk 1
    assert.equal(PbChunks.of.get('theirs'), 1);
    assert.equal(PbChunks.next, 2);
    assert.equal(PbChunks.place('theirs'), 1, 'their deal is written where they put it');
    assert.equal(PbChunks.place('mine'), 2, 'a new chunk of ours does not collide with theirs');
    PbChunks.learn('theirs', 1);
    PbChunks.learn('lost', undefined);  // a message without a chunk
    assert.equal(PbChunks.of.has('lost'), false);
    PbChunks.learn('old', 0);  // below next: next stays
    assert.equal(PbChunks.next, 3);
  });
});

describe('plan() and apply(): a batch\'s deal writes, chunk by chunk', () => {
  const write = (id, json, extra = {}) => Object.assign({ store: 'deals', id, expect: 1, rev: 2, rank: 5, json }, extra);

  test('deal writes are grouped by chunk and each is given its chunk; other stores are left alone', () => {
    const { PbChunks, PbStore } = load();
    collected(PbChunks, PbStore, [PbChunks.pack(0, rowsFrom(1, 2)), PbChunks.pack(1, rowsFrom(3, 1))]);
    PbChunks.settle();
    const writes = [write('d3', deal('d3')), { store: 'pipelines', id: 'p1', json: '{}' }, write('d1', null), write('new', deal('new'))];
    const plans = PbChunks.plan(writes, []);
    assert.deepEqual([...plans.keys()], [1, 0]);
    assert.deepEqual(plans.get(1).writes.map((w) => w.id), ['d3', 'new']);
    assert.deepEqual(plans.get(0).writes.map((w) => w.id), ['d1']);
    assert.deepEqual(writes.map((w) => w.chunk), [1, undefined, 0, 1], 'the batch keeps the chunks, for other tabs and the journal');
    assert.equal(plans.get(0).dropAll, false);
    assert.equal(plans.get(0).drop.size, 0);
  });

  test('a write that already names its chunk (a replayed journal) goes there, and is learnt', () => {
    const { PbChunks } = load();
    PbChunks.settle();
    const plans = PbChunks.plan([write('x', deal('x'), { chunk: 6 })], []);
    assert.deepEqual([...plans.keys()], [6]);
    assert.equal(PbChunks.of.get('x'), 6);
    assert.equal(PbChunks.next, 7);
  });

  test('set-aside deals: a whole unreadable chunk, one bad entry, a keyed deal; unknown ones are skipped', () => {
    const { PbChunks, PbStore } = load();
    const rows = rowsFrom(1, 2);
    rows[1].id = 'd1';
    collected(PbChunks, PbStore, [PbChunks.pack(0, rows), null, PbChunks.pack(2, rowsFrom(5, 1)), Object.assign(good(), { id: 3, sizes: [0, 0] })]);
    const plans = PbChunks.plan([], [
      { store: 'deals', id: 'deal chunk 0, entry 1 (repeats d1)' },
      { store: 'deals', id: 'd5' },
      { store: 'deals', id: 'deal chunk 3 (unreadable)' },
      { store: 'deals', id: 'nowhere' },
      { store: 'people', id: 'd1' },
    ]);
    assert.deepEqual([...plans.keys()], [0, 2, 3]);
    assert.deepEqual([...plans.get(0).drop], [1]);
    assert.deepEqual([...plans.get(2).drop], ['d5']);
    assert.equal(plans.get(3).dropAll, true);
  });

  const plan = (writes, extra = {}) => Object.assign({ writes, drop: new Set(), dropAll: false }, extra);
  const always = () => 'write';

  test('apply(): an edit in place, a new deal at the end, a deletion', () => {
    const { PbChunks } = load();
    const stored = PbChunks.pack(0, rowsFrom(1, 3));
    const rows = PbChunks.apply(stored, plan([write('d2', deal('d2', { title: 'edited' })), write('new', deal('new')), write('d1', null)]), always);
    assert.deepEqual(rows.map((r) => r.id), ['d2', 'd3', 'new']);
    assert.deepEqual(rows[0], { id: 'd2', rev: 2, rank: 5, json: deal('d2', { title: 'edited' }) });
    assert.deepEqual(rows[1], rowsFrom(3, 1)[0], 'deals the batch does not touch are kept as they were');
    const packed = PbChunks.pack(0, rows);
    assert.equal(PbChunks.valid(packed), true);
    assert.deepEqual(PbChunks.rowsOf(packed), rows);
  });

  test('apply(): deleting every deal leaves no rows; a missing chunk starts empty', () => {
    const { PbChunks } = load();
    assert.deepEqual(PbChunks.apply(PbChunks.pack(0, rowsFrom(1, 1)), plan([write('d1', null)]), always), []);
    assert.deepEqual(PbChunks.apply(undefined, plan([write('n', deal('n'))]), always).map((r) => r.id), ['n']);
    assert.deepEqual(PbChunks.apply(undefined, plan([write('n', null)]), always), [], 'deleting what is not there');
  });

  test('apply(): deleted and written again in one batch keeps its place', () => {
    const { PbChunks } = load();
    const rows = PbChunks.apply(PbChunks.pack(0, rowsFrom(1, 3)), plan([write('d2', null), write('d2', deal('d2', { v: 2 }))]), always);
    assert.deepEqual(rows.map((r) => r.id), ['d1', 'd2', 'd3']);
    assert.equal(rows[1].json, deal('d2', { v: 2 }));
  });

  test('apply(): the verdict sees the stored row (null when absent); skip leaves it, stop leaves the chunk untouched', () => {
    const { PbChunks } = load();
    const stored = PbChunks.pack(0, rowsFrom(1, 2));
    const seen = [];
    const rows = PbChunks.apply(stored, plan([write('d1', deal('d1', { v: 2 })), write('d2', null), write('x', deal('x'))]), (w, current) => {
      seen.push([w.id, current && current.id]);
      return w.id === 'd2' ? 'skip' : 'write';
    });
    assert.deepEqual(seen, [['d1', 'd1'], ['d2', 'd2'], ['x', null]]);
    assert.deepEqual(rows.map((r) => r.id), ['d1', 'd2', 'x']);
    assert.equal(PbChunks.apply(stored, plan([write('d1', null), write('d2', null)]), (w) => (w.id === 'd2' ? 'stop' : 'write')), null);
  });

  test('apply(): set-aside entries go, by index or by id, or the whole chunk', () => {
    const { PbChunks } = load();
    const stored = PbChunks.pack(0, rowsFrom(1, 4));
    assert.deepEqual(PbChunks.apply(stored, plan([], { drop: new Set([1, 'd4']) }), always).map((r) => r.id), ['d1', 'd3']);
    assert.deepEqual(PbChunks.apply(stored, plan([write('n', deal('n'))], { dropAll: true }), always).map((r) => r.id), ['n']);
  });

  test('apply(): a write finds the first of repeated ids', () => {
    const { PbChunks } = load();
    const rows = rowsFrom(1, 2);
    rows[1].id = 'd1';
    const out = PbChunks.apply(PbChunks.pack(0, rows), plan([write('d1', deal('d1', { v: 9 }))]), always);
    assert.deepEqual(out.map((r) => r.json), [deal('d1', { v: 9 }), rows[1].json]);
  });
});

describe('refused(): stored values C++ will refuse, kept for the export', () => {
  test('wrapped under the tag; a chunk\'s bytes as text; undefined as null', () => {
    const { PbChunks } = load();
    assert.equal(PbChunks.refused('$row', { id: 'x', json: 5 }), '{"$row":{"id":"x","json":5}}');
    assert.equal(PbChunks.refused('$row', undefined), '{"$row":null}');
    const chunk = PbChunks.pack(0, [{ id: 'é', rev: 1, rank: 1, json: '"ü"' }]);
    assert.equal(JSON.parse(PbChunks.refused('$chunk', chunk)).$chunk.text, '"ü"');
    assert.ok(chunk.text instanceof Uint8Array, 'the chunk itself is not changed');
  });

  test('what JSON cannot hold is marked unreadable', () => {
    const { PbChunks } = load();
    const cyclic = {};
    cyclic.self = cyclic;
    assert.equal(PbChunks.refused('$row', { rev: 1n }), '{"$row":"unreadable"}');
    assert.equal(PbChunks.refused('$row', cyclic), '{"$row":"unreadable"}');
  });
});

describe('upgrade(): schema 1 (a row per deal) regrouped into chunks', () => {
  // The few IndexedDB calls upgrade() makes, recorded.
  function fakeUpgrade(PbChunks, oldRows) {
    const put = { deal_chunks: [], backups: [] };
    let deleted = null;
    const request = { result: oldRows, onsuccess: null };
    const tx = { objectStore: (name) => (name === 'deals' ? { getAll: () => request } : { put: (v) => put[name].push(v) }) };
    PbChunks.upgrade(tx, { deleteObjectStore: (name) => { deleted = name; } });
    assert.equal(put.deal_chunks.length, 0, 'nothing is written before the rows are read');
    request.onsuccess();
    return { chunks: put.deal_chunks, backups: put.backups, deleted };
  }

  test('rows in rank order, 500 to a chunk, numbered from 0; the old rows are backed up and the store dropped', () => {
    const { PbChunks } = load();
    const old = rowsFrom(0, 1001).reverse();
    const { chunks, backups, deleted } = fakeUpgrade(PbChunks, old);
    assert.deepEqual(chunks.map((c) => c.id), [0, 1, 2]);
    assert.deepEqual(chunks.map((c) => c.ids.length), [500, 500, 1]);
    assert.ok(chunks.every((c) => PbChunks.valid(c)));
    const all = chunks.flatMap((c) => PbChunks.rowsOf(c));
    assert.deepEqual(all, rowsFrom(0, 1001));
    assert.equal(deleted, 'deals');
    assert.equal(backups.length, 1);
    assert.equal(backups[0].schema, 1);
    assert.equal(backups[0].store, 'deals');
    assert.match(backups[0].id, /^schema-1-deals-\d{4}-\d\d-\d\d$/);
    assert.equal(backups[0].rows, old);
  });

  test('a broken row keeps its place as JSON C++ refuses; revisions and ranks become numbers', () => {
    const { PbChunks } = load();
    const { chunks } = fakeUpgrade(PbChunks, [{ id: 'b', rev: '2', rank: '10', json: deal('b') }, null, { id: 'a', rev: 1, rank: 5, json: 7 }]);
    assert.equal(chunks.length, 1);
    assert.deepEqual(PbChunks.rowsOf(chunks[0]), [
      { id: null, rev: 0, rank: 0, json: '{"$row":null}' },
      { id: 'a', rev: 1, rank: 5, json: '{"$row":{"id":"a","rev":1,"rank":5,"json":7}}' },
      { id: 'b', rev: 2, rank: 10, json: deal('b') },
    ]);
  });

  test('no schema-1 deals: no chunks, still a backup', () => {
    const { PbChunks } = load();
    const { chunks, backups, deleted } = fakeUpgrade(PbChunks, []);
    assert.deepEqual([chunks.length, backups.length, deleted], [0, 1, 'deals']);
  });
});
