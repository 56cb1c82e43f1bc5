/* Digest search worker.
 *
 * Loads the compact index written by plugins/lunr_index (format: builder.py docstring) and
 * answers queries exactly as a plain lunr.js index over the same fields would. Up front only
 * the small core is fetched (field lengths, facet columns, where each vocabulary shard starts);
 * a query fetches the shards holding its words (vocabulary slice + postings), and the result
 * list fetches the document-store and passage-store chunks of the results on screen (the
 * snippet is the passage that matches best, and the result links its anchor). Typo tolerance
 * fetches the vocabulary of three term lengths only, and the words the stemmer changes of
 * three word lengths when no term is within one edit.
 *
 * Scoring is lunr.Index#query re-implemented over typed arrays: the same clause semantics
 * (presence, fields, boosts, pipeline, wildcards, edit distance), the same BM25 field vectors
 * (lunr.Builder's formula, rounded to 3 places), the same query-vector weights, the same
 * summation order for dot products and per-field scores, and the same stable sort, so
 * [ref, score] lists are identical to lunr.js's (tests/test_lunr_parity.py checks it on a
 * fixed query set). lunr.js itself supplies the text pipeline (tokenizer, stop words, stemmer),
 * the query parser and, for fuzzy and general wildcard clauses, the TokenSet automata; the
 * trimmer is the digest's (`trimmer`: lunr's for every script, as the index is built, see
 * plugins/lunr_index/compat.py), and so is the stemmer (`stemmerFor`: lunr's, and the Russian
 * Snowball algorithm of lunr-languages for a word in Cyrillic, fetched on the first such word).
 * What lunr.js does with per-term object sets (the slow part for a 3-letter prefix matching
 * hundreds of terms) is done here with flags over document numbers.
 *
 * Runs as a Web Worker (messages at the end) and under node (module.exports) for the tests.
 */
