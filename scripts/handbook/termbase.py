"""The termbase, `termbase.yml`: preferred terms per locale and forbidden words with replacements.

The checker flags forbidden words (also inside compounds); the site renders the preferred terms
as a glossary. Its shape is `schemas/termbase.schema.json`. Loading never raises on bad input: it
returns problems with the file's line, also for entries that contradict each other (a word both
offered to search and forbidden, say), since the checker and the search would then give a
translator opposite advice.

A term's `note` and a forbidden word's `why` are written for translators, so each may be written
in every locale: a plain string is the default locale's text, a mapping gives one text per locale
(`en:` and `nb:` under `note:`, each on a line of its own). Each reader is shown the text in their
own locale, else the default locale's, which the checker's messages quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from handbook.datafile import Lines, read_data_file
from handbook.problems import ANY_LOCALE, Problem, ProblemAt

TERMBASE_FILE = "termbase.yml"
TERM_LISTS = ("variants", "synonyms")  # per-locale word lists a term entry may carry
NOTE = "note"  # a term's comment for translators, beside its words
GLOSSARY = "glossary"  # false: a phrase search matches on, not a key term (left out of the glossary)
WHY = "why"  # why a forbidden word is forbidden
# A locale code that YAML 1.1 read as a boolean (an unquoted no, yes, on or off).
BOOLEAN_HINT = " (YAML reads an unquoted no, yes, on or off as true or false: quote the code)"


class Text(NamedTuple):
    locale: str
    text: str
    line: int  # in termbase.yml


@dataclass(frozen=True)
class Localized:
    """A text for translators written in one or more locales: a term's note, a forbidden word's why."""

    texts: tuple[Text, ...] = ()  # in the file's order
    default: str = ""  # the default locale: its text stands in for a locale that has none
    line: int = 1  # of its key ('note:', 'why:')

    def __bool__(self) -> bool:
        return bool(self.texts)

    def get(self, locale: str) -> str:
        return next((text.text for text in self.texts if text.locale == locale), "")

    @property
    def text(self) -> str:
        """The default locale's text, which the checker's messages quote."""
        return self.get(self.default)

    def for_reader(self, locale: str) -> tuple[str, str]:
        """(the locale it is written in, the text) for a reader of `locale`: the text in `locale`
        if there is one, else the default locale's."""
        own = self.get(locale)
        return (locale, own) if own else (self.default, self.text)


@dataclass(frozen=True)
class ForbiddenWord:
    word: str
    use: str
    reason: Localized  # why it is forbidden
    compounds: bool = True  # also forbidden inside a longer word
    line: int = 1  # of its 'word:' in termbase.yml
    use_line: int = 1  # of its 'use:'

    @property
    def why(self) -> str:
        """Why it is forbidden, in the default locale (as the checker's messages say it)."""
        return self.reason.text

    @property
    def pattern(self) -> re.Pattern[str]:
        """Any word containing the forbidden one (or, without compounds, the word on its own)."""
        if self.compounds:
            return re.compile(rf"\w*{re.escape(self.word)}\w*", re.IGNORECASE)
        return re.compile(rf"\b{re.escape(self.word)}\w*", re.IGNORECASE)  # inflected forms too


@dataclass(frozen=True)
class Term:
    """One key term: its word per locale, an optional `note` for translators, and per locale the
    wrong spellings the checker reports (`variants`) and the words readers search with (`synonyms`)."""

    words: dict[str, str]
    variants: dict[str, tuple[str, ...]]
    synonyms: dict[str, tuple[str, ...]]
    line: int
    where: dict[tuple[str, str, int], int] = field(default_factory=dict)  # (list, locale, index) -> line
    note: Localized = Localized()
    glossary: bool = True  # a key term the glossary lists; false for a phrase only search uses

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


def load_termbase(root: Path, locales: Sequence[str]) -> tuple[Termbase, list[Problem]]:
    """Read termbase.yml; `locales` are concepts.yml's, the default first (a plain `note` or `why`
    is written in it, and a text per locale may only name these)."""
    data, lines, problems = read_data_file(root, TERMBASE_FILE, "termbase", "'terms' and 'forbidden'")
    if data is None:
        return EMPTY_TERMBASE, problems

    def problem(line: int, message: str) -> Problem:
        return Problem(TERMBASE_FILE, line, ANY_LOCALE, "termbase", message)

    default = locales[0] if locales else ""
    terms = tuple(_term(entry, lines, default) for entry in data["terms"])
    forbidden = {
        locale: tuple(_forbidden_word(entry, lines, default) for entry in entries)
        for locale, entries in data["forbidden"].items()
    }
    termbase = Termbase(terms, forbidden, lines.of(data["forbidden"]))
    found = [*_localized_problems(termbase, locales, problem), *contradictions(termbase, problem)]
    return termbase, problems + sorted(found)


