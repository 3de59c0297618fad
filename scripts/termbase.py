"""The termbase, `termbase.yml`: preferred terms per locale and forbidden words with replacements.

The checker flags forbidden words (also inside compounds); the site renders the preferred terms
as a glossary. Loading never raises on bad input: it returns problems with the file's line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from scripts.problems import ANY_LOCALE, Problem
from scripts.registry import read_data_file

TERMBASE_FILE = "termbase.yml"


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
class Termbase:
    terms: tuple[dict[str, str], ...]  # each maps locale -> term (plus an optional "note")
    forbidden: dict[str, tuple[ForbiddenWord, ...]]  # locale -> words
    forbidden_line: int = 1  # where 'forbidden' starts, for problems about it
    # Words readers type for a term, aligned with `terms`: locale -> words (search finds the term's sections).
    synonyms: tuple[dict[str, tuple[str, ...]], ...] = ()


EMPTY_TERMBASE = Termbase((), {})


def load_termbase(root: Path) -> tuple[Termbase, list[Problem]]:
    data, problems = read_data_file(root, TERMBASE_FILE, "termbase", "'terms' and 'forbidden'")
    if data is None:
        return EMPTY_TERMBASE, problems

    def problem(line: int, message: str) -> Problem:
        return Problem(TERMBASE_FILE, line, ANY_LOCALE, "termbase", message)

    entries = list(_read_terms(data.get("terms"), data.get("__line__", 1), problem, problems))
    forbidden = _read_forbidden(data.get("forbidden"), data.get("__line__", 1), problem, problems)
    raw = data.get("forbidden")
    terms = tuple(term for term, _ in entries)
    synonyms = tuple(words for _, words in entries)
    return Termbase(terms, forbidden, raw.get("__line__", 1) if isinstance(raw, dict) else 1, synonyms), problems


def _read_terms(raw, top: int, problem, problems: list[Problem]):
    if not isinstance(raw, list):
        problems.append(problem(top, "'terms' must be a list of {en: …, <locale>: …} entries"))
        return
    for entry in raw:
        line = entry.get("__line__", top) if isinstance(entry, dict) else top
        if not isinstance(entry, dict) or not all(isinstance(v, (str, int)) for k, v in entry.items() if k not in ("synonyms", "__line__")):
            problems.append(problem(line, "each term maps locale codes to words"))
            continue
        synonyms = _read_synonyms(entry.get("synonyms", {}))
        if synonyms is None:
            problems.append(problem(line, "'synonyms' maps locale codes to lists of words, e.g. {en: [refund], nb: [refusjon]}"))
            continue
        yield {key: value for key, value in entry.items() if key not in ("__line__", "synonyms")}, synonyms


def _read_synonyms(raw) -> dict[str, tuple[str, ...]] | None:
    if not isinstance(raw, dict):
        return None
    words = {locale: value for locale, value in raw.items() if locale != "__line__"}
    if not all(isinstance(value, list) and all(isinstance(w, str) and w.strip() for w in value) for value in words.values()):
        return None
    return {locale: tuple(value) for locale, value in words.items()}


def _read_forbidden(raw, top: int, problem, problems: list[Problem]) -> dict[str, tuple[ForbiddenWord, ...]]:
    if not isinstance(raw, dict):
        problems.append(problem(top, "'forbidden' must map each locale to a list of {word, use, why}"))
        return {}
    forbidden = {}
    for locale, entries in raw.items():
        if locale == "__line__":
            continue
        if not isinstance(entries, list):
            problems.append(problem(raw["__line__"], f"'forbidden: {locale}' must be a list of {{word, use, why}}"))
        words = []
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and all(isinstance(entry.get(key), str) and entry[key] for key in ("word", "use")):
                words.append(ForbiddenWord(entry["word"], entry["use"], str(entry.get("why", "")), entry.get("compounds", True) is not False))
            else:
                problems.append(problem(entry.get("__line__", top) if isinstance(entry, dict) else top, "each forbidden word needs 'word' and 'use'"))
        forbidden[locale] = tuple(words)
    return forbidden
