"""Rules on words: no page uses a word the termbase forbids, or a known variant of a preferred term."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from handbook.problems import ANY_LOCALE, Problem
from handbook.project import Project
from handbook.rules.spelling import WORD_LISTS, known_words
from handbook.stemming import stem as snowball_stem
from handbook.termbase import TERMBASE_FILE, ForbiddenWord, Termbase


def check_forbidden_terms(project: Project) -> Iterator[Problem]:
    """No page uses a word the termbase forbids for its locale, not even inside a compound."""
    for locale in sorted(set(project.termbase.forbidden) - set(project.registry.locales), key=str):
        hint = (
            " (YAML reads an unquoted no, yes, on or off as true or false: quote the code)"
            if isinstance(locale, bool)
            else ""
        )
        yield Problem(
            TERMBASE_FILE,
            project.termbase.forbidden_line,
            ANY_LOCALE,
            "termbase",
            f"'forbidden' lists words for '{locale}', which is not a locale in concepts.yml{hint}",
        )
    for locale in project.registry.locales:
        words = project.termbase.forbidden.get(locale, ())
        for page in project.pages_of(locale) if words else ():
            for number, text in page.parsed.reader_lines():
                for word in words:
                    for match in word.pattern.finditer(text):
                        found = match.group(0)
                        yield page.problem(
                            number,
                            "forbidden-term",
                            f"'{found}'{holds(locale, found, word)}, which is forbidden ({word.why}): "
                            + instead(project.termbase, locale, word, found, project.root),
                        )


def holds(locale: str, found: str, entry: ForbiddenWord) -> str:
    """How `found` holds the forbidden word: nothing to say when it is the word itself; ` is a form
    of` when it is the word inflected (the same Snowball stem: «treningen» of «trening»); else
    ` contains`, a compound («serviceutvinningen» contains «utvinning»)."""
    if found.casefold() == entry.word.casefold():
        return ""
    if snowball_stem(locale, found.casefold()) == snowball_stem(locale, entry.word.casefold()):
        return f" is a form of '{entry.word}'"
    return f" contains '{entry.word}'"


# The usual endings of Norwegian nouns (definite, plural) and English plurals, shortest first:
# taken off the forbidden word they tell the ending `found` has after its stem («medfølelse|n»,
# «medfølels|en»), taken off the word to use they give its stem («førstelinje|n»).
ENDINGS = ("n", "t", "a", "e", "s", "en", "et", "er", "es", "ene")
COMPOUND_PART = 4  # letters besides the forbidden word that make a compound; fewer are its ending


def instead(termbase: Termbase, locale: str, entry: ForbiddenWord, found: str, root: Path) -> str:
    """What to write instead of `found`, a word that holds the forbidden `entry`: the word to use
    as is, or, when `found` is longer (an inflected form or a compound), `found` with the
    forbidden part replaced by the first form of the word to use that the spell checker accepts
    («treningen» -> «opplæringen», «medfølelsen» -> «empatien», «frontlinjeansatte» ->
    «førstelinjeansatte», not «førstelinjenansatte»); for a compound, also a termbase term that
    holds the word to use («ansatte i førstelinjen»). When the spell checker accepts none, it says
    so: no form of the word to use fits, rephrase (or teach the spell checker the right form)."""
    part = re.search(re.escape(entry.word), found, re.IGNORECASE)
    if part is None or part.group(0) == found or not entry.use.isalpha():
        return f"write '{entry.use}' instead"
    accepted = known_words(forms(entry, part), locale, root)
    terms = holding(termbase, locale, entry.use) if len(found) - len(entry.word) >= COMPOUND_PART else []
    others = "".join(f", or the termbase's '{term}'" for term in terms)
    if accepted:
        return f"write '{accepted[0]}' instead{others}"
    whose = "the termbase's " if termbase.is_term(locale, entry.use) else ""
    return (
        f"no form of '{entry.use}' that the spell checker knows fits here: rephrase with {whose}'{entry.use}'"
        f"{others} (or add the right form to {WORD_LISTS}/{locale}.txt)"
    )


def forms(entry: ForbiddenWord, part: re.Match[str]) -> list[str]:
    """The words to try in place of the word that holds the forbidden one at `part`: what precedes
    the forbidden word in it, then a stem of the word to use (compound_stems), then the ending the
    word has after a stem of the forbidden word (the rest after the whole word first: «medfølelse|n»,
    then «medfølels|en»)."""
    head, rest = part.string[: part.start()], part.string[part.start() :].casefold()
    endings = [rest[len(stem) :] for stem in compound_stems(entry.word.casefold()) if rest.startswith(stem)]
    candidates: list[str] = []
    for ending in endings:
        for stem in compound_stems(entry.use):
            if not head and part.group(0)[:1].isupper():
                stem = stem[:1].upper() + stem[1:]
            if head + stem + ending not in candidates:
                candidates.append(head + stem + ending)
    return candidates


def compound_stems(word: str) -> list[str]:
    """The word as is, then without each ending it has that leaves a stem of three letters or more."""
    return [word] + [word[: -len(end)] for end in ENDINGS if word.endswith(end) and len(word) - len(end) >= 3]


def holding(termbase: Termbase, locale: str, word: str) -> list[str]:
    """The termbase's terms in `locale` that hold `word` as one of their words («ansatte i førstelinjen»)."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    terms = [term.get(locale) for term in termbase.terms]
    return [term for term in terms if pattern.search(term) and term.casefold() != word.casefold()]


def check_term_variants(project: Project) -> Iterator[Problem]:
    """No page writes a known variant of a preferred term (termbase `variants`) instead of the term itself."""
    for term in project.termbase.terms:
        for locale, variants in term.variants.items():
            preferred = term.get(locale)
            # A variant that is a term itself contradicts the termbase, which reports it there, once.
            variants = tuple(variant for variant in variants if not project.termbase.is_term(locale, variant))
            patterns = [re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)", re.IGNORECASE) for variant in variants]
            for page in project.pages_of(locale):
                for number, text in page.parsed.reader_lines():
                    for pattern in patterns:
                        for match in pattern.finditer(text):
                            message = (
                                f"'{match.group(0)}' is a variant of the termbase term '{preferred}': "
                                f"write '{preferred}' (termbase.yml line {term.line})"
                            )
                            yield page.problem(number, "term-variant", message)
