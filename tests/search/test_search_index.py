"""The enriched per-locale search index: compound parts, synonyms, section names, what is left out."""

from __future__ import annotations

import json

import pytest

from handbook.search.index import (
    INDEX_FILE,
    SECTION_SEPARATOR,
    STUB_FILE,
    Decompounder,
    expansion_words,
    expansions,
    read_locale_index,
)
from handbook.search.lunr_index import stemmer
from handbook.termbase import load_termbase
from tests.helpers import PROJECT_ROOT

VOCABULARY = {
    "salg",
    "samtale",
    "telefon",
    "kunde",
    "opplysninger",
    "service",
    "gjenoppretting",
    "trinn",
    "svikt",
    "tro",
    "verdighet",
    "mangle",
    "ende",
    "liste",
    "sjekk",
    "spørsmål",
}


@pytest.fixture(scope="module")
def termbase(registry):
    loaded, problems = load_termbase(PROJECT_ROOT, registry.locales)
    assert problems == []
    return loaded


@pytest.fixture(scope="module")
def splitter(termbase):
    protected = {w for term in termbase.terms if "nb" in term for w in term.get("nb").split()}
    return Decompounder("nb", VOCABULARY, protected)


@pytest.mark.parametrize(
    "word, parts",
    [
        ("salgssamtale", ["salg", "samtale"]),
        ("salgssamtalen", ["salg", "samtalen"]),
        ("telefonsamtale", ["telefon", "samtale"]),
        ("kundeopplysninger", ["kunde", "opplysninger"]),
        ("servicegjenopprettingen", ["service", "gjenopprettingen"]),
        ("gjenopprettingstrinnene", ["gjenoppretting", "trinnene"]),
    ],
)
def test_compounds_split_into_the_handbooks_own_words(splitter, word, parts):
    assert splitter.parts(word) == parts


@pytest.mark.parametrize("word", ["troverdighet", "manglende", "kompensasjon", "oppfølging", "opplæring", "samtale"])
def test_no_wrong_splits(splitter, word):
    assert splitter.parts(word) == []


def test_termbase_terms_split_only_into_termbase_sized_words(splitter, termbase):
    splits = {t.get("nb"): splitter.parts(t.get("nb")) for t in termbase.terms if "nb" in t and " " not in t.get("nb")}
    assert {term: parts for term, parts in splits.items() if parts} == {
        "servicegjenoppretting": ["service", "gjenoppretting"],
        "gjenopprettingstrinn": ["gjenoppretting", "trinn"],
        "sjekkliste": ["sjekk", "liste"],
        "servicesvikt": ["service", "svikt"],
    }


def test_synonyms_variants_and_forbidden_words_lead_to_their_terms(termbase):
    assert "reimburse" in expansion_words("en", "Offer compensation", expansions(termbase, "en"))
    assert (
        expansion_words("en", "Compensation, and compensation again", expansions(termbase, "en")).count("refund") == 2
    )
    assert "apologise" in expansion_words("en", "Apologize at the start", expansions(termbase, "en"))  # a variant
    norwegian = expansions(termbase, "nb")
    assert "omtanke" in expansion_words("nb", "Vis empati", norwegian)
    assert "medfølelse" in expansion_words("nb", "Vis empati", norwegian)  # forbidden word -> its `use` term
    assert "veisperring" in expansion_words("nb", "Hindringer for servicegjenoppretting", norwegian)
    assert "med en gang" in expansion_words("nb", "Handle med én gang", norwegian)


def test_a_term_is_found_by_its_words_in_the_other_languages(termbase):
    """Staff type the English term into the Norwegian handbook ("follow up"), and the other way round."""
    norwegian, english = expansions(termbase, "nb"), expansions(termbase, "en")
    assert {"follow up", "check in"} <= set(expansion_words("nb", "Følg opp", norwegian))
    assert "oppfølging" in expansion_words("en", "A follow-up call", english)
    assert "follow up" not in expansion_words("en", "Follow up", english)  # its own language
    # Not a phrase with a word of the reader's own language: «fast» (fixed) would find step 2.
    assert "act fast" not in expansion_words("nb", "Handle med én gang", norwegian)
    assert "handle med én gang" not in expansion_words("en", "Take immediate action", english)


def full_index(site, prefix):
    return read_locale_index(site / prefix / INDEX_FILE)


