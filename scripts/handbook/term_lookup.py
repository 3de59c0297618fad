"""`handbook term WORD`: one word looked up in the termbase, in both directions.

A translator meets a word in either language and wants the handbook's term for it: the
preferred word in every locale, the variants the checker reports, the synonyms readers search
with, and, if the word is forbidden, what to write instead and why. Matching ignores case and
finds the word inside a longer entry ("call" finds "call back"), in another inflection than the
entry's (the Snowball stem of the entry's language: «hindringer» finds «hindring»), as the end of a
compound entry («gjenoppretting» finds «servicegjenoppretting») and in a term's note, and a
forbidden word inside a compound, as the checker does.
"""

from __future__ import annotations

import re
from pathlib import Path

from handbook.rules.terms import instead
from handbook.search.index import stem
from handbook.termbase import TERMBASE_FILE, ForbiddenWord, Term, Termbase


def look_up(termbase: Termbase, word: str, root: Path) -> list[str]:
    """Lines describing every entry that `word` matches; empty if none does. `root` is the
    project's, whose word lists the spell checker reads."""
    wanted = word.strip().casefold()
    lines: list[str] = []
    for locale, entries in termbase.forbidden.items():
        for entry in entries:
            if _forbids(entry, wanted):
                lines.append(_forbidden_line(locale, entry))
                lines += _advice(termbase, str(locale), entry, word.strip(), root)
    for term in termbase.terms:
        if any(_matches(wanted, locale, candidate) for locale, candidate in _all_words(term)):
            lines += _term_lines(term)
    return lines


def _forbids(entry: ForbiddenWord, wanted: str) -> bool:
    return bool(entry.pattern.fullmatch(wanted)) or entry.use.casefold() == wanted


def _forbidden_line(locale: str, entry: ForbiddenWord) -> str:
    return f"{locale}: '{entry.word}' is forbidden: use '{entry.use}' ({entry.why})"


def _advice(termbase: Termbase, locale: str, entry: ForbiddenWord, word: str, root: Path) -> list[str]:
    """For a longer word that holds the forbidden one (a compound, an inflected form), what the
    checker says to write instead of it, when that is more than the word to use."""
    if not entry.pattern.fullmatch(word) or word.casefold() == entry.word.casefold():
        return []
    advice = instead(termbase, locale, entry, word, root)
    return [] if advice == f"write '{entry.use}' instead" else [f"  in '{word}': {advice}"]


MIN_COMPOUND_PART = 5  # shorter endings («ing», «sjon») end too many compounds


def _matches(wanted: str, locale: str, candidate: str) -> bool:
    text = candidate.casefold()
    if re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", text):
        return True
    if not wanted.isalpha():
        return False
    root = stem(locale, wanted)
    return any(
        stem(locale, word) == root or (len(wanted) >= MIN_COMPOUND_PART and word.endswith(wanted))
        for word in re.findall(r"\w+", text)
    )


def _all_words(term: Term) -> list[tuple[str, str]]:
    """(locale, word) for every word of the term: preferred, variants, synonyms, and the note (in the
    default locale, the first of the term's)."""
    words = [(key, value) for key, value in term.words.items() if key != "note"]
    words += [(code, variant) for code, variants in term.variants.items() for variant in variants]
    words += [(code, synonym) for code, synonyms in term.synonyms.items() for synonym in synonyms]
    return words + ([(words[0][0], term.get("note"))] if term.get("note") and words else [])


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
