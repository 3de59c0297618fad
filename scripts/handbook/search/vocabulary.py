"""The words readers type that the handbook does not use, mapped to the words it does.

Readers type a common synonym («yell» for "shout"), another word class, or a general word for a
specific one; when such a word matches nothing at all, the search worker searches the handbook's
own words this table maps it to. The table is built here, at build time, from well-kept
resources rather than from hand-made lists:

- the LibreOffice thesauri Debian ships (`mythes-en-us`, made from Princeton WordNet: synonyms,
  similar, related and generic terms; `mythes-no`, the Norwegian Bokmål and Nynorsk thesauri);
- simplemma's lemmatizer, so that an inflected word of the handbook («kunder», "apologizing")
  finds its thesaurus entry («kunde», "apologize"), and its dictionary turned round, so that
  the forms of a handbook word that its stem does not join ("told" for "tell", «ropte» for
  «rope») lead to it;
- the words of another word class that its stem does not join («kompensere» for
  «kompensasjon»: `derivation.py`), each a word of simplemma's dictionary.

Only the handbook's weightiest words are looked up (title words first, then by how often they
occur) until the table reaches `TABLE_BUDGET` characters, so the first search stays small at
any size of handbook. The table ships inside the locale's index (`handbook_index.js`) as
`"handbook word:reader word,reader word …"`, the reader words stemmed as the worker stems them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from handbook.locales import base_language
from handbook.search.derivation import derived
from handbook.stemming import lemma, lemma_language

# Debian's thesaurus files (packages mythes-en-us and mythes-no) by locale; a locale not listed
# here has no thesaurus, and its table comes out empty.
MYTHES_DIR = Path("/usr/share/mythes")
THESAURI = {"en": "th_en_US_v2.dat", "nb": "th_nb_NO_v2.dat", "no": "th_nb_NO_v2.dat", "nn": "th_nn_NO_v2.dat"}
THESAURUS_PACKAGES = "mythes-en-us mythes-no"
TABLE_BUDGET = 21_000  # characters of the shipped table (about 10 KiB gzipped on its own)
MIN_WORD = 4  # shorter words are mostly function words, and their synonyms noise
TITLE_WEIGHT = 8  # as the title's boost in the index
MAX_SHARE = 0.1  # of the sections: a word found in more names no topic
MIN_SECTIONS = 3  # ... except in a handbook so small that every word is in a few sections
MAX_SENSES = 2  # per headword: the first senses are the common ones ("tool": implement, instrument)
MAX_READER_WORDS = 12  # per headword, the nearest first
SKIPPED_RELATIONS = ("(antonym)",)
RELATION = re.compile(r"\s*\(.*?\)")
LETTERS = re.compile(r"^[^\W\d_]+$")


class ThesaurusMissing(Exception):
    """A locale has a thesaurus in THESAURI, but its file is not installed."""


class Entries(Mapping[str, tuple[str, ...]]):
    """Headword -> its single words, each headword's read when first asked for: a build asks for
    a few thousand of a thesaurus's tens of thousands, and reading them all took a second."""

    def __init__(self, senses: dict[str, list[str]]) -> None:
        self._senses = senses
        self._read: dict[str, tuple[str, ...]] = {}

    def __getitem__(self, head: str) -> tuple[str, ...]:
        if head not in self._read:
            self._read[head] = _single_words(self._senses[head])
        return self._read[head]

    def __iter__(self) -> Iterator[str]:
        return iter(self._senses)

    def __len__(self) -> int:
        return len(self._senses)


@dataclass(frozen=True)
class Thesaurus:
    """Single-word entries of a MyThes thesaurus: each headword's words, in the file's order."""

    entries: Mapping[str, tuple[str, ...]]


def thesaurus_path(locale: str) -> Path | None:
    name = THESAURI.get(locale) or THESAURI.get(base_language(locale))
    return MYTHES_DIR / name if name else None


@cache
def load_thesaurus(path: Path) -> Thesaurus:
    """A MyThes `.dat` file: its first line names the encoding, then each headword `word|n` is
    followed by n lines of `(part of speech)|word|word (relation)|…`."""
    if not path.is_file():
        raise ThesaurusMissing(f"{path} is missing: install Debian's {THESAURUS_PACKAGES} (apt-get install)")
    raw = path.read_bytes()
    encoding = raw[: raw.find(b"\n")].decode("ascii").strip() or "utf-8"
    lines = raw.decode(encoding).split("\n")[1:]
    senses_of: dict[str, list[str]] = {}
    number = 0
    while number < len(lines):
        head, _, count = lines[number].rpartition("|")
        senses = lines[number + 1 : number + 1 + int(count or 0)]
        number += 1 + len(senses)
        if head and LETTERS.match(head):
            senses_of.setdefault(head.lower(), senses)
    return Thesaurus(Entries(senses_of))


