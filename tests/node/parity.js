// Parity harness for tests/test_lunr_parity.py (node, no network).
//
//   node tests/node/parity.js <dir>
//
// <dir> holds what the Python test wrote: documents.json (the records' field texts and boosts),
// plain.json (lunr.py's serialised index), queries.json ({"lunr": [...], "ui": [...]}) and the
// compact index (index.json, docs.*.json, p*.json). Prints one JSON object:
//   built    lunr.js Builder over documents.json: idx.search(q) for every lunr query
//   loaded   lunr.Index.load(plain.json): the same queries
//   compact  the worker's Engine over the compact index: the same queries
//   uiPlain  / uiCompact   the worker's query plan for every UI query, on `built` and on Engine
//   vocab    the terms of the lunr.js-built index, and stems of words.json if present
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL, fileURLToPath } = require('url');

const root = path.resolve(__dirname, '..', '..');
const lunr = require(path.join(root, 'node_modules', 'lunr'));
const worker = require(path.join(root, 'theme', 'static', 'js', 'search-worker.js'));

const dir = path.resolve(process.argv[2]);
const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const documents = read('documents.json');
const queries = read('queries.json');

const built = lunr(function () {
  this.ref('ref');
  documents.fields.forEach((f) => this.field(f.name, { boost: f.boost }));
  documents.docs.forEach((d) => this.add(d));
});
const loaded = lunr.Index.load(read('plain.json'));
const fetchJSON = async (url) => JSON.parse(fs.readFileSync(fileURLToPath(url), 'utf8'));
const engine = new worker.Engine(lunr, fetchJSON, pathToFileURL(path.join(dir, 'index.json')).href);

const simple = (results) => results.map((r) => [r.ref, r.score]);
const attempt = (fn) => {
  try { return simple(fn()); } catch (e) { return { error: String(e.message || e) }; }
};

(async () => {
  await engine.load();
  const out = { built: {}, loaded: {}, compact: {}, uiPlain: {}, uiCompact: {}, plans: {} };
  for (const q of queries.lunr) { if (process.env.DEBUG) console.error("q", q);
    out.built[q] = attempt(() => built.search(q));
    out.loaded[q] = attempt(() => loaded.search(q));
    try { out.compact[q] = simple(await engine.search(q)); } catch (e) { out.compact[q] = { error: String(e.message || e) }; }
  }
  for (const text of queries.ui) {
    for (const fuzzy of [false, true]) { if (process.env.DEBUG) console.error("ui", text, fuzzy);
      const key = (fuzzy ? '~ ' : '') + text;
      const plan = worker.plan(engine, text, fuzzy);
      out.plans[key] = plan.clauses.map((c) => [c.kind, c.term]);
      // no words, no query: the worker answers "nothing" without asking lunr (which would
      // return every document for a query without clauses)
      if (!plan.clauses.length) { out.uiPlain[key] = out.uiCompact[key] = []; continue; }
      out.uiPlain[key] = simple(built.query(plan.build));
      out.uiCompact[key] = simple(await engine.query(plan.build));
    }
  }
  out.vocab = Object.keys(built.invertedIndex).sort();
  if (fs.existsSync(path.join(dir, 'words.json'))) {
    out.stems = read('words.json').map((w) => lunr.stemmer(new lunr.Token(w)).toString());
  }
  out.shardsFetched = engine.stats.shardsFetched;
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
