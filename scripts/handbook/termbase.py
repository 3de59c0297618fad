"""The termbase, `termbase.yml`: preferred terms per locale and forbidden words with replacements.

The checker flags forbidden words (also inside compounds); the site renders the preferred terms
as a glossary. Its shape is `schemas/termbase.schema.json`. Loading never raises on bad input:
it returns problems with the file's line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handbook.datafile import Lines, read_data_file
from handbook.problems import Problem

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
    terms = tuple(_term(entry, lines) for entry in data["terms"])
    forbidden = {
        locale: tuple(
            ForbiddenWord(entry["word"], entry["use"], str(entry.get("why", "")), entry.get("compounds", True))
            for entry in entries
        )
        for locale, entries in data["forbidden"].items()
    }
    return Termbase(terms, forbidden, lines.of(data["forbidden"])), []


def _term(entry: dict[str, Any], lines: Lines) -> Term:
    """One term entry (its shape checked by the schema): the words, and per locale its word lists."""
    words = {str(key): str(value) for key, value in entry.items() if key not in TERM_LISTS}
    lists = {key: {str(locale): tuple(words) for locale, words in entry.get(key, {}).items()} for key in TERM_LISTS}
    return Term(words, lists["variants"], lists["synonyms"], lines.of(entry))
