// The handbook's search worker. Material's search box and result list talk to it with Material's
// own messages (SETUP, READY, QUERY, RESULT), so the look and the keyboard stay Material's; what
// changes is how a query is matched:
// - each word is matched stemmed (so "arguments" finds "argument", «avbrytes» finds «avbryter»)
//   and as a prefix of the words in the text (so "compens" finds "compensation");
// - the index is built with the site (scripts/handbook/search/: lunr.py, with the termbase synonyms
//   and compound parts readers type, and subsections named by their section), so the worker only
//   loads it: no indexing in the browser;
// - stop words count, but little, so "this is all I can do" still finds its section;
// - sections that contain every word of the query rank above sections that contain some.
// The index is loaded on the first search, not at page load. It is a script, not JSON, so that it
// loads the same way over http(s) and from disk (file://, where the iframe-worker shim runs this).
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var STEMMED_BOOST = 10;
var PREFIX_BOOST = 2;
var STOP_WORD_BOOST = 0.2;
var MIN_PREFIX = 3;
var SCRIPT_URL = typeof document !== "undefined" && document.currentScript
  ? document.currentScript.src : self.location.href;
var SITE_ROOT = new URL("../../", SCRIPT_URL);  // this file is assets/javascripts/search-worker.js
var LUNR = "assets/javascripts/vendor/lunr.min.js";
var LUNR_LANGUAGES = "assets/javascripts/lunr/min/";

var settings = null;
var engine = null;
var queue = Promise.resolve();
var latest = null;  // the newest query, the one in the search box
var waiting = false;  // whether it still needs an answer

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    settings = message.data.config;
    postMessage({type: READY});
  } else if (message.type === QUERY) {
    latest = message.data;
    waiting = true;
    queue = queue.then(afterWaitingMessages).then(answer);
  }
});

// A task later, so that queries already sent (one per key typed) are usually read first and only
// the last is answered; a heuristic: browsers do not promise that order.
function afterWaitingMessages() {
  return new Promise(function (resolve) { setTimeout(resolve, 0); });
}

// Only the newest query is answered: the words typed while the index loads, or while an earlier
// query is being answered, are not searched one by one, so the results of what is in the search
// box come sooner. Each answer names its query (Material reads only items and total).
function answer() {
  if (!waiting) return Promise.resolve();
  waiting = false;
  var query = latest;
  if (!query.trim()) {
    postMessage({type: RESULT, data: {items: [], total: 0, query: query}});
    return Promise.resolve();
  }
  return loadEngine().then(function (search) {
    if (waiting) return;  // from disk (the iframe shim loads asynchronously): a newer query came in meanwhile
    var items = search(query);
    postMessage({type: RESULT, data: {items: items, total: items.length, query: query}});
  }).catch(function (error) {
    // No results this time; the next query tries to load the index again (a dropped connection).
    engine = null;
    postMessage({type: RESULT, data: {items: [], total: 0, query: query}});
    console.error(error);
  });
}

// importScripts is synchronous in a worker and returns a promise under the iframe-worker shim.
function load(paths) {
  try {
    return Promise.resolve(importScripts.apply(self, paths.map(function (path) {
      return new URL(path, SITE_ROOT).href;
    })));
  } catch (error) {
    return Promise.reject(error);
  }
}

function loadEngine() {
  if (!engine) {
    var lang = settings.lang[0];
    var scripts = lang === "en" ? [] : [LUNR_LANGUAGES + "lunr.stemmer.support.min.js", LUNR_LANGUAGES + "lunr." + lang + ".min.js"];
    engine = load([LUNR]).then(function () { return load(scripts.concat([settings.index])); })
      .then(function () { return makeSearch(self.handbookSearchIndex); });
  }
  return engine;
}

