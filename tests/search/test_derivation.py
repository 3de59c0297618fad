"""Words of another word class: found both ways, only where the lemmatizer's dictionary has them,
never from a root too short to be one, and only in the languages whose endings are listed."""

from __future__ import annotations

from handbook.search.derivation import derived
from handbook.search.vocabulary import expansion_table, load_thesaurus, word_forms

LEMMAS = {"kompensere", "kompensasjon", "forklare", "forklaring", "beklage", "beklagelse", "ærlig", "ærlighet", "te"}


def test_a_noun_leads_to_its_verb_and_the_verb_to_its_nouns():
    assert derived("nb", "kompensasjon", LEMMAS) == ["kompensere"]
    assert derived("nb", "forklaring", LEMMAS) == ["forklare"]
    assert derived("nb", "beklage", LEMMAS) == ["beklagelse"]
    assert derived("nn", "ærlig", LEMMAS) == ["ærlighet"]


def test_a_noun_has_the_verb_of_its_longest_ending_and_a_verb_every_noun():
    lemmas = {"løsning", "løse", "løsne", "ansette", "ansetting", "ansettelse"}
    assert derived("nb", "løsning", lemmas) == ["løse"]  # «løs|ning», not «løsn|ing»
    assert derived("nb", "ansette", lemmas) == ["ansetting", "ansettelse"]


def test_only_words_of_the_dictionary_are_made():
    assert derived("nb", "kompensasjon", {"forklare"}) == []
    assert derived("nb", "ting", LEMMAS) == []  # «t|ing»: a root of one letter, though «te» is a word


def test_a_language_without_endings_gets_none():
    assert derived("en", "compensation", {"compensate"}) == []


def test_the_norwegian_table_lists_the_verb_under_the_noun_the_handbook_uses(tmp_path):
    empty = tmp_path / "th_nb_NO_v2.dat"
    empty.write_text("UTF-8\n", encoding="utf-8")
    table = expansion_table(
        "nb", ["kompensasjon"], {"kompensasjon"}, lambda word: word, load_thesaurus(empty), word_forms("nb")
    )
    assert table.startswith("kompensasjon:") and "kompensere" in table.split(":")[1].split(",")
