// The handbook's search worker. Material's search box and result list talk to it with Material's
// own messages (SETUP, READY, QUERY, RESULT), so the look and the keyboard stay Material's. Material
// starts it with every page, so it holds only the messages and the loading: how a query is matched
// is in search-engine.js, loaded with lunr.js and the index when the reader first searches.
// The index is a script, not JSON, so that it loads the same way over http(s) and from disk
// (file://, where the iframe-worker shim runs this). When nothing matches, the page is told (a
// BroadcastChannel, HANDBOOK_CHANNEL) the handbook words closest to what was typed and the list
// of topics, which handbook.js offers.
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var HANDBOOK_CHANNEL = "handbook-search";
var SCRIPT_URL = typeof document !== "undefined" && document.currentScript
  ? document.currentScript.src : self.location.href;
var SITE_ROOT = new URL("../../", SCRIPT_URL);  // this file is assets/javascripts/search-worker.js
var LUNR = "assets/javascripts/vendor/lunr.min.js";
var LUNR_LANGUAGES = "assets/javascripts/lunr/min/";
var ENGINE = "assets/javascripts/search-engine.js";

var settings = null;
var engine = null;
var queue = Promise.resolve();
var latest = null;  // the newest query, the one in the search box
var waiting = false;  // whether it still needs an answer
var received = 0;  // queries received so far
var channel = openChannel();

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    settings = message.data.config;
    postMessage({type: READY});
  } else if (message.type === QUERY) {
    latest = message.data;
    waiting = true;
    received += 1;
    queue = queue.then(function () { return waiting ? afterWaitingMessages().then(answer) : undefined; });
  }
});

// A task later, so that the queries already sent (one per key typed) are usually read first and
// only the last is answered; again for as long as each task later brings more of them. Best
// effort: browsers do not promise to run waiting messages before a timer, and a query searched
// too soon costs time, not the answer (the newest is always answered last).
function afterWaitingMessages() {
  var before = received;
  return new Promise(function (resolve) { setTimeout(resolve, 0); }).then(function () {
    return received === before ? undefined : afterWaitingMessages();
  });
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
    tellPage({query: query, found: true});
    return Promise.resolve();
  }
  var loading = !engine;  // this answer loads the index: the keys typed meanwhile are read first
  return Promise.resolve().then(loadEngine).then(function (loaded) {
    return loading ? afterWaitingMessages().then(function () { return loaded; }) : loaded;
  }).then(function (engine) {
    if (waiting) return;  // a newer query came in meanwhile: its own turn answers it
    var items = engine.search(query);
    postMessage({type: RESULT, data: {items: items, total: items.length, query: query}});
    tellPage(items.length ? {query: query, found: true} : engine.nothingFound(query));
  }).catch(function (error) {
    // No results this time; if it was the loading that failed (a dropped connection), the next
    // query loads the index again (loadEngine).
    postMessage({type: RESULT, data: {items: [], total: 0, query: query}});
    console.error(error);
  });
}

// Opened from disk (file://, an opaque origin), a browser may refuse the channel: search still
// answers, without the suggestions.
function openChannel() {
  try {
    return new BroadcastChannel(HANDBOOK_CHANNEL);
  } catch (error) {
    return null;
  }
}

function tellPage(message) {
  if (channel) channel.postMessage(message);
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
    engine = load([LUNR]).then(function () { return load(scripts.concat([ENGINE, settings.index])); })
      .then(function () { return makeSearch(self.handbookSearchIndex); })
      .catch(function (error) {
        engine = null;
        throw error;
      });
  }
  return engine;
}

