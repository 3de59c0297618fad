"""The words of another word class that a handbook word's stem does not join.

Readers often type the verb where the page has the noun («kompensere» for «kompensasjon»), or
the noun where it has the verb («beklagelse» for «beklage»). English Snowball joins most such
pairs ("compensate" and "compensation" share a stem); Norwegian Snowball removes inflections
only, so without this table «kompensere» found nothing at all.

Each pair of endings below turns a word of one class into its counterpart of the other, both
ways. A candidate is kept only if simplemma's dictionary lists it as a word of its own (a
lemma), so the rules never make up a word: «ring» does not lead to «re».
"""

from __future__ import annotations

from collections.abc import Collection

from handbook.locales import base_language

# (noun ending, verb or adjective ending) by language, the longer ending first where two overlap.
ENDINGS = {
    "no": (
        ("kasjon", "sere"),  # kommunikasjon, kommunisere
        ("asjon", "ere"),  # kompensasjon, kompensere
        ("ering", "ere"),  # rekruttering, rekruttere
        ("tning", "tte"),  # erstatning, erstatte
        ("ning", "e"),  # unnskyldning, unnskylde
        ("ing", "e"),  # forklaring, forklare
        ("else", "e"),  # beklagelse, beklage
        ("sel", "e"),  # oppførsel, oppføre
        ("het", ""),  # ærlighet, ærlig
    ),
}
LANGUAGES = {"nb": "no", "nn": "no", "no": "no"}
MIN_ROOT = 3  # letters left when an ending is taken off: «ting» is no verbal noun of «te»


def derived(locale: str, word: str, lemmas: Collection[str]) -> list[str]:
    """The lemmas of `lemmas` that `word` turns into by one pair of ENDINGS, either way. A noun
    has one verb, from its longest ending that makes one («løs|ning»: «løse», not «løsne»); a
    verb may have several nouns («ansetting», «ansettelse»)."""
    pairs = ENDINGS.get(LANGUAGES.get(base_language(locale), ""), ())
    verb = next((found for noun, other in pairs for found in _turned(word, noun, other, lemmas)), None)
    nouns = [found for noun, other in pairs for found in _turned(word, other, noun, lemmas)]
    return list(dict.fromkeys([verb, *nouns] if verb else nouns))


def _turned(word: str, ending: str, counterpart: str, lemmas: Collection[str]) -> list[str]:
    """`word` with `ending` turned into `counterpart`, if that makes a lemma of `lemmas`."""
    if not word.endswith(ending) or len(word) - len(ending) < MIN_ROOT:
        return []
    candidate = word[: len(word) - len(ending)] + counterpart
    return [candidate] if candidate != word and candidate in lemmas else []
