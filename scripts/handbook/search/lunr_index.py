"""A locale's lunr index, built at build time so that the browser only loads it.

Built in the browser, the index of a large handbook took most of the first search's time on a
slow phone (0.7 s of CPU for 1,000 pages, slowed down 4×); loading a built one takes a tenth of
that. It is built with lunr.py, the Python port of lunr.js, whose serialised indexes lunr.js
loads as they are.

The search worker stems the words a reader types with lunr.js's stemmers, so the index's terms
must be stemmed exactly as they would be there: English with lunr.js's Porter stemmer (lunr.py's
differs from it in one step, put right below), Norwegian with snowballstemmer's, the algorithm
lunr-languages ports. `tests/search/test_stemmer_parity.py` compares both sides in Chromium on
every word of each locale's index, termbase and test queries.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.stemmer import PorterStemmer
from lunr.token import Token

# What the worker indexes per section, and how much a match in each counts.
FIELD_BOOSTS = {"title": 8, "title_extra": 8, "text": 1, "extra": 1}
# Languages whose lunr-languages stemmer gives the same stems as snowballstemmer's algorithm,
# checked word by word (tests/search/test_stemmer_parity.py). Not every pair does: snowballstemmer
# 3's "dutch" and "german" are newer algorithms than lunr-languages' ports. A language that is not
# here is stemmed as English on both sides, which at least agrees.
SNOWBALL_ALGORITHMS = {"no": "norwegian"}
EDGE = re.compile(r"^[\W_]+|[\W_]+$")  # what the worker trims off a typed word: anything but letters and digits
VOWELS = "aeiou"
LUNR_VERSION = "2.3.9"  # the lunr.js the worker loads (overrides/assets/javascripts/vendor/lunr.min.js)


class LunrJsPorterStemmer(PorterStemmer):  # type: ignore[misc]
    """lunr.js's English stemmer: Porter's, except for a final y, which lunr.js turns into i only
    after a consonant that is not the word's first letter ("try" → "tri", "say" and "by" stay)."""

    b: str  # the word being stemmed
    k: int  # the index of its last letter

    def step1c(self) -> None:
        word = self.b
        if self.k >= 2 and word[self.k] == "y" and word[self.k - 1] not in VOWELS:
            self.b = word[: self.k] + "i" + word[self.k + 1 :]


class UnknownLanguage(Exception):
    """There is no stemmer here for a lunr language."""


@cache
def stemmer(lunr_language: str) -> tuple[str, Callable[[str], str]]:
    """The label lunr.js knows a language's stemmer by, and the same stemmer in Python."""
    if lunr_language == "en":
        porter = LunrJsPorterStemmer()
        return "stemmer", lambda word: str(porter.stem(word))
    algorithm = SNOWBALL_ALGORITHMS.get(lunr_language)
    if algorithm is None:
        raise UnknownLanguage(f"no stemmer for the lunr language {lunr_language!r}")
    import snowballstemmer  # its every algorithm, 40 ms: only when an index is built

    snowball = snowballstemmer.stemmer(algorithm)
    return f"stemmer-{lunr_language}", lambda word: str(snowball.stemWord(word))


def words(text: str, separator: str) -> list[str]:
    """A field's words as the worker reads a query: split on the separator, lowercased, trimmed."""
    trimmed = (EDGE.sub("", word) for word in re.split(separator, text.lower()))
    return [word for word in trimmed if word]


def terms(text: str, separator: str, stem: Callable[[str], str]) -> list[str]:
    """The index terms of a field: its words, stemmed (cached: most words of a handbook recur)."""
    return [_stemmed(stem, word) for word in words(text, separator)]


@cache
def _stemmed(stem: Callable[[str], str], word: str) -> str:
    return stem(word)


def build_index(docs: list[dict[str, str]], lunr_language: str, separator: str) -> dict[str, Any]:
    """The serialised lunr index of `docs` (each with the FIELD_BOOSTS fields, as plain text);
    a document's ref is its position in `docs`."""
    label, stem = stemmer(lunr_language)
    if not docs:  # lunr.py cannot build an empty index; lunr.js loads this one
        vectors: dict[str, list[Any]] = {field: [] for field in FIELD_BOOSTS}
        return {
            "version": LUNR_VERSION,
            "fields": list(FIELD_BOOSTS),
            "pipeline": [label],
            "vectors": vectors,
            "postings": [],
        }
    builder = Builder()
    builder.ref("ref")
    for field, boost in FIELD_BOOSTS.items():
        builder.field(field, boost=boost)
    builder.search_pipeline.add(_labelled(label))
    for number, doc in enumerate(docs):
        # Terms are given ready-made (a list is not tokenised again): the pipeline stays empty.
        builder.add({"ref": str(number), **{field: terms(doc[field], separator, stem) for field in FIELD_BOOSTS}})
    return compact(builder.build().serialize(), len(docs))


def compact(index: dict[str, Any], doc_count: int) -> dict[str, Any]:
    """lunr's serialised index in fewer bytes, as the worker expands it back (`expand` in
    search-worker.js) before lunr.js loads it: a field's vectors as one list in document order
    (empty where a field has no terms), and each term's postings as its `_index` and, per field,
    the documents that contain it, each as the difference from the one before."""
    fields = index["fields"]
    vectors = dict(index["fieldVectors"])
    postings = []
    # lunr.js inserts the terms into its token set in JavaScript's string order (UTF-16 code
    # units), which differs from Python's (code points) for characters beyond U+FFFF.
    for term, posting in sorted(index["invertedIndex"], key=lambda entry: entry[0].encode("utf-16-be")):
        entry = [term, posting["_index"]]
        for field in fields:
            refs = sorted(int(ref) for ref in posting[field])
            entry.append([ref - before for ref, before in zip(refs, [0, *refs], strict=False)])
        postings.append(entry)
    return {
        "version": index["version"],
        "fields": fields,
        "pipeline": index["pipeline"],
        "vectors": {field: [vectors.get(f"{field}/{number}", []) for number in range(doc_count)] for field in fields},
        "postings": postings,
    }


def _labelled(label: str) -> Callable[..., Token]:
    """The search pipeline's stemmer: lunr.py writes it as its label, and lunr.js runs its own
    stemmer of that name on the words a reader types."""
    if label not in Pipeline.registered_functions:
        Pipeline.register_function(lambda token, i=None, tokens=None: token, label)
    function: Callable[..., Token] = Pipeline.registered_functions[label]
    return function
