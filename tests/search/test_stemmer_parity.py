"""The index is stemmed in Python at build time, the words a reader types in the browser by lunr.js:
both must give every word of the handbook the same stem, or a typed word would miss its section."""

from __future__ import annotations

import pytest

from handbook.search.index import INDEX_FILE, plain_text, read_locale_index
from handbook.search.lunr_index import build_index, stemmer, words
from handbook.search.vocabulary import load_thesaurus, thesaurus_path
from handbook.termbase import load_termbase
from handbook_bench.relevance import load_queries
from handbook_bench.site_server import serve
from handbook_bench.support import chromium
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
# Thesaurus words that lunr.js's Norwegian stemmer (an older Snowball) cuts otherwise than
# snowballstemmer 3: the expansion table misses them, which costs a synonym, not a section.
THESAURUS_DIFFERENCES = {"nb": {"avers"}}
# Words lunr.py's own Porter stemmer gets wrong for lunr.js: they must be right here.
LUNR_JS_Y_RULE = ("try", "why", "always", "say", "day", "keys", "money", "apology")


def vocabulary(site, prefix: str, locale: str) -> list[str]:
    """Every word of the locale's index documents, its termbase words, its test queries and the
    thesaurus words of the documents' words (the expansion table's keys are their stems), cut
    into words as the index cuts them before stemming."""
    index = read_locale_index(site / prefix / INDEX_FILE)
    texts = [plain_text(f"{doc['title']} {doc['text']}") for doc in index["docs"]]
    termbase, _ = load_termbase(PROJECT_ROOT, ("en", "nb"))
    for term in termbase.terms:
        texts += [term.get(locale), *term.synonyms.get(locale, ()), *term.variants.get(locale, ())]
    queries, _ = load_queries(PROJECT_ROOT)
    texts += [query.text for query in queries if query.locale == locale]
    found = {word for text in texts for word in words(text, index["separator"])}
    thesaurus = load_thesaurus(thesaurus_path(locale))
    readers = {reader for word in found for reader in thesaurus.entries.get(word, ())}
    found |= readers - THESAURUS_DIFFERENCES.get(locale, set())
    return sorted(found | (set(LUNR_JS_Y_RULE) if locale == "en" else set()))


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_python_and_lunr_js_stem_every_word_alike(built_site, locale):
    prefix = "" if locale == "en" else f"{locale}/"
    language = read_locale_index(built_site / prefix / INDEX_FILE)["lang"]
    vocabulary_words = vocabulary(built_site, prefix, locale)
    assert len(vocabulary_words) > 500
    scripts = [*LUNR_SCRIPTS, *([s.format(language) for s in LANGUAGE_SCRIPTS] if language != "en" else [])]
    with serve(built_site, deployed_path(built_site)) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}{prefix}index.html")
        for script in scripts:
            page.add_script_tag(url=f"{base}{prefix}{script}")
        in_browser = page.evaluate(JS_STEMS, [language, vocabulary_words])
    _, stem = stemmer(language)
    differ = [(w, js, stem(w)) for w, js in zip(vocabulary_words, in_browser, strict=True) if js != stem(w)]
    assert not differ, f"(word, lunr.js, Python) for {len(differ)} of {len(vocabulary_words)} words: {differ[:20]}"


def test_lunr_js_loads_terms_that_sort_differently_in_javascript(built_site):
    """Python sorts by code point, JavaScript by UTF-16 unit: U+1D465 before U+FB01 only in the latter."""
    text = "a\U0001d465b a\ufb01 plain"
    index = build_index([{"title": text, "title_extra": "", "text": "", "extra": ""}], "en", r"[\s\-]+")
    with serve(built_site, deployed_path(built_site)) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}index.html")
        for script in (*LUNR_SCRIPTS, "assets/javascripts/search-engine.js"):
            page.add_script_tag(url=f"{base}{script}")
        found = page.evaluate("data => lunr.Index.load(expand(data)).search('a\\ufb01').length", index)
    assert found == 1
