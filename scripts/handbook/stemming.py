"""Snowball stems and simplemma lemmas by locale, for the tools that join a word's inflections:
the search index (terms, compound parts, the expansion table) and `handbook term` (a translator's
lookup in another inflection). Kept apart from both, so a translator's tool does not import the
search."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from handbook.locales import base_language

# Snowball's algorithm by language; a locale not listed here is not stemmed.
SNOWBALL = {
    "en": "english",
    "nb": "norwegian",
    "nn": "norwegian",
    "no": "norwegian",
    "sv": "swedish",
    "da": "danish",
    "de": "german",
}


@cache
def _stemmer(locale: str) -> Any:
    import snowballstemmer  # its every algorithm, 40 ms: only when a word is stemmed, not at each build

    language = SNOWBALL.get(base_language(locale))
    return snowballstemmer.stemmer(language) if language else None


@lru_cache(maxsize=100_000)
def stem(locale: str, word: str) -> str:
    """`word`'s Snowball stem in `locale`'s language, or the word itself where none is known."""
    stemmer = _stemmer(locale)
    return stemmer.stemWord(word) if stemmer else word


# simplemma's language codes where they differ from the locale's.
LEMMA_LANGUAGE = {"no": "nb"}


def lemma_language(locale: str) -> str:
    return LEMMA_LANGUAGE.get(base_language(locale), base_language(locale))


@lru_cache(maxsize=100_000)
def lemma(locale: str, word: str) -> str:
    """`word`'s lemma by simplemma ("told" -> "tell", «kollegaene» -> «kollega»), or the word itself
    in a language simplemma does not know."""
    # Imported here: loading simplemma takes half a second, and most commands never need it.
    import simplemma

    try:
        return str(simplemma.lemmatize(word, lang=lemma_language(locale)))
    except ValueError:  # a language simplemma does not know
        return word
