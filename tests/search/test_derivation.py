"""Words of another word class: the verb of a Bokmål noun and the nouns of a verb ending in «-ere»,
only where the lemmatizer's dictionary has them, never from a root too short to be one, none in a
language without endings, and in the expansion table only where the handbook never uses them."""

from __future__ import annotations

import pytest

from handbook.search.derivation import derived
from handbook.search.vocabulary import expansion_table, load_thesaurus, word_forms


@pytest.fixture(scope="module")
def lemmas():
    return word_forms("nb")


def test_a_noun_leads_to_its_verb(lemmas):
    assert derived("nb", "kompensasjon", lemmas) == ["kompensere"]
    assert derived("nb", "kommunikasjon", lemmas) == ["kommunisere"]
    assert derived("nb", "unnskyldning", lemmas) == ["unnskylde"]


def test_a_noun_has_the_verb_of_its_longest_ending():
    assert derived("nb", "løsning", {"løse", "løsne"}) == ["løse"]  # «løs|ning», not «løsn|ing»


def test_a_verb_leads_to_its_nouns_only_where_its_ending_says_it_is_one(lemmas):
    assert derived("nb", "kompensere", lemmas) == ["kompensasjon", "kompensering"]
    assert derived("nb", "forklare", lemmas) == []  # «-e» ends as many other words: «time», «bare»
    assert derived("nb", "time", lemmas) == []


def test_only_words_of_the_dictionary_are_made_and_never_from_a_root_too_short():
    assert derived("nb", "kompensasjon", {"forklare"}) == []
    assert derived("nb", "kling", {"kle"}) == []  # «kl|ing»: «kle» is a word, and no verb of it


def test_a_language_without_endings_gets_none():
    assert derived("en", "compensation", {"compensate"}) == []
    assert derived("nn", "kompensasjon", {"kompensera", "kompensere"}) == []


@pytest.fixture
def no_thesaurus(tmp_path):
    empty = tmp_path / "th_nb_NO_v2.dat"
    empty.write_text("UTF-8\n", encoding="utf-8")
    return load_thesaurus(empty)


def test_the_table_lists_the_verb_under_the_noun_the_handbook_uses(no_thesaurus, lemmas):
    table = expansion_table("nb", ["kompensasjon"], {"kompensasjon"}, lambda word: word, no_thesaurus, lemmas)
    assert table.startswith("kompensasjon:") and "kompensere" in table.split(":")[1].split(",")


def test_a_verb_the_handbook_uses_stays_its_own(no_thesaurus, lemmas):
    # The handbook says «kommuniser»: «kommunisere» is its word, not «kommunikasjon»'s.
    table = expansion_table(
        "nb", ["kommunikasjon", "kommuniser"], {"kommunikasjon", "kommuniser"}, lambda word: word, no_thesaurus, lemmas
    )
    entries = dict(entry.split(":") for entry in table.split(" "))
    assert "kommunisere" not in entries.get("kommunikasjon", "").split(",")
    assert "kommunisere" in entries["kommuniser"].split(",")
