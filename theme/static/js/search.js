/* Digest search, main thread.
 *
 * Nothing is fetched on page load. The first focus of the header search box (or "/") starts a
 * Web Worker (search-worker.js) that loads lunr.js and the index; every query runs there.
 * Results are built from DOM nodes and text nodes only: no captured text reaches innerHTML.
 *
 * On search.html (an element #search-page) results, count and facets fill the page and the
 * query lives in the URL (?q=…&topic=…&outlet=…&year=…) for sharing, reload and Back. On any
 * other page a short list opens under the box, with a link to all results.
 *
 * Each result shows the passage of the article that matches best and links to that paragraph
 * (url#anchor). While the reader types, the results on screen stay until the answer to a
 * later keystroke replaces them: a last word too short to search yet is left out, and an
 * answer that finds nothing because of it does not replace them (no "No results" flashing).
 */
(function () {
  'use strict';

  var input = document.getElementById('q');
  if (!input || !input.form || typeof window.URL !== 'function') return;
  var form = input.form;
  var page = document.getElementById('search-page');
  var DROPDOWN_RESULTS = 8;
  var PAGE_RESULTS = 20; // on search.html; "Show more" asks the worker for the next ones
  var THROTTLE_MS = 40; // at most one query per 40 ms while typing; the last one always runs
  var FILTERS = ['topic', 'outlet', 'year'];

  var strings = {
    results: '{n} results for “{q}”',
    result: '1 result for “{q}”',
    none: 'No results for “{q}”.',
    fuzzy: 'No exact matches; showing results for similar spellings.',
    loading: 'Loading search…',
    unavailable: 'Search is unavailable right now. Browse the topic index or the archive.',
    all: 'See all {n} results',
    mentions: 'Also mentions: ',
    topic: 'Topic',
    outlet: 'Outlet',
    year: 'Year',
    clear: 'Clear filter',
    more: 'Show more results'
  };
  if (page) {
    Object.keys(strings).forEach(function (key) {
      var value = page.getAttribute('data-label-' + key);
      if (value) strings[key] = value;
    });
  }
  function say(key, values) {
    return strings[key].replace(/\{(\w+)\}/g, function (_, name) { return values && name in values ? String(values[name]) : ''; });
  }

  function absolute(url, fallback) {
    try { return new URL(url || fallback, document.baseURI).href; } catch (e) { return ''; }
  }
  var scriptUrl = (document.currentScript && document.currentScript.src) || absolute('theme/js/search.js');
  var config = {
    index: absolute(input.getAttribute('data-index-url'), new URL('../../search/index.json', scriptUrl).href),
    worker: absolute(input.getAttribute('data-worker-url'), new URL('search-worker.js', scriptUrl).href),
    lunr: absolute(input.getAttribute('data-lunr-url'), new URL('lunr.min.js', scriptUrl).href),
    site: absolute((input.getAttribute('data-site-url') || '.') + '/')
  };

  // ---- worker ----------------------------------------------------------------------------------
  var worker = null, failed = false, sequence = 0, inflight = 0, wanted = null, wantedLive = false, lastSent = 0, timer = 0;
  var filters = {}, started = 0, shownFor = null;
  // History: typing replaces the URL of the current entry, except the first keystroke after a
  // query was committed (page load, Enter, a facet, Back), which starts a new entry.
  var committed = true;

  function start() {
    if (worker || failed) return;
    started = performance.now();
    form.setAttribute('data-search-state', 'loading');
    try {
      worker = new Worker(config.worker);
    } catch (error) {
      fail();
      return;
    }
    worker.onmessage = function (event) {
      var msg = event.data || {};
      if (msg.type === 'ready') {
        form.setAttribute('data-search-state', 'ready');
      } else if (msg.type === 'prefetched') {
        form.setAttribute('data-search-cached', 'all'); // the whole index is in the worker
      } else if (msg.type === 'results') {
        inflight = 0;
        if (msg.id === sequence) show(msg);
        if (wanted !== null) send();
      } else if (msg.type === 'error') {
        inflight = 0;
        fail();
      }
    };
    worker.onerror = function (event) { if (event && event.preventDefault) event.preventDefault(); fail(); };
    worker.postMessage({ type: 'init', index: config.index, lunr: config.lunr, plain: input.hasAttribute('data-plain-index') });
  }

  function fail() {
    failed = true;
    form.setAttribute('data-search-state', 'error');
    var view = ensureView();
    if (view) { clear(view.body); status(view, say('unavailable')); }
  }

  // `live`: from a keystroke (the last word may be half typed), not a submitted or linked query.
  function query(text, live) {
    wanted = text;
    wantedLive = !!live;
    start();
    if (failed) return;
    if (inflight) return; // sent when the answer in flight arrives
    var wait = lastSent + THROTTLE_MS - performance.now();
    clearTimeout(timer);
    if (wait <= 0) send(); else timer = setTimeout(send, wait);
  }

  function send() {
    if (wanted === null || !worker || inflight) return;
    var text = wanted;
    wanted = null;
    lastSent = performance.now();
    if (!text.trim()) { sequence++; show(null); return; }
    inflight = ++sequence;
    worker.postMessage({ type: 'search', id: sequence, q: text, live: wantedLive, filters: page ? filters : {}, offset: 0, limit: ensureView().limit });
  }

  function more(answer, offset) {
    if (!worker || failed) return;
    inflight = ++sequence;
    // the same hits as the list on screen (a half-typed last word left out the same way)
    worker.postMessage({ type: 'search', id: sequence, q: answer.q, live: !!answer.live, filters: answer.filters || {}, offset: offset, limit: PAGE_RESULTS });
  }

  // ---- DOM helpers -----------------------------------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.appendChild(document.createTextNode(text));
    return node;
  }
  function clear(node) { while (node && node.firstChild) node.removeChild(node.firstChild); }
  function marked(parent, runs) {
    (runs || []).forEach(function (run) {
      if (run[1]) parent.appendChild(el('mark', null, run[0]));
      else parent.appendChild(document.createTextNode(run[0]));
    });
    return parent;
  }
  // "16 May 2024", like the site's DEFAULT_DATE_FORMAT. Not toLocaleDateString: initialising
  // Intl costs the first result ~10 ms on a cold page.
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];
  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m || +m[2] < 1 || +m[2] > 12) return '';
    return +m[3] + ' ' + MONTHS[+m[2] - 1] + ' ' + m[1];
  }
  function status(view, text) { view.status.textContent = text; }

  // ---- where results go --------------------------------------------------------------------------
  var view = null;
  function ensureView() {
    if (view) return view;
    if (page) {
      view = {
        status: page.querySelector('[data-search-status]') || page.appendChild(el('p')),
        facets: page.querySelector('[data-search-facets]'),
        body: page.querySelector('[data-search-results]') || page.appendChild(el('div')),
        limit: PAGE_RESULTS
      };
      view.status.setAttribute('role', 'status');
    } else {
      var panel = el('div', 'site-search__panel');
      panel.id = 'site-search-panel';
      panel.hidden = true;
      var st = el('p', 'site-search__status');
      st.setAttribute('role', 'status');
      panel.appendChild(st);
      var body = el('div', 'site-search__results');
      panel.appendChild(body);
      form.appendChild(panel);
      input.setAttribute('aria-controls', panel.id);
      view = { status: st, facets: null, body: body, limit: DROPDOWN_RESULTS, panel: panel };
    }
    return view;
  }

  function show(answer) {
    var v = ensureView();
    if (answer && answer.offset > 0 && shownFor && shownFor.q === answer.q) { append(v, answer); return; }
    // nothing found only because the last word is half typed: keep what is on screen
    if (answer && answer.pending && answer.count === 0 && !answer.offset) { announce(answer, true); return; }
    shownFor = answer;
    // A reader may arrow into the results while the answer to a later keystroke is on its way:
    // the new list must not drop their place.
    var active = document.activeElement;
    var focusedHref = active && active !== input && v.body.contains(active) ? active.getAttribute('href') : null;
    clear(v.body);
    if (v.facets) clear(v.facets);
    if (v.panel) v.panel.hidden = !answer;
    if (!answer) { status(v, ''); return; }
    var q = (answer.searched || answer.q).trim(); // without a half-typed last word left out
    var line = answer.count === 0 ? say('none', { q: q }) : say(answer.count === 1 ? 'result' : 'results', { n: answer.count, q: q });
    status(v, answer.fuzzy && answer.count ? say('fuzzy') + ' ' + line : line);
    if (v.facets) facets(v.facets, answer);
    var list = el('ol', 'search-results');
    answer.results.forEach(function (r) { list.appendChild(result(r)); });
    if (answer.results.length) v.body.appendChild(list);
    if (v.panel && answer.count > v.limit) {
      var all = el('a', 'site-search__all', say('all', { n: answer.count }));
      all.href = searchPageUrl((answer.searched || answer.q).trim(), {}); // what the count counts
      v.body.appendChild(all);
    }
    if (!v.panel) moreButton(v, answer, answer.results.length);
    announce(answer);
    if (focusedHref !== null) refocus(focusedHref);
  }

  // Focus the result link to the same page as before a re-render, else the search box.
  function refocus(href) {
    var links = resultLinks();
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute('href') === href) { links[i].focus(); return; }
    }
    input.focus();
  }

  // "Show more": the next results go at the end of the same list; focus moves to the first new one.
  function moreButton(v, answer, shown) {
    var old = v.body.querySelector('.search-more');
    if (old) old.parentNode.removeChild(old);
    if (shown >= answer.count) return;
    var button = el('button', 'search-more', say('more'));
    button.type = 'button';
    button.addEventListener('click', function () { button.disabled = true; more(answer, shown); });
    v.body.appendChild(button);
  }
  function append(v, answer) {
    var list = v.body.querySelector('ol.search-results');
    if (!list) return;
    var first = null;
    answer.results.forEach(function (r) {
      var item = result(r);
      list.appendChild(item);
      first = first || item.querySelector('a');
    });
    var shown = list.children.length;
    moreButton(v, shownFor, shown);
    if (first) first.focus();
    announce(answer);
  }
  function announce(answer, kept) {
    var detail = { q: answer.q, count: kept ? shownCount() : answer.count, kept: !!kept, ms: answer.ms, offset: answer.offset, sinceStart: performance.now() - started };
    try { performance.mark('digest-search-results'); } catch (e) { /* old browsers */ }
    document.dispatchEvent(new CustomEvent('digest:search-results', { detail: detail }));
  }

  function shownCount() { return shownFor ? shownFor.count : 0; }

  function result(r) {
    var item = el('li', 'search-result');
    var heading = el('h3', 'search-result__title');
    var link = marked(el('a'), r.title);
    var url = new URL(r.url, config.site);
    if (r.anchor) url.hash = r.anchor; // opens at the paragraph the snippet comes from
    link.href = url.href;
    heading.appendChild(link);
    item.appendChild(heading);
    var meta = el('p', 'search-result__meta');
    var parts = [];
    if (r.outlet) parts.push(el('span', 'search-result__outlet', r.outlet));
    if (r.date) {
      var time = el('time', null, formatDate(r.date));
      time.setAttribute('datetime', r.date);
      parts.push(time);
    }
    if (r.topics && r.topics.length) {
      parts.push(el('span', 'search-result__topics', r.topics.map(function (t) { return t[1]; }).join(', ')));
    }
    parts.forEach(function (part, i) {
      if (i) meta.appendChild(document.createTextNode(' · '));
      meta.appendChild(part);
    });
    item.appendChild(meta);
    if (r.snippet && r.snippet.length) item.appendChild(marked(el('p', 'search-result__snippet'), r.snippet));
    if (r.mentions && r.mentions.length) {
      var mentions = el('p', 'search-result__mentions', say('mentions'));
      r.mentions.forEach(function (word, i) {
        if (i) mentions.appendChild(document.createTextNode(', '));
        mentions.appendChild(el('mark', null, word));
      });
      item.appendChild(mentions);
    }
    return item;
  }

  function facets(container, answer) {
    FILTERS.forEach(function (kind) {
      var values = answer.facets[kind] || [];
      if (!values.length && !filters[kind]) return;
      var group = el('div', 'search-facet');
      group.setAttribute('role', 'group');
      var headingId = 'facet-' + kind;
      var heading = el('h2', 'search-facet__title', say(kind));
      heading.id = headingId;
      group.setAttribute('aria-labelledby', headingId);
      group.appendChild(heading);
      var list = el('ul', 'search-facet__values');
      values.forEach(function (f) {
        var li = el('li');
        var button = el('button', 'search-facet__value');
        button.type = 'button';
        button.setAttribute('aria-pressed', filters[kind] === f.value ? 'true' : 'false');
        button.setAttribute('data-facet', kind);
        button.setAttribute('data-value', f.value);
        button.appendChild(el('span', null, f.label));
        button.appendChild(el('span', 'search-facet__count', String(f.count)));
        button.addEventListener('click', function () {
          if (filters[kind] === f.value) delete filters[kind]; else filters[kind] = f.value;
          updateUrl(true);
          committed = true;
          query(input.value);
        });
        li.appendChild(button);
        list.appendChild(li);
      });
      group.appendChild(list);
      container.appendChild(group);
    });
  }

  // ---- URL ---------------------------------------------------------------------------------------
  function searchPageUrl(q, withFilters) {
    var url = new URL(form.getAttribute('action') || 'search.html', document.baseURI);
    url.search = '';
    if (q) url.searchParams.set('q', q);
    FILTERS.forEach(function (k) { if (withFilters[k]) url.searchParams.set(k, withFilters[k]); });
    return url.href;
  }
  function updateUrl(push) {
    if (!page || !window.history || !history.replaceState) return;
    var href = searchPageUrl(input.value, filters);
    if (href === location.href) return;
    try {
      if (push) history.pushState(null, '', href); else history.replaceState(null, '', href);
    } catch (e) { /* sandboxed iframes refuse; search still works */ }
  }
  function fromUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    filters = {};
    FILTERS.forEach(function (k) { var v = params.get(k); if (v) filters[k] = v; });
  }

  // ---- events ------------------------------------------------------------------------------------
  input.addEventListener('focus', start);
  input.addEventListener('input', function () {
    if (page) { updateUrl(committed); committed = false; }
    query(input.value, true);
  });
  form.addEventListener('submit', function (event) {
    if (!page) return; // other pages: go to search.html?q=… (works without JavaScript too)
    event.preventDefault();
    updateUrl(committed);
    committed = true;
    query(input.value);
  });

  function resultLinks() {
    var v = view;
    return v ? Array.prototype.slice.call(v.body.querySelectorAll('.search-result__title a, .site-search__all')) : [];
  }
  function editable(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (event.key === '/' && !editable(target)) {
      event.preventDefault();
      input.focus();
      input.select();
      return;
    }
    var inSearch = target === input || (view && view.body.contains(target));
    if (!inSearch) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      input.value = '';
      if (page) { updateUrl(committed); committed = false; }
      sequence++;
      wanted = null;
      show(null);
      input.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      var links = resultLinks();
      if (!links.length) return;
      event.preventDefault();
      var at = links.indexOf(target);
      var next = event.key === 'ArrowDown' ? at + 1 : at - 1;
      if (next < 0) { input.focus(); return; }
      links[Math.min(next, links.length - 1)].focus();
    }
    // Enter on a focused result link follows it: the browser does that.
  });

  document.addEventListener('click', function (event) {
    if (view && view.panel && !form.contains(event.target)) view.panel.hidden = true;
  });

  if (page) {
    var hint = page.querySelector('.search-page__hint');
    // keyboard hints: only where the keys work, and not on a touch screen (no keyboard to
    // speak of); the style sheet hides them there too
    var touch = window.matchMedia && window.matchMedia('(hover: none), (pointer: coarse)').matches;
    if (hint && !touch) hint.hidden = false;
    window.addEventListener('popstate', function () { fromUrl(); committed = true; query(input.value); });
    fromUrl();
    if (input.value) query(input.value);
  }
})();
