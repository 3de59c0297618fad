"""The termbase, `termbase.yml`: preferred terms per locale and forbidden words with replacements.

The checker flags forbidden words (also inside compounds); the site renders the preferred terms
as a glossary. Its shape is `schemas/termbase.schema.json`. Loading never raises on bad input: it
returns problems with the file's line, also for entries that contradict each other (a word both
offered to search and forbidden, say), since the checker and the search would then give a
translator opposite advice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.datafile import Lines, read_data_file
from handbook.problems import ANY_LOCALE, Problem, ProblemAt

TERMBASE_FILE = "termbase.yml"
TERM_LISTS = ("variants", "synonyms")  # per-locale word lists a term entry may carry
NOTE = "note"  # a term's comment for translators, beside its words


@dataclass(frozen=True)
class ForbiddenWord:
    word: str
    use: str
    why: str
    compounds: bool = True  # also forbidden inside a longer word
    line: int = 1  # of its 'word:' in termbase.yml
    use_line: int = 1  # of its 'use:'

    @property
    def pattern(self) -> re.Pattern[str]:
        """Any word containing the forbidden one (or, without compounds, the word on its own)."""
        if self.compounds:
            return re.compile(rf"\w*{re.escape(self.word)}\w*", re.IGNORECASE)
        return re.compile(rf"\b{re.escape(self.word)}\w*", re.IGNORECASE)  # inflected forms too


@dataclass(frozen=True)
class Term:
    """One key term: its word per locale (plus an optional `note`), and per locale the wrong
    spellings the checker reports (`variants`) and the words readers search with (`synonyms`)."""

    words: dict[str, str]
    variants: dict[str, tuple[str, ...]]
    synonyms: dict[str, tuple[str, ...]]
    line: int
    where: dict[tuple[str, str, int], int] = field(default_factory=dict)  # (list, locale, index) -> line

    def get(self, locale: str, default: str = "") -> str:
        return self.words.get(locale, default)

    def __contains__(self, locale: object) -> bool:
        return locale in self.words


@dataclass(frozen=True)
class Termbase:
    terms: tuple[Term, ...]
    forbidden: dict[str, tuple[ForbiddenWord, ...]]  # locale -> words
    forbidden_line: int = 1  # where 'forbidden' starts, for problems about it

    def is_term(self, locale: str, word: str) -> bool:
        """Whether `word` is some entry's preferred term in `locale`."""
        return any(_same(term.get(locale), word) for term in self.terms)


EMPTY_TERMBASE = Termbase((), {})


def load_termbase(root: Path) -> tuple[Termbase, list[Problem]]:
    data, lines, problems = read_data_file(root, TERMBASE_FILE, "termbase", "'terms' and 'forbidden'")
    if data is None:
        return EMPTY_TERMBASE, problems

    def problem(line: int, message: str) -> Problem:
        return Problem(TERMBASE_FILE, line, ANY_LOCALE, "termbase", message)

    terms = tuple(_term(entry, lines) for entry in data["terms"])
    forbidden = {
        locale: tuple(_forbidden_word(entry, lines) for entry in entries)
        for locale, entries in data["forbidden"].items()
    }
    termbase = Termbase(terms, forbidden, lines.of(data["forbidden"]))
    return termbase, problems + sorted(contradictions(termbase, problem))


def _term(entry: dict[str, Any], lines: Lines) -> Term:
    """One term entry (its shape checked by the schema): the words, per locale its word lists, and
    the line of every word (for contradictions)."""
    line = lines.of(entry)
    words = {str(key): str(value) for key, value in entry.items() if key not in TERM_LISTS}
    where = {("term", locale, 0): lines.part(entry, locale, line) for locale in words}
    lists: dict[str, dict[str, tuple[str, ...]]] = {}
    for key in TERM_LISTS:
        raw = entry.get(key, {})
        for locale, listed in raw.items():
            where.update({(key, str(locale), index): lines.part(listed, index, line) for index in range(len(listed))})
        lists[key] = {str(locale): tuple(listed) for locale, listed in raw.items()}
    return Term(words, lists["variants"], lists["synonyms"], line, where)


def _forbidden_word(entry: dict[str, Any], lines: Lines) -> ForbiddenWord:
    line = lines.of(entry)
    compounds = entry.get("compounds", True) is not False
    why = str(entry.get("why", ""))
    return ForbiddenWord(
        entry["word"], entry["use"], why, compounds, lines.part(entry, "word", line), lines.part(entry, "use", line)
    )


