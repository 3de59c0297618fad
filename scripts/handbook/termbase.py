"""The termbase, `termbase.yml`: preferred terms per locale and forbidden words with replacements.

The checker flags forbidden words (also inside compounds); the site renders the preferred terms
as a glossary. Loading never raises on bad input: it returns problems with the file's line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handbook.datafile import Lines, read_data_file
from handbook.problems import ANY_LOCALE, Problem, ProblemAt

TERMBASE_FILE = "termbase.yml"
TERM_LISTS = ("variants", "synonyms")  # per-locale word lists a term entry may carry


@dataclass(frozen=True)
class ForbiddenWord:
    word: str
    use: str
    why: str
    compounds: bool = True  # also forbidden inside a longer word

    @property
    def pattern(self) -> re.Pattern[str]:
        """Any word containing the forbidden one (or, without compounds, the word on its own)."""
        if self.compounds:
            return re.compile(rf"\w*{re.escape(self.word)}\w*", re.IGNORECASE)
        return re.compile(rf"\b{re.escape(self.word)}\w*", re.IGNORECASE)  # inflected forms too


@dataclass(frozen=True)
class Term:
    """One key term: its word per locale (plus an optional "note"), and per locale the wrong
    spellings the checker reports (`variants`) and the words readers search with (`synonyms`)."""

    words: dict[str, str]
    variants: dict[str, tuple[str, ...]]
    synonyms: dict[str, tuple[str, ...]]
    line: int

    def get(self, locale: str, default: str = "") -> str:
        return self.words.get(locale, default)

    def __contains__(self, locale: object) -> bool:
        return locale in self.words


@dataclass(frozen=True)
class Termbase:
    terms: tuple[Term, ...]
    forbidden: dict[str, tuple[ForbiddenWord, ...]]  # locale -> words
    forbidden_line: int = 1  # where 'forbidden' starts, for problems about it


EMPTY_TERMBASE = Termbase((), {})


def load_termbase(root: Path) -> tuple[Termbase, list[Problem]]:
    data, lines, problems = read_data_file(root, TERMBASE_FILE, "termbase", "'terms' and 'forbidden'")
    if data is None:
        return EMPTY_TERMBASE, problems

    def problem(line: int, message: str) -> Problem:
        return Problem(TERMBASE_FILE, line, ANY_LOCALE, "termbase", message)

    top = lines.of(data)
    terms = tuple(_read_terms(data.get("terms"), lines, top, problem, problems))
    forbidden = _read_forbidden(data.get("forbidden"), lines, top, problem, problems)
    return Termbase(terms, forbidden, lines.of(data.get("forbidden"))), problems


def _read_terms(raw: Any, lines: Lines, top: int, problem: ProblemAt, problems: list[Problem]) -> Iterator[Term]:
    if not isinstance(raw, list):
        problems.append(problem(top, "'terms' must be a list of {en: …, <locale>: …} entries"))
        return
    for entry in raw:
        line = lines.of(entry, top)
        words = (
            {key: value for key, value in entry.items() if key not in TERM_LISTS} if isinstance(entry, dict) else None
        )
        if words is None or not all(isinstance(value, (str, int)) for value in words.values()):
            problems.append(problem(line, "each term maps locale codes to words"))
            continue
        lists = {key: _locale_lists(entry.get(key), key, line, problem, problems) for key in TERM_LISTS}
        yield Term({str(k): str(v) for k, v in words.items()}, lists["variants"], lists["synonyms"], line)


def _locale_lists(
    raw: Any, key: str, line: int, problem: ProblemAt, problems: list[Problem]
) -> dict[str, tuple[str, ...]]:
    """`variants` or `synonyms` of a term: locale -> words."""
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(
        isinstance(v, list) and all(isinstance(w, str) for w in v) for v in raw.values()
    ):
        problems.append(
            problem(line, f"'{key}' must map locale codes to lists of words, e.g. {{nb: [word, other word]}}")
        )
        return {}
    return {str(locale): tuple(words) for locale, words in raw.items()}


def _read_forbidden(
    raw: Any, lines: Lines, top: int, problem: ProblemAt, problems: list[Problem]
) -> dict[str, tuple[ForbiddenWord, ...]]:
    if not isinstance(raw, dict):
        problems.append(problem(top, "'forbidden' must map each locale to a list of {word, use, why}"))
        return {}
    forbidden = {}
    for locale, entries in raw.items():
        if not isinstance(entries, list):
            problems.append(problem(lines.of(raw), f"'forbidden: {locale}' must be a list of {{word, use, why}}"))
        words = []
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and all(
                isinstance(entry.get(key), str) and entry[key] for key in ("word", "use")
            ):
                compounds = entry.get("compounds", True) is not False
                words.append(ForbiddenWord(entry["word"], entry["use"], str(entry.get("why", "")), compounds))
            else:
                problems.append(problem(lines.of(entry, top), "each forbidden word needs 'word' and 'use'"))
        forbidden[locale] = tuple(words)
    return forbidden
