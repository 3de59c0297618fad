"""The words of another word class that a handbook word's stem does not join.

Readers often type the verb where the page has the noun («kompensere» for «kompensasjon»), or
the noun where it has the verb («beklagelse» for «beklage»). English Snowball joins most such
pairs ("compensate" and "compensation" share a stem); Norwegian Snowball removes inflections
only, so without these «kompensere» found nothing at all.

A handbook word ending in a noun ending of TO_VERB leads to the verb it is made from; one ending
in a verb ending of TO_NOUN, to the noun made from it. The second list is the shorter: a word
ending in «-e» is as often no verb («time», «neste», «bare»), so only the endings that mark a
verb («-ere») or make a noun of nothing else («-else» after a root of four letters or more) are
turned into nouns. A candidate is kept only if simplemma's dictionary lists it as a word of its
own (a lemma): no rule makes up a word. Only Bokmål has endings here; Nynorsk's differ
(«kompensera», «ærleg»).
"""

from __future__ import annotations

from collections.abc import Collection

from handbook.stemming import lemma_language

# By simplemma's language code: (noun ending, verb ending), the longer noun ending first where
# two overlap, since a noun has one verb: its longest ending that makes one («løs|ning»: «løse»).
TO_VERB = {
    "nb": (
        ("kasjon", "sere"),  # kommunikasjon, kommunisere
        ("asjon", "ere"),  # kompensasjon, kompensere
        ("ering", "ere"),  # rekruttering, rekruttere
        ("tning", "tte"),  # erstatning, erstatte
        ("ning", "e"),  # unnskyldning, unnskylde
        ("ing", "e"),  # forklaring, forklare
        ("else", "e"),  # beklagelse, beklage
        ("sel", "e"),  # oppførsel, oppføre
        ("het", ""),  # ærlighet, ærlig (an adjective)
    ),
}
# By simplemma's language code: (verb ending, noun ending); a verb may have several nouns.
TO_NOUN = {
    "nb": (
        ("sere", "kasjon"),  # kommunisere, kommunikasjon
        ("ere", "asjon"),  # informere, informasjon
        ("ere", "ering"),  # rekruttere, rekruttering
        ("e", "else"),  # beklage, beklagelse
    ),
}
MIN_ROOT = 3  # letters left when an ending is taken off: «ting» is no noun of «te»
MIN_NOUN_ROOT = 4  # ... and when a noun is made of a word: «være» has no «værelse»


def derived(locale: str, word: str, lemmas: Collection[str]) -> list[str]:
    """The lemmas of `lemmas` that `word` turns into: the verb of a noun, the nouns of a verb."""
    language = lemma_language(locale)
    verbs = (_turned(word, noun, verb, lemmas, MIN_ROOT) for noun, verb in TO_VERB.get(language, ()))
    first_verb = next((found for found in verbs if found), [])
    nouns = (_turned(word, verb, noun, lemmas, MIN_NOUN_ROOT) for verb, noun in TO_NOUN.get(language, ()))
    return list(dict.fromkeys([*first_verb, *(found for turned in nouns for found in turned)]))


def _turned(word: str, ending: str, counterpart: str, lemmas: Collection[str], root: int) -> list[str]:
    """`word` with `ending` turned into `counterpart`, if at least `root` letters are left and that
    makes a lemma of `lemmas`."""
    if not word.endswith(ending) or len(word) - len(ending) < root:
        return []
    candidate = word[: len(word) - len(ending)] + counterpart
    return [candidate] if candidate in lemmas else []
