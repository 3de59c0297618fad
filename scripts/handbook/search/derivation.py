"""The words of another word class that a handbook word's stem does not join.

Readers often type the verb where the page has the noun («kompensere» for «kompensasjon»), or
the noun where it has the verb («informasjon» for «informere»). English Snowball joins most such
pairs ("compensate" and "compensation" share a stem); Norwegian Snowball joins some («beklage»,
«beklagelse»; «ærlig», «ærlighet») but not these, so «kompensere» found nothing at all.

A handbook word ending in a noun ending of ENDINGS leads to the verb it is made from, by the
longest ending that makes one. A verb leads to its nouns only through the pairs marked as going
both ways: a word ending in «-e» is as often no verb («time», «neste», «bare»), but one ending
in «-ere» is a verb. A candidate is kept only if simplemma's dictionary lists it as a word of its
own (a lemma): no rule makes up a word. Only Bokmål has endings here; Nynorsk's differ
(«kompensera»).
"""

from __future__ import annotations

from collections.abc import Collection

from handbook.stemming import lemma_language

# By simplemma's language code: (noun ending, verb ending, whether a verb leads to the noun too),
# the longer noun ending first where two overlap, since a noun has one verb («løs|ning»: «løse»).
ENDINGS = {
    "nb": (
        ("kasjon", "sere", True),  # kommunikasjon, kommunisere
        ("asjon", "ere", True),  # kompensasjon, kompensere
        ("ering", "ere", True),  # rekruttering, rekruttere
        ("tning", "tte", False),  # erstatning, erstatte
        ("ning", "e", False),  # unnskyldning, unnskylde
        ("ing", "e", False),  # forklaring, forklare
    ),
}
MIN_ROOT = 3  # letters left when an ending is taken off: «ting» is no noun of «te»


def derived(locale: str, word: str, lemmas: Collection[str]) -> list[str]:
    """The lemmas of `lemmas` that `word` turns into: the verb of a noun, the nouns of a verb."""
    pairs = ENDINGS.get(lemma_language(locale), ())
    verbs = (_turned(word, noun, verb, lemmas) for noun, verb, _ in pairs)
    first_verb = next((found for found in verbs if found), [])
    nouns = [found for noun, verb, both in pairs if both for found in _turned(word, verb, noun, lemmas)]
    return list(dict.fromkeys([*first_verb, *nouns]))


def _turned(word: str, ending: str, counterpart: str, lemmas: Collection[str]) -> list[str]:
    """`word` with `ending` turned into `counterpart`, if at least MIN_ROOT letters are left and
    that makes a lemma of `lemmas`."""
    if not word.endswith(ending) or len(word) - len(ending) < MIN_ROOT:
        return []
    candidate = word[: len(word) - len(ending)] + counterpart
    return [candidate] if candidate in lemmas else []
