// Keep the reader's place when switching language: every locale uses the same heading anchors,
// so the current #anchor is carried over to the same page in the other language.
document.addEventListener("click", function (event) {
  var link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
  if (link && location.hash) {
    link.href = link.href.split("#")[0] + location.hash;
  }
}, true);

// The theme fetches sitemap.xml once per <link rel="alternate"> on every page load, to map
// addresses between languages. Here every alternate link already names the same page in the
// other language, so those three requests change nothing: the links are hidden from the theme
// while it starts (this script runs before DOMContentLoaded, the theme looks after it) and
// restored right after, so the HTML and the rendered page keep their hreflang links.
(function () {
  var alternates = document.querySelectorAll('link[rel="alternate"][hreflang]');
  alternates.forEach(function (link) { link.rel = "handbook-alternate"; });
  document.addEventListener("DOMContentLoaded", function () {
    setTimeout(function () {
      alternates.forEach(function (link) { link.rel = "alternate"; });
    });
  });
})();

// Offline reading: each locale has its own service worker at its root, beside the manifest
// this page links to. Not over file:// (browsers refuse service workers there).
(function () {
  var OFFLINE_DELAY_MS = 3000;  // after the load event, before the first download
  var OFFLINE_RETRY_MS = 2000;  // while search is open, look again this often
  var manifest = document.querySelector('link[rel="manifest"]');
  var notice = document.querySelector(".handbook-offline");
  if (!manifest || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) {
    return;
  }
  var before = navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    var now = navigator.serviceWorker.controller;
    var updated = before && now && before.scriptURL === now.scriptURL;
    before = now;
    if (notice) {
      notice.textContent = notice.getAttribute(updated ? "data-updated" : "data-ready");
      setTimeout(function () { notice.textContent = ""; }, 8000);
    }
  });
  // The offline copy starts downloading once the page has loaded and the reader is not searching:
  // in a large handbook it is thousands of files, which must not compete with the page or a first
  // search for the network and the processor. A reader who already has a copy checks for an update
  // at once (only what changed is downloaded).
  var search = document.querySelector('[data-md-toggle="search"]');
  function register() {
    navigator.serviceWorker.register(new URL("sw.js", manifest.href).href).catch(function () {});
  }
  function searching() {
    return search && search.checked;
  }
  function registerWhenIdle() {
    if (searching()) {
      setTimeout(registerWhenIdle, OFFLINE_RETRY_MS);
    } else if ("requestIdleCallback" in window) {
      requestIdleCallback(function () { searching() ? registerWhenIdle() : register(); }, {timeout: OFFLINE_RETRY_MS});
    } else {
      register();
    }
  }
  window.addEventListener("load", function () {
    if (before) {
      register();  // an update: it only fetches what changed
    } else {
      setTimeout(registerWhenIdle, OFFLINE_DELAY_MS);
    }
  });
})();

// Never a blank search: when the search worker finds nothing, it tells this page (HANDBOOK_CHANNEL)
// the handbook words closest to what was typed and the topics; they are offered here, in the
// page's language (the texts are in the search partial), a suggestion as a button that searches it.
(function () {
  var HANDBOOK_CHANNEL = "handbook-search";
  var panel = document.querySelector(".handbook-search-empty");
  var input = document.querySelector("[data-md-component=search-query]");
  var config = document.getElementById("__config");
  var channel = null;
  try {
    channel = new BroadcastChannel(HANDBOOK_CHANNEL);
  } catch (error) {
    return;  // opened from disk, a browser may refuse it: search works, without the suggestions
  }
  if (!panel || !input || !config) {
    return;
  }
  var root = JSON.parse(config.textContent).base;  // the locale's root, relative to this page
  var base = new URL(root.endsWith("/") ? root : root + "/", location.href);
  channel.addEventListener("message", function (event) {
    var answer = event.data;
    if (answer.found || answer.query !== input.value) {
      panel.hidden = true;
      panel.textContent = "";
    } else {
      show(answer);
    }
  });
  function show(answer) {
    panel.textContent = "";
    paragraph(panel.getAttribute("data-nothing").replace("{query}", answer.query.trim()));
    if (answer.suggestions.length) {
      var line = paragraph(panel.getAttribute("data-did-you-mean"));
      answer.suggestions.forEach(function (word) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "handbook-search-suggestion";
        button.textContent = word;
        button.addEventListener("click", function () { search(word); });
        line.append(" ", button);
      });
    }
    paragraph(panel.getAttribute("data-topics"));
    var list = document.createElement("ul");
    answer.topics.forEach(function (topic) {
      var link = document.createElement("a");
      link.href = new URL(topic.location, base).href;
      link.innerHTML = topic.title;  // the index's own title markup, as Material shows results
      var item = document.createElement("li");
      item.append(link);
      list.append(item);
    });
    panel.append(list);
    panel.hidden = false;
  }
  function paragraph(text) {
    var element = document.createElement("p");
    element.textContent = text;
    panel.append(element);
    return element;
  }
  // Material searches on the query field's keyup.
  function search(word) {
    input.value = word;
    input.focus();
    input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  }
})();
