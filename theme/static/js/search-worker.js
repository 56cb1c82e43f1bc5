/* Digest search worker.
 *
 * Loads the compact index written by plugins/lunr_index (format: builder.py docstring) and
 * answers queries with lunr.js itself. Only the core (vocabulary, field lengths) and the
 * document store are fetched up front; a term's postings shard is fetched the first time a
 * query needs it, and the term's lunr field-vector entries are computed then, exactly as
 * lunr.Builder#createFieldVectors would. Each query runs lunr.Index#query on an index made of
 * the terms loaded so far and a token set of the query's candidate terms, so results equal a
 * plain lunr.js index over the same fields (tests/test_lunr_parity.py checks it).
 *
 * Runs as a Web Worker (messages below) and under node (module.exports) for the parity tests.
 */
(function (root) {
  'use strict';

  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  var DEC = new Int16Array(128).fill(-1);
  for (var i = 0; i < B64.length; i++) DEC[B64.charCodeAt(i)] = i;

  var MAX_WORDS = 12; // a pasted paragraph is not a query
  var MAX_RESULTS = 100; // rendered results; the count and facets cover all matches
  var PREFIX_MIN = 3; // prefix matching of the last word from 3 letters
  var FUZZY_MIN = 5; // edit distance 1 for words of 5+ letters, when exact finds nothing

  function unvlq(text) {
    var out = [], value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DEC[text.charCodeAt(i)];
      if (digit < 0) throw new Error('bad index data');
      value += (digit & 31) * Math.pow(2, shift);
      if (digit & 32) { shift += 5; } else { out.push(value); value = 0; shift = 0; }
    }
    return out;
  }

  // Binary search in a sorted array of strings (JavaScript order, as the builder sorts).
  function lowerBound(arr, key) {
    var lo = 0, hi = arr.length;
    while (lo < hi) { var mid = (lo + hi) >>> 1; if (arr[mid] < key) lo = mid + 1; else hi = mid; }
    return lo;
  }

  // Does the lunr TokenSet automaton `q` accept `term`? The same rule as TokenSet#intersect:
  // a query edge matches an equal character, and a '*' query edge matches any character.
  function accepts(q, term) {
    var states = [q];
    for (var i = 0; i < term.length && states.length; i++) {
      var ch = term.charAt(i), next = [];
      for (var s = 0; s < states.length; s++) {
        var edges = states[s].edges, a = edges[ch], b = edges['*'];
        if (a && next.indexOf(a) < 0) next.push(a);
        if (b && next.indexOf(b) < 0) next.push(b);
      }
      states = next;
    }
    for (var f = 0; f < states.length; f++) if (states[f].final) return true;
    return false;
  }

  function Engine(lunr, fetchJSON, indexUrl) {
    this.lunr = lunr;
    this.fetchJSON = fetchJSON;
    this.indexUrl = indexUrl;
    this.ready = null;
    this.shardPromises = [];
    this.loadedTerms = Object.create(null);
    this.invertedIndex = Object.create(null);
    this.fieldVectors = Object.create(null);
    this.pipeline = new lunr.Pipeline();
    this.pipeline.add(lunr.stemmer);
    this.stats = { shardsFetched: 0 };
  }

  Engine.prototype.resolve = function (name) {
    return new URL(name, this.indexUrl).href;
  };

  Engine.prototype.load = function () {
    var self = this;
    if (self.ready) return self.ready;
    self.ready = self.fetchJSON(self.indexUrl).then(function (core) {
      if (core.version !== 1) throw new Error('unknown search index version ' + core.version);
      self.core = core;
      self.fields = core.fields.map(function (f) { return f.name; });
      self.boost = Object.create(null);
      core.fields.forEach(function (f) { self.boost[f.name] = f.boost || 1; });
      self.n = core.documentCount;
      self.vocab = core.vocab ? core.vocab.split('\n') : [];
      self.shardFrom = core.shards.map(function (s) { return s.from; });
      self.lengths = Object.create(null);
      self.avgLength = Object.create(null);
      self.fields.forEach(function (name) {
        var lengths = unvlq(core.fieldLengths[name]), sum = 0;
        for (var d = 0; d < lengths.length; d++) sum += lengths[d];
        self.lengths[name] = lengths;
        self.avgLength[name] = sum / self.n; // lunr: accumulator / documentsWithField
      });
      return self.fetchJSON(self.resolve(core.docs));
    }).then(function (docs) {
      self.docs = docs;
      return self;
    });
    return self.ready;
  };

  Engine.prototype.termPosition = function (term) {
    var at = lowerBound(this.vocab, term);
    return at < this.vocab.length && this.vocab[at] === term ? at : -1;
  };

  Engine.prototype.hasPrefix = function (prefix) {
    var at = lowerBound(this.vocab, prefix);
    return at < this.vocab.length && this.vocab[at].slice(0, prefix.length) === prefix;
  };

  Engine.prototype.shardOf = function (position) {
    var lo = 0, hi = this.shardFrom.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >>> 1; if (this.shardFrom[mid] <= position) lo = mid; else hi = mid - 1; }
    return lo;
  };

  Engine.prototype.fetchShard = function (number) {
    var self = this;
    if (!self.shardPromises[number]) {
      self.stats.shardsFetched++;
      self.shardPromises[number] = self.fetchJSON(self.resolve(self.core.shards[number].file))
        .catch(function (error) { self.shardPromises[number] = null; throw error; });
    }
    return self.shardPromises[number];
  };

  // Decode a term's postings and add its lunr field-vector entries (lunr.Builder's formula).
  Engine.prototype.addTerm = function (term, encoded) {
    var lunr = this.lunr, nums = unvlq(encoded), termIndex = nums[0], mask = nums[1], at = 2;
    var posting = Object.create(null), entries = [];
    posting._index = termIndex;
    for (var f = 0; f < this.fields.length; f++) {
      var name = this.fields[f], fieldPosting = Object.create(null);
      posting[name] = fieldPosting;
      if (!(mask & (1 << f))) continue;
      var count = nums[at++], doc = 0;
      for (var k = 0; k < count; k++) {
        var code = nums[at++], tf = 1;
        doc += Math.floor(code / 2);
        if (code & 1) tf = nums[at++] + 2;
        fieldPosting[doc] = Object.create(null);
        entries.push(name, doc, tf);
      }
    }
    var idf = lunr.idf(posting, this.n), k1 = 1.2, b = 0.75;
    for (var e = 0; e < entries.length; e += 3) {
      var field = entries[e], ref = entries[e + 1], freq = entries[e + 2];
      var fieldLength = this.lengths[field][ref];
      var score = idf * ((k1 + 1) * freq) / (k1 * (1 - b + b * (fieldLength / this.avgLength[field])) + freq);
      score *= this.boost[field];
      score *= 1; // document boost
      var fieldRef = field + '/' + ref;
      var vector = this.fieldVectors[fieldRef] || (this.fieldVectors[fieldRef] = new lunr.Vector());
      vector.insert(termIndex, Math.round(score * 1000) / 1000);
    }
    this.invertedIndex[term] = posting;
    this.loadedTerms[term] = true;
  };

  Engine.prototype.ensureTerms = function (terms) {
    var self = this, byShard = Object.create(null), wanted = [];
    terms.forEach(function (term) {
      if (self.loadedTerms[term]) return;
      var position = self.termPosition(term);
      if (position < 0) return;
      var shard = self.shardOf(position);
      (byShard[shard] || (byShard[shard] = [])).push([term, position]);
      wanted.push(shard);
    });
    return Promise.all(Object.keys(byShard).map(function (shard) {
      return self.fetchShard(+shard).then(function (postings) {
        byShard[shard].forEach(function (pair) {
          if (!self.loadedTerms[pair[0]]) self.addTerm(pair[0], postings[pair[1] - self.shardFrom[shard]]);
        });
      });
    }));
  };

  // The index terms a lunr clause can match: exactly what lunr's token set intersection gives.
  Engine.prototype.clauseCandidates = function (clause) {
    var lunr = this.lunr, self = this, out = [];
    var terms = clause.usePipeline ? this.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
    terms.forEach(function (term) {
      var fuzzy = 'editDistance' in clause && clause.editDistance > 0;
      var star = term.indexOf('*');
      if (!fuzzy && star < 0) {
        if (self.termPosition(term) >= 0) out.push(term);
      } else if (!fuzzy && star === term.length - 1 && term.indexOf('*') === star) {
        var prefix = term.slice(0, -1);
        for (var at = lowerBound(self.vocab, prefix); at < self.vocab.length && self.vocab[at].slice(0, prefix.length) === prefix; at++) out.push(self.vocab[at]);
      } else {
        // fromClause tests `'editDistance' in clause`: only set the key for a fuzzy clause
        var spec = { term: term, wildcard: clause.wildcard };
        if (fuzzy) spec.editDistance = clause.editDistance;
        var automaton = lunr.TokenSet.fromClause(spec);
        for (var v = 0; v < self.vocab.length; v++) if (accepts(automaton, self.vocab[v])) out.push(self.vocab[v]);
      }
    });
    return out;
  };

  // lunr.Index#query over the compact index. `build` fills a lunr.Query, as for lunr.Index#query.
  Engine.prototype.query = function (build) {
    var self = this, lunr = this.lunr;
    return this.load().then(function () {
      var probe = new lunr.Query(self.fields);
      build.call(probe, probe);
      var perClause = probe.clauses.map(function (c) { return self.clauseCandidates(c); });
      var all = Object.create(null);
      perClause.forEach(function (list) { list.forEach(function (t) { all[t] = true; }); });
      var candidates = Object.keys(all).sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
      return self.ensureTerms(candidates).then(function () {
        var index = new lunr.Index({
          invertedIndex: self.invertedIndex,
          fieldVectors: self.fieldVectors,
          tokenSet: lunr.TokenSet.fromArray(candidates),
          fields: self.fields,
          pipeline: self.pipeline
        });
        var results = index.query(build);
        results.candidates = perClause;
        return results;
      });
    });
  };

  Engine.prototype.search = function (queryString) {
    var self = this;
    return this.query(function (q) { new self.lunr.QueryParser(queryString, q).parse(); });
  };

  // ---- from what a reader types to lunr clauses ------------------------------------------------

  // Words of the input as lunr sees them: tokenizer, trimmer, stop words out. '*' is a lunr
  // wildcard inside a clause term, so it separates words here; no other character is special
  // because clauses are built directly, never through lunr's query parser.
  function queryWords(lunr, text) {
    var tokens = lunr.tokenizer(String(text == null ? '' : text).replace(/\*/g, ' '));
    var seen = Object.create(null), words = [];
    for (var i = 0; i < tokens.length && words.length < MAX_WORDS; i++) {
      var token = lunr.trimmer(tokens[i]);
      var word = token.toString();
      if (!word || !lunr.stopWordFilter(token) || seen[word]) continue;
      seen[word] = true;
      words.push(word);
    }
    return words;
  }

  // Endings the stemmer removes: a half-typed one ("beiji" for "beijing") is dropped so the
  // prefix reaches the stem ("beij"); any other miss ("novka") is left to typo tolerance.
  var SUFFIXES = ['ing', 'ed', 'es', 'ies', 's', 'ation', 'ational', 'ness', 'ment', 'ly', 'er',
    'ful', 'ous', 'ive', 'ize', 'al', 'ance', 'ence', 'ity', 'y', 'e'];
  function isSuffixStart(tail) {
    return SUFFIXES.some(function (s) { return s.slice(0, tail.length) === tail; });
  }

  function commonPrefix(a, b) {
    var n = 0;
    while (n < a.length && n < b.length && a.charAt(n) === b.charAt(n)) n++;
    return a.slice(0, n);
  }

  /* The query plan: every word is REQUIRED (results contain all words, in any field).
   * The last word, while still being typed (no trailing space) and 3+ letters long, matches
   * as a prefix: of what it shares with its stem, so "presid" finds "presid..." and "beiji" is
   * shortened until it reaches "beij" (Beijing's stem) when the dropped letters start a suffix. With fuzzy set, words of 5+ letters
   * match within edit distance 1 (of their stem, like lunr's own "word~1").
   */
  function plan(engine, text, fuzzy) {
    var lunr = engine.lunr, words = queryWords(lunr, text);
    var typing = !/\s$/.test(String(text == null ? '' : text));
    var clauses = words.map(function (word, i) {
      var required = lunr.Query.presence.REQUIRED;
      if (fuzzy) {
        return word.length >= FUZZY_MIN
          ? { term: word, usePipeline: true, editDistance: 1, presence: required, word: word, kind: 'fuzzy' }
          : { term: word, usePipeline: true, presence: required, word: word, kind: 'exact' };
      }
      if (i === words.length - 1 && typing && word.length >= PREFIX_MIN) {
        var stem = lunr.stemmer(new lunr.Token(word)).toString();
        var prefix = commonPrefix(word, stem);
        if (prefix.length < PREFIX_MIN || !engine.hasPrefix(prefix)) {
          if (engine.termPosition(stem) >= 0) prefix = '';
          else while (prefix.length > PREFIX_MIN && !engine.hasPrefix(prefix) && isSuffixStart(word.slice(prefix.length - 1))) prefix = prefix.slice(0, -1);
        }
        if (prefix.length >= PREFIX_MIN && engine.hasPrefix(prefix)) {
          return { term: prefix, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, presence: required, word: word, kind: 'prefix' };
        }
      }
      return { term: word, usePipeline: true, presence: required, word: word, kind: 'exact' };
    });
    return {
      words: words,
      clauses: clauses,
      build: function (q) {
        clauses.forEach(function (c) {
          var clause = { term: c.term, usePipeline: c.usePipeline, presence: c.presence };
          if (c.wildcard) clause.wildcard = c.wildcard;
          if (c.editDistance) clause.editDistance = c.editDistance;
          q.clause(clause);
        });
      }
    };
  }

  // ---- results for the page ------------------------------------------------------------------

  // Split text into [text, marked] runs: a word is marked when lunr's index pipeline turns it
  // into one of the matched terms. Offsets come from our own split, so text is never parsed.
  function highlight(lunr, text, terms) {
    var runs = [], re = /[^\s\-]+/g, last = 0, m;
    text = text || '';
    while ((m = re.exec(text))) {
      var token = lunr.trimmer(new lunr.Token(m[0].toLowerCase()));
      var stem = lunr.stemmer(token).toString();
      if (stem && terms[stem]) {
        var word = m[0], lead = word.search(/[A-Za-z0-9_]/), core = word.replace(/[^A-Za-z0-9_]+$/, '');
        var start = m.index + Math.max(lead, 0), end = m.index + core.length;
        if (end <= start) continue;
        if (start > last) runs.push([text.slice(last, start), false]);
        runs.push([text.slice(start, end), true]);
        last = end;
      }
    }
    if (last < text.length) runs.push([text.slice(last), false]);
    return runs;
  }

  function yearOf(date) { return date ? date.slice(0, 4) : ''; }

  Engine.prototype.present = function (p, hits, filters, fuzzy) {
    var docs = this.docs, lunr = this.lunr;
    filters = filters || {};
    var narrowed = hits.filter(function (hit) {
      var d = +hit.ref;
      if (filters.topic && docs.topics[d].map(function (t) { return docs.topicNames[t][0]; }).indexOf(filters.topic) < 0) return false;
      if (filters.outlet && (docs.outlet[d] < 0 || docs.outlets[docs.outlet[d]] !== filters.outlet)) return false;
      if (filters.year && yearOf(docs.date[d]) !== filters.year) return false;
      return true;
    });
    var topic = Object.create(null), outlet = Object.create(null), year = Object.create(null);
    narrowed.forEach(function (hit) {
      var d = +hit.ref;
      docs.topics[d].forEach(function (t) { topic[t] = (topic[t] || 0) + 1; });
      if (docs.outlet[d] >= 0) outlet[docs.outlet[d]] = (outlet[docs.outlet[d]] || 0) + 1;
      var y = yearOf(docs.date[d]);
      if (y) year[y] = (year[y] || 0) + 1;
    });
    function facet(counts, label, value) {
      return Object.keys(counts).map(function (k) { return { value: value(k), label: label(k), count: counts[k] }; })
        .sort(function (a, b) { return b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0); });
    }
    var results = narrowed.slice(0, MAX_RESULTS).map(function (hit) {
      var d = +hit.ref, meta = hit.matchData.metadata, terms = Object.create(null), shown = Object.create(null);
      Object.keys(meta).forEach(function (t) {
        terms[t] = true;
        if (meta[t].title || meta[t].summary || meta[t].dek) shown[t] = true;
      });
      // words whose match is not visible in the title or snippet (a body-only name, say)
      var mentions = p.clauses.filter(function (c, i) {
        var own = (hit.candidates && hit.candidates[i]) || [];
        return own.some(function (t) { return terms[t]; }) && !own.some(function (t) { return shown[t]; });
      }).map(function (c) { return c.word; });
      return {
        ref: hit.ref,
        score: hit.score,
        url: docs.url[d],
        title: highlight(lunr, docs.title[d], terms),
        date: docs.date[d],
        outlet: docs.outlet[d] >= 0 ? docs.outlets[docs.outlet[d]] : '',
        topics: docs.topics[d].map(function (t) { return docs.topicNames[t]; }),
        snippet: highlight(lunr, docs.summary[d], terms),
        mentions: mentions
      };
    });
    return {
      count: narrowed.length,
      total: hits.length,
      fuzzy: fuzzy,
      words: p.words,
      filters: filters,
      results: results,
      facets: {
        topic: facet(topic, function (k) { return docs.topicNames[k][1]; }, function (k) { return docs.topicNames[k][0]; }),
        outlet: facet(outlet, function (k) { return docs.outlets[k]; }, function (k) { return docs.outlets[k]; }),
        year: facet(year, function (k) { return k; }, function (k) { return k; }).sort(function (a, b) { return a.value < b.value ? 1 : -1; })
      }
    };
  };

  // Exact first; if that finds nothing and a word is long enough, again with typo tolerance.
  Engine.prototype.find = function (text, filters) {
    var self = this;
    return this.load().then(function () {
      var exact = plan(self, text, false);
      if (!exact.words.length) return self.present(exact, [], filters, false);
      return self.query(exact.build).then(function (hits) {
        var candidates = hits.candidates;
        hits.forEach(function (h) { h.candidates = candidates; });
        if (hits.length || !exact.words.some(function (w) { return w.length >= FUZZY_MIN; })) {
          return self.present(exact, hits, filters, false);
        }
        var fuzzy = plan(self, text, true);
        return self.query(fuzzy.build).then(function (fhits) {
          fhits.forEach(function (h) { h.candidates = fhits.candidates; });
          return self.present(fuzzy, fhits, filters, true);
        });
      });
    });
  };

  // A plain lunr index (lunr.Index#toJSON) with the same document store: the baseline that
  // `make bench-search` measures beside the compact index. Same plan, same presentation.
  function PlainEngine(lunr, fetchJSON, indexUrl) {
    Engine.call(this, lunr, fetchJSON, indexUrl);
  }
  PlainEngine.prototype = Object.create(Engine.prototype);
  PlainEngine.prototype.load = function () {
    var self = this;
    if (self.ready) return self.ready;
    self.ready = self.fetchJSON(self.indexUrl).then(function (plain) {
      self.index = self.lunr.Index.load(plain.index);
      self.fields = self.index.fields;
      self.vocab = Object.keys(self.index.invertedIndex).sort();
      self.n = plain.documentCount;
      return self.fetchJSON(self.resolve(plain.docs));
    }).then(function (docs) { self.docs = docs; return self; });
    return self.ready;
  };
  PlainEngine.prototype.query = function (build) {
    var self = this;
    return this.load().then(function () {
      var probe = new self.lunr.Query(self.fields);
      build.call(probe, probe);
      var results = self.index.query(build);
      results.candidates = probe.clauses.map(function (c) { return self.clauseCandidates(c); });
      return results;
    });
  };

  var api = { Engine: Engine, PlainEngine: PlainEngine, unvlq: unvlq, plan: plan, queryWords: queryWords, highlight: highlight, accepts: accepts };

  if (typeof module === 'object' && module.exports) {
    module.exports = api;
    return;
  }

  // ---- Web Worker glue -----------------------------------------------------------------------
  if (typeof root.importScripts !== 'function') return;
  var engine = null;
  function fetchJSON(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      return response.json();
    });
  }
  root.onmessage = function (event) {
    var msg = event.data || {};
    if (msg.type === 'init' && !engine) {
      try {
        // start downloading the index before lunr.js is fetched and compiled
        var early = fetchJSON(msg.index);
        early.catch(function () { /* reported by load() */ });
        var fetchOnce = function (url) {
          if (url === msg.index && early) { var p = early; early = null; return p; }
          return fetchJSON(url);
        };
        root.importScripts(msg.lunr);
        engine = new (msg.plain ? PlainEngine : Engine)(root.lunr, fetchOnce, msg.index);
        engine.load().then(function () {
          root.postMessage({ type: 'ready', documents: engine.n });
        }, function (error) {
          root.postMessage({ type: 'error', message: String(error && error.message || error) });
        });
      } catch (error) {
        root.postMessage({ type: 'error', message: String(error && error.message || error) });
      }
    } else if (msg.type === 'search' && engine) {
      var started = Date.now();
      engine.find(msg.q, msg.filters).then(function (answer) {
        answer.type = 'results';
        answer.id = msg.id;
        answer.q = msg.q;
        answer.ms = Date.now() - started;
        root.postMessage(answer);
      }, function (error) {
        root.postMessage({ type: 'error', id: msg.id, message: String(error && error.message || error) });
      });
    }
  };
})(typeof self !== 'undefined' ? self : this);
