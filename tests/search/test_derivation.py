"""Words of another word class: the verb of a Bokmål noun, the nouns of a verb where its ending
says it is one, only where the lemmatizer's dictionary has them, never from a root too short to
be one, and none in a language without endings listed."""

from __future__ import annotations

from handbook.search.derivation import derived
from handbook.search.vocabulary import expansion_table, load_thesaurus, word_forms

LEMMAS = {"kompensere", "kompensasjon", "forklare", "forklaring", "beklage", "beklagelse", "ærlig", "ærlighet"}


def test_a_noun_leads_to_its_verb():
    assert derived("nb", "kompensasjon", LEMMAS) == ["kompensere"]
    assert derived("nb", "forklaring", LEMMAS) == ["forklare"]
    assert derived("nb", "ærlighet", LEMMAS) == ["ærlig"]


def test_a_noun_has_the_verb_of_its_longest_ending():
    assert derived("nb", "løsning", {"løse", "løsne"}) == ["løse"]  # «løs|ning», not «løsn|ing»


def test_a_verb_leads_to_its_nouns_only_where_its_ending_says_it_is_one():
    assert derived("nb", "kompensere", LEMMAS) == ["kompensasjon"]
    assert derived("nb", "beklage", LEMMAS) == ["beklagelse"]
    assert derived("nb", "forklare", LEMMAS) == []  # «-e» ends as many other words: «time», «neste»
    assert derived("nb", "ærlig", LEMMAS) == []  # nor a noun of an adjective: «egen», «egenhet»


def test_only_words_of_the_dictionary_are_made_and_never_from_a_root_too_short():
    assert derived("nb", "kompensasjon", {"forklare"}) == []
    assert derived("nb", "kling", {"kle"}) == []  # «kl|ing»: «kle» is a word, and no verb of it
    assert derived("nb", "være", {"værelse"}) == []  # «vær|else»: «værelse» is a room


def test_a_language_without_endings_gets_none():
    assert derived("en", "compensation", {"compensate"}) == []
    assert derived("nn", "kompensasjon", {"kompensera", "kompensere"}) == []


def test_the_table_lists_the_verb_under_the_noun_the_handbook_uses(tmp_path):
    empty = tmp_path / "th_nb_NO_v2.dat"
    empty.write_text("UTF-8\n", encoding="utf-8")
    thesaurus = load_thesaurus(empty)
    table = expansion_table("nb", ["kompensasjon"], {"kompensasjon"}, lambda word: word, thesaurus, word_forms("nb"))
    assert table.startswith("kompensasjon:") and "kompensere" in table.split(":")[1].split(",")