function makeSearch(data) {
  var language = data.lang === "en" ? lunr : lunr[data.lang];
  var docs = data.docs;  // a result's ref is its section's place in this list
  lunr.tokenizer.separator = new RegExp(data.separator);
  var index = lunr.Index.load(expand(data.index));
  var byLocation = {};
  docs.forEach(function (doc) { byLocation[doc.location] = doc; });
  var stemCache = {};
  function stem(word) {
    if (!(word in stemCache)) stemCache[word] = language.stemmer(new lunr.Token(word)).toString();
    return stemCache[word];
  }
  function isStopWord(word) {
    return !language.stopWordFilter(new lunr.Token(word));
  }
  return function (query) {
    var words = queryWords(query);
    var results = index.query(function (q) {
      words.forEach(function (word) {
        var weight = isStopWord(word) ? STOP_WORD_BOOST : 1;
        q.term(word, {usePipeline: true, boost: STEMMED_BOOST * weight});
        if (word.length >= MIN_PREFIX)
          q.term(word, {usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: PREFIX_BOOST * weight});
      });
    });
    return group(results.map(function (result) {
      return rescore(result, docs[result.ref].location, words, stem, isStopWord);
    }), byLocation, words, stem);
  };
}

// lunr's serialised index from the smaller form the site ships (scripts/handbook/search/lunr_index.py,
// `compact`): per field, one vector per document; per term, the documents as differences.
function expand(compact) {
  var fieldVectors = [];
  var invertedIndex = [];
  compact.fields.forEach(function (field) {
    compact.vectors[field].forEach(function (vector, ref) {
      if (vector.length) fieldVectors.push([field + "/" + ref, vector]);
    });
  });
  compact.postings.forEach(function (entry) {
    var posting = {_index: entry[1]};
    compact.fields.forEach(function (field, number) {
      var refs = {};
      var ref = 0;
      entry[2 + number].forEach(function (step) {
        ref += step;
        refs[ref] = {};
      });
      posting[field] = refs;
    });
    invertedIndex.push([entry[0], posting]);
  });
  return {version: compact.version, fields: compact.fields, fieldVectors: fieldVectors,
    invertedIndex: invertedIndex, pipeline: compact.pipeline};
}

function queryWords(query) {
  var seen = {};
  return lunr.tokenizer(query).map(function (token) {
    return token.toString().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }).filter(function (word) {
    var fresh = word && !seen[word];
    seen[word] = true;
    return fresh;
  });
}

// Which query words a result matched, and its score scaled by the share of content words it has.
function rescore(result, location, words, stem, isStopWord) {
  var matched = Object.keys(result.matchData.metadata);
  var terms = {};
  words.forEach(function (word) {
    var root = stem(word);
    terms[word] = matched.some(function (term) { return term === root || term.indexOf(word) === 0; });
  });
  var content = words.filter(function (word) { return !isStopWord(word); });
  var counted = content.length ? content : words;
  var found = counted.filter(function (word) { return terms[word]; }).length;
  var coverage = found / counted.length;
  return {location: location, score: result.score * coverage * coverage, terms: terms};
}

// Results by page, best page first; each page's own entry leads its group, as Material renders it.
function group(results, byLocation, words, stem) {
  var pages = {};
  var order = [];
  results.forEach(function (result) {
    var page = result.location.split("#")[0];
    if (!pages[page]) {
      pages[page] = {best: 0, items: {}};
      order.push(page);
    }
    pages[page].best = Math.max(pages[page].best, result.score);
    pages[page].items[result.location] = result;
  });
  var mark = highlighter(words, stem);
  return order.sort(function (a, b) { return pages[b].best - pages[a].best; }).map(function (page) {
    var items = pages[page].items;
    if (!items[page] && byLocation[page]) items[page] = {location: page, score: 0, terms: {}};
    return Object.keys(items).map(function (location) {
      var item = items[location];
      var doc = byLocation[location];
      return {location: location, title: mark(doc.title), text: mark(doc.text), score: item.score, terms: item.terms};
    }).sort(function (a, b) { return b.score - a.score; });
  });
}

function highlighter(words, stem) {
  var roots = words.map(stem);
  return function (html) {
    return html.replace(/(<[^>]*>|&[#\w]+;)|([\p{L}\p{N}]+)/gu, function (all, tag, word) {
      if (tag) return tag;
      var lower = word.toLowerCase();
      var hit = words.some(function (w, i) { return lower.indexOf(w) === 0 || stem(lower) === roots[i]; });
      return hit ? "<mark>" + word + "</mark>" : word;
    });
  };
}