@pytest.mark.parametrize(
    "prefix, title",
    [
        ("", "Lack of training › What to do"),
        ("nb", "Manglende opplæring › Dette kan du gjøre"),
    ],
)
def test_built_index_names_subsections_and_leaves_out_generated_pages(built_site, prefix, title):
    docs = full_index(built_site, prefix)["docs"]
    assert title in [doc["title"] for doc in docs]
    assert not [doc for doc in docs if doc["location"].split("#")[0] in ("glossary.html", "translation-status.html")]
    stub = json.loads((built_site / prefix / STUB_FILE).read_text(encoding="utf-8"))
    # Relative to the locale root: each locale's worker lives in its own scope (see handbook.plugin.offline).
    assert stub["docs"] == [] and stub["config"]["index"] == INDEX_FILE


@pytest.mark.parametrize("prefix", ["", "nb"])
def test_built_index_marks_the_sections_on_what_goes_wrong(built_site, prefix, registry):
    """Pitfall concepts (roadblocks, mistakes) and their subsections, nothing else; and the
    locale's negations, which make the worker rank them first."""
    index = full_index(built_site, prefix)
    marked = {index["docs"][ref]["location"] for ref in index["pitfalls"]}
    sections = {location.split("#")[1] for location in marked if "#" in location}
    assert {"roadblock-lack-of-training", "mistake-arguing"} <= sections
    assert not sections & {concept.id for concept in registry.concepts if not concept.kind.pitfall}
    assert len(marked) > len(registry.pitfall_ids)  # their subsections ("What to do") too
    assert all(location.split("#")[0] in ("roadblocks.html", "mistakes.html") for location in marked)
    assert ("ikke" if prefix else "didn't") in index["negations"].split()


@pytest.mark.parametrize("prefix, question", [("", "how much"), ("nb", "hvor mye")])
def test_built_index_ships_the_locales_questions_of_amount(built_site, prefix, question):
    """The worker counts "how much" typed together as stop words; the pairs come with the index."""
    assert question in full_index(built_site, prefix)["questions"].split(",")


@pytest.mark.parametrize("prefix", ["", "nb"])
def test_built_index_pairs_each_subsection_with_its_section(built_site, prefix):
    """The worker scores a section and its subsections as one text: every subsection ("Poor
    communication › What to do") is paired with its section, on the same page, and nothing else is."""
    index = full_index(built_site, prefix)
    docs = index["docs"]
    pairs = {docs[sub]["location"]: docs[section]["location"] for sub, section in index["sections"]}
    subsections = {doc["location"] for doc in docs if SECTION_SEPARATOR in doc["title"]}
    assert set(pairs) == subsections
    assert "roadblocks.html#roadblock-poor-communication" in pairs.values()
    for sub, section in index["sections"]:
        assert docs[sub]["title"].startswith(docs[section]["title"] + SECTION_SEPARATOR)
        assert docs[sub]["location"].split("#")[0] == docs[section]["location"].split("#")[0]


def test_built_norwegian_index_carries_compound_parts(built_site):
    index = full_index(built_site, "nb")
    ref = next(n for n, doc in enumerate(index["docs"]) if doc["title"] == "5. Følg opp › Se opp for")
    _, stem = stemmer("no")
    assert ref in documents_with(index["index"], stem("samtale"), "extra")  # from «salgssamtale» in its text
    assert ref not in documents_with(index["index"], stem("samtale"), "text")


def documents_with(compact: dict, term: str, field: str) -> set[int]:
    """The documents whose `field` has `term`, from the index as the site ships it (see lunr_index.compact)."""
    entry = next(entry for entry in compact["postings"] if entry[0] == term)
    steps = entry[2 + compact["fields"].index(field)]
    return {sum(steps[: n + 1]) for n in range(len(steps))}


def test_malformed_synonyms_are_reported_with_their_line(tmp_path):
    (tmp_path / "termbase.yml").write_text(
        "terms:\n  - {en: refund, nb: refusjon}\n"
        "  - {en: compensation, nb: kompensasjon, synonyms: {en: refund}}\nforbidden: {}\n",
        encoding="utf-8",
    )
    _, problems = load_termbase(tmp_path, ("en", "nb"))
    assert [p.format() for p in problems] == [
        "*:termbase.yml:3: termbase: 'synonyms' must map locale codes to lists of words, e.g. {nb: [word, other word]}"
    ]
