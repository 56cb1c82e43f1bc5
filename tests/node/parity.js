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
//   russianStems  the worker's stems of russian-words.json, if present
//   orderMismatches  prefixes (every 1-3 letter prefix of the vocabulary) for which the
//            worker's trailing-wildcard order differs from lunr's TokenSet intersection order
//   fuzzyMismatches  vocabulary words whose edit-distance-1 expansion by the worker (length
//            buckets) differs from lunr's over the whole vocabulary
//   filterMismatches  fields where the snippet's first-letters filter marks fewer words than
//            stemming every word does
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

// the digest's stemmer (Russian Snowball for Cyrillic words, lunr's for the rest: compat.py,
// stem), registered under lunr's label 'stemmer' before lunr.Index.load looks it up
const stemmer = worker.stemmerFor(lunr);
const built = lunr(function () {
  // lunr's default pipelines with the digest's trimmer (for every script: compat.py, trim)
  // and stemmer
  this.pipeline.reset();
  this.pipeline.add(worker.trimmer, lunr.stopWordFilter, stemmer);
  this.searchPipeline.reset();
  this.searchPipeline.add(stemmer);
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
  for (const q of queries.lunr) {
    out.built[q] = attempt(() => built.search(q));
    out.loaded[q] = attempt(() => loaded.search(q));
    try { out.compact[q] = simple(await engine.search(q)); } catch (e) { out.compact[q] = { error: String(e.message || e) }; }
  }
  for (const text of queries.ui) {
    for (const fuzzy of [false, true]) {
      const key = (fuzzy ? '~ ' : '') + text;
      const plan = await engine.plan(text, fuzzy);
      out.plans[key] = plan.clauses.map((c) => [c.kind, c.term]);
      // no words, no query: the worker answers "nothing" without asking lunr (which would
      // return every document for a query without clauses)
      if (!plan.clauses.length) { out.uiPlain[key] = out.uiCompact[key] = []; continue; }
      out.uiPlain[key] = simple(built.query(plan.build));
      out.uiCompact[key] = simple(await engine.query(plan.build));
    }
  }
  out.vocab = Object.keys(built.invertedIndex).sort();
  const stem = (w) => stemmer(new lunr.Token(w)).toString();
  if (fs.existsSync(path.join(dir, 'words.json'))) out.stems = read('words.json').map(stem);
  if (fs.existsSync(path.join(dir, 'russian-words.json'))) {
    out.russianStems = read('russian-words.json').map(stem);
  }
  // the expansion order of prefix clauses, against lunr's own TokenSet over the full vocabulary
  const vocab = out.vocab.slice().sort();
  const full = lunr.TokenSet.fromArray(vocab);
  const prefixes = new Set();
  vocab.forEach((t) => { for (let k = 1; k <= 3 && k < t.length; k++) prefixes.add(t.slice(0, k)); });
  out.orderMismatches = [];
  out.prefixesChecked = prefixes.size;
  for (const prefix of prefixes) {
    const theirs = full.intersect(lunr.TokenSet.fromString(prefix + '*')).toArray();
    const ours = vocab.filter((t) => t.startsWith(prefix)).sort(worker.tokenSetOrder);
    if (JSON.stringify(theirs) !== JSON.stringify(ours)) out.orderMismatches.push(prefix);
  }
  // fuzzy expansion through length buckets, against lunr over the full vocabulary
  out.fuzzyMismatches = [];
  const sample = vocab.filter((t, i) => t.length >= 4 && i % 7 === 0).slice(0, 300);
  const clauses = sample.map((t) => ({ term: t.slice(0, 2) + t.slice(3), usePipeline: false, editDistance: 1, fields: engine.fields }));
  await engine.prepareClauses(clauses);
  for (const clause of clauses) {
    const theirs = full.intersect(lunr.TokenSet.fromClause({ term: clause.term, editDistance: 1 })).toArray();
    const ours = engine.expand(clause, clause.term);
    if (JSON.stringify(theirs) !== JSON.stringify(ours)) out.fuzzyMismatches.push(clause.term);
  }
  out.fuzzyChecked = clauses.length;
  // the snippet's first-letters filter marks what stemming every word marks
  const allTerms = Object.create(null);
  vocab.forEach((t, i) => { allTerms[t] = i; });
  const firsts = worker.firstLetters(allTerms);
  out.filterMismatches = [];
  out.filterChecked = 0;
  for (const doc of documents.docs) {
    for (const name of Object.keys(doc)) {
      const text = String(doc[name] || '');
      const fast = worker.matchWords(lunr, text, allTerms, firsts);
      const slow = worker.matchWords(lunr, text, allTerms, null);
      out.filterChecked += slow.length;
      if (JSON.stringify(fast) !== JSON.stringify(slow)) {
        const words = new Set(fast.map((m) => m[0]));
        out.filterMismatches.push(slow.filter((m) => !words.has(m[0])).map((m) => text.slice(m[0], m[1])).slice(0, 5));
      }
    }
  }
  out.shardsFetched = engine.stats.shardsFetched;
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
