"""The expansion table: a MyThes thesaurus read as the build reads it, words the index already has
left out, the table kept within its budget, and a missing thesaurus named with its package."""

from __future__ import annotations

import pytest

from handbook.search import vocabulary
from handbook.search.vocabulary import ThesaurusMissing, expansion_table, load_thesaurus, weighted_words

THESAURUS = """UTF-8
shout|2
(verb)|yell|cry out|call (generic term)
(verb)|scream|whisper (antonym)
argue|1
(verb)|debate|quarrel|Argentina
"""


def stem(word: str) -> str:
    return word.removesuffix("ing").removesuffix("s")


@pytest.fixture
def thesaurus(tmp_path):
    path = tmp_path / "th_en_US_v2.dat"
    path.write_text(THESAURUS, encoding="utf-8")
    return load_thesaurus(path)


def test_single_lowercase_words_without_antonyms(thesaurus):
    assert thesaurus.entries == {"shout": ("yell", "call", "scream"), "argue": ("debate", "quarrel")}


def test_reader_words_the_index_lacks_are_listed_under_the_handbook_word(thesaurus):
    table = expansion_table("en", ["shouting", "argue"], {"shout", "argue", "quarrel"}, stem, thesaurus)
    assert table == "shout:yell,call,scream argue:debate"


def test_forms_the_stem_does_not_join_come_before_the_thesaurus_words(thesaurus):
    forms = {"shout": ("shouts", "shouted", "shouting"), "tell": ("told", "tells")}
    table = expansion_table("en", ["shout", "tell"], {"shout", "tell"}, stem, thesaurus, forms)
    assert table == "shout:shouted,yell,call,scream tell:told"


def test_forms_of_a_word_come_from_the_lemmatizers_dictionary():
    assert "told" in vocabulary.word_forms("en")["tell"]
    assert "ropte" in vocabulary.word_forms("nb")["rope"]
    assert vocabulary.word_forms("xx") == {}  # a language it has no dictionary of


def test_the_lemmatizers_dictionary_read_in_one_pass_gives_what_its_mapping_gives():
    from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

    dictionary = DEFAULT_DICTIONARY_FACTORY.get_dictionary("en")
    assert list(vocabulary._pairs(dictionary)) == list(dictionary.items())
    assert list(vocabulary._pairs({"told": "tell"})) == [("told", "tell")]  # any other mapping: its items


def test_the_table_stops_at_its_budget(thesaurus, monkeypatch):
    # The count reserves a separator after each word: "shout: yell, call," is 17 characters.
    monkeypatch.setattr(vocabulary, "TABLE_BUDGET", 17)
    assert expansion_table("en", ["shout", "argue"], {"shout"}, stem, thesaurus) == "shout:yell,call"


def test_title_words_come_first_and_words_in_most_sections_not_at_all():
    titles = [["refund"], [], [], [], []]
    texts = [["customer", "customer", "customer"], ["customer"], ["customer"], ["customer", "money"], []]
    assert weighted_words(titles, texts) == ["refund", "money"]


def test_a_missing_thesaurus_names_the_package_to_install(tmp_path):
    with pytest.raises(ThesaurusMissing, match="install Debian's mythes-en-us mythes-no"):
        load_thesaurus(tmp_path / "th_en_US_v2.dat")
