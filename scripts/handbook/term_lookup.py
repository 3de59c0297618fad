"""`handbook term WORD`: one word looked up in the termbase, in both directions.

A translator meets a word in either language and wants the handbook's term for it: the
preferred word in every locale, the variants the checker reports, the synonyms readers search
with, and, if the word is forbidden, what to write instead and why. Matching ignores case and
finds the word inside a longer entry ("call" finds "call back"), and a forbidden word inside a
compound, as the checker does.
"""

from __future__ import annotations

import re

from handbook.termbase import TERMBASE_FILE, ForbiddenWord, Term, Termbase


def look_up(termbase: Termbase, word: str) -> list[str]:
    """Lines describing every entry that `word` matches; empty if none does."""
    wanted = word.strip().casefold()
    lines: list[str] = []
    for locale, entries in termbase.forbidden.items():
        lines += [_forbidden_line(locale, entry) for entry in entries if _forbids(entry, wanted)]
    for term in termbase.terms:
        if any(_matches(wanted, candidate) for candidate in _all_words(term)):
            lines += _term_lines(term)
    return lines


def _forbids(entry: ForbiddenWord, wanted: str) -> bool:
    return bool(entry.pattern.fullmatch(wanted)) or entry.use.casefold() == wanted


def _forbidden_line(locale: str, entry: ForbiddenWord) -> str:
    return f"{locale}: '{entry.word}' is forbidden: use '{entry.use}' ({entry.why})"


def _matches(wanted: str, candidate: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", candidate.casefold()) is not None


def _all_words(term: Term) -> list[str]:
    words = [value for key, value in term.words.items() if key != "note"]
    words += [variant for variants in term.variants.values() for variant in variants]
    return words + [synonym for synonyms in term.synonyms.values() for synonym in synonyms]


def _term_lines(term: Term) -> list[str]:
    locales = [locale for locale in term.words if locale != "note"]
    lines = [f"{TERMBASE_FILE}:{term.line}: " + " = ".join(f"{term.get(code)} ({code})" for code in locales)]
    for code in locales:
        details = []
        if term.variants.get(code):
            details.append(f"variants, not to use: {', '.join(term.variants[code])}")
        if term.synonyms.get(code):
            details.append(f"search synonyms (not translations to use): {', '.join(term.synonyms[code])}")
        if details:
            lines.append(f"  {code}: {'; '.join(details)}")
    if term.get("note"):
        lines.append(f"  note: {term.get('note')}")
    return lines
