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