(function (root) {
  'use strict';

  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  var DEC = new Int16Array(128).fill(-1);
  for (var i = 0; i < B64.length; i++) DEC[B64.charCodeAt(i)] = i;

  var MAX_WORDS = 12; // a pasted paragraph is not a query
  var PREFIX_MIN = 3; // prefix matching of the last word from 3 letters
  var FUZZY_MIN = 5; // edit distance 1 for words of 5+ letters, when exact finds nothing
  var PAGE = 20; // results rendered per request ("show more" asks for the next ones)
  var SNIPPET_CHARS = 260; // a longer passage is cut around its best stretch of matches
  var RESULT_TOPICS = 3; // topics shown per result
  var REQUIRED = 2, PROHIBITED = 3; // lunr.Query.presence

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

  function frontDecode(text) {
    if (!text) return [];
    var lines = text.split('\n'), out = new Array(lines.length), previous = '';
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      previous = previous.slice(0, DEC[line.charCodeAt(0)]) + line.slice(1);
      out[i] = previous;
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

  // The order lunr's TokenSet#intersect(...).toArray() lists the terms a trailing-wildcard
  // clause matches: depth first, a word before its extensions, sibling edges last-first in
  // Object.keys order (integer-like keys "0".."9" first, then insertion = sorted order).
  function edgeRank(code) { return code >= 48 && code <= 57 ? code - 48 : 10 + code; }
  function tokenSetOrder(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x !== y) return edgeRank(y) - edgeRank(x);
    }
    return a.length - b.length;
  }

  // ---- document sets: null = empty, ALL = every document, else Uint8Array flags --------------
  var ALL = { all: true };
  function union(set, docs, n) {
    if (set === ALL || !docs || !docs.length) return set;
    var out = set || new Uint8Array(n);
    for (var i = 0; i < docs.length; i++) out[docs[i]] = 1;
    return out;
  }
  function intersect(a, b) {
    if (a === ALL) return b;
    if (b === ALL) return a;
    if (!a || !b) return null;
    var out = new Uint8Array(a.length);
    for (var i = 0; i < a.length; i++) out[i] = a[i] & b[i];
    return out;
  }
  function contains(set, d) { return set === ALL || (!!set && set[d] === 1); }

  function Engine(lunr, fetchJSON, indexUrl) {
    this.lunr = lunr;
    this.fetchJSON = fetchJSON;
    this.indexUrl = indexUrl;
    this.ready = null;
    this.shards = [];
    this.shardPromises = [];
    this.words = Object.create(null);
    this.wordPromises = Object.create(null);
    this.chunks = [];
    this.chunkPromises = [];
    this.texts = [];
    this.textPromises = [];
    this.forms = Object.create(null);
    this.formPromises = Object.create(null);
    this.postings = Object.create(null); // term -> decoded posting
    this.expansions = new Map(); // fuzzy and wildcard clause terms -> the terms they match
    this.pipeline = new lunr.Pipeline();
    this.pipeline.add(stemmerFor(lunr));
    this.stats = { shardsFetched: 0, wordFilesFetched: 0, chunksFetched: 0, textsFetched: 0, formFilesFetched: 0 };
  }

  Engine.prototype.resolve = function (name) {
    return new URL(name, this.indexUrl).href;
  };

  Engine.prototype.load = function () {
    var self = this;
    if (self.ready) return self.ready;
    self.ready = self.fetchJSON(self.indexUrl).then(function (core) {
      if (core.version !== 3) throw new Error('unknown search index version ' + core.version);
      self.core = core;
      self.fields = core.fields.map(function (f) { return f.name; });
      self.fieldNumber = Object.create(null);
      self.boost = core.fields.map(function (f, k) { self.fieldNumber[f.name] = k; return f.boost || 1; });
      self.n = core.documentCount;
      self.shardFirst = core.shards.map(function (s) { return s[0]; });
      self.lengths = [];
      self.avgLength = [];
      self.fields.forEach(function (name) {
        var lengths = unvlq(core.fieldLengths[name]), sum = 0;
        for (var d = 0; d < lengths.length; d++) sum += lengths[d];
        self.lengths.push(lengths);
        self.avgLength.push(sum / self.n); // lunr: accumulator / documentsWithField
      });
      self.readFacets(core.facets);
      return self;
    });
    return self.ready;
  };

  Engine.prototype.readFacets = function (facets) {
    var n = this.n, outlet = unvlq(facets.outlet), year = unvlq(facets.year), topics = unvlq(facets.topics);
    this.outlets = facets.outlets;
    this.topicNames = facets.topicNames;
    this.docOutlet = new Int32Array(n); // -1 = none
    this.docYear = new Int32Array(n); // 0 = undated
    this.topicStart = new Int32Array(n + 1);
    this.topicList = new Int32Array(Math.max(0, topics.length - n));
    for (var d = 0, at = 0, k = 0; d < n; d++) {
      this.docOutlet[d] = outlet[d] - 1;
      this.docYear[d] = year[d] ? facets.minYear + year[d] - 1 : 0;
      this.topicStart[d] = k;
      var count = topics[at++];
      for (var t = 0; t < count; t++) this.topicList[k++] = topics[at++];
      this.topicStart[d + 1] = k;
    }
  };

  // ---- the vocabulary -------------------------------------------------------------------------

  Engine.prototype.shardFor = function (term) {
    var first = this.shardFirst, lo = 0, hi = first.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >>> 1; if (first[mid] <= term) lo = mid; else hi = mid - 1; }
    return lo;
  };

  // Shards that can hold terms starting with `prefix`.
  Engine.prototype.shardsForPrefix = function (prefix) {
    var k = this.shardFor(prefix), out = [k];
    while (++k < this.shardFirst.length && this.shardFirst[k].slice(0, prefix.length) === prefix) out.push(k);
    return out;
  };

  Engine.prototype.loadShards = function (numbers) {
    var self = this;
    return Promise.all(numbers.map(function (k) {
      if (!self.shardPromises[k]) {
        self.stats.shardsFetched++;
        self.shardPromises[k] = self.fetchJSON(self.resolve(self.core.shards[k][1])).then(function (shard) {
          self.shards[k] = { terms: frontDecode(shard.terms), postings: shard.postings };
        }, function (error) { self.shardPromises[k] = null; throw error; });
      }
      return self.shardPromises[k];
    }));
  };

  // Position of `term` in its (loaded) shard, or -1.
  Engine.prototype.locate = function (term) {
    var k = this.shardFor(term), shard = this.shards[k];
    if (!shard) throw new Error('shard ' + k + ' not loaded for ' + term);
    var at = lowerBound(shard.terms, term);
    return at < shard.terms.length && shard.terms[at] === term ? [k, at] : null;
  };
  Engine.prototype.termPosition = function (term) { return this.locate(term) ? 0 : -1; };

  Engine.prototype.hasPrefix = function (prefix) {
    var k = this.shardFor(prefix), shard = this.shards[k];
    if (!shard) throw new Error('shard ' + k + ' not loaded for ' + prefix);
    var at = lowerBound(shard.terms, prefix);
    if (at < shard.terms.length) return shard.terms[at].slice(0, prefix.length) === prefix;
    return k + 1 < this.shardFirst.length && this.shardFirst[k + 1].slice(0, prefix.length) === prefix;
  };

  Engine.prototype.prefixTerms = function (prefix) {
    var out = [], self = this;
    this.shardsForPrefix(prefix).forEach(function (k) {
      var terms = self.shards[k].terms;
      for (var at = lowerBound(terms, prefix); at < terms.length && terms[at].slice(0, prefix.length) === prefix; at++) out.push(terms[at]);
    });
    return out;
  };

  // Vocabulary by term length (for fuzzy and general wildcard clauses).
  Engine.prototype.wordLengths = function (min, max) {
    var keys = Object.keys(this.core.words).map(Number), cap = Math.max.apply(null, keys.concat([0]));
    return keys.filter(function (len) { return (len >= min && len <= max) || (len === cap && max >= cap); });
  };
  Engine.prototype.loadWords = function (lengths) {
    var self = this;
    return Promise.all(lengths.map(function (len) {
      if (!self.wordPromises[len]) {
        self.stats.wordFilesFetched++;
        self.wordPromises[len] = self.fetchJSON(self.resolve(self.core.words[len])).then(function (text) {
          self.words[len] = text ? text.split('\n') : [];
        }, function (error) { self.wordPromises[len] = null; throw error; });
      }
      return self.wordPromises[len];
    }));
  };

  // Words the stemmer changes, by word length (typo retry against unstemmed words).
  Engine.prototype.loadForms = function (lengths) {
    var self = this, files = this.core.forms || {};
    return Promise.all(lengths.map(function (len) {
      if (!files[len]) return null;
      if (!self.formPromises[len]) {
        self.stats.formFilesFetched++;
        self.formPromises[len] = self.fetchJSON(self.resolve(files[len])).then(function (value) {
          self.forms[len] = readForms(value);
        }, function (error) { self.formPromises[len] = null; throw error; });
      }
      return self.formPromises[len];
    }));
  };
  Engine.prototype.formKeys = function () { return Object.keys(this.core.forms || {}); };
  Engine.prototype.formLengths = function (word) {
    var keys = this.formKeys().map(Number);
    var cap = Math.max.apply(null, keys.concat([0])), n = word.length;
    return keys.filter(function (len) { return (len >= n - 1 && len <= n + 1) || (len === cap && n + 1 >= cap); });
  };
  function readForms(value) {
    return { words: value.forms ? value.forms.split('\n') : [], df: unvlq(value.df || '') };
  }

  // ---- clauses: what a clause term needs loaded, and the terms it matches ------------------

  function clauseTerms(engine, clause) {
    return clause.usePipeline ? engine.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
  }
  function termKind(clause, term) {
    if ('editDistance' in clause) return term.indexOf('*') < 0 && clause.editDistance > 0 ? 'fuzzy' : 'scan';
    var star = term.indexOf('*');
    if (star < 0) return 'exact';
    if (star === term.length - 1 && star > 0) return 'prefix';
    return 'scan';
  }

  // Load what expanding these clauses needs: shards for exact terms and prefixes, vocabulary
  // files for fuzzy (three lengths) and other wildcard terms (all lengths).
  Engine.prototype.prepareClauses = function (clauses) {
    var self = this, shards = Object.create(null), lengths = Object.create(null);
    clauses.forEach(function (clause) {
      clauseTerms(self, clause).forEach(function (term) {
        var kind = termKind(clause, term);
        if (kind === 'exact') shards[self.shardFor(term)] = true;
        else if (kind === 'prefix') self.shardsForPrefix(term.slice(0, -1)).forEach(function (k) { shards[k] = true; });
        else {
          var d = kind === 'fuzzy' ? clause.editDistance : Infinity;
          self.wordLengths(term.length - d, term.length + d).forEach(function (len) { lengths[len] = true; });
        }
      });
    });
    return Promise.all([
      this.loadShards(Object.keys(shards).map(Number)),
      this.loadWords(Object.keys(lengths).map(Number))
    ]);
  };

  // The index terms a clause term matches, in the order lunr's TokenSet intersection lists them.
  Engine.prototype.expand = function (clause, term) {
    var lunr = this.lunr, kind = termKind(clause, term);
    if (kind === 'exact') return this.locate(term) ? [term] : [];
    if (kind === 'prefix') return this.prefixTerms(term.slice(0, -1)).sort(tokenSetOrder);
    var spec = { term: term, wildcard: clause.wildcard };
    if ('editDistance' in clause) spec.editDistance = clause.editDistance;
    // a scan of three vocabulary files: the typo retry asks twice (does the word match at
    // all? then the query itself), so the answer is kept (the vocabulary never changes)
    var key = kind + '\u0000' + term + '\u0000' + spec.wildcard + '\u0000' + spec.editDistance;
    var known = this.expansions.get(key);
    if (known) return known.slice();
    var automaton = lunr.TokenSet.fromClause(spec), found = [], self = this;
    var d = kind === 'fuzzy' ? clause.editDistance : Infinity;
    this.wordLengths(term.length - d, term.length + d).forEach(function (len) {
      var words = self.words[len];
      for (var i = 0; i < words.length; i++) if (accepts(automaton, words[i])) found.push(words[i]);
    });
    if (found.length >= 2) {
      found.sort();
      found = lunr.TokenSet.fromArray(found).intersect(automaton).toArray();
    }
    if (this.expansions.size > 500) this.expansions.clear();
    this.expansions.set(key, found);
    return found.slice();
  };

  // Decode a term's postings into typed arrays and compute its lunr field-vector values
  // exactly as lunr.Builder#createFieldVectors does.
  Engine.prototype.posting = function (term) {
    var cached = this.postings[term];
    if (cached) return cached;
    var where = this.locate(term), nums = unvlq(this.shards[where[0]].postings[where[1]]);
    var F = this.fields.length, mask = nums[1], at = 2, docs = new Array(F), tfs = new Array(F), withTerm = 0;
    for (var f = 0; f < F; f++) {
      if (!(mask & (1 << f))) { docs[f] = null; continue; }
      var count = nums[at++], list = new Int32Array(count), tf = new Int32Array(count), doc = 0;
      for (var k = 0; k < count; k++) {
        var code = nums[at++];
        doc += Math.floor(code / 2);
        list[k] = doc;
        tf[k] = code & 1 ? nums[at++] + 2 : 1;
      }
      docs[f] = list;
      tfs[f] = tf;
      withTerm += count;
    }
    // lunr.idf
    var x = (this.n - withTerm + 0.5) / (withTerm + 0.5), idf = Math.log(1 + Math.abs(x)), k1 = 1.2, b = 0.75;
    var values = new Array(F);
    for (f = 0; f < F; f++) {
      if (!docs[f]) { values[f] = null; continue; }
      var vals = new Float64Array(docs[f].length), lengths = this.lengths[f], avg = this.avgLength[f];
      for (k = 0; k < vals.length; k++) {
        var freq = tfs[f][k];
        var score = idf * ((k1 + 1) * freq) / (k1 * (1 - b + b * (lengths[docs[f][k]] / avg)) + freq);
        score *= this.boost[f];
        score *= 1; // document boost
        vals[k] = Math.round(score * 1000) / 1000;
      }
      values[f] = vals;
    }
    cached = { index: nums[0], docs: docs, values: values };
    this.postings[term] = cached;
    return cached;
  };

  // lunr.Index#query. `build` fills a lunr.Query. Results: [{ref, score}], best first, plus
  // `expanded`: per clause, the index terms it matched.
  Engine.prototype.query = function (build) {
    var self = this, lunr = this.lunr;
    return this.load().then(function () {
      var query = new lunr.Query(self.fields);
      build.call(query, query);
      return self.prepareClauses(query.clauses).then(function () {
        var expanded = query.clauses.map(function (clause) {
          return clauseTerms(self, clause).map(function (term) { return self.expand(clause, term); });
        });
        var shards = Object.create(null);
        expanded.forEach(function (lists) {
          lists.forEach(function (terms) { terms.forEach(function (t) { shards[self.shardFor(t)] = true; }); });
        });
        return self.loadShards(Object.keys(shards).map(Number)).then(function () {
          var results = self.score(query, expanded);
          results.expanded = expanded.map(function (lists) { return [].concat.apply([], lists); });
          return results;
        });
      });
    });
  };

  Engine.prototype.score = function (query, expanded) {
    var F = this.fields.length, n = this.n, self = this;
    var weights = []; // per field: termIndex -> summed clause boosts (lunr's query vector)
    var postingOf = Object.create(null); // termIndex -> posting
    for (var f = 0; f < F; f++) weights.push(new Map());
    var cache = Object.create(null), touched = [], orderField = [], orderDoc = [];
    for (f = 0; f < F; f++) touched.push(new Uint8Array(n));
    var required = new Array(F), prohibited = new Array(F);

    query.clauses.forEach(function (clause, c) {
      var fields = clause.fields.map(function (name) { return self.fieldNumber[name]; });
      var clauseMatches = null;
      var lists = expanded[c];
      for (var m = 0; m < lists.length; m++) {
        var terms = lists[m];
        if (terms.length === 0 && clause.presence === REQUIRED) {
          fields.forEach(function (fi) { required[fi] = null; });
          break;
        }
        for (var j = 0; j < terms.length; j++) {
          var term = terms[j], posting = self.posting(term);
          postingOf[posting.index] = posting;
          for (var k = 0; k < fields.length; k++) {
            var fi = fields[k], docs = posting.docs[fi];
            if (clause.presence === REQUIRED) {
              clauseMatches = union(clauseMatches, docs, n);
              if (required[fi] === undefined) required[fi] = ALL;
            }
            if (clause.presence === PROHIBITED) {
              prohibited[fi] = union(prohibited[fi] || null, docs, n);
              continue;
            }
            var w = weights[fi];
            w.set(posting.index, w.has(posting.index) ? w.get(posting.index) + clause.boost : clause.boost);
            var key = term + '/' + fi;
            if (cache[key]) continue;
            if (docs) {
              var flags = touched[fi];
              for (var l = 0; l < docs.length; l++) {
                if (!flags[docs[l]]) { flags[docs[l]] = 1; orderField.push(fi); orderDoc.push(docs[l]); }
              }
            }
            cache[key] = true;
          }
        }
      }
      if (clause.presence === REQUIRED) {
        fields.forEach(function (fi) {
          if (required[fi] === undefined) throw new TypeError("Cannot read properties of undefined (reading 'intersect')");
          required[fi] = intersect(required[fi], clauseMatches);
        });
      }
    });

    var allRequired = ALL, allProhibited = null;
    for (f = 0; f < F; f++) {
      if (required[f] !== undefined) allRequired = intersect(allRequired, required[f]);
      if (prohibited[f]) {
        allProhibited = allProhibited || new Uint8Array(n);
        for (var e = 0; e < n; e++) allProhibited[e] |= prohibited[f][e];
      }
    }

    var negated = query.clauses.every(function (clause) { return clause.presence === PROHIBITED; });
    if (negated) { // every field of every document, in the order lunr.Builder created them
      orderField = []; orderDoc = [];
      for (var d = 0; d < n; d++) for (f = 0; f < F; f++) { orderField.push(f); orderDoc.push(d); }
    }

    // query vectors in term-index order; dot products summed in that order, as lunr.Vector#dot
    var dots = [], magnitude = [];
    for (f = 0; f < F; f++) {
      var indices = Array.from(weights[f].keys()).sort(function (a, b) { return a - b; });
      var sum = 0, dot = new Float64Array(n);
      for (var t = 0; t < indices.length; t++) {
        var weight = weights[f].get(indices[t]), p = postingOf[indices[t]];
        sum += weight * weight;
        var docsF = p.docs[f];
        if (!docsF) continue;
        var vals = p.values[f];
        for (var q = 0; q < docsF.length; q++) dot[docsF[q]] += weight * vals[q];
      }
      dots.push(dot);
      magnitude.push(Math.sqrt(sum));
    }

    var results = [], byDoc = new Int32Array(n).fill(-1);
    for (var r = 0; r < orderDoc.length; r++) {
      var doc = orderDoc[r], field = orderField[r];
      if (!contains(allRequired, doc)) continue;
      if (contains(allProhibited, doc)) continue;
      var score = dots[field][doc] / magnitude[field] || 0;
      if (byDoc[doc] >= 0) results[byDoc[doc]].score += score;
      else { byDoc[doc] = results.length; results.push({ ref: String(doc), score: score }); }
    }
    return results.sort(function (a, b) { return b.score - a.score; });
  };

  Engine.prototype.search = function (queryString) {
    var self = this;
    return this.query(function (q) { new self.lunr.QueryParser(queryString, q).parse(); });
  };

  // ---- the document store -------------------------------------------------------------------

  Engine.prototype.loadDocs = function (refs) {
    var self = this, size = this.core.docs.size, wanted = Object.create(null);
    refs.forEach(function (d) { wanted[Math.floor(d / size)] = true; });
    return Promise.all(Object.keys(wanted).map(function (c) {
      c = +c;
      if (!self.chunkPromises[c]) {
        self.stats.chunksFetched++;
        self.chunkPromises[c] = self.fetchJSON(self.resolve(self.core.docs.files[c])).then(function (chunk) {
          self.chunks[c] = chunk;
        }, function (error) { self.chunkPromises[c] = null; throw error; });
      }
      return self.chunkPromises[c];
    }));
  };
  Engine.prototype.doc = function (d) {
    var size = this.core.docs.size, chunk = this.chunks[Math.floor(d / size)], k = d % size;
    var texts = this.core.texts;
    if (!chunk && texts) { // the passage chunk has the same columns
      chunk = this.texts[Math.floor(d / texts.size)];
      k = d % texts.size;
    }
    return { title: chunk.title[k], url: chunk.url[k], date: chunk.date[k], summary: chunk.summary[k] };
  };

  // The passage store: per document its passages and their anchors on the article page.
  Engine.prototype.loadTexts = function (refs) {
    var self = this, texts = this.core.texts, wanted = Object.create(null);
    if (!texts) return Promise.resolve();
    refs.forEach(function (d) { wanted[Math.floor(d / texts.size)] = true; });
    return Promise.all(Object.keys(wanted).map(function (c) {
      c = +c;
      if (!self.textPromises[c]) {
        self.stats.textsFetched++;
        self.textPromises[c] = self.fetchJSON(self.resolve('t' + c + '.' + texts.hash + '.json')).then(function (chunk) {
          self.texts[c] = chunk;
        }, function (error) { self.textPromises[c] = null; throw error; });
      }
      return self.textPromises[c];
    }));
  };
  Engine.prototype.passages = function (d) {
    var texts = this.core.texts, chunk = texts && this.texts[Math.floor(d / texts.size)];
    if (!chunk) return { anchors: [], texts: [] };
    var k = d % texts.size;
    return { anchors: chunk.anchors[k] || [], texts: chunk.texts[k] || [] };
  };

  // Everything else, in the background: document chunks first (every result list needs them),
  // then the vocabulary by length (typo tolerance), then the shards, the words the stemmer
  // changes, and the passages when they fit the budget too (texts.prefetch). Three requests at a time;
  // each file is one short task, so a query arriving meanwhile waits for one file at most.
  Engine.prototype.prefetch = function () {
    var self = this, core = this.core, jobs = [];
    if (!core.texts) core.docs.files.forEach(function (name, c) { jobs.push(function () { return self.loadDocs([c * core.docs.size]); }); });
    Object.keys(core.words).forEach(function (len) { jobs.push(function () { return self.loadWords([+len]); }); });
    core.shards.forEach(function (shard, k) { jobs.push(function () { return self.loadShards([k]); }); });
    Object.keys(core.forms || {}).forEach(function (len) { jobs.push(function () { return self.loadForms([+len]); }); });
    // the passages last, and only when the index and they together are small
    if (core.texts && core.texts.prefetch) {
      for (var c = 0; c < core.texts.count; c++) jobs.push(self.loadTexts.bind(self, [c * core.texts.size]));
    }
    var at = 0;
    function next() {
      if (at >= jobs.length) return Promise.resolve();
      var job = jobs[at++];
      return job().then(next, next);
    }
    return Promise.all([next(), next(), next()]);
  };

  // ---- from what a reader types to lunr clauses ------------------------------------------------

  // lunr.trimmer for every script: it strips what is no letter, digit or underscore (lunr's
  // ASCII \W would strip every letter of a Russian word), as the index was built
  // (plugins/lunr_index/compat.py, trim)
  var NON_WORD_LEAD = /^[^\p{L}\p{N}_]+/u, NON_WORD_TRAIL = /[^\p{L}\p{N}_]+$/u;
  var WORD_CHAR = /[\p{L}\p{N}_]/u;
  function trimmer(token) {
    return token.update(function (s) { return s.replace(NON_WORD_LEAD, '').replace(NON_WORD_TRAIL, ''); });
  }

  // Chinese and Japanese, written without spaces, as the index holds them: each run of their
  // characters as its overlapping pairs ("中俄两国" -> " 中俄 俄两 两国 "), a single one as
  // itself (plugins/lunr_index/compat.py, cjk_words)
  var CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var CJK_ANY = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  function cjkPairs(run) {
    if (run.length === 1) return ' ' + run + ' ';
    var pairs = [];
    for (var k = 0; k + 1 < run.length; k++) pairs.push(run.slice(k, k + 2));
    return ' ' + pairs.join(' ') + ' ';
  }
  function cjkWords(text) { return CJK_ANY.test(text) ? text.replace(CJK_RUN, cjkPairs) : text; }
  function isCjk(code) {
    return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
  }

  // The index's stemmer (plugins/lunr_index/compat.py, stem): lunr's Porter stemmer, but for a
  // word holding a Cyrillic letter, which Porter's rules leave whole ("путина" would not find
  // "путин"): the Russian Snowball algorithm, lunr-languages' lunr.ru.stemmer, "ё" read as
  // "е" first (its port predates Snowball's own folding, which the Python side has; folding
  // on both sides makes them agree). tests/test_lunr_parity.py stems thousands of Russian word
  // forms both ways and finds them identical. lunr.ru.stemmer is loaded on the first Cyrillic
  // word (importScripts in the worker, `russianScripts`, set at init; require under node): a
  // reader of an English digest never downloads it.
  var CYRILLIC = /[\u0400-\u052f]/, YO = /[\u0451\u0401]/g; // ё Ё
  var RUSSIAN_FILES = ['lunr.stemmer.support.min.js', 'lunr.ru.min.js']; // beside lunr.min.js
  var russianScripts = null;
  function noYo(c) { return c === '\u0451' ? '\u0435' : '\u0415'; } // ё е, Ё Е
  function loadRussian(lunr) {
    if (!(lunr.ru && lunr.ru.stemmer)) {
      if (russianScripts) root.importScripts.apply(root, russianScripts);
      else if (typeof require === 'function') {
        RUSSIAN_FILES.forEach(function (name) { require('lunr-languages/min/' + name)(lunr); });
      } else throw new Error('the Russian stemmer is not available');
    }
    return lunr.ru.stemmer;
  }
  var made = [];
  // The stemmer as a lunr pipeline function, registered under lunr's own label 'stemmer': a
  // serialised index names it so (compat.py says why), and lunr.Index.load must find this one.
  function stemmerFor(lunr) {
    for (var k = 0; k < made.length; k++) if (made[k][0] === lunr) return made[k][1];
    var russian = null;
    var stemmer = function (token) {
      var word = token.toString();
      if (!CYRILLIC.test(word)) return lunr.stemmer(token);
      russian = russian || loadRussian(lunr);
      return token.update(function () { return russian(word.replace(YO, noYo)); });
    };
    stemmer.label = 'stemmer';
    lunr.Pipeline.registeredFunctions.stemmer = stemmer; // registerFunction would warn: replaced
    made.push([lunr, stemmer]);
    return stemmer;
  }

  // Words of the input as lunr sees them: tokenizer, trimmer, stop words out. '*' is a lunr
  // wildcard inside a clause term, so it separates words here; no other character is special
  // because clauses are built directly, never through lunr's query parser.
  function queryWords(lunr, text) {
    var tokens = lunr.tokenizer(cjkWords(String(text == null ? '' : text).replace(/\*/g, ' ')));
    var seen = Object.create(null), words = [];
    for (var i = 0; i < tokens.length && words.length < MAX_WORDS; i++) {
      var token = trimmer(tokens[i]);
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

  function stemOf(lunr, word) { return stemmerFor(lunr)(new lunr.Token(word)).toString(); }
  function typing(text) { return !/\s$/.test(String(text == null ? '' : text)); }

  // Load the vocabulary shards `plan` consults: each word's stem, and for the last word while
  // it is typed, every term sharing its first three letters.
  Engine.prototype.preparePlan = function (text) {
    var self = this, lunr = this.lunr;
    return this.load().then(function () {
      var words = queryWords(lunr, text), shards = Object.create(null);
      words.forEach(function (word, i) {
        shards[self.shardFor(stemOf(lunr, word))] = true;
        if (i === words.length - 1 && typing(text) && word.length >= PREFIX_MIN) {
          self.shardsForPrefix(word.replace(YO, noYo).slice(0, PREFIX_MIN)).forEach(function (k) { shards[k] = true; });
        }
      });
      return self.loadShards(Object.keys(shards).map(Number));
    });
  };

  /* The query plan (call engine.preparePlan(text) first): every word is REQUIRED (results
   * contain all words, in any field). The last word, while still being typed (no trailing
   * space) and 3+ letters long, matches as a prefix: of what it shares with its stem, so
   * "presid" finds "presid..." and "beiji" is shortened until it reaches "beij" (Beijing's
   * stem) when the dropped letters start a suffix. With fuzzy set, words of 5+ letters match
   * within edit distance 1 (of their stem, like lunr's own "word~1"); a word within one edit
   * of no term is corrected to the most widespread indexed word the stemmer changes that is
   * within one edit of it ("beijng" -> "beijing", indexed as "beij"), when there is one (call
   * engine.prepareFuzzy first). Every clause is a plain lunr clause.
   */
  function plan(engine, text, fuzzy) {
    var lunr = engine.lunr, words = queryWords(lunr, text), live = typing(text);
    var clauses = words.map(function (word, i) {
      var required = lunr.Query.presence.REQUIRED;
      if (fuzzy) {
        if (word.length < FUZZY_MIN) return { term: word, usePipeline: true, presence: required, word: word, kind: 'exact' };
        if (!engine.fuzzyFinds(word)) {
          var fixed = engine.correction(word);
          if (fixed) return { term: fixed, usePipeline: true, presence: required, word: word, kind: 'corrected' };
        }
        return { term: word, usePipeline: true, editDistance: 1, presence: required, word: word, kind: 'fuzzy' };
      }
      if (i === words.length - 1 && live && word.length >= PREFIX_MIN) {
        var stem = stemOf(lunr, word);
        // (a Russian stem has "е" for the word's "ё")
        var prefix = commonPrefix(word.replace(YO, noYo), stem);
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

  Engine.prototype.plan = function (text, fuzzy) {
    var self = this;
    return this.preparePlan(text).then(function () {
      return fuzzy ? self.prepareFuzzy(queryWords(self.lunr, text)) : null;
    }).then(function () { return plan(self, text, fuzzy); });
  };

  // What the typo retry's plan needs: the vocabulary within one edit of each long word's stem
  // (three term lengths), then, for the words no term is within one edit of, the words the
  // stemmer changes of three word lengths.
  Engine.prototype.prepareFuzzy = function (words) {
    var self = this, lunr = this.lunr, lengths = Object.create(null);
    words = words.filter(function (word) { return word.length >= FUZZY_MIN; });
    words.forEach(function (word) {
      var stem = stemOf(lunr, word);
      self.wordLengths(stem.length - 1, stem.length + 1).forEach(function (len) { lengths[len] = true; });
    });
    return this.loadWords(Object.keys(lengths).map(Number)).then(function () {
      var forms = Object.create(null);
      words.forEach(function (word) {
        if (!self.fuzzyFinds(word)) self.formLengths(word).forEach(function (len) { forms[len] = true; });
      });
      return self.loadForms(Object.keys(forms).map(Number));
    });
  };
  // Does lunr's "word~1" expand to at least one index term?
  Engine.prototype.fuzzyFinds = function (word) {
    var self = this, clause = { term: word, usePipeline: true, editDistance: 1 };
    return clauseTerms(this, clause).every(function (term) { return self.expand(clause, term).length > 0; });
  };
  // The loaded word the stemmer changes within one edit of `word` that most documents hold
  // (ties: the first in JavaScript order), or ''.
  Engine.prototype.correction = function (word) {
    var automaton = this.lunr.TokenSet.fromClause({ term: word, editDistance: 1 });
    var best = '', bestDf = 0, self = this;
    this.formLengths(word).forEach(function (len) {
      var forms = self.forms[len];
      if (!forms) return;
      for (var i = 0; i < forms.words.length; i++) {
        var df = forms.df[i] || 0, candidate = forms.words[i];
        if (df < bestDf || (df === bestDf && best && candidate >= best)) continue;
        if (accepts(automaton, candidate)) { best = candidate; bestDf = df; }
      }
    });
    return best;
  };

  // ---- results for the page ------------------------------------------------------------------

  // Where in `text` the words are whose index term (lunr's index pipeline: trimmer, stemmer)
  // is one of `terms` (term -> clause number): [start, end, clause] per word, the word's
  // leading and trailing punctuation left out. Words are runs between whitespace and hyphens
  // (lunr's tokenizer); offsets come from this scan, so text is never parsed. `firsts`
  // (optional, firstLetters) skips the words that cannot stem to any of the terms without
  // stemming them: a trimmed word starts with all of its stem but the last two letters (and
  // with at least its first two); the stemmer only rewrites endings (checked on the fixture
  // texts by tests/test_lunr_parity.py). A snippet scans whole articles, so this is a
  // character loop, not a regex per word, and most words are dropped before being sliced.
  var stems = new Map();
  // (the trimmer's word characters: a letter, digit or underscore of any script; a letter
  // beyond the Basic Multilingual Plane, two code units here, is found but not highlighted)
  function isWordChar(code) {
    if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
    return code < 0xd800 || code > 0xdfff ? WORD_CHAR.test(String.fromCharCode(code)) : false;
  }
  function isSeparator(code) { // JavaScript's \s, and the hyphen
    if (code < 128) return code === 32 || code === 45 || (code >= 9 && code <= 13);
    return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 ||
      code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
  }
  function lowerAscii(code) { return code >= 65 && code <= 90 ? code + 32 : code; }
  function matchWords(lunr, text, terms, firsts) {
    var out = [], n = (text = text || '').length, i = 0, cjk = CJK_ANY.test(text), stemmer = stemmerFor(lunr);
    while (i < n) {
      while (i < n && isSeparator(text.charCodeAt(i))) i++;
      var start = i;
      while (i < n && !isSeparator(text.charCodeAt(i))) i++;
      if (i === start) break;
      if (cjk && CJK_ANY.test(text.slice(start, i))) { matchCjkWord(lunr, text, start, i, terms, out); continue; }
      var lead = start, ascii = true; // the trimmer drops leading non-word characters
      while (lead < i && !isWordChar(text.charCodeAt(lead))) { if (text.charCodeAt(lead) >= 128) ascii = false; lead++; }
      if (lead === i) continue; // nothing left after trimming: no term
      var a = text.charCodeAt(lead), b = lead + 1 < i ? text.charCodeAt(lead + 1) : -1;
      // lower-casing a non-ASCII character may change the length: then no shortcut
      ascii = ascii && a < 128 && b < 128;
      if (firsts && ascii) {
        a = lowerAscii(a);
        if (!firsts.one[a] && !(b >= 0 && firsts.two[a * 128 + lowerAscii(b)])) continue;
      }
      var lower = text.slice(start, i).toLowerCase();
      if (firsts && ascii && firsts.lengths.length) {
        var trimmed = lower.slice(lead - start), fits = false;
        for (var l = 0; l < firsts.lengths.length && !fits; l++) fits = firsts.prefixes.has(trimmed.slice(0, firsts.lengths[l]));
        if (!fits) continue;
      }
      var stem = stems.get(lower);
      if (stem === undefined) {
        stem = stemmer(trimmer(new lunr.Token(lower))).toString();
        if (stems.size > 50000) stems.clear();
        stems.set(lower, stem);
      }
      if (stem && terms[stem] !== undefined) {
        var end = i;
        while (end > lead && !isWordChar(text.charCodeAt(end - 1))) end--;
        out.push([lead, end, terms[stem]]);
      }
    }
    return out;
  }
  // A word holding Chinese or Japanese characters, as the index split it (cjkWords): each run
  // of them by its pairs of characters, a match of two pairs in a row marked as one stretch
  // ("习近平" for "习近" and "近平"); its other parts ("4" in "习近平4日") as words of their own.
  function matchCjkWord(lunr, text, start, end, terms, out) {
    function mark(a, b, clause) {
      var last = out[out.length - 1];
      if (last && last[1] > a && last[0] >= start) last[1] = Math.max(last[1], b);
      else out.push([a, b, clause]);
    }
    var k = start;
    while (k < end) {
      var inRun = isCjk(text.charCodeAt(k)), q = k;
      while (q < end && isCjk(text.charCodeAt(q)) === inRun) q++;
      if (inRun && q - k === 1) {
        if (terms[text.charAt(k)] !== undefined) mark(k, q, terms[text.charAt(k)]);
      } else if (inRun) {
        for (var p = k; p + 1 < q; p++) {
          var pair = text.slice(p, p + 2);
          if (terms[pair] !== undefined) mark(p, p + 2, terms[pair]);
        }
      } else {
        var stem = stemmerFor(lunr)(trimmer(new lunr.Token(text.slice(k, q).toLowerCase()))).toString();
        if (stem && terms[stem] !== undefined) {
          var a = k, b = q;
          while (a < b && !isWordChar(text.charCodeAt(a))) a++;
          while (b > a && !isWordChar(text.charCodeAt(b - 1))) b--;
          if (a < b) out.push([a, b, terms[stem]]);
        }
      }
      k = q;
    }
  }
  // What a word must start with to stem to one of the terms: its first one or two letters
  // (ASCII codes, a quick test before slicing) and the term but its last two letters. A term
  // starting with any other character lets every word through.
  function firstLetters(terms) {
    var firsts = { one: Object.create(null), two: Object.create(null), prefixes: new Set(), lengths: [] };
    var keys = Object.keys(terms), lengths = Object.create(null);
    for (var k = 0; k < keys.length; k++) {
      var t = keys[k], a = t.charCodeAt(0), b = t.length > 1 ? t.charCodeAt(1) : -1;
      if (a >= 128 || b >= 128) return null;
      if (b < 0) firsts.one[a] = true; else firsts.two[a * 128 + b] = true;
      var prefix = t.slice(0, Math.max(Math.min(2, t.length), t.length - 2));
      firsts.prefixes.add(prefix);
      lengths[prefix.length] = true;
    }
    firsts.lengths = Object.keys(lengths).map(Number);
    return firsts;
  }

  // Split text (from `from` to `to`) into [text, marked] runs; clauses whose words are marked
  // go into `seen`.
  function runs(text, matches, seen, from, to) {
    var out = [], last = from || 0;
    to = to === undefined ? text.length : to;
    matches.forEach(function (m) {
      if (m[0] < last || m[1] > to) return;
      if (m[0] > last) out.push([text.slice(last, m[0]), false]);
      out.push([text.slice(m[0], m[1]), true]);
      last = m[1];
      if (seen) seen[m[2]] = true;
    });
    if (last < to) out.push([text.slice(last, to), false]);
    return out;
  }
  function highlight(lunr, text, terms, seen) {
    text = text || '';
    return runs(text, matchWords(lunr, text, terms), seen);
  }

  // The passage that explains the match best: the most distinct query words; then the words
  // this article has in fewest passages (in "Xi Ribakova" the one paragraph naming Ribakova
  // says more than any of the many naming Xi); then the most matches (three per word at
  // most, so a long paragraph does not win by length); then the earliest. Also the first
  // wording of each query word found anywhere in the article.
  function bestPassage(lunr, store, terms, firsts) {
    var found = [], inPassages = Object.create(null), surface = Object.create(null), i, c;
    for (i = 0; i < store.texts.length; i++) {
      var text = store.texts[i], matches = matchWords(lunr, text, terms, firsts);
      if (!matches.length) continue;
      var per = Object.create(null);
      for (var k = 0; k < matches.length; k++) {
        c = matches[k][2];
        if (!per[c]) { per[c] = 0; inPassages[c] = (inPassages[c] || 0) + 1; }
        per[c]++;
        if (!(c in surface)) surface[c] = text.slice(matches[k][0], matches[k][1]);
      }
      found.push({ at: i, text: text, matches: matches, per: per });
    }
    var best = null, bestScore = 0;
    found.forEach(function (f) {
      var distinct = 0, rarity = 0, total = 0;
      for (c in f.per) {
        distinct++;
        rarity += Math.round(100 / inPassages[c]);
        total += Math.min(f.per[c], 3);
      }
      var score = distinct * 1e6 + rarity * 100 + total;
      if (score > bestScore) { bestScore = score; best = f; }
    });
    if (!best) return null;
    return { anchor: store.anchors[best.at] || '', text: best.text.replace(/\n/g, ' '), matches: best.matches, surface: surface };
  }

  // The snippet: the passage, or where it is long, SNIPPET_CHARS of it around the stretch
  // holding the most distinct query words, cut at word (or sentence) starts, with "…" where
  // it was cut.
  function snippet(best, seen) {
    var text = best.text, matches = best.matches, start = 0, end = text.length;
    if (text.length > SNIPPET_CHARS) {
      var at = matches[0][0], most = 0, span = SNIPPET_CHARS * 0.6;
      for (var i = 0; i < matches.length; i++) {
        var inside = Object.create(null), count = 0;
        for (var j = i; j < matches.length && matches[j][1] <= matches[i][0] + span; j++) {
          if (!inside[matches[j][2]]) { inside[matches[j][2]] = true; count++; }
        }
        if (count > most) { most = count; at = matches[i][0]; }
      }
      start = snippetStart(text, at);
      end = Math.min(text.length, start + SNIPPET_CHARS);
      if (end < text.length) {
        var cut = text.lastIndexOf(' ', end);
        if (cut > at) end = cut;
      }
    }
    var out = runs(text, matches, seen, start, end);
    if (start > 0) out.unshift(['… ', false]);
    if (end < text.length) out.push([' …', false]);
    return out;
  }
  function snippetStart(text, at) {
    if (at <= SNIPPET_CHARS / 3) return 0; // near the start: show the passage from its start
    for (var k = at - 1; k > Math.max(0, at - 150); k--) { // a sentence start not far before
      if (text.charAt(k) === ' ' && '.!?…'.indexOf(text.charAt(k - 1)) >= 0) return k + 1;
    }
    var space = text.lastIndexOf(' ', at - 40); // else a few words before
    return space < 0 ? 0 : space + 1;
  }

  // Narrow by the filters and count facets over every hit (typed arrays, no per-hit objects).
  Engine.prototype.narrow = function (hits, filters) {
    var topicFilter = -1, outletFilter = -1, yearFilter = filters.year ? +filters.year : 0, k;
    if (filters.topic) {
      for (k = 0; k < this.topicNames.length; k++) if (this.topicNames[k][0] === filters.topic) topicFilter = k;
      if (topicFilter < 0) return { hits: [], topic: new Int32Array(0), outlet: new Int32Array(0), year: new Map() };
    }
    if (filters.outlet) {
      outletFilter = this.outlets.indexOf(filters.outlet);
      if (outletFilter < 0) return { hits: [], topic: new Int32Array(0), outlet: new Int32Array(0), year: new Map() };
    }
    var topic = new Int32Array(this.topicNames.length), outlet = new Int32Array(this.outlets.length), year = new Map();
    var kept = [];
    for (var h = 0; h < hits.length; h++) {
      var d = +hits[h].ref, from = this.topicStart[d], to = this.topicStart[d + 1];
      if (outletFilter >= 0 && this.docOutlet[d] !== outletFilter) continue;
      if (yearFilter && this.docYear[d] !== yearFilter) continue;
      if (topicFilter >= 0) {
        var has = false;
        for (k = from; k < to; k++) if (this.topicList[k] === topicFilter) has = true;
        if (!has) continue;
      }
      kept.push(hits[h]);
      for (k = from; k < to; k++) topic[this.topicList[k]]++;
      if (this.docOutlet[d] >= 0) outlet[this.docOutlet[d]]++;
      if (this.docYear[d]) year.set(this.docYear[d], (year.get(this.docYear[d]) || 0) + 1);
    }
    return { hits: kept, topic: topic, outlet: outlet, year: year };
  };

  function facetList(counts, label, value) {
    var out = [];
    for (var k = 0; k < counts.length; k++) if (counts[k]) out.push({ value: value(k), label: label(k), count: counts[k] });
    return out.sort(function (a, b) { return b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0); });
  }

  // The answer for the page: count and facets over all hits, rendered data for `limit` of them
  // from `offset` (their document-store and passage-store chunks fetched now).
  Engine.prototype.present = function (p, hits, filters, fuzzy, offset, limit) {
    var self = this, lunr = this.lunr;
    filters = filters || {};
    offset = offset || 0;
    limit = limit || PAGE;
    var narrowed = this.narrow(hits, filters);
    var shown = narrowed.hits.slice(offset, offset + limit);
    // matched terms -> the clause (word) they came from
    var terms = Object.create(null);
    (hits.expanded || []).forEach(function (list, c) { list.forEach(function (t) { if (!(t in terms)) terms[t] = c; }); });
    var firsts = firstLetters(terms);
    var refs = shown.map(function (hit) { return +hit.ref; });
    // with a passage store, its chunks hold the document columns too: one request per result
    return Promise.all([this.core && this.core.texts ? null : this.loadDocs(refs), this.loadTexts(refs)]).then(function () {
      var results = shown.map(function (hit) {
        var d = +hit.ref, doc = self.doc(d), seen = Object.create(null);
        var title = highlight(lunr, doc.title, terms, seen);
        // the passage that matches best, else (a match in the title, topics or names only)
        // the summary
        var best = bestPassage(lunr, self.passages(d), terms, firsts);
        var text = best ? snippet(best, seen) : highlight(lunr, doc.summary, terms, seen);
        // a word matched elsewhere in the article, in a form the reader did not type (a
        // prefix, a corrected typo): what it matched says something the query does not
        var mentions = [];
        p.clauses.forEach(function (c, i) {
          var found = best && best.surface[i];
          if (!seen[i] && found && found.toLowerCase() !== c.word && mentions.indexOf(found) < 0) mentions.push(found);
        });
        return {
          ref: hit.ref,
          score: hit.score,
          url: doc.url,
          anchor: best ? best.anchor : '',
          title: title,
          date: doc.date,
          outlet: self.docOutlet[d] >= 0 ? self.outlets[self.docOutlet[d]] : '',
          topics: self.resultTopics(d, terms, filters.topic),
          snippet: text,
          mentions: mentions
        };
      });
      var years = Array.from(narrowed.year.keys()).sort(function (a, b) { return b - a; });
      return {
        count: narrowed.hits.length,
        total: hits.length,
        offset: offset,
        fuzzy: fuzzy,
        words: p.words,
        filters: filters,
        results: results,
        facets: {
          topic: facetList(narrowed.topic, function (k) { return self.topicNames[k][1]; }, function (k) { return self.topicNames[k][0]; }),
          outlet: facetList(narrowed.outlet, function (k) { return self.outlets[k]; }, function (k) { return self.outlets[k]; }),
          year: years.map(function (y) { return { value: String(y), label: String(y), count: narrowed.year.get(y) }; })
        }
      };
    });
  };

  // At most RESULT_TOPICS of a result's topics: the one filtered by and those the query
  // matches first, then the others in the article's order.
  Engine.prototype.resultTopics = function (d, terms, filtered) {
    var first = [], rest = [];
    for (var k = this.topicStart[d]; k < this.topicStart[d + 1]; k++) {
      var topic = this.topicNames[this.topicList[k]];
      var matched = topic[0] === filtered || matchWords(this.lunr, topic[1], terms).length > 0;
      (matched ? first : rest).push(topic);
    }
    return first.concat(rest).slice(0, RESULT_TOPICS);
  };

  /* The hits for what the reader typed: exact first; if that finds nothing and a word has
   * 5+ letters, again with typo tolerance.
   *
   * While the reader types (`live`: an input event, not a submitted or linked query), a last
   * word still shorter than PREFIX_MIN letters is pending ("Vladimir P", "Xi J", "gas p"):
   * the words before it are searched without it, so the results on screen stay those of the
   * words already typed, until it is long enough to match as a prefix. Searched exactly, a
   * stray "p" would narrow 5 results to 1 and back to 5, or to none ("No results" flashing).
   * A pending word alone is searched exactly; `pending` tells the page to keep what it shows
   * when that finds nothing. `searched` is the text the hits are for.
   */
  Engine.prototype.find = function (text, live) {
    var self = this;
    return this.load().then(function () {
      var words = queryWords(self.lunr, text), last = words[words.length - 1] || '';
      var pending = !!live && typing(text) && last.length > 0 && last.length < PREFIX_MIN;
      var base = text;
      if (pending && words.length > 1) {
        // the text as typed up to the pending word (the status line quotes it)
        base = String(text).replace(/[^\s\-]+$/, '');
        if (queryWords(self.lunr, base).join(' ') !== words.slice(0, -1).join(' ')) base = words.slice(0, -1).join(' ') + ' ';
      }
      var tries = [[base, false]];
      if (queryWords(self.lunr, base).some(function (w) { return w.length >= FUZZY_MIN; })) tries.push([base, true]);
      var at = 0, first = null;
      function next() {
        var t = tries[at++];
        return self.plan(t[0], t[1]).then(function (p) {
          if (!p.words.length) { var none = []; none.expanded = []; return { plan: p, hits: none, fuzzy: false }; }
          return self.query(p.build).then(function (found) { return { plan: p, hits: found, fuzzy: t[1] }; });
        }).then(function (h) {
          h.searched = t[0];
          h.pending = pending;
          first = first || h;
          if (h.hits.length || at >= tries.length) return h.hits.length ? h : first;
          return next();
        });
      }
      return next();
    });
  };

  // The hits of the last query are kept, so "show more" and facet clicks do not search again.
  Engine.prototype.answer = function (text, filters, offset, limit, live) {
    var self = this;
    var key = (live ? 'live:' : 'done:') + String(text);
    function present(h) {
      return self.present(h.plan, h.hits, filters, h.fuzzy, offset, limit).then(function (answer) {
        answer.searched = h.searched;
        answer.pending = h.pending;
        return answer;
      });
    }
    if (self.last && self.last.key === key) return self.last.hits.then(present);
    var hits = this.find(text, live);
    self.last = { key: key, hits: hits };
    hits.catch(function () { if (self.last && self.last.hits === hits) self.last = null; });
    return hits.then(present);
  };

  // A plain lunr index (lunr.Index#toJSON) with the whole document store in one file: the
  // baseline that `make bench-search` measures beside the compact index. Same plan, same
  // presentation; lunr.Index#query does the searching.
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
    }).then(function (docs) {
      self.store = docs;
      self.readFacets(docs.facets);
      Object.keys(docs.forms || {}).forEach(function (len) { self.forms[len] = readForms(docs.forms[len]); });
      return self;
    });
    return self.ready;
  };
  PlainEngine.prototype.preparePlan = function () { return this.load(); };
  PlainEngine.prototype.prepareFuzzy = function () { return this.load(); };
  PlainEngine.prototype.formKeys = function () { return Object.keys(this.forms); };
  PlainEngine.prototype.fuzzyFinds = function (word) {
    var self = this, lunr = this.lunr;
    return clauseTerms(this, { term: word, usePipeline: true }).every(function (term) {
      var automaton = lunr.TokenSet.fromClause({ term: term, editDistance: 1 });
      return self.vocab.some(function (v) { return accepts(automaton, v); });
    });
  };
  PlainEngine.prototype.loadTexts = function () { return Promise.resolve(); };
  PlainEngine.prototype.passages = function (d) {
    var s = this.store;
    return { anchors: (s.anchors && s.anchors[d]) || [], texts: (s.texts && s.texts[d]) || [] };
  };
  PlainEngine.prototype.termPosition = function (term) {
    var at = lowerBound(this.vocab, term);
    return at < this.vocab.length && this.vocab[at] === term ? at : -1;
  };
  PlainEngine.prototype.hasPrefix = function (prefix) {
    var at = lowerBound(this.vocab, prefix);
    return at < this.vocab.length && this.vocab[at].slice(0, prefix.length) === prefix;
  };
  PlainEngine.prototype.loadDocs = function () { return Promise.resolve(); };
  PlainEngine.prototype.doc = function (d) {
    var s = this.store;
    return { title: s.title[d], url: s.url[d], date: s.date[d], summary: s.summary[d] };
  };
  PlainEngine.prototype.query = function (build) {
    var self = this, lunr = this.lunr;
    return this.load().then(function () {
      var probe = new lunr.Query(self.fields);
      build.call(probe, probe);
      var results = self.index.query(build);
      results.expanded = probe.clauses.map(function (clause) {
        var out = [];
        clauseTerms(self, clause).forEach(function (term) {
          var automaton = lunr.TokenSet.fromClause(clause.editDistance ? { term: term, editDistance: clause.editDistance } : { term: term });
          self.vocab.forEach(function (v) { if (accepts(automaton, v)) out.push(v); });
        });
        return out;
      });
      return results;
    });
  };

  var api = {
    Engine: Engine, PlainEngine: PlainEngine, unvlq: unvlq, frontDecode: frontDecode, plan: plan,
    queryWords: queryWords, highlight: highlight, accepts: accepts, tokenSetOrder: tokenSetOrder,
    matchWords: matchWords, firstLetters: firstLetters, bestPassage: bestPassage, snippet: snippet,
    trimmer: trimmer, cjkWords: cjkWords, stemmerFor: stemmerFor
  };

  if (typeof module === 'object' && module.exports) {
    module.exports = api;
    return;
  }

  // ---- Web Worker glue -----------------------------------------------------------------------
  if (typeof root.importScripts !== 'function') return;
  // The background prefetch starts once the reader pauses (no answer for PREFETCH_PAUSE_MS),
  // so that it never competes with the fetches of the next keystrokes' answers.
  var PREFETCH_PAUSE_MS = 250;
  var engine = null, early = null, prefetching = false, prefetchTimer = 0;
  function prefetchLater() {
    var saveData = root.navigator && root.navigator.connection && root.navigator.connection.saveData;
    if (prefetching || saveData || !engine.core || !engine.core.prefetch) return;
    clearTimeout(prefetchTimer);
    prefetchTimer = setTimeout(function () {
      prefetching = true;
      engine.prefetch().then(function () { root.postMessage({ type: 'prefetched' }); });
    }, PREFETCH_PAUSE_MS);
  }
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
        early = fetchJSON(msg.index);
        early.catch(function () { /* reported by load() */ });
        var fetchOnce = function (url) {
          if (url === msg.index && early) { var p = early; early = null; return p; }
          return fetchJSON(url);
        };
        root.importScripts(msg.lunr);
        russianScripts = RUSSIAN_FILES.map(function (name) { return new URL(name, msg.lunr).href; });
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
      engine.answer(msg.q, msg.filters || {}, msg.offset || 0, msg.limit || PAGE, !!msg.live).then(function (answer) {
        answer.type = 'results';
        answer.id = msg.id;
        answer.q = msg.q;
        answer.live = !!msg.live;
        answer.ms = Date.now() - started;
        root.postMessage(answer);
        prefetchLater();
      }, function (error) {
        root.postMessage({ type: 'error', id: msg.id, message: String(error && error.message || error) });
      });
    }
  };
})(typeof self !== 'undefined' ? self : this);