def _term(entry: dict[str, Any], lines: Lines, default: str) -> Term:
    """One term entry (its shape checked by the schema): the words, per locale its word lists, and
    the line of every word (for contradictions); its note."""
    line = lines.of(entry)
    words = {str(key): str(value) for key, value in entry.items() if key not in (*TERM_LISTS, NOTE, GLOSSARY)}
    where = {("term", locale, 0): lines.part(entry, locale, line) for locale in words}
    lists: dict[str, dict[str, tuple[str, ...]]] = {}
    for key in TERM_LISTS:
        raw = entry.get(key, {})
        for locale, listed in raw.items():
            where.update({(key, str(locale), index): lines.part(listed, index, line) for index in range(len(listed))})
        lists[key] = {str(locale): tuple(listed) for locale, listed in raw.items()}
    note = _localized(entry, NOTE, lines, default)
    return Term(words, lists["variants"], lists["synonyms"], line, where, note, entry.get(GLOSSARY, True) is not False)


def _forbidden_word(entry: dict[str, Any], lines: Lines, default: str) -> ForbiddenWord:
    line = lines.of(entry)
    compounds = entry.get("compounds", True) is not False
    why = _localized(entry, WHY, lines, default)
    return ForbiddenWord(
        entry["word"], entry["use"], why, compounds, lines.part(entry, "word", line), lines.part(entry, "use", line)
    )


def _localized(entry: dict[str, Any], key: str, lines: Lines, default: str) -> Localized:
    """An entry's `note` or `why` as the schema lets it be written, with the line of each text:
    absent, a string in the default locale, or a mapping from locale to text."""
    raw = entry.get(key)
    at = lines.part(entry, key, lines.of(entry))
    if isinstance(raw, dict):
        texts = tuple(Text(str(locale), str(text), lines.part(raw, locale, at)) for locale, text in raw.items())
        return Localized(texts, default, at)
    return Localized((Text(default, str(raw), at),) if raw is not None else (), default, at)


def _localized_problems(termbase: Termbase, locales: Sequence[str], problem: ProblemAt) -> Iterator[Problem]:
    """A `note` or `why` names only locales of concepts.yml, and has a text in the default locale."""
    owners = [(NOTE, term.note) for term in termbase.terms]
    owners += [(WHY, word.reason) for words in termbase.forbidden.values() for word in words]
    for key, localized in owners:
        for text in localized.texts:
            if text.locale not in locales:
                hint = BOOLEAN_HINT if text.locale in ("True", "False") else ""
                yield problem(
                    text.line, f"'{key}' has a text for '{text.locale}', which is not a locale in concepts.yml{hint}"
                )
        if localized and not localized.text:
            quoted = ", and the checker's messages quote it" if key == WHY else ""
            yield problem(
                localized.line,
                f"'{key}' has no text for '{localized.default}', the default locale: add it "
                f"(it stands in for a locale without a text of its own{quoted})",
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
    """A term's preferred word per locale."""
    return iter(term.words.items())


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
    if key == "synonyms":
        variant = _variant_problem(termbase, term, locale, word)
        if variant:
            return variant
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


def _variant_problem(termbase: Termbase, term: Term, locale: str, synonym: str) -> str | None:
    """A synonym that is also a variant: of its own term (search finds a term's variants already), or of
    another term (the checker tells writers to replace it with that term, while search leads it here)."""
    for owner in termbase.terms:
        for index, variant in enumerate(owner.variants.get(locale, ())):
            if not _same(synonym, variant):
                continue
            line = owner.where[("variants", locale, index)]
            if owner is term:
                return (
                    f"the synonym '{synonym}' is also a variant of this term (line {line}): remove it from the "
                    "synonyms (search finds a term's variants already)"
                )
            other = owner.get(locale)
            return (
                f"the synonym '{synonym}' is a variant of the term '{other}' (line {line}), so search leads it "
                f"to '{other}': remove it from the synonyms of '{term.get(locale)}' or from the variants of '{other}'"
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
