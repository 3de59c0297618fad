"""The index is stemmed in Python at build time, the words a reader types in the browser by lunr.js:
both must give every word of the handbook the same stem, or a typed word would miss its section."""

from __future__ import annotations

import pytest

from handbook.search.browser import chromium
from handbook.search.index import INDEX_FILE, read_locale_index, words_of
from handbook.search.lunr_index import stemmer
from handbook.search.relevance import load_queries
from handbook.site_server import serve
from handbook.termbase import load_termbase
from tests.helpers import PROJECT_ROOT
from tests.search.test_relevance import deployed_path

pytestmark = pytest.mark.browser

# The worker's scripts, relative to a locale root; the stemmer of a lunr language is lunr.<code>.stemmer.
LUNR_SCRIPTS = ("assets/javascripts/vendor/lunr.min.js",)
LANGUAGE_SCRIPTS = (
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    "assets/javascripts/lunr/min/lunr.{}.min.js",
)
JS_STEMS = """([language, words]) => {
  const stem = language === "en" ? lunr.stemmer : lunr[language].stemmer;
  return words.map(word => stem(new lunr.Token(word)).toString());
}"""
# Words lunr.py's own Porter stemmer gets wrong for lunr.js: they must be right here.
LUNR_JS_Y_RULE = ("try", "why", "always", "say", "day", "keys", "money", "apology")


def vocabulary(site, prefix: str, locale: str) -> list[str]:
    """Every word of the locale's index documents, its termbase words and its test queries."""
    docs = read_locale_index(site / prefix / INDEX_FILE)["docs"]
    words = {word for doc in docs for word in words_of(f"{doc['title']} {doc['text']}")}
    termbase, _ = load_termbase(PROJECT_ROOT)
    for term in termbase.terms:
        for value in (term.get(locale), *term.synonyms.get(locale, ()), *term.variants.get(locale, ())):
            words.update(words_of(value or ""))
    queries, _ = load_queries(PROJECT_ROOT)
    words.update(word for query in queries if query.locale == locale for word in words_of(query.text))
    return sorted(words | (set(LUNR_JS_Y_RULE) if locale == "en" else set()))


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_python_and_lunr_js_stem_every_word_alike(built_site, locale):
    prefix = "" if locale == "en" else f"{locale}/"
    language = read_locale_index(built_site / prefix / INDEX_FILE)["lang"]
    words = vocabulary(built_site, prefix, locale)
    assert len(words) > 500
    scripts = [*LUNR_SCRIPTS, *([s.format(language) for s in LANGUAGE_SCRIPTS] if language != "en" else [])]
    with serve(built_site, deployed_path(built_site)) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}{prefix}index.html")
        for script in scripts:
            page.add_script_tag(url=f"{base}{prefix}{script}")
        in_browser = page.evaluate(JS_STEMS, [language, words])
    _, stem = stemmer(language)
    differ = [(word, js, stem(word)) for word, js in zip(words, in_browser, strict=True) if js != stem(word)]
    assert not differ, f"(word, lunr.js, Python) for {len(differ)} of {len(words)} words: {differ[:20]}"
