"""`handbook term WORD`: one word looked up in the termbase, in both directions.

A translator meets a word in either language and wants the handbook's term for it: the
preferred word in every locale, the variants the checker reports, the synonyms readers search
with, and, if the word is forbidden, what to write instead and why. A term's note is shown in each
language the termbase has it in; a forbidden word's why in the forbidden word's language (else the
default locale's), then in the others. Matching ignores case and
finds the word inside a longer entry ("call" finds "call back"), in another inflection than the
entry's (the Snowball stem of the entry's language: «hindringer» finds «hindring»), as the end of a
compound entry («gjenoppretting» finds «servicegjenoppretting») and in a term's note, and a
forbidden word inside a compound, as the checker does. The closest matches come first: the entry
whose term or variant is the word, then one in another inflection, then terms of several words
that hold it, then compounds, then entries that only mention it in a search synonym or a note,
each with a line that says which (`matched: search synonym 'vinne tilbake kunden' (nb)`).
"""

from __future__ import annotations

import re
from pathlib import Path

from handbook.rules.terms import instead
from handbook.stemming import stem
from handbook.termbase import TERMBASE_FILE, ForbiddenWord, Term, Termbase

# How closely an entry matches the word looked up, closest first: the entries are listed in this
# order (in termbase order within a rank), so the entry for the word itself comes first.
EXACT = 0  # the term or a variant is the word («kunde» for kunde; a forbidden word itself)
INFLECTED = 1  # the term or a variant is the word in another inflection («kunde» for kunden)
IN_PHRASE = 2  # a term or a variant of several words holds the word («intern kunde» for kunden)
COMPOUND = 3  # the term or a variant ends with the word («servicegjenoppretting» for gjenoppretting)
MENTION = 4  # only a search synonym or the note holds it, or it is the word to use for a forbidden one


def look_up(termbase: Termbase, word: str, root: Path) -> list[str]:
    """Lines describing every entry that `word` matches, the closest matches first; empty if none
    does. `root` is the project's, whose word lists the spell checker reads."""
    wanted = word.strip().casefold()
    found: list[tuple[int, list[str]]] = []
    for locale, entries in termbase.forbidden.items():
        for entry in entries:
            if entry.pattern.fullmatch(wanted):
                advice = _advice(termbase, str(locale), entry, word.strip(), root)
                found.append((EXACT, [*_forbidden_lines(str(locale), entry), *advice]))
            elif entry.use.casefold() == wanted:
                found.append((MENTION, _forbidden_lines(str(locale), entry)))
    for term in termbase.terms:
        rank = _rank(wanted, term)
        if rank is not None:
            lines = _term_lines(term)
            found.append((rank, lines[:1] + _why_mentioned(wanted, term) + lines[1:] if rank == MENTION else lines))
    return [line for _, lines in sorted(found, key=lambda item: item[0]) for line in lines]


def _rank(wanted: str, term: Term) -> int | None:
    """How closely `term` matches `wanted` (see EXACT…MENTION), or None if it does not."""
    ranks = [_word_rank(wanted, locale, text) for locale, text in _main_words(term)]
    ranks += [MENTION for locale, text in _all_words(term) if _matches(wanted, locale, text)]
    return min((rank for rank in ranks if rank is not None), default=None)


def _word_rank(wanted: str, locale: str, text: str) -> int | None:
    """How closely a term or variant `text` matches `wanted`."""
    text = text.casefold()
    if text == wanted:
        return EXACT
    words = re.findall(r"\w+", text)
    if not wanted.isalpha():
        return IN_PHRASE if re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", text) else None
    root = stem(locale, wanted)
    if len(words) == 1 and stem(locale, words[0]) == root:
        return INFLECTED
    if any(word == wanted or stem(locale, word) == root for word in words):
        return IN_PHRASE
    if len(wanted) >= MIN_COMPOUND_PART and any(word.endswith(wanted) for word in words):
        return COMPOUND
    return None


def _forbidden_lines(locale: str, entry: ForbiddenWord) -> list[str]:
    """The forbidden word, the word to use and why, in the word's language (else the default
    locale's); then why in each other language the termbase gives it in."""
    shown, why = entry.reason.for_reader(locale)
    line = f"{locale}: '{entry.word}' is forbidden: use '{entry.use}'" + (f" ({why})" if why else "")
    return [line] + [f"  why ({text.locale}): {text.text}" for text in entry.reason.texts if text.locale != shown]


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


def _why_mentioned(wanted: str, term: Term) -> list[str]:
    """For an entry that only a search synonym or its note matches, which ones: the entry itself
    does not show why «kunden» finds service recovery («vinne tilbake kunden»)."""
    reasons = [
        f"search synonym '{synonym}' ({code})"
        for code, synonyms in term.synonyms.items()
        for synonym in synonyms
        if _matches(wanted, code, synonym)
    ]
    reasons += [f"note ({text.locale})" for text in term.note.texts if _matches(wanted, text.locale, text.text)]
    return [f"  matched: {', '.join(reasons)}"] if reasons else []


def _main_words(term: Term) -> list[tuple[str, str]]:
    """(locale, word) for the term's preferred words and variants."""
    words = list(term.words.items())
    return words + [(code, variant) for code, variants in term.variants.items() for variant in variants]


def _all_words(term: Term) -> list[tuple[str, str]]:
    """(locale, word) for every word of the term: preferred, variants, synonyms, and the note in
    each of its languages."""
    words = list(term.words.items())
    words += [(code, variant) for code, variants in term.variants.items() for variant in variants]
    words += [(code, synonym) for code, synonyms in term.synonyms.items() for synonym in synonyms]
    return words + [(text.locale, text.text) for text in term.note.texts]


def _term_lines(term: Term) -> list[str]:
    locales = list(term.words)
    lines = [f"{TERMBASE_FILE}:{term.line}: " + " = ".join(f"{term.get(code)} ({code})" for code in locales)]
    for code in locales:
        details = []
        if term.variants.get(code):
            details.append(f"variants, not to use: {', '.join(term.variants[code])}")
        if term.synonyms.get(code):
            details.append(f"search synonyms (not translations to use): {', '.join(term.synonyms[code])}")
        if details:
            lines.append(f"  {code}: {'; '.join(details)}")
    lines += [f"  note ({text.locale}): {text.text}" for text in term.note.texts]
    return lines
