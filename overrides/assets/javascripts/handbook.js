// Keep the reader's place when switching language: every locale uses the same heading anchors,
// so the current #anchor is carried over to the same page in the other language.
document.addEventListener("click", function (event) {
  var link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
  if (link && location.hash) {
    link.href = link.href.split("#")[0] + location.hash;
  }
}, true);