def _single_words(senses: list[str]) -> tuple[str, ...]:
    found: list[str] = []
    for sense in senses[:MAX_SENSES]:
        for item in sense.split("|")[1:]:
            if any(relation in item for relation in SKIPPED_RELATIONS):
                continue
            word = RELATION.sub("", item).strip()
            if LETTERS.match(word) and word.islower() and word not in found:  # proper nouns are capitalised
                found.append(word)
    return tuple(found[:MAX_READER_WORDS])


@cache
def word_forms(locale: str) -> dict[str, tuple[str, ...]]:
    """Each lemma of simplemma's dictionary of the locale's language, with its forms ("tell":
    "telling", "tells", "told"); empty for a language simplemma has no dictionary of."""
    # The factory simplemma.lemmatize reads too: each language's dictionary is decoded once.
    from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

    try:
        dictionary = DEFAULT_DICTIONARY_FACTORY.get_dictionary(lemma_language(locale))
    except ValueError:
        return {}
    forms: dict[str, list[str]] = defaultdict(list)
    for form, lemma_of_form in _pairs(dictionary):
        forms[lemma_of_form].append(form)
    return {lemma_of_form: tuple(found) for lemma_of_form, found in forms.items()}


def _pairs(dictionary: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """(form, lemma) of a simplemma dictionary. Its Mapping looks each form up again while
    iterating (0.6 s for English and Norwegian together); the bytes it holds, when it is the
    version this was written for, are read in one pass and decoded the same way (0.25 s)."""
    raw = getattr(dictionary, "_dict", None)
    if isinstance(raw, dict) and all(isinstance(item, bytes) for item in next(iter(raw.items()), (b"", b""))):
        return ((form.decode(), lemma_of_form.decode()) for form, lemma_of_form in raw.items())
    return iter(dictionary.items())


def weighted_words(titles: list[list[str]], texts: list[list[str]]) -> list[str]:
    """The handbook's words, weightiest first (a title word counts as TITLE_WEIGHT occurrences),
    leaving out those in more than MAX_SHARE of the sections: words such as «dette» or "work"
    name no topic, and their synonyms («dump» for «dette», to fall) would only mislead."""
    weight: Counter[str] = Counter()
    sections: Counter[str] = Counter()
    for title, text in zip(titles, texts, strict=True):
        weight.update({w: TITLE_WEIGHT for w in title})
        weight.update(text)
        sections.update(set(title) | set(text))
    limit = max(MIN_SECTIONS, MAX_SHARE * len(titles))
    kept = [w for w in weight if _is_word(w) and sections[w] <= limit]
    return sorted(kept, key=lambda w: (-weight[w], w))


def _is_word(word: str) -> bool:
    return len(word) >= MIN_WORD and bool(LETTERS.match(word))


def expansion_table(
    locale: str,
    words: list[str],
    indexed: set[str],
    stem: Callable[[str], str],
    thesaurus: Thesaurus,
    forms: dict[str, tuple[str, ...]] | None = None,
) -> str:
    """`words` (weightiest first), each with its `forms` (by lemma), the words of another word
    class it is `derived` from or into that the handbook never uses in any form (with their
    forms: «kommunisere» stays its own word's, not «kommunikasjon»'s) and what the thesaurus lists
    for it, directly and by lemma; each reader word whose stem the index lacks is listed under the
    handbook word's stem, within TABLE_BUDGET."""
    table: dict[str, list[str]] = defaultdict(list)
    size, listed = 0, set(indexed)
    forms = forms or {}
    for word in words:
        target = stem(word)
        heads = dict.fromkeys((word, lemma(locale, word)))
        kin = dict.fromkeys((other, *forms.get(other, ())) for head in heads for other in derived(locale, head, forms))
        readers = [
            *(form for head in heads for form in forms.get(head, ())),
            *(form for spellings in kin if not any(stem(each) in indexed for each in spellings) for form in spellings),
            *(r for head in heads for r in thesaurus.entries.get(head, ())),
        ]
        for reader in readers:
            key = stem(reader)
            if key in listed or not _is_word(reader):
                continue
            cost = len(key) + 1 + (len(target) + 2 if target not in table else 0)
            if size + cost > TABLE_BUDGET:
                return _serialised(table)
            listed.add(key)
            table[target].append(key)
            size += cost
    return _serialised(table)


def _serialised(table: dict[str, list[str]]) -> str:
    return " ".join(f"{target}:{','.join(keys)}" for target, keys in table.items())