def contradictions(termbase: Termbase, problem: ProblemAt) -> Iterator[Problem]:
    """Entries that give opposite advice, each at the line to change."""
    yield from _repeated_terms(termbase, problem)
    for term in termbase.terms:
        yield from _term_contradictions(termbase, term, problem)
    for locale, words in termbase.forbidden.items():
        yield from _forbidden_contradictions(termbase, str(locale), words, problem)


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _forbidding(termbase: Termbase, locale: str, text: str) -> ForbiddenWord | None:
    """The forbidden word the checker would report in `text`, as it reports it in a page."""
    return next((word for word in termbase.forbidden.get(locale, ()) if word.pattern.search(text)), None)


def _preferred_of(termbase: Termbase, locale: str, text: str, besides: Term) -> Term | None:
    """The other entry whose term in `locale` is `text`."""
    return next((t for t in termbase.terms if t is not besides and _same(t.get(locale), text)), None)


def _repeated_terms(termbase: Termbase, problem: ProblemAt) -> Iterator[Problem]:
    """A word is the term of one entry per locale (a second entry would be a second glossary row)."""
    first: dict[tuple[str, str], Term] = {}
    for term in termbase.terms:
        for locale, word in _words(term):
            earlier = first.setdefault((locale, word.casefold()), term)
            if earlier is not term:
                yield problem(
                    term.where[("term", locale, 0)],
                    f"'{word}' is already the term on line {earlier.line}: "
                    "merge the two entries, or make one word a synonym of the other",
                )


def _words(term: Term) -> Iterator[tuple[str, str]]:
    """A term's preferred word per locale (without its note)."""
    return ((locale, word) for locale, word in term.words.items() if locale != NOTE)


def _term_contradictions(termbase: Termbase, term: Term, problem: ProblemAt) -> Iterator[Problem]:
    for locale, word in _words(term):
        forbidden = _forbidding(termbase, locale, word)
        if forbidden:
            yield problem(
                term.where[("term", locale, 0)],
                f"the term '{word}' is forbidden (line {forbidden.line}): change the term or the forbidden word",
            )
    for key, lists in (("variants", term.variants), ("synonyms", term.synonyms)):
        for locale, words in lists.items():
            for index, word in enumerate(words):
                message = _list_word_problem(termbase, term, key, locale, word, words[:index])
                if message:
                    yield problem(term.where[(key, locale, index)], message)


def _list_word_problem(
    termbase: Termbase, term: Term, key: str, locale: str, word: str, before: tuple[str, ...]
) -> str | None:
    """What is wrong with one of a term's variants or synonyms, if anything."""
    kind = key.removesuffix("s")
    preferred = term.get(locale)
    if any(_same(word, other) for other in before):
        return f"the {kind} '{word}' is listed twice"
    if preferred and _same(word, preferred):
        return f"the {kind} '{word}' is the term itself: remove it from the {key}"
    other = _preferred_of(termbase, locale, word, besides=term)
    if key == "variants" and other:
        return (
            f"the variant '{word}' is the term on line {other.line}: "
            "the checker would report that term wherever it is used"
        )
    forbidden = _forbidding(termbase, locale, word)
    if forbidden and key == "synonyms":
        return (
            f"the synonym '{word}' is forbidden (line {forbidden.line}): remove it from the synonyms "
            f"(search already leads '{forbidden.word}' to '{forbidden.use}')"
        )
    if forbidden:
        return (
            f"the variant '{word}' is also forbidden (line {forbidden.line}), with another word to use: "
            "remove one of the two"
        )
    return None


def _forbidden_contradictions(
    termbase: Termbase, locale: str, words: tuple[ForbiddenWord, ...], problem: ProblemAt
) -> Iterator[Problem]:
    seen: dict[str, ForbiddenWord] = {}
    for word in words:
        earlier = seen.setdefault(word.word.casefold(), word)
        if earlier is not word:
            yield problem(word.line, f"the forbidden word '{word.word}' is listed twice (first on line {earlier.line})")
        also = _forbidding(termbase, locale, word.use)
        if also:
            yield problem(
                word.use_line,
                f"'{word.word}' says to use '{word.use}', which is forbidden too (line {also.line}): "
                "name a word the checker accepts",
            )
        for term in termbase.terms:
            for index, variant in enumerate(term.variants.get(locale, ())):
                if _same(word.use, variant):
                    yield problem(
                        word.use_line,
                        f"'{word.word}' says to use '{word.use}', a variant of the term '{term.get(locale)}' "
                        f"(line {term.where[('variants', locale, index)]}): use the term",
                    )
