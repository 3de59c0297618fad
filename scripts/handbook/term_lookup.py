"""`handbook term WORD`: one word looked up in the termbase, in both directions.

A translator meets a word in either language and wants the handbook's term for it: the
preferred word in every locale, the variants the checker reports, the synonyms readers search
with, and, if the word is forbidden, what to write instead and why. A term's note is shown in each
language the termbase has it in; a forbidden word's why in the forbidden word's language (else the
default locale's), then in the others. Matching ignores case and
finds the word inside a longer entry ("call" finds "call back"), in another inflection than the
entry's (the Snowball stem or simplemma lemma of the entry's language: «hindringer» finds
«hindring», «kollegaene» finds «kollega», "follow-ups" finds "follow-up"), as the end of a
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
from handbook.stemming import lemma, stem
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
    by_stem = _term_matches(termbase, wanted, by_lemma=False)
    strong = any(rank < COMPOUND for rank, _ in by_stem)
    found += by_stem if strong else _term_matches(termbase, wanted, by_lemma=True)  # a superset of by_stem
    return [line for _, lines in sorted(found, key=lambda item: item[0]) for line in lines]


def _term_matches(termbase: Termbase, wanted: str, by_lemma: bool) -> list[tuple[int, list[str]]]:
    """The terms `wanted` matches, with their rank; `by_lemma` also compares lemmas, which loads
    the lemmatizer's dictionaries (a second or two), so it is tried only when stems find no term
    that is or holds the word ("staffing" is only in a synonym's compound until "staff" is seen)."""
    found = []
    for term in termbase.terms:
        rank = _rank(wanted, term, by_lemma)
        if rank is not None:
            lines = _term_lines(term)
            found.append((rank, lines[:1] + _why_mentioned(wanted, term) + lines[1:] if rank == MENTION else lines))
    return found


def _rank(wanted: str, term: Term, by_lemma: bool = False) -> int | None:
    """How closely `term` matches `wanted` (see EXACT…MENTION), or None if it does not."""
    ranks = [_word_rank(wanted, locale, text, by_lemma) for locale, text in _main_words(term)]
    ranks += [MENTION for locale, text in _all_words(term) if _matches(wanted, locale, text)]
    return min((rank for rank in ranks if rank is not None), default=None)


def _word_rank(wanted: str, locale: str, text: str, by_lemma: bool = False) -> int | None:
    """How closely a term or variant `text` matches `wanted`."""
    text = text.casefold()
    if text == wanted:
        return EXACT
    words = re.findall(r"\w+", text)
    if not wanted.isalpha():
        if re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", text):
            return IN_PHRASE
        return _phrase_rank(re.findall(r"\w+", wanted), locale, words, by_lemma)
    if len(words) == 1 and _same_word(locale, words[0], wanted, by_lemma):
        return INFLECTED
    if any(_same_word(locale, word, wanted, by_lemma) for word in words):
        return IN_PHRASE
    if len(wanted) >= MIN_COMPOUND_PART and any(word.endswith(wanted) for word in words):
        return COMPOUND
    return None


def _same_word(locale: str, word: str, wanted: str, by_lemma: bool) -> bool:
    """The same word, or another inflection of it: the same Snowball stem («hindringer»,
    «hindring»), or `by_lemma` the same lemma («kollegaene», «kollega»; "follow-ups", "follow-up")."""
    if word == wanted or stem(locale, word) == stem(locale, wanted):
        return True
    # Not by a lemma of one or two letters: "does" is a form of "do", not of "can-do attitude".
    return by_lemma and len(lemma(locale, wanted)) > 2 and lemma(locale, word) == lemma(locale, wanted)


def _phrase_rank(parts: list[str], locale: str, words: list[str], by_lemma: bool) -> int | None:
    """A term of several words that holds the words `parts` (a hyphenated word or a phrase looked
    up) in some inflection: INFLECTED if that is the whole term, else IN_PHRASE."""
    size = len(parts)
    for start in range(len(words) - size + 1):
        pairs = zip(words[start : start + size], parts, strict=True)
        if parts and all(_same_word(locale, w, p, by_lemma) for w, p in pairs):
            return INFLECTED if size == len(words) else IN_PHRASE
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
